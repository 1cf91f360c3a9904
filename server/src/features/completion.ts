/**
 * Completion of identifiers inside reference attribute values: exactly the identifiers of the
 * referenced kind, from every file. Tasks of the job being edited sort first. Past
 * MAX_ITEMS candidates the list is filtered by the typed prefix, capped, and marked incomplete
 * so that the editor asks again as the user types.
 */
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import { Definition } from '../index/fileEntry';
import type { FeatureContext } from '../languageService';
import { attributeValue } from '../model/xmlTree';
import { TASK_KIND } from '../schema/schema';
import { uriRelative } from '../util/uris';
import { catalogCompletion } from './catalogCompletion';
import { cursorContext, valueOnCursorLine } from './cursorContext';

export const MAX_ITEMS = 1000;

const ITEM_KIND: Record<string, CompletionItemKind> = {
  Task: CompletionItemKind.Function,
  Job: CompletionItemKind.Module,
  Connector: CompletionItemKind.Interface,
  Connection: CompletionItemKind.Reference,
  Agent: CompletionItemKind.Unit,
  EntityType: CompletionItemKind.Class,
  ResourceType: CompletionItemKind.Struct,
  OpenIdClient: CompletionItemKind.Constant,
};

export interface CompletionOptions {
  /** The client takes `itemDefaults.editRange` (LSP 3.17): items then carry no edit of their own. */
  editRangeDefault?: boolean;
}

export function doComplete(ctx: FeatureContext, position: Position, options: CompletionOptions = {}): CompletionList | null {
  const offset = ctx.doc.entry.lines.offsetAt(position);
  const cursor = cursorContext(ctx.doc.tree, offset);
  // Anything but an identifier value: element and attribute names, enum and boolean values.
  if (!cursor?.symbol || cursor.symbol.role !== 'reference' || !cursor.attribute) return catalogCompletion(ctx, offset, cursor);
  const { kind } = cursor.symbol;
  const attr = cursor.attribute;
  const span = valueOnCursorLine(ctx.doc.entry.lines, attr, offset);
  const prefix = ctx.doc.text.slice(span.start, offset).trimStart();
  const range = ctx.doc.entry.lines.range(span.start, span.end);

  // The job being edited: its tasks come first in a ParentTask or Step value.
  const jobTasks = new Set<string>();
  let ownTask: string | undefined;
  if (kind === TASK_KIND) {
    for (let el = cursor.element.parent; el; el = el.parent) {
      const own = ctx.doc.entry.definitions.find((d) => d.kind === TASK_KIND && d.start === el!.start);
      if (own) ownTask = own.id;
      if (el.name === 'Job') {
        const id = attributeValue(el, 'Identifier');
        const job = ctx.doc.entry.jobs.find((j) => j.id === id);
        job?.tasks.forEach((t) => jobTasks.add(t));
        break;
      }
    }
  }

  const total = ctx.index.identifierCount(kind);
  const filter = total > MAX_ITEMS ? prefix.toLowerCase() : '';
  const matches = (id: string) => !filter || id.toLowerCase().startsWith(filter);
  // The job's own tasks first, looked up directly; then the others until the list is full.
  const sameJob: Definition[] = [];
  for (const t of jobTasks) {
    const d = t === ownTask ? undefined : ctx.index.definitions(kind, t)[0];
    if (d && matches(d.id)) sameJob.push(d);
  }
  const others: Definition[] = [];
  let more = false;
  ctx.index.forEachIdentifier(kind, (defs) => {
    const first = defs[0];
    if (first.id === ownTask || jobTasks.has(first.id) || !matches(first.id)) return true;
    if (sameJob.length + others.length >= MAX_ITEMS) {
      more = true;
      return false;
    }
    others.push(first);
    return true;
  });
  // A thousand items are a lot of JSON: with the edit range given once, each item is smaller.
  const items = sameJob.concat(others).map((d, i) => toItem(ctx, d, i < sameJob.length, options.editRangeDefault ? undefined : range));
  const list: CompletionList = { isIncomplete: filter.length > 0 || more, items };
  if (options.editRangeDefault) list.itemDefaults = { editRange: range };
  return list;
}

/** What completionItem/resolve needs besides the label (the identifier itself). */
export interface IdentifierItemData {
  identifierKind: string;
}

function toItem(ctx: FeatureContext, d: Definition, sameJob: boolean, range: Range | undefined): CompletionItem {
  const data: IdentifierItemData = { identifierKind: d.kind };
  const item: CompletionItem = {
    label: d.id,
    kind: ITEM_KIND[d.kind] ?? CompletionItemKind.Value,
    // The list shows the element type and the file; the display name comes on resolve.
    labelDetails: { detail: ` ${d.element}`, description: uriRelative(d.uri, ctx.roots) },
    data,
  };
  // Editors sort by sortText, else by label: only the job's own tasks need one, to come first.
  if (sameJob) item.sortText = `0${d.id}`;
  if (range) item.textEdit = { range, newText: d.id };
  return item;
}

/** The display name and documentation of an identifier item, for the item the user looks at. */
export function resolveCompletionItem(ctx: { index: FeatureContext['index']; roots: readonly string[] }, item: CompletionItem): CompletionItem {
  const kind = (item.data as Partial<IdentifierItemData> | undefined)?.identifierKind;
  if (!kind) return item;
  const d = ctx.index.definitions(kind, item.label)[0];
  if (!d) return item;
  const file = uriRelative(d.uri, ctx.roots);
  item.detail = d.displayName ? `${d.element} — ${d.displayName}` : d.element;
  item.documentation = {
    kind: MarkupKind.Markdown,
    value: `${d.displayName ? `**${d.displayName}**\n\n` : ''}\`${d.element}\` in \`${file}\`${d.job ? ` (job \`${d.job}\`)` : ''}`,
  };
  return item;
}
