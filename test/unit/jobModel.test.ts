/**
 * The job as Identity Manager runs it, through the language service: job plans (levels,
 * batches, Steps, generated tasks and their adjustments), generated identifiers in every
 * feature, the job refactorings, the call hierarchy and the code lenses.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/languageService';
import { applyTextEdits, conf, positionIn, rangeIn, textOf } from '../helpers/cursor';
import { CONTEXT } from '../helpers/jobs';
import { fixtureWorkspace, uriOf, workspace } from '../helpers/workspace';

/** Each step as `effectiveLevel/level task`, in launch order. */
function outline(service: LanguageService, job: string): string[] {
  const steps = service.jobSteps(job);
  assert.ok(steps, `job ${job}`);
  return steps.steps.map((s) => `${s.effectiveLevel}/${s.level} ${s.task}`);
}

const LEVELLED = conf(`<Job Identifier="Levelled" DisplayName_L1="l" Agent="Local">
  <ComputeRoleModelTask Identifier="L_RoleModel" DisplayName_L1="r" Level="2" />
  <UpdateEntityPropertyExpressionsTask Identifier="L_Expressions" DisplayName_L1="x" Level="1" />
  <Step Identifier="L_Shared" Level="1" />
  <ComputeCorrelationKeysTask Identifier="L_Keys" DisplayName_L1="k" Level="1" />
</Job>
<ComputeCorrelationKeysTask Identifier="L_Shared" DisplayName_L1="s" />`);

describe('job plans', () => {
  it('a job without levels runs from top to bottom, one task per effective level, Steps included (examples/)', () => {
    const { service } = fixtureWorkspace('../../examples');
    assert.deepEqual(outline(service, 'Job_AD_Complete'), [
      '0/-1 AD_Export_Complete',
      '1/-1 AD_Prepare_Complete',
      '2/-1 AD_Synchronization',
      '3/-1 All_ComputeAllProperties',
      '4/-1 All_CorrelationKeys',
      '5/-1 Directory_ComputeRoleModel',
      '6/-1 AD_Provisioning',
      '7/-1 AD_Fulfill',
      '8/-1 AD_Update_Classification',
      '9/-1 AD_SetInternalUserProfiles',
    ]);
    assert.match(service.jobSteps('Job_AD_Complete')!.notes[0], /from top to bottom \(the Job page\)/);
  });

  it('a generated job runs by level, with the written adjustment of a generated task merged in (examples/, LDAP)', () => {
    const { service } = fixtureWorkspace('../../examples');
    const steps = service.jobSteps('LDAP_Complete')!;
    assert.equal(steps.generatedBy, 'CreateConnectorSynchroComplete');
    assert.deepEqual(
      steps.steps.map((s) => [s.level, s.type, s.task]),
      [
        [0, 'ExportTask', 'LDAP_Complete_Export_LDAP_Complete_LDAPExportFulfillment'],
        [1, 'PrepareSynchronizationTask', 'LDAP_Complete_PrepareSynchronization_LDAP_Complete'],
        [2, 'SynchronizeTask', 'LDAP_Complete_Synchronize_LDAP'],
        [3, 'UpdateEntityPropertyExpressionsTask', 'LDAP_Complete_UpdateEntityPropertyExpressions1'],
        [4, 'ComputeCorrelationKeysTask', 'LDAP_Complete_ComputeCorrelationKeys1_AllEntities'],
        [5, 'ComputeRoleModelTask', 'LDAP_Complete_ComputeRoleModel1'],
        [6, 'ComputeRiskScoresTask', 'LDAP_Complete_ComputeRiskScores1'],
        [7, 'GenerateProvisioningOrdersTask', 'LDAP_Complete_GenerateProvisioningOrders1'],
        [8, 'FulfillTask', 'LDAP_Complete_Fulfill1'],
        [9, 'UpdateParametersContextDisplayNamesTask', 'LDAP_Complete_UpdateParametersContextDisplayNames'],
        [10, 'SendRoleModelNotificationsTask', 'LDAP_Complete_SendRoleModelNotifications'],
        [11, 'MaintainIndexesTask', 'LDAP_Complete_MaintainIndexes'],
      ],
    );
    // ConsolidationMode="Merge" in "LDAP Jobs.xml" adds a parent to the generated task.
    assert.deepEqual(steps.steps.find((s) => s.type === 'MaintainIndexesTask')!.dependsOn, ['LDAP_Complete_Fulfill1']);
    assert.deepEqual(steps.steps.find((s) => s.type === 'PrepareSynchronizationTask')!.dependsOn, ['LDAP_Complete_Export_LDAP_Complete_LDAPExportFulfillment']);
  });

  it('levels order the tasks whatever their place, then document order; a crowded level is split by MaxTaskBatchSize', () => {
    const service = workspace({ 'jobs.xml': LEVELLED });
    assert.deepEqual(outline(service, 'Levelled'), ['0/1 L_Expressions', '0/1 L_Shared', '0/1 L_Keys', '1/2 L_RoleModel']);
    service.setAgentSettings({ maxTaskBatchSize: 2, source: 'Runtime/appsettings.agent.json' });
    assert.deepEqual(outline(service, 'Levelled'), ['0/1 L_Expressions', '0/1 L_Shared', '1/1 L_Keys', '2/2 L_RoleModel']);
    assert.deepEqual(service.jobSteps('Levelled')!.notes, [
      'Level 1 has more tasks than Jobs.MaxTaskBatchSize (2, Runtime/appsettings.agent.json): the agent inserts levels; which tasks go first is not documented (shown in document order).',
    ]);
  });

  it('says how it reads a job mixing levelled and unlevelled tasks, and a Step to an unknown task', () => {
    const service = workspace({
      'jobs.xml': conf(`<Job Identifier="Mixed" DisplayName_L1="m">
  <ComputeRoleModelTask Identifier="M_RoleModel" DisplayName_L1="r" Level="1" />
  <ComputeCorrelationKeysTask Identifier="M_Keys" DisplayName_L1="k" />
  <Step Identifier="M_Nowhere" Level="0" />
</Job>`),
    });
    const steps = service.jobSteps('Mixed')!;
    assert.deepEqual(
      steps.steps.map((s) => [s.level, s.task, s.type]),
      [
        [-1, 'M_Keys', 'ComputeCorrelationKeysTask'],
        [0, 'M_Nowhere', null],
        [1, 'M_RoleModel', 'ComputeRoleModelTask'],
      ],
    );
    assert.deepEqual(steps.notes, [
      "Step 'M_Nowhere' names a task that no configuration file defines.",
      'Some tasks have no Level: they are taken at level -1, the documented default, so they run first. The documentation does not say how a job mixing levelled and unlevelled tasks runs.',
    ]);
  });

  it('points each step at its task or Step, in its own file', () => {
    const service = workspace({ 'jobs.xml': LEVELLED });
    const steps = service.jobSteps('Levelled')!;
    const at = (task: string) => steps.steps.find((s) => s.task === task)!;
    assert.deepEqual(at('L_Keys').range, rangeIn(LEVELLED, 'Identifier="[L_Keys]"'));
    assert.deepEqual(at('L_Shared').range, rangeIn(LEVELLED, '<Step Identifier="[L_Shared]"'));
    assert.deepEqual(steps.range, rangeIn(LEVELLED, 'Identifier="[Levelled]"'));
    assert.equal(service.jobSteps('NoSuchJob'), null);
  });
});

