// "Usercube Jobs: Show job graph": the webview lays the job out (ELK, bundled) with one column
// band per effective level, and its page loads nothing but the extension's own script and style
// under a Content-Security-Policy.
const assert = require('node:assert');
const vscode = require('vscode');
const { jobsApi } = require('./helpers');

/** Opens the graph of `job` and resolves with what the webview reports once it has drawn it. */
async function drawn(api, job) {
  const rendered = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no drawing of ${job} in 30 s`)), 30000);
    const sub = api.jobGraph.onRendered((r) => {
      if (r.job !== job) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
  await vscode.commands.executeCommand('usercubeJobs.showJobGraph', job);
  return rendered;
}

describe('job graph', () => {
  let api;
  before(async () => {
    api = await jobsApi();
  });
  after(async () => {
    const graphs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(graphs);
  });

  it('draws a box per task, a red box for a missing parent, levels as ordered columns', async () => {
    const steps = await api.server.jobSteps('Job_Broken');
    const r = await drawn(api, 'Job_Broken');
    assert.strictEqual(r.error, undefined);
    // Its three steps, and AD_Export_Complet, the parent no file defines.
    assert.strictEqual(r.boxes, steps.steps.length + 1);
    assert.deepStrictEqual(
      r.columns.map((c) => c.level),
      [0, 1, 2],
    );
    for (let i = 1; i < r.columns.length; i++) assert.ok(r.columns[i - 1].x1 < r.columns[i].x0, JSON.stringify(r.columns));
  });

  it('draws a generated job with its shared levels', async () => {
    const steps = await api.server.jobSteps('Job_AD_Scaffolded');
    const r = await drawn(api, 'Job_AD_Scaffolded');
    assert.strictEqual(r.boxes, steps.steps.length);
    assert.strictEqual(r.columns.length, steps.levels);
  });

  it('serves a page with a Content-Security-Policy and no remote resource', async () => {
    await drawn(api, 'Job_AD_Complete');
    const html = api.jobGraph.html('Job_AD_Complete');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    assert.ok(csp, 'no Content-Security-Policy meta');
    assert.match(csp[1], /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp[1]);
    assert.ok(nonce, `no script nonce in ${csp[1]}`);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.strictEqual(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce[1]}"`));
    const resources = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.strictEqual(resources.length, 2);
    for (const r of resources) {
      assert.doesNotMatch(r, /^https?:\/\/(?!.*vscode-(?:cdn|resource))/, `remote resource ${r}`);
      assert.match(r, /\/dist\/media\/jobGraph\.(js|css)$/);
    }
  });
});
