/** The TaskDependsOnTask graph: no task depends on itself, no cycle, parents inside the job. */
import { IndexView, ReferenceFacts } from '../index/indexFacts';
import { TASK_KIND } from '../schema/schema';
import { Rule, indexRule } from './rule';

function parentsOf(index: IndexView, id: string): readonly string[] {
  return index.task(id)?.parents ?? [];
}

/** A path of dependencies from `from` back to `to`, if any (depth-first, each task once). */
function pathBack(index: IndexView, from: string, to: string): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (id === to) return [id];
    if (seen.has(id)) return undefined;
    seen.add(id);
    for (const p of parentsOf(index, id)) {
      const rest = walk(p);
      if (rest) return [id, ...rest];
    }
    return undefined;
  };
  return walk(from);
}

/**
 * Tarjan's strongly connected components of the dependency graph reachable from `roots`
 * (iteratively: chains of tasks can be long). Returns the group of each task that belongs to a
 * group of two tasks or more.
 */
function cycleGroups(index: IndexView, roots: readonly string[]): Map<string, number> {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups = new Map<string, number>();
  let counter = 0;
  let groupCount = 0;
  for (const root of roots) {
    if (order.has(root)) continue;
    const work: [id: string, next: number][] = [[root, 0]];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [id, next] = top;
      const parents = parentsOf(index, id);
      if (next < parents.length) {
        top[1]++;
        const p = parents[next];
        if (!order.has(p)) {
          order.set(p, counter);
          low.set(p, counter++);
          stack.push(p);
          onStack.add(p);
          work.push([p, 0]);
        } else if (onStack.has(p)) low.set(id, Math.min(low.get(id)!, order.get(p)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const caller = work[work.length - 1][0];
        low.set(caller, Math.min(low.get(caller)!, low.get(id)!));
      }
      if (low.get(id) !== order.get(id)) continue;
      const members: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        members.push(m);
      } while (m !== id);
      if (members.length > 1) {
        for (const x of members) groups.set(x, groupCount);
        groupCount++;
      }
    }
  }
  return groups;
}

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
    // Only links inside a strongly connected group of tasks can close a cycle: one pass finds
    // the groups, and the path of the message is searched for those links only.
    const group = cycleGroups(index, deps.map((r) => r.task!));
    for (const r of deps) {
      const g = group.get(r.task!);
      if (g === undefined || group.get(r.id) !== g) continue;
      const back = pathBack(index, r.id, r.task!);
      if (!back) continue;
      const cycle = [r.task!, ...back];
      report({ start: r.start, end: r.end, message: `Dependency cycle: ${cycle.join(' → ')}.` });
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
