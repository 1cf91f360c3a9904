/**
 * A rule: a stable id (REFERENCE.md §7), a default severity, an explanation, and a check over
 * one file of the index. Checks return offsets; the service turns them into LSP diagnostics.
 */
import { FileEntry } from '../index/fileEntry';
import { WorkspaceIndex } from '../index/workspaceIndex';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Extra facts for quick fixes (never parsed back from the message). */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  entry: FileEntry;
  index: WorkspaceIndex;
  /** The file's text, when the service has it (open documents, the command line). */
  text?: string;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One paragraph: what is wrong and why, with its source. */
  explanation: string;
  check(ctx: RuleContext, report: (f: Finding) => void): void;
}
