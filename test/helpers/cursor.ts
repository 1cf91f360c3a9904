/** Inline documents with a `|` cursor marker: the test reads like the situation it checks. */
import { LineTable, Position } from '../../server/src/model/lineTable';
import { applyEdits } from '../../server/src/fixes/textEdits';

export interface Cursor {
  text: string;
  offset: number;
  position: Position;
}

export function cursor(textWithMarker: string): Cursor {
  const offset = textWithMarker.indexOf('|');
  if (offset < 0 || textWithMarker.indexOf('|', offset + 1) >= 0) throw new Error('expected exactly one | marker');
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 1);
  return { text, offset, position: LineTable.fromText(text).positionAt(offset) };
}

/** The text a range covers, for assertions that read as the characters they point at. */
export function textOf(text: string, range: { start: Position; end: Position }): string {
  const lines = LineTable.fromText(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** The text after LSP edits, as an editor applies them (the service's own applyEdits on offsets). */
export function applyTextEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = LineTable.fromText(text);
  return applyEdits(
    text,
    edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })),
  );
}

/** Wraps elements in a configuration file root. */
export function conf(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n${body}\n</ConfigurationFile>\n`;
}

/**
 * The position of the `|` in `snippet`, a piece of `text` with a `|` added, e.g.
 * `ParentTask="AD_|Export"`. The snippet must occur exactly once unless `occurrence` picks one.
 */
export function positionIn(text: string, snippet: string, occurrence?: number): Position {
  const bar = snippet.indexOf('|');
  if (bar < 0) throw new Error(`no | in ${snippet}`);
  const start = find(text, snippet.slice(0, bar) + snippet.slice(bar + 1), occurrence);
  return LineTable.fromText(text).positionAt(start + bar);
}

/** The range of the part of `snippet` between `[` and `]`, e.g. `Identifier="[AD_Export]"`. */
export function rangeIn(text: string, snippet: string, occurrence?: number): { start: Position; end: Position } {
  const open = snippet.indexOf('[');
  const close = snippet.indexOf(']', open);
  if (open < 0 || close < 0) throw new Error(`no [...] in ${snippet}`);
  const plain = snippet.slice(0, open) + snippet.slice(open + 1, close) + snippet.slice(close + 1);
  const start = find(text, plain, occurrence) + open;
  const lines = LineTable.fromText(text);
  return { start: lines.positionAt(start), end: lines.positionAt(start + close - open - 1) };
}

function find(text: string, plain: string, occurrence: number | undefined): number {
  const hits: number[] = [];
  for (let i = text.indexOf(plain); i >= 0; i = text.indexOf(plain, i + 1)) hits.push(i);
  if (occurrence === undefined) {
    if (hits.length !== 1) throw new Error(`expected "${plain}" exactly once, found ${hits.length} times`);
    return hits[0];
  }
  if (occurrence >= hits.length) throw new Error(`"${plain}" occurs ${hits.length} times, not ${occurrence + 1}`);
  return hits[occurrence];
}

/** The position `delta` characters into the first occurrence of `needle`. */
export function positionAfter(text: string, needle: string, delta: number): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  return LineTable.fromText(text).positionAt(offset + delta);
}
