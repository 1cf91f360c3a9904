/** One canonical URI per file, whatever the client's spelling; answers in the client's spelling. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { ClientUris, canonicalUri } from '../../server/src/protocol/clientUris';

describe('canonical URIs', () => {
  it("every spelling of one file gives the spelling of the server's own walk (URI.file)", () => {
    const own = URI.file('/ws/Conf/Tâche (AD) & co.xml').toString();
    for (const spelling of [
      own,
      'file:///ws/Conf/T%c3%a2che%20(AD)%20&%20co.xml', // Neovim 0.7
      'file:///ws/Conf/T%C3%A2che%20%28AD%29%20%26%20co.xml',
    ]) {
      assert.equal(canonicalUri(spelling), own, spelling);
    }
  });

  it('Windows drive letters: C: and c%3A are one file', () => {
    const spellings = ['file:///C:/Conf/Jobs.xml', 'file:///c:/Conf/Jobs.xml', 'file:///c%3A/Conf/Jobs.xml', 'file:///C%3A/Conf/Jobs.xml'];
    assert.deepEqual(new Set(spellings.map(canonicalUri)), new Set(['file:///c%3A/Conf/Jobs.xml']));
  });

  it('a raw % that starts no escape is the character itself, never an error', () => {
    assert.equal(canonicalUri('file:///ws/100%.xml'), 'file:///ws/100%25.xml');
    assert.equal(canonicalUri('file:///ws/%zz%'), 'file:///ws/%25zz%25');
    assert.equal(canonicalUri(canonicalUri('file:///ws/100%.xml')), 'file:///ws/100%25.xml');
  });

  it('answers go back in the spelling the client used', () => {
    const uris = new ClientUris();
    const canonical = uris.fromClient('file:///ws/%c3%a9.xml');
    assert.equal(canonical, 'file:///ws/%C3%A9.xml');
    assert.equal(uris.toClient(canonical), 'file:///ws/%c3%a9.xml');
    assert.equal(uris.toClient('file:///ws/other.xml'), 'file:///ws/other.xml');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepEqual(uris.locations([{ uri: canonical, range }]), [{ uri: 'file:///ws/%c3%a9.xml', range }]);
    assert.deepEqual(uris.edit({ changes: { [canonical]: [] } }), { changes: { 'file:///ws/%c3%a9.xml': [] } });
    // The client's later canonical spelling replaces the odd one.
    uris.fromClient(canonical);
    assert.equal(uris.toClient(canonical), canonical);
  });
});
