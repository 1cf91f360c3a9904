/**
 * Writes a job as configuration XML, the way the product prints its generated XML: one element
 * per line, attributes in order, `<X … />` for empty elements, children indented one step.
 * The caller gives the file's own indentation unit, line ending and the indentation of the
 * place where the text goes.
 */
import { Attr, GeneratedJob, GeneratedTask } from './generatedJob';

export interface XmlLayout {
  /** One indentation step (two spaces, four, a tab…). */
  unit: string;
  eol: string;
  /** The indentation of the first line's place; every line is indented from it. */
  base: string;
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function startTag(name: string, attrs: readonly Attr[], empty: boolean): string {
  const written = attrs.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('');
  return `<${name}${written}${empty ? ' />' : '>'}`;
}

function taskLines(t: GeneratedTask, indent: string, unit: string): string[] {
  const children: string[] = [
    ...t.parents.map((p) => startTag('TaskDependsOnTask', [['ParentTask', p]], true)),
    ...t.entityTypes.map((e) => startTag('TaskEntityType', [['EntityType', e]], true)),
    ...t.resourceTypes.map((r) => startTag('TaskResourceType', [['ResourceType', r]], true)),
  ];
  const attrs: Attr[] = [['Identifier', t.id], ...t.attrs];
  if (children.length === 0) return [indent + startTag(t.element, attrs, true)];
  return [indent + startTag(t.element, attrs, false), ...children.map((c) => indent + unit + c), `${indent}</${t.element}>`];
}

/** The elements a scaffolding generates, as text (no line ending after the last line). */
export function jobsXml(jobs: readonly GeneratedJob[], layout: XmlLayout): string {
  const { unit, eol, base } = layout;
  const lines: string[] = [];
  const beside: string[] = [];
  for (const job of jobs) {
    if (job.withoutJob) {
      for (const t of job.tasks) lines.push(...taskLines(t, base, unit));
      continue;
    }
    const jobAttrs: Attr[] = [['Identifier', job.id], ...job.attrs];
    if (job.tasks.length === 0) {
      lines.push(base + startTag('Job', jobAttrs, true));
      continue;
    }
    lines.push(base + startTag('Job', jobAttrs, false));
    for (const t of job.tasks) {
      if (job.layout === 'steps') lines.push(base + unit + startTag('Step', [['Identifier', t.id]], true));
      else lines.push(...taskLines(t, base + unit, unit));
    }
    lines.push(`${base}</Job>`);
    // Written beside the jobs, in the order of their identifiers (as the documented output is).
    if (job.layout === 'steps') for (const t of [...job.tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) beside.push(...taskLines(t, base, unit));
  }
  // The first line goes where the scaffolding's start tag was: the caller's indentation is already there.
  return [...lines, ...beside].join(eol).slice(base.length);
}
