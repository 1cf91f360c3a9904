/**
 * Line endings as editors count them: a lone CR (classic Mac files) ends a line, and no range
 * ends inside a CRLF (past the `\r`).
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

/** Every range of `diagnostics` within the text of its lines (split as editors split lines). */
function assertWithinLines(text: string, ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const r of ranges) {
    for (const p of [r.start, r.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${JSON.stringify(r)} is past the end of its line`);
  }
}

describe('line endings', () => {
  it('lone CR: findings on the third and fourth lines are reported there, not on the first', () => {
    const text = conf('  <Agent Identifier="Local" DisplayName_L1="l" />\n  <Agent Identifier="Local" DisplayName_L1="m" />').replace(/\n/g, '\r');
    const service = workspace({ 'mac.xml': text }, ['mac.xml']);
    const found = service.validate(uriOf('mac.xml'));
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [
        ['identifier/unique', { start: { line: 2, character: 21 }, end: { line: 2, character: 26 } }],
        ['identifier/unique', { start: { line: 3, character: 21 }, end: { line: 3, character: 26 } }],
      ],
    );
    assert.match(found[0].message, /in this file:4\.$/);
    const [definition] = service.findDefinition(uriOf('mac.xml'), { line: 3, character: 23 });
    assert.deepEqual(definition.range, { start: { line: 2, character: 21 }, end: { line: 2, character: 26 } });
  });

  it('CRLF: ranges that reach the end of a line stop before its \\r', () => {
    const text = conf(
      '  <Agent Identifier="A" DisplayName_L1="a" Wrong="x\n  <Agent Identifier="B" DisplayName_L1="b" />\n  <Agent Identifier="C" DisplayName_L1="c&amp\n" />',
    ).replace(/\n/g, '\r\n');
    const service = workspace({ 'crlf.xml': text }, ['crlf.xml']);
    const found = service.validate(uriOf('crlf.xml'));
    assert.ok(found.some((d) => d.code === 'attribute/unknown'));
    assertWithinLines(
      text,
      found.map((d) => d.range),
    );
    const unknown = found.find((d) => d.code === 'attribute/unknown')!;
    assert.deepEqual(unknown.range, { start: { line: 2, character: 43 }, end: { line: 2, character: 51 } }, 'Wrong="x, to the end of the line');
  });
});
