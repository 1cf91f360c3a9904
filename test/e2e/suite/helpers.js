// Shared by the in-editor tests: workspace files, positions found by text (never hard-coded
// lines), polling and diagnostic waits with timeouts (never fixed sleeps).
const { spawn } = require('node:child_process');
const path = require('node:path');
const vscode = require('vscode');
const rpc = require('vscode-jsonrpc/node');

const EXTENSION_ID = 'usercube-jobs.usercube-jobs';
const SOURCE = 'usercube';
const REPO = path.resolve(__dirname, '../../..');

function wsUri(rel) {
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root) throw new Error('the tests need a workspace folder (a copy of examples/ and test/fixtures/e2e-broken/)');
  return vscode.Uri.joinPath(root.uri, ...rel.split('/'));
}

async function openDoc(rel) {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The position `delta` characters into the first occurrence of `needle` (after `after`, if given). */
function positionOf(doc, needle, delta = 0, after) {
  const text = doc.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  const at = from < 0 ? -1 : text.indexOf(needle, from);
  if (at < 0) throw new Error(`'${needle}' not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

/** The range of the first occurrence of `needle`. */
function rangeOf(doc, needle, after) {
  const start = positionOf(doc, needle, 0, after);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Calls `probe` every 100 ms until it returns a truthy value; throws with `what` after the timeout. */
async function waitFor(what, probe, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

/** Resolves with our diagnostics of `uri` once `accept(diagnostics)` holds, re-checking on every change. */
function waitForDiagnostics(uri, what, accept, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = ours(uri);
      if (!accept(diags)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const now = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: [${now.join(', ')}]`));
    }, timeoutMs);
    check();
  });
}

let capabilities;
/** What the language server advertises, asked directly over stdio. */
async function serverCapabilities() {
  if (capabilities) return capabilities;
  // In VS Code the extension host runs on Electron: ELECTRON_RUN_AS_NODE makes it a plain Node.
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    const result = await Promise.race([
      conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no initialize answer in 10 s')), 10000)),
    ]);
    capabilities = result.capabilities;
    await conn.sendRequest('shutdown').catch(() => {});
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    child.kill();
  }
  return capabilities;
}

/**
 * The extension's API (what `activate` returns), once the server has indexed the workspace: the
 * job-model tests read the Jobs view, the graph panels and the status item through it.
 */
async function jobsApi() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in the editor`);
  const api = await ext.activate();
  await waitFor('the index (status "Usercube: … files")', () => !api.status.busy && api.status.text.startsWith('Usercube: ') && !/starting|stopped/.test(api.status.text), 60000);
  return api;
}

module.exports = { EXTENSION_ID, SOURCE, REPO, wsUri, openDoc, positionOf, rangeOf, waitFor, waitForDiagnostics, codeOf, ours, serverCapabilities, jobsApi };
