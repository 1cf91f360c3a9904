/**
 * Writes a job as configuration XML, the way the product prints its generated XML: one element
 * per line, attributes in order, `<X … />` for empty elements, children indented one step.
 * The caller gives the file's own indentation unit, line ending and the indentation of the
 * place where the text goes.
 */
import { escapeAttribute } from '../fixes/textEdits';
import { Attr, GeneratedTask, WrittenJob } from './generatedJob';

export interface XmlLayout {
  /** One indentation step (two spaces, four, a tab…). */
  unit: string;
  eol: string;
  /** The indentation of the first line's place; every line is indented from it. */
  base: string;
  /** How empty elements end: ` />` (the product's output) or `/>`. */
  selfClosing?: string;
}

function tag(name: string, attrs: readonly Attr[], empty: boolean, layout: XmlLayout): string {
  return `<${name}${attrs.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('')}${empty ? (layout.selfClosing ?? ' />') : '>'}`;
}

function taskLines(t: GeneratedTask, indent: string, layout: XmlLayout): string[] {
  const children: string[] = [
    ...t.parents.map((p) => tag('TaskDependsOnTask', [['ParentTask', p]], true, layout)),
    ...t.entityTypes.map((e) => tag('TaskEntityType', [['EntityType', e]], true, layout)),
    ...t.resourceTypes.map((r) => tag('TaskResourceType', [['ResourceType', r]], true, layout)),
  ];
  const attrs: Attr[] = [['Identifier', t.id], ...t.attrs];
  if (children.length === 0) return [indent + tag(t.element, attrs, true, layout)];
  return [indent + tag(t.element, attrs, false, layout), ...children.map((c) => indent + layout.unit + c), `${indent}</${t.element}>`];
}

/** The elements a scaffolding generates, as text (no line ending after the last line). */
export function jobsXml(jobs: readonly WrittenJob[], layout: XmlLayout): string {
  const { unit, eol, base } = layout;
  const lines: string[] = [];
  const beside: string[] = [];
  for (const job of jobs) {
    if (job.withoutJob) {
      for (const t of job.tasks) lines.push(...taskLines(t, base, layout));
      continue;
    }
    const jobAttrs: Attr[] = [['Identifier', job.id], ...job.attrs];
    if (job.tasks.length === 0) {
      lines.push(base + tag('Job', jobAttrs, true, layout));
      continue;
    }
    lines.push(base + tag('Job', jobAttrs, false, layout));
    for (const t of job.tasks) {
      if (job.layout === 'steps') lines.push(base + unit + tag('Step', [['Identifier', t.id]], true, layout));
      else lines.push(...taskLines(t, base + unit, layout));
    }
    lines.push(`${base}</Job>`);
    // Written beside the jobs, in the order of their identifiers (as the documented output is).
    if (job.layout === 'steps') for (const t of [...job.tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) beside.push(...taskLines(t, base, layout));
  }
  // The first line goes where the scaffolding's start tag was: the caller's indentation is already there.
  return [...lines, ...beside].join(eol).slice(base.length);
}
