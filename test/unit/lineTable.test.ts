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

  it('clamps positions past the end of a line or of the text', () => {
    const lines = LineTable.fromText('ab\ncd');
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 3);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  });
});
