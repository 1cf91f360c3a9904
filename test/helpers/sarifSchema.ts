/**
 * Validation against the official SARIF 2.1.0 JSON schema (test/fixtures/sarif/, a JSON Schema
 * draft-04 document) with Ajv's draft-04 validator and the standard formats (uri, date-time…).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { FIXTURES } from './workspace';

let validate: ValidateFunction | undefined;

/** What the schema finds wrong in `log` (`/runs/0/results/2/level must be equal to …`); [] when valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
