/**
 * Element and attribute names are handed out as one string per name (xmlScanner.ts nameAt):
 * the same object from one file to the next, always the characters of the text, whatever
 * names share a slot.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildXmlTree } from '../../server/src/model/xmlTree';
import { nameAt } from '../../server/src/model/xmlScanner';
import { prng } from '../helpers/fuzzInputs';

describe('scanner names', () => {
  it('a name read again, in another text, is the same string', () => {
    const a = buildXmlTree('<ConfigurationFile><ExportTask Identifier="A" DisplayName_L1="a" /></ConfigurationFile>');
    const b = buildXmlTree('<ConfigurationFile>\n  <ExportTask  DisplayName_L1="b" Identifier="B"/>\n</ConfigurationFile>');
    const [ea, eb] = [a.roots[0].children[0], b.roots[0].children[0]];
    assert.equal(ea.name, 'ExportTask');
    assert.ok(Object.is(ea.name, eb.name));
    assert.deepEqual(
      ea.attributes.map((x) => x.name),
      ['Identifier', 'DisplayName_L1'],
    );
    assert.ok(Object.is(ea.attributes[0].name, eb.attributes[1].name));
    assert.ok(Object.is(ea.attributes[1].name, eb.attributes[0].name));
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
});
