/** LSP positions of generated text, for the probes the bench sends. */
import { LineTable, Position } from '../../server/src/model/lineTable';

export type Pos = Position;

export function positionAt(text: string, offset: number): Pos {
  return LineTable.fromText(text).positionAt(offset);
}

/** Offset of the value of `attr="value"` (after the quote), the first time it occurs. */
export function valueOffset(text: string, attr: string, value: string, from = 0): number {
  const needle = `${attr}="${value}"`;
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`generator: ${needle} not found`);
  return at + attr.length + 2;
}
