/** The TaskDependsOnTask graph: no task depends on itself, no cycle, parents inside the job. */
import { ReferenceFacts } from '../index/indexFacts';
import { TASK_KIND } from '../schema/schema';
import { dependencyCycles } from './dependencyCycles';
import { Rule, indexRule } from './rule';

function dependencies(refs: readonly ReferenceFacts[]): ReferenceFacts[] {
  return refs.filter((r) => r.attribute === 'ParentTask' && r.task !== undefined);
}

export const noSelfDependency: Rule = indexRule({
  id: 'dependency/no-self',
  severity: 'error',
  source: 'the Job page (dependent tasks; inferred)',
  explanation: 'A task cannot depend on itself: the job would wait for it forever, or the server refuses the job.',
  checkIndex({ entry }, report) {
    for (const r of dependencies(entry.references)) {
      if (r.id === r.task) report({ start: r.start, end: r.end, message: `Task '${r.task}' depends on itself.` });
    }
  },
});

export const noDependencyCycle: Rule = indexRule({
  id: 'dependency/no-cycle',
  severity: 'error',
  source: 'the Job page (dependent tasks; inferred)',
  explanation:
    'TaskDependsOnTask links form a cycle (A depends on B, which depends on A, possibly through other tasks and files): ' +
    'none of these tasks can ever start. Every link of the cycle is reported.',
  checkIndex({ entry, index }, report) {
    const deps = dependencies(entry.references).filter((r) => r.id !== r.task); // dependency/no-self
    if (deps.length === 0) return;
    // Only links inside a group of tasks that depend on each other close a cycle (dependencyCycles.ts).
    const cycles = dependencyCycles(index);
    for (const r of deps) {
      if (!cycles.sameGroup(r.task!, r.id)) continue;
      const cycle = cycles.cycle(r.task!, r.id);
      const message = cycle.tasks ? `Dependency cycle: ${cycle.text}.` : `Dependency cycle of ${cycle.length} tasks: ${cycle.text}.`;
      report({ start: r.start, end: r.end, message });
    }
  },
});

export const parentInJob: Rule = indexRule({
  id: 'dependency/parent-in-job',
  severity: 'warning',
  source: 'the Job page (dependent tasks; inferred)',
  explanation:
    'The parent task is not part of the job that runs the dependent task (neither written in it nor reached by a Step). ' +
    'The state machine checks parents within the job, so the dependency never holds.',
  checkIndex(ctx, report) {
    const { entry, index } = ctx;
    for (const r of dependencies(entry.references)) {
      if (r.id === r.task || !index.hasDefinition(TASK_KIND, r.id)) continue;
      for (const view of ctx.jobs()) {
        if (!view.ids.has(r.task!) || view.ids.has(r.id)) continue;
        report({ start: r.start, end: r.end, message: `Parent task '${r.id}' is not part of job '${view.job.id}', which runs '${r.task}'.` });
        break;
      }
    }
  },
});

export const DEPENDENCY_RULES: readonly Rule[] = [noSelfDependency, noDependencyCycle, parentInJob];
