/**
 * Starting the server over stdio: what it announces, the "Indexing k/N files" progress of the
 * first full index (files are indexed while the folders are still listed), the watchers it
 * registers, and a clean shutdown.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCodes, RegistrationRequest, ResponseError, WatchKind } from 'vscode-languageserver-protocol/node';
import { writeFileSync } from 'node:fs';
import { LspClient, ProgressValue, TempWorkspace, positionIn, rangeIn } from '../helpers/lspClient';

const FIXTURE_XML_FILES = 5;

/**
 * Checks one progress sequence: begin, reports counting up to N, end; returns the report
 * messages. While the walk still lists folders (large workspaces are indexed meanwhile), a
 * message counts the files found so far and has no percentage; after it, every message counts N.
 */
function assertIndexingProgress(values: ProgressValue[], total: number): string[] {
  const begin = values[0] as { kind: string; message?: string };
  assert.ok(begin.message === `Indexing 0/${total} files` || /^Indexing 0\/\d+ files, listing folders$/.test(begin.message ?? ''), JSON.stringify(begin));
  assert.deepEqual(values[0], { kind: 'begin', title: 'Usercube', percentage: 0, message: begin.message, cancellable: false });
  assert.deepEqual(values[values.length - 1], { kind: 'end' });
  const reports = values.slice(1, -1);
  assert.ok(reports.length >= 1, 'at least one report');
  let previous = 0;
  let listed = false;
  for (const r of reports) {
    assert.equal(r.kind, 'report');
    const m = /^Indexing (\d+)\/(\d+) files(, listing folders)?$/.exec((r as { message?: string }).message ?? '');
    assert.ok(m, `unexpected progress message ${JSON.stringify(r)}`);
    const done = Number(m[1]);
    const found = Number(m[2]);
    assert.ok(done >= previous && done <= found, `counts go up: ${previous} then ${done} of ${found}`);
    if (m[3]) {
      assert.ok(!listed && found <= total, `a count of files found so far comes before the walk is over: ${JSON.stringify(r)}`);
      assert.equal((r as { percentage?: number }).percentage, undefined, 'no percentage before the total is known');
    } else {
      listed = true;
      assert.equal(found, total);
      assert.equal((r as { percentage?: number }).percentage, Math.round((done / total) * 100));
    }
    previous = done;
  }
  assert.equal(previous, total, 'the last report counts every file');
  assert.ok(listed, 'the last report comes once the walk is over');
  return reports.map((r) => (r as { message: string }).message);
}

// Each test has its own server and folder: they run side by side.
describe('protocol: initialize', { concurrency: true }, () => {
  test('initialize with rootUri only: capabilities, indexing progress over every XML file, watchers, clean exit', async (t) => {
    const ws = TempWorkspace.fromFixture('protocol-jobs');
    const client = LspClient.spawn();
    t.after(async () => {
      await client.stop();
      ws.dispose();
    });

    const result = await client.initialize({ folders: [ws.root], rootUriOnly: true });
    assert.equal(result.serverInfo?.name, 'usercube-jobs');
    const caps = result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['"', "'", '<'], resolveProvider: true });
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);

    const sequences = await client.waitForIndexing(1);
    assert.equal(sequences.length, 1, 'one progress token for one index run');
    const messages = assertIndexingProgress(sequences[0], FIXTURE_XML_FILES);
    assert.equal(messages[messages.length - 1], `Indexing ${FIXTURE_XML_FILES}/${FIXTURE_XML_FILES} files`);
    await client.waitFor(
      () => client.logs.find((l) => l.startsWith(`Indexed ${FIXTURE_XML_FILES} XML files in `)),
      () => `the "Indexed" log line; logs: ${JSON.stringify(client.logs)}`,
    );

    // The server asks for file events: XML files, and creations and deletions of anything (folders).
    const registrations = client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(registrations.length, 1);
    const { watchers } = registrations[0].registerOptions as { watchers: unknown[] };
    for (const wanted of [{ globPattern: '**/*.xml' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }]) {
      assert.ok(
        watchers.some((w) => JSON.stringify(w) === JSON.stringify(wanted)),
        `no watcher ${JSON.stringify(wanted)} in ${JSON.stringify(watchers)}`,
      );
    }

    // Every identifier of the fixture is indexed from disk, with nothing open.
    const symbols = await client.workspaceSymbols('');
    assert.deepEqual(symbols.map((s) => s.name).sort(), [
      'AD',
      'ADExport',
      'AD_Export',
      'AD_Prepare',
      'AD_Provisioning',
      'AD_Synchronization',
      'AgentJob',
      'All_ComputeAllProperties',
      'All_CorrelationKeys',
      'Directory',
      'Directory_ComputeRoleModel',
      'Job',
      'Job_AD_Complete',
      'Job_Directory',
      'Local',
    ]);

    assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown + exit');
  });

  test('initialize with two workspace folders indexes both: N counts the XML files of both', async (t) => {
    const first = TempWorkspace.fromFixture('protocol-jobs');
    const second = TempWorkspace.fromFiles({
      'Conf/Extra.xml': '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <Agent Identifier="Remote" />\n</ConfigurationFile>\n',
      'notes.txt': 'not XML',
    });
    const client = LspClient.spawn();
    t.after(async () => {
      await client.stop();
      first.dispose();
      second.dispose();
    });
    await client.initialize({ folders: [first.root, second.root] });
    const [values] = await client.waitForIndexing(1);
    assertIndexingProgress(values, FIXTURE_XML_FILES + 1);
    const agents = await client.workspaceSymbols('Remote');
    assert.deepEqual(
      agents.map((s) => [s.name, s.location.uri]),
      [['Remote', second.uri('Conf/Extra.xml')]],
    );
  });

  test('a workspace of 70 files is read and parsed in worker threads: same progress, same index, unreadable files reported', async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 68; i++) {
      const parent = i > 0 ? `<TaskDependsOnTask ParentTask="Task_${i - 1}" />` : '';
      files[`Conf/System${String(i).padStart(2, '0')}/Tasks.xml`] =
        `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <FulfillTask Identifier="Task_${i}" DisplayName_L1="t${i}">${parent}</FulfillTask>\n</ConfigurationFile>\n`;
    }
    files['Conf/pom.xml'] = '<project />';
    const ws = TempWorkspace.fromFiles(files);
    writeFileSync(ws.path('Conf/binary.xml'), Buffer.from([0x3c, 0x00, 0x3e]));
    const client = LspClient.spawn();
    t.after(async () => {
      await client.stop();
      ws.dispose();
    });
    await client.initialize({ folders: [ws.root] });
    const [values] = await client.waitForIndexing(1);
    assertIndexingProgress(values, 70);
    await client.waitFor(
      () => client.logs.find((l) => /^Indexed 70 XML files in \d+ ms \(\d+ worker threads? and the server thread\)\.$/.test(l)),
      () => `the "Indexed" log line naming the worker threads; logs: ${JSON.stringify(client.logs)}`,
    );
    assert.ok(
      client.logs.some((l) => l.endsWith('binary.xml: not a text file (it contains NUL bytes)')),
      JSON.stringify(client.logs),
    );

    // A reference in the last file resolves to the first one, and the other way round.
    const last = 'Conf/System67/Tasks.xml';
    const text = ws.read(last);
    await client.open(ws.uri(last), text);
    assert.deepEqual(await client.definition(ws.uri(last), positionIn(text, 'ParentTask="Task_6|6"')), [
      { uri: ws.uri('Conf/System66/Tasks.xml'), range: rangeIn(ws.read('Conf/System66/Tasks.xml'), 'Identifier="[Task_66]"') },
    ]);
    const symbols = await client.workspaceSymbols('Task_');
    assert.equal(symbols.length, 68);
  });
});

