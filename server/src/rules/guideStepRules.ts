/**
 * What the steps of the "Set up Complete Synchronization" guide ask of a task beyond its own
 * attributes: a prepare task for every synchronization, the prepare task's `Type` for Active
 * Directory, and the configuration that makes steps 7, 10 and 11 useful.
 */
import { TaskRecord } from '../index/fileEntry';
import { revisionMemo } from '../index/revisionMemo';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { XmlElement, attribute } from '../model/xmlTree';
import { ACTIVE_DIRECTORY_PACKAGE } from '../schema/schema';
import { isConsolidation } from './attributeRules';
import { isGeneratedTask } from './generatedTasks';
import { JobView } from './jobModel';
import { Rule, fileRule } from './rule';
import { RuleContext, TaskElement, TaskTag } from './ruleContext';
import { nameSpan, valueSpan } from './ranges';

/**
 * Calls `visit` once for each task of this file of type `element` that a job runs (complete jobs
 * only if asked). Generated tasks are left out: every rule here skips them and reports a task
 * within its element (as forEachTaskElement).
 */
function forEachJobTask(ctx: RuleContext, element: string, completeOnly: boolean, visit: (task: TaskRecord, el: TaskTag, job: JobView) => void): void {
  const done = new Set<TaskRecord>();
  for (const job of ctx.jobs()) {
    if (completeOnly && !job.complete) continue;
    for (const t of job.tasksIn(ctx.entry.uri)) {
      if (t.task.element !== element || done.has(t.task) || isGeneratedTask(ctx, t.task)) continue;
      const el = ctx.startTagOf(t.task);
      if (!el || isConsolidation(el)) continue;
      done.add(t.task);
      visit(t.task, el, job);
    }
  }
}

/** Each task element of this file of type `element`, in a job or not, with its children; not generated ones. */
function forEachTaskElement(ctx: RuleContext, element: string, visit: (el: TaskElement) => void): void {
  for (const task of ctx.entry.tasks) {
    if (task.element !== element || isGeneratedTask(ctx, task)) continue;
    const el = ctx.subtreeOf(task);
    if (el && !isConsolidation(el)) visit(el);
  }
}

function entityTypesOf(el: TaskElement): { el: XmlElement; id: string }[] {
  const out: { el: XmlElement; id: string }[] = [];
  for (const c of el.children) {
    const id = c.name === 'TaskEntityType' ? attribute(c, 'EntityType')?.value.trim() : undefined;
    if (id) out.push({ el: c, id });
  }
  return out;
}

/** The resource types of the whole configuration, by the entity types on their two sides. */
interface ResourceTypeSides {
  count: number;
  /** Entity types that are the source of some resource type. */
  sources: Set<string>;
  /** Resource type identifiers by their target entity type. */
  byTarget: Map<string, string[]>;
}

/**
 * Computed again only when a resource type changes (with the inputs of job scaffoldings), not
 * on every keystroke in a job file: the configuration can define thousands.
 */
const resourceTypesOf = revisionMemo(
  (index: WorkspaceIndex, kind: 'ResourceType'): ResourceTypeSides => {
    const out: ResourceTypeSides = { count: 0, sources: new Set(), byTarget: new Map() };
    index.forEachIdentifier(kind, (defs) => {
      const a = defs[0].attrs;
      const source = a?.SourceEntityType?.trim();
      const target = a?.TargetEntityType?.trim();
      out.count++;
      if (source) out.sources.add(source);
      if (!target) return;
      const ids = out.byTarget.get(target);
      if (ids) ids.push(defs[0].id);
      else out.byTarget.set(target, [defs[0].id]);
    });
    return out;
  },
  (index) => index.generatorRevision,
);

function resourceTypes(ctx: RuleContext): ResourceTypeSides {
  return resourceTypesOf(ctx.index, 'ResourceType');
}

export const synchronizeHasPrepare: Rule = fileRule({
  id: 'synchronize/has-prepare',
  severity: 'warning',
  source: 'the SynchronizeTask page (the data it loads is collected by a PrepareSynchronizationTask); the Set up Complete Synchronization guide, steps 3 and 4',
  skipsGenerated: true,
  explanation:
    'A SynchronizeTask loads what the PrepareSynchronizationTask of its connector prepared: a job that synchronizes a connector also prepares it. ' +
    'Reported when no PrepareSynchronizationTask of the same `Connector` runs in the job.',
  check(ctx, report) {
    forEachJobTask(ctx, 'SynchronizeTask', false, (task, el, job) => {
      const connector = task.attrs.Connector?.trim();
      if (!connector) return;
      if (job.tasks.some((t) => t.task.element === 'PrepareSynchronizationTask' && t.task.attrs.Connector?.trim() === connector)) return;
      report({ ...nameSpan(el), message: `Job '${job.job.id}' synchronizes connector '${connector}' but runs no PrepareSynchronizationTask for it.` });
    });
  },
});

/** The connectors some connection of which uses the Active Directory package, computed again only when a connection changes. */
const activeDirectoryConnectors = revisionMemo(
  (index: WorkspaceIndex, kind: 'Connection') => {
    const out = new Set<string>();
    index.forEachIdentifier(kind, (defs) => {
      const a = defs[0].attrs;
      const connector = a?.Connector?.trim();
      if (connector && a?.Package?.trim() === ACTIVE_DIRECTORY_PACKAGE) out.add(connector);
    });
    return out;
  },
  (index) => index.generatorRevision,
);

/** Whether the connector's connections use the Active Directory package. */
function isActiveDirectoryConnector(ctx: RuleContext, connector: string): boolean {
  return activeDirectoryConnectors(ctx.index, 'Connection').has(connector);
}

