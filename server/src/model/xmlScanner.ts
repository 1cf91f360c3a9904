/**
 * A tolerant XML tokenizer for the index path.
 *
 * It reports start tags (with exact offsets of the element name, every attribute name and
 * every attribute value), end tags and syntax errors, and it resynchronises at every `<`:
 * an unclosed start tag or an unterminated attribute quote while the user types never hides
 * the elements written further down the file. Well-formedness in the strict XML sense is
 * checked separately by sax (see wellFormedness.ts); the figures behind this split are in
 * docs/architecture.md.
 */
import { BANG, CR, DQUOTE, EQUALS, GT, LT, NL, QUESTION, SLASH, SQUOTE, isSpace } from './charCodes';
import { stickyMatchEnd } from '../util/stickyMatch';

export interface XmlAttribute {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Entity-decoded value; '' when the attribute has no value yet. */
  value: string;
  /** Offsets of the value's characters, without the quotes; -1 when there is no value. */
  valueStart: number;
  valueEnd: number;
}

/** The first attribute of that name in a list. */
export function firstAttributeNamed(list: readonly XmlAttribute[], name: string): XmlAttribute | undefined {
  for (const a of list) if (a.name === name) return a;
  return undefined;
}

export interface StartTag {
  name: string;
  /** Offset of `<`. */
  start: number;
  nameStart: number;
  nameEnd: number;
  attributes: XmlAttribute[];
  /** Offset after `>` or `/>`; for an unclosed tag, where scanning of the tag stopped. */
  end: number;
  selfClosing: boolean;
  /** False when the tag never reached its `>` (typing state). */
  complete: boolean;
}

export interface EndTag {
  name: string;
  start: number;
  nameStart: number;
  nameEnd: number;
  end: number;
}

export interface SyntaxError {
  start: number;
  end: number;
  message: string;
}

export interface XmlHandler {
  /**
   * True, for a complete self-closing tag: the handler wants nothing of the tags of the same
   * name that follow it directly (text between them, nothing else), as long as they are well
   * formed and self-closing too; the scan may pass over them without a word (see afterSameNameRun).
   */
  startTag(tag: StartTag): boolean | void;
  endTag(tag: EndTag): void;
  error(err: SyntaxError): void;
}

/** Characters that end a name: space, `/`, `>`, `<`, `=`, quotes. */
function endsName(c: number): boolean {
  return c <= 32 || c === SLASH || c === GT || c === LT || c === EQUALS || c === DQUOTE || c === SQUOTE;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/**
 * `from`: where to start (a `<`, or before one); the whole text by default. `shortcut`: false
 * reads every start tag character by character, as it reads those that are not well formed
 * (tests compare the two ways, see WELL_FORMED_ATTRIBUTES).
 */
export function scanXml(text: string, handler: XmlHandler, from = 0, shortcut = true): void {
  const len = text.length;
  let pos = from;
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) break;
    const next = lt + 1 < len ? text.charCodeAt(lt + 1) : -1;
    if (next === BANG) {
      pos = scanMarkup(text, lt, handler);
    } else if (next === QUESTION) {
      const close = text.indexOf('?>', lt + 2);
      if (close < 0) {
        handler.error({ start: lt, end: lt + 2, message: 'Processing instruction is not closed: expected "?>".' });
        pos = resyncAfter(text, lt + 2);
      } else {
        pos = close + 2;
      }
    } else if (next === SLASH) {
      pos = scanEndTag(text, lt, handler);
    } else if (next >= 0 && isNameStart(next)) {
      pos = scanStartTag(text, lt, handler, shortcut);
    } else {
      handler.error({ start: lt, end: lt + 1, message: 'Unexpected "<": expected an element name.' });
      pos = lt + 1;
    }
  }
}

/**
 * The start tag that begins at `lt`, scanned alone (as scanXml scans it there: a tag's scan
 * reads nothing before its `<`), or undefined when no start tag begins there. A rule that needs
 * one element's attributes reads them so without parsing the whole file.
 */
