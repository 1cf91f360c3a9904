/**
 * Refactorings of jobs: expand a job scaffolding into the XML it generates, and create the
 * complete-synchronization job of a connector. Both write in the file's own indentation, line
 * endings and style of empty elements, and touch nothing else.
 */
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { OffsetEdit, indentAt, indentUnit, lineEnding, selfClosingStyle } from '../fixes/textEdits';
import { completeSyncJob } from '../jobs/completeSyncJob';
import { XmlLayout, jobsXml } from '../jobs/jobXml';
import { XmlElement, attributeValue, elementAt } from '../model/xmlTree';
import { isJobScaffolding } from '../schema/schema';
import type { FeatureContext } from '../languageService';

/** The top-level element (a child of <ConfigurationFile>) under `offset`. */
function topLevelElementAt(ctx: FeatureContext, offset: number): XmlElement | undefined {
  let el = elementAt(ctx.doc.tree, offset);
  while (el?.parent?.parent) el = el.parent;
  return el?.parent ? el : undefined;
}

function layoutAt(text: string, el: XmlElement): XmlLayout {
  return { unit: indentUnit(text, el), eol: lineEnding(text), base: indentAt(text, el.start) ?? '', selfClosing: selfClosingStyle(text) };
}

/** The edit that replaces a job scaffolding by what it generates, or why there is none. */
export function expandScaffoldingEdit(ctx: FeatureContext, el: XmlElement): { title: string; edit: OffsetEdit } | undefined {
  const i = ctx.doc.entry.scaffoldings.findIndex((s) => s.start === el.start);
  const result = i >= 0 ? ctx.index.generated().result(ctx.doc.uri, i) : undefined;
  if (!result || result.output.jobs.length === 0) return undefined;
  const xml = jobsXml(result.output.jobs, layoutAt(ctx.doc.text, el));
  return { title: `Expand ${el.name} into explicit XML`, edit: { start: el.start, end: el.end, newText: xml } };
}

/** Where a new job for a connector goes: after the file's last job that uses the connector, else at the end. */
function insertionPoint(ctx: FeatureContext, root: XmlElement, connector: string): { at: number; layout: XmlLayout } {
  const { text } = ctx.doc;
  const jobs = root.children.filter((c) => c.name === 'Job');
  const uses = (job: XmlElement) => job.children.some((t) => attributeValue(t, 'Connector')?.trim() === connector);
  const after = [...jobs].reverse().find(uses);
  const sibling = after ?? root.children[root.children.length - 1];
  const layout: XmlLayout = sibling ? layoutAt(text, sibling) : { unit: '  ', eol: lineEnding(text), base: '  ', selfClosing: selfClosingStyle(text) };
  return { at: (after ?? sibling)?.end ?? root.startTagEnd, layout };
}

/** The edit that adds the complete-synchronization job of the connector `el` defines. */
export function createCompleteJobEdit(ctx: FeatureContext, connector: string): { title: string; edit: OffsetEdit; job: string } | undefined {
  const built = completeSyncJob(ctx.index, connector);
  const root = ctx.doc.tree.roots[0];
  if (!built || !root) return undefined;
  const { at, layout } = insertionPoint(ctx, root, connector);
  const xml = jobsXml([built.job], layout);
  return {
    title: `Create the complete-synchronization job for ${connector}`,
    edit: { start: at, end: at, newText: `${layout.eol}${layout.eol}${layout.base}${xml}` },
    job: built.job.id,
  };
}

/** The refactorings offered at a range: on a job scaffolding, on a connector. */
export function jobCodeActions(ctx: FeatureContext, range: Range, toEdits: (edits: OffsetEdit[]) => CodeAction['edit']): CodeAction[] {
  const el = topLevelElementAt(ctx, ctx.doc.entry.lines.offsetAt(range.start));
  if (!el) return [];
  if (isJobScaffolding(el.name)) {
    const expand = expandScaffoldingEdit(ctx, el);
    return expand ? [{ title: expand.title, kind: CodeActionKind.RefactorRewrite, edit: toEdits([expand.edit]) }] : [];
  }
  const connector = el.name === 'Connector' ? attributeValue(el, 'Identifier')?.trim() : undefined;
  if (connector) {
    const create = createCompleteJobEdit(ctx, connector);
    if (create) return [{ title: create.title, kind: CodeActionKind.Refactor, edit: toEdits([create.edit]) }];
  }
  return [];
}
