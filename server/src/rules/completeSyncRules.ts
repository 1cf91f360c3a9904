/**
 * The complete-synchronization job, step by step as the "Set up Complete Synchronization" guide
 * builds it (steps 2 to 12): mode, forbidden flags, the dependencies each task needs, the
 * canonical order. These rules look at every complete job that runs a task of the file (Steps
 * reach across files) and report where the task is written.
 */
import { TaskRecord } from '../index/fileEntry';
import { attribute } from '../model/xmlTree';
import { TASK_KIND, completeSyncRank } from '../schema/schema';
import { JobTask, JobView } from './jobModel';
import { FixDataOf } from '../fixes/fixData';
import { Report, Rule, fileRule } from './rule';
import { RuleContext, TaskTag } from './ruleContext';
import { attributeSpan, nameSpan, valueSpan } from './ranges';
import { isTrue } from './values';

/** Calls `visit` for each task of this file that a complete job runs, with its element. */
function forEachCompleteTask(ctx: RuleContext, element: string, visit: (task: TaskRecord, el: TaskTag, job: JobView) => void): void {
  const done = new Set<TaskRecord>();
  for (const job of ctx.jobs()) {
    if (!job.complete) continue;
    for (const t of job.tasksIn(ctx.entry.uri)) {
      if (t.task.element !== element || done.has(t.task)) continue;
      const el = ctx.startTagOf(t.task);
      if (!el) continue;
      done.add(t.task);
      visit(t.task, el, job);
    }
  }
}

/** The connector a task works on; an export's comes from its connection. */
function connectorOf(ctx: RuleContext, task: TaskRecord): string | undefined {
  const own = task.attrs.Connector?.trim();
  if (own) return own;
  const connection = task.attrs.Connection?.trim();
  if (!connection) return undefined;
  return ctx.index.definitions('Connection', connection)[0]?.attrs?.Connector?.trim();
}

function tasksOf(job: JobView, element: string): JobTask[] {
  return job.tasks.filter((t) => t.task.element === element);
}

/** Named tasks of the job that could be the missing parent, same connector first. */
function candidates(ctx: RuleContext, job: JobView, elements: string[], connector: string | undefined): string[] {
  const named = job.tasks.filter((t) => elements.includes(t.task.element) && t.task.id);
  const same = connector ? named.filter((t) => connectorOf(ctx, t.task) === connector) : [];
  const pool = same.length > 0 ? same : connector ? named.filter((t) => !connectorOf(ctx, t.task)) : named;
  return [...new Set(pool.sort((a, b) => elements.indexOf(a.task.element) - elements.indexOf(b.task.element)).map((t) => t.task.id!))];
}

function dependsOnAny(task: TaskRecord, ids: readonly string[]): boolean {
  return task.parents.some((p) => ids.includes(p));
}

export const prepareModeComplete = fileRule({
  id: 'sync-complete/prepare-mode-complete',
  severity: 'error',
  source: 'the Set up Complete Synchronization guide, step 3',
  explanation:
    'In a complete job, the PrepareSynchronizationTask says `SynchronizationMode="Complete"`; only a change-type prepare task (`Type="Changes"`) may leave it out. ' +
    'Another mode turns the job into an incremental (or initial) synchronization.',
  fixes: { 'set-mode': 'suggestion' },
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'PrepareSynchronizationTask', (task, el) => {
      const mode = attribute(el, 'SynchronizationMode');
      if (!mode) {
        if (task.attrs.Type?.trim() !== 'Changes')
          report({ ...nameSpan(el), message: 'This prepare task of a complete job needs SynchronizationMode="Complete".', fixes: [{ fix: 'set-mode' }] });
      } else if (mode.value.trim() !== 'Complete' && mode.value.trim() !== 'Initial') {
        report({ ...valueSpan(mode), message: `SynchronizationMode is '${mode.value}' in a complete job: it must be 'Complete'.`, fixes: [{ fix: 'set-mode' }] });
      }
    }),
});

