/**
 * Completion from the catalog, everywhere but in identifier values: element names after `<`
 * (what the parent allows), attribute names in a start tag (those not yet written, required
 * first), enum and boolean values. It reads the tolerant element tree, so an unclosed tag or
 * quote around the cursor — the state the document is in while one types — still gets answers.
 */
import type { Command, CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { LineTable } from '../model/lineTable';
import { XmlAttribute } from '../model/xmlScanner';
import { XmlTree, elementAt } from '../model/xmlTree';
import { AttributeSchema, ElementSchema, OVERRIDE_KEY, ROOT_ELEMENT, elementByKey, isTaskElement, schemaOfElement, taskElementNames } from '../schema/schema';
import { attributeMarkdown, attributeOf, attributesOf, elementMarkdown, elementSummary, hasValueChoices, topLevelElementKeys, typeLabel } from './catalogDocs';
import { CursorContext, valueOnCursorLine } from './cursorContext';

/** Opens the value list right after an attribute name is inserted. */
export const TRIGGER_SUGGEST: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Completion at `offset`, where the cursor context (cursorContext.ts) is `cursor`. */
export function catalogCompletion(ctx: FeatureContext, offset: number, cursor: CursorContext | undefined): CompletionList | null {
  const { text, tree } = ctx.doc;
  const lines = ctx.doc.entry.lines;
  const typed = typedElementName(text, offset);
  if (typed && !insideComment(tree, text, typed.lt)) return elementNameItems(tree, lines, typed);
  if (!cursor || !cursor.inStartTag || !cursor.schema) return null;
  if (cursor.part === 'value') return valueItems(text, lines, cursor, offset);
  return attributeNameItems(text, lines, cursor, offset);
}

// ---- Element names -----------------------------------------------------------------------

interface TypedName {
  /** Offset of the `<`. */
  lt: number;
  /** The name typed so far (and any rest of it after the cursor). */
  start: number;
  end: number;
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 58;
}

/** `<` then (part of) a name up to the cursor. */
function typedElementName(text: string, offset: number): TypedName | undefined {
  let start = offset;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  if (start === 0 || text.charCodeAt(start - 1) !== 60 /* < */) return undefined;
  const lt = start - 1;
  let end = offset;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  return { lt, start, end };
}

/**
 * Whether `offset` is inside a comment. The tree has no comments, but one that holds the
 * offset starts after the last element ending before it: only that stretch is searched.
 */
function insideComment(tree: XmlTree, text: string, offset: number): boolean {
  const el = elementAt(tree, offset);
  let from = el ? el.startTagEnd : 0;
  for (const c of el ? el.children : tree.roots) if (c.end <= offset && c.end > from) from = c.end;
  let open = text.indexOf('<!--', from);
  while (open >= 0 && open < offset) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0 || close + 3 > offset) return true;
    open = text.indexOf('<!--', close + 3);
  }
  return false;
}

function elementNameItems(tree: XmlTree, lines: LineTable, typed: TypedName): CompletionList | null {
  // The tolerant scanner turns `<Partial` into an element of its own: the name goes into its parent.
  let el = elementAt(tree, typed.start);
  const own = el && el.start === typed.lt ? el : undefined;
  if (own) el = own.parent;
  // Attributes are added only to a tag that has none yet (not when renaming a written element).
  const fresh = !own || (own.attributes.length === 0 && !own.startTagComplete);
  const range = lines.range(typed.start, typed.end);

  // Outside the root element: nothing may be written there.
  if (!el) return null;
  const parentSchema = !el.parent ? (el.name === ROOT_ELEMENT ? elementByKey(ROOT_ELEMENT) : undefined) : schemaOfElement(el);
  if (!parentSchema) return null;

  const items: CompletionItem[] = [];
  for (const key of childKeys(parentSchema)) {
    if (key === OVERRIDE_KEY) {
      const override = elementByKey(OVERRIDE_KEY)!;
      for (const task of taskElementNames()) items.push(elementItem(override, `${task}Override`, range, fresh, '2'));
      continue;
    }
    const schema = elementByKey(key);
    if (!schema) continue;
    items.push(elementItem(schema, schema.name, range, fresh, schema.name === 'Step' || !isTaskElement(schema.name) ? '0' : '1'));
  }
  return { isIncomplete: false, items };
}

function childKeys(parent: ElementSchema): string[] {
  return parent.children.includes('*') ? topLevelElementKeys() : parent.children;
}

function elementItem(schema: ElementSchema, name: string, range: Range, fresh: boolean, group: string): CompletionItem {
  const item: CompletionItem = {
    label: name,
    kind: schema.kind === 'task' ? CompletionItemKind.Function : schema.kind === 'job' ? CompletionItemKind.Module : CompletionItemKind.Class,
    detail: elementSummary(schema),
    documentation: { kind: MarkupKind.Markdown, value: elementMarkdown(schema, name) },
    sortText: `${group}${name}`,
    filterText: name,
    textEdit: { range, newText: name },
  };
  if (fresh) {
    const insert = startTagSnippet(schema, name);
    item.textEdit = { range, newText: insert.text };
    item.insertTextFormat = InsertTextFormat.Snippet;
    if (insert.suggest) item.command = TRIGGER_SUGGEST;
  }
  return item;
}

