/**
 * On a job scaffolding: the jobs it generates, their tasks by level, and what the output
 * assumes where the documentation is silent.
 */
import { planOf } from '../jobs/jobPlan';
import type { FeatureContext } from '../languageService';
import type { XmlElement } from '../model/xmlTree';

/** Markdown for the scaffolding element `el`, or undefined when `el` is not one. */
export function scaffoldingMarkdown(ctx: FeatureContext, el: XmlElement): string | undefined {
  const i = ctx.doc.entry.scaffoldings.findIndex((s) => s.start === el.start);
  const result = i >= 0 ? ctx.index.generated().result(ctx.doc.uri, i) : undefined;
  if (!result) return undefined;
  if (result.output.unnamed) return `**${el.name}**: ${result.output.unnamed}`;
  const parts: string[] = [];
  for (const job of result.jobs.slice(0, 3)) {
    const plan = planOf(ctx.index, job);
    const lines = [`**${el.name}** generates job \`${plan.job}\`: ${plan.steps.length} tasks, ${plan.levels} levels`, '', '| Level | Task | Type |', '|--:|---|---|'];
    for (const s of plan.steps) lines.push(`| ${s.level} | \`${s.task ?? ''}\` | ${s.type ?? ''} |`);
    parts.push(lines.join('\n'));
  }
  if (result.jobs.length > 3) parts.push(`…and ${result.jobs.length - 3} more jobs`);
  const notes = result.output.jobs[0]?.notes ?? [];
  if (notes.length > 0) parts.push(notes.map((n) => `- ${n}`).join('\n'));
  return parts.join('\n\n');
}
