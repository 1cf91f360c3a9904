/**
 * The sarif format: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps…). One run; the driver
 * lists every rule with its explanation, documentation link and default level; each result
 * points at a file relative to %SRCROOT% (the working directory). Regions are 1-based and
 * their columns count UTF-16 code units (SARIF's default `columnKind`, stated explicitly).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocUrl } from '../rules/rule';
import { RULE_GROUPS } from '../rules/registry';
import { CheckReport, SeverityName } from './report';
import { toolInfo } from './toolInfo';
import { shippedRulesDoc } from '../node/installedPackage';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The first sentence of an explanation (the short description code scanning lists). */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z`(]|$)/s.exec(text);
  return (m ? m[1] : text).trim();
}

/** Relative paths become URI references (spaces and the like percent-encoded), under %SRCROOT%. */
function artifactLocation(displayPath: string, file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(displayPath)) return { uri: pathToFileURL(file).toString() };
  return { uri: displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(report: CheckReport): string {
  const { name, version, informationUri } = toolInfo();
  // helpUri must be an absolute URI: the rules page installed with the tool (the package's
  // repository field is a placeholder, so no web page to point at); none if it is missing.
  const docs = shippedRulesDoc()?.url;
  const rules = RULE_GROUPS.flatMap((g) =>
    g.rules.map((r) => ({
      id: r.id,
      shortDescription: { text: firstSentence(r.explanation) },
      fullDescription: { text: r.explanation },
      helpUri: docs && ruleDocUrl(r.id, docs),
      help: { text: `${r.explanation}\n\nSource: ${r.source}.`, markdown: `${r.explanation}\n\nSource: ${r.source}.${docs ? `\n\n[Documentation](${ruleDocUrl(r.id, docs)})` : ''}` },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: [g.title] },
    })),
  );
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.rule,
      ruleIndex: ruleIndex.get(d.rule) ?? -1,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.path, f.file),
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
    })),
  );
  const notifications = report.unreadable.map((u) => ({
    level: 'error',
    message: { text: `${u.path}: ${u.message}` },
  }));
  const srcRoot = pathToFileURL(report.cwd).toString();
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name, version, semanticVersion: version, informationUri, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: srcRoot.endsWith('/') ? srcRoot : srcRoot + '/' } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: report.unreadable.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
