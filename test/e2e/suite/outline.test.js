// The outline of a job file: the job, its tasks and steps as children.
const assert = require('node:assert');
const vscode = require('vscode');
const { openDoc, waitFor } = require('./helpers');

describe('outline', () => {
  it('lists the job with its tasks and steps', async () => {
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : undefined;
    });
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['Job_AD_Complete'],
    );
    const children = symbols[0].children.map((s) => s.name);
    for (const name of ['AD_Export_Complete', 'AD_Prepare_Complete', 'Step All_CorrelationKeys', 'AD_SetInternalUserProfiles']) {
      assert.ok(children.includes(name), `${name} missing from [${children.join(', ')}]`);
    }
  });
});