describe('generated identifiers in the editor', () => {
  const SCAFFOLDED = conf(`<CreateConnectorSynchroComplete Connector="AD" JobIdentifier="AD_Scaffolded" DisplayName_L1="AD scaffolded">
  <OpenIdIdentifier Identifier="Job" />
  <AddTask Task="AD_Extra" TaskToCompareWith="AD_Scaffolded_Fulfill1" After="1" />
</CreateConnectorSynchroComplete>
<SetInternalUserProfilesTask Identifier="AD_Extra" DisplayName_L1="x">
  <TaskDependsOnTask ParentTask="AD_Scaffolded_Fulfill1" />
</SetInternalUserProfilesTask>`);
  const open = () => workspace({ 'context.xml': CONTEXT, 'jobs.xml': SCAFFOLDED }, ['jobs.xml']);

  it('references to generated tasks resolve: no dependency/parent-exists, no reference/unresolved', () => {
    const codes = open()
      .validate(uriOf('jobs.xml'))
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => d.code);
    assert.deepEqual(codes, []);
  });

  it('completion offers generated tasks, marked with their scaffolding', () => {
    const service = open();
    const list = service.doComplete(uriOf('jobs.xml'), positionIn(SCAFFOLDED, 'ParentTask="AD_Scaffolded_|Fulfill1"'))!;
    const item = list.items.find((i) => i.label === 'AD_Scaffolded_Fulfill1')!;
    assert.deepEqual(item.labelDetails, { detail: ' FulfillTask', description: 'generated by CreateConnectorSynchroComplete' });
  });

  it("go to definition lands on the scaffolding's JobIdentifier; hover says what generates the task", () => {
    const service = open();
    const at = positionIn(SCAFFOLDED, 'ParentTask="AD_Scaffolded_Fu|lfill1"');
    assert.deepEqual(service.findDefinition(uriOf('jobs.xml'), at), [{ uri: uriOf('jobs.xml'), range: rangeIn(SCAFFOLDED, 'JobIdentifier="[AD_Scaffolded]"') }]);
    const hover = service.doHover(uriOf('jobs.xml'), at)!;
    assert.match(
      (hover.contents as { value: string }).value,
      /^\*\*FulfillTask\*\* `AD_Scaffolded_Fulfill1` — Fulfillment\n\nGenerated by the CreateConnectorSynchroComplete scaffolding in `jobs.xml`/,
    );
  });

  it('references of a generated task include where it is generated; renaming it is refused with the reason', () => {
    const service = open();
    const at = positionIn(SCAFFOLDED, 'ParentTask="AD_Scaffolded_Fu|lfill1"');
    const refs = service.findReferences(uriOf('jobs.xml'), at, true).map((l) => textOf(SCAFFOLDED, l.range));
    assert.deepEqual(refs.sort(), ['AD_Scaffolded', 'AD_Scaffolded_Fulfill1', 'AD_Scaffolded_Fulfill1']);
    const rename = service.prepareRename(uriOf('jobs.xml'), at);
    assert.deepEqual(rename, {
      ok: false,
      message:
        "'AD_Scaffolded_Fulfill1' is generated by the CreateConnectorSynchroComplete scaffolding in jobs.xml: its name follows the scaffolding (JobIdentifier, connector, connection), so it cannot be renamed here.",
    });
  });

  it('hover on the scaffolding lists the job it generates, task by task with levels, and what it assumes', () => {
    const hover = open().doHover(uriOf('jobs.xml'), positionIn(SCAFFOLDED, '<CreateConnector|SynchroComplete'))!;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*CreateConnectorSynchroComplete\*\* generates job `AD_Scaffolded`: 13 tasks, 12 levels/);
    assert.match(text, /\| 0 \| `AD_Scaffolded_Export_AD_Complete_ADExport` \| ExportTask \|\n\| 0 \| `AD_Scaffolded_Export_AD_Complete_ADFulfillment` \| ExportTask \|/);
    assert.match(text, /- AddTask children add existing tasks to the job/);
    assert.deepEqual(hover.range, rangeIn(SCAFFOLDED, '<[CreateConnectorSynchroComplete] Connector'));
  });

  it('code lenses count the tasks and levels of each job and of what each scaffolding generates', () => {
    const service = workspace({ 'context.xml': CONTEXT, 'jobs.xml': SCAFFOLDED + conf('<Job Identifier="Small" DisplayName_L1="s"><Step Identifier="AD_Extra" /></Job>') }, [
      'jobs.xml',
    ]);
    const lenses = service.findCodeLenses(uriOf('jobs.xml'));
    assert.deepEqual(
      lenses.map((l) => [l.command?.title, l.command?.command, l.command?.arguments]),
      [
        ['1 task · 1 level', 'usercubeJobs.showJobSteps', ['Small']],
        ['generates AD_Scaffolded: 13 tasks · 12 levels', 'usercubeJobs.showJobSteps', ['AD_Scaffolded']],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });
});

