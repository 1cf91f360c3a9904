/**
 * Element and attribute names are handed out as one string per name (xmlScanner.ts nameAt):
 * copied once, then the same string from one file to the next (counted: a string's identity
 * cannot be seen from JavaScript), always the characters of the text whatever names share a
 * slot, and no overlong name kept.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildXmlTree } from '../../server/src/model/xmlTree';
import { nameAt, nameCopies } from '../../server/src/model/xmlScanner';
import { prng } from '../helpers/fuzzInputs';

describe('scanner names', () => {
  it('a name read again, in another text, is not copied again', () => {
    const a = buildXmlTree('<ConfigurationFile><ExportTask Identifier="A" DisplayName_L1="a" /></ConfigurationFile>');
    const before = nameCopies();
    const b = buildXmlTree('<ConfigurationFile>\n  <ExportTask  DisplayName_L1="b" Identifier="B"/>\n</ConfigurationFile>');
    assert.equal(nameCopies(), before, 'every name of the second text was read in the first');
    const [ea, eb] = [a.roots[0].children[0], b.roots[0].children[0]];
    assert.deepEqual([ea.name, eb.name], ['ExportTask', 'ExportTask']);
    assert.deepEqual(
      eb.attributes.map((x) => x.name),
      ['DisplayName_L1', 'Identifier'],
    );
    buildXmlTree('<ConfigurationFile><SynchronizeTask Identifier="S" /></ConfigurationFile>');
    assert.equal(nameCopies(), before + 1, 'one new name, one copy');
  });

  it('gives the characters of the text for thousands of names that share slots', () => {
    const random = prng(7);
    const alphabet = 'AB_LDa1';
    const text = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + random(14) }, () => alphabet[random(alphabet.length)]).join('')).join(' ');
    let at = 0;
    for (const word of text.split(' ')) {
      assert.equal(nameAt(text, at, at + word.length), word);
      at += word.length + 1;
    }
    assert.equal(nameAt(text, 3, 3), '');
  });

  it("does not keep a name longer than any real one (a broken file's), and still reads it", () => {
    const long = 'A'.repeat(100_000);
    const text = `<${long} />`;
    const before = nameCopies();
    assert.equal(nameAt(text, 1, 1 + long.length), long);
    assert.equal(buildXmlTree(text).roots[0].name, long);
    assert.equal(nameCopies(), before, 'nothing was kept');
  });
});
