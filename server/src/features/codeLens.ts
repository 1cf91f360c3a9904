/**
 * A code lens above every job and job scaffolding: how many tasks it runs and on how many
 * effective levels. Its command (`usercubeJobs.showJobSteps`, with the job's identifier) is the
 * editor's to implement: the VS Code client shows the job's steps.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import { planOf } from '../jobs/jobPlan';
import type { FeatureContext } from '../languageService';
import { SHOW_JOB_STEPS_COMMAND } from '../protocol/jobProtocol';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function findCodeLenses(ctx: FeatureContext): CodeLens[] {
  const { entry, uri } = ctx.doc;
  const lenses: CodeLens[] = [];
  const lens = (start: number, end: number, title: string, job?: string) =>
    lenses.push({ range: entry.lines.range(start, end), command: { title, command: job ? SHOW_JOB_STEPS_COMMAND : '', arguments: job ? [job] : undefined } });
  for (const job of entry.jobs) {
    const plan = planOf(ctx.index, job);
    lens(job.nameStart, job.nameEnd, `${plural(plan.steps.length, 'task')} · ${plural(plan.levels, 'level')}`, job.id);
  }
  entry.scaffoldings.forEach((s, i) => {
    const result = ctx.index.generated().result(uri, i);
    if (!result) return;
    if (result.output.unnamed) {
      lens(s.nameStart, s.nameEnd, 'generates a job whose identifier is not documented: give JobIdentifier');
    } else if (result.jobs.length === 1) {
      const plan = planOf(ctx.index, result.jobs[0]);
      lens(s.nameStart, s.nameEnd, `generates ${plan.job}: ${plural(plan.steps.length, 'task')} · ${plural(plan.levels, 'level')}`, plan.job);
    } else if (result.jobs.length > 1) {
      const tasks = result.jobs.reduce((n, j) => n + j.members.length, 0);
      lens(s.nameStart, s.nameEnd, `generates ${plural(result.jobs.length, 'job')} · ${plural(tasks, 'task')}`, result.jobs[0].id);
    }
  });
  return lenses;
}
