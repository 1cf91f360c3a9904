// "Usercube Jobs: New complete synchronization job…" writes the server's complete job for a
// connector into the connector's file (left unsaved, the new job selected), with or without the
// connector given; and the scaffolding's code lens shows the job it generates.
const assert = require('node:assert');
const vscode = require('vscode');
const { jobsApi, openDoc, waitFor } = require('./helpers');

async function revertActive() {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

describe('new complete synchronization job', () => {
  let api;
  before(async () => {
    api = await jobsApi();
  });

  it('writes the job of the connector given into its file and selects it', async () => {
    const r = await vscode.commands.executeCommand('usercubeJobs.newCompleteSyncJob', 'Directory');
    try {
      assert.ok(r && r.job, 'no job made');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor.document.uri.path.endsWith('/Directory Connector.xml'), editor.document.uri.path);
      assert.ok(editor.document.isDirty, 'left unsaved for review');
      assert.strictEqual(editor.document.getText(editor.selection), r.job);
      assert.match(editor.document.getText(), new RegExp(`<Job Identifier="${r.job}"[^>]*>`));
      await waitFor(`${r.job} among the server's jobs`, async () => (await api.server.jobs()).some((j) => j.job === r.job));
    } finally {
      await revertActive();
    }
  });

  it('asks for the connector with a quick pick of the connectors', async () => {
    const connectors = (await api.server.connectors()).map((c) => c.id);
    assert.ok(connectors.includes('AD') && connectors.includes('Directory'), connectors.join(', '));
    const pending = vscode.commands.executeCommand('usercubeJobs.newCompleteSyncJob');
    let result;
    pending.then((r) => (result = { r }));
    // Accept the first item once the pick is up (the command resolves then).
    await waitFor('the quick pick to be answered', async () => {
      if (!result) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return result;
    });
    try {
      assert.ok(result.r && result.r.job, 'no job made');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor.document.uri.path.endsWith(`/${connectors[0]} Connector.xml`), editor.document.uri.path);
      assert.strictEqual(editor.document.getText(editor.selection), result.r.job);
    } finally {
      await revertActive();
    }
  });

  it('the code lens of a job scaffolding names the job it generates and shows it in the view', async () => {
    const doc = await openDoc('Conf/Scaffolded/Scaffolded Jobs.xml');
    const lens = await waitFor('the scaffolding code lens', async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 10);
      return lenses.find((l) => l.command && l.command.command === 'usercubeJobs.showJobSteps');
    });
    assert.match(lens.command.title, /^generates Job_AD_Scaffolded: \d+ tasks · \d+ levels$/);
    assert.strictEqual(await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments), true);
    await waitFor('Job_AD_Scaffolded selected', () => api.jobsView.treeView.selection[0]?.summary?.job === 'Job_AD_Scaffolded');
  });
});
