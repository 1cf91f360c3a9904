// The snippets the extension contributes for xml are offered in an XML file.
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, openDoc, positionOf, waitFor } = require('./helpers');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Prefixes of every snippet contributed for xml, read from the files package.json names. */
function contributedPrefixes(ext) {
  const prefixes = [];
  for (const c of ext.packageJSON.contributes?.snippets || []) {
    if (c.language !== 'xml') continue;
    const file = fs.readFileSync(path.join(ext.extensionPath, c.path), 'utf8');
    // Snippet files may hold comments.
    const snippets = JSON.parse(file.replace(/^\s*\/\/.*$/gm, ''));
    for (const s of Object.values(snippets)) prefixes.push(...[].concat(s.prefix));
  }
  return prefixes;
}

describe('snippets', () => {
  it('lists every contributed xml snippet in a job file', async () => {
    const prefixes = contributedPrefixes(vscode.extensions.getExtension(EXTENSION_ID));
    assert.ok(prefixes.length > 0, 'package.json contributes xml snippets');
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    // The start of the blank-free line before </Job>: where a new task goes.
    const pos = positionOf(doc, '</Job>');
    const missing = await waitFor('the snippets in the completion list', async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      const snippetLabels = new Set(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf));
      const absent = prefixes.filter((p) => !snippetLabels.has(p));
      if (absent.length === 0) return 'none';
      throw new Error(`not offered: ${absent.join(', ')}`);
    });
    assert.strictEqual(missing, 'none');
  });
});
