/**
 * The progress line on a terminal: `Reading 120/4000 files…`, rewritten in place, shown only
 * for large folders (many files, or once a phase takes more than a second) and cleared at the
 * end. main.ts passes a writer only when stderr is a TTY, so tests and CI logs never see it.
 */
export type ProgressWriter = (line: string) => void;

const MANY_FILES = 200;
const SLOW_MS = 1000;
const REDRAW_MS = 100;

export class Progress {
  private shown = false;
  private lastDraw = 0;
  private readonly started: number;

  constructor(
    private readonly write: ProgressWriter | undefined,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update(done: number): void {
    if (!this.write) return;
    const now = this.now();
    if (!this.shown && this.total <= MANY_FILES && now - this.started < SLOW_MS) return;
    if (this.shown && now - this.lastDraw < REDRAW_MS && done < this.total) return;
    this.shown = true;
    this.lastDraw = now;
    this.write(`${this.label} ${done}/${this.total} files…`);
  }

  /** Clears the line (an empty line for the writer) if anything was shown. */
  end(): void {
    if (this.shown && this.write) this.write('');
    this.shown = false;
  }
}
