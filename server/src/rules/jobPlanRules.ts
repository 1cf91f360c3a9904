/**
 * What the order in which a job runs its tasks implies (see jobs/jobPlan.ts): a dependency on a
 * task that has not run yet, and levels the agent will split.
 */
import type { IndexView, JobFacts } from '../index/indexFacts';
import { revisionMemo } from '../index/revisionMemo';
import { JobPlan, PlanStep, planOf } from '../jobs/jobPlan';
import { IndexRuleContext, Rule, indexRule } from './rule';

interface KnownPlan {
  plan: JobPlan;
  /** The first step of each task. */
  steps: Map<string, PlanStep>;
  levelled: boolean;
}

/** One plan per job and index revision, shared by the checks of every file the job reaches. */
const knownPlan = revisionMemo((index: IndexView, job: JobFacts): KnownPlan => {
  const plan = planOf(index, job);
  const steps = new Map<string, PlanStep>();
  for (const s of plan.steps) if (s.task !== null && !steps.has(s.task)) steps.set(s.task, s);
  return { plan, steps, levelled: plan.steps.some((s) => s.level !== -1) };
});

function plans(ctx: IndexRuleContext): (job: JobFacts) => KnownPlan {
  return (job) => knownPlan(ctx.index, job);
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
        const { steps, levelled } = planOfJob(view.job);
        const child = steps.get(r.task);
        const parent = steps.get(r.id);
        if (!child || !parent) continue;
        if (levelled && parent.level >= child.level) {
          const when = parent.level === child.level ? `at the same level (${child.level}) as this task` : `at level ${parent.level}, after this task (level ${child.level})`;
          report({ start: r.start, end: r.end, message: `Parent task '${r.id}' runs ${when} in job '${view.job.id}': it has not finished when this task is checked.` });
        } else if (!levelled && parent.order > child.order) {
          report({
            start: r.start,
            end: r.end,
            message: `Parent task '${r.id}' comes after this task in job '${view.job.id}', which runs its tasks from top to bottom: it has not run when this task is checked.`,
          });
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
    "The agent launches the tasks of one level together, at most `Jobs.MaxTaskBatchSize` at a time (5 unless the agent's appsettings.json says " +
    'otherwise): a level with more tasks is split into several levels, which Usercube-Get-JobSteps shows. The job still runs; this tells where.',
  checkIndex(ctx, report) {
    const { maxTaskBatchSize, source } = ctx.index.agentSettings;
    for (const job of ctx.entry.jobs) {
      const { plan } = knownPlan(ctx.index, job);
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
