/**
 * Every rule: a job file that triggers it (exact ranges, id, severity) and one close to it
 * that must not. The jobs are variations of one correct complete-sync job.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/registry';
import { conf, textOf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';
import { CONTEXT, E, F, G, GOOD_JOB, INCREMENTAL, P, S, U, WholeFile, X, hits, job } from '../helpers/jobs';

interface Case {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  bad: string | WholeFile;
  /** The exact characters each diagnostic covers, in order. */
  at: string[];
  good: string | WholeFile;
  message?: RegExp;
}

/** GOOD_JOB with one piece changed; the piece must be there (else the case would test GOOD_JOB itself). */
function replace(from: string, to: string): string {
  assert.ok(GOOD_JOB.includes(from), `"${from}" is not in GOOD_JOB`);
  return GOOD_JOB.replace(from, to);
}

/** GOOD_JOB with a Level on each task, in its order (export, prepare, synchronize, expressions, GPO, fulfil, profiles). */
function levelled(levels: number[]): string {
  return job([E, P, S, X, G, F, U].map((t, i) => t.replace(/(<\w+ Identifier="\w+")/, `$1 Level="${levels[i]}"`)));
}

/** A job running the tasks of GOOD_JOB again through Steps, all at level 0. */
function stepsAtLevel0(ids: string[]): string {
  return `${GOOD_JOB}\n<Job Identifier="Batch" DisplayName_L1="b" Agent="Local">\n${ids.map((id) => `  <Step Identifier="${id}" Level="0" />`).join('\n')}\n</Job>`;
}

const SCAFFOLDING = '<CreateConnectorSynchroComplete Connector="AD" JobIdentifier="AD_Scaffolded"><OpenIdIdentifier Identifier="Job" /></CreateConnectorSynchroComplete>';

/** A correct incremental job: changes kept, the flag after the synchronization, Dirty computations after it. */
const E_INC = E.replace(' IgnoreCookieFile="true"', '');
const P_INC = P.replace('"Complete"', '"Incremental"');
const S_INC = S.replace('Connector="AD"', 'Connector="AD" DoNotDeleteChanges="true"');
const FLAG = '<SetRecentlyModifiedFlagTask Identifier="AD_Flag" DisplayName_L1="m"><TaskDependsOnTask ParentTask="AD_Sync" /></SetRecentlyModifiedFlagTask>';
const INCREMENTAL_JOB = job([E_INC, P_INC, S_INC, FLAG, X.replace('DisplayName_L1="x"', 'DisplayName_L1="x" Dirty="true"')], INCREMENTAL);

