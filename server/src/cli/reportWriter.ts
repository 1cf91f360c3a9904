/**
 * An output format, written piece by piece: `start` before any file, `file` as soon as one file
 * is checked, `end` once all are (the inputs that could not be read, then the summary). Each
 * returns what to write on stdout, every string followed by a newline (a string may hold several
 * lines). A run can so write each file's findings as it goes, and only the summary waits.
 */
import { CheckSummary, CheckedFile, InputProblem } from './report';

/** What every writer is told before the first file. */
export interface ReportContext {
  /** Absolute working directory: relative paths are relative to it. */
  cwd: string;
  /** Whether --fix ran (the summary then counts the fixes). */
  fix: boolean;
}

/** What is known only once every file is checked. */
export interface ReportEnd {
  unreadable: InputProblem[];
  summary: CheckSummary;
}

export interface ReportWriter {
  start(): string[];
  file(f: CheckedFile): string[];
  end(end: ReportEnd): string[];
}
