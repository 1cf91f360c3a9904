/**
 * What must not end, split or mislead the server: a client that declares nothing, URIs with
 * a raw `%` or spelt another way than the server's own, file events for things the initial
 * walk would not read (links out of the workspace, other schemes, missing files, FIFOs), a
 * settings file that is a link to a device, and index workers that cannot start.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { conf } from '../helpers/cursor';
import { runCliIn } from '../helpers/cli';
import { findingsConf } from '../helpers/stressInputs';
import { LspClient, SERVER_JS, TempWorkspace, positionIn, startSession } from '../helpers/lspClient';

const task = (id: string, parent?: string) =>
  `  <ComputeCorrelationKeysTask Identifier="${id}" DisplayName_L1="${id}">${parent ? `<TaskDependsOnTask ParentTask="${parent}" />` : ''}</ComputeCorrelationKeysTask>`;
const posixOnly = { skip: process.platform === 'win32' };

/** Waits until workspace symbols find `name` (the server has handled what came before). */
async function waitForSymbol(client: LspClient, name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await client.workspaceSymbols(name)).some((s) => s.name === name)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`'${name}' never reached the index`);
}

describe('protocol: robustness', { concurrency: true }, () => {
  test('a client that declares no capability at all (no workspace folders, no configuration, no progress) is served', async (t) => {
    const ws = TempWorkspace.fromFiles({ 'Conf/Jobs.xml': conf(task('Only_Task')) });
    const client = LspClient.spawn();
    t.after(async () => {
      await client.stop();
      ws.dispose();
    });
    await client.initialize({ folders: [ws.root], rootUriOnly: true, capabilities: {} });
    await client.waitFor(
      () => client.logs.find((l) => l.startsWith('Indexed 1 XML files')),
      () => `the "Indexed" log line; logs: ${JSON.stringify(client.logs)}`,
    );
    assert.deepEqual(
      (await client.workspaceSymbols('Only_Task')).map((s) => s.name),
      ['Only_Task'],
    );
    assert.ok(client.running);
  });

  test('a raw % in a document URI or a file event is a file like any other', async (t) => {
    const text = conf(task('Percent_Task', 'Disk_Task'));
    const { ws, client } = await startSession(t, { 'Conf/100%.xml': text, 'Conf/Disk.xml': conf(task('Disk_Task')) });
    ws.write('Conf/50%.xml', conf(task('Half_Task')));
    // The spelling of a client that does not escape `%`.
    await client.filesChanged([{ uri: ws.rootUri + '/Conf/50%.xml', type: FileChangeType.Created }]);
    await waitForSymbol(client, 'Half_Task');

    const raw = ws.rootUri + '/Conf/100%.xml';
    await client.open(raw, text);
    const diagnostics = await client.waitForDiagnostics(raw, () => true);
    assert.deepEqual(diagnostics, [], 'no duplicate of the file indexed from disk');
    const [definition] = await client.definition(raw, positionIn(text, 'ParentTask="Disk|_Task"'));
    assert.equal(definition.uri, ws.uri('Conf/Disk.xml'));
    await client.close(raw);
    await client.waitForDiagnostics(raw, (_d, p) => p.version === undefined);
    assert.deepEqual(
      (await client.workspaceSymbols('Percent_Task')).map((s) => s.location.uri),
      [raw],
      "back to the file on disk, in the client's spelling",
    );
    assert.ok(client.running);
  });

  test('a file opened under another spelling of its URI is one file: no duplicates, answers in the spelling the client used', async (t) => {
    const accented = conf(task('Accent_Task', 'Plain_Task'));
    const plain = conf(task('Plain_Task', 'Accent_Task_2') + '\n' + task('Accent_Task_2'));
    const { ws, client } = await startSession(t, { 'Conf/Tâche (AD) & co.xml': accented, 'Conf/Plain.xml': plain });
    // Neovim 0.7: lower-case escapes, `(`, `)` and `&` left as they are.
    const nvimUri = ws.rootUri + '/Conf/T%c3%a2che%20(AD)%20&%20co.xml';
    assert.notEqual(nvimUri, ws.uri('Conf/Tâche (AD) & co.xml'));
    await client.open(nvimUri, accented);
    assert.deepEqual(await client.waitForDiagnostics(nvimUri, () => true), [], 'Accent_Task is not its own duplicate');

    const plainUri = ws.uri('Conf/Plain.xml');
    const edited = plain.replace('Accent_Task_2" />', 'Accent_Task" />');
    await client.open(plainUri, edited);
    const locations = await client.definition(plainUri, positionIn(edited, 'ParentTask="Accent|_Task"'));
    assert.deepEqual(
      locations.map((l) => l.uri),
      [nvimUri],
      'the definition in the spelling the client opened it with',
    );
    const references = await client.references(nvimUri, positionIn(accented, 'Identifier="Accent|_Task"'), true);
    assert.deepEqual(references.map((l) => l.uri).sort(), [nvimUri, plainUri].sort());
  });

  test('file events follow the rules of the initial walk: no link out of the workspace, no other scheme, no entry for a missing file', posixOnly, async (t) => {
    const outsideWs = TempWorkspace.fromFiles({ 'Secret.xml': conf(task('Outside_Task')), 'Folder/Inner.xml': conf(task('Linked_Folder_Task')) });
    t.after(() => outsideWs.dispose());
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': conf(task('Own_Task')) });

    symlinkSync(outsideWs.path('Secret.xml'), ws.path('Conf/Link.xml'));
    symlinkSync(outsideWs.path('Folder'), ws.path('Conf/Linked'));
    ws.write('Conf/Real.xml', conf(task('Real_Task')));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: ws.uri('Conf/Link.xml'), type: FileChangeType.Created },
        { uri: ws.uri('Conf/Linked'), type: FileChangeType.Created },
        { uri: `http://example.com${outsideWs.path('Secret.xml')}`, type: FileChangeType.Created },
        { uri: ws.uri('Conf/Missing.xml'), type: FileChangeType.Created },
        { uri: ws.uri('Conf/Real.xml'), type: FileChangeType.Created },
      ],
    });
    await waitForSymbol(client, 'Real_Task');
    assert.deepEqual(
      (await client.workspaceSymbols('Outside_Task')).map((s) => s.location.uri),
      [],
    );
    assert.deepEqual(
      (await client.workspaceSymbols('Linked_Folder_Task')).map((s) => s.location.uri),
      [],
    );
    assert.deepEqual(
      client.logs.filter((l) => l.includes('Missing.xml')),
      [],
      'no entry (nor warning) for a file that is not there',
    );
  });

  test('a FIFO named .xml does not block the handling of the file events after it', posixOnly, async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': conf(task('Own_Task')) });
    assert.equal(spawnSync('mkfifo', [ws.path('Conf/Pipe.xml')]).status, 0);
    ws.write('Conf/After.xml', conf(task('After_Task')));
    await client.filesChanged([
      { uri: ws.uri('Conf/Pipe.xml'), type: FileChangeType.Created },
      { uri: ws.uri('Conf/After.xml'), type: FileChangeType.Created },
    ]);
    await waitForSymbol(client, 'After_Task');
    assert.ok(
      client.logs.some((l) => l.endsWith('Pipe.xml: not read: it is a FIFO, not a regular file')),
      JSON.stringify(client.logs),
    );
  });

  test('a settings file that is a link to /dev/zero is reported and the document still checked', posixOnly, async (t) => {
    const text = conf(task('Own_Task', 'Missing_Task'));
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': text });
    symlinkSync('/dev/zero', ws.path('Conf/.usercube-jobs.json'));
    await client.open(ws.uri('Conf/Jobs.xml'), text);
    const diagnostics = await client.waitForDiagnostics(ws.uri('Conf/Jobs.xml'), (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['dependency/parent-exists'],
    );
    assert.ok(
      client.logs.some((l) => l.endsWith('.usercube-jobs.json: not read: it is a device, not a regular file.')),
      JSON.stringify(client.logs),
    );
  });

  test('a file that declares UTF-8 but is not is indexed and named in the log, with where', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': conf(task('Own_Task')) });
    writeFileSync(ws.path('Conf/Latin.xml'), Buffer.from(conf(task('T\xe2che')), 'latin1'));
    await client.filesChanged([{ uri: ws.uri('Conf/Latin.xml'), type: FileChangeType.Created }]);
    await waitForSymbol(client, 'Tâche');
    assert.ok(
      client.logs.some((l) =>
        l.endsWith(
          'Latin.xml: declares UTF-8, but line 3, column 44 is not UTF-8: read as Windows-1252 here, while an editor opening it as UTF-8 shows �. Save it as UTF-8, or declare its encoding (encoding="windows-1252").',
        ),
      ),
      JSON.stringify(client.logs),
    );
  });

  test('diagnostics are capped per document with a last one that counts the rest; the command line still reports all', async (t) => {
    const text = findingsConf(5000);
    const { ws, client } = await startSession(t, { 'Conf/Agents.xml': conf('') });
    const uri = ws.uri('Conf/Agents.xml');
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (_d, p) => p.version === 1);
    assert.equal(diagnostics.length, 1001);
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'attribute/required'));
    const last = diagnostics[1000];
    assert.deepEqual(
      { range: last.range, severity: last.severity, code: last.code, message: last.message },
      {
        range: { start: { line: 1002, character: 1 }, end: { line: 1002, character: 1 } },
        severity: 3,
        code: undefined,
        message: 'And 4000 more problems from here on, not shown: the editor lists the first 1000 of a file. `usercube-jobs check` lists them all.',
      },
    );
    ws.write('Conf/Agents.xml', text);
    const cli = await runCliIn(ws.root, 'check', 'Conf');
    assert.equal(cli.out.at(-1), '1 XML files, 1 configuration files: 5000 errors, 0 warnings, 0 info.');
  });

  test('index workers that cannot start: the files are read in the server thread, and the log says so', async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`Conf/F${i}.xml`] = conf(task(`Task_${i}`));
    const ws = TempWorkspace.fromFiles(files);
    // The server bundle alone, without indexWorker.js beside it.
    const bundle = path.join(ws.root, 'server-only');
    mkdirSync(bundle);
    copyFileSync(SERVER_JS, path.join(bundle, 'server.js'));
    const client = LspClient.spawn({}, path.join(bundle, 'server.js'));
    t.after(async () => {
      await client.stop();
      ws.dispose();
    });
    await client.initialize({ folders: [ws.path('Conf')] });
    await client.waitForIndexing(1);
    const line = await client.waitFor(
      () => client.logs.find((l) => l.startsWith('Indexed 70 XML files')),
      () => `the "Indexed" log line; logs: ${JSON.stringify(client.logs)}`,
    );
    assert.match(line, /^Indexed 70 XML files in \d+ ms \(in the server thread: the index worker threads failed\)\.$/);
    assert.equal((await client.workspaceSymbols('Task_69')).length, 1);
  });
});
