/** Splitting a command line into positional arguments and options, for every command. */

/** An option as written: `--name value` and `--name=value` alike. */
export interface OptionArgument {
  name: string;
  value?: string;
  /** The argument as written, for messages. */
  arg: string;
}

/**
 * Positional arguments and options, in order; everything after `--` is positional. `takesValue`
 * says which options read a value; a value given to one that reads none is a problem.
 */
export function splitArguments(
  args: readonly string[],
  takesValue: (name: string) => boolean,
): { targets: string[]; options: OptionArgument[] } | { problem: 'value' | 'unknown'; name: string; arg: string } {
  const targets: string[] = [];
  const options: OptionArgument[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      targets.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      targets.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!takesValue(name)) {
      if (inline !== undefined) return { problem: 'unknown', name, arg };
      options.push({ name, arg });
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return { problem: 'value', name, arg };
    options.push({ name, value, arg });
  }
  return { targets, options };
}
