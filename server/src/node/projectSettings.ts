/**
 * `.usercube-jobs.json` at the root of a configuration: `{"rules": {"rule-id": "off"|"info"|"warning"|"error"}}`.
 * A file's settings come from the nearest such file in its folder or above (up to a stop folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES_BY_ID } from '../rules/registry';
import { SeveritySetting } from '../rules/rule';
import { RuleSettings } from '../rules/validation';

export const SETTINGS_FILE = '.usercube-jobs.json';
const SEVERITIES = new Set<SeveritySetting>(['off', 'info', 'warning', 'error']);

export interface ParsedSettings {
  rules: RuleSettings;
  /** Problems found in the settings themselves (unknown rule, bad severity, bad JSON). */
  problems: string[];
}

/** Validates a `rules` object: known ids, known severities. */
export function parseRuleSettings(value: unknown, where: string): ParsedSettings {
  const rules: Record<string, SeveritySetting> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { rules, problems: [`${where}: "rules" must be an object of rule id → severity.`] };
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!RULES_BY_ID.has(id)) problems.push(`${where}: unknown rule '${id}'.`);
    else if (typeof severity !== 'string' || !SEVERITIES.has(severity as SeveritySetting)) {
      problems.push(`${where}: '${id}' must be one of off, info, warning, error (not ${JSON.stringify(severity)}).`);
    } else rules[id] = severity as SeveritySetting;
  }
  return { rules, problems };
}

export function readSettingsFile(file: string): ParsedSettings {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { rules: {}, problems: [`${file}: cannot be read as JSON (${(e as Error).message}).`] };
  }
  return parseRuleSettings((json as { rules?: unknown } | null)?.rules, file);
}

/** The nearest settings file at or above `dir`, not above `stop` (a workspace folder). */
export function findSettingsFile(dir: string, stop?: string): string | undefined {
  let current = path.resolve(dir);
  const limit = stop ? path.resolve(stop) : undefined;
  for (;;) {
    const candidate = path.join(current, SETTINGS_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current || (limit && current === limit)) return undefined;
    current = parent;
  }
}
