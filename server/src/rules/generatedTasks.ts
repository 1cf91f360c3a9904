/**
 * Tasks the product writes itself, as the "Generated XML" blocks of the scaffolding pages show
 * them: what the product generates is valid by definition, so rules about what a hand-written
 * task must give (Rule.skipsGenerated) do not apply to them, even when pasted into a file.
 * - the tasks of a connector job (`IsConnectorJob="true"`, written by CreateConnectorsJobs for
 *   the connector screen): they take their connection, agent and mode from the connector;
 * - a task written inside a job with a `Level`, whose Identifier starts with the job's
 *   Identifier and `_`: how every job scaffolding names what it generates.
 */
import { TaskRecord } from '../index/fileEntry';
import { attribute } from '../model/xmlTree';
import { RuleContext } from './ruleContext';
import { isTrue } from './values';

/** A generated task of the file, with its extent, children included (their TaskEntityTypes are generated too). */
interface GeneratedTask {
  task: TaskRecord;
  start: number;
  end: number;
}

const NO_TASKS: ReadonlySet<TaskRecord> = new Set();

/** `<job>_…`: how a scaffolding names the tasks of its job (compared in place, no string made per task). */
function isNamedAfter(id: string, job: string): boolean {
  return id.length > job.length && id.charCodeAt(job.length) === 95 && id.startsWith(job);
}

/** Per check: the file's generated tasks, found once for every rule that asks. */
const known = new WeakMap<RuleContext, { list: GeneratedTask[]; tasks: ReadonlySet<TaskRecord> }>();

function generatedTasksOf(ctx: RuleContext): { list: GeneratedTask[]; tasks: ReadonlySet<TaskRecord> } {
  let found = known.get(ctx);
  if (found) return found;
  const ofConnectorJobs = new Set<TaskRecord>();
  for (const j of ctx.jobs()) if (isTrue(j.job.attrs.IsConnectorJob)) for (const t of j.tasksIn(ctx.entry.uri)) ofConnectorJobs.add(t.task);
  const list: GeneratedTask[] = [];
  // In a file without syntax error every attribute has a value (kept in the record) and the entry
  // knows where each element ends; otherwise the element is read from the file's tree.
  const fromRecords = ctx.entry.syntaxErrors.length === 0;
  for (const task of ctx.entry.tasks) {
    // Only a task named as generated, or in a connector job, can be one: most files have none.
    const named = task.job !== undefined && task.id !== undefined && isNamedAfter(task.id, task.job);
    if (!named && !ofConnectorJobs.has(task)) continue;
    const el = fromRecords ? undefined : ctx.elementOf(task);
    if (!fromRecords && !el) continue;
    const scaffolded = named && (el ? attribute(el, 'Level') : task.attrs.Level) !== undefined;
    if (scaffolded || ofConnectorJobs.has(task)) list.push(el ? { task, start: el.start, end: Math.max(el.end, el.startTagEnd) } : { task, start: task.start, end: task.end });
  }
  found = { list, tasks: list.length === 0 ? NO_TASKS : new Set(list.map((g) => g.task)) };
  known.set(ctx, found);
  return found;
}

/** The extents of this file's generated tasks, children included. */
export function generatedTaskSpans(ctx: RuleContext): { start: number; end: number }[] {
  return generatedTasksOf(ctx).list;
}

/**
 * Whether a task record of this file is one of its generated tasks. A rule that skips them
 * (Rule.skipsGenerated) and reports a task only within its element need not look at them: what
 * it would find there is dropped (rules/validation.ts).
 */
export function isGeneratedTask(ctx: RuleContext, task: TaskRecord): boolean {
  return generatedTasksOf(ctx).tasks.has(task);
}
