/**
 * The identifiers of each kind grouped by their lower-case form, to find the ones that differ
 * only by case. Filed under a number computed from the characters (ASCII letters folded) rather
 * than under the lower-cased string: an identifier is filed without making a lower-cased copy
 * (most identifiers are ASCII; others are hashed as toLowerCase gives them).
 */
export class Spellings {
  /** kind → fold hash → the distinct identifiers with that hash (usually one). */
  private readonly byKind = new Map<string, Map<number, string | string[]>>();
  /** Lower-case forms with two spellings or more: usually none, and then no look-up is needed. */
  private groups = 0;

  get collisions(): number {
    return this.groups;
  }

  /** Files an identifier that just got its first definition. */
  add(kind: string, id: string): void {
    let byHash = this.byKind.get(kind);
    if (!byHash) this.byKind.set(kind, (byHash = new Map<number, string | string[]>()));
    const h = foldHash(id);
    const known = byHash.get(h);
    if (known === undefined) {
      byHash.set(h, id);
      return;
    }
    const list = typeof known === 'string' ? [known] : known;
    // Its lower-case form gets a second spelling: one more collision.
    if (countSameIgnoringCase(list, id) === 1) this.groups++;
    list.push(id);
    if (typeof known === 'string') byHash.set(h, list);
  }

  /** Forgets an identifier that lost its last definition. */
  remove(kind: string, id: string): void {
    const byHash = this.byKind.get(kind);
    const h = foldHash(id);
    const known = byHash?.get(h);
    if (known === undefined) return;
    if (typeof known === 'string') {
      if (known === id) byHash!.delete(h);
      return;
    }
    const rest = known.filter((s) => s !== id);
    if (rest.length === known.length) return;
    if (countSameIgnoringCase(rest, id) === 1) this.groups--;
    byHash!.set(h, rest.length === 1 ? rest[0] : rest);
  }

  /** The other identifiers of the kind with the same lower-case form. */
  others(kind: string, id: string): string[] {
    const known = this.byKind.get(kind)?.get(foldHash(id));
    if (known === undefined) return [];
    if (typeof known === 'string') return known !== id && sameIgnoringCase(known, id) ? [known] : [];
    return known.filter((s) => s !== id && sameIgnoringCase(s, id));
  }
}

/** The same number for every string with the same `toLowerCase()`. */
export function foldHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    // Beyond ASCII, lower-casing may change the length: hash what toLowerCase gives.
    if (c > 127) return rawHash(s.toLowerCase());
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  // 30 bits: a small integer to V8 (a wider key would be a heap number, made and hashed each time).
  return h & 0x3fffffff;
}

/** foldHash of a string with no ASCII capital (a lower-cased one), character by character. */
function rawHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

export function sameIgnoringCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return a.toLowerCase() === b.toLowerCase();
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x > 127 || y > 127) return a.toLowerCase() === b.toLowerCase();
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

function countSameIgnoringCase(list: readonly string[], id: string): number {
  let n = 0;
  for (const s of list) if (sameIgnoringCase(s, id)) n++;
  return n;
}
