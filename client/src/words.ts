/** Words the client shows for counts. No vscode import (unit-tested directly). */
import type { JobSummary } from './protocol';

/** `1 task`, `1,180 files`. */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** `12 tasks · 10 levels`: a job's size, as the Jobs view and the job pick show it. */
export function jobSize(job: Pick<JobSummary, 'tasks' | 'levels'>): string {
  return `${plural(job.tasks, 'task')} · ${plural(job.levels, 'level')}`;
}
