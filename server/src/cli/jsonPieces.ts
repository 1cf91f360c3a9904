/**
 * Pretty-printed JSON (as `JSON.stringify(value, null, 2)` writes it) in pieces, for the json and
 * sarif formats, whose arrays of findings are written one file at a time.
 */

/** `value` as JSON, its lines after the first indented by `indent` spaces (to nest it in place). */
export function nestedJson(value: unknown, indent: number): string {
  // One native replace: splitting into lines and joining them took twice as long.
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + ' '.repeat(indent));
}

/**
 * The items of a JSON array, one at a time. An item's comma depends on whether another follows,
 * so each item is written when the next one comes (or at the end).
 */
export class JsonArrayItems {
  private pending: string | undefined;

  constructor(private readonly indent: number) {}

  /** Takes the next item; returns the previous one, with its comma. */
  add(value: unknown): string[] {
    return this.addJson(nestedJson(value, this.indent));
  }

  /** The same, for an item already written as nestedJson(item, indent) would write it. */
  addJson(json: string): string[] {
    const previous = this.pending;
    this.pending = ' '.repeat(this.indent) + json;
    return previous === undefined ? [] : [previous + ','];
  }

  /** The last item, without a comma (nothing when there was none). */
  end(): string[] {
    const last = this.pending;
    this.pending = undefined;
    return last === undefined ? [] : [last];
  }
}
