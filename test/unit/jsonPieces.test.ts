/**
 * The json format writes each file's object field by field (cli/formatJson.ts fileJson), for
 * speed; it must be the text the generic pretty-printer writes for the same object, whatever the
 * strings hold.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileJson } from '../../server/src/cli/formatJson';
import { JsonArrayItems, nestedJson } from '../../server/src/cli/jsonPieces';
import type { CheckedFile, CliDiagnostic } from '../../server/src/cli/report';

const ODD = ['plain', 'a "quoted" \\ path', 'line\nbreak\ttab\r', 'Pr\u00e9paration \u2028 \u{1F600} \u0001', ''];

function diagnostic(i: number, docUrl = true): CliDiagnostic {
  const d: CliDiagnostic = {
    rule: i % 2 ? 'reference/unresolved' : 'attribute/unknown',
    severity: (['error', 'warning', 'info'] as const)[i % 3],
    message: `${ODD[i % ODD.length]}: '${i}'`,
    line: i + 1,
    column: 2 * i + 1,
    endLine: i + 2,
    endColumn: 3 * i + 4,
  };
  if (docUrl) d.docUrl = `file:///docs/rules.md#${d.rule.replace('/', '-')}`;
  return d;
}

/** What the generic path writes for the file (the object the json format documents). */
function generic(f: CheckedFile): string {
  return nestedJson({ path: f.path, configuration: f.configuration, fixesApplied: f.fixesApplied, diagnostics: f.diagnostics }, 4);
}

describe('json format pieces', () => {
  it('writes a file field by field as the generic pretty-printer does', () => {
    const files: CheckedFile[] = [
      { path: 'Conf/a.xml', file: '/ws/Conf/a.xml', configuration: true, fixesApplied: 0, diagnostics: [] },
      { path: 'notes.xml', file: '/ws/notes.xml', configuration: false, fixesApplied: 0, diagnostics: [] },
      { path: ODD[1], file: '/x', configuration: true, fixesApplied: 3, diagnostics: [diagnostic(0)] },
      { path: ODD[3], file: '/y', configuration: true, fixesApplied: 1, diagnostics: Array.from({ length: 12 }, (_, i) => diagnostic(i, i % 4 !== 0)) },
    ];
    for (const f of files) assert.equal(fileJson(f), generic(f), f.path);
  });

  it('gives each array item its indentation and its comma', () => {
    const items = new JsonArrayItems(4);
    const out = [...items.add({ a: 1 }), ...items.addJson(nestedJson([1, 2], 4)), ...items.end()];
    assert.deepEqual(JSON.parse(`[${out.join('\n')}]`), [{ a: 1 }, [1, 2]]);
    assert.equal(out.join('\n'), '    {\n      "a": 1\n    },\n    [\n      1,\n      2\n    ]');
  });
});
