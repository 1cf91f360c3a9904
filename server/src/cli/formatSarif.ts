/**
 * The sarif format: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps…). One run; the driver
 * lists every rule with its explanation, documentation link and default level; each result
 * points at a file relative to %SRCROOT% (the working directory). Regions are 1-based and
 * their columns count UTF-16 code units (SARIF's default `columnKind`, stated explicitly).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shippedRulesDoc } from '../node/installedPackage';
import { ruleDocUrl } from '../rules/rule';
import { RULE_GROUPS } from '../rules/registry';
import { JsonArrayItems, nestedJson } from './jsonPieces';
import { SeverityName } from './report';
import { ReportContext, ReportWriter } from './reportWriter';
import { toolInfo } from './toolInfo';

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

/** Every rule, as the driver lists them (results point at them by index). */
function ruleDescriptors() {
  // helpUri must be an absolute URI: the rules page installed with the tool (the package's
  // repository field is a placeholder, so no web page to point at); none if it is missing.
  const docs = shippedRulesDoc()?.url;
  return RULE_GROUPS.flatMap((g) =>
    g.rules.map((r) => ({
      id: r.id,
      shortDescription: { text: firstSentence(r.explanation) },
      fullDescription: { text: r.explanation },
      helpUri: docs && ruleDocUrl(r.id, docs),
      help: {
        text: `${r.explanation}\n\nSource: ${r.source}.`,
        markdown: `${r.explanation}\n\nSource: ${r.source}.${docs ? `\n\n[Documentation](${ruleDocUrl(r.id, docs)})` : ''}`,
      },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: [g.title] },
    })),
  );
}

/** One run whose results come one file at a time; the invocation (unreadable inputs) closes it. */
export function sarifWriter(context: ReportContext): ReportWriter {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = new JsonArrayItems(8);
  return {
    start: () => {
      const { name, version } = toolInfo();
      const srcRoot = pathToFileURL(context.cwd).toString();
      return [
        '{',
        `  "$schema": ${JSON.stringify(SARIF_SCHEMA)},`,
        '  "version": "2.1.0",',
        '  "runs": [',
        '    {',
        `      "tool": ${nestedJson({ driver: { name, version, semanticVersion: version, rules } }, 6)},`,
        `      "originalUriBaseIds": ${nestedJson({ [SRCROOT]: { uri: srcRoot.endsWith('/') ? srcRoot : srcRoot + '/' } }, 6)},`,
        '      "columnKind": "utf16CodeUnits",',
        '      "results": [',
      ];
    },
    file: (f) =>
      f.diagnostics.flatMap((d) =>
        results.add({
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
        }),
      ),
    end: ({ unreadable }) => {
      const notifications = unreadable.map((u) => ({ level: 'error', message: { text: `${u.path}: ${u.message}` } }));
      return [
        ...results.end(),
        '      ],',
        `      "invocations": ${nestedJson([{ executionSuccessful: unreadable.length === 0, toolExecutionNotifications: notifications }], 6)}`,
        '    }',
        '  ]',
        '}',
      ];
    },
  };
}
