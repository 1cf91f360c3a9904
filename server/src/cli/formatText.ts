/**
 * The text format: one line per problem, `path:line:column: severity rule-id message`, in file
 * then document order; where the rules are explained (when a problem was shown); with --fix a
 * line with the fixes applied; then the summary line.
 */
import { shippedRulesDoc } from '../node/installedPackage';
import { CheckReport, displayPath } from './report';

export function formatText(report: CheckReport): string[] {
  const lines: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) lines.push(`${f.path}:${d.line}:${d.column}: ${d.severity} ${d.rule} ${d.message}`);
  }
  const docs = shippedRulesDoc();
  if (lines.length > 0 && docs) lines.push(`Each rule is explained under its id in ${displayPath(report.cwd, docs.file)}.`);
  const s = report.summary;
  if (report.fix) lines.push(`Applied ${plural(s.fixesApplied, 'fix', 'fixes')} to ${plural(s.filesFixed, 'file', 'files')}.`);
  lines.push(
    `${s.xmlFiles} XML files, ${s.configurationFiles} configuration files: ` +
      `${plural(s.errors, 'error', 'errors')}, ${plural(s.warnings, 'warning', 'warnings')}, ${s.info} info.`,
  );
  return lines;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
