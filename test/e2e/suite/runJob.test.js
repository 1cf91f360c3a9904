// Running from the editor with stand-in executables (the product's are not available here): the
// "Run job" and "Run this task" lenses and "Deploy configuration (simulate only)" type a command
// line into a terminal; the stand-in records the arguments it receives. The API secret reaches
// the program but is not in the line the terminal shows.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { jobsApi, openDoc, waitFor, wsUri } = require('./helpers');
const { calls, standInRuntime } = require('../lib/standInRuntime');

const API_URL = 'http://127.0.0.1:5999';
const SECRET = 'Secr3t-of-the-e2e-run';

async function lensesOf(doc, command) {
  return waitFor(`${command} lenses in ${path.basename(doc.uri.fsPath)}`, async () => {
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 50);
    const ours = lenses.filter((l) => l.command && l.command.command === command);
    return ours.length ? ours : undefined;
  });
}

(process.platform === 'win32' ? describe.skip : describe)('run from the editor', () => {
  let api;
  let runtime;
  const config = () => vscode.workspace.getConfiguration('usercubeJobs');
  before(async () => {
    api = await jobsApi();
    runtime = standInRuntime(fs.mkdtempSync(path.join(os.tmpdir(), 'usercube-run-')));
  });
  after(async () => {
    await config().update('runtime.path', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('apiUrl', undefined, vscode.ConfigurationTarget.Workspace);
    for (const t of vscode.window.terminals) t.dispose();
    fs.rmSync(path.dirname(runtime), { recursive: true, force: true });
  });

  it('says which setting is missing instead of running', async () => {
    const r = await vscode.commands.executeCommand('usercubeJobs.runJob', 'Job_AD_Complete');
    assert.strictEqual(r.ran, false);
    assert.match(r.reason, /usercubeJobs\.runtime\.path/);
  });

  it('"Run job" runs Usercube-Invoke-Job with the job, the API URL, the job\'s client and the stored secret', async () => {
    await config().update('runtime.path', runtime, vscode.ConfigurationTarget.Workspace);
    await config().update('apiUrl', API_URL, vscode.ConfigurationTarget.Workspace);
    await api.runner.setSecret(API_URL, 'Job', SECRET);
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const [lens] = await lensesOf(doc, 'usercubeJobs.runJob');
    assert.strictEqual(doc.getText(lens.range), 'Job_AD_Complete');
    const r = await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
    assert.strictEqual(r.ran, true, r.reason);
    // What the terminal shows: the secret as a variable, never its value.
    assert.ok(!r.commandLine.includes(SECRET), r.commandLine);
    assert.match(r.commandLine, /--api-secret "\$USERCUBE_API_SECRET"$/);
    assert.ok(vscode.window.terminals.some((t) => t.name === 'Usercube: Job_AD_Complete'));
    const [call] = await waitFor('the stand-in to be called', () => calls(runtime).length === 1 && calls(runtime));
    assert.deepStrictEqual(call, {
      exe: 'Usercube-Invoke-Job',
      cwd: runtime,
      env: SECRET,
      args: ['-j', 'Job_AD_Complete', '--api-url', API_URL, '--api-client-id', 'Job', '--api-secret', SECRET],
    });
  });

  it('"Run this task" adds -t with the task', async () => {
    const doc = await openDoc('Conf/AD/AD Jobs.xml');
    const lenses = await lensesOf(doc, 'usercubeJobs.runTask');
    const lens = lenses.find((l) => doc.getText(l.range) === 'AD_Prepare_Complete');
    assert.ok(lens, `no lens on AD_Prepare_Complete among [${lenses.map((l) => doc.getText(l.range))}]`);
    // A Step's task runs from the Step.
    assert.ok(lenses.some((l) => doc.getText(l.range) === 'All_CorrelationKeys'));
    const r = await vscode.commands.executeCommand(lens.command.command, ...lens.command.arguments);
    assert.strictEqual(r.ran, true, r.reason);
    const call = await waitFor('the second call', () => calls(runtime)[1]);
    assert.deepStrictEqual(call.args, ['-j', 'Job_AD_Complete', '-t', 'AD_Prepare_Complete', '--api-url', API_URL, '--api-client-id', 'Job', '--api-secret', SECRET]);
  });

  it('puts "Run job" on a job scaffolding', async () => {
    const doc = await openDoc('Conf/Scaffolded/Scaffolded Jobs.xml');
    const lenses = await lensesOf(doc, 'usercubeJobs.runJob');
    assert.deepStrictEqual(
      lenses.map((l) => l.command.arguments),
      [['Job_AD_Scaffolded']],
    );
    assert.strictEqual(doc.getText(lenses[0].range), 'CreateConnectorSynchroComplete');
    const all = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 50);
    assert.ok(!all.some((l) => l.command && l.command.command === 'usercubeJobs.runTask'), 'no "Run this task" on generated tasks');
  });

  it('"Deploy configuration (simulate only)" runs Usercube-Deploy-Configuration on the Conf folder', async () => {
    const r = await vscode.commands.executeCommand('usercubeJobs.deployConfiguration');
    assert.strictEqual(r.ran, true, r.reason);
    const call = await waitFor('the deploy call', () => calls(runtime).find((c) => c.exe === 'Usercube-Deploy-Configuration'));
    assert.deepStrictEqual(call.args, ['-d', wsUri('Conf').fsPath, '--simulate-only', '--api-url', API_URL]);
    assert.strictEqual(call.env, '');
  });
});
