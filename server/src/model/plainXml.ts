/**
 * A cheap pre-check for the strict well-formedness check (wellFormedness.ts): whether the text
 * keeps to a plain subset of XML that a strict parser accepts as it is. Configuration files
 * almost always do, and one pass over the characters costs a fraction of a strict parse, so
 * sax runs only on the files this says may be malformed.
 *
 * The subset, conservatively (anything else goes to sax, which decides): an optional XML
 * declaration or other processing instructions, comments without `--`, one root element with
 * matching end tags, ASCII names, attributes `name="value"` separated by whitespace, no `<` in
 * values, `&` only as `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, only whitespace outside the
 * root, no DOCTYPE or CDATA, and no name, value, comment or instruction long enough to reach
 * the strict parser's buffer limit. test/unit/plainXml.test.ts compares it with sax on the
 * documentation's examples and on fuzzed texts.
 */

import { BANG, DASH, DQUOTE, EQUALS, GT, LT, QUESTION, SLASH, SQUOTE, isSpace } from './charCodes';
import { stickyMatchEnd } from '../util/stickyMatch';

/** Below the strict parser's buffer limit (64 Ki characters), with room to spare. */
const MAX_PIECE = 32 * 1024;

function isNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === DASH;
}

const ENTITIES = ['amp;', 'lt;', 'gt;', 'quot;', 'apos;'];

/**
 * The rest of a start tag of the subset whose values hold no `&` (nearly every tag), after its
 * `<`: one native regular expression reads it. A tag it does not take is read character by
 * character below, which also decides the values with entity references.
 */
const PLAIN_START_TAG = /[A-Za-z_:][A-Za-z0-9_:.-]*(?:[ \t\r\n]+[A-Za-z_:][A-Za-z0-9_:.-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*'))*[ \t\r\n]*\/?>/y;

/** The length of the predefined entity reference at `i` (just after `&`), or 0. */
function entityAt(text: string, i: number): number {
  for (const e of ENTITIES) if (text.startsWith(e, i)) return e.length;
  return 0;
}

/** A position found by indexOf, or `end` when there is none. */
function orEnd(found: number, end: number): number {
  return found < 0 ? end : found;
}

/** True when a strict parser might find the text malformed; false only for texts of the plain subset. */
export function mayBeMalformed(text: string): boolean {
  const n = text.length;
  /** Open elements, as (name start, name length) pairs. */
  const open: number[] = [];
  let rootClosed = false;
  // The next '<' and '&' at or after the place read, found by indexOf (a native search) and
  // looked for again only once passed: character data and values are not read one by one.
  let nextLt = -1;
  let nextAmp = -1;
  /** Whether every '&' before `end` starts a predefined entity reference. */
  const entitiesFine = (from: number, end: number): boolean => {
    if (nextAmp < from) nextAmp = orEnd(text.indexOf('&', from), n);
    while (nextAmp < end) {
      const e = entityAt(text, nextAmp + 1);
      if (e === 0) return false;
      nextAmp = orEnd(text.indexOf('&', nextAmp + e + 1), n);
    }
    return true;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== LT) {
      // Outside the root: whitespace only.
      if (open.length === 0) {
        if (!isSpace(c)) return true;
        i++;
        continue;
      }
      // Character data, up to the next tag.
      if (nextLt < i) nextLt = orEnd(text.indexOf('<', i), n);
      if (!entitiesFine(i, nextLt)) return true;
      i = nextLt;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === BANG) {
      // Only comments: no DOCTYPE, no CDATA section.
      if (!text.startsWith('--', i + 2)) return true;
      const end = text.indexOf('--', i + 4);
      if (end < 0 || text.charCodeAt(end + 2) !== GT || end - i > MAX_PIECE) return true;
      i = end + 3;
      continue;
    }
    if (next === QUESTION) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0 || end - i > MAX_PIECE || !isNameStart(text.charCodeAt(i + 2))) return true;
      i = end + 2;
      continue;
    }
    if (next === SLASH) {
      // An end tag: the name of the element it closes, then only whitespace.
      const length = open.pop();
      const start = open.pop();
      if (start === undefined || length === undefined) return true;
      let k = i + 2;
      for (let m = 0; m < length; m++) if (text.charCodeAt(k + m) !== text.charCodeAt(start + m)) return true;
      k += length;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== GT) return true;
      if (open.length === 0) rootClosed = true;
      i = k + 1;
      continue;
    }
    // A start tag.
    if (rootClosed || !isNameStart(next)) return true;
    const end = stickyMatchEnd(PLAIN_START_TAG, text, i + 1);
    if (end >= 0 && end - i <= MAX_PIECE) {
      if (text.charCodeAt(end - 2) === SLASH) {
        if (open.length === 0) rootClosed = true;
      } else {
        let k = i + 2;
        while (isNameChar(text.charCodeAt(k))) k++;
        open.push(i + 1, k - i - 1);
      }
      i = end;
      continue;
    }
    const nameStart = i + 1;
    let k = nameStart + 1;
    while (k < n && isNameChar(text.charCodeAt(k))) k++;
    const nameLength = k - nameStart;
    if (nameLength > MAX_PIECE) return true;
    for (;;) {
      const spaceFrom = k;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const ch = text.charCodeAt(k);
      if (ch === GT) {
        open.push(nameStart, nameLength);
        k++;
        break;
      }
      if (ch === SLASH) {
        if (text.charCodeAt(k + 1) !== GT) return true;
        if (open.length === 0) rootClosed = true;
        k += 2;
        break;
      }
      // An attribute, after whitespace.
      if (k === spaceFrom || !isNameStart(ch)) return true;
      const attrStart = k;
      while (k < n && isNameChar(text.charCodeAt(k))) k++;
      if (k - attrStart > MAX_PIECE) return true;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== EQUALS) return true;
      k++;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      const quote = text.charCodeAt(k);
      if (quote !== DQUOTE && quote !== SQUOTE) return true;
      const valueStart = ++k;
      const close = text.indexOf(quote === DQUOTE ? '"' : "'", k);
      if (close < 0) return true;
      if (nextLt < k) nextLt = orEnd(text.indexOf('<', k), n);
      if (nextLt < close || !entitiesFine(k, close)) return true;
      if (close - valueStart > MAX_PIECE) return true;
      k = close + 1;
    }
    i = k;
  }
  return open.length > 0 || !rootClosed;
}
