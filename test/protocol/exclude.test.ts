/**
 * Folders excluded by settings (`usercubeJobs.exclude`, the enabled patterns of `files.exclude`)
 * are not indexed: their tasks are not offered and references to them are unresolved, until
 * the settings change.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Diagnostic, FileChangeType } from 'vscode-languageserver-protocol/node';
import { cursor, conf } from '../helpers/cursor';
import { startSession } from '../helpers/lspClient';

/**
 * A task (outside any job) that depends on a task of an excluded folder and on one that a new
 * file will add (its arrival shows that the server has handled a batch of file events), with
 * a dependency being typed.
 */
const JOBS = cursor(
  conf(`  <SetRecentlyModifiedFlagTask Identifier="Own_Task" DisplayName_L1="Own">
    <TaskDependsOnTask ParentTask="Old_Task" />
    <TaskDependsOnTask ParentTask="Added_Task" />
    <TaskDependsOnTask ParentTask="|" />
  </SetRecentlyModifiedFlagTask>`),
);
const task = (id: string) => conf(`  <ComputeCorrelationKeysTask Identifier="${id}" DisplayName_L1="${id}" />`);
const missing = (d: Diagnostic[]) => d.map((x) => [x.code, x.message]);
const MISSING_OLD = ['dependency/parent-exists', "Parent task 'Old_Task' is not defined in any configuration file."];
const MISSING_ADDED = ['dependency/parent-exists', "Parent task 'Added_Task' is not defined in any configuration file."];

// Each test has its own server and folder: they run side by side.
describe('protocol: excluded folders', { concurrency: true }, () => {
  test('excluded folders are not indexed: their tasks are not offered, references to them are unresolved, until the settings change', async (t) => {
    const { ws, client } = await startSession(
      t,
      {
        'Conf/Jobs.xml': JOBS.text,
        'Conf/Archive/Old.xml': task('Old_Task'),
        'Conf/Backup/Bak.xml': task('Bak_Task'),
        'Conf/Kept/Kept.xml': task('Kept_Task'),
        'Conf/Kept/Deeper/Archive/Deep.xml': task('Deep_Task'),
      },
      { settings: { usercubeJobs: { exclude: ['**/Archive'] }, files: { exclude: { '**/Backup': true, '**/Kept': false } } } },
    );
    // Only Jobs.xml and Kept.xml were counted.
    const [first] = [...client.progress.values()];
    assert.deepEqual(first.at(-2), { kind: 'report', percentage: 100, message: 'Indexing 2/2 files' });

    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, JOBS.text);
    const labels = async () => (await client.completion(uri, JOBS.position))?.items.map((i) => i.label).sort();
    assert.deepEqual(await labels(), ['Kept_Task']);
    assert.deepEqual(missing(await client.waitForDiagnostics(uri, () => true)), [MISSING_OLD, MISSING_ADDED]);

    // A file created in an excluded folder stays out; one created elsewhere comes in.
    ws.write('Conf/Archive/New.xml', task('New_Task'));
    ws.write('Conf/Added.xml', task('Added_Task'));
    await client.filesChanged([
      { uri: ws.uri('Conf/Archive/New.xml'), type: FileChangeType.Created },
      { uri: ws.uri('Conf/Added.xml'), type: FileChangeType.Created },
    ]);
    assert.deepEqual(missing(await client.waitForDiagnostics(uri, (d) => d.length < 2)), [MISSING_OLD]);
    assert.deepEqual(await labels(), ['Added_Task', 'Kept_Task']);

    // Without the folder exclusion everything under Archive comes in; Backup stays out.
    await client.configurationChanged({ usercubeJobs: { exclude: [] } });
    const sequences = await client.waitForIndexing(2);
    assert.deepEqual(sequences[1].at(-2), { kind: 'report', percentage: 100, message: 'Indexing 6/6 files' });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    assert.deepEqual(await labels(), ['Added_Task', 'Deep_Task', 'Kept_Task', 'New_Task', 'Old_Task']);

    // Excluded again: the files leave the index.
    await client.configurationChanged({ usercubeJobs: { exclude: ['Conf/Archive/', 'Conf/Kept/Deeper'] } });
    await client.waitForIndexing(3);
    assert.deepEqual(missing(await client.waitForDiagnostics(uri, (d) => d.length === 1)), [MISSING_OLD]);
    assert.deepEqual(await labels(), ['Added_Task', 'Kept_Task']);
  });

  test('node_modules is never indexed, also when it appears after startup (a folder created by npm install)', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': JOBS.text, 'node_modules/a/Defs.xml': task('Old_Task') });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, JOBS.text);
    assert.deepEqual(missing(await client.waitForDiagnostics(uri, () => true)), [MISSING_OLD, MISSING_ADDED]);

    ws.remove('node_modules');
    ws.write('node_modules/b/Defs.xml', task('Old_Task'));
    ws.write('Conf/Added.xml', task('Added_Task'));
    const sent = await client.filesChanged([
      { uri: ws.uri('node_modules'), type: FileChangeType.Created },
      { uri: ws.uri('Conf/Added.xml'), type: FileChangeType.Created },
    ]);
    assert.equal(sent.length, 2);
    assert.deepEqual(missing(await client.waitForDiagnostics(uri, (d) => d.length < 2)), [MISSING_OLD]);
    assert.deepEqual(
      (await client.completion(uri, JOBS.position))?.items.map((i) => i.label),
      ['Added_Task'],
    );
  });
});
