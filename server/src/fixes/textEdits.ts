/**
 * Minimal edits on XML text, as offsets: change a value, add, remove or rename an attribute,
 * add a child element. Nothing outside the edited place moves; inserted lines use the file's
 * own line ending and its indentation.
 */
import { XmlAttribute } from '../model/xmlScanner';
import { XmlElement, attribute } from '../model/xmlTree';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Facts of the whole text that every fix of a fix-all pass asks for: read once per text, not
 * once per fix (thousands of fixes would read a large file thousands of times).
 */
let styleOf: { text: string; eol: string; selfClosing: string } | undefined;

function textStyle(text: string): { eol: string; selfClosing: string } {
  if (styleOf?.text !== text) {
    styleOf = { text, eol: text.includes('\r\n') ? '\r\n' : '\n', selfClosing: count(text, '"/>') > count(text, '" />') ? '/>' : ' />' };
  }
  return styleOf;
}

export function lineEnding(text: string): string {
  return textStyle(text).eol;
}

/** The whitespace before `offset` on its line, if only whitespace precedes it there. */
export function indentAt(text: string, offset: number): string | undefined {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' ? text.slice(i, offset) : undefined;
}

/** One level of indentation as the file writes it (measured on `el` and its parent). */
export function indentUnit(text: string, el: XmlElement): string {
  const own = indentAt(text, el.start);
  const parent = el.parent ? indentAt(text, el.parent.start) : undefined;
  if (own !== undefined && parent !== undefined && own.startsWith(parent) && own.length > parent.length) return own.slice(parent.length);
  return own?.includes('\t') ? '\t' : '  ';
}

/** `/>` written with or without a space before it, as most of the file does. */
export function selfClosingStyle(text: string): string {
  return textStyle(text).selfClosing;
}

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

export function setValue(attr: XmlAttribute, value: string): OffsetEdit {
  return { start: attr.valueStart, end: attr.valueEnd, newText: escapeAttribute(value) };
}

export function renameAttribute(attr: XmlAttribute, name: string): OffsetEdit {
  return { start: attr.nameStart, end: attr.nameEnd, newText: name };
}

/** After the last attribute (or the name): ` Name="value"`. */
export function addAttribute(el: XmlElement, name: string, value: string): OffsetEdit {
  const last = el.attributes[el.attributes.length - 1];
  const at = last ? (last.valueStart >= 0 ? last.valueEnd + 1 : last.nameEnd) : el.nameEnd;
  return { start: at, end: at, newText: ` ${name}="${escapeAttribute(value)}"` };
}

/** The attribute with the whitespace before it. */
export function removeAttribute(text: string, attr: XmlAttribute): OffsetEdit {
  let start = attr.nameStart;
  while (start > 0 && /\s/.test(text[start - 1])) start--;
  const end = attr.valueStart >= 0 ? Math.min(text.length, attr.valueEnd + 1) : attr.nameEnd;
  return { start, end, newText: '' };
}

export function setAttribute(el: XmlElement, name: string, value: string): OffsetEdit {
  const existing = attribute(el, name);
  return existing && existing.valueStart >= 0 ? setValue(existing, value) : addAttribute(el, name, value);
}

/** An empty element in the file's style: `<Name a="b" />`. */
export function emptyElement(text: string, name: string, attrs: [string, string][]): string {
  return `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}${selfClosingStyle(text)}`;
}

/**
 * Adds `childXml` as the last child of `el`, on a line of its own, indented like its siblings.
 * A self-closing element becomes an open/close pair.
 */
export function appendChild(text: string, el: XmlElement, childXml: string): OffsetEdit {
  const eol = lineEnding(text);
  const elIndent = indentAt(text, el.start) ?? '';
  const last = el.children[el.children.length - 1];
  const childIndent = (last && indentAt(text, last.start)) ?? elIndent + indentUnit(text, el);
  if (el.selfClosing) {
    // `<X a="1" />` → `<X a="1">⏎  child⏎</X>`: replace from the end of the last attribute.
    const lastAttr = el.attributes[el.attributes.length - 1];
    const from = lastAttr ? (lastAttr.valueStart >= 0 ? lastAttr.valueEnd + 1 : lastAttr.nameEnd) : el.nameEnd;
    return { start: from, end: el.startTagEnd, newText: `>${eol}${childIndent}${childXml}${eol}${elIndent}</${el.name}>` };
  }
  const at = last ? last.end : el.startTagEnd;
  const closeOnSameLine = !last && !/\r?\n/.test(text.slice(el.startTagEnd, closingTagStart(text, el)));
  return { start: at, end: at, newText: `${eol}${childIndent}${childXml}${closeOnSameLine ? eol + elIndent : ''}` };
}

/** Inserts `xml` as a sibling just before `el`, on its own line with the same indentation. */
export function insertBefore(text: string, el: XmlElement, xml: string): OffsetEdit {
  const indent = indentAt(text, el.start);
  if (indent === undefined) return { start: el.start, end: el.start, newText: xml };
  return { start: el.start, end: el.start, newText: `${xml}${lineEnding(text)}${indent}` };
}

/** The element's name in its start tag and, when it has one, in its end tag. */
export function renameElement(text: string, el: XmlElement, name: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [{ start: el.nameStart, end: el.nameEnd, newText: name }];
  if (!el.selfClosing && el.startTagComplete) {
    const close = closingTagStart(text, el);
    if (text.startsWith(`</${el.name}`, close)) edits.push({ start: close + 2, end: close + 2 + el.name.length, newText: name });
  }
  return edits;
}

function closingTagStart(text: string, el: XmlElement): number {
  const i = text.lastIndexOf('</', el.end);
  return i >= el.startTagEnd ? i : el.end;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Applies non-overlapping edits in one pass over the text (one piece per edit, joined once: as
 * many fixes as the file holds cost one copy of it). Insertions at one offset keep their order,
 * as LSP says.
 */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    pieces.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/**
 * Edits taken so far, none overlapping another: whether a new one would overlap (or start
 * where one starts) is a binary search, so that taking thousands of fixes stays linear.
 */
export class TakenEdits {
  /** Sorted by start; starts are distinct. */
  private readonly edits: OffsetEdit[] = [];

  /** The index of the first edit that starts at or after `offset`. */
  private firstFrom(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(e: OffsetEdit): boolean {
    const i = this.firstFrom(e.start);
    const next = this.edits[i];
    if (next && (next.start === e.start || next.start < e.end)) return true;
    const previous = this.edits[i - 1];
    return previous !== undefined && e.start < previous.end;
  }

  add(e: OffsetEdit): void {
    const i = this.firstFrom(e.start);
    if (i === this.edits.length) this.edits.push(e);
    else this.edits.splice(i, 0, e);
  }

  /** The edits taken, by position. */
  get all(): OffsetEdit[] {
    return [...this.edits];
  }
}