export const noDoNotDeleteChanges = fileRule({
  id: 'sync-complete/no-donotdeletechanges',
  severity: 'error',
  source: 'the Set up Complete Synchronization guide, step 4',
  explanation:
    'A complete synchronization deletes the resources missing from the export; `DoNotDeleteChanges` (whatever its value) belongs to incremental jobs and must not be present.',
  fixes: { 'remove-attribute': 'suggestion' },
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'SynchronizeTask', (_task, el) => {
      const a = attribute(el, 'DoNotDeleteChanges');
      if (a)
        report({
          ...attributeSpan(a),
          message: 'DoNotDeleteChanges must not be present in a complete job.',
          fixes: [{ fix: 'remove-attribute', attribute: 'DoNotDeleteChanges' }],
        });
    }),
});

export const noForceProvisioning = fileRule({
  id: 'sync-complete/no-forceprovisioning',
  severity: 'error',
  source: 'the Set up Complete Synchronization guide, step 8; the Usercube-Invoke-Job page',
  explanation: '`ForceProvisioning` must not be true: the job state machine forces provisioning by itself when a blocked job is resumed. Only the initialization job sets it.',
  fixes: { 'remove-attribute': 'suggestion' },
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'GenerateProvisioningOrdersTask', (_task, el) => {
      const a = attribute(el, 'ForceProvisioning');
      if (a && isTrue(a.value))
        report({ ...attributeSpan(a), message: 'ForceProvisioning must not be set in a complete job.', fixes: [{ fix: 'remove-attribute', attribute: 'ForceProvisioning' }] });
    }),
});

export const noValidationTask = fileRule({
  id: 'sync-complete/no-validation-task',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 4; the Usercube-Invoke-Job page',
  explanation: 'A synchronization validation task is not needed: the job state machine validates a blocked synchronization when the job is resumed.',
  check: (ctx, report) => {
    // No such element in the text: no job of the file needs to be looked into.
    if (ctx.text !== undefined && !ctx.text.includes('<SynchronizationValidation')) return;
    for (const job of ctx.jobs()) {
      if (!job.complete || job.job.uri !== ctx.entry.uri) continue;
      const jobEl = ctx.elementStartingAt(job.job.start);
      for (const child of jobEl?.children ?? []) {
        if (/^SynchronizationValidation/.test(child.name))
          report({ ...nameSpan(child), message: 'A complete job needs no synchronization validation task: the state machine runs it.' });
      }
    }
  },
});

export const noInitialFlags = fileRule({
  id: 'sync-complete/no-initial-flags',
  severity: 'error',
  source: 'the Create Initialization Job page (its generated job; inferred)',
  explanation:
    '`SynchronizationMode="Initial"`, `ForceSynchronization="true"` and `InitMode="true"` belong to the initialization job; in a complete job they bypass thresholds or archiving.',
  fixes: { 'set-mode': 'suggestion', 'remove-attribute': 'suggestion' },
  check: (ctx, report) => {
    const flag = (el: TaskTag, name: string, bad: (v: string) => boolean, fix: FixDataOf<'set-mode' | 'remove-attribute'>) => {
      const a = attribute(el, name);
      if (a && bad(a.value))
        report({
          ...(name === 'SynchronizationMode' ? valueSpan(a) : attributeSpan(a)),
          message: `${name}="${a.value}" is for the initialization job, not a complete job.`,
          fixes: [fix],
        });
    };
    forEachCompleteTask(ctx, 'PrepareSynchronizationTask', (_t, el) => flag(el, 'SynchronizationMode', (v) => v.trim() === 'Initial', { fix: 'set-mode' }));
    forEachCompleteTask(ctx, 'SynchronizeTask', (_t, el) => flag(el, 'ForceSynchronization', isTrue, { fix: 'remove-attribute', attribute: 'ForceSynchronization' }));
    forEachCompleteTask(ctx, 'ExportTask', (_t, el) => flag(el, 'InitMode', isTrue, { fix: 'remove-attribute', attribute: 'InitMode' }));
  },
});

