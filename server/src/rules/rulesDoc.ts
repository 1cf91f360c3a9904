/**
 * docs/rules.md, generated from the registry so that it cannot drift from the code:
 * `npm run docs:rules` writes it, a unit test fails when it is out of date.
 */
import { RULE_GROUPS } from './registry';
import { Rule, ruleAnchor } from './rule';

const INTRO = `# Rules

Every diagnostic of Usercube Jobs carries one of these ids in its \`code\` (and \`source: "usercube"\`).
The same checks run in the editor and in \`usercube-jobs check\`.

_This file is generated from \`server/src/rules/\` by \`npm run docs:rules\`; do not edit it by hand._

## Configuring severities

- \`.usercube-jobs.json\` at the root of the configuration (the nearest one at or above a file applies):
  \`{"rules": {"export/continue-on-error": "off", "sync-complete/order": "error"}}\`.
- In VS Code, the setting \`usercubeJobs.rules\` (same shape), which wins over the file.
- On the command line, \`--rule export/continue-on-error=off\` (repeatable), which wins over the file.
- Values: \`off\`, \`info\`, \`warning\`, \`error\`.

## Suppressing in a file

- \`<!-- usercube-disable-next-line rule-id -->\` before an element: that element's start tag.
- \`<!-- usercube-disable rule-id -->\` anywhere: the whole file. Without ids: every rule.
- Several ids may be listed, separated by spaces or commas.

## Quick fixes: safe fixes and suggestions

A **safe** fix keeps what the job does at run time the same: a spelling the product reads only
once fixed as it was meant (\`CrontabExpression\` → \`CronTabExpression\`, \`TaskEntityType Identifier=\`
→ \`EntityType=\`). Safe fixes are applied by *Fix all* (\`source.fixAll.usercube\`, for example on save)
and by \`usercube-jobs check --fix\`.

A **suggestion** changes what a job does (adds a dependency, sets \`ContinueOnError\`,
\`IgnoreCookieFile\` or a mode, picks another identifier): it is offered as a quick fix in the editor,
never applied on save, and applied on the command line only when asked:
\`--fix --fix-type suggestion\` (the preferred suggestion of each problem; \`--fix-type safe,suggestion\`
for both).

## Which jobs are complete-synchronization jobs

The rules of the group "Complete-synchronization jobs" apply to the tasks of a *complete-sync job*:
a \`Job\` that is not \`IsIncremental="true"\` and either has a \`PrepareSynchronizationTask\` with
\`SynchronizationMode="Complete"\`, or whose \`Identifier\` or \`DisplayName_L1\` contains "complete"
(any case). The rules of the group "Incremental jobs" apply to jobs with \`IsIncremental="true"\`.
The tasks of a job are the tasks written inside it and the tasks its \`Step\`s name, wherever they
are defined; a problem is reported where the task is written.

## What the product generates

The "Generated XML" blocks of the scaffolding pages show what Identity Manager writes itself, and
what it generates is valid by definition: rules about what a hand-written task must give do not
report on a task of a connector job (\`IsConnectorJob="true"\`, as Create Connectors Jobs writes
them), nor on a task written inside a job with a \`Level\` whose \`Identifier\` starts with the
job's \`Identifier\` and \`_\` (how every job scaffolding names its tasks). The rules concerned say
so below.
`;

/** "safe", "suggestion" or both, from the fixes the rule declares ('' without any). */
function fixSummary(rule: Rule): string {
  const safeties = new Set(Object.values(rule.fixes ?? {}));
  return ['safe', 'suggestion'].filter((s) => safeties.has(s as 'safe')).join(', ');
}

export function renderRulesMarkdown(): string {
  const out = [INTRO];
  for (const group of RULE_GROUPS) {
    out.push(`## ${group.title}\n`);
    out.push('| id | default | quick fix |');
    out.push('|---|---|---|');
    for (const r of group.rules) out.push(`| [\`${r.id}\`](#${ruleAnchor(r.id)}) | ${r.severity} | ${fixSummary(r)} |`);
    out.push('');
    for (const r of group.rules) {
      const fixes = fixSummary(r);
      out.push(`<a id="${ruleAnchor(r.id)}"></a>`);
      out.push(`### \`${r.id}\`\n`);
      out.push(`Default severity: **${r.severity}**.${fixes ? ` Quick fix: ${fixes}.` : ''}\n`);
      out.push(`${r.explanation}${r.skipsGenerated ? ' Not reported on the tasks the product generates.' : ''}\n`);
      out.push(`Source: ${r.source}.\n`);
    }
  }
  return out.join('\n');
}
