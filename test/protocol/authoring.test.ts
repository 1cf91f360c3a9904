/**
 * The authoring features over stdio (`node dist/server.js --stdio`): catalog completion,
 * catalog hover, prepareRename and rename (one workspace edit, closed files included, nothing
 * written to disk by the server; refusals reach the client as errors with their message).
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { InitializeRequest, InitializedNotification, LSPErrorCodes, PrepareRenameRequest, RenameRequest, TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { CLIENT_CAPABILITIES, LspClient, TempWorkspace, positionIn, rangeIn, startSession } from '../helpers/lspClient';

const JOBS = 'Conf/AD Jobs.xml';
const SHARED = 'Conf/Shared Tasks.xml';

test('completion: element names in a job, attribute names that open the value list, enum values', async (t) => {
  const { ws, client } = await startSession(t, 'authoring-rename');
  const uri = ws.uri('Conf/New.xml');
  const text = [
    '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">',
    '  <Job Identifier="Job_New" DisplayName_L1="n" Agent="Local">',
    '    <Prep',
    '    <SynchronizeTask Identifier="S" DisplayName_L1="s"  Type="" />',
    '  </Job>',
    '</ConfigurationFile>',
  ].join('\n');
  await client.open(uri, text);

  const elements = await client.completion(uri, positionIn(text, '<Prep|'));
  const prepare = elements?.items.find((i) => i.label === 'PrepareSynchronizationTask');
  assert.ok(prepare, JSON.stringify(elements?.items.map((i) => i.label)));
  assert.equal(prepare.detail, 'Cleanses the exported files (sorted, de-duplicated) before the synchronization.');
  assert.deepEqual((prepare.textEdit as TextEdit).range, rangeIn(text, '<[Prep]'));

  const attributes = await client.completion(uri, positionIn(text, 'DisplayName_L1="s" | Type'));
  const connector = attributes?.items.find((i) => i.label === 'Connector');
  assert.ok(connector);
  assert.equal((connector.textEdit as TextEdit).newText, 'Connector="$1"');
  assert.equal(connector.command?.command, 'editor.action.triggerSuggest');
  assert.ok(!attributes!.items.some((i) => i.label === 'Type'), 'Type is already written');

  const values = await client.completion(uri, positionIn(text, 'Type="|"'));
  assert.deepEqual(
    values?.items.map((i) => i.label),
    ['None', 'Changes', 'ActiveDirectory'],
  );

  const identifiers = await client.completion(uri, positionIn(text, 'Agent="|Local"'));
  assert.deepEqual(
    identifiers?.items.map((i) => i.label),
    ['Local'],
  );
});

test('hover: the catalog documentation of an element and of an attribute', async (t) => {
  const { ws, client } = await startSession(t, 'authoring-rename');
  const uri = ws.uri(JOBS);
  const text = ws.read(JOBS);
  await client.open(uri, text);
  const element = await client.hover(uri, positionIn(text, '<Export|Task'));
  assert.deepEqual(element?.range, rangeIn(text, '<[ExportTask]'));
  assert.match((element?.contents as { value: string }).value, /^\*\*ExportTask\*\* · agent task, runs on the agent\n/);
  const attribute = await client.hover(uri, positionIn(text, 'IgnoreCookie|File'));
  assert.match((attribute?.contents as { value: string }).value, /^\*\*IgnoreCookieFile\*\* · boolean\n[\s\S]*Default: `false`$/);
});

test('rename: one workspace edit over the open file and a closed one; the server writes nothing', async (t) => {
  const { ws, client } = await startSession(t, 'authoring-rename');
  assert.equal(client.initializeResult?.capabilities.renameProvider, true, 'no prepareSupport declared: a plain rename provider');
  const uri = ws.uri(JOBS);
  const text = ws.read(JOBS);
  const shared = ws.read(SHARED);
  await client.open(uri, text);
  const at = positionIn(text, '<Step Identifier="AD_Set|Profiles" />');

  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: at });
  assert.deepEqual(prepared, { range: rangeIn(text, '<Step Identifier="[AD_SetProfiles]" />'), placeholder: 'AD_SetProfiles' });

  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'AD_Profiles' });
  assert.deepEqual(edit, {
    changes: {
      [uri]: [{ range: rangeIn(text, '<Step Identifier="[AD_SetProfiles]" />'), newText: 'AD_Profiles' }],
      [ws.uri(SHARED)]: [{ range: rangeIn(shared, '<SetInternalUserProfilesTask Identifier="[AD_SetProfiles]"'), newText: 'AD_Profiles' }],
    },
  });
  assert.equal(ws.read(SHARED), shared, 'the closed file is edited through the workspace edit only');
  assert.equal(ws.read(JOBS), text);
});

test('rename refusals reach the client as errors with their message', async (t) => {
  const { ws, client } = await startSession(t, 'authoring-rename');
  const uri = ws.uri(JOBS);
  const text = ws.read(JOBS);
  await client.open(uri, text);
  await assert.rejects(
    client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionIn(text, 'Identifier="AD_Pro|visioning"'), newName: 'AD_Prepare' }),
    { code: LSPErrorCodes.RequestFailed, message: "Task 'AD_Prepare' already exists (PrepareSynchronizationTask in Conf/AD Jobs.xml): choose another name." },
  );
  await assert.rejects(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: positionIn(text, 'Connection="ad|export"'), newName: 'AD_Export' }), {
    code: LSPErrorCodes.RequestFailed,
    message: /^'AD_Export' is not a valid Connection identifier/,
  });
  await assert.rejects(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionIn(text, 'DisplayName_L1="Prep|are"') }), {
    code: LSPErrorCodes.RequestFailed,
    message: /^Only the identifier of a task, job/,
  });
});

test('a client that supports prepareRename gets the rename options', async (t) => {
  const ws = TempWorkspace.fromFixture('authoring-rename');
  const client = LspClient.spawn();
  t.after(async () => {
    await client.stop();
    ws.dispose();
  });
  const capabilities = { ...CLIENT_CAPABILITIES, textDocument: { ...CLIENT_CAPABILITIES.textDocument, rename: { prepareSupport: true } } };
  const result = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: URI.file(ws.root).toString(),
    workspaceFolders: [{ uri: URI.file(ws.root).toString(), name: 'ws' }],
    capabilities,
  });
  assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.waitForIndexing(1);
});
