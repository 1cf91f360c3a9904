// Go to definition lands on the defining Identifier, in another file.
const assert = require('node:assert');
const vscode = require('vscode');
const { openDoc, positionOf, rangeOf, waitFor, wsUri } = require('./helpers');

async function definitionsAt(doc, pos) {
  return waitFor('a definition from the language server', async () => {
    const locs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, pos);
    return locs && locs.length ? locs.map((l) => ({ uri: l.targetUri || l.uri, range: l.targetSelectionRange || l.range })) : undefined;
  });
}

async function assertLandsOn(locs, rel, needle, after) {
  assert.strictEqual(locs.length, 1, `one definition expected, got ${locs.length}`);
  const target = await vscode.workspace.openTextDocument(wsUri(rel));
  assert.strictEqual(locs[0].uri.fsPath, target.uri.fsPath);
  const expected = rangeOf(target, needle, after);
  assert.deepStrictEqual(
    [locs[0].range.start.line, locs[0].range.start.character, locs[0].range.end.line, locs[0].range.end.character],
    [expected.start.line, expected.start.character, expected.end.line, expected.end.character],
  );
}

describe('definition', () => {
  it('goes from a Step to the shared task in Shared Tasks.xml', async () => {
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const locs = await definitionsAt(doc, positionOf(doc, 'All_CorrelationKeys', 3, '<Step'));
    await assertLandsOn(locs, 'Conf/Shared Tasks.xml', 'All_CorrelationKeys');
  });

  it('goes from a Connector reference to the connector in AD Connector.xml', async () => {
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const locs = await definitionsAt(doc, positionOf(doc, 'Connector="AD"', 'Connector="'.length + 1));
    await assertLandsOn(locs, 'Conf/AD/AD Connector.xml', 'AD', '<Connector Identifier="');
  });
});
