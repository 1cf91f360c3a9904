/**
 * What one `check` run found, independent of the output format: the writers in format*.ts
 * only turn each checked file, then the summary, into text, JSON, SARIF, workflow commands or
 * JUnit XML.
 */
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'info';

/** Lines and columns are 1-based; columns count UTF-16 code units; the end is exclusive. */
export interface CliDiagnostic {
  rule: string;
  severity: SeverityName;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The rule's section in docs/rules.md. */
  docUrl?: string;
}

export interface CheckedFile {
  /** Relative to the working directory with `/`, or absolute when outside it. */
  path: string;
  /** Absolute path on disk. */
  file: string;
  /** False for XML files that are not `<ConfigurationFile>` documents (never checked). */
  configuration: boolean;
  diagnostics: CliDiagnostic[];
  /** Safe fixes written to this file by --fix. */
  fixesApplied: number;
}

export interface InputProblem {
  path: string;
  message: string;
}

export interface CheckSummary {
  xmlFiles: number;
  configurationFiles: number;
  errors: number;
  warnings: number;
  info: number;
  /** Files that could not be read (binary, too large, no permission): exit code 2. */
  unreadable: number;
  fixesApplied: number;
  filesFixed: number;
}

const SEVERITY_NAME: Record<number, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

export function toCliDiagnostic(d: Diagnostic): CliDiagnostic {
  const out: CliDiagnostic = {
    rule: String(d.code),
    severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error],
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
  if (d.codeDescription) out.docUrl = d.codeDescription.href;
  return out;
}

export function byPosition(a: CliDiagnostic, b: CliDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}

export function emptySummary(unreadable = 0): CheckSummary {
  return { xmlFiles: 0, configurationFiles: 0, errors: 0, warnings: 0, info: 0, unreadable, fixesApplied: 0, filesFixed: 0 };
}

/** Adds one checked file to the counts (a run counts each file as it goes, then forgets it). */
export function countFile(s: CheckSummary, f: CheckedFile): void {
  s.xmlFiles++;
  if (f.configuration) s.configurationFiles++;
  if (f.fixesApplied > 0) s.filesFixed++;
  s.fixesApplied += f.fixesApplied;
  for (const d of f.diagnostics) {
    if (d.severity === 'error') s.errors++;
    else if (d.severity === 'warning') s.warnings++;
    else s.info++;
  }
}

/** How a path is shown: relative to the working directory with `/`, absolute outside it. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
