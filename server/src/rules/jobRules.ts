/** Rules on a Job element: its schedule, its agent, the tasks it lists. */
import { Rule, elementRule, fileRule, indexRule } from './rule';
import { attributeSpan, nameSpan, valueSpan } from './ranges';
import { isTrue } from './values';
import { isAgentTask } from '../schema/schema';
import { isValidCrontab } from './crontab';
import { attribute } from '../model/xmlTree';

export const jobDuplicateTask: Rule = indexRule({
  id: 'job/duplicate-task',
  severity: 'warning',
  source: 'the Build Efficient Jobs page, rule 3',
  explanation: 'The same task appears twice in one job (written inline or named by a Step): it runs twice for nothing.',
  checkIndex(ctx, report) {
    for (const job of ctx.entry.jobs) {
      const seen = new Set<string>();
      for (const m of job.members) {
        const id = m.task ? m.task.id : m.step;
        if (!id) continue;
        if (seen.has(id)) {
          const at = m.task ? ctx.entry.definitions.find((d) => d.task === m.task) : undefined;
          report({
            ...(m.task ? (at ? { start: at.idStart, end: at.idEnd } : nameSpan(m.task)) : { start: m.start, end: m.end }),
            message: `Task '${id}' already runs in job '${job.id}'.`,
          });
        }
        seen.add(id);
      }
    }
  },
});

/** `CrontabExpression`, `cronexpression`…: the schedule attribute spelled another way. */
export function isMisspeltCronTab(name: string): boolean {
  return /^cron(tab)?expression$/i.test(name) && name !== 'CronTabExpression';
}

export const crontabAttributeCasing: Rule = elementRule({
  id: 'job/crontab-attribute-casing',
  severity: 'error',
  source: 'the Job page (CronTabExpression); the Set up Complete Synchronization guide, step 12, writes "CrontabExpression"',
  explanation:
    'The schedule attribute is spelled `CronTabExpression` (capital T). The Set up Complete Synchronization guide (step 12) writes `CrontabExpression`, which the server ignores: the job never runs on schedule.',
  fixes: { 'rename-attribute': 'safe' },
  checkElement(el, _schema, report) {
    if (el.name !== 'Job') return;
    for (const a of el.attributes) {
      if (isMisspeltCronTab(a.name))
        report({ start: a.nameStart, end: a.nameEnd, message: `'${a.name}' is spelled 'CronTabExpression'.`, fixes: [{ fix: 'rename-attribute', to: 'CronTabExpression' }] });
    }
  },
});

export const crontabSyntax: Rule = elementRule({
  id: 'job/crontab-syntax',
  severity: 'error',
  source: 'the Job page',
  explanation: '`CronTabExpression` is a crontab schedule of five fields: minute, hour, day of month, month, day of week (for example `*/15 * * * *`).',
  checkElement(el, _schema, report) {
    if (el.name !== 'Job') return;
    const a = attribute(el, 'CronTabExpression');
    if (a && a.valueStart >= 0 && !isValidCrontab(a.value)) {
      report({ ...valueSpan(a), message: `'${a.value}' is not a crontab schedule of five fields (minute hour day month weekday).` });
    }
  },
});

export const jobAgentConsistency: Rule = elementRule({
  id: 'job/agent-consistency',
  severity: 'error',
  source: 'the Job page (Agent: "all tasks in the job must be launched on the same agent or on the server")',
  explanation: "Every task of a job runs on the job's agent or on the server: a task naming another agent cannot run in this job.",
  // A task written inside its job: it sees its own start tag and the job's.
  checkElement(el, _schema, report) {
    const job = el.parent;
    if (job?.name !== 'Job') return;
    const jobAgent = attribute(job, 'Agent')?.value.trim();
    const a = jobAgent ? attribute(el, 'Agent') : undefined;
    if (a && a.valueStart >= 0 && a.value.trim() && a.value.trim() !== jobAgent) {
      report({ ...valueSpan(a), message: `This task runs on agent '${a.value.trim()}' but job '${attribute(job, 'Identifier')?.value ?? ''}' runs on '${jobAgent}'.` });
    }
  },
});

export const jobAgentRequiredForAgentTasks: Rule = fileRule({
  id: 'job/agent-required-for-agent-tasks',
  severity: 'error',
  source: 'the Job page (Agent: "all tasks in the job must be launched on the same agent or on the server"); the pages of the agent tasks',
  explanation:
    'A job without `Agent` runs on the server. Tasks that run on an agent (ExportTask, PrepareSynchronizationTask, ' +
    'ActivityInstanceActorTask, CreateDatabaseViewsTask, InvokeApiTask, InvokeAspectsTask, or any task that names an `Agent`) ' +
    'cannot run in it: give the job the agent of its tasks.',
  fixes: { 'set-attribute': 'suggestion' },
  check(ctx, report) {
    for (const job of ctx.jobs()) {
      if (job.job.uri !== ctx.entry.uri || job.job.attrs.Agent?.trim()) continue;
      const onAgent = job.tasks.find((t) => isAgentTask(t.task.element) || t.task.attrs.Agent?.trim());
      if (!onAgent) continue;
      const agent = job.tasks.map((t) => t.task.attrs.Agent?.trim()).find((a) => a);
      report({
        ...nameSpan(job.job),
        message: `Job '${job.job.id}' has no Agent but runs ${onAgent.task.element}${onAgent.task.id ? ` '${onAgent.task.id}'` : ''}, which runs on an agent.`,
        fixes: agent ? [{ fix: 'set-attribute', attribute: 'Agent', value: agent }] : [],
      });
    }
  },
});

export const jobModeContradiction: Rule = fileRule({
  id: 'job/mode-contradiction',
  severity: 'error',
  source: 'the Job page (IsIncremental); the PrepareSynchronizationTask page (SynchronizationMode); the Set up Complete Synchronization guide, step 3',
  explanation:
    'A job says `IsIncremental="true"` but prepares a connector with `SynchronizationMode="Complete"`: it cannot be both. The ' +
    'complete-job rules are not applied to it until one of the two is changed.',
  check(ctx, report) {
    for (const job of ctx.jobs()) {
      if (job.job.uri !== ctx.entry.uri || !isTrue(job.job.attrs.IsIncremental)) continue;
      const complete = job.tasks.find((t) => t.task.element === 'PrepareSynchronizationTask' && t.task.attrs.SynchronizationMode?.trim() === 'Complete');
      const el = complete && ctx.elementStartingAt(job.job.start);
      const a = el && attribute(el, 'IsIncremental');
      if (!a) continue;
      report({
        ...attributeSpan(a),
        message: `Job '${job.job.id}' is incremental but its prepare task${complete.task.id ? ` '${complete.task.id}'` : ''} says SynchronizationMode="Complete".`,
      });
    }
  },
});

export const JOB_RULES: readonly Rule[] = [jobDuplicateTask, crontabAttributeCasing, crontabSyntax, jobAgentConsistency, jobAgentRequiredForAgentTasks, jobModeContradiction];
