/**
 * The complete-synchronization job of one connector, built as the "Set up Complete
 * Synchronization" guide builds it, step by step, from what the index knows: the connector's
 * agent, its export and fulfilment connections, its entity types, its resource types and their
 * source entity types. Tasks the guide makes conditional (classification, profiles) are added
 * only when the configuration has what they need.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { TASK_KIND } from '../schema/schema';
import { Attr, GeneratedTask, WrittenJob } from './generatedJob';
import { ConnectorFacts, readWorkspaceFacts } from './workspaceFacts';

/** An identifier no element of the kind has yet: `base`, else `base_2`, `base_3`… */
function freeIdentifier(index: WorkspaceIndex, kind: string, base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; index.hasDefinition(kind, id) || taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** The OpenID client agent tasks call the server with: `Job` when defined (as in the guide), else the only one. */
function openIdClient(index: WorkspaceIndex): string {
  if (index.hasDefinition('OpenIdClient', 'Job')) return 'Job';
  let only: string | undefined;
  let count = 0;
  index.forEachIdentifier('OpenIdClient', (defs) => {
    only = defs[0].id;
    count++;
  });
  return count === 1 && only ? only : 'Job';
}

/** Whether an element of `element` names one of these identifiers (a classification rule, a profile rule context…). */
function namedBy(index: WorkspaceIndex, kind: string, ids: readonly string[], element: string): boolean {
  return ids.some((id) => index.references(kind, id).some((r) => r.element === element));
}

export interface CompleteSyncJob {
  job: WrittenJob;
  connector: ConnectorFacts;
}

/** The job for connector `connectorId`, or undefined when the index does not know the connector. */
export function completeSyncJob(index: WorkspaceIndex, connectorId: string): CompleteSyncJob | undefined {
  const c = readWorkspaceFacts(index).connector(connectorId);
  if (!c) return undefined;
  const taken = new Set<string>();
  const taskId = (base: string) => freeIdentifier(index, TASK_KIND, base, taken);
  const agent = c.agent ?? 'Local';
  const client = openIdClient(index);
  const ad = c.connections.some((x) => x.isActiveDirectory);
  const typed: Attr[] = ad ? [['Type', 'ActiveDirectory']] : [];
  const tasks: GeneratedTask[] = [];
  const task = (element: string, id: string, attrs: Attr[], more: Partial<Pick<GeneratedTask, 'parents' | 'entityTypes' | 'resourceTypes'>> = {}): GeneratedTask => {
    const t: GeneratedTask = { element, id, level: -1, attrs, parents: more.parents ?? [], entityTypes: more.entityTypes ?? [], resourceTypes: more.resourceTypes ?? [] };
    tasks.push(t);
    return t;
  };

  // Step 2: one export per connection that can export, ContinueOnError and IgnoreCookieFile set.
  const exportable = c.connections.filter((x) => x.canExport !== false && !x.exportOff);
  const exports = exportable.map((x) =>
    task('ExportTask', taskId(exportable.length === 1 ? `${c.id}_Export_Complete` : `${c.id}_Export_Complete_${x.id}`), [
      ['DisplayName_L1', `${c.name} - Export`],
      ['Agent', agent],
      ['OpenIdClient', client],
      ['Connector', c.id],
      ['Connection', x.id],
      ['ContinueOnError', 'true'],
      ['IgnoreCookieFile', 'true'],
    ]),
  );
  // Steps 3 and 4: prepare (depending on the exports) and synchronize, with the same Type.
  const prepare = task(
    'PrepareSynchronizationTask',
    taskId(`${c.id}_Prepare_Complete`),
    [
      ['DisplayName_L1', `${c.name} - Prepare Synchronization (complete mode)`],
      ['Agent', agent],
      ['OpenIdClient', client],
      ['Connector', c.id],
      ['SynchronizationMode', 'Complete'],
      ...typed,
    ],
    { parents: exports.map((e) => e.id) },
  );
  task('SynchronizeTask', taskId(`${c.id}_Synchronization`), [['DisplayName_L1', `${c.name} - Synchronization`], ['Connector', c.id], ...typed], { parents: [prepare.id] });
  // Steps 5 to 7: expressions and correlation keys of the connector's entity types; the role model of its resource types' sources.
  const sources = [...new Set(c.resourceTypes.map((r) => r.source).filter((s): s is string => !!s))];
  const resourceTypes = c.resourceTypes.map((r) => r.id);
  if (c.entityTypes.length > 0) {
    task('UpdateEntityPropertyExpressionsTask', taskId(`${c.id}_ComputeProperties`), [['DisplayName_L1', `${c.name} - Computed Properties Refresh`]], {
      entityTypes: c.entityTypes,
    });
    task('ComputeCorrelationKeysTask', taskId(`${c.id}_CorrelationKeys`), [['DisplayName_L1', `${c.name} - Correlation Keys`]], { entityTypes: c.entityTypes });
  }
  if (sources.length > 0) task('ComputeRoleModelTask', taskId(`${c.id}_ComputeRoleModel`), [['DisplayName_L1', `${c.name} - Role Model`]], { entityTypes: sources });
  // Steps 8 and 9: provisioning orders for the connector, fulfilled through a connection that can fulfil.
  const fulfilment = c.connections.find((x) => x.canFulfill !== false && !x.fulfillOff);
  let fulfill: GeneratedTask | undefined;
  if (resourceTypes.length > 0 && fulfilment) {
    const gpo = task('GenerateProvisioningOrdersTask', taskId(`${c.id}_Provisioning`), [
      ['DisplayName_L1', `${c.name} - Provisioning Orders`],
      ['Connector', c.id],
    ]);
    fulfill = task(
      'FulfillTask',
      taskId(`${c.id}_Fulfill`),
      [
        ['DisplayName_L1', `${c.name} - Fulfillment`],
        ['Agent', agent],
        ['OpenIdClient', client],
        ['Connector', c.id],
        ['Connection', fulfilment.id],
        ['ContinueOnError', 'true'],
      ],
      { parents: [gpo.id] },
    );
  }
  // Step 10: classification, when resource classification rules are configured for the connector.
  if (namedBy(index, 'ResourceType', resourceTypes, 'ResourceClassificationRule')) {
    task('UpdateClassificationTask', taskId(`${c.id}_UpdateClassification`), [['DisplayName_L1', `${c.name} - Update Classification`]], { entityTypes: c.entityTypes });
  }
  // Step 11: profiles, when profile rule contexts are configured, after the fulfilment.
  const profileContexts = namedBy(index, 'ResourceType', resourceTypes, 'ProfileRuleContext') || namedBy(index, 'EntityType', [...c.entityTypes, ...sources], 'ProfileRuleContext');
  if (profileContexts && fulfill) {
    task('SetInternalUserProfilesTask', taskId(`${c.id}_SetInternalUserProfiles`), [['DisplayName_L1', `${c.name} - Profiles Update`]], {
      entityTypes: c.entityTypes,
      resourceTypes,
      parents: [fulfill.id],
    });
  }
  // Step 12: the job, on the connector's agent.
  const id = freeIdentifier(index, 'Job', `Job_${c.id}_Complete`, new Set());
  return {
    connector: c,
    job: {
      id,
      attrs: [
        ['DisplayName_L1', `${c.name} - Complete Synchronization`],
        ['Agent', agent],
      ],
      tasks,
      layout: 'inline',
      withoutJob: false,
    },
  };
}