export function scanStartTagAt(text: string, lt: number): StartTag | undefined {
  if (text.charCodeAt(lt) !== LT || !isNameStart(text.charCodeAt(lt + 1))) return undefined;
  let found: StartTag | undefined;
  scanStartTag(text, lt, {
    startTag: (tag) => {
      found = tag;
    },
    endTag: () => undefined,
    error: () => undefined,
  });
  return found;
}

/** After a broken construct, continue at the next `<` (or the end). */
function resyncAfter(text: string, from: number): number {
  const lt = text.indexOf('<', from);
  return lt < 0 ? text.length : lt;
}

function scanMarkup(text: string, lt: number, handler: XmlHandler): number {
  if (text.startsWith('<!--', lt)) {
    const close = text.indexOf('-->', lt + 4);
    if (close < 0) {
      handler.error({ start: lt, end: lt + 4, message: 'Comment is not closed: expected "-->".' });
      return text.length;
    }
    return close + 3;
  }
  if (text.startsWith('<![CDATA[', lt)) {
    const close = text.indexOf(']]>', lt + 9);
    if (close < 0) {
      handler.error({ start: lt, end: lt + 9, message: 'CDATA section is not closed: expected "]]>".' });
      return text.length;
    }
    return close + 3;
  }
  // <!DOCTYPE …> and other declarations: skip to the matching '>' (internal subsets in brackets).
  let depth = 0;
  for (let i = lt + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === GT && depth <= 0) return i + 1;
  }
  handler.error({ start: lt, end: lt + 2, message: 'Declaration is not closed: expected ">".' });
  return text.length;
}

/**
 * Names read lately, in slots chosen by their length and a few of their characters. Files use a
 * small vocabulary of element and attribute names: a name read again is handed out as the same
 * string, which costs no allocation, compares by identity, and keeps the hash V8 computed for it
 * (every rule and the index look names up in maps). Kept as V8's unique copies (see unique),
 * which own their characters, so that no file's text stays alive through them.
 */
const NAME_SLOTS = 2048;
/** Longer "names" (a broken or binary file's) are not kept: the table stays small whatever is read. */
const MAX_KEPT_NAME = 128;
const names: string[] = new Array<string>(NAME_SLOTS).fill('');
/** Names copied into the table so far (a string's identity cannot be seen from JavaScript; tests count copies). */
let copies = 0;

export function nameCopies(): number {
  return copies;
}

/** The characters from `start` to `end` of the text, as the string read last time they were seen. */
export function nameAt(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) return '';
  if (length > MAX_KEPT_NAME) return text.slice(start, end);
  const slot = (length * 61 + text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + text.charCodeAt(start + (length >> 1))) & (NAME_SLOTS - 1);
  const known = names[slot];
  if (known.length === length && text.startsWith(known, start)) return known;
  const name = unique(text.slice(start, end));
  names[slot] = name;
  copies++;
  return name;
}

/**
 * V8's one string of these characters (a property name is made unique so): compared with the
 * catalog's names (`'Identifier'`, `'ParentTask'`, themselves unique), an equal one is the same
 * string and another differs at once, without comparing characters. Building the entries of
 * 100 MB took a tenth less time than with plain copies.
 */
function unique(s: string): string {
  return Object.keys({ [s]: 0 })[0];
}

function scanName(text: string, from: number): number {
  let i = from;
  while (i < text.length && !endsName(text.charCodeAt(i))) i++;
  return i;
}

function scanEndTag(text: string, lt: number, handler: XmlHandler): number {
  const nameStart = lt + 2;
  const nameEnd = scanName(text, nameStart);
  const name = nameAt(text, nameStart, nameEnd);
  let i = nameEnd;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (name.length === 0) {
    handler.error({ start: lt, end: lt + 2, message: 'End tag has no element name.' });
  }
  if (i < text.length && text.charCodeAt(i) === GT) {
    handler.endTag({ name, start: lt, nameStart, nameEnd, end: i + 1 });
    return i + 1;
  }
  handler.error({ start: lt, end: Math.max(nameEnd, lt + 2), message: `End tag "</${name}" is not closed: expected ">".` });
  if (name.length > 0) handler.endTag({ name, start: lt, nameStart, nameEnd, end: i });
  return resyncAfter(text, i);
}