export const notIncremental = fileRule({
  id: 'sync-complete/not-incremental',
  severity: 'warning',
  source: 'the Create Connector Synchro Complete and Incremental pages (their generated jobs); the SetRecentlyModifiedFlagTask page (inferred)',
  explanation: 'A complete job does not mark resources as recently modified: a SetRecentlyModifiedFlagTask or `Dirty="true"` belongs to incremental jobs.',
  fixes: { 'remove-attribute': 'suggestion' },
  check: (ctx, report) => {
    forEachCompleteTask(ctx, 'SetRecentlyModifiedFlagTask', (_t, el) =>
      report({ ...nameSpan(el), message: 'SetRecentlyModifiedFlagTask belongs to incremental jobs, not a complete job.' }),
    );
    for (const job of ctx.jobs()) {
      if (!job.complete) continue;
      for (const t of job.tasksIn(ctx.entry.uri)) {
        const el = isTrue(t.task.attrs.Dirty) ? ctx.startTagOf(t.task) : undefined;
        const a = el && attribute(el, 'Dirty');
        if (a) report({ ...attributeSpan(a), message: 'Dirty="true" belongs to incremental jobs, not a complete job.', fixes: [{ fix: 'remove-attribute', attribute: 'Dirty' }] });
      }
    }
  },
});

/** Export, prepare, synchronize: the ranks that repeat once per connector. */
const LAST_SYNCHRONIZATION_RANK = completeSyncRank('SynchronizeTask')!;

/** The job's tasks in launch order: by Level when it has levels (then document order), else document order. */
function inLaunchOrder(job: JobView): JobTask[] {
  if (!job.tasks.some((t) => t.level !== undefined)) return job.tasks;
  return [...job.tasks].sort((a, b) => (a.level ?? -1) - (b.level ?? -1));
}

export const canonicalOrder = fileRule({
  id: 'sync-complete/order',
  severity: 'warning',
  source:
    'the Set up Complete Synchronization guide, steps 2 to 12; the Job page (Level); the Create Connector Synchro Complete and Create Agent Synchro Complete pages (their levels)',
  explanation:
    'A complete job runs its tasks by Level, or from top to bottom without levels. It exports, prepares and synchronizes first ' +
    '(all exports, then all prepares, then all synchronizations, or connector after connector), then computes expressions, ' +
    'correlation keys and the role model, generates provisioning orders, fulfils, updates classifications and profiles, and notifies.',
  check: (ctx, report) => {
    for (const job of ctx.jobs()) {
      if (!job.complete || job.job.uri !== ctx.entry.uri) continue;
      // After synchronization: one order for the whole job.
      let highest: { rank: number; element: string } | undefined;
      // Export, prepare, synchronize: one order per connector.
      const perConnector = new Map<string | undefined, { rank: number; element: string }>();
      for (const t of inLaunchOrder(job)) {
        const rank = completeSyncRank(t.task.element);
        if (rank === undefined) continue;
        const at = t.step ?? (t.task.uri === ctx.entry.uri && !t.task.generatedBy ? nameSpan(t.task) : undefined);
        const connector = connectorOf(ctx, t.task);
        const before = highest && rank < highest.rank ? highest : rank <= LAST_SYNCHRONIZATION_RANK ? perConnector.get(connector) : undefined;
        if (before && rank < before.rank) {
          if (at) report({ ...at, message: `${t.task.element} should come before ${before.element} in a complete job.` });
          continue;
        }
        if (rank > LAST_SYNCHRONIZATION_RANK) highest = { rank, element: t.task.element };
        else perConnector.set(connector, { rank, element: t.task.element });
      }
    }
  },
});

export const synchronizeTypeMatchesPrepare = fileRule({
  id: 'synchronize/type-matches-prepare',
  severity: 'error',
  source: 'the Set up Complete Synchronization guide, step 4; the Create Connector Synchro Complete page (its generated job)',
  explanation: 'The SynchronizeTask reads what the PrepareSynchronizationTask of its connector prepared: both have the same `Type` (ActiveDirectory, Changes or none).',
  fixes: { 'set-type': 'suggestion' },
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'SynchronizeTask', (task, el, job) => {
      const connector = task.attrs.Connector?.trim();
      const prepare = tasksOf(job, 'PrepareSynchronizationTask').find((p) => p.task.attrs.Connector?.trim() === connector);
      if (!prepare) return;
      const want = prepare.task.attrs.Type?.trim() || 'None';
      const typeAttr = attribute(el, 'Type');
      const have = typeAttr?.value.trim() || 'None';
      if (want === have) return;
      report({
        ...(typeAttr ? valueSpan(typeAttr) : nameSpan(el)),
        message: `The prepare task of connector '${connector}' has Type '${want}': this SynchronizeTask must have the same Type (now '${have}').`,
        fixes: [{ fix: 'set-type', type: want }],
      });
    }),
});

