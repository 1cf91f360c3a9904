// Completion in a ParentTask value offers the task ids of every file, and only task ids.
const assert = require('node:assert');
const vscode = require('vscode');
const { openDoc, positionOf, waitFor } = require('./helpers');

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const descriptionOf = (item) => (typeof item.label === 'string' ? undefined : item.label.description);

describe('completion', () => {
  it('offers task ids from other files in a ParentTask value', async () => {
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const pos = positionOf(doc, 'ParentTask="AD_Prepare_Complete"', 'ParentTask="'.length);
    // Until the first indexing is done the server only knows the open files.
    const list = await waitFor('completion items from Shared Tasks.xml and AD Incremental Jobs.xml', async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
      const labels = l.items.map(labelOf);
      return labels.includes('All_CorrelationKeys') && labels.includes('AD_Export_Incremental') ? l : undefined;
    });
    const byLabel = new Map(list.items.map((i) => [labelOf(i), i]));
    // This job's tasks, the shared tasks and the other job's tasks...
    for (const id of ['AD_Export_Complete', 'AD_Fulfill', 'All_ComputeAllProperties', 'Directory_ComputeRoleModel', 'AD_Prepare_Incremental']) {
      assert.ok(byLabel.has(id), `${id} missing from [${[...byLabel.keys()].join(', ')}]`);
    }
    // ...each saying where it is defined...
    assert.match(descriptionOf(byLabel.get('All_CorrelationKeys')) || '', /Shared Tasks\.xml/);
    assert.match(descriptionOf(byLabel.get('AD_Export_Incremental')) || '', /AD Incremental Jobs\.xml/);
    assert.strictEqual(byLabel.get('All_CorrelationKeys').kind, vscode.CompletionItemKind.Function);
    // ...and no identifier of another kind (a job, a connector, an agent).
    for (const other of ['Job_AD_Complete', 'Job_AD_Incremental', 'Local', 'ADExport']) {
      const item = byLabel.get(other);
      assert.ok(!item || item.kind === vscode.CompletionItemKind.Text, `${other} should not be offered as a task`);
    }
    // Accepting an item replaces the whole value.
    const edit = byLabel.get('All_CorrelationKeys').range;
    const valueRange = edit && (edit.replacing || edit);
    assert.ok(valueRange, 'the item carries the range it replaces');
    assert.strictEqual(doc.getText(valueRange), 'AD_Prepare_Complete');
  });
});