const CASES: Case[] = [
  {
    rule: 'xml/well-formed',
    severity: 'error',
    bad: replace(
      '<GenerateProvisioningOrdersTask Identifier="AD_GPO" DisplayName_L1="g" Connector="AD" />',
      '<GenerateProvisioningOrdersTask Identifier="AD_GPO" DisplayName_L1="g" Connector="AD"',
    ),
    at: ['GenerateProvisioningOrdersTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'file/encoding-mojibake',
    severity: 'warning',
    bad: replace('DisplayName_L1="g"', 'DisplayName_L1="g" DisplayName_L2="Pr\uFFFDparation" DisplayName_L3="Prï¿½paration"'),
    at: ['Pr\uFFFDparation', 'Prï¿½paration'],
    good: replace('DisplayName_L1="g"', 'DisplayName_L1="g" DisplayName_L2="Préparation"'),
  },
  { rule: 'identifier/unique', severity: 'error', bad: GOOD_JOB + `\n${G}`, at: ['AD_GPO', 'AD_GPO'], good: GOOD_JOB + `\n${G.replace('AD_GPO', 'AD_GPO_2')}` },
  {
    rule: 'identifier/case-collision',
    severity: 'warning',
    bad: GOOD_JOB + '\n<Job Identifier="job_ad_complete" DisplayName_L1="j" />',
    at: ['Job_AD_Complete', 'job_ad_complete'],
    good: GOOD_JOB + '\n<Job Identifier="job_ad_other" DisplayName_L1="j" />',
  },
  {
    rule: 'task/identifier-recommended',
    severity: 'warning',
    bad: replace('Identifier="AD_GPO" ', ''),
    at: ['GenerateProvisioningOrdersTask'],
    good: GOOD_JOB + `\n${G.replace('Identifier="AD_GPO" ', '')}`,
  },
  { rule: 'reference/unresolved', severity: 'error', bad: replace('Connection="ADFulfillment"', 'Connection="ADFulfilment"'), at: ['ADFulfilment'], good: GOOD_JOB },
  { rule: 'dependency/parent-exists', severity: 'error', bad: replace('ParentTask="AD_GPO"', 'ParentTask="AD_GP0"'), at: ['AD_GP0'], good: GOOD_JOB },
  { rule: 'job/step-target-exists', severity: 'error', bad: GOOD_JOB.replace('</Job>', '  <Step Identifier="AD_Missing" />\n</Job>'), at: ['AD_Missing'], good: GOOD_JOB },
  {
    rule: 'job/override-target-exists',
    severity: 'error',
    bad: GOOD_JOB.replace('</Job>', '  <SynchronizeTaskOverride Identifier="AD_Export" />\n</Job>'),
    at: ['AD_Export'],
    good: GOOD_JOB.replace('</Job>', '  <SynchronizeTaskOverride Identifier="AD_Sync" />\n</Job>'),
  },
  { rule: 'dependency/no-self', severity: 'error', bad: replace('ParentTask="AD_Prepare"', 'ParentTask="AD_Sync"'), at: ['AD_Sync'], good: GOOD_JOB },
  {
    rule: 'dependency/no-cycle',
    severity: 'error',
    bad: replace('<TaskDependsOnTask ParentTask="AD_Export" />', '<TaskDependsOnTask ParentTask="AD_Export" />\n    <TaskDependsOnTask ParentTask="AD_Sync" />'),
    at: ['AD_Sync', 'AD_Prepare'],
    good: GOOD_JOB,
    message: /^Dependency cycle: AD_Prepare → AD_Sync → AD_Prepare\.$/,
  },
  {
    rule: 'dependency/parent-in-job',
    severity: 'warning',
    bad:
      GOOD_JOB +
      '\n<Job Identifier="Job_Other" DisplayName_L1="o" Agent="Local">\n  <SynchronizeTask Identifier="Other_Sync" DisplayName_L1="s" Connector="AD"><TaskDependsOnTask ParentTask="AD_Prepare" /></SynchronizeTask>\n</Job>',
    at: ['AD_Prepare'],
    good:
      GOOD_JOB +
      '\n<Job Identifier="Job_Other" DisplayName_L1="o" Agent="Local">\n  <Step Identifier="AD_Export" />\n  <Step Identifier="AD_Prepare" />\n  <SynchronizeTask Identifier="Other_Sync" DisplayName_L1="s" Connector="AD"><TaskDependsOnTask ParentTask="AD_Prepare" /></SynchronizeTask>\n</Job>',
  },
  { rule: 'job/duplicate-task', severity: 'warning', bad: GOOD_JOB.replace('</Job>', '  <Step Identifier="AD_Export" />\n</Job>'), at: ['AD_Export'], good: GOOD_JOB },
  {
    rule: 'job/crontab-attribute-casing',
    severity: 'error',
    bad: replace('Agent="Local">', 'Agent="Local" CrontabExpression="0 2 * * *">'),
    at: ['CrontabExpression'],
    good: replace('Agent="Local">', 'Agent="Local" CronTabExpression="0 2 * * *">'),
  },
  {
    rule: 'job/crontab-syntax',
    severity: 'error',
    bad: replace('Agent="Local">', 'Agent="Local" CronTabExpression="0 25 * * *">'),
    at: ['0 25 * * *'],
    good: replace('Agent="Local">', 'Agent="Local" CronTabExpression="*/15 6-20 * JAN-DEC MON-FRI">'),
  },
  {
    rule: 'job/parent-level',
    severity: 'warning',
    bad: levelled([0, 0, 2, 3, 4, 5, 6]),
    at: ['AD_Export'],
    good: levelled([0, 1, 2, 3, 4, 5, 6]),
    message: /^Parent task 'AD_Export' runs at the same level \(0\) as this task in job 'Job_AD_Complete'/,
  },
  {
    rule: 'job/batch-size',
    severity: 'info',
    bad: stepsAtLevel0(['AD_Export', 'AD_Prepare', 'AD_Sync', 'AD_Expressions', 'AD_GPO', 'AD_Fulfill']),
    at: ['AD_Fulfill'],
    good: stepsAtLevel0(['AD_Export', 'AD_Prepare', 'AD_Sync', 'AD_Expressions', 'AD_GPO']),
    message: /^Level 0 of job 'Batch' has 6 tasks, more than Jobs.MaxTaskBatchSize \(5, the default\): the agent runs them as 2 levels/,
  },
  {
    rule: 'scaffolding/generated-id-collision',
    severity: 'warning',
    bad: `${GOOD_JOB}\n${SCAFFOLDING}\n<FulfillTask Identifier="AD_Scaffolded_Fulfill1" DisplayName_L1="f" Connector="AD" Connection="ADFulfillment" />`,
    at: ['AD_Scaffolded_Fulfill1'],
    good: `${GOOD_JOB}\n${SCAFFOLDING}\n<FulfillTask Identifier="AD_Scaffolded_Fulfill1" ConsolidationMode="Merge" DisplayName_L1="f" />`,
  },
  {
    rule: 'scaffolding/job-identifier-collision',
    severity: 'error',
    bad: `${GOOD_JOB}\n${SCAFFOLDING.replace('AD_Scaffolded', 'Job_AD_Complete')}`,
    at: ['Job_AD_Complete'],
    good: `${GOOD_JOB}\n${SCAFFOLDING}`,
  },
  {
    rule: 'scaffolding/openididentifier-required',
    severity: 'warning',
    bad: `${GOOD_JOB}\n<CreateConnectorSynchroComplete Connector="AD" JobIdentifier="AD_Scaffolded" />`,
    at: ['CreateConnectorSynchroComplete'],
    good: `${GOOD_JOB}\n${SCAFFOLDING}`,
  },
  { rule: 'job/agent-consistency', severity: 'error', bad: replace('DisplayName_L1="e" Agent="Local"', 'DisplayName_L1="e" Agent="Remote"'), at: ['Remote'], good: GOOD_JOB },
  { rule: 'attribute/required', severity: 'error', bad: replace('DisplayName_L1="s" Connector="AD"', 'DisplayName_L1="s"'), at: ['SynchronizeTask'], good: GOOD_JOB },
  {
    rule: 'attribute/unknown',
    severity: 'warning',
    bad: replace('DisplayName_L1="g" Connector="AD"', 'DisplayName_L1="g" Connector="AD" Conector="AD"'),
    at: ['Conector="AD"'],
    good: replace('DisplayName_L1="g"', 'DisplayName_L1="g" DisplayName_L2="g" BatchSelectSize="10"'),
  },
  {
    rule: 'attribute/enum',
    severity: 'error',
    bad: replace('Agent="Local">', 'Agent="Local" LogLevel="Verbose">'),
    at: ['Verbose'],
    good: replace('Agent="Local">', 'Agent="Local" LogLevel="Debug">'),
  },
  {
    rule: 'attribute/boolean',
    severity: 'error',
    bad: replace('ContinueOnError="true" IgnoreCookieFile="true"', 'ContinueOnError="yes" IgnoreCookieFile="true"'),
    at: ['yes'],
    good: replace('ContinueOnError="true" IgnoreCookieFile="true"', 'ContinueOnError="1" IgnoreCookieFile="True"'),
  },
  { rule: 'xml/duplicate-attribute', severity: 'error', bad: replace('Connector="AD" />', 'Connector="AD" Connector="AD" />'), at: ['Connector="AD"'], good: GOOD_JOB },
  {
    rule: 'multilingual/index-range',
    severity: 'error',
    bad: replace('DisplayName_L1="g"', 'DisplayName_L1="g" DisplayName_L17="g"'),
    at: ['DisplayName_L17'],
    good: replace('DisplayName_L1="g"', 'DisplayName_L1="g" DisplayName_L16="g"'),
  },
  {
    rule: 'taskentitytype/attribute-name',
    severity: 'error',
    bad: replace('<TaskEntityType EntityType="AD_Entry" />', '<TaskEntityType Identifier="AD_Entry" />'),
    at: ['Identifier'],
    good: GOOD_JOB,
  },
  {
    rule: 'agenttask/agent-openidclient-required',
    severity: 'error',
    bad: replace('Agent="Local" OpenIdClient="Job" Connector="AD" Connection="ADExport"', 'Agent="Local" Connector="AD" Connection="ADExport"'),
    at: ['ExportTask'],
    good: GOOD_JOB,
  },
  { rule: 'export/connection-required', severity: 'error', bad: replace(' Connection="ADExport"', ''), at: ['ExportTask'], good: GOOD_JOB },
  {
    rule: 'fulfill/target-required',
    severity: 'error',
    bad: replace('DisplayName_L1="f" Connector="AD" Connection="ADFulfillment"', 'DisplayName_L1="f"'),
    at: ['FulfillTask'],
    good: replace(
      'DisplayName_L1="f" Connector="AD" Connection="ADFulfillment" ContinueOnError="true">',
      'DisplayName_L1="f" ContinueOnError="true">\n    <TaskResourceType ResourceType="RT" />',
    ),
  },
  {
    rule: 'generateprovisioning/target-required',
    severity: 'error',
    bad: replace('DisplayName_L1="g" Connector="AD" />', 'DisplayName_L1="g" />'),
    at: ['GenerateProvisioningOrdersTask'],
    good: replace('DisplayName_L1="g" Connector="AD" />', 'DisplayName_L1="g"><TaskResourceType ResourceType="RT" /></GenerateProvisioningOrdersTask>'),
  },
  {
    rule: 'legacy/task-element',
    severity: 'error',
    bad: GOOD_JOB + '\n<SynchronizeActiveDirectoryTask Identifier="Old" DisplayName_L1="o" />',
    at: ['SynchronizeActiveDirectoryTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'deprecated/sendrolemodelnotifications',
    severity: 'info',
    bad: GOOD_JOB.replace('</Job>', '  <SendRoleModelNotificationsTask Identifier="AD_Notify" DisplayName_L1="n" />\n</Job>'),
    at: ['SendRoleModelNotificationsTask'],
    good: GOOD_JOB.replace('</Job>', '  <SendNotificationsTask Identifier="AD_Notify" DisplayName_L1="n" />\n</Job>'),
  },
  {
    rule: 'sync-complete/prepare-mode-complete',
    severity: 'error',
    bad: replace('SynchronizationMode="Complete"', 'SynchronizationMode="Incremental"'),
    at: ['Incremental'],
    good: job([E, P, S], INCREMENTAL).replace('SynchronizationMode="Complete"', 'SynchronizationMode="Incremental"'),
  },
  {
    rule: 'sync-complete/no-donotdeletechanges',
    severity: 'error',
    bad: replace('DisplayName_L1="s" Connector="AD"', 'DisplayName_L1="s" Connector="AD" DoNotDeleteChanges="false"'),
    at: ['DoNotDeleteChanges="false"'],
    good: job([E, P.replace('"Complete"', '"Incremental"'), S.replace('Connector="AD"', 'Connector="AD" DoNotDeleteChanges="true"')], INCREMENTAL),
  },
  {
    rule: 'sync-complete/no-forceprovisioning',
    severity: 'error',
    bad: replace('DisplayName_L1="g" Connector="AD"', 'DisplayName_L1="g" Connector="AD" ForceProvisioning="true"'),
    at: ['ForceProvisioning="true"'],
    good: replace('DisplayName_L1="g" Connector="AD"', 'DisplayName_L1="g" Connector="AD" ForceProvisioning="false"'),
  },
  {
    rule: 'sync-complete/no-validation-task',
    severity: 'warning',
    bad: GOOD_JOB.replace('</Job>', '  <SynchronizationValidationTask Identifier="V" DisplayName_L1="v" />\n</Job>'),
    at: ['SynchronizationValidationTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'sync-complete/no-initial-flags',
    severity: 'error',
    bad: replace('IgnoreCookieFile="true" />', 'IgnoreCookieFile="true" InitMode="true" />').replace('SynchronizationMode="Complete"', 'SynchronizationMode="Initial"'),
    at: ['InitMode="true"', 'Initial'],
    good: replace('IgnoreCookieFile="true" />', 'IgnoreCookieFile="true" InitMode="false" />'),
  },
  {
    rule: 'sync-complete/not-incremental',
    severity: 'warning',
    bad: replace('DisplayName_L1="x"', 'DisplayName_L1="x" Dirty="true"'),
    at: ['Dirty="true"'],
    good: replace('DisplayName_L1="x"', 'DisplayName_L1="x" Dirty="false"'),
  },
  {
    rule: 'sync-complete/order',
    severity: 'warning',
    bad: job([E, P, G, S, X, F, U]),
    at: ['SynchronizeTask', 'UpdateEntityPropertyExpressionsTask'],
    good: GOOD_JOB,
    message: /^SynchronizeTask should come before GenerateProvisioningOrdersTask in a complete job\.$/,
  },
  {
    rule: 'synchronize/type-matches-prepare',
    severity: 'error',
    bad: replace('Connector="AD" SynchronizationMode="Complete"', 'Connector="AD" SynchronizationMode="Complete" Type="ActiveDirectory"'),
    at: ['SynchronizeTask'],
    good: replace('Connector="AD" SynchronizationMode="Complete"', 'Connector="AD" SynchronizationMode="Complete" Type="ActiveDirectory"').replace(
      'DisplayName_L1="s"',
      'DisplayName_L1="s" Type="ActiveDirectory"',
    ),
  },
  {
    rule: 'export/ignore-cookie-on-complete',
    severity: 'warning',
    bad: replace('IgnoreCookieFile="true"', 'IgnoreCookieFile="false"'),
    at: ['false'],
    good: job([E.replace(' IgnoreCookieFile="true"', ''), P.replace('"Complete"', '"Incremental"')], INCREMENTAL),
  },
  { rule: 'export/continue-on-error', severity: 'info', bad: replace(' ContinueOnError="true" IgnoreCookieFile', ' IgnoreCookieFile'), at: ['ExportTask'], good: GOOD_JOB },
  {
    rule: 'prepare/depends-on-export',
    severity: 'warning',
    bad: replace('<TaskDependsOnTask ParentTask="AD_Export" />', ''),
    at: ['PrepareSynchronizationTask'],
    good: job([P.replace('<TaskDependsOnTask ParentTask="AD_Export" />', ''), S, X, G, F, U]),
  },
  {
    rule: 'synchronize/depends-on-export-or-prepare',
    severity: 'warning',
    bad: replace('<TaskDependsOnTask ParentTask="AD_Prepare" />', ''),
    at: ['SynchronizeTask'],
    good: replace('<TaskDependsOnTask ParentTask="AD_Prepare" />', '<TaskDependsOnTask ParentTask="AD_Export" />'),
  },
  {
    rule: 'generateprovisioning/connector-matches-prepare',
    severity: 'warning',
    bad: replace('DisplayName_L1="g" Connector="AD"', 'DisplayName_L1="g" Connector="HR"'),
    at: ['HR'],
    good: GOOD_JOB,
  },
  { rule: 'fulfill/depends-on-generate-provisioning', severity: 'error', bad: replace('<TaskDependsOnTask ParentTask="AD_GPO" />', ''), at: ['FulfillTask'], good: GOOD_JOB },
  {
    rule: 'fulfill/continue-on-error',
    severity: 'info',
    bad: replace('Connection="ADFulfillment" ContinueOnError="true"', 'Connection="ADFulfillment"'),
    at: ['FulfillTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'setinternaluserprofiles/depends-on-fulfill',
    severity: 'warning',
    bad: replace('<TaskDependsOnTask ParentTask="AD_Fulfill" />', ''),
    at: ['SetInternalUserProfilesTask'],
    good: GOOD_JOB,
  },

  {
    rule: 'file/root',
    severity: 'error',
    bad: { file: '<Job Identifier="J" DisplayName_L1="j" xmlns="urn:schemas-usercube-com:configuration" />' },
    at: ['Job'],
    good: { file: '<Connector Name="HR" DefaultEncoding="UTF-8"><File Name="users.csv" /></Connector>' },
  },
  {
    rule: 'file/namespace',
    severity: 'error',
    bad: { file: '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuraton">\n<Job Identifier="J" DisplayName_L1="j" />\n</ConfigurationFile>' },
    at: ['urn:schemas-usercube-com:configuraton'],
    good: { file: '<Catalog xmlns="urn:example:books"><Book /></Catalog>' },
  },
  {
    rule: 'xml/unknown-element',
    severity: 'error',
    bad: GOOD_JOB.replace('</Job>', '  <UpdateClasificationTask Identifier="AD_Classify" DisplayName_L1="c" />\n</Job>'),
    at: ['UpdateClasificationTask'],
    good: GOOD_JOB + '\n<DisplayTable Identifier="AD_Entry" EntityType="AD_Entry"><DisplayTableColumn Property="dn" /></DisplayTable>',
    message: /did you mean <UpdateClassificationTask>\?$/,
  },
  {
    rule: 'connection/identifier-format',
    severity: 'error',
    bad: replace('Connection="ADExport"', 'Connection="AD_Export"') + '\n<Connection Identifier="AD_Export" DisplayName_L1="e" Connector="AD" Package="Usercube.LDAP@0000001" />',
    at: ['AD_Export', 'AD_Export'],
    good: GOOD_JOB + '\n<Connection Identifier="AD.Export-2" DisplayName_L1="e" Connector="AD" Package="Usercube.LDAP@0000001" />',
  },
  { rule: 'export/connection-of-connector', severity: 'error', bad: replace('Connection="ADExport"', 'Connection="HRExport"'), at: ['HRExport'], good: GOOD_JOB },
  { rule: 'fulfill/connection-of-connector', severity: 'error', bad: replace('Connection="ADFulfillment"', 'Connection="HRExport"'), at: ['HRExport'], good: GOOD_JOB },
  {
    rule: 'fulfill/no-connection-with-resourcetypes',
    severity: 'error',
    bad: replace('<TaskDependsOnTask ParentTask="AD_GPO" />', '<TaskDependsOnTask ParentTask="AD_GPO" />\n    <TaskResourceType ResourceType="RT" />'),
    at: ['FulfillTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'job/agent-required-for-agent-tasks',
    severity: 'error',
    bad: replace('DisplayName_L1="AD complete" Agent="Local"', 'DisplayName_L1="AD complete"'),
    at: ['Job'],
    good: job([X, G], 'Identifier="Job_Server" DisplayName_L1="server tasks"'),
  },
  { rule: 'job/mode-contradiction', severity: 'error', bad: job([E, P, S], INCREMENTAL), at: ['IsIncremental="true"'], good: INCREMENTAL_JOB },
  {
    rule: 'synchronize/has-prepare',
    severity: 'warning',
    bad: job([E, S.replace('<TaskDependsOnTask ParentTask="AD_Prepare" />', '<TaskDependsOnTask ParentTask="AD_Export" />'), X, G, F, U]),
    at: ['SynchronizeTask'],
    good: GOOD_JOB,
  },
  {
    rule: 'prepare/type-for-ad-or-changes',
    severity: 'warning',
    bad: GOOD_JOB + '\n<Connection Identifier="ADDirSync" DisplayName_L1="d" Connector="AD" Package="Usercube.AD@0000001" />',
    at: ['PrepareSynchronizationTask'],
    good:
      replace('SynchronizationMode="Complete"', 'SynchronizationMode="Complete" Type="ActiveDirectory"').replace(
        'DisplayName_L1="s"',
        'DisplayName_L1="s" Type="ActiveDirectory"',
      ) + '\n<Connection Identifier="ADDirSync" DisplayName_L1="d" Connector="AD" Package="Usercube.AD@0000001" />',
  },
  {
    rule: 'computerolemodel/source-entitytypes',
    severity: 'info',
    bad:
      GOOD_JOB +
      '\n<EntityType Identifier="HR_Person" />\n<ComputeRoleModelTask Identifier="AD_RoleModel" DisplayName_L1="r"><TaskEntityType EntityType="HR_Person" /></ComputeRoleModelTask>',
    at: ['HR_Person'],
    good: GOOD_JOB + '\n<ComputeRoleModelTask Identifier="AD_RoleModel" DisplayName_L1="r"><TaskEntityType EntityType="AD_Entry" /></ComputeRoleModelTask>',
  },
  {
    rule: 'updateclassification/needs-classification-rule',
    severity: 'info',
    bad: GOOD_JOB + '\n<UpdateClassificationTask Identifier="AD_Classify" DisplayName_L1="c"><TaskEntityType EntityType="AD_Entry" /></UpdateClassificationTask>',
    at: ['UpdateClassificationTask'],
    good:
      GOOD_JOB +
      '\n<UpdateClassificationTask Identifier="AD_Classify" DisplayName_L1="c"><TaskEntityType EntityType="AD_Entry" /></UpdateClassificationTask>\n<ResourceClassificationRule ResourceType="RT" Policy="P" />',
  },
  {
    rule: 'setinternaluserprofiles/needs-profile-rule-context',
    severity: 'info',
    bad: replace('<TaskResourceType ResourceType="RT" />', '<TaskEntityType EntityType="AD_Entry" />'),
    at: ['SetInternalUserProfilesTask'],
    good: GOOD_JOB,
  },
  { rule: 'sync-incremental/donotdeletechanges-required', severity: 'warning', bad: job([E_INC, P_INC, S, FLAG], INCREMENTAL), at: ['SynchronizeTask'], good: INCREMENTAL_JOB },
  { rule: 'sync-incremental/setrecentlymodifiedflag-after-sync', severity: 'warning', bad: INCREMENTAL_JOB.replace(FLAG, ''), at: ['SynchronizeTask'], good: INCREMENTAL_JOB },
  {
    rule: 'sync-incremental/dirty-after-flag',
    severity: 'warning',
    bad: job([E_INC, '<ComputeCorrelationKeysTask Identifier="AD_Keys" DisplayName_L1="k" Dirty="true" />', P_INC, S_INC, FLAG, X], INCREMENTAL),
    at: ['Dirty="true"', 'UpdateEntityPropertyExpressionsTask'],
    good: INCREMENTAL_JOB,
  },
];

describe('rules', () => {
  it('the reference complete-sync job is clean', () => {
    const text = conf(GOOD_JOB);
    const service = workspace({ 'context.xml': CONTEXT, 'job.xml': text }, ['job.xml', 'context.xml']);
    assert.deepEqual(
      service.validate(uriOf('job.xml')).map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.deepEqual(
      service.validate(uriOf('context.xml')).map((d) => `${d.code}: ${d.message}`),
      [],
    );
  });

  it('xml/duplicate-attribute: every repetition after the first, on a few attributes or many', () => {
    const few = '<Job Identifier="J" DisplayName_L1="j" Agent="A1" Agent="A2" Agent="A3" />';
    assert.deepEqual(
      hits('xml/duplicate-attribute', few).map((f) => f.text),
      ['Agent="A2"', 'Agent="A3"'],
    );
    // More attributes than the pairwise comparison takes: the same findings through a set.
    const names = Array.from({ length: 18 }, (_, i) => `X${i}="${i}"`).join(' ');
    const many = `<Job Identifier="J" DisplayName_L1="j" ${names} Agent="A1" Agent="A2" X3="again" />`;
    assert.deepEqual(
      hits('xml/duplicate-attribute', many).map((f) => f.text),
      ['Agent="A2"', 'X3="again"'],
    );
  });

  it('sync-incremental/dirty-after-flag: tasks written in the job and tasks reached through Steps, open or on disk', () => {
    // The tasks are written in a complete job; an incremental job runs four of them through Steps
    // (in document order: no Level): the correlation keys before the flag, the expressions after it.
    const keys = '<ComputeCorrelationKeysTask Identifier="AD_Keys" DisplayName_L1="k" Dirty="true" />';
    const steps = ['AD_Keys', 'AD_Sync', 'AD_Flag', 'AD_Expressions'].map((id) => `<Step Identifier="${id}" />`);
    const text = conf(`${job([E, keys, P, S_INC, FLAG, X])}\n${job(steps, INCREMENTAL)}`);
    // The same tasks written in the incremental job itself, the correlation keys twice (Dirty="false" before the flag is fine).
    const written = conf(job([E_INC, keys, keys.replace('AD_Keys', 'AD_Keys2').replace('"true"', '"false"'), P_INC, S_INC, FLAG, X], INCREMENTAL));
    for (const body of [text, written]) {
      for (const open of [['job.xml'], []]) {
        const service = workspace({ 'context.xml': CONTEXT, 'job.xml': body }, open);
        // A file on disk is checked with its text read again, as the command line checks it.
        const found = service.validate(uriOf('job.xml'), open.length > 0 ? {} : { text: body }).filter((d) => d.code === 'sync-incremental/dirty-after-flag');
        assert.deepEqual(
          found.map((d) => textOf(body, d.range)),
          ['Dirty="true"', 'UpdateEntityPropertyExpressionsTask'],
          `${body === text ? 'Steps' : 'written'}, ${open.length > 0 ? 'open' : 'on disk'}`,
        );
      }
    }
  });

  it('every registered rule has a case here', () => {
    const tested = new Set(CASES.map((c) => c.rule));
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !tested.has(id)),
      [],
    );
  });

  for (const c of CASES) {
    describe(c.rule, () => {
      it(`reports ${c.at.map((a) => `"${a}"`).join(', ')} as ${c.severity}`, () => {
        const found = hits(c.rule, c.bad);
        assert.deepEqual(
          found.map((f) => [f.text, f.severity]),
          c.at.map((a) => [a, c.severity]),
        );
        if (c.message) assert.match(found[0].message, c.message);
      });
      it('stays silent on the close case', () => {
        assert.deepEqual(hits(c.rule, c.good), []);
      });
    });
  }
});
