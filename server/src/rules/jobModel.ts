/**
 * A job as the complete-synchronization rules see it: every task it runs (written inside it
 * or reached through a Step, in any file), in order, and whether it is a complete-sync job.
 */
import { FileEntry, JobEntry, TaskRecord } from '../index/fileEntry';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { revisionMemo } from '../index/revisionMemo';
import { parseLevel } from '../jobs/jobPlan';
import { isTrue } from './values';

export interface JobTask {
  task: TaskRecord;
  /** Set when the job reaches the task through a Step (offsets of its value, in the job's file). */
  step?: { start: number; end: number };
  /** `Level` as written on the task or its Step. */
  level?: number;
}

export interface JobView {
  job: JobEntry;
  tasks: JobTask[];
  /** Identifiers of the named tasks it runs. */
  ids: ReadonlySet<string>;
  complete: boolean;
  /** Its tasks written in the file at `uri`, in order (a file's check reads those of a job that reaches thousands of files). */
  tasksIn(uri: string): readonly JobTask[];
}

/** One view per job and index revision, shared by the checks of every file the job reaches. */
const cachedView = revisionMemo((index: WorkspaceIndex, job: JobEntry) => buildView(job, index));

/** Views built since the last call (tests bound it: a count, not a timer). */
let viewsBuilt = 0;

export function takeJobViewsBuilt(): number {
  const n = viewsBuilt;
  viewsBuilt = 0;
  return n;
}

export function viewOf(job: JobEntry, index: WorkspaceIndex): JobView {
  return cachedView(index, job);
}

function buildView(job: JobEntry, index: WorkspaceIndex): JobView {
  viewsBuilt++;
  const tasks: JobTask[] = [];
  for (const m of job.members) {
    if (m.task) tasks.push({ task: m.task, level: parseLevel(m.task.attrs.Level) });
    else {
      const found = index.task(m.step);
      // A task override runs the task with the attributes it changes.
      const target = found && m.override ? { ...found, attrs: { ...found.attrs, ...m.override } } : found;
      if (target) tasks.push({ task: target, step: { start: m.start, end: m.end }, level: parseLevel(m.level) });
    }
  }
  const ids = new Set<string>();
  for (const t of tasks) if (t.task.id) ids.add(t.task.id);
  // What a scaffolding generates is the product's own output: the complete-job rules leave it alone.
  let byUri: Map<string, JobTask[]> | undefined;
  const tasksIn = (uri: string): readonly JobTask[] => {
    if (!byUri) {
      byUri = new Map();
      for (const t of tasks) {
        const list = byUri.get(t.task.uri);
        if (list) list.push(t);
        else byUri.set(t.task.uri, [t]);
      }
    }
    return byUri.get(uri) ?? [];
  };
  return { job, tasks, ids, complete: !job.generatedBy && isCompleteJob(job, tasks), tasksIn };
}

/**
 * Complete-sync job: a PrepareSynchronizationTask says SynchronizationMode="Complete", or the
 * job's Identifier or DisplayName_L1 says "complete"; and the job is not IsIncremental="true".
 */
export function isCompleteJob(job: JobEntry, tasks: readonly JobTask[]): boolean {
  if (isTrue(job.attrs.IsIncremental)) return false;
  if (/complete/i.test(job.id) || /complete/i.test(job.attrs.DisplayName_L1 ?? '')) return true;
  return tasks.some((t) => t.task.element === 'PrepareSynchronizationTask' && t.task.attrs.SynchronizationMode?.trim() === 'Complete');
}

/** The jobs of this file, and the jobs elsewhere that reach one of its tasks through a Step. */
export function jobViewsOfFile(entry: FileEntry, index: WorkspaceIndex): JobView[] {
  const jobs = new Map<JobEntry, JobView>();
  for (const j of entry.jobs) jobs.set(j, viewOf(j, index));
  for (const t of entry.tasks) {
    if (t.job || !t.id) continue;
    for (const job of index.jobsOfTask(t.id)) if (!jobs.has(job)) jobs.set(job, viewOf(job, index));
  }
  return [...jobs.values()];
}
