/**
 * One correct complete-sync job for AD, task by task, and the context it refers to: rule and
 * quick-fix tests write their cases as small variations of it. Its connections use the generic
 * LDAP package, so that its prepare task needs no Type (prepare/type-for-ad-or-changes).
 */
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { conf, textOf } from './cursor';
import { uriOf, workspace } from './workspace';

export const CONTEXT = conf(`<Agent Identifier="Local" DisplayName_L1="Local" />
<Agent Identifier="Remote" DisplayName_L1="Remote" />
<Profile Identifier="Pr" DisplayName_L1="p" />
<OpenIdClient Identifier="Job" DisplayName_L1="Job" HashedSecret="x" Profile="Pr" />
<Connector Identifier="AD" DisplayName_L1="AD" Agent="Local" />
<Connector Identifier="HR" DisplayName_L1="HR" Agent="Local" />
<Connection Identifier="ADExport" DisplayName_L1="e" Connector="AD" Package="Usercube.LDAP@0000001" />
<Connection Identifier="ADFulfillment" DisplayName_L1="f" Connector="AD" Package="Usercube.LDAP@0000001" />
<Connection Identifier="HRExport" DisplayName_L1="h" Connector="HR" Package="Usercube.CSV@0000001" />
<EntityType Identifier="AD_Entry" DisplayName_L1="e" />
<Policy Identifier="P" DisplayName_L1="p" />
<ResourceType Identifier="RT" DisplayName_L1="rt" Policy="P" SourceEntityType="AD_Entry" TargetEntityType="AD_Entry" />
<ProfileRuleContext ResourceType="RT"><ProfileRule Profile="Pr" /></ProfileRuleContext>`);

export const E = `<ExportTask Identifier="AD_Export" DisplayName_L1="e" Agent="Local" OpenIdClient="Job" Connector="AD" Connection="ADExport" ContinueOnError="true" IgnoreCookieFile="true" />`;
export const P = `<PrepareSynchronizationTask Identifier="AD_Prepare" DisplayName_L1="p" Agent="Local" OpenIdClient="Job" Connector="AD" SynchronizationMode="Complete">
    <TaskDependsOnTask ParentTask="AD_Export" />
  </PrepareSynchronizationTask>`;
export const S = `<SynchronizeTask Identifier="AD_Sync" DisplayName_L1="s" Connector="AD">
    <TaskDependsOnTask ParentTask="AD_Prepare" />
  </SynchronizeTask>`;
export const X = `<UpdateEntityPropertyExpressionsTask Identifier="AD_Expressions" DisplayName_L1="x">
    <TaskEntityType EntityType="AD_Entry" />
  </UpdateEntityPropertyExpressionsTask>`;
export const G = `<GenerateProvisioningOrdersTask Identifier="AD_GPO" DisplayName_L1="g" Connector="AD" />`;
export const F = `<FulfillTask Identifier="AD_Fulfill" DisplayName_L1="f" Connector="AD" Connection="ADFulfillment" ContinueOnError="true">
    <TaskDependsOnTask ParentTask="AD_GPO" />
  </FulfillTask>`;
export const U = `<SetInternalUserProfilesTask Identifier="AD_Profiles" DisplayName_L1="u">
    <TaskResourceType ResourceType="RT" />
    <TaskDependsOnTask ParentTask="AD_Fulfill" />
  </SetInternalUserProfilesTask>`;

export function job(tasks: string[], attrs = 'Identifier="Job_AD_Complete" DisplayName_L1="AD complete" Agent="Local"'): string {
  return `<Job ${attrs}>\n  ${tasks.join('\n  ')}\n</Job>`;
}

export const GOOD_JOB = job([E, P, S, X, G, F, U]);
export const INCREMENTAL = 'Identifier="Job_AD_Incremental" DisplayName_L1="AD incremental" Agent="Local" IsIncremental="true"';

export const SEVERITY = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info' } as Record<number, string>;

/** A whole file, given as it is (not wrapped in a ConfigurationFile by `hits`). */
export interface WholeFile {
  file: string;
}

/** The places a rule reports in a job file (with the context file beside it). */
export function hits(rule: string, body: string | WholeFile): { text: string; severity: string; message: string }[] {
  const text = typeof body === 'string' ? conf(body) : body.file;
  const service = workspace({ 'context.xml': CONTEXT, 'job.xml': text }, ['job.xml']);
  return service
    .validate(uriOf('job.xml'))
    .filter((d) => d.code === rule)
    .map((d) => ({ text: textOf(text, d.range), severity: SEVERITY[d.severity!], message: d.message }));
}
