/**
 * What is under the cursor in an open document: the element, the attribute whose name or
 * value holds the offset, and, for identifier values, the symbol (kind + id) they name.
 */
import { LineTable } from '../model/lineTable';
import { XmlAttribute } from '../model/xmlScanner';
import { XmlElement, XmlTree, elementAt } from '../model/xmlTree';
import { ElementSchema, definitionKind, referenceAttributes, schemaOfElement } from '../schema/schema';

export interface CursorContext {
  element: XmlElement;
  schema: ElementSchema | undefined;
  /** Set when the offset is inside the start tag. */
  inStartTag: boolean;
  attribute?: XmlAttribute;
  /** Where in the attribute the offset is. */
  part?: 'name' | 'value';
  /** For a value that names or defines an identifier. */
  symbol?: { kind: string; id: string; role: 'reference' | 'definition' };
}

export function cursorContext(tree: XmlTree, offset: number): CursorContext | undefined {
  const element = elementAt(tree, offset);
  if (!element) return undefined;
  const schema = schemaOfElement(element);
  const inStartTag = offset > element.start && offset <= element.startTagEnd;
  const ctx: CursorContext = { element, schema, inStartTag };
  if (!inStartTag) return ctx;
  for (const a of element.attributes) {
    if (a.valueStart >= 0 && a.valueStart <= offset && offset <= a.valueEnd) {
      ctx.attribute = a;
      ctx.part = 'value';
      break;
    }
    if (a.nameStart <= offset && offset <= a.nameEnd) {
      ctx.attribute = a;
      ctx.part = 'name';
      break;
    }
  }
  if (ctx.attribute && ctx.part === 'value' && schema) {
    const refKind = referenceAttributes(schema).get(ctx.attribute.name);
    const id = ctx.attribute.value.trim();
    if (refKind) ctx.symbol = { kind: refKind, id, role: 'reference' };
    else if (ctx.attribute.name === 'Identifier') {
      const kind = definitionKind(schema);
      if (kind) ctx.symbol = { kind, id, role: 'definition' };
    }
  }
  return ctx;
}

/**
 * The part of a value on the cursor's line, as offsets: a completion edit must stay on one line
 * and contain the cursor (VS Code drops an item whose range spans lines, as `ParentTask="T⏎1"`
 * does while a quote is missing).
 */
export function valueOnCursorLine(lines: LineTable, attr: XmlAttribute, offset: number): { start: number; end: number } {
  const line = lines.lineBounds(offset);
  return { start: Math.max(attr.valueStart, line.start), end: Math.min(attr.valueEnd, line.end) };
}
