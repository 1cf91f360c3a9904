/**
 * Strings kept by the index must not pin the whole file text in memory: V8 represents a
 * substring of 13 characters or more as a slice of its parent. `detach` returns a copy that
 * owns its characters, and shares one copy per distinct value (identifiers repeat a lot).
 */
import { ownCopy } from '../util/strings';

const table = new Map<string, string>();

export function detach(s: string): string {
  const known = table.get(s);
  if (known !== undefined) return known;
  const copy = ownCopy(s);
  table.set(copy, copy);
  return copy;
}