export const prepareTypeForAdOrChanges: Rule = fileRule({
  id: 'prepare/type-for-ad-or-changes',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 3; the Create Connector Synchro Complete page (its Active Directory tasks)',
  skipsGenerated: true,
  explanation:
    'The guide says to give the PrepareSynchronizationTask a `Type` for an Active Directory or a Changes connector. An Active Directory ' +
    'connector is one whose connections use the `Usercube.AD@0000001` package: its prepare task in a complete job needs `Type="ActiveDirectory"`. ' +
    'The documentation does not say what makes a connector a Changes connector, so a missing `Type="Changes"` is not reported.',
  fixes: { 'set-attribute': 'suggestion' },
  check(ctx, report) {
    forEachJobTask(ctx, 'PrepareSynchronizationTask', true, (task, el) => {
      const connector = task.attrs.Connector?.trim();
      if (!connector || attribute(el, 'Type') || !isActiveDirectoryConnector(ctx, connector)) return;
      report({
        ...nameSpan(el),
        message: `Connector '${connector}' is an Active Directory connector: its prepare task needs Type="ActiveDirectory".`,
        fixes: [{ fix: 'set-attribute', attribute: 'Type', value: 'ActiveDirectory' }],
      });
    });
  },
});

export const computeRoleModelSourceEntityTypes: Rule = fileRule({
  id: 'computerolemodel/source-entitytypes',
  severity: 'info',
  source: 'the Set up Complete Synchronization guide, step 7',
  skipsGenerated: true,
  explanation:
    "A ComputeRoleModelTask's TaskEntityTypes are the source entity types of resource types (`ResourceType@SourceEntityType`), whose " +
    'target entity types the connector provides. Reported when the configuration defines resource types and none has this source ' +
    'entity type: the task computes nothing for it.',
  check(ctx, report) {
    let types: ResourceTypeSides | undefined;
    forEachTaskElement(ctx, 'ComputeRoleModelTask', (el) => {
      types ??= resourceTypes(ctx);
      if (types.count === 0) return;
      for (const { el: child, id } of entityTypesOf(el)) {
        if (types.sources.has(id)) continue;
        const a = attribute(child, 'EntityType')!;
        report({ ...valueSpan(a), message: `No resource type has '${id}' as its SourceEntityType: the role model has nothing to compute for it.` });
      }
    });
  },
});

/** Whether an element of type `element` names one of `ids` of `kind` (ResourceClassificationRule@ResourceType…). */
function referencedBy(ctx: RuleContext, element: string, kind: string, ids: readonly string[]): boolean {
  return ids.some((id) => ctx.index.references(kind, id).some((r) => r.element === element));
}

export const updateClassificationNeedsRule: Rule = fileRule({
  id: 'updateclassification/needs-classification-rule',
  severity: 'info',
  source: 'the Set up Complete Synchronization guide, step 10; the UpdateClassificationTask page',
  skipsGenerated: true,
  explanation:
    'Resource classification is needed when resource classification rules (`ResourceClassificationRule`) are configured for the ' +
    "connector's resource types. Reported when the task's entity types are the targets of resource types and no classification rule " +
    'names any of those resource types: the task has nothing to classify.',
  check(ctx, report) {
    forEachTaskElement(ctx, 'UpdateClassificationTask', (el) => {
      const entityTypes = entityTypesOf(el).map((e) => e.id);
      if (entityTypes.length === 0) return;
      const byTarget = resourceTypes(ctx).byTarget;
      const classified = entityTypes.flatMap((e) => byTarget.get(e) ?? []);
      if (classified.length === 0 || referencedBy(ctx, 'ResourceClassificationRule', 'ResourceType', classified)) return;
      report({
        ...nameSpan(el),
        message: `No ResourceClassificationRule classifies the resource types of ${entityTypes.map((e) => `'${e}'`).join(', ')}: this task has nothing to do.`,
      });
    });
  },
});

export const setInternalUserProfilesNeedsContext: Rule = fileRule({
  id: 'setinternaluserprofiles/needs-profile-rule-context',
  severity: 'info',
  source: 'the Set up Complete Synchronization guide, step 11; the SetInternalUserProfilesTask page',
  skipsGenerated: true,
  explanation:
    'Profile assignment is needed when profile rule contexts (`ProfileRuleContext`) are configured. Reported when the task lists entity ' +
    'types or resource types and no ProfileRuleContext names any of them: the task assigns no profile.',
  check(ctx, report) {
    forEachTaskElement(ctx, 'SetInternalUserProfilesTask', (el) => {
      const entityTypes = entityTypesOf(el).map((e) => e.id);
      const resourceTypeIds = el.children
        .filter((c) => c.name === 'TaskResourceType')
        .map((c) => attribute(c, 'ResourceType')?.value.trim() ?? '')
        .filter(Boolean);
      if (entityTypes.length === 0 && resourceTypeIds.length === 0) return;
      if (referencedBy(ctx, 'ProfileRuleContext', 'EntityType', entityTypes) || referencedBy(ctx, 'ProfileRuleContext', 'ResourceType', resourceTypeIds)) return;
      report({ ...nameSpan(el), message: 'No ProfileRuleContext names the entity types or resource types of this task: it assigns no profile.' });
    });
  },
});

export const GUIDE_STEP_RULES: readonly Rule[] = [
  synchronizeHasPrepare,
  prepareTypeForAdOrChanges,
  computeRoleModelSourceEntityTypes,
  updateClassificationNeedsRule,
  setInternalUserProfilesNeedsContext,
];
