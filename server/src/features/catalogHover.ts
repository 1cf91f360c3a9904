/**
 * Hover documentation from the catalog: on an element name, what the element does, where it
 * runs, its attributes and the Set up Complete Synchronization guide's advice for complete jobs; on an attribute name (or an
 * enum / boolean value), its type, default and allowed values. Identifier values are the
 * reference hover's (hover.ts).
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { ROOT_ELEMENT, elementByKey } from '../schema/schema';
import { attributeMarkdown, attributeOf, elementMarkdown } from './catalogDocs';
import { CursorContext } from './cursorContext';

/** Hover at `offset`, where the cursor context (cursorContext.ts) is `cursor`. */
export function catalogHover(ctx: FeatureContext, offset: number, cursor: CursorContext | undefined): Hover | null {
  const lines = ctx.doc.entry.lines;
  if (!cursor || !cursor.inStartTag) return null;
  const el = cursor.element;
  const schema = cursor.schema ?? (!el.parent && el.name === ROOT_ELEMENT ? elementByKey(ROOT_ELEMENT) : undefined);
  if (!schema) return null;
  const markdown = (value: string, start: number, end: number): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: lines.range(start, end),
  });

  if (offset >= el.nameStart && offset <= el.nameEnd) return markdown(elementMarkdown(schema, el.name), el.nameStart, el.nameEnd);
  const attr = cursor.attribute;
  if (!attr) return null;
  const a = attributeOf(schema, el.name, attr.name);
  if (!a) return null;
  if (cursor.part === 'name') return markdown(attributeMarkdown(attr.name, a), attr.nameStart, attr.nameEnd);
  if (cursor.part === 'value' && (a.type === 'enum' || a.type === 'boolean')) {
    return markdown(attributeMarkdown(attr.name, a), attr.valueStart, attr.valueEnd);
  }
  return null;
}
