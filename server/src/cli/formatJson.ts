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
import { ReportWriter } from './reportWriter';
import { toolInfo } from './toolInfo';

export function jsonWriter(): ReportWriter {
  const files = new JsonArrayItems(4);
  return {
    start: () => {
      const { name, version } = toolInfo();
      return ['{', `  "tool": ${nestedJson({ name, version }, 2)},`, '  "files": ['];
    },
    file: (f) => files.add({ path: f.path, configuration: f.configuration, fixesApplied: f.fixesApplied, diagnostics: f.diagnostics }),
    end: ({ unreadable, summary }) => [...files.end(), '  ],', `  "unreadable": ${nestedJson(unreadable, 2)},`, `  "summary": ${nestedJson(summary, 2)}`, '}'],
  };
}
