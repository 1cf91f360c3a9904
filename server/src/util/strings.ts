/**
 * A string that owns its characters. V8 represents a substring of 13 characters or more as a
 * slice of its parent, which keeps the whole parent (a file's text) alive; concatenating makes
 * a new string, and slicing that flattens it into one of its own.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