/**
 * A start tag's attributes when they are well formed: each a name, `=` and a quoted value
 * without `<`, spaces around them optional (as the scan below accepts them without a word).
 */
const ATTRIBUTES = String.raw`(?:[ \t\r\n]*[^\x00-\x20/<>="']+[ \t\r\n]*=[ \t\r\n]*(?:"[^"<]*"|'[^'<]*'))*[ \t\r\n]*`;

/**
 * The same up to the tag's `>` or `/>`. Most tags of a configuration are well formed: one native
 * regular expression checks them and finds the tag's end in about half the scan's time, and their
 * offsets are read only when asked for. Any other tag (a mistake, the typing state) goes through
 * the scan.
 */
const WELL_FORMED_ATTRIBUTES = new RegExp(String.raw`${ATTRIBUTES}\/?>`, 'y');

/**
 * A well-formed self-closing tag and up to 256 more of the same name after it, each well formed
 * and self-closing, with only text between them: what the scan would report as so many complete
 * tags without an error. Bounded, so that a run of a million tags keeps a backtracking stack of
 * 256 at a time (the scan goes on where the match stopped, and the tag there starts another run).
 */
const SAME_NAME_RUN = new RegExp(String.raw`<([^\x00-\x20/<>="']+)(?=[ \t\r\n/])${ATTRIBUTES}\/>(?:[^<]*<\1(?=[ \t\r\n/])${ATTRIBUTES}\/>){0,256}`, 'y');

/**
 * Where the tags named `name` that follow the self-closing tag from `lt` to `end` stop being
 * passed over (see XmlHandler.startTag): `end` itself when the next tag is not one of them.
 * A configuration's elements come in long runs of one name (an entity type's properties): one
 * native match for a run costs a fraction of scanning and reporting each tag.
 */
function afterSameNameRun(text: string, lt: number, end: number, name: string): number {
  const next = text.indexOf('<', end);
  if (next < 0 || !text.startsWith(name, next + 1)) return end;
  return Math.max(end, stickyMatchEnd(SAME_NAME_RUN, text, lt));
}

/** The spans (see ScannedTag) of attributes WELL_FORMED_ATTRIBUTES took: no error to look for. */
function wellFormedSpans(text: string, from: number): number[] {
  const spans: number[] = [];
  let i = from;
  for (;;) {
    let c = text.charCodeAt(i);
    while (isSpace(c)) c = text.charCodeAt(++i);
    if (c === GT || c === SLASH) return spans;
    const nameStart = i;
    while (c > 32 && c !== EQUALS) c = text.charCodeAt(++i);
    const nameEnd = i;
    while (c !== EQUALS) c = text.charCodeAt(++i);
    while (c !== DQUOTE && c !== SQUOTE) c = text.charCodeAt(++i);
    const valueStart = i + 1;
    i = text.indexOf(c === DQUOTE ? '"' : "'", valueStart);
    spans.push(nameStart, nameEnd, valueStart, i);
    i++;
  }
}

/**
 * A scanned start tag. Its attributes are read from the text only when asked for: two thirds
 * of a configuration's elements are entity-type properties that the index never looks into,
 * and building their attributes was most of the index's parsing (docs/performance.md).
 */
class ScannedTag implements StartTag {
  end: number;
  selfClosing = false;
  complete = false;
  /** The first '<' after the value the scan looks at (see scanAttribute); -1 until looked for. */
  nextLt = -1;
  /** The attributes made so far, at their places; all of them once `attributes` was read. */
  private list: (XmlAttribute | undefined)[] | undefined;
  private listComplete = false;

