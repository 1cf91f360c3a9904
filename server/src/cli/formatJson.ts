/**
 * The json format: one JSON document on stdout, for scripts. Its shape is stable (new fields
 * may be added, none renamed or removed):
 *
 *   {
 *     "tool": { "name": "usercube-jobs", "version": "0.1.0" },
 *     "files": [                               // every XML file read, in the order checked
 *       { "path": "Conf/AD/AD Jobs.xml",       // relative to the working directory, with /
 *         "configuration": true,               // false: not a <ConfigurationFile>, not checked
 *         "fixesApplied": 0,                   // safe fixes written by --fix
 *         "diagnostics": [
 *           { "rule": "reference/unresolved", "severity": "error",   // error | warning | info
 *             "message": "…",
 *             "line": 4, "column": 113, "endLine": 4, "endColumn": 131,
 *             "docUrl": "https://…/docs/rules.md#reference-unresolved" } ] } ],
 *     "unreadable": [ { "path": "…", "message": "not a text file (it contains NUL bytes)" } ],
 *     "summary": { "xmlFiles": 2, "configurationFiles": 2, "errors": 3, "warnings": 0, "info": 0,
 *                  "unreadable": 0, "fixesApplied": 0, "filesFixed": 0 }
 *   }
 *
 * Lines and columns are 1-based, columns count UTF-16 code units, the end is exclusive.
 */
import { JsonArrayItems, nestedJson } from './jsonPieces';
import type { CheckedFile } from './report';
import { ReportWriter } from './reportWriter';
import { toolInfo } from './toolInfo';

/** Where a file's object of the "files" array starts. */
const FILE_INDENT = 4;

export function jsonWriter(): ReportWriter {
  const files = new JsonArrayItems(FILE_INDENT);
  return {
    start: () => {
      const { name, version } = toolInfo();
      return ['{', `  "tool": ${nestedJson({ name, version }, 2)},`, '  "files": ['];
    },
    file: (f) => files.addJson(fileJson(f)),
    end: ({ unreadable, summary }) => [...files.end(), '  ],', `  "unreadable": ${nestedJson(unreadable, 2)},`, `  "summary": ${nestedJson(summary, 2)}`, '}'],
  };
}

/**
 * A file's object as nestedJson(…, FILE_INDENT) writes it (fields in the same order), written
 * field by field: a configuration full of findings makes hundreds of thousands of them, and the
 * generic path (pretty-printing, then indenting every line) took a fifth of such a run.
 */
export function fileJson(f: CheckedFile): string {
  const q = JSON.stringify;
  const field = ' '.repeat(FILE_INDENT + 2);
  let out = `{\n${field}"path": ${q(f.path)},\n${field}"configuration": ${q(f.configuration)},\n${field}"fixesApplied": ${q(f.fixesApplied)},\n${field}"diagnostics": `;
  if (f.diagnostics.length === 0) return `${out}[]\n${' '.repeat(FILE_INDENT)}}`;
  const item = field + '  ';
  const key = `,\n${item}  "`;
  out += '[';
  for (let i = 0; i < f.diagnostics.length; i++) {
    const d = f.diagnostics[i];
    out += `${i === 0 ? '' : ','}\n${item}{\n${item}  "rule": ${q(d.rule)}${key}severity": ${q(d.severity)}${key}message": ${q(d.message)}`;
    out += `${key}line": ${q(d.line)}${key}column": ${q(d.column)}${key}endLine": ${q(d.endLine)}${key}endColumn": ${q(d.endColumn)}`;
    if (d.docUrl !== undefined) out += `${key}docUrl": ${q(d.docUrl)}`;
    out += `\n${item}}`;
  }
  return `${out}\n${field}]\n${' '.repeat(FILE_INDENT)}}`;
}
