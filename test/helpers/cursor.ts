/** Inline documents with a `|` cursor marker: the test reads like the situation it checks. */
import { LineTable, Position } from '../../server/src/model/lineTable';

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

/** Wraps elements in a configuration file root. */
export function conf(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n${body}\n</ConfigurationFile>\n`;
}
