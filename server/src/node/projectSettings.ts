/**
 * `.usercube-jobs.json` at the root of a configuration: `{"rules": {"rule-id": "off"|"info"|"warning"|"error"}}`.
 * A file's settings come from the nearest such file in its folder or above (up to a stop folder).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { RULES_BY_ID } from '../rules/registry';
import { SeveritySetting, isSeveritySetting } from '../rules/rule';
import { RuleSettings } from '../rules/validation';
import { readRegularFileSync } from './regularFile';

export const SETTINGS_FILE = '.usercube-jobs.json';

export interface ParsedSettings {
  rules: RuleSettings;
  /** Problems found in the settings themselves (unknown rule, bad severity, bad JSON). */
  problems: string[];
}

/** Names and values short and plain enough to be a mistyped rule id or severity are quoted; others are not. */
const SHOWN_NAME = /^[\w./-]{1,80}$/;

function shownValue(value: unknown): string {
  return typeof value === 'string' && /^[\w-]{0,20}$/.test(value) ? JSON.stringify(value) : typeof value === 'string' ? 'that text' : `a ${value === null ? 'null' : typeof value}`;
}

/** Validates a `rules` object: known ids, known severities. */
export function parseRuleSettings(value: unknown, where: string): ParsedSettings {
  const rules: Record<string, SeveritySetting> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { rules, problems: [`${where}: "rules" must be an object of rule id → severity.`] };
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!RULES_BY_ID.has(id)) problems.push(`${where}: unknown rule ${SHOWN_NAME.test(id) ? `'${id}'` : '(an identifier no rule has)'}.`);
    else if (!isSeveritySetting(severity)) {
      problems.push(`${where}: '${id}' must be one of off, info, warning, error (not ${shownValue(severity)}).`);
    } else rules[id] = severity;
  }
  return { rules, problems };
}

/** Settings files are a few lines; anything bigger is not one. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * Reads a settings file; problems name it as `shown` (the command line shows relative paths).
 * They say what is wrong and where, never what the file holds: a settings file can be a link to
 * anything, and the problems end up in logs.
 */
export function readSettingsFile(file: string, shown = file): ParsedSettings {
  const read = readRegularFileSync(file, MAX_SETTINGS_BYTES);
  if (!read.ok) return { rules: {}, problems: [`${shown}: ${read.message}.`] };
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { rules: {}, problems: [`${shown}: is not valid JSON (${jsonProblem(text, (e as Error).message)}).`] };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { rules: {}, problems: [`${shown}: expected an object like {"rules": {"rule-id": "warning"}}.`] };
  }
  return parseRuleSettings((json as { rules?: unknown }).rules, shown);
}

/** The parser's complaint without the excerpt of the text some of its messages quote. */
function jsonProblem(text: string, message: string): string {
  const at = /^(.*) in JSON at position (\d+)/.exec(message);
  if (at) {
    const offset = Number(at[2]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `${at[1].charAt(0).toLowerCase()}${at[1].slice(1)} at line ${line}, column ${column}`;
  }
  if (/^Unexpected end/.test(message)) return 'it ends too early';
  return text.trimStart().startsWith('{') ? 'an unexpected character' : "it does not start with '{'";
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

/**
 * Severities per file, for the editor and the command line alike: the nearest settings file at
 * or above the file (not above `stop`: a workspace folder, or a folder named on the command
 * line), then `overrides` over it (the editor setting, `--rule`). Lookups and reads are cached:
 * the editor asks on every keystroke. Make a new resolver when a settings file changes.
 */
export class RuleSettingsResolver {
  /** The severities of the files of a folder, by "folder|stop". */
  private readonly byFolder = new Map<string, RuleSettings>();
  private readonly parsed = new Map<string, ParsedSettings>();

  constructor(
    private readonly overrides: RuleSettings,
    private readonly shown: (file: string) => string = (f) => f,
    /** Told once per settings file of the problems found in it. */
    private readonly report: (problem: string) => void = () => undefined,
  ) {}

  forFile(file: string, stop: string | undefined): RuleSettings {
    const dir = path.dirname(file);
    const key = `${dir}|${stop ?? ''}`;
    let settings = this.byFolder.get(key);
    if (!settings) {
      const settingsFile = findSettingsFile(dir, stop);
      settings = settingsFile ? { ...this.read(settingsFile).rules, ...this.overrides } : this.overrides;
      this.byFolder.set(key, settings);
    }
    return settings;
  }

  private read(settingsFile: string): ParsedSettings {
    let parsed = this.parsed.get(settingsFile);
    if (!parsed) {
      parsed = readSettingsFile(settingsFile, this.shown(settingsFile));
      parsed.problems.forEach(this.report);
      this.parsed.set(settingsFile, parsed);
    }
    return parsed;
  }

  /** Everything wrong in the settings files read so far, one message each. */
  problems(): string[] {
    return [...this.parsed.values()].flatMap((p) => p.problems);
  }
}