  /** `spanList`: filled by the scan; undefined for a well-formed tag, whose spans are read when first asked for. */
  constructor(
    private readonly text: string,
    readonly name: string,
    readonly start: number,
    readonly nameStart: number,
    readonly nameEnd: number,
    private spanList: number[] | undefined,
  ) {
    this.end = nameEnd;
  }

  /** nameStart, nameEnd, valueStart, valueEnd (-1 without a value) of each attribute. */
  get spans(): number[] {
    return (this.spanList ??= wellFormedSpans(this.text, this.nameEnd));
  }

  get attributes(): XmlAttribute[] {
    if (!this.listComplete) {
      const spans = this.spans;
      const list = (this.list ??= new Array<XmlAttribute | undefined>(spans.length / 4));
      for (let i = 0; i < spans.length; i += 4) list[i / 4] ??= this.attributeAt(i);
      this.listComplete = true;
    }
    return this.list as XmlAttribute[];
  }

  /**
   * The first attribute of that name, the object `attributes` gives: made alone while the list
   * is not, so that a rule that reads one or two attributes of each task does not make them all.
   */
  attributeNamed(name: string): XmlAttribute | undefined {
    if (this.listComplete) return firstAttributeNamed(this.list as XmlAttribute[], name);
    const { spans, text } = this;
    for (let i = 0; i < spans.length; i += 4) {
      if (spans[i + 1] - spans[i] !== name.length || !text.startsWith(name, spans[i])) continue;
      const list = (this.list ??= new Array<XmlAttribute | undefined>(spans.length / 4));
      return (list[i / 4] ??= this.attributeAt(i));
    }
    return undefined;
  }

  /** The attribute whose spans start at `i`. */
  private attributeAt(i: number): XmlAttribute {
    const { spans, text } = this;
    const valueStart = spans[i + 2];
    const valueEnd = spans[i + 3];
    const raw = valueStart >= 0 ? text.slice(valueStart, valueEnd) : '';
    return { name: nameAt(text, spans[i], spans[i + 1]), nameStart: spans[i], nameEnd: spans[i + 1], value: decodeEntities(raw), valueStart, valueEnd };
  }
}

function scanStartTag(text: string, lt: number, handler: XmlHandler, shortcut = true): number {
  const len = text.length;
  const nameStart = lt + 1;
  const nameEnd = scanName(text, nameStart);
  const name = nameAt(text, nameStart, nameEnd);
  // Where the well-formed attributes end (after the tag's `>`), or -1.
  const end = shortcut ? stickyMatchEnd(WELL_FORMED_ATTRIBUTES, text, nameEnd) : -1;
  if (end >= 0) {
    const tag = new ScannedTag(text, name, lt, nameStart, nameEnd, undefined);
    tag.end = end;
    tag.complete = true;
    tag.selfClosing = text.charCodeAt(end - 2) === SLASH;
    return handler.startTag(tag) === true && tag.selfClosing ? afterSameNameRun(text, lt, end, name) : end;
  }
  const tag = new ScannedTag(text, name, lt, nameStart, nameEnd, []);
  let i = nameEnd;
  for (;;) {
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    if (i >= len) {
      return unclosed(tag, len, handler);
    }
    const c = text.charCodeAt(i);
    if (c === GT) {
      tag.end = i + 1;
      tag.complete = true;
      handler.startTag(tag);
      return i + 1;
    }
    if (c === SLASH) {
      if (i + 1 < len && text.charCodeAt(i + 1) === GT) {
        tag.end = i + 2;
        tag.complete = true;
        tag.selfClosing = true;
        handler.startTag(tag);
        return i + 2;
      }
      handler.error({ start: i, end: i + 1, message: 'Unexpected "/" in a start tag: expected "/>".' });
      i++;
      continue;
    }
    if (c === LT) {
      return unclosed(tag, i, handler);
    }
    if (endsName(c)) {
      handler.error({ start: i, end: i + 1, message: `Unexpected "${text[i]}" in the start tag of "${tag.name}".` });
      i++;
      continue;
    }
    i = scanAttribute(text, i, tag, handler);
    if (i < 0) {
      // An unterminated quote ran into a '<': the tag ends where the value was cut.
      const at = -i - 1;
      return unclosed(tag, at, handler);
    }
    if (tag.complete) {
      handler.startTag(tag);
      return tag.end;
    }
  }
}