export const exportIgnoreCookie = fileRule({
  id: 'export/ignore-cookie-on-complete',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 2; the Create Connector Synchro Complete and Create Agent Synchro Complete pages (their generated jobs)',
  explanation:
    'An export in a complete job sets `IgnoreCookieFile="true"`: otherwise an incremental-capable export only returns the changes since its last cookie, and the complete synchronization deletes everything else.',
  fixes: { 'set-attribute': 'suggestion' },
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'ExportTask', (_t, el) => {
      const a = attribute(el, 'IgnoreCookieFile');
      if (a && isTrue(a.value)) return;
      report({
        ...(a ? valueSpan(a) : nameSpan(el)),
        message: 'An export in a complete job should set IgnoreCookieFile="true".',
        fixes: [{ fix: 'set-attribute', attribute: 'IgnoreCookieFile', value: 'true' }],
      });
    }),
});

/** The guide's advice of ContinueOnError="true" on the tasks of type `element`. */
function adviseContinueOnError(element: string): (ctx: RuleContext, report: Report<'set-attribute'>) => void {
  return (ctx, report) =>
    forEachCompleteTask(ctx, element, (_t, el) => {
      const a = attribute(el, 'ContinueOnError');
      if (a && isTrue(a.value)) return;
      report({
        ...(a ? valueSpan(a) : nameSpan(el)),
        message: `The Set up Complete Synchronization guide advises ContinueOnError="true" on ${element}s, so that one failure does not block the job.`,
        fixes: [{ fix: 'set-attribute', attribute: 'ContinueOnError', value: 'true' }],
      });
    });
}

export const exportContinueOnError = fileRule({
  id: 'export/continue-on-error',
  severity: 'info',
  source: 'the Set up Complete Synchronization guide, step 2',
  explanation:
    'The Set up Complete Synchronization guide advises starting with `ContinueOnError="true"` on exports, so that a failing export ends in warning instead of stopping the job.',
  fixes: { 'set-attribute': 'suggestion' },
  check: adviseContinueOnError('ExportTask'),
});

export const fulfillContinueOnError = fileRule({
  id: 'fulfill/continue-on-error',
  severity: 'info',
  source: 'the Set up Complete Synchronization guide, step 9',
  explanation: 'The Set up Complete Synchronization guide advises starting with `ContinueOnError="true"` on fulfilment tasks, so that a failing fulfilment does not block the job.',
  fixes: { 'set-attribute': 'suggestion' },
  check: adviseContinueOnError('FulfillTask'),
});

interface Dependency {
  /** The dependent task's type. */
  child: string;
  /** The types of task it should depend on, the preferred first. */
  parents: string[];
  /** Only a parent of the child's connector counts. */
  sameConnector: boolean;
  /** Reported only when the job runs a task of a parent type. */
  onlyWhenParentsExist: boolean;
}

/** A task of type `child`, in a complete job, that depends on no task of the `parents` types. */
function reportMissingDependency({ child, parents, sameConnector, onlyWhenParentsExist }: Dependency): (ctx: RuleContext, report: Report<'add-dependency'>) => void {
  return (ctx, report) =>
    forEachCompleteTask(ctx, child, (task, el, job) => {
      const connector = sameConnector ? connectorOf(ctx, task) : undefined;
      // A parent whose connector cannot be told (an export of an undefined connection) may be the one.
      const ofConnector = (t: JobTask) => {
        const c = connectorOf(ctx, t.task);
        return c === undefined || connector === undefined || c === connector;
      };
      const pool = job.tasks.filter((t) => parents.includes(t.task.element) && (!sameConnector || ofConnector(t)));
      if (onlyWhenParentsExist && pool.length === 0) return;
      if (
        dependsOnAny(
          task,
          pool.map((t) => t.task.id).filter((x): x is string => !!x),
        )
      )
        return;
      // A dependency on any task of the right type counts (another connector's, another job's).
      if (!sameConnector && task.parents.some((p) => ctx.index.definitions(TASK_KIND, p).some((d) => parents.includes(d.element)))) return;
      const names = parents.join(' or ');
      report({
        ...nameSpan(el),
        message: `This ${child}${task.id ? ` '${task.id}'` : ''} should depend on ${pool.length === 1 && pool[0].task.id ? `'${pool[0].task.id}'` : `a ${names}`} (TaskDependsOnTask).`,
        fixes: [{ fix: 'add-dependency', candidates: candidates(ctx, job, parents, connector) }],
      });
    });
}

