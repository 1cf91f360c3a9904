// The status item ("Indexing 120/1,180", then "Usercube: N files · M jobs · K errors", a link to
// the server's output), "Restart server", and the client restarting a server that died.
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { SOURCE, jobsApi, openDoc, waitFor, wsUri } = require('./helpers');

const FINAL = /^Usercube: ([\d,]+) files? · ([\d,]+) jobs? · (\d+) errors?$/;

function xmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? xmlFiles(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [e.name] : []));
}

/** The language server: the extension host's child running dist/server.js. */
function serverPid() {
  const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'dist/server.js'], { encoding: 'utf8' }).trim();
  return out ? Number(out.split('\n')[0]) : undefined;
}

describe('status item and server restarts', () => {
  let api;
  before(async () => {
    api = await jobsApi();
  });

  it('shows the files, jobs and errors of the workspace, and links to the output', async () => {
    await openDoc('Conf/Broken/Broken Job.xml');
    // The errors are those of the open files, as the Problems view counts them (Broken Job.xml has some).
    const errors = () =>
      vscode.languages.getDiagnostics().reduce((n, [, ds]) => n + ds.filter((d) => d.source === SOURCE && d.severity === vscode.DiagnosticSeverity.Error).length, 0);
    const m = await waitFor('the errors of the open files in the status', () => {
      const found = FINAL.exec(api.status.text);
      return found && errors() > 0 && Number(found[3]) === errors() && found;
    });
    assert.strictEqual(Number(m[1].replace(/,/g, '')), xmlFiles(wsUri('').fsPath).length);
    assert.strictEqual(Number(m[2].replace(/,/g, '')), (await api.server.jobs()).length);
    assert.strictEqual(api.status.command, 'usercubeJobs.showOutput');
    // Rejects if the command is not registered; what the output shows is checked by the UI test.
    await vscode.commands.executeCommand('usercubeJobs.showOutput');
  });

  it('"Restart server" shows the indexing progress, then the totals again', async () => {
    const seen = [];
    const sub = api.server.onStatus(() => seen.push(api.status.text));
    try {
      await vscode.commands.executeCommand('usercubeJobs.restartServer');
      await waitFor('the totals after the restart', () => seen.length && FINAL.test(seen[seen.length - 1]));
    } finally {
      sub.dispose();
    }
    assert.match(seen[0], /^Indexing \d+\/\d+$/, seen.join(' | '));
  });

  (process.platform === 'win32' ? it.skip : it)('restarts a server that died, and says so', async () => {
    const before = api.restarts.restarts;
    const pid = await waitFor('the server process', serverPid);
    process.kill(pid, 'SIGKILL');
    await waitFor('a restart', () => api.restarts.restarts === before + 1);
    await waitFor('a new server process', () => {
      const now = serverPid();
      return now && now !== pid;
    });
    await waitFor('the totals after the restart', () => FINAL.test(api.status.text) && !api.status.busy, 30000);
    assert.ok((await api.server.jobs()).some((j) => j.job === 'Job_AD_Complete'));
  });
});
