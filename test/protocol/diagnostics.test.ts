/**
 * Diagnostics over the protocol: a missing parent task, and how it clears when the task comes
 * to exist by an edit, in another open document, or in a file on disk; duplicates across files;
 * XML files that are not configuration files.
 */
import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { Diagnostic, DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { conf } from '../helpers/cursor';
import { SERVER_JS, positionIn, rangeIn, startSession, visible } from '../helpers/lspClient';

/** A task outside any job that depends on a task no file defines. */
const JOBS = conf(`  <SetRecentlyModifiedFlagTask Identifier="Flag_A" DisplayName_L1="Flag">
    <TaskDependsOnTask ParentTask="Missing_Task" />
  </SetRecentlyModifiedFlagTask>`);
const OTHER = conf('  <UpdateEntityPropertyExpressionsTask Identifier="Existing_Task" DisplayName_L1="Existing" />');
const DEFINES_MISSING = conf('  <ComputeCorrelationKeysTask Identifier="Missing_Task" DisplayName_L1="Now defined" />');
/** Defines the missing task, and has a missing parent of its own. */
const NEW_DOCUMENT = conf(`  <ComputeCorrelationKeysTask Identifier="Missing_Task" DisplayName_L1="Now defined">
    <TaskDependsOnTask ParentTask="Also_Missing" />
  </ComputeCorrelationKeysTask>`);

const missingParent: Diagnostic = {
  range: rangeIn(JOBS, 'ParentTask="[Missing_Task]"'),
  severity: DiagnosticSeverity.Error,
  code: 'dependency/parent-exists',
  source: 'usercube',
  message: "Parent task 'Missing_Task' is not defined in any configuration file.",
};

const isEmpty = (d: Diagnostic[]) => d.length === 0;
const hasMissingParent = (d: Diagnostic[]) => d.length === 1 && d[0].code === 'dependency/parent-exists';

/** A workspace whose open Jobs.xml names a parent task that no file defines. */
async function withMissingParent(t: Parameters<typeof startSession>[0]) {
  const session = await startSession(t, { 'Conf/Jobs.xml': JOBS, 'Conf/Other.xml': OTHER });
  const uri = session.ws.uri('Conf/Jobs.xml');
  await session.client.open(uri, JOBS);
  const first = await session.client.waitForDiagnostics(uri, () => true);
  assert.deepEqual(visible(first), [missingParent]);
  return { ...session, uri };
}

// Each test has its own server and folder: they run side by side.
describe('protocol: diagnostics', { concurrency: true }, () => {
  test('a ParentTask naming a missing task is reported; an incremental edit that fixes the value clears it', async (t) => {
    const { client, uri } = await withMissingParent(t);
    await client.change(uri, 2, [{ range: missingParent.range, text: 'Existing_Task' }]);
    const after = await client.waitForDiagnostics(uri, (_, p) => p.version === 2);
    assert.deepEqual(after, []);

    // Undo by a second incremental edit on the new text: the error comes back at the new range.
    const fixed = JOBS.replace('"Missing_Task"', '"Existing_Task"');
    await client.change(uri, 3, [{ range: rangeIn(fixed, 'ParentTask="[Existing]_Task"'), text: 'Missing' }]);
    assert.deepEqual(visible(await client.waitForDiagnostics(uri, (_, p) => p.version === 3)), [missingParent]);
  });

  test('links the rule id to its section of the rules page installed beside the server, a file: URL any client opens offline', async (t) => {
    const { client, uri } = await withMissingParent(t);
    const [d] = await client.waitForDiagnostics(uri, () => true);
    const href = d.codeDescription?.href ?? '';
    const [page, anchor] = href.split('#');
    assert.equal(page, pathToFileURL(path.join(path.dirname(SERVER_JS), '..', 'docs', 'rules.md')).toString());
    assert.equal(anchor, 'dependency-parent-exists');
    const lines = readFileSync(fileURLToPath(page), 'utf8').split('\n');
    const at = lines.indexOf(`<a id="${anchor}"></a>`);
    assert.equal(lines[at + 1], '### `dependency/parent-exists`', "the anchor sits on the rule's heading");
  });

  test('defining the missing task in a second open document clears the error in the first without editing it', async (t) => {
    const { ws, client, uri } = await withMissingParent(t);
    // A new, unsaved file: it exists only in the editor.
    const newUri = ws.uri('Conf/New.xml');
    await client.open(newUri, NEW_DOCUMENT);
    await client.waitForDiagnostics(uri, isEmpty);
    const own = await client.waitForDiagnostics(newUri, () => true);
    assert.deepEqual(
      own.map((d) => [d.code, d.range]),
      [['dependency/parent-exists', rangeIn(NEW_DOCUMENT, 'ParentTask="[Also_Missing]"')]],
    );

    // Closed without saving, it no longer defines anything: the error is back, and the closed document's are cleared.
    await client.close(newUri);
    assert.deepEqual(visible(await client.waitForDiagnostics(uri, hasMissingParent)), [missingParent]);
    assert.deepEqual(await client.waitForDiagnostics(newUri, isEmpty), []);
  });

  test('a task written to a file on disk (watched file Created) clears the error; deleting the file brings it back', async (t) => {
    const { ws, client, uri } = await withMissingParent(t);
    ws.write('Conf/More/Added.xml', DEFINES_MISSING);
    await client.filesChanged([{ uri: ws.uri('Conf/More/Added.xml'), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri, isEmpty);
    // Never opened: no diagnostics of its own are pushed for it.
    assert.equal(client.publicationCount(ws.uri('Conf/More/Added.xml')), 0);

    ws.remove('Conf/More/Added.xml');
    await client.filesChanged([{ uri: ws.uri('Conf/More/Added.xml'), type: FileChangeType.Deleted }]);
    assert.deepEqual(visible(await client.waitForDiagnostics(uri, hasMissingParent)), [missingParent]);

    // Deleting the folder that held it is reported as the folder alone.
    ws.write('Conf/More/Added.xml', DEFINES_MISSING);
    await client.filesChanged([{ uri: ws.uri('Conf/More/Added.xml'), type: FileChangeType.Created }]);
    await client.waitForDiagnostics(uri, isEmpty);
    ws.remove('Conf/More');
    await client.filesChanged([{ uri: ws.uri('Conf/More'), type: FileChangeType.Deleted }]);
    assert.deepEqual(visible(await client.waitForDiagnostics(uri, hasMissingParent)), [missingParent]);
  });

  test('duplicate identifiers across two files are reported on both; XML that is not configuration gets no diagnostics', async (t) => {
    const a = conf('  <SetRecentlyModifiedFlagTask Identifier="Dup_Task" DisplayName_L1="A" />');
    const b = conf('  <!-- the same identifier -->\n  <ComputeCorrelationKeysTask Identifier="Dup_Task" DisplayName_L1="B" />');
    // A Maven pom whose content looks like a task, and a connector description (root <Connector Name=…>), malformed.
    const pom = ['<?xml version="1.0"?>', '<project>', '  <SetRecentlyModifiedFlagTask Identifier="Dup_Task" />', '  <modelVersion>4.0.0</modelVersion>', '</project>'].join('\n');
    const description = '<Connector Name="AD">\n  <Property Name="dn" Type="String"\n  <Unclosed ParentTask="Nowhere">\n';
    const { ws, client } = await startSession(t, {
      'Conf/A.xml': a,
      'Conf/B.xml': b,
      'pom.xml': pom,
      'Connectors/AD.xml': description,
    });
    const uris = { a: ws.uri('Conf/A.xml'), b: ws.uri('Conf/B.xml'), pom: ws.uri('pom.xml'), description: ws.uri('Connectors/AD.xml') };
    await client.open(uris.a, a);
    await client.open(uris.b, b);
    await client.open(uris.pom, pom);
    await client.open(uris.description, description);

    const duplicate = (text: string, message: string): Diagnostic[] => [
      { range: rangeIn(text, 'Identifier="[Dup_Task]"'), severity: DiagnosticSeverity.Error, code: 'identifier/unique', source: 'usercube', message },
    ];
    // The pom's element does not count as a third definition.
    assert.deepEqual(
      visible(await client.waitForDiagnostics(uris.a, () => true)),
      duplicate(a, "Duplicate task identifier 'Dup_Task': also defined as ComputeCorrelationKeysTask in B.xml:4."),
    );
    assert.deepEqual(
      visible(await client.waitForDiagnostics(uris.b, () => true)),
      duplicate(b, "Duplicate task identifier 'Dup_Task': also defined as SetRecentlyModifiedFlagTask in A.xml:3."),
    );
    assert.deepEqual(await client.waitForDiagnostics(uris.pom, () => true), []);
    assert.deepEqual(await client.waitForDiagnostics(uris.description, () => true), []);

    // Renaming one clears both: the other file is re-checked although it did not change.
    await client.change(uris.b, 2, [{ range: rangeIn(b, 'Identifier="Dup_Task[]"'), text: '2' }]);
    assert.deepEqual(await client.waitForDiagnostics(uris.b, (_, p) => p.version === 2), []);
    await client.waitForDiagnostics(uris.a, isEmpty);
    // Still nothing for the non-configuration files after the re-check.
    assert.deepEqual(client.published.get(uris.pom)?.at(-1)?.diagnostics, []);
  });

  test('a folder renamed on disk, reported as the folder alone, keeps its tasks defined under the new name', async (t) => {
    // Depends on a task of the folder about to be renamed, and on one that a new file will add.
    const jobs = conf(`  <SetRecentlyModifiedFlagTask Identifier="Flag_A" DisplayName_L1="Flag">
    <TaskDependsOnTask ParentTask="Missing_Task" />
    <TaskDependsOnTask ParentTask="Added_Task" />
  </SetRecentlyModifiedFlagTask>`);
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': jobs, 'Conf/Old/Defs.xml': DEFINES_MISSING });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, jobs);
    const addedMissing = await client.waitForDiagnostics(uri, () => true);
    assert.deepEqual(
      addedMissing.map((d) => d.message),
      ["Parent task 'Added_Task' is not defined in any configuration file."],
    );

    // An editor's watcher reports a renamed folder as the folder only, never the files inside it.
    renameSync(ws.path('Conf/Old'), ws.path('Conf/New'));
    ws.write('Conf/Added.xml', conf('  <ComputeCorrelationKeysTask Identifier="Added_Task" DisplayName_L1="Added" />'));
    const sent = await client.filesChanged([
      { uri: ws.uri('Conf/Old'), type: FileChangeType.Deleted },
      { uri: ws.uri('Conf/New'), type: FileChangeType.Created },
      { uri: ws.uri('Conf/Added.xml'), type: FileChangeType.Created },
    ]);
    assert.equal(sent.length, 3, 'the server watches folder deletions and creations');
    // The first publication after the batch (Added_Task now defined) must not miss Missing_Task either.
    const after = await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.message.includes("'Added_Task'")));
    assert.deepEqual(visible(after), []);
    assert.deepEqual(await client.definition(uri, positionIn(jobs, 'ParentTask="Missing|_Task"')), [
      { uri: ws.uri('Conf/New/Defs.xml'), range: rangeIn(DEFINES_MISSING, 'Identifier="[Missing_Task]"') },
    ]);
  });

  test('a deleted folder takes its files out of the index, except a document still open in the editor (as for a deleted file)', async (t) => {
    const jobs = conf(`  <SetRecentlyModifiedFlagTask Identifier="Flag_A" DisplayName_L1="Flag">
    <TaskDependsOnTask ParentTask="Missing_Task" />
    <TaskDependsOnTask ParentTask="Closed_Task" />
    <TaskDependsOnTask ParentTask="Added_Task" />
  </SetRecentlyModifiedFlagTask>`);
    const { ws, client } = await startSession(t, {
      'Conf/Jobs.xml': jobs,
      'Conf/Sub/Open.xml': DEFINES_MISSING,
      'Conf/Sub/Closed.xml': conf('  <ComputeCorrelationKeysTask Identifier="Closed_Task" DisplayName_L1="Closed" />'),
    });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, jobs);
    await client.open(ws.uri('Conf/Sub/Open.xml'), DEFINES_MISSING);
    const start = await client.waitForDiagnostics(uri, () => true);
    assert.deepEqual(
      start.map((d) => d.message),
      ["Parent task 'Added_Task' is not defined in any configuration file."],
    );

    ws.remove('Conf/Sub');
    ws.write('Conf/Added.xml', conf('  <ComputeCorrelationKeysTask Identifier="Added_Task" DisplayName_L1="Added" />'));
    await client.filesChanged([
      { uri: ws.uri('Conf/Sub'), type: FileChangeType.Deleted },
      { uri: ws.uri('Conf/Added.xml'), type: FileChangeType.Created },
    ]);
    const after = await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.message.includes("'Added_Task'")));
    assert.deepEqual(
      after.map((d) => d.message),
      ["Parent task 'Closed_Task' is not defined in any configuration file."],
    );
  });
});