describe('call hierarchy of tasks', () => {
  it('incoming: the tasks that depend on it (written and generated); outgoing: its parents', () => {
    const text = conf(`<CreateConnectorSynchroComplete Connector="AD" JobIdentifier="S"><OpenIdIdentifier Identifier="Job" /></CreateConnectorSynchroComplete>
<SetInternalUserProfilesTask Identifier="Profiles" DisplayName_L1="x">
  <TaskDependsOnTask ParentTask="S_Fulfill1" />
</SetInternalUserProfilesTask>`);
    const service = workspace({ 'context.xml': CONTEXT, 'jobs.xml': text }, ['jobs.xml']);
    const [item] = service.prepareCallHierarchy(uriOf('jobs.xml'), positionIn(text, 'ParentTask="S_Ful|fill1"'))!;
    assert.equal(item.name, 'S_Fulfill1');
    assert.equal(item.detail, 'FulfillTask · generated by CreateConnectorSynchroComplete');
    const incoming = service.incomingCalls(item).map((c) => [c.from.name, c.fromRanges.map((r: Range) => textOf(text, r))]);
    assert.deepEqual(incoming, [['Profiles', ['S_Fulfill1']]]);
    const outgoing = service.outgoingCalls(item).map((c) => [c.to.name, c.to.detail]);
    assert.deepEqual(outgoing, [['S_GenerateProvisioningOrders1', 'GenerateProvisioningOrdersTask · generated by CreateConnectorSynchroComplete']]);
    const [profiles] = service.prepareCallHierarchy(uriOf('jobs.xml'), positionIn(text, 'Identifier="Prof|iles"'))!;
    assert.deepEqual(
      service.outgoingCalls(profiles).map((c) => [c.to.name, c.fromRanges.map((r: Range) => textOf(text, r))]),
      [['S_Fulfill1', ['S_Fulfill1']]],
    );
  });
});

