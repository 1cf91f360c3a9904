/** Options of the bench's small scripts (`bench:stages`, `bench:reread`): `--name value`. */

/** The value given after `--name`, or undefined. */
export function optionValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A positive number given as `--name N` (a whole one if `whole`), else `fallback`. */
export function positiveOption(name: string, fallback: number, whole = false): number {
  const given = optionValue(name);
  const value = given === undefined ? fallback : Number(given);
  if (!(whole ? Number.isInteger(value) : Number.isFinite(value)) || value <= 0) throw new Error(`--${name} takes a positive ${whole ? 'whole ' : ''}number`);
  return value;
}
