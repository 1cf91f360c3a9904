/** Rules on a Job element: its schedule, its agent, the tasks it lists. */
import { Rule, elementRule, indexRule } from './rule';
import { nameSpan, valueSpan } from './ranges';
import { isValidCrontab } from './crontab';
import { attribute } from '../model/xmlTree';

export const jobDuplicateTask: Rule = indexRule({
  id: 'job/duplicate-task',
  severity: 'warning',
  source: 'tasks-jobs/build-efficient-jobs, rule 3',
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
  source: 'xml-configuration/jobs/job (CronTabExpression) vs seed §12 ("CrontabExpression")',
  explanation: 'The schedule attribute is spelled `CronTabExpression` (capital T). The seed writes `CrontabExpression`, which the server ignores: the job never runs on schedule.',
  checkElement(el, _schema, report) {
    if (el.name !== 'Job') return;
    for (const a of el.attributes) {
      if (isMisspeltCronTab(a.name)) report({ start: a.nameStart, end: a.nameEnd, message: `'${a.name}' is spelled 'CronTabExpression'.` });
    }
  },
});

export const crontabSyntax: Rule = elementRule({
  id: 'job/crontab-syntax',
  severity: 'error',
  source: 'xml-configuration/jobs/job',
  explanation: '`CronTabExpression` is a crontab schedule of five fields: minute, hour, day of month, month, day of week (for example `*/15 * * * *`).',
  checkElement(el, _schema, report) {
    if (el.name !== 'Job') return;
    const a = attribute(el, 'CronTabExpression');
    if (a && a.valueStart >= 0 && !isValidCrontab(a.value)) {
      report({ ...valueSpan(a), message: `'${a.value}' is not a crontab schedule of five fields (minute hour day month weekday).` });
    }
  },
});

export const jobAgentConsistency: Rule = {
  id: 'job/agent-consistency',
  severity: 'error',
  source: 'xml-configuration/jobs/job ("all tasks must run on the job\'s agent or on the server")',
  explanation: "Every task of a job runs on the job's agent or on the server: a task naming another agent cannot run in this job.",
  check(ctx, report) {
    for (const el of ctx.elements()) {
      if (el.name !== 'Job') continue;
      const jobAgent = attribute(el, 'Agent')?.value.trim();
      if (!jobAgent) continue;
      for (const child of el.children) {
        const a = attribute(child, 'Agent');
        if (a && a.valueStart >= 0 && a.value.trim() && a.value.trim() !== jobAgent) {
          report({ ...valueSpan(a), message: `This task runs on agent '${a.value.trim()}' but job '${attribute(el, 'Identifier')?.value ?? ''}' runs on '${jobAgent}'.` });
        }
      }
    }
  },
};

export const JOB_RULES: readonly Rule[] = [jobDuplicateTask, crontabAttributeCasing, crontabSyntax, jobAgentConsistency];
