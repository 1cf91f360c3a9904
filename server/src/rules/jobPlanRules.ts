/**
 * What the order in which a job runs its tasks implies (see jobs/jobPlan.ts): a dependency on a
 * task that has not run yet, and levels the agent will split.
 */
import type { JobFacts } from '../index/indexFacts';
import { JobPlan, PlanStep, planOf } from '../jobs/jobPlan';
import { IndexRuleContext, Rule, indexRule } from './rule';

/** One plan per job for the whole check of a file. */
function plans(ctx: IndexRuleContext): (job: JobFacts) => JobPlan {
  const known = new Map<JobFacts, JobPlan>();
  return (job) => {
    let plan = known.get(job);
    if (!plan) known.set(job, (plan = planOf(ctx.index, job)));
    return plan;
  };
}

function stepOf(plan: JobPlan, id: string): PlanStep | undefined {
  return plan.steps.find((s) => s.task === id);
}

export const parentLevel: Rule = indexRule({
  id: 'job/parent-level',
  severity: 'warning',
  source: 'the Job page (Level, TaskDependsOnTask); the Usercube-Invoke-Job page (the state machine checks the parents first)',
  explanation:
    'Before it launches a task, the job checks that its parent tasks produced an output and did not fail (the Job page; Usercube-Invoke-Job). ' +
    'A parent that runs at the same level starts together with its child, and one at a later level (or further down a job without levels) ' +
    'has not run yet: the child is skipped or races its parent. The parent must run at an earlier level.',
  checkIndex(ctx, report) {
    const planOfJob = plans(ctx);
    const views = ctx.jobs();
    for (const r of ctx.entry.references) {
      if (r.attribute !== 'ParentTask' || r.task === undefined || r.id === r.task) continue;
      for (const view of views) {
        if (!view.ids.has(r.task) || !view.ids.has(r.id)) continue;
        const plan = planOfJob(view.job);
        const child = stepOf(plan, r.task);
        const parent = stepOf(plan, r.id);
        if (!child || !parent) continue;
        const levelled = plan.steps.some((s) => s.level !== -1);
        if (levelled && parent.level >= child.level) {
          const when = parent.level === child.level ? `at the same level (${child.level}) as this task` : `at level ${parent.level}, after this task (level ${child.level})`;
          report({ start: r.start, end: r.end, message: `Parent task '${r.id}' runs ${when} in job '${view.job.id}': it has not finished when this task is checked.` });
        } else if (!levelled && parent.order > child.order) {
          report({ start: r.start, end: r.end, message: `Parent task '${r.id}' comes after this task in job '${view.job.id}', which runs its tasks from top to bottom: it has not run when this task is checked.` });
        }
        break;
      }
    }
  },
});

export const batchSize: Rule = indexRule({
  id: 'job/batch-size',
  severity: 'info',
  source: "the agent's appsettings page (Jobs.MaxTaskBatchSize)",
  explanation:
    'The agent launches the tasks of one level together, at most `Jobs.MaxTaskBatchSize` at a time (5 unless the agent\'s appsettings.json says ' +
    'otherwise): a level with more tasks is split into several levels, which Usercube-Get-JobSteps shows. The job still runs; this tells where.',
  checkIndex(ctx, report) {
    const { maxTaskBatchSize, source } = ctx.index.agentSettings;
    for (const job of ctx.entry.jobs) {
      const plan = planOf(ctx.index, job);
      if (!plan.steps.some((s) => s.level !== -1)) continue;
      const byLevel = new Map<number, PlanStep[]>();
      for (const s of plan.steps) byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), s]);
      for (const [level, steps] of byLevel) {
        if (steps.length <= maxTaskBatchSize) continue;
        const first = steps[maxTaskBatchSize];
        if (first.uri !== ctx.entry.uri) continue;
        const batches = Math.ceil(steps.length / maxTaskBatchSize);
        report({
          start: first.start,
          end: first.end,
          message:
            `Level ${level} of job '${job.id}' has ${steps.length} tasks, more than Jobs.MaxTaskBatchSize (${maxTaskBatchSize}${source ? `, in ${source}` : ', the default'}): ` +
            `the agent runs them as ${batches} levels, this task in the second.`,
        });
      }
    }
  },
});

export const JOB_PLAN_RULES: readonly Rule[] = [parentLevel, batchSize];