function unclosed(tag: ScannedTag, at: number, handler: XmlHandler): number {
  tag.end = at;
  handler.error({
    start: tag.nameStart,
    end: tag.nameEnd,
    message: `Start tag "<${tag.name}" is not closed: expected ">" or "/>".`,
  });
  handler.startTag(tag);
  return at;
}

/**
 * Scans one attribute starting at its name. Returns the offset after it, or, when an
 * unterminated quoted value runs into a `<`, `-(offset of that '<') - 1`.
 * May complete the tag when a cut value ends with `>` or `/>` (see below).
 */
function scanAttribute(text: string, from: number, tag: ScannedTag, handler: XmlHandler): number {
  const len = text.length;
  const nameEnd = scanName(text, from);
  const spans = tag.spans;
  const at = spans.length;
  spans.push(from, nameEnd, -1, -1);
  let i = nameEnd;
  while (i < len && isSpace(text.charCodeAt(i))) i++;
  if (i >= len || text.charCodeAt(i) !== EQUALS) {
    handler.error({ start: from, end: nameEnd, message: `Attribute "${text.slice(from, nameEnd)}" has no value: expected ="…".` });
    return i;
  }
  i++;
  while (i < len && isSpace(text.charCodeAt(i))) i++;
  const q = i < len ? text.charCodeAt(i) : -1;
  if (q !== DQUOTE && q !== SQUOTE) {
    handler.error({ start: from, end: nameEnd, message: `The value of "${text.slice(from, nameEnd)}" must be in quotes.` });
    // Take an unquoted token as the value so that it can still be indexed and fixed.
    const vs = i;
    while (i < len && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== GT && text.charCodeAt(i) !== LT) i++;
    if (i > vs && text.charCodeAt(i - 1) === SLASH && text.charCodeAt(i) === GT) i--;
    setSpan(spans, at, vs, i);
    return i;
  }
  const vs = i + 1;
  const quote = q === DQUOTE ? '"' : "'";
  const close = text.indexOf(quote, vs);
  // One look for the tag's attributes: the next '<' is theirs too (looked for again after each
  // attribute, the scan of a tag of many attributes would take their number squared).
  if (tag.nextLt < vs) {
    const found = text.indexOf('<', vs);
    tag.nextLt = found < 0 ? len : found;
  }
  const stop = tag.nextLt;
  if (close >= 0 && close < stop) {
    setSpan(spans, at, vs, close);
    return close + 1;
  }
  // Unterminated value (a '<' comes before the closing quote). Cut it at the end of its line
  // and, if that part holds a '>', at the '>': `ParentTask="AD_/>` while typing.
  let cut = stop;
  for (let k = vs; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === NL || c === CR) {
      cut = k;
      break;
    }
  }
  const gt = text.indexOf('>', vs);
  handler.error({ start: vs - 1, end: Math.max(vs, cut), message: `The value of "${text.slice(from, nameEnd)}" is not closed: expected ${quote}.` });
  if (gt >= 0 && gt < cut) {
    const selfClosing = gt > vs && text.charCodeAt(gt - 1) === SLASH;
    setSpan(spans, at, vs, selfClosing ? gt - 1 : gt);
    tag.end = gt + 1;
    tag.complete = true;
    tag.selfClosing = selfClosing;
    return gt + 1;
  }
  setSpan(spans, at, vs, cut);
  return -stop - 1;
}

function setSpan(spans: number[], at: number, valueStart: number, valueEnd: number): void {
  spans[at + 2] = valueStart;
  spans[at + 3] = valueEnd;
}
