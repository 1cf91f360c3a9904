/**
 * docs/rules.md, generated from the registry so that it cannot drift from the code:
 * `npm run docs:rules` writes it, a unit test fails when it is out of date.
 */
import { RULE_GROUPS } from './registry';
import { ruleAnchor } from './rule';
import { fixableRules } from '../fixes/quickFixes';

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

## Which jobs are complete-synchronization jobs

The rules of the last group apply to the tasks of a *complete-sync job*: a \`Job\` that is not
\`IsIncremental="true"\` and either has a \`PrepareSynchronizationTask\` with
\`SynchronizationMode="Complete"\`, or whose \`Identifier\` or \`DisplayName_L1\` contains "complete"
(any case). The tasks of a job are the tasks written inside it and the tasks its \`Step\`s name,
wherever they are defined; a problem is reported where the task is written.
`;

export function renderRulesMarkdown(): string {
  const fixable = fixableRules();
  const out = [INTRO];
  for (const group of RULE_GROUPS) {
    out.push(`## ${group.title}\n`);
    out.push('| id | default | quick fix |');
    out.push('|---|---|---|');
    for (const r of group.rules) out.push(`| [\`${r.id}\`](#${ruleAnchor(r.id)}) | ${r.severity} | ${fixable.has(r.id) ? 'yes' : ''} |`);
    out.push('');
    for (const r of group.rules) {
      out.push(`<a id="${ruleAnchor(r.id)}"></a>`);
      out.push(`### \`${r.id}\`\n`);
      out.push(`Default severity: **${r.severity}**.${fixable.has(r.id) ? ' Has a quick fix.' : ''}\n`);
      out.push(`${r.explanation}\n`);
      out.push(`Source: ${r.source}.\n`);
    }
  }
  return out.join('\n');
}
