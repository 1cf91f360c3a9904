/**
 * The incremental job (`IsIncremental="true"`), as the "Set Up Incremental Synchronization"
 * guide and the Create Connector Synchro Incremental scaffolding build it: the synchronization
 * keeps the resources missing from a changes export (`DoNotDeleteChanges="true"`), a
 * SetRecentlyModifiedFlagTask marks what changed, and the computations after it work on the
 * marked resources only (`Dirty="true"`).
 */
import { TaskRecord } from '../index/fileEntry';
import { attribute } from '../model/xmlTree';
import { isConsolidation } from './attributeRules';
import { JobTask, JobView } from './jobModel';
import { Rule, fileRule } from './rule';
import { RuleContext } from './ruleContext';
import { attributeSpan, nameSpan } from './ranges';
import { isTrue } from './values';

const SOURCE = 'the Set Up Incremental Synchronization guide; the Configure an Incremental Job page; the Create Connector Synchro Incremental page (its generated job)';

/** The tasks the scaffolding marks `Dirty="true"` after the flag task. */
const DIRTY_AFTER_FLAG = ['UpdateEntityPropertyExpressionsTask', 'ComputeCorrelationKeysTask', 'ComputeRoleModelTask'];

function isIncremental(job: JobView): boolean {
  return isTrue(job.job.attrs.IsIncremental);
}

interface Positions {
  /** Where a task runs in its job: by Level when every task of the job has one, else in document order. */
  at: Map<JobTask, number>;
  /** Where its SetRecentlyModifiedFlagTasks run: the first and the last (undefined: none). */
  firstFlag?: number;
  lastFlag?: number;
}

/** Once per job view (views are shared by the checks of every file the job reaches). */
const positionsOfView = new WeakMap<JobView, Positions>();

function positions(job: JobView): Positions {
  let known = positionsOfView.get(job);
  if (known) return known;
  const levels = job.tasks.map((t) => Number(t.task.attrs.Level?.trim()));
  const byLevel = levels.every((l) => Number.isInteger(l));
  known = { at: new Map(job.tasks.map((t, i) => [t, byLevel ? levels[i] : i])) };
  for (const t of job.tasks) {
    if (t.task.element !== 'SetRecentlyModifiedFlagTask') continue;
    const p = known.at.get(t)!;
    if (known.firstFlag === undefined || p < known.firstFlag) known.firstFlag = p;
    if (known.lastFlag === undefined || p > known.lastFlag) known.lastFlag = p;
  }
  positionsOfView.set(job, known);
  return known;
}

/** Each (task of this file, its element, its job) for the incremental jobs that run tasks of type `element`. */
function forEachIncrementalTask(ctx: RuleContext, element: string | undefined, visit: (t: JobTask, job: JobView, at: Positions) => void): void {
  const done = new Set<TaskRecord>();
  for (const job of ctx.jobs()) {
    if (!isIncremental(job)) continue;
    const at = positions(job);
    for (const t of job.tasksIn(ctx.entry.uri)) {
      if ((element && t.task.element !== element) || done.has(t.task)) continue;
      done.add(t.task);
      visit(t, job, at);
    }
  }
}

export const incrementalKeepsChanges: Rule = fileRule({
  id: 'sync-incremental/donotdeletechanges-required',
  severity: 'warning',
  source: SOURCE,
  explanation:
    'In an incremental job the export returns only the changes, so the SynchronizeTask must not delete what it does not see: it sets ' +
    '`DoNotDeleteChanges="true"`, as the incremental scaffolding does.',
  fixes: { 'set-attribute': 'suggestion' },
  check(ctx, report) {
    forEachIncrementalTask(ctx, 'SynchronizeTask', (t) => {
      const el = ctx.startTagOf(t.task);
      if (!el || isConsolidation(el)) return;
      const a = attribute(el, 'DoNotDeleteChanges');
      if (a && isTrue(a.value)) return;
      report({
        ...(a ? attributeSpan(a) : nameSpan(el)),
        message: 'A SynchronizeTask of an incremental job sets DoNotDeleteChanges="true": otherwise the resources the changes export leaves out are deleted.',
        fixes: [{ fix: 'set-attribute', attribute: 'DoNotDeleteChanges', value: 'true' }],
      });
    });
  },
});

export const incrementalFlagAfterSync: Rule = fileRule({
  id: 'sync-incremental/setrecentlymodifiedflag-after-sync',
  severity: 'warning',
  source: SOURCE,
  explanation:
    'After the synchronization, an incremental job runs a SetRecentlyModifiedFlagTask: it marks the resources that changed, so that the ' +
    'tasks after it (`Dirty="true"`) work on those only. Reported on the SynchronizeTask of an incremental job with no such task after it.',
  check(ctx, report) {
    forEachIncrementalTask(ctx, 'SynchronizeTask', (t, job, at) => {
      if (at.lastFlag !== undefined && at.lastFlag > at.at.get(t)!) return;
      const el = ctx.startTagOf(t.task);
      if (el) report({ ...nameSpan(el), message: `Incremental job '${job.job.id}' runs no SetRecentlyModifiedFlagTask after this synchronization.` });
    });
  },
});

export const incrementalDirtyAfterFlag: Rule = fileRule({
  id: 'sync-incremental/dirty-after-flag',
  severity: 'warning',
  source: SOURCE,
  explanation:
    'In an incremental job, the tasks that compute on the changed resources come after the SetRecentlyModifiedFlagTask and say ' +
    '`Dirty="true"`: a `Dirty="true"` task before the flag finds nothing marked, and an UpdateEntityPropertyExpressions, ' +
    'ComputeCorrelationKeys or ComputeRoleModel task after it without `Dirty="true"` works on every resource.',
  fixes: { 'set-attribute': 'suggestion' },
  check(ctx, report) {
    forEachIncrementalTask(ctx, undefined, (t, _job, at) => {
      const firstFlag = at.firstFlag;
      if (firstFlag === undefined) return;
      const here = at.at.get(t)!;
      // Only a task before the flag that says Dirty="true", or one of DIRTY_AFTER_FLAG after it,
      // can be reported: no other start tag is read. A task written in the job says it in its
      // record (its attributes as written); one reached through a Step is read (its record may
      // carry the attributes of a task override).
      const after = here > firstFlag && DIRTY_AFTER_FLAG.includes(t.task.element);
      if (!after && (here >= firstFlag || (!t.step && !isTrue(t.task.attrs.Dirty)))) return;
      const el = ctx.startTagOf(t.task);
      if (!el || isConsolidation(el)) return;
      const dirty = attribute(el, 'Dirty');
      if (dirty && isTrue(dirty.value) && here < firstFlag) {
        report({ ...attributeSpan(dirty), message: 'This Dirty="true" task runs before the SetRecentlyModifiedFlagTask: no resource is marked yet.' });
      } else if (!(dirty && isTrue(dirty.value)) && DIRTY_AFTER_FLAG.includes(t.task.element) && here > firstFlag) {
        report({
          ...(dirty ? attributeSpan(dirty) : nameSpan(el)),
          message: `This ${t.task.element} runs after the SetRecentlyModifiedFlagTask of an incremental job: set Dirty="true" so that it works on the changed resources only.`,
          fixes: [{ fix: 'set-attribute', attribute: 'Dirty', value: 'true' }],
        });
      }
    });
  },
});

export const INCREMENTAL_RULES: readonly Rule[] = [incrementalKeepsChanges, incrementalFlagAfterSync, incrementalDirtyAfterFlag];
