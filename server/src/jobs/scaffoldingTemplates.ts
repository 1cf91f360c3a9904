/**
 * The job scaffoldings, as their documentation pages show them: for each, the job and tasks the
 * product generates (identifiers, element types, levels, dependencies, attributes in the
 * product's order), built from the scaffolding element and the workspace facts.
 *
 * The pages print one example each ("Generated XML"); the identifier patterns, levels and
 * attributes below are those of the 6.2 examples. Where the pages are silent (which connectors an
 * agent scaffolding includes, which package makes the Active Directory or "Changes" variant, what
 * a child element such as NoProvisioning removes, the TaskEntityType lists), the output follows
 * the examples and says so in the job's notes.
 */
import type { ScaffoldingRecord } from '../index/fileEntry';
import { Attr, GeneratedJob, GeneratedTask } from './generatedJob';
import { ConnectionFacts, ConnectorFacts, WorkspaceFacts, ordinal } from './workspaceFacts';

type Mode = 'Complete' | 'Incremental';

/** The job identifier a scaffolding generates: its JobIdentifier, or the documented fixed one. */
export function generatedJobIdentifier(s: ScaffoldingRecord): string | undefined {
  const given = s.attrs.JobIdentifier?.trim();
  if (given) return given;
  // The pages print the output of these two without a JobIdentifier; the others' formula is not documented.
  if (s.element === 'CreateInitializationJob') return 'InitializationJob';
  if (s.element === 'CleanDatabaseJob') return 'CleanDatabase';
  return undefined;
}

/** What a scaffolding generates, or a reason it generates nothing that can be named. */
export type ScaffoldingOutput = { jobs: GeneratedJob[]; unnamed?: undefined } | { jobs: []; unnamed: string };

export function generateJobs(s: ScaffoldingRecord, facts: WorkspaceFacts): ScaffoldingOutput {
  if (s.element === 'CreateConnectorsJobs') return { jobs: connectorsJobs(s, facts) };
  const id = generatedJobIdentifier(s);
  if (!id) {
    return {
      jobs: [],
      unnamed:
        'Without `JobIdentifier` the product computes the job identifier in a way its documentation does not give, ' +
        'so the generated job and tasks cannot be named here. Give `JobIdentifier` to refer to them.',
    };
  }
  const b = new JobBuilder(s, id);
  switch (s.element) {
    case 'CreateConnectorSynchroComplete':
    case 'CreateConnectorSynchroIncremental': {
      const mode: Mode = s.element.endsWith('Complete') ? 'Complete' : 'Incremental';
      const connector = facts.connector(s.attrs.Connector ?? '');
      if (!connector) b.note(`Connector '${s.attrs.Connector ?? ''}' is not defined in the workspace: only the tasks that do not depend on it are shown.`);
      synchronizationJob(b, facts, connector ? [connector] : [], mode, 'connector');
      break;
    }
    case 'CreateAgentSynchroComplete':
    case 'CreateAgentSynchroIncremental': {
      const mode: Mode = s.element.endsWith('Complete') ? 'Complete' : 'Incremental';
      synchronizationJob(b, facts, agentConnectors(b, facts, mode), mode, 'agent');
      break;
    }
    case 'CreateInitializationJob':
      initializationJob(b, agentConnectors(b, facts, 'Complete'));
      break;
    case 'CreateAccessCertificationJob':
      accessCertificationJob(b);
      break;
    case 'CleanDatabaseJob':
      b.job([['DisplayName_L1', 'Clean Database']]);
      b.task('CleanDataBase', `${id}_CleanDataBase`, 0, [
        ['DisplayName_L1', 'Clean Database'],
        ['DisplayName_L2', 'Nettoyage de la base de données'],
      ]);
      break;
  }
  return { jobs: b.finish() };
}

/** Accumulates one generated job. */
class JobBuilder {
  readonly tasks: GeneratedTask[] = [];
  readonly notes: string[] = [];
  private jobAttrs: Attr[] = [];
  readonly openId: string;
  private readonly children: ReadonlySet<string>;

