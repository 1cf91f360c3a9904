/**
 * Completion, definition, references, hover and symbols over the protocol, on a copy of the
 * protocol-jobs fixture: a job file that runs tasks defined in "Shared Tasks.xml", a connector
 * file, and a second connector's job in another folder.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionItem, CompletionItemKind, SymbolKind } from 'vscode-languageserver-protocol/node';
import { cursor } from '../helpers/cursor';
import { LspClient, TempWorkspace, positionIn, rangeIn, sortLocations, startSession } from '../helpers/lspClient';
import { LineTable } from '../../server/src/model/lineTable';

const AD_JOBS = 'Conf/AD/AD Jobs.xml';
const SHARED = 'Conf/Shared Tasks.xml';
const AD_CONNECTOR = 'Conf/AD/AD Connector.xml';
const DIRECTORY_JOBS = 'Conf/Directory/Directory Jobs.xml';

/** Opens a fixture file as it is on disk; returns its URI and text. */
async function openFile(client: LspClient, ws: TempWorkspace, rel: string): Promise<{ uri: string; text: string }> {
  const uri = ws.uri(rel);
  const text = ws.read(rel);
  await client.open(uri, text);
  return { uri, text };
}

function byRank(items: CompletionItem[]): CompletionItem[] {
  // As an editor sorts: by sortText, else by label.
  const key = (i: CompletionItem) => i.sortText ?? i.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** From the start of `from` to the end of the first `to` after it. */
function spanRange(text: string, from: string, to: string) {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start) + to.length;
  assert.ok(start >= 0 && end > start, `${from} … ${to} not found`);
  return LineTable.fromText(text).range(start, end);
}

