// Renaming a task renames its definition and every reference, across files.
const assert = require('node:assert');
const vscode = require('vscode');
const { openDoc, positionOf, serverCapabilities, waitFor, wsUri } = require('./helpers');

describe('rename', () => {
  it('renames a shared task in its file and in the job that runs it', async () => {
    assert.ok((await serverCapabilities()).renameProvider, 'the server offers rename');
    const shared = await openDoc('Conf/Shared Tasks.xml');
    const jobs = await openDoc('Conf/AD/AD Jobs.xml');
    const pos = positionOf(shared, 'Directory_ComputeRoleModel', 2);
    const edit = await waitFor('a rename edit', () => vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', shared.uri, pos, 'Directory_RoleModel'));
    const files = edit
      .entries()
      .map(([uri]) => uri.fsPath)
      .sort();
    assert.deepStrictEqual(files, [wsUri('Conf/AD/AD Jobs.xml').fsPath, wsUri('Conf/Shared Tasks.xml').fsPath].sort());
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(shared.getText(), /<ComputeRoleModelTask Identifier="Directory_RoleModel"/);
    assert.match(jobs.getText(), /<Step Identifier="Directory_RoleModel" \/>/);
    assert.doesNotMatch(shared.getText() + jobs.getText(), /Directory_ComputeRoleModel/);
  });
});
