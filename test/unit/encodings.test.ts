/**
 * Files not open in the editor are decoded per BOM and XML declaration; undeclared bytes that
 * are not UTF-8 are read as Windows-1252. The accents must reach what the user sees.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { fixtureFiles, workspace, uriOf } from '../helpers/workspace';
import { conf, cursor } from '../helpers/cursor';

const files = fixtureFiles('encodings');

function decoded(name: string) {
  return decodeBytes(files.get(name)!.bytes);
}

describe('decoding files from disk', () => {
  for (const [name, encoding, bom] of [
    ['declared-windows-1252.xml', 'windows-1252', false],
    ['declared-iso-8859-1.xml', 'windows-1252', false],
    ['undeclared-cp1252.xml', 'windows-1252', false],
    ['utf8-bom.xml', 'utf-8', true],
    ['utf8.xml', 'utf-8', false],
  ] as const) {
    it(`${name}: ${encoding}${bom ? ' with BOM' : ''}, accents intact`, () => {
      const d = decoded(name);
      assert.equal(d.encoding, encoding);
      assert.equal(d.bom, bom);
      assert.equal(d.text.charCodeAt(0), '<'.charCodeAt(0), 'the BOM is stripped');
      assert.match(d.text, /DisplayName_L1="Référentiel \w+" DisplayName_L2="Mise à jour des propriétés"/);
    });
  }

  it('flags bytes that are not UTF-8 in a file declared UTF-8, and still reads them', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="utf-8"?><a b="\xe9"/>', 'latin1');
    const d = decodeBytes(bytes);
    assert.equal(d.problem, 'invalid-utf8-declared');
    assert.match(d.text, /b="é"/);
  });

  it('reads the Windows-1252 letters of 0x80–0x9F (’ – € …), not C1 controls', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="windows-1252"?><a b="l\x92\xe9t\xe9 \x96 20 \x80 \x9c"/>', 'latin1');
    assert.match(decodeBytes(bytes).text, /b="l’été – 20 € œ"/);
    const undeclared = Buffer.from('<a b="d\x92un \xe9t\xe9"/>', 'latin1');
    assert.match(decodeBytes(undeclared).text, /b="d’un été"/);
  });

  it('recognises binary content', () => {
    assert.equal(decodeBytes(Buffer.from([0x3c, 0x00, 0x61, 0x00])).problem, 'binary');
  });

  it('shows the accented display name of a Windows-1252 file in completion', () => {
    const service = workspace({ 'conn.xml': decoded('declared-windows-1252.xml').text });
    const job = cursor(conf('<SynchronizeTask Identifier="S" DisplayName_L1="S" Connector="|" />'));
    service.openDocument(uriOf('job.xml'), job.text, 1);
    const items = service.doComplete(uriOf('job.xml'), job.position)!.items;
    assert.deepEqual(
      items.map((i) => [i.label, service.resolveCompletionItem(i).detail]),
      [['Cp1252', 'Connector — Référentiel Cp1252']],
    );
  });
});
