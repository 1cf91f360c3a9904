import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { LineTable } from '../model/lineTable';
import { XmlElement, attribute } from '../model/xmlTree';
import type { FeatureContext } from '../languageService';
import { definitionKind, schemaOfElement } from '../schema/schema';
import { identifierKind } from '../schema/identifierKinds';

/** The outline: every top-level element, jobs with their tasks and steps as children. */
export function findDocumentSymbols(ctx: FeatureContext): DocumentSymbol[] {
  const root = ctx.doc.tree.roots[0];
  if (!root) return [];
  const lines = ctx.doc.entry.lines;
  return root.children.map((el) => {
    const sym = toSymbol(el, lines);
    if (el.name === 'Job') sym.children = el.children.map((child) => toSymbol(child, lines));
    return sym;
  });
}

function toSymbol(el: XmlElement, lines: LineTable): DocumentSymbol {
  const schema = schemaOfElement(el);
  const kind = schema ? definitionKind(schema) : undefined;
  const id = attribute(el, 'Identifier');
  const hasId = id && id.valueStart >= 0 && id.value.length > 0;
  const display = attribute(el, 'DisplayName_L1')?.value;
  const range = lines.range(el.start, el.end);
  const selectionRange = hasId ? lines.range(id.valueStart, id.valueEnd) : lines.range(el.nameStart, el.nameEnd);
  if (el.name === 'Step') {
    return { name: `Step ${hasId ? id.value : ''}`.trim(), detail: 'Step', kind: SymbolKind.Event, range, selectionRange };
  }
  return {
    name: hasId ? id.value : el.name,
    detail: hasId ? (display ? `${el.name} — ${display}` : el.name) : display,
    kind: kind ? identifierKind(kind).symbolKind : SymbolKind.Object,
    range,
    selectionRange,
  };
}