  constructor(
    readonly s: ScaffoldingRecord,
    readonly id: string,
  ) {
    this.children = new Set(s.children.map((c) => c.name));
    const openId = s.children.find((c) => c.name === 'OpenIdIdentifier')?.attrs.Identifier?.trim();
    this.openId = openId || 'Job';
    if (!openId && OPEN_ID_SCAFFOLDINGS.has(s.element)) {
      this.note('No OpenIdIdentifier: agent tasks are shown with OpenIdClient="Job", as in every example of the documentation.');
    }
  }

  has(child: string): boolean {
    return this.children.has(child);
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  job(attrs: Attr[]): void {
    this.jobAttrs = attrs;
  }

  task(element: string, id: string, level: number, attrs: Attr[], more: Partial<Pick<GeneratedTask, 'parents' | 'entityTypes' | 'resourceTypes'>> = {}): GeneratedTask {
    const t: GeneratedTask = {
      element,
      id,
      level,
      attrs: withLevel(attrs, level),
      parents: more.parents ?? [],
      entityTypes: more.entityTypes ?? [],
      resourceTypes: more.resourceTypes ?? [],
    };
    this.tasks.push(t);
    return t;
  }

  /** Applies the children every job scaffolding shares (schedule, extra links), then the job. */
  finish(layout: GeneratedJob['layout'] = 'inline'): GeneratedJob[] {
    const cron = this.s.children.find((c) => c.name === 'CronTabExpression');
    let attrs = this.jobAttrs;
    if (cron?.attrs.CronTab) {
      attrs = attrs.filter(([n]) => n !== 'CronTabExpression' && n !== 'CronTimeZone');
      attrs.push(['CronTabExpression', cron.attrs.CronTab]);
      if (cron.attrs.CronTimeZone) attrs.push(['CronTimeZone', cron.attrs.CronTimeZone]);
    }
    for (const link of this.s.children.filter((c) => c.name === 'LinkDependTask')) {
      const child = this.tasks.find((t) => t.id === link.attrs.Task?.trim());
      const parent = link.attrs.DependOn?.trim();
      if (child && parent && !child.parents.includes(parent)) child.parents.push(parent);
    }
    if (this.s.children.some((c) => c.name === 'AddTask')) {
      this.note('AddTask children add existing tasks to the job: where and at which level the product inserts them is not documented, so they are not shown.');
    }
    if (this.has('DoNotCreateJob')) this.note('DoNotCreateJob: the product creates the tasks without the job.');
    return [{ id: this.id, attrs, tasks: this.tasks, scaffolding: this.s, notes: this.notes, layout, withoutJob: this.has('DoNotCreateJob') }];
  }
}

/** Scaffoldings whose agent tasks carry the OpenIdIdentifier's client. */
const OPEN_ID_SCAFFOLDINGS = new Set([
  'CreateConnectorSynchroComplete',
  'CreateConnectorSynchroIncremental',
  'CreateAgentSynchroComplete',
  'CreateAgentSynchroIncremental',
  'CreateInitializationJob',
]);

/** Level goes where the product writes it: after Connector when there is one, else after the display names. */
function withLevel(attrs: Attr[], level: number): Attr[] {
  const out = attrs.filter(([n]) => n !== 'Level');
  const after = ['Connector', 'Agent', 'DisplayName_L2', 'DisplayName_L1'].map((n) => out.findIndex(([x]) => x === n)).find((i) => i >= 0);
  out.splice(after === undefined ? 0 : after + 1, 0, ['Level', String(level)]);
  return out;
}

function display(en: string, fr: string): Attr[] {
  return [
    ['DisplayName_L1', en],
    ['DisplayName_L2', fr],
  ];
}

/** The job element's attributes: its display name as given, and its agent. */
function jobHeader(b: JobBuilder, agent: string | undefined, extra: Attr[] = []): void {
  const attrs: Attr[] = [['DisplayName_L1', b.s.attrs.DisplayName_L1?.trim() || b.id]];
  if (b.s.attrs.DisplayName_L2) attrs.push(['DisplayName_L2', b.s.attrs.DisplayName_L2]);
  if (agent) attrs.push(['Agent', agent]);
  b.job([...attrs, ...extra]);
}

/** The agent of the generated job and its agent tasks. */
function agentOf(b: JobBuilder, connectors: readonly ConnectorFacts[]): string {
  const given = b.s.attrs.Agent?.trim();
  if (given) return given;
  const agents = [...new Set(connectors.map((c) => c.agent).filter((a): a is string => !!a))];
  if (agents.length === 1) return agents[0];
  b.note("The agent could not be told from the connectors: shown as 'Local', the agent of every example of the documentation.");
  return 'Local';
}

/** Connectors an agent scaffolding includes: the agent's (or all), minus those the connector excludes. */
function agentConnectors(b: JobBuilder, facts: WorkspaceFacts, mode: Mode): ConnectorFacts[] {
  const agent = b.s.attrs.Agent?.trim();
  const excluded = new Set(b.s.children.filter((c) => c.name === 'NotUsed').map((c) => c.attrs.ConnectorIdentifier?.trim()));
  const out: ConnectorFacts[] = [];
  for (const c of facts.connectors()) {
    if (agent && c.agent && c.agent !== agent) continue;
    if (excluded.has(c.id)) continue;
    const use = mode === 'Complete' ? c.completeJob : c.incrementalJob;
    if (use === 'NotUsed' || use === '1') continue;
    // "all connectors supporting incremental synchronization" (the Create Agent Synchro Incremental page).
    if (mode === 'Incremental' && !c.connections.some((x) => x.incremental === true)) continue;
    out.push(c);
  }
  if (mode === 'Incremental') b.note("A connector supports incremental synchronization when one of its connections' packages has an incremental mode (the package pages).");
  if (!agent) b.note("No Agent on the scaffolding: every connector of the workspace is taken as the agent's.");
  b.note(
    'Which connectors the product includes is not documented beyond "all connectors" of the agent: shown are those whose ' +
      `${mode === 'Complete' ? 'CompleteJob' : 'IncrementalJob'} is not NotUsed, in the order of their identifiers.`,
  );
  return out;
}

/** The connections an export task is generated for (packages that export, export not deactivated). */
function exportConnections(b: JobBuilder, c: ConnectorFacts): ConnectionFacts[] {
  const out = c.connections.filter((x) => x.canExport !== false && !x.exportOff && !c.deactivated);
  if (out.some((x) => x.canExport === undefined)) {
    b.note(`Connector '${c.id}': a connection's package is not one the documentation lists; it is taken as able to export.`);
  }
  return out;
}

function synchronizes(c: ConnectorFacts, mode: Mode): boolean {
  const use = mode === 'Complete' ? c.completeJob : c.incrementalJob;
  return use !== 'OnlyProvisioning' && use !== '3';
}

/** `ActiveDirectory` for connectors read through the Active Directory package; `Changes` for incremental packages in incremental mode. */
function synchronizationType(c: ConnectorFacts, mode: Mode): 'ActiveDirectory' | 'Changes' | undefined {
  if (c.connections.some((x) => x.isActiveDirectory)) return 'ActiveDirectory';
  if (mode === 'Incremental' && c.connections.some((x) => x.incremental === true)) return 'Changes';
  return undefined;
}

/** Exports (level 0), prepares (1), synchronizes (2) and, incremental, the modified flag (3): one block per connector kind of task. */
function synchronizationTasks(b: JobBuilder, connectors: readonly ConnectorFacts[], mode: Mode, agent: string): GeneratedTask[] {
  const exportsOf = new Map<ConnectorFacts, GeneratedTask[]>();
  const synchronized = connectors.filter((c) => synchronizes(c, mode) && !b.has('NoSynchronization'));
  for (const c of synchronized) {
    const list: GeneratedTask[] = [];
    for (const x of exportConnections(b, c)) {
      const attrs: Attr[] = [
        ...display(`${c.name} - Extract Changes`, `${c.name} - Extraction des modifications`),
        ['Agent', agent],
        ['Connector', c.id],
        ['OpenIdClient', b.openId],
        ['Connection', x.id],
        ['ContinueOnError', 'true'],
      ];
      if (mode === 'Complete') attrs.push(['IgnoreCookieFile', 'true']);
      list.push(b.task('ExportTask', `${b.id}_Export_${c.id}_${mode}_${x.id}`, 0, attrs));
    }
    exportsOf.set(c, list);
  }
  if (synchronized.some((c) => exportsOf.get(c)!.length === 0)) {
    b.note('A connector with no connection that can export gets no export, prepare or synchronize task, as in the Create Agent Synchro Complete example.');
  }
  const withExports = synchronized.filter((c) => exportsOf.get(c)!.length > 0);
  const prepares = new Map<ConnectorFacts, GeneratedTask>();
  for (const c of withExports) {
    const type = synchronizationType(c, mode);
    const variant = type === 'ActiveDirectory' ? 'ActiveDirectory' : type === 'Changes' ? 'Changes' : '';
    const names =
      type === 'Changes'
        ? display(`${c.name} - Incremental Synchronization (agent side)`, `${c.name} - Synchronisation incrémentale (côté agent)`)
        : display(`${c.name} - Synchronization (agent side)`, `${c.name} - Synchronisation (côté agent)`);
    const attrs: Attr[] = [...names, ['Agent', agent], ['Connector', c.id], ['OpenIdClient', b.openId], ['SynchronizationMode', mode]];
    if (type) attrs.push(['Type', type]);
    prepares.set(c, b.task('PrepareSynchronizationTask', `${b.id}_PrepareSynchronization${variant}_${c.id}_${mode}`, 1, attrs, { parents: exportsOf.get(c)!.map((t) => t.id) }));
  }
  const syncs: GeneratedTask[] = [];
  for (const c of withExports) {
    const type = synchronizationType(c, mode);
    const variant = type ?? '';
    const names =
      type === 'Changes'
        ? display(`${c.name} - Synchronization (changes server side)`, `${c.name} - Synchronisation (changements côté serveur)`)
        : display(`${c.name} - Synchronization (server side)`, `${c.name} - Synchronisation (côté serveur)`);
    const attrs: Attr[] = [...names, ['Connector', c.id]];
    if (type) attrs.push(['Type', type]);
    if (mode === 'Incremental') attrs.push(['DoNotDeleteChanges', 'true']);
    const id = `${b.id}_Synchronize${variant}_${c.id}${mode === 'Incremental' ? '_DoNotDeleteChanges' : ''}`;
    syncs.push(b.task('SynchronizeTask', id, 2, attrs, { parents: [prepares.get(c)!.id] }));
  }
  if (mode === 'Incremental' && connectors.some((c) => !c.connections.some((x) => x.isActiveDirectory || x.incremental === true))) {
    b.note('The documentation shows incremental tasks for Active Directory and Microsoft Entra ID connectors only; other connectors are shown with the same pattern.');
  }
  if (mode === 'Incremental' && syncs.length > 0) {
    b.task('SetRecentlyModifiedFlagTask', `${b.id}_SetRecentlyModifiedFlag`, 3, display('Tag Modified Objects', 'Marquage des objets modifiés'), {
      parents: syncs.map((t) => t.id),
    });
  }
  return syncs;
}

function unique(list: Iterable<string | undefined>): string[] {
  return [...new Set([...list].filter((x): x is string => !!x))];
}

/** The complete or incremental synchronization job of a connector or of an agent's connectors. */
function synchronizationJob(b: JobBuilder, facts: WorkspaceFacts, connectors: readonly ConnectorFacts[], mode: Mode, scope: 'connector' | 'agent'): void {
  const agent = agentOf(b, connectors);
  jobHeader(b, agent, mode === 'Incremental' && scope === 'connector' ? [['IsIncremental', 'true']] : []);
  synchronizationTasks(b, connectors, mode, agent);
  const provisioned = connectors.filter((c) => (mode === 'Complete' ? c.completeJob : c.incrementalJob) !== 'OnlySynchronization' && !c.deactivated);
  const resourceTypes = unique(provisioned.flatMap((c) => c.resourceTypes.map((r) => r.id)));
  const sources = unique(connectors.flatMap((c) => c.resourceTypes.map((r) => r.source))).sort(ordinal);
  const entityTypes = unique([...connectors.flatMap((c) => c.entityTypes), ...sources]);
  b.note("TaskEntityType and TaskResourceType lists are computed by the server from the entity model; shown here from the connectors' entity type mappings and resource types.");
  const dirty = mode === 'Incremental';
  const withDirty = (attrs: Attr[]): Attr[] => (dirty ? [...attrs, ['Dirty', 'true']] : attrs);
  const suffix = dirty ? '_WithDirty' : '';
  const flag = dirty ? [`${b.id}_SetRecentlyModifiedFlag`].filter((id) => b.tasks.some((t) => t.id === id)) : [];
  const base = dirty ? 4 : 3;
  b.task(
    'UpdateEntityPropertyExpressionsTask',
    `${b.id}_UpdateEntityPropertyExpressions1${suffix}`,
    base,
    withDirty(display('Update Computed Properties', 'Mise à jour des propriétés calculées')),
    { entityTypes },
  );
  b.task(
    'ComputeCorrelationKeysTask',
    `${b.id}_ComputeCorrelationKeys1_AllEntities${suffix}`,
    base + 1,
    withDirty(display('Compute all Correlations', 'Calcul des corrélations')),
    { parents: flag, entityTypes },
  );
  b.task('ComputeRoleModelTask', `${b.id}_ComputeRoleModel1${suffix}`, base + 2, withDirty(display('Apply the Role Model', 'Evaluation du modèle de rôles')), {
    parents: flag,
    entityTypes: sources,
  });
  let level = base + 3;
  if (!dirty) b.task('ComputeRiskScoresTask', `${b.id}_ComputeRiskScores1`, level++, display('Compute Risk Scores', 'Calcul des scores de risques'), { entityTypes: sources });
  if (b.has('NoProvisioning')) {
    b.note('NoProvisioning: the provisioning tasks (generate provisioning orders, fulfil) are left out.');
  } else {
    const names = provisioned
      .filter((c) => c.resourceTypes.length > 0)
      .map((c) => c.name)
      .join(', ');
    const gpo = b.task(
      'GenerateProvisioningOrdersTask',
      `${b.id}_GenerateProvisioningOrders1`,
      level++,
      display(`Generate Provisioning Orders${names ? ` - ${names}` : ''}`, `Génération des ordres de provisioning${names ? ` - ${names}` : ''}`),
      { resourceTypes },
    );
    b.task(
      'FulfillTask',
      `${b.id}_Fulfill1`,
      level++,
      [
        ...display(`Fulfillment${names ? ` - ${names}` : ''}`, `Alimentation${names ? ` - ${names}` : ''}`),
        ['Agent', agent],
        ['OpenIdClient', b.openId],
        ['Dirty', dirty ? 'true' : 'false'],
        ['ContinueOnError', 'true'],
      ],
      { parents: [gpo.id], resourceTypes },
    );
  }
  if (dirty) return;
  if (scope === 'agent') {
    b.task('UpdateClassificationTask', `${b.id}_UpdateClassification`, level++, display('Resources Classification', 'Classification des ressources'));
    b.task('SetInternalUserProfilesTask', `${b.id}_SetInternalUserProfiles1`, level++, display('Assign Usercube Profiles', 'Affectation des profils Usercube'));
  }
  b.task(
    'UpdateParametersContextDisplayNamesTask',
    `${b.id}_UpdateParametersContextDisplayNames`,
    level++,
    display('Update of Parameters Context Display Names', 'Mise à jour des noms des contextes de paramètres'),
  );
  // The documented example notifies for entity types beyond the connector's: every resource type's source.
  b.task('SendRoleModelNotificationsTask', `${b.id}_SendRoleModelNotifications`, level++, display('Send Role Model Notifications', 'Envoi des notifications de modèle de rôles'), {
    entityTypes: facts.sourceEntityTypes(),
  });
  if (scope === 'agent')
    b.task(
      'ManageConfigurationIndexesTask',
      `${b.id}_ManageConfigurationIndexes`,
      level++,
      display('Manage Configuration Specific SQL Indexes', 'Gestion des index SQL liés à la configuration'),
    );
  b.task('MaintainIndexesTask', `${b.id}_MaintainIndexes`, level, display('SQL Index and Statistics Maintenance', 'Maintenance des index SQL et des statistiques'));
  b.note('Identity Manager 6.2 output; in later versions the notification task is a SendNotificationsTask named <job>_SendNotifications.');
}

/** The initialization job: the generated tasks of the documented example, by level. */
function initializationJob(b: JobBuilder, connectors: readonly ConnectorFacts[]): void {
  const agent = agentOf(b, connectors);
  jobHeader(b, agent, [
    ['IsInitializationJob', 'true'],
    ['UserStartDenied', 'true'],
  ]);
  b.task('CreateDatabaseViewsTask', `${b.id}_CreateDatabaseViews`, 0, [...display('Create the SQL Views', 'Création des vues SQL'), ['Agent', agent], ['OpenIdClient', b.openId]]);
  for (const c of connectors) {
    for (const x of exportConnections(b, c)) {
      b.task('ExportTask', `${b.id}_Export_${c.id}_Complete_${x.id}`, 1, [
        ...display(`${c.name} - Extract Changes`, `${c.name} - Extraction des modifications`),
        ['Agent', agent],
        ['Connector', c.id],
        ['OpenIdClient', b.openId],
        ['Connection', x.id],
        ['InitMode', 'true'],
        ['IgnoreCookieFile', 'true'],
      ]);
    }
  }
  const synchronized = connectors.filter((c) => exportConnections(b, c).length > 0);
  for (const c of synchronized) {
    const ad = synchronizationType(c, 'Complete') === 'ActiveDirectory';
    const attrs: Attr[] = [
      ...display(`${c.name} - Synchronization (agent side)`, `${c.name} - Synchronisation (côté agent)`),
      ['Agent', agent],
      ['Connector', c.id],
      ['OpenIdClient', b.openId],
      ['SynchronizationMode', 'Initial'],
    ];
    if (ad) attrs.push(['Type', 'ActiveDirectory']);
    b.task('PrepareSynchronizationTask', `${b.id}_PrepareSynchronization${ad ? 'ActiveDirectory' : ''}_${c.id}_Initial`, 2, attrs);
  }
  for (const c of synchronized) {
    const ad = synchronizationType(c, 'Complete') === 'ActiveDirectory';
    const attrs: Attr[] = [
      ...display(`${c.name} - Synchronization (server side)`, `${c.name} - Synchronisation (côté serveur)`),
      ['Connector', c.id],
      ['ForceSynchronization', 'true'],
    ];
    if (ad) attrs.push(['Type', 'ActiveDirectory']);
    b.task('SynchronizeTask', `${b.id}_Synchronize${ad ? 'ActiveDirectory' : ''}_${c.id}_ForceSynchronization`, 3, attrs);
  }
  // Rounds of computation and provisioning of the principal data (levels 6–20 of the example).
  for (let round = 1; round <= 3; round++) {
    const level = 1 + round * 5;
    b.task(
      'UpdateEntityPropertyExpressionsTask',
      `${b.id}_UpdateEntityPropertyExpressions${round}`,
      level,
      display('Update Computed Properties', 'Mise à jour des propriétés calculées'),
    );
    b.task('ComputeCorrelationKeysTask', `${b.id}_ComputeCorrelationKeys${round}_AllEntities`, level + 1, display('Compute all Correlations', 'Calcul des corrélations'));
    b.task('ComputeRoleModelTask', `${b.id}_ComputeRoleModel${round}`, level + 2, [
      ...display('Apply the Role Model', 'Evaluation du modèle de rôles'),
      ['BlockProvisioning', 'false'],
      ['IgnoreHistorization', 'true'],
    ]);
    b.task('GenerateProvisioningOrdersTask', `${b.id}_GenerateProvisioningOrders${round}_ForceProvisioning`, level + 3, [
      ...display('Generate Provisioning Orders - Directory', 'Génération des ordres de provisioning - Référentiel'),
      ['ForceProvisioning', 'true'],
    ]);
    b.task('FulfillTask', `${b.id}_Fulfill${round}_IgnoreHistorization`, level + 4, [
      ...display('Fulfillment - Directory', 'Alimentation - Référentiel'),
      ['Agent', agent],
      ['OpenIdClient', b.openId],
      ['Dirty', 'false'],
      ['ContinueOnError', 'true'],
      ['IgnoreHistorization', 'true'],
    ]);
  }
  b.task('UpdateEntityPropertyExpressionsTask', `${b.id}_UpdateEntityPropertyExpressions4`, 40, display('Update Computed Properties', 'Mise à jour des propriétés calculées'));
  const configuration = b.s.children.find((c) => c.name === 'Configuration')?.attrs.Path;
  b.task('DeployConfigurationTask', `${b.id}_DeployConfiguration`, 41, [
    ...display('Deploy Configuration', 'Déploiement de la configuration'),
    ...(configuration ? ([['ConfigurationDirectory', configuration]] as Attr[]) : []),
  ]);
  b.task('ComputeCorrelationKeysTask', `${b.id}_ComputeCorrelationKeys4_AllEntities`, 42, display('Compute all Correlations', 'Calcul des corrélations'));
  b.task('ComputeRoleModelTask', `${b.id}_ComputeRoleModel4`, 43, [
    ...display('Apply the Role Model', 'Evaluation du modèle de rôles'),
    ['BlockAllResourceTypeProvisioning', 'true'],
    ['BlockProvisioning', 'false'],
    ['IgnoreHistorization', 'true'],
  ]);
  b.task('ComputeRiskScoresTask', `${b.id}_ComputeRiskScores1`, 49, display('Compute Risk Scores', 'Calcul des scores de risques'));
  b.task('UpdateClassificationTask', `${b.id}_UpdateClassification`, 50, display('Resources Classification', 'Classification des ressources'));
  b.task('SetInternalUserProfilesTask', `${b.id}_SetInternalUserProfiles1`, 51, display('Assign Usercube Profiles', 'Affectation des profils Usercube'));
  b.task('ResetValidFromTask', `${b.id}_ResetValidFrom`, 52, display('Initialization of Historization', "Initialisation de l'historisation"));
  b.task(
    'UpdateParametersContextDisplayNamesTask',
    `${b.id}_UpdateParametersContextDisplayNames`,
    53,
    display('Update of Parameters Context Display Names', 'Mise à jour des noms des contextes de paramètres'),
  );
  b.task('SavePreExistingAccessRightsTask', `${b.id}_SavePreExistingAccessRights`, 54, display('Save Pre-existing Access Rights', 'Sauvegarde des droits pré-existants'));
  b.task('MaintainIndexesTask', `${b.id}_MaintainIndexes`, 55, [
    ...display('SQL Index and Statistics Maintenance', 'Maintenance des index SQL et des statistiques'),
    ['AllIndexes', 'true'],
    ['Offline', 'true'],
  ]);
  b.note('The documented output also runs Steps (Init_SetAdminProfile, Init_SuggestedRoles, the Directory exports…) that name tasks configured elsewhere; they are not shown.');
  b.note("The levels are those of the Create Initialization Job page's example; they depend on the configuration.");
}

function accessCertificationJob(b: JobBuilder): void {
  // The documented output schedules the job every 15 minutes on the server's time.
  jobHeader(b, undefined, [
    ['CronTabExpression', '*/15 * * * *'],
    ['CronTimeZone', 'ServerTime'],
  ]);
  const tasks: [string, string, string][] = [
    ['UpdateAccessCertificationCampaignTask', 'Update Access Certification Campaign', 'Mise à jour des campagnes de certifications'],
    ['SetAccessCertificationReviewerTask', 'Set Access Certification Reviewer', 'Mise à jour des valideurs pour la certification'],
    ['SendAccessCertificationNotificationTask', 'Send Access Certification Notifications', 'Envoi des notifications pour la certification'],
    ['ProcessAccessCertificationItemsTask', 'Process Access Certification Decisions', 'Traitement des décisions pour la certification'],
  ];
  tasks.forEach(([element, en, fr], level) => b.task(element, `${b.id}_${element.replace(/Task$/, '')}`, level, display(en, fr)));
}

/** One virtual job per connector, for the connector screens: `<C>_VirtualJob` running the connector's tasks. */
function connectorsJobs(s: ScaffoldingRecord, facts: WorkspaceFacts): GeneratedJob[] {
  const tasks: [string, string, string, string][] = [
    ['ExportTask', 'ConnectorExport', 'Extract Changes', 'Extraction des modifications'],
    ['PrepareSynchronizationTask', 'ConnectorPrepareSynchronization', 'Synchronization (agent side)', 'Synchronisation (côté agent)'],
    ['SynchronizeTask', 'ConnectorSynchronization', 'Synchronization (server side)', 'Synchronisation (côté serveur)'],
    ['UpdateEntityPropertyExpressionsTask', 'ConnectorExpression', 'Update Computed Properties', 'Mise à jour des propriétés calculées'],
    ['ComputeCorrelationKeysTask', 'ConnectorCorrelation', 'Compute all Correlations', 'Calcul des corrélations'],
    ['ComputeRoleModelTask', 'ConnectorPolicy', 'Apply the Role Model', 'Evaluation du modèle de rôles'],
    ['GenerateProvisioningOrdersTask', 'ConnectorGenerateOrders', 'Generate Provisioning Orders', 'Génération des ordres de provisioning'],
    ['FulfillTask', 'ConnectorFulfillment', 'Fulfillment', 'Alimentation'],
    ['UpdateClassificationTask', 'ConnectorClassification', 'Resources Classification', 'Classification des ressources'],
    ['BuildRoleModelTask', 'ConnectorBuildRoleModel', 'Build the Role Model', 'Fabrication du modèle de rôles'],
    ['RefreshSchemaTask', 'ConnectorRefreshSchema', 'Refresh the connection schema', 'Rafraîchissement des schémas des connexions'],
  ];
  return facts.connectors().map((c) => {
    const b = new JobBuilder(s, `${c.id}_VirtualJob`);
    const agent = c.agent ?? 'Local';
    b.job([
      ['DisplayName_L1', `ZZ Connectors/${c.name}`],
      ['Agent', agent],
      ['IsConnectorJob', 'true'],
      ['UserStartDenied', 'true'],
    ]);
    // The tasks are written outside the job, which runs them through Steps without Level.
    for (const [element, suffix, en, fr] of tasks) b.task(element, `${c.id}_${suffix}`, -1, [...display(`${c.name} - ${en}`, `${c.name} - ${fr}`), ['Connector', c.id]]);
    for (const t of b.tasks) t.attrs = t.attrs.filter(([n]) => n !== 'Level');
    if (!c.agent) b.note(`Connector '${c.id}' has no Agent: the job is shown on 'Local', as in the documentation's example.`);
    return b.finish('steps')[0];
  });
}
