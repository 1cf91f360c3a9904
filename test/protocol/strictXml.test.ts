/**
 * The strict XML check (sax) runs in the debounced pass, not on every keystroke: an error only a
 * strict parser sees still appears, and stays until it is fixed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conf } from '../helpers/cursor';
import { rangeIn, startSession } from '../helpers/lspClient';

const TEXT = conf(`  <Connector Identifier="AD" DisplayName_L1="AD" />`);

describe('protocol: strict XML check', () => {
  test('an undefined entity is reported after the edit, and cleared by the next fix', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Connector.xml': TEXT });
    const uri = ws.uri('Conf/Connector.xml');
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);

    await client.change(uri, 2, [{ range: rangeIn(TEXT, '[DisplayName_L1="AD"]'), text: 'DisplayName_L1="A&nbsp;D"' }]);
    const broken = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'xml/well-formed'));
    assert.equal(broken.filter((x) => x.code === 'xml/well-formed').length, 1);

    const after = TEXT.replace('DisplayName_L1="AD"', 'DisplayName_L1="A&nbsp;D"');
    await client.change(uri, 3, [{ range: rangeIn(after, '[&nbsp;]'), text: ' ' }]);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
  });
});
