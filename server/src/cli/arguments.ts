/** Command-line arguments of `usercube-jobs` → options, or the message that says what is wrong. */
import { editDistance } from '../fixes/closestIdentifiers';
import { RULES, RULES_BY_ID } from '../rules/registry';
import { FixSafety, SeveritySetting, isSeveritySetting } from '../rules/rule';
import { RuleSettings } from '../rules/validation';
import { splitArguments } from './argumentList';
import { StepsOptions, parseSteps } from './stepsArguments';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'junit';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'junit'];
const FORMAT_NAMES = 'text, json, sarif, github or junit';

export interface CheckOptions {
  targets: string[];
  format: OutputFormat;
  fix: boolean;
  /** `--fix-type`: which fixes `--fix` applies (safe ones only by default). */
  fixTypes: ReadonlySet<FixSafety>;
  /** `--rule` overrides, applied over each file's `.usercube-jobs.json`. */
  rules: RuleSettings;
  maxWarnings?: number;
}

export type ParsedArguments =
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'steps'; options: StepsOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  /** `usage`: the mistake is in the command line itself, so the help text follows the message. */
  | { kind: 'error'; message: string; usage: boolean };

const CHECK = 'usercube-jobs check';

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version') return { kind: 'version' };
  if (command === 'steps') return parseSteps(rest);
  if (command !== 'check') {
    return { kind: 'error', message: command ? `usercube-jobs: unknown command '${command}'.` : 'usercube-jobs: missing command.', usage: true };
  }
  return parseCheck(rest);
}

function parseCheck(args: readonly string[]): ParsedArguments {
  const options: CheckOptions = { targets: [], format: 'text', fix: false, fixTypes: new Set(['safe']), rules: {} };
  let fixTypeGiven = false;
  const rules: Record<string, SeveritySetting> = {};
  const fail = (message: string, usage = false): ParsedArguments => ({ kind: 'error', message: `${CHECK}: ${message}`, usage });
  const split = splitArguments(args, (name) => name in VALUE_HINT);
  if ('problem' in split) return fail(split.problem === 'value' ? `${split.name} needs a value: ${VALUE_HINT[split.name]}.` : `unknown option '${split.arg}'.`, true);
  options.targets = split.targets;
  for (const { name, value, arg } of split.options) {
    switch (name) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--version':
        return { kind: 'version' };
      case '--fix':
        options.fix = true;
        break;
      case '--fix-type': {
        const types = value!.split(',').map((t) => t.trim());
        const wrong = types.find((t) => t !== 'safe' && t !== 'suggestion');
        if (wrong !== undefined) return fail(`unknown fix type '${wrong}' (use safe, suggestion, or both: safe,suggestion).`);
        options.fixTypes = new Set(types as FixSafety[]);
        fixTypeGiven = true;
        break;
      }
      case '--format':
        if (!FORMATS.includes(value as OutputFormat)) return fail(`unknown format '${value}' (use ${FORMAT_NAMES}).`);
        options.format = value as OutputFormat;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value!)) return fail(`--max-warnings needs a whole number, 0 or more (not '${value}').`);
        options.maxWarnings = Number(value);
        break;
      case '--rule': {
        const problem = addRule(rules, value!);
        if (problem) return fail(problem);
        break;
      }
      default:
        return fail(`unknown option '${arg}'.`, true);
    }
  }
  if (options.targets.length === 0) return fail('name at least one folder or file to check.', true);
  if (fixTypeGiven && !options.fix) return fail('--fix-type says which fixes --fix applies: give --fix too.', true);
  options.rules = rules;
  return { kind: 'check', options };
}

const VALUE_HINT: Record<string, string> = {
  '--format': FORMAT_NAMES,
  '--rule': '<rule-id>=<severity>',
  '--max-warnings': 'a whole number',
  '--fix-type': 'safe, suggestion, or safe,suggestion',
};

/** Adds `id=severity` to `rules`, or says why it cannot. */
function addRule(rules: Record<string, SeveritySetting>, value: string): string | undefined {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) return `--rule '${value}' is not <rule-id>=<severity>.`;
  const id = value.slice(0, eq).trim();
  const severity = value.slice(eq + 1).trim();
  if (!RULES_BY_ID.has(id)) {
    const close = closestRuleId(id);
    return `--rule: unknown rule '${id}'${close ? ` (did you mean '${close}'?)` : ''}. The rules are listed in docs/rules.md.`;
  }
  if (!isSeveritySetting(severity)) return `--rule '${value}': the severity must be off, info, warning or error.`;
  rules[id] = severity;
  return undefined;
}

function closestRuleId(id: string): string | undefined {
  const limit = Math.max(2, Math.floor(id.length / 4));
  let best: [number, string] | undefined;
  for (const r of RULES) {
    const d = editDistance(id.toLowerCase(), r.id, limit);
    if (d <= limit && (!best || d < best[0])) best = [d, r.id];
  }
  return best?.[1];
}
