/**
 * Offsets ↔ LSP positions. JavaScript strings count UTF-16 code units, as LSP positions do,
 * so a position's character is simply the offset minus its line's start.
 */
export interface Position {
  line: number;
  character: number;
}

export class LineTable {
  private constructor(private readonly starts: Int32Array, readonly length: number) {}

  static fromText(text: string): LineTable {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let k = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
    return new LineTable(starts, text.length);
  }

  /** A table sent from another thread (see entryCodec.ts). */
  static fromStarts(starts: Int32Array, length: number): LineTable {
    return new LineTable(starts, length);
  }

  /** The offsets where lines start, to send the table to another thread. */
  get lineStarts(): Int32Array {
    return this.starts;
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
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.length;
    const lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.length;
    return Math.max(this.starts[pos.line], Math.min(this.starts[pos.line] + pos.character, lineEnd));
  }

  range(start: number, end: number): { start: Position; end: Position } {
    const from = this.positionAt(start);
    // Most ranges (an identifier, a value) end on the line they start on: no second search.
    const lineEnd = from.line + 1 < this.starts.length ? this.starts[from.line + 1] : this.length + 1;
    if (end >= start && end < lineEnd && end <= this.length) return { start: from, end: { line: from.line, character: end - this.starts[from.line] } };
    return { start: from, end: this.positionAt(end) };
  }
}