export const prepareDependsOnExport = fileRule({
  id: 'prepare/depends-on-export',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 3; the Create Connector Synchro Complete page (its generated job)',
  explanation: "When the job exports the connector's data, its PrepareSynchronizationTask depends on those exports, so that it checks their final state before preparing.",
  fixes: { 'add-dependency': 'suggestion' },
  check: reportMissingDependency({ child: 'PrepareSynchronizationTask', parents: ['ExportTask'], sameConnector: true, onlyWhenParentsExist: true }),
});

export const synchronizeDependsOnExportOrPrepare = fileRule({
  id: 'synchronize/depends-on-export-or-prepare',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 4 (on the export); the Create Connector Synchro Complete page (on the prepare task)',
  explanation:
    "The SynchronizeTask depends on its connector's prepare task (as the scaffoldings do) or on its exports (as the Set up Complete Synchronization guide does): it must not run when they failed.",
  fixes: { 'add-dependency': 'suggestion' },
  check: reportMissingDependency({ child: 'SynchronizeTask', parents: ['PrepareSynchronizationTask', 'ExportTask'], sameConnector: true, onlyWhenParentsExist: true }),
});

export const fulfillDependsOnGenerateProvisioning = fileRule({
  id: 'fulfill/depends-on-generate-provisioning',
  severity: 'error',
  source: 'the Set up Complete Synchronization guide, step 9; the Create Connector Synchro Complete page (its generated job)',
  explanation: 'A FulfillTask depends directly on the GenerateProvisioningOrdersTask: when no new provisioning order was produced, the fulfilment must not run.',
  fixes: { 'add-dependency': 'suggestion' },
  check: reportMissingDependency({ child: 'FulfillTask', parents: ['GenerateProvisioningOrdersTask'], sameConnector: false, onlyWhenParentsExist: false }),
});

export const setInternalUserProfilesDependsOnFulfill = fileRule({
  id: 'setinternaluserprofiles/depends-on-fulfill',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 11',
  explanation: 'The SetInternalUserProfilesTask depends on a FulfillTask: when the fulfilment ended in warning, did not start or did nothing, updating profiles is useless.',
  fixes: { 'add-dependency': 'suggestion' },
  check: reportMissingDependency({ child: 'SetInternalUserProfilesTask', parents: ['FulfillTask'], sameConnector: false, onlyWhenParentsExist: false }),
});

export const generateProvisioningConnectorMatchesPrepare = fileRule({
  id: 'generateprovisioning/connector-matches-prepare',
  severity: 'warning',
  source: 'the Set up Complete Synchronization guide, step 8',
  explanation: 'The GenerateProvisioningOrdersTask of a complete job works on the connector set in the PrepareSynchronizationTask.',
  check: (ctx, report) =>
    forEachCompleteTask(ctx, 'GenerateProvisioningOrdersTask', (_task, el, job) => {
      const a = attribute(el, 'Connector');
      const prepared = new Set(
        tasksOf(job, 'PrepareSynchronizationTask')
          .map((p) => p.task.attrs.Connector?.trim())
          .filter(Boolean),
      );
      if (!a || prepared.size === 0 || prepared.has(a.value.trim())) return;
      report({ ...valueSpan(a), message: `Connector '${a.value}' is not the connector this job prepares (${[...prepared].join(', ')}).` });
    }),
});

export const COMPLETE_SYNC_RULES: readonly Rule[] = [
  prepareModeComplete,
  noDoNotDeleteChanges,
  noForceProvisioning,
  noValidationTask,
  noInitialFlags,
  notIncremental,
  canonicalOrder,
  synchronizeTypeMatchesPrepare,
  exportIgnoreCookie,
  exportContinueOnError,
  prepareDependsOnExport,
  synchronizeDependsOnExportOrPrepare,
  generateProvisioningConnectorMatchesPrepare,
  fulfillDependsOnGenerateProvisioning,
  fulfillContinueOnError,
  setInternalUserProfilesDependsOnFulfill,
];
