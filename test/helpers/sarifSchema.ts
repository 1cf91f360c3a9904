/**
 * Validation against the SARIF 2.1.0 JSON schema with Ajv's draft-04 validator (the schema's own
 * draft) and the standard formats (uri, date-time…). The schema comes from the npm registry:
 * @microsoft/jest-sarif ships the committee's 2.1.0 schema (rtm.5, the last draft before the
 * standard; the published errata only add `type: string` beside enums and require a region to
 * have a start, which the format tests check themselves).
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

/** What the schema finds wrong in `log` (`/runs/0/results/2/level must be equal to …`); [] when valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    // Without the `u` flag: the draft's `language` pattern has a stray `]` (fixed in the errata).
    const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file of a package, read once
    validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
