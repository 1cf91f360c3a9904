/** LSP positions of generated text, for the probes the bench sends. */
export interface Pos {
  line: number;
  character: number;
}

export function positionAt(text: string, offset: number): Pos {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Offset of the value of `attr="value"` (after the quote), the first time it occurs. */
export function valueOffset(text: string, attr: string, value: string, from = 0): number {
  const needle = `${attr}="${value}"`;
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`generator: ${needle} not found`);
  return at + attr.length + 2;
}
