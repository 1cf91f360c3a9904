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
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      options.targets.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.targets.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '-h' || name === '--help') return { kind: 'help' };
    if (name !== '--job' && name !== '--format') return fail(`unknown option '${arg}'.`, true);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) return fail(`${name} needs a value: ${name === '--job' ? 'a job identifier' : STEPS_FORMATS.join(', ')}.`, true);
    if (name === '--job') options.job = value;
    else if (STEPS_FORMATS.includes(value as StepsFormat)) options.format = value as StepsFormat;
    else return fail(`unknown format '${value}' (use text, json or mermaid).`);
  }
  if (options.targets.length === 0) return fail('name at least one folder or file.', true);
  if (options.format === 'mermaid' && options.job === undefined) return fail('--format mermaid draws one job: give --job <Identifier>.');
  return { kind: 'steps', options };
}