// Alone (not side by side with other servers): the second test compares the order of two answers.
describe('protocol: what the index does not wait for, and what waits for the index', () => {
  test('a client that never answers the registration of file watchers, or refuses it, still gets the index', async (t) => {
    for (const answer of ['never', 'error'] as const) {
      const ws = TempWorkspace.fromFixture('protocol-jobs');
      const client = LspClient.spawn();
      t.after(async () => {
        await client.stop();
        ws.dispose();
      });
      client.connection.onRequest(RegistrationRequest.type, () =>
        answer === 'never' ? new Promise<void>(() => undefined) : new ResponseError(ErrorCodes.InternalError, 'registration refused by the test client'),
      );
      await client.initialize({ folders: [ws.root] });
      await client.waitForIndexing(1);
      const jobs = ws.read('Conf/AD/AD Jobs.xml');
      await client.open(ws.uri('Conf/AD/AD Jobs.xml'), jobs);
      const found = await client.definition(ws.uri('Conf/AD/AD Jobs.xml'), positionIn(jobs, '<Step Identifier="All_|ComputeAllProperties"'));
      assert.deepEqual(
        found.map((l) => l.uri),
        [ws.uri('Conf/Shared Tasks.xml')],
        `${answer}: the Step resolves into the shared tasks file`,
      );
      if (answer === 'error') {
        const said = await client.waitFor(
          () => client.logs.find((l) => l.includes('registration refused by the test client')),
          () => `the refusal in the logs; logs: ${JSON.stringify(client.logs)}`,
        );
        assert.equal(
          said,
          'The editor did not accept the file watchers (registration refused by the test client): files changed outside the editor are read again only when the server restarts.',
        );
      }
    }
  });

  test('the first full check after the index comes after the requests that waited for it', async (t) => {
    const ws = TempWorkspace.fromFixture('protocol-jobs');
    const client = LspClient.spawn();
    t.after(async () => {
      await client.stop();
      ws.dispose();
    });
    const jobsUri = ws.uri('Conf/AD/AD Jobs.xml');
    const jobs = ws.read('Conf/AD/AD Jobs.xml');
    await client.initialize({ folders: [ws.root] });
    await client.open(jobsUri, jobs);
    // Asked for the moment the index is over, as an editor asks when a request waited for it.
    await client.waitForIndexing(1);
    const found = await client.definition(jobsUri, positionIn(jobs, '<Step Identifier="All_|ComputeAllProperties"'));
    const publishedBefore = client.publicationCount(jobsUri);
    assert.deepEqual(
      found.map((l) => l.uri),
      [ws.uri('Conf/Shared Tasks.xml')],
    );
    assert.equal(publishedBefore, 0, 'no diagnostics were published before the definition was answered');
    // Then the open document is checked in full, against the whole index.
    const diagnostics = await client.waitForDiagnostics(jobsUri, () => true);
    assert.deepEqual(diagnostics, []);
  });
});
