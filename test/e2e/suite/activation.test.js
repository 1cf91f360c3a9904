// The extension starts from an XML file of the workspace and its language server answers.
const assert = require('node:assert');
const vscode = require('vscode');
const { EXTENSION_ID, openDoc, positionOf, waitFor } = require('./helpers');

describe('activation', () => {
  it('activates on an XML file and its language server answers', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the editor`);
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    assert.strictEqual(doc.languageId, 'xml');
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive);
    // A hover on a task id comes from our server only: proof the client connected.
    const pos = positionOf(doc, 'AD_Export_Complete', 1);
    const hovers = await waitFor('a hover from the language server', async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos);
      return h && h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /AD_Export_Complete/);
  });
});