/** Escapes text for a snippet. */
function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * The name and the attributes to fill in: the required ones, plus Identifier for elements
 * that define one (a task without it cannot be referenced). Elements without children close.
 */
function startTagSnippet(schema: ElementSchema, name: string): { text: string; suggest: boolean } {
  const wanted = attributesOf(schema, name).filter((a) => a.schema.required || (a.name === 'Identifier' && (a.schema.identifier || isTaskElement(schema.key))));
  let text = name;
  let stop = 0;
  for (const a of wanted) {
    const fixed = typeof a.schema.default === 'string' && a.schema.required ? snippetText(a.schema.default) : '';
    text += ` ${a.name}="\${${++stop}${fixed ? `:${fixed}` : ''}}"`;
  }
  text += schema.children.length === 0 ? ' />$0' : '$0';
  const first = wanted[0]?.schema;
  return { text, suggest: !!first && hasValueChoices(first) };
}

// ---- Attribute names ---------------------------------------------------------------------

function attributeNameItems(text: string, lines: LineTable, cursor: CursorContext, offset: number): CompletionList | null {
  const el = cursor.element;
  const schema = cursor.schema!;
  if (offset <= el.nameEnd) return null;
  // Inside the tag: before its `>` or `/>`.
  const limit = el.startTagComplete ? el.startTagEnd - (el.selfClosing ? 2 : 1) : el.startTagEnd;
  if (offset > limit) return null;
  let typing: XmlAttribute | undefined = cursor.part === 'name' ? cursor.attribute : undefined;
  // At the very start of a written attribute: a new one goes in front of it.
  const before = typing !== undefined && offset === typing.nameStart && typing.valueStart >= 0;
  if (before) typing = undefined;
  const from = typing ? typing.nameStart : offset;
  if (!/\s/.test(text.charAt(from - 1))) return null;
  const range = typing ? lines.range(typing.nameStart, typing.nameEnd) : lines.range(offset, offset);
  const nameOnly = typing !== undefined && typing.valueStart >= 0;

  const present = new Set(el.attributes.filter((a) => a !== typing).map((a) => a.name));
  const candidates = attributesOf(schema, el.name).filter((a) => !present.has(a.name));
  // The next language of a multilingual attribute already written in language 1.
  for (const a of attributesOf(schema, el.name)) {
    const m = /^(.+)_L1$/.exec(a.name);
    if (!a.schema.multilingual || !m || !present.has(a.name)) continue;
    for (let n = 2; n <= 16; n++) {
      const next = `${m[1]}_L${n}`;
      if (present.has(next)) continue;
      candidates.push({ name: next, schema: { ...a.schema, required: false } });
      break;
    }
  }
  const items = candidates.map((a, i) => attributeItem(a.name, a.schema, i, range, nameOnly, before));
  return { isIncomplete: false, items };
}

function attributeItem(name: string, a: AttributeSchema, index: number, range: Range, nameOnly: boolean, before: boolean): CompletionItem {
  const item: CompletionItem = {
    label: name,
    kind: CompletionItemKind.Property,
    labelDetails: { description: typeLabel(a) },
    detail: `${typeLabel(a)}${a.required ? ' · required' : ''}`,
    documentation: { kind: MarkupKind.Markdown, value: attributeMarkdown(name, a) },
    sortText: `${a.required ? '0' : '1'}${String(index).padStart(3, '0')}`,
    filterText: name,
  };
  if (nameOnly) {
    item.textEdit = { range, newText: name };
    return item;
  }
  item.textEdit = { range, newText: `${name}="$1"${before ? ' ' : ''}` };
  item.insertTextFormat = InsertTextFormat.Snippet;
  if (hasValueChoices(a)) item.command = TRIGGER_SUGGEST;
  return item;
}

// ---- Values --------------------------------------------------------------------------------

function valueItems(text: string, lines: LineTable, cursor: CursorContext, offset: number): CompletionList | null {
  const attr = cursor.attribute!;
  const a = attributeOf(cursor.schema!, cursor.element.name, attr.name);
  // Identifiers are the reference completion's (completion.ts).
  if (!a || a.references) return null;
  const values = a.type === 'enum' ? (a.enum ?? []) : a.type === 'boolean' ? ['true', 'false'] : [];
  if (values.length === 0) return null;
  const span = valueOnCursorLine(lines, attr, offset);
  const range = lines.range(span.start, span.end);
  // A value whose quote is not closed yet (typing state) gets its quote.
  const quote = text.charAt(attr.valueStart - 1);
  const close = text.charAt(span.end) === quote ? '' : quote;
  const items = values.map((v, i): CompletionItem => ({
    label: v,
    kind: a.type === 'enum' ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
    labelDetails: a.default !== undefined && String(a.default) === v ? { description: 'default' } : undefined,
    detail: a.type === 'enum' ? `${a.enumType ?? 'enum'} value` : 'boolean',
    sortText: String(i).padStart(3, '0'),
    filterText: v,
    textEdit: { range, newText: v + close },
  }));
  return { isIncomplete: false, items };
}
