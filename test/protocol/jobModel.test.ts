/**
 * The job model over LSP, with the built server: `usercubeJobs/jobSteps` and the job list,
 * code lenses, the call hierarchy, both job refactorings applied and checked again, and the
 * batch size read from the agent's appsettings.json.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CallHierarchyIncomingCallsRequest,
  CallHierarchyOutgoingCallsRequest,
  CallHierarchyPrepareRequest,
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  DiagnosticSeverity,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits, conf } from '../helpers/cursor';
import { positionIn, rangeIn, startSession } from '../helpers/lspClient';

const CONNECTORS = conf(`<Agent Identifier="Local" DisplayName_L1="Local" />
<Profile Identifier="Pr" DisplayName_L1="p" />
<OpenIdClient Identifier="Job" DisplayName_L1="Job" HashedSecret="x" Profile="Pr" />
<Connector Identifier="LDAP" DisplayName_L1="LDAP" Agent="Local" />
<Connection Identifier="LDAPExportFulfillment" DisplayName_L1="l" Connector="LDAP" Package="Usercube.LDAP@0000001" />`);
const JOBS = conf(`<CreateConnectorSynchroComplete Connector="LDAP" JobIdentifier="LDAP_Complete" DisplayName_L1="LDAP complete">
  <OpenIdIdentifier Identifier="Job" />
</CreateConnectorSynchroComplete>
<Job Identifier="Nightly" DisplayName_L1="n" Agent="Local">
  <Step Identifier="LDAP_Complete_Export_LDAP_Complete_LDAPExportFulfillment" Level="0" />
  <Step Identifier="LDAP_Complete_PrepareSynchronization_LDAP_Complete" Level="0" />
  <Step Identifier="LDAP_Complete_Synchronize_LDAP" Level="1" />
</Job>`);
const FILES = { 'Conf/Connectors.xml': CONNECTORS, 'Conf/Jobs.xml': JOBS };

describe('protocol: the job model', { concurrency: true }, () => {
  test('usercubeJobs/jobs and usercubeJobs/jobSteps: every job, and what one runs, with ranges', async (t) => {
    const { ws, client } = await startSession(t, FILES);
    const jobs = await client.connection.sendRequest<{ job: string; tasks: number; levels: number; generatedBy: string | null }[]>('usercubeJobs/jobs', {});
    assert.deepEqual(
      jobs.map((j) => [j.job, j.tasks, j.levels, j.generatedBy]),
      [
        ['Nightly', 3, 2, null],
        ['LDAP_Complete', 12, 12, 'CreateConnectorSynchroComplete'],
      ],
    );
    const steps = await client.connection.sendRequest<{
      uri: string;
      range: unknown;
      steps: { order: number; level: number; effectiveLevel: number; task: string; type: string; uri: string; range: unknown; dependsOn: string[]; generatedBy: string | null }[];
    }>('usercubeJobs/jobSteps', { job: 'Nightly' });
    const uri = ws.uri('Conf/Jobs.xml');
    assert.deepEqual([steps.uri, steps.range], [uri, rangeIn(JOBS, 'Identifier="[Nightly]"')]);
    assert.deepEqual(steps.steps[2], {
      order: 2,
      level: 1,
      effectiveLevel: 1,
      task: 'LDAP_Complete_Synchronize_LDAP',
      type: 'SynchronizeTask',
      uri,
      range: rangeIn(JOBS, '<Step Identifier="[LDAP_Complete_Synchronize_LDAP]"'),
      dependsOn: ['LDAP_Complete_PrepareSynchronization_LDAP_Complete'],
      generatedBy: 'CreateConnectorSynchroComplete',
    });
    assert.equal(await client.connection.sendRequest('usercubeJobs/jobSteps', { job: 'NoSuchJob' }), null);
  });

  test('the agent appsettings.json sets the batch size: job/batch-size and the effective levels follow it', async (t) => {
    const { ws, client } = await startSession(t, { ...FILES, 'Runtime/appsettings.agent.json': '{\n  // the agent\n  "Jobs": { "MaxTaskBatchSize": "1" }\n}\n' });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, JOBS);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'job/batch-size'));
    const batch = diagnostics.filter((d) => d.code === 'job/batch-size');
    assert.deepEqual(
      batch.map((d) => [d.range, d.severity, d.message]),
      [
        [
          rangeIn(JOBS, '<Step Identifier="[LDAP_Complete_PrepareSynchronization_LDAP_Complete]"'),
          DiagnosticSeverity.Information,
          `Level 0 of job 'Nightly' has 2 tasks, more than Jobs.MaxTaskBatchSize (1, in ${ws.path('Runtime/appsettings.agent.json')}): the agent runs them as 2 levels, this task in the second.`,
        ],
      ],
    );
    const steps = await client.connection.sendRequest<{ steps: { effectiveLevel: number }[] }>('usercubeJobs/jobSteps', { job: 'Nightly' });
    assert.deepEqual(
      steps.steps.map((s) => s.effectiveLevel),
      [0, 1, 2],
    );
  });

  test('code lenses count the tasks and levels; the call hierarchy crosses into generated tasks', async (t) => {
    const { ws, client } = await startSession(t, FILES);
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, JOBS);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    assert.deepEqual(
      lenses?.map((l) => [l.range, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [rangeIn(JOBS, '<[Job] Identifier="Nightly"'), '3 tasks · 2 levels', 'usercubeJobs.showJobSteps', ['Nightly']],
        [rangeIn(JOBS, '<[CreateConnectorSynchroComplete] Connector'), 'generates LDAP_Complete: 12 tasks · 12 levels', 'usercubeJobs.showJobSteps', ['LDAP_Complete']],
      ],
    );
    const [item] = (await client.connection.sendRequest(CallHierarchyPrepareRequest.type, {
      textDocument: { uri },
      position: positionIn(JOBS, '<Step Identifier="LDAP_Complete_Synchronize_|LDAP"'),
    }))!;
    assert.equal(item.name, 'LDAP_Complete_Synchronize_LDAP');
    const outgoing = await client.connection.sendRequest(CallHierarchyOutgoingCallsRequest.type, { item });
    assert.deepEqual(
      outgoing?.map((c) => c.to.name),
      ['LDAP_Complete_PrepareSynchronization_LDAP_Complete'],
    );
    const [prepare] = outgoing.map((c) => c.to);
    const incoming = await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item: prepare });
    assert.deepEqual(
      incoming?.map((c) => [c.from.name, c.from.detail, c.fromRanges]),
      [['LDAP_Complete_Synchronize_LDAP', 'SynchronizeTask · generated by CreateConnectorSynchroComplete', [rangeIn(JOBS, 'JobIdentifier="[LDAP_Complete]"')]]],
    );
  });

  test('both refactorings, applied as the editor would, leave files without errors', async (t) => {
    const { ws, client } = await startSession(t, FILES);
    const jobsUri = ws.uri('Conf/Jobs.xml');
    await client.open(jobsUri, JOBS);
    const refactor = async (uri: string, text: string, at: string): Promise<CodeAction[]> => {
      const position = positionIn(text, at);
      return ((await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [], only: [CodeActionKind.Refactor] },
      })) ?? []) as CodeAction[];
    };
    const [expand] = await refactor(jobsUri, JOBS, '<CreateConnector|SynchroComplete');
    assert.equal(expand.title, 'Expand CreateConnectorSynchroComplete into explicit XML');
    const expanded = applyTextEdits(JOBS, expand.edit!.changes![jobsUri]);
    await client.change(jobsUri, 2, [{ text: expanded }]);
    const afterExpand = await client.waitForDiagnostics(jobsUri, (_, p) => p.version === 2);
    assert.deepEqual(
      afterExpand.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.message),
      [],
    );

    const connectorsUri = ws.uri('Conf/Connectors.xml');
    await client.open(connectorsUri, CONNECTORS);
    const [create] = await refactor(connectorsUri, CONNECTORS, '<Connector Identifier="LD|AP"');
    assert.equal(create.title, 'Create the complete-synchronization job for LDAP');
    const created = applyTextEdits(CONNECTORS, create.edit!.changes![connectorsUri]);
    await client.change(connectorsUri, 2, [{ text: created }]);
    assert.deepEqual(
      (await client.waitForDiagnostics(connectorsUri, (_, p) => p.version === 2)).map((d) => `${d.code}: ${d.message}`),
      [],
    );
    // The same edit, asked for by the editor's command.
    const asked = await client.connection.sendRequest<{ job: string }>('usercubeJobs/completeJobEdit', { connector: 'LDAP' });
    assert.equal(asked.job, 'Job_LDAP_Complete_2');
  });
});
