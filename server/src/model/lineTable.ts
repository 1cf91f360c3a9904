/**
 * Offsets ↔ LSP positions. JavaScript strings count UTF-16 code units, as LSP positions do,
 * so a position's character is simply the offset minus its line's start.
 */
export interface Position {
  line: number;
  character: number;
}

/**
 * Lines end as LSP says (and editors count): `\r\n`, `\n` or a lone `\r`. A position never
 * points inside or past a line's own ending: past the end, it stands at the end of the line.
 */
export class LineTable {
  private constructor(
    private readonly starts: Int32Array,
    /** The length of each line's ending (0 for the last line, 2 for `\r\n`). */
    private readonly breaks: Uint8Array,
    readonly length: number,
  ) {}

  static fromText(text: string): LineTable {
    const table = new Growing(text.length);
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    // Most files end lines with \n only: then one search.
    if (cr < 0) {
      for (; lf >= 0; lf = text.indexOf('\n', lf + 1)) table.add(lf + 1, 1);
    }
    while (cr >= 0) {
      if (lf >= 0 && lf < cr) {
        table.add(lf + 1, 1);
        lf = text.indexOf('\n', lf + 1);
      } else if (lf === cr + 1) {
        table.add(lf + 1, 2);
        lf = text.indexOf('\n', lf + 1);
        cr = text.indexOf('\r', cr + 2);
      } else {
        table.add(cr + 1, 1);
        cr = text.indexOf('\r', cr + 1);
      }
      if (cr < 0) for (; lf >= 0; lf = text.indexOf('\n', lf + 1)) table.add(lf + 1, 1);
    }
    return new LineTable(table.starts.slice(0, table.count), table.breaks.slice(0, table.count), text.length);
  }

  /** A table sent from another thread (see entryCodec.ts). */
  static fromStarts(starts: Int32Array, breaks: Uint8Array, length: number): LineTable {
    return new LineTable(starts, breaks, length);
  }

  /** The offsets where lines start, to send the table to another thread. */
  get lineStarts(): Int32Array {
    return this.starts;
  }

  /** The length of each line's ending, to send the table to another thread. */
  get lineBreaks(): Uint8Array {
    return this.breaks;
  }

  /** Where the text of `line` ends, before its line ending. */
  private contentEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - this.breaks[line] : this.length;
  }

  /** Where the line holding `offset` starts, and where its text ends (before its line ending). */
  lineBounds(offset: number): { start: number; end: number } {
    const { line } = this.positionAt(offset);
    return { start: this.starts[line], end: this.contentEnd(line) };
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.contentEnd(lo)) - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.length;
    return Math.max(this.starts[pos.line], Math.min(this.starts[pos.line] + pos.character, this.contentEnd(pos.line)));
  }

  range(start: number, end: number): { start: Position; end: Position } {
    const from = this.positionAt(start);
    // Most ranges (an identifier, a value) end on the line they start on: no second search.
    if (end >= start && end <= this.contentEnd(from.line)) return { start: from, end: { line: from.line, character: end - this.starts[from.line] } };
    return { start: from, end: this.positionAt(end) };
  }
}

/** Line starts and the ending before each, in arrays that grow as lines are found. */
class Growing {
  starts: Int32Array;
  breaks: Uint8Array;
  count = 1;

  constructor(textLength: number) {
    const guess = Math.max(16, (textLength >> 6) + 1);
    this.starts = new Int32Array(guess);
    this.breaks = new Uint8Array(guess);
  }

  /** A line starts at `start`; the line before it ends with `size` characters. */
  add(start: number, size: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      const breaks = new Uint8Array(this.count * 2);
      breaks.set(this.breaks);
      this.starts = starts;
      this.breaks = breaks;
    }
    this.breaks[this.count - 1] = size;
    this.starts[this.count++] = start;
  }
}
