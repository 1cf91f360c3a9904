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

/** The extents of this file's generated tasks, children included (their TaskEntityTypes are generated too). */
export function generatedTaskSpans(ctx: RuleContext): { start: number; end: number }[] {
  const ofConnectorJobs = new Set<TaskRecord>();
  for (const j of ctx.jobs()) if (isTrue(j.job.attrs.IsConnectorJob)) for (const t of j.tasksIn(ctx.entry.uri)) ofConnectorJobs.add(t.task);
  const out: { start: number; end: number }[] = [];
  // In a file without syntax error every attribute has a value (kept in the record) and the entry
  // knows where each element ends; otherwise the element is read from the file's tree.
  const fromRecords = ctx.entry.syntaxErrors.length === 0;
  for (const task of ctx.entry.tasks) {
    // Only a task named as generated, or in a connector job, can be one: most files have none.
    const named = task.job !== undefined && task.id?.startsWith(`${task.job}_`);
    if (!named && !ofConnectorJobs.has(task)) continue;
    const el = fromRecords ? undefined : ctx.elementOf(task);
    if (!fromRecords && !el) continue;
    const scaffolded = named && (el ? attribute(el, 'Level') : task.attrs.Level) !== undefined;
    if (scaffolded || ofConnectorJobs.has(task)) out.push(el ? { start: el.start, end: Math.max(el.end, el.startTagEnd) } : { start: task.start, end: task.end });
  }
  return out;
}