// Each test has its own server and folder: they run side by side.
describe('protocol: navigation', { concurrency: true }, () => {
  test('completion in ParentTask="|" offers exactly the tasks of every file (tasks of the job first), in Connector="|" only connectors', async (t) => {
    const { ws, client } = await startSession(t, 'protocol-jobs');
    const uri = ws.uri(AD_JOBS);
    const typing = cursor(
      ws.read(AD_JOBS).replace('<TaskDependsOnTask ParentTask="AD_Prepare" />', '<TaskDependsOnTask ParentTask="AD_Prepare" />\n      <TaskDependsOnTask ParentTask="|" />'),
    );
    await client.open(uri, typing.text);

    const list = await client.completion(uri, typing.position);
    assert.ok(list);
    assert.equal(list.isIncomplete, false);
    const empty = { start: typing.position, end: typing.position };
    const task = (label: string, element: string, file: string, rank: string): CompletionItem => ({
      label,
      kind: CompletionItemKind.Function,
      labelDetails: { detail: ` ${element}`, description: file },
      ...(rank === '0' ? { sortText: `0${label}` } : {}),
      textEdit: { range: empty, newText: label },
    });
    // Not AD_Synchronization: the task being edited cannot depend on itself. Tasks that
    // Job_AD_Complete runs (inline or through a Step) rank first.
    assert.deepEqual(
      byRank(list.items).map(({ data: _, ...item }) => item),
      [
        task('AD_Export', 'ExportTask', AD_JOBS, '0'),
        task('AD_Prepare', 'PrepareSynchronizationTask', AD_JOBS, '0'),
        task('AD_Provisioning', 'GenerateProvisioningOrdersTask', AD_JOBS, '0'),
        task('All_ComputeAllProperties', 'UpdateEntityPropertyExpressionsTask', SHARED, '0'),
        task('All_CorrelationKeys', 'ComputeCorrelationKeysTask', SHARED, '1'),
        task('Directory_ComputeRoleModel', 'ComputeRoleModelTask', DIRECTORY_JOBS, '1'),
      ],
    );
    // The display name and the documentation come with completionItem/resolve.
    const resolved = await Promise.all(byRank(list.items).map((i) => client.resolveCompletion(i)));
    assert.deepEqual(
      resolved.map((i) => i.detail),
      [
        'ExportTask — Export AD',
        'PrepareSynchronizationTask — AD - Prepare Synchronization',
        'GenerateProvisioningOrdersTask — AD - Provisioning orders',
        'UpdateEntityPropertyExpressionsTask — Overall - Computed Properties Refresh',
        'ComputeCorrelationKeysTask — All Correlation Keys',
        'ComputeRoleModelTask — Directory - Role model',
      ],
    );
    assert.deepEqual(resolved.find((i) => i.label === 'All_CorrelationKeys')!.documentation, {
      kind: 'markdown',
      value: '**All Correlation Keys**\n\n`ComputeCorrelationKeysTask` in `Conf/Shared Tasks.xml`',
    });

    // Inside an existing value the item replaces the whole value.
    const inValue = positionIn(typing.text, 'ParentTask="AD_Pre|pare"');
    const replacing = await client.completion(uri, inValue);
    assert.deepEqual(replacing?.items.find((i) => i.label === 'AD_Export')?.textEdit, { range: rangeIn(typing.text, 'ParentTask="[AD_Prepare]"'), newText: 'AD_Export' });

    // Connector="|" (the document changed in full): connectors only, no task or connection.
    const connector = cursor(typing.text.replace('Connector="AD" Connection="ADExport"', 'Connector="|" Connection="ADExport"'));
    await client.change(uri, 2, [{ text: connector.text }]);
    const connectors = await client.completion(uri, connector.position);
    const at = { start: connector.position, end: connector.position };
    assert.deepEqual(
      byRank(connectors!.items).map(({ data: _, ...item }) => item),
      [
        {
          label: 'AD',
          kind: CompletionItemKind.Interface,
          labelDetails: { detail: ' Connector', description: AD_CONNECTOR },
          textEdit: { range: at, newText: 'AD' },
        },
        {
          label: 'Directory',
          kind: CompletionItemKind.Interface,
          labelDetails: { detail: ' Connector', description: DIRECTORY_JOBS },
          textEdit: { range: at, newText: 'Directory' },
        },
      ],
    );

    // Outside a reference value there is nothing to offer.
    assert.equal(await client.completion(uri, positionIn(connector.text, 'DisplayName_L1="Export| AD"')), null);
  });

  test('definition from a ParentTask, a Step and a Connection lands on the Identifier value in the other file', async (t) => {
    const { ws, client } = await startSession(t, 'protocol-jobs');
    const { uri, text } = await openFile(client, ws, AD_JOBS);
    const shared = ws.read(SHARED);
    const allProperties = { uri: ws.uri(SHARED), range: rangeIn(shared, 'Identifier="[All_ComputeAllProperties]"') };

    assert.deepEqual(await client.definition(uri, positionIn(text, 'ParentTask="All_Compute|AllProperties"')), [allProperties]);
    // The first and the last character of the value both count.
    assert.deepEqual(await client.definition(uri, positionIn(text, 'ParentTask="|All_ComputeAllProperties"')), [allProperties]);
    assert.deepEqual(await client.definition(uri, positionIn(text, 'ParentTask="All_ComputeAllProperties|"')), [allProperties]);
    assert.deepEqual(await client.definition(uri, positionIn(text, '<Step Identifier="All_|ComputeAllProperties"')), [allProperties]);

    assert.deepEqual(await client.definition(uri, positionIn(text, 'Connection="AD|Export"')), [
      { uri: ws.uri(AD_CONNECTOR), range: rangeIn(ws.read(AD_CONNECTOR), 'Identifier="[ADExport]"') },
    ]);
    // A reference in the same file.
    assert.deepEqual(await client.definition(uri, positionIn(text, 'ParentTask="AD_Ex|port"')), [{ uri, range: rangeIn(text, 'Identifier="[AD_Export]"') }]);
    // Not on a reference: nothing.
    assert.deepEqual(await client.definition(uri, positionIn(text, 'DisplayName_L1="AD com|plete"')), []);
  });

  test('references of a task: every ParentTask and Step that names it, across files, with and without the declaration', async (t) => {
    const { ws, client } = await startSession(t, 'protocol-jobs');
    const { uri, text } = await openFile(client, ws, SHARED);
    const adJobs = ws.read(AD_JOBS);
    const directoryJobs = ws.read(DIRECTORY_JOBS);
    const uses = [
      { uri: ws.uri(AD_JOBS), range: rangeIn(adJobs, '<Step Identifier="[All_ComputeAllProperties]"') },
      { uri: ws.uri(AD_JOBS), range: rangeIn(adJobs, 'ParentTask="[All_ComputeAllProperties]"') },
      { uri: ws.uri(DIRECTORY_JOBS), range: rangeIn(directoryJobs, '<Step Identifier="[All_ComputeAllProperties]"') },
    ];
    const declaration = { uri, range: rangeIn(text, 'Identifier="[All_ComputeAllProperties]"') };
    const at = positionIn(text, 'Identifier="All_Compute|AllProperties"');

    assert.deepEqual(sortLocations(await client.references(uri, at, false)), sortLocations(uses));
    assert.deepEqual(sortLocations(await client.references(uri, at, true)), sortLocations([declaration, ...uses]));

    // From a use, the same places.
    const { uri: jobsUri } = await openFile(client, ws, DIRECTORY_JOBS);
    const fromUse = await client.references(jobsUri, positionIn(directoryJobs, '<Step Identifier="All_Compute|AllProperties"'), true);
    assert.deepEqual(sortLocations(fromUse), sortLocations([declaration, ...uses]));
  });

  test('hover on a ParentTask value: element type, display name, file and job of the task', async (t) => {
    const { ws, client } = await startSession(t, 'protocol-jobs');
    const { uri, text } = await openFile(client, ws, DIRECTORY_JOBS);

    assert.deepEqual(await client.hover(uri, positionIn(text, 'ParentTask="All_Corr|elationKeys"')), {
      range: rangeIn(text, 'ParentTask="[All_CorrelationKeys]"'),
      contents: {
        kind: 'markdown',
        value: '**ComputeCorrelationKeysTask** `All_CorrelationKeys` — All Correlation Keys\n\nDefined in `Conf/Shared Tasks.xml`\n\n' + 'Job: `Job_Directory`',
      },
    });

    const { uri: adUri, text: adText } = await openFile(client, ws, AD_JOBS);
    assert.deepEqual(await client.hover(adUri, positionIn(adText, 'ParentTask="AD_Pre|pare"')), {
      range: rangeIn(adText, 'ParentTask="[AD_Prepare]"'),
      contents: {
        kind: 'markdown',
        value:
          '**PrepareSynchronizationTask** `AD_Prepare` — AD - Prepare Synchronization\n\nDefined in `Conf/AD/AD Jobs.xml`\n\n' +
          'Job: `Job_AD_Complete`\n\nDepends on: `AD_Export`',
      },
    });

    // A task that two jobs run through Steps names both (in no particular order).
    const shared = await client.hover(adUri, positionIn(adText, 'ParentTask="All_|ComputeAllProperties"'));
    const value = (shared?.contents as { value: string }).value;
    const [head, jobs] = value.split('\n\nJob: ');
    assert.equal(head, '**UpdateEntityPropertyExpressionsTask** `All_ComputeAllProperties` — Overall - Computed Properties Refresh\n\n' + 'Defined in `Conf/Shared Tasks.xml`');
    assert.deepEqual(jobs.split(', ').sort(), ['`Job_AD_Complete`', '`Job_Directory`']);
  });

  test('document symbols: the job with its tasks and steps as children; workspace symbols find tasks, jobs and connectors', async (t) => {
    const { ws, client } = await startSession(t, 'protocol-jobs');
    const { uri, text } = await openFile(client, ws, AD_JOBS);
    const value = (id: string) => rangeIn(text, `Identifier="[${id}]"`);
    const task = (id: string, element: string, detail: string, end: string) => ({
      name: id,
      detail: `${element} — ${detail}`,
      kind: SymbolKind.Function,
      range: spanRange(text, `<${element} Identifier="${id}"`, end),
      selectionRange: value(id),
    });
    assert.deepEqual(await client.documentSymbols(uri), [
      {
        name: 'Job_AD_Complete',
        detail: 'Job — AD complete',
        kind: SymbolKind.Module,
        range: spanRange(text, '<Job ', '</Job>'),
        selectionRange: value('Job_AD_Complete'),
        children: [
          task('AD_Export', 'ExportTask', 'Export AD', '/>'),
          task('AD_Prepare', 'PrepareSynchronizationTask', 'AD - Prepare Synchronization', '</PrepareSynchronizationTask>'),
          task('AD_Synchronization', 'SynchronizeTask', 'AD - Synchronization', '</SynchronizeTask>'),
          {
            name: 'Step All_ComputeAllProperties',
            detail: 'Step',
            kind: SymbolKind.Event,
            range: spanRange(text, '<Step ', '/>'),
            selectionRange: rangeIn(text, '<Step Identifier="[All_ComputeAllProperties]"'),
          },
          task('AD_Provisioning', 'GenerateProvisioningOrdersTask', 'AD - Provisioning orders', '</GenerateProvisioningOrdersTask>'),
        ],
      },
    ]);

    // Workspace symbols come from the whole index, open or not.
    const directory = ws.read(DIRECTORY_JOBS);
    const at = (fileUri: string, fileText: string, id: string) => ({ uri: fileUri, range: rangeIn(fileText, `Identifier="[${id}]"`) });
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => (a.name < b.name ? -1 : 1));
    const taskSymbol = (name: string, container: string) => ({
      name,
      kind: SymbolKind.Function,
      containerName: container,
      location: at(uri, text, name),
    });
    assert.deepEqual(byName(await client.workspaceSymbols('AD_')), [
      taskSymbol('AD_Export', 'ExportTask in Job_AD_Complete'),
      taskSymbol('AD_Prepare', 'PrepareSynchronizationTask in Job_AD_Complete'),
      taskSymbol('AD_Provisioning', 'GenerateProvisioningOrdersTask in Job_AD_Complete'),
      taskSymbol('AD_Synchronization', 'SynchronizeTask in Job_AD_Complete'),
      { name: 'Job_AD_Complete', kind: SymbolKind.Module, containerName: 'Job', location: at(uri, text, 'Job_AD_Complete') },
    ]);
    const directoryUri = ws.uri(DIRECTORY_JOBS);
    assert.deepEqual(byName(await client.workspaceSymbols('directory')), [
      { name: 'Directory', kind: SymbolKind.Interface, containerName: 'Connector', location: at(directoryUri, directory, 'Directory') },
      {
        name: 'Directory_ComputeRoleModel',
        kind: SymbolKind.Function,
        containerName: 'ComputeRoleModelTask in Job_Directory',
        location: at(directoryUri, directory, 'Directory_ComputeRoleModel'),
      },
      { name: 'Job_Directory', kind: SymbolKind.Module, containerName: 'Job', location: at(directoryUri, directory, 'Job_Directory') },
    ]);
    assert.deepEqual(await client.workspaceSymbols('no such name'), []);
  });
});
