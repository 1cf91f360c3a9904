import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LineTable } from '../../server/src/model/lineTable';

describe('line table', () => {
  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = 'a😀b\r\nc"é"';
    const lines = LineTable.fromText(text);
    assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 0, character: 3 });
    assert.deepEqual(lines.positionAt(text.indexOf('é')), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), text.indexOf('é'));
  });

  it('clamps positions past the end of a line (to the end of its text, as LSP says) or of the text', () => {
    const lines = LineTable.fromText('ab\ncd');
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  });

  it('a lone CR ends a line, as in editors: a finding on line 4 is on line 4', () => {
    const text = 'a\rbb\r\ncc\ndd\rERR';
    const lines = LineTable.fromText(text);
    assert.deepEqual(lines.positionAt(text.indexOf('ERR')), { line: 4, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('bb')), { line: 1, character: 0 });
    assert.equal(lines.offsetAt({ line: 4, character: 1 }), text.indexOf('ERR') + 1);
    assert.deepEqual(lines.range(text.indexOf('dd'), text.indexOf('dd') + 2), { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
  });

  it('no position points inside or past a line ending: offsets in a CRLF stand at the end of the line', () => {
    const text = 'ab\r\ncd';
    const lines = LineTable.fromText(text);
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 }, 'between \\r and \\n');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
    assert.equal(lines.offsetAt({ line: 0, character: 3 }), 2);
    assert.deepEqual(lines.range(0, 4), { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
    assert.deepEqual(lines.range(1, 3), { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } });
  });
});
