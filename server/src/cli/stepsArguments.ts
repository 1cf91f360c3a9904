import { splitArguments } from './argumentList';

/** Arguments of `usercube-jobs steps <folder|file>... [--job <Identifier>] [--format text|json|mermaid]`. */

export type StepsFormat = 'text' | 'json' | 'mermaid';
const STEPS_FORMATS: readonly StepsFormat[] = ['text', 'json', 'mermaid'];

export interface StepsOptions {
  targets: string[];
  /** Without it, the command lists the jobs. */
  job?: string;
  format: StepsFormat;
}

export type ParsedSteps = { kind: 'steps'; options: StepsOptions } | { kind: 'help' } | { kind: 'error'; message: string; usage: boolean };

const STEPS = 'usercube-jobs steps';

export function parseSteps(args: readonly string[]): ParsedSteps {
  const options: StepsOptions = { targets: [], format: 'text' };
  const fail = (message: string, usage = false): ParsedSteps => ({ kind: 'error', message: `${STEPS}: ${message}`, usage });
  const split = splitArguments(args, (name) => name === '--job' || name === '--format');
  if ('problem' in split) {
    return fail(
      split.problem === 'value' ? `${split.name} needs a value: ${split.name === '--job' ? 'a job identifier' : STEPS_FORMATS.join(', ')}.` : `unknown option '${split.arg}'.`,
      true,
    );
  }
  options.targets = split.targets;
  for (const { name, value, arg } of split.options) {
    if (name === '-h' || name === '--help') return { kind: 'help' };
    if (name === '--job') options.job = value;
    else if (name !== '--format') return fail(`unknown option '${arg}'.`, true);
    else if (STEPS_FORMATS.includes(value as StepsFormat)) options.format = value as StepsFormat;
    else return fail(`unknown format '${value}' (use text, json or mermaid).`);
  }
  if (options.targets.length === 0) return fail('name at least one folder or file.', true);
  if (options.format === 'mermaid' && options.job === undefined) return fail('--format mermaid draws one job: give --job <Identifier>.');
  return { kind: 'steps', options };
}
