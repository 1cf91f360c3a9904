/**
 * Strings kept by the index must not pin the whole file text in memory: V8 represents a
 * substring of 13 characters or more as a slice of its parent. An entry's builder keeps a copy
 * that owns its characters, shared with every other entry that holds the same value
 * (identifiers repeat a lot).
 *
 * The table holds a value only while an entry that holds it lives: each entry counts once per
 * value, and when the garbage collector takes an entry (replaced or removed from the index),
 * its values are released. A server that reads changed files all day keeps the strings of the
 * files it has now, not of every version it ever read.
 */
import { ownCopy } from '../util/strings';

interface Interned {
  readonly copy: string;
  /** Live entries that hold it. */
  users: number;
  /** The last build that counted itself among its users. */
  build: number;
}

const table = new Map<string, Interned>();
let builds = 0;
const released = new FinalizationRegistry<readonly string[]>(release);

function release(values: readonly string[]): void {
  for (const value of values) {
    const known = table.get(value);
    if (known && --known.users === 0) table.delete(value);
  }
}

/** The strings one entry keeps, while it is being built. */
export class EntryStrings {
  private readonly build = ++builds;
  private readonly held: string[] = [];

  /** The shared copy of `s` (the entry counts among its users once, however often it asks). */
  readonly keep = (s: string): string => {
    let known = table.get(s);
    if (!known) {
      const copy = ownCopy(s);
      known = { copy, users: 0, build: 0 };
      table.set(copy, known);
    }
    if (known.build !== this.build) {
      known.build = this.build;
      known.users++;
      this.held.push(known.copy);
    }
    return known.copy;
  };

  /** The entry is built: its values stay in the table until it is collected. */
  heldBy(entry: object): void {
    if (this.held.length > 0) released.register(entry, this.held);
  }

  /** The build was given up: nothing holds its values. */
  drop(): void {
    release(this.held);
    this.held.length = 0;
  }
}

/** How many distinct values the table holds (for tests and measurements). */
export function internedCount(): number {
  return table.size;
}
