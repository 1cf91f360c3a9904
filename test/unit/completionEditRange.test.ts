/**
 * Completion edits stay on one line and contain the cursor, even when a value runs over two
 * lines while a quote is missing: VS Code drops items whose range spans lines.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CompletionItem, Range } from 'vscode-languageserver-types';
import { conf, cursor, textOf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

function editRanges(items: CompletionItem[]): Range[] {
  return items.map((i) => (i.textEdit as { range: Range }).range);
}

describe('completion edit ranges', () => {
  it('a ParentTask value that runs onto the next line: the edit covers its part on the cursor line', () => {
    const c = cursor(
      conf(
        '  <ComputeCorrelationKeysTask Identifier="T1" DisplayName_L1="t" />\n  <ComputeCorrelationKeysTask Identifier="T2" DisplayName_L1="t"><TaskDependsOnTask ParentTask="T|\n1" /></ComputeCorrelationKeysTask>',
      ),
    );
    const service = workspace({ 'jobs.xml': c.text }, ['jobs.xml']);
    const items = service.doComplete(uriOf('jobs.xml'), c.position)!.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['T1'],
    );
    for (const range of editRanges(items)) {
      assert.equal(range.start.line, range.end.line, 'one line');
      assert.equal(range.start.line, c.position.line);
      assert.ok(range.start.character <= c.position.character && c.position.character <= range.end.character, 'contains the cursor');
      assert.equal(textOf(c.text, range), 'T');
    }
  });

  it('an enum value that runs onto the next line: the same', () => {
    const c = cursor(conf('  <PrepareSynchronizationTask Identifier="P" DisplayName_L1="p" Connector="AD" SynchronizationMode="C|o\nmplete" />'));
    const service = workspace({ 'jobs.xml': c.text }, ['jobs.xml']);
    const items = service.doComplete(uriOf('jobs.xml'), c.position)!.items;
    assert.ok(items.some((i) => i.label === 'Complete'));
    for (const range of editRanges(items)) {
      assert.equal(range.start.line, range.end.line, 'one line');
      assert.equal(textOf(c.text, range), 'Co');
    }
  });
});