describe('job refactorings', () => {
  function refactorings(service: LanguageService, uri: string, position: { line: number; character: number }) {
    return service.getCodeActions(uri, { start: position, end: position }, [], [CodeActionKind.Refactor]);
  }

  it('expands a scaffolding into the XML it generates: references still resolve and the file has no error', () => {
    const { service, uri, text } = fixtureWorkspace('../../examples', ['Conf/LDAP/LDAP Jobs.xml']);
    const file = uri('Conf/LDAP/LDAP Jobs.xml');
    const before = text('Conf/LDAP/LDAP Jobs.xml');
    const actions = refactorings(service, file, positionIn(before, '<CreateConnector|SynchroComplete'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Expand CreateConnectorSynchroComplete into explicit XML', CodeActionKind.RefactorRewrite]],
    );
    const after = applyTextEdits(before, actions[0].edit!.changes![file]);
    // Only the scaffolding element changed; the comments and the adjustment around it are as they were.
    assert.ok(after.startsWith(before.slice(0, before.indexOf('<CreateConnectorSynchroComplete'))));
    assert.ok(after.endsWith(before.slice(before.indexOf('</CreateConnectorSynchroComplete>') + '</CreateConnectorSynchroComplete>'.length)));
    assert.match(
      after,
      /\n {2}<Job Identifier="LDAP_Complete" DisplayName_L1="LDAP - Complete Synchronization \(scaffolding\)" Agent="Local">\n {4}<ExportTask Identifier="LDAP_Complete_Export_LDAP_Complete_LDAPExportFulfillment"/,
    );
    service.changeDocument(file, after, 2);
    assert.deepEqual(
      service
        .validate(file)
        .filter((d) => d.severity === DiagnosticSeverity.Error)
        .map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.equal(service.jobSteps('LDAP_Complete')!.generatedBy, null, 'now written by hand');
    assert.deepEqual(service.jobSteps('LDAP_Complete')!.steps.find((s) => s.type === 'MaintainIndexesTask')!.dependsOn, ['LDAP_Complete_Fulfill1']);
  });

  it('creates the complete-synchronization job of a connector as the guide builds it, with no finding of any rule', () => {
    const { service, uri, text } = fixtureWorkspace('../../examples', ['Conf/AD/AD Connector.xml']);
    const file = uri('Conf/AD/AD Connector.xml');
    const before = text('Conf/AD/AD Connector.xml');
    const actions = refactorings(service, file, positionIn(before, '<Connector Identifier="A|D"'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind]),
      [['Create the complete-synchronization job for AD', CodeActionKind.Refactor]],
    );
    const after = applyTextEdits(before, actions[0].edit!.changes![file]);
    service.changeDocument(file, after, 2);
    assert.deepEqual(
      service.validate(file).map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.deepEqual(outline(service, 'Job_AD_Complete_2'), [
      '0/-1 AD_Export_Complete_ADExport',
      '1/-1 AD_Export_Complete_ADFulfillment',
      '2/-1 AD_Prepare_Complete_2',
      '3/-1 AD_Synchronization_2',
      '4/-1 AD_ComputeProperties',
      '5/-1 AD_CorrelationKeys',
      '6/-1 AD_ComputeRoleModel',
      '7/-1 AD_Provisioning_2',
      '8/-1 AD_Fulfill_2',
      // The guide's steps 10 and 11: examples/ has a resource classification rule and a profile rule context for AD.
      '9/-1 AD_UpdateClassification',
      '10/-1 AD_SetInternalUserProfiles_2',
    ]);
    // Appended after the last element, in the file's indentation.
    assert.ok(after.startsWith(before.slice(0, before.lastIndexOf('</ConfigurationFile>') - 1)));
    assert.match(after, /\n\n {2}<Job Identifier="Job_AD_Complete_2" DisplayName_L1="AD - Complete Synchronization" Agent="Local">\n {4}<ExportTask /);
  });

  it('offers nothing on other elements', () => {
    const { service, uri, text } = fixtureWorkspace('../../examples', ['Conf/AD/AD Connector.xml']);
    assert.deepEqual(refactorings(service, uri('Conf/AD/AD Connector.xml'), positionIn(text('Conf/AD/AD Connector.xml'), '<EntityType Identifier="AD_|Entry"')), []);
  });
});
