/**
 * Severities per checked file: the nearest `.usercube-jobs.json` at or above the file (not
 * above the folder named on the command line, as the editor stops at its workspace folder;
 * up to the filesystem root for a file named directly), then the `--rule` overrides over it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ParsedSettings, findSettingsFile, parseRuleSettings } from '../node/projectSettings';
import { RuleSettings } from '../rules/validation';

export class RuleSettingsResolver {
  /** Settings file by "folder|stop" (undefined: none). */
  private readonly nearest = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, ParsedSettings>();

  constructor(
    private readonly overrides: RuleSettings,
    private readonly shown: (file: string) => string,
  ) {}

  /** The settings for `file`; `stop` is the folder argument it was found under. */
  forFile(file: string, stop: string | undefined): RuleSettings {
    const dir = path.dirname(file);
    const key = `${dir}|${stop ?? ''}`;
    if (!this.nearest.has(key)) this.nearest.set(key, findSettingsFile(dir, stop));
    const settingsFile = this.nearest.get(key);
    if (!settingsFile) return this.overrides;
    let parsed = this.parsed.get(settingsFile);
    if (!parsed) {
      parsed = readSettings(settingsFile, this.shown(settingsFile));
      this.parsed.set(settingsFile, parsed);
    }
    return { ...parsed.rules, ...this.overrides };
  }

  /** Everything wrong in the settings files read so far, one message each. */
  problems(): string[] {
    return [...this.parsed.values()].flatMap((p) => p.problems);
  }
}

/** Like readSettingsFile, but names the file as the command line shows paths, and allows a BOM. */
function readSettings(file: string, shown: string): ParsedSettings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ? `cannot be read: ${(e as Error).message}` : `is not valid JSON (${(e as Error).message})`;
    return { rules: {}, problems: [`${shown}: ${why}.`] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { rules: {}, problems: [`${shown}: expected an object like {"rules": {"rule-id": "warning"}}.`] };
  }
  return parseRuleSettings((json as { rules?: unknown }).rules, shown);
}
