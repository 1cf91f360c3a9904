/**
 * Typing inside an attribute value is most keystrokes. Such an edit cannot change the element
 * structure, so instead of parsing the document again, the element tree is patched: the value
 * is read again and every offset after the edit moves. A document of 50 KB is then updated in
 * a few hundredths of a millisecond instead of a millisecond, allocating almost nothing, which
 * keeps the garbage collector out of the keystroke path (docs/performance.md).
 */
import { decodeEntities, XmlAttribute } from './xmlScanner';
import { XmlElement, XmlTree, elementAt } from './xmlTree';
import { ownCopy } from '../util/strings';

/** Where two versions of a text differ: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function changedSpan(oldText: string, newText: string): TextChange {
  const max = Math.min(oldText.length, newText.length);
  const start = matchingLength(oldText, newText, 0, 0, max, 1);
  const tail = matchingLength(oldText, newText, oldText.length, newText.length, max - start, -1);
  return { start, oldEnd: oldText.length - tail, newEnd: newText.length - tail };
}

/**
 * How many characters match from `a[i]`/`b[j]` on, forwards (dir 1) or backwards from just
 * before them (dir -1), up to `max`. Whole blocks are compared as strings (a native compare;
 * a loop of charCodeAt over 50 KB took half a millisecond), growing while they match.
 */
function matchingLength(a: string, b: string, i: number, j: number, max: number, dir: 1 | -1): number {
  let n = 0;
  let block = 64;
  while (n < max) {
    const len = Math.min(block, max - n);
    const same = dir === 1 ? a.slice(i + n, i + n + len) === b.slice(j + n, j + n + len) : a.slice(i - n - len, i - n) === b.slice(j - n - len, j - n);
    if (same) {
      n += len;
      block *= 2;
    } else if (len > 8) {
      block = len >> 1;
    } else {
      // The first mismatch is within these few characters.
      while (n < max && (dir === 1 ? a.charCodeAt(i + n) === b.charCodeAt(j + n) : a.charCodeAt(i - n - 1) === b.charCodeAt(j - n - 1))) n++;
      return n;
    }
  }
  return n;
}

/**
 * Applies the change to `tree` (parsed from `oldText`) when it lies inside one complete, quoted
 * attribute value and brings no quote of that kind nor `<` into it; returns the element and
 * attribute changed, or undefined (and leaves the tree untouched) when the document must be
 * parsed again.
 */
export function patchValueEdit(tree: XmlTree, oldText: string, newText: string, change: TextChange): { element: XmlElement; attribute: XmlAttribute } | undefined {
  const { start, oldEnd, newEnd } = change;
  const el = elementAt(tree, start);
  if (!el || !el.startTagComplete || start >= el.startTagEnd) return undefined;
  const attr = el.attributes.find((a) => a.valueStart >= 0 && a.valueStart <= start && oldEnd <= a.valueEnd);
  if (!attr) return undefined;
  const quote = oldText.charCodeAt(attr.valueStart - 1);
  if ((quote !== 34 && quote !== 39) || oldText.charCodeAt(attr.valueEnd) !== quote) return undefined;
  for (let i = start; i < newEnd; i++) {
    const c = newText.charCodeAt(i);
    if (c === quote || c === 60) return undefined;
  }

  const delta = newEnd - oldEnd;
  if (delta !== 0) shiftAfter(tree, oldEnd, delta, attr);
  attr.valueEnd += delta;
  const raw = newText.slice(attr.valueStart, attr.valueEnd);
  // A copy: a slice would keep this version of the text alive as long as the tree.
  attr.value = ownCopy(decodeEntities(raw));
  return { element: el, attribute: attr };
}

/** Moves every offset at or after `from` by `delta` (but the edited value's own start). */
function shiftAfter(tree: XmlTree, from: number, delta: number, edited: XmlAttribute): void {
  const stack: XmlElement[] = [...tree.roots];
  while (stack.length > 0) {
    const el = stack.pop()!;
    // An element that ends before the edit has nothing after it either.
    if (el.end < from) continue;
    if (el.start >= from) el.start += delta;
    if (el.nameStart >= from) el.nameStart += delta;
    if (el.nameEnd >= from) el.nameEnd += delta;
    if (el.startTagEnd >= from) el.startTagEnd += delta;
    el.end += delta;
    for (const a of el.attributes) {
      if (a === edited) continue;
      if (a.nameStart >= from) a.nameStart += delta;
      if (a.nameEnd >= from) a.nameEnd += delta;
      if (a.valueStart >= from) a.valueStart += delta;
      if (a.valueEnd >= from) a.valueEnd += delta;
    }
    for (const child of el.children) stack.push(child);
  }
  for (const e of tree.errors) {
    if (e.start >= from) e.start += delta;
    if (e.end >= from) e.end += delta;
  }
}
