/**
 * The text format: one line per problem, `path:line:column: severity rule-id message`, in file
 * then document order; after the problems, where the rules are explained; with --fix a line with
 * the fixes applied; then the summary line.
 */
import { shippedRulesDoc } from '../node/installedPackage';
import { CheckSummary, displayPath } from './report';
import { ReportContext, ReportWriter } from './reportWriter';

export function textWriter(context: ReportContext): ReportWriter {
  let problems = 0;
  return {
    start: () => [],
    file: (f) => {
      problems += f.diagnostics.length;
      return f.diagnostics.map((d) => `${f.path}:${d.line}:${d.column}: ${d.severity} ${d.rule} ${d.message}`);
    },
    end: ({ summary }) => {
      const docs = shippedRulesDoc();
      const where = problems > 0 && docs ? [`Each rule is explained under its id in ${displayPath(context.cwd, docs.file)}.`] : [];
      return [...where, ...summaryLines(summary, context.fix)];
    },
  };
}

/** The closing lines of the text and github formats. */
export function summaryLines(s: CheckSummary, fix: boolean): string[] {
  const lines: string[] = [];
  if (fix) lines.push(`Applied ${plural(s.fixesApplied, 'fix', 'fixes')} to ${plural(s.filesFixed, 'file', 'files')}.`);
  lines.push(
    `${s.xmlFiles} XML files, ${s.configurationFiles} configuration files: ` +
      `${plural(s.errors, 'error', 'errors')}, ${plural(s.warnings, 'warning', 'warnings')}, ${s.info} info.`,
  );
  return lines;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
