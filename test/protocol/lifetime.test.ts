/**
 * The server does not outlive its client, even while it computes: it ends within a second of
 * the process that started it dying, or of the client process named in `initialize`; and a
 * request cancelled while it waits behind long work is answered "cancelled", never run.
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  CancellationTokenSource,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LSPErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { conf } from '../helpers/cursor';
import { SERVER_JS, TempWorkspace, startSession } from '../helpers/lspClient';
import { findingsConf } from '../helpers/stressInputs';

const linuxOnly = { skip: process.platform !== 'linux' };

/** Alive and not a zombie (an orphan's zombie may wait for a reaper that never comes in a container). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function msUntilGone(pid: number, limitMs: number): Promise<number> {
  const started = Date.now();
  while (alive(pid) && Date.now() - started < limitMs) await new Promise((resolve) => setTimeout(resolve, 10));
  return Date.now() - started;
}

/**
 * The server started by an intermediate Node process (its parent, as an editor is) that shares
 * our pipes with it: killing the intermediate is the editor dying (its end of the server's
 * stdin closes too, which a busy main thread does not see).
 */
async function serverUnderParent(t: { after(fn: () => void): void }) {
  const script = `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(SERVER_JS)}, '--stdio'], { stdio: 'inherit' }); process.stderr.write('pid ' + c.pid + '\\n'); setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  parent.stdin.on('error', () => undefined);
  const serverPid = await new Promise<number>((resolve, reject) => {
    let text = '';
    parent.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /pid (\d+)/.exec(text);
      if (m) resolve(Number(m[1]));
    });
    parent.once('exit', () => reject(new Error(`the intermediate process exited: ${text}`)));
  });
  const connection = createProtocolConnection(new StreamMessageReader(parent.stdout), new StreamMessageWriter(parent.stdin));
  connection.listen();
  t.after(() => {
    connection.dispose();
    parent.kill('SIGKILL');
    try {
      process.kill(serverPid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  return { parent, serverPid, connection };
}

/** Opens a document that keeps the server's main thread busy for seconds (300,000 findings). */
async function keepBusy(connection: ReturnType<typeof createProtocolConnection>, ws: TempWorkspace): Promise<void> {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: ws.uri('Conf/Busy.xml'), languageId: 'xml', version: 1, text: findingsConf(300_000) } });
  // Long enough for the server to have read the 2.7 MB message and be checking it (seconds of work).
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

async function initialize(connection: ReturnType<typeof createProtocolConnection>, ws: TempWorkspace, processId: number | null): Promise<void> {
  await connection.sendRequest(InitializeRequest.type, {
    processId,
    rootUri: URI.file(ws.root).toString(),
    workspaceFolders: [{ uri: URI.file(ws.root).toString(), name: 'ws' }],
    // Nothing the server would ask back about (settings, registrations, progress).
    capabilities: { workspace: { workspaceFolders: true } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
}

describe('protocol: the server does not outlive its client', { concurrency: true }, () => {
  test('the editor process that started it dies while it computes: it ends within a second', linuxOnly, async (t) => {
    const ws = TempWorkspace.fromFiles({ 'Conf/Jobs.xml': conf('') });
    t.after(() => ws.dispose());
    const { parent, serverPid, connection } = await serverUnderParent(t);
    await initialize(connection, ws, null);
    await keepBusy(connection, ws);
    parent.kill('SIGKILL');
    const ms = await msUntilGone(serverPid, 5_000);
    assert.ok(!alive(serverPid), 'the server is still running 5 s after its parent died');
    assert.ok(ms <= 1_000, `ended ${ms} ms after its parent`);
  });

  test('the client process named in initialize dies while it computes: it ends within a second', linuxOnly, async (t) => {
    const ws = TempWorkspace.fromFiles({ 'Conf/Jobs.xml': conf('') });
    t.after(() => ws.dispose());
    const client: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    t.after(() => client.kill('SIGKILL'));
    const { serverPid, connection } = await serverUnderParent(t);
    await initialize(connection, ws, client.pid!);
    await keepBusy(connection, ws);
    client.kill('SIGKILL');
    const ms = await msUntilGone(serverPid, 5_000);
    assert.ok(!alive(serverPid), 'the server is still running 5 s after its client died');
    assert.ok(ms <= 1_000, `ended ${ms} ms after its client`);
  });

  test('a request cancelled while it waits behind long work is answered "cancelled" without running', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': conf('') });
    await keepBusy(client.connection, ws);
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ws.uri('Conf/Busy.xml') }, position: { line: 2, character: 2 } }, source.token);
    source.cancel();
    await assert.rejects(hover, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
  });
});
