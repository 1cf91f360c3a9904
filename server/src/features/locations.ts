/** LSP locations of index items, in their own file's line/column. */
import type { Location, Position } from 'vscode-languageserver-types';
import { Definition, Reference } from '../index/fileEntry';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { FeatureContext } from '../languageService';
import { CursorContext, cursorContext } from './cursorContext';

export function definitionLocation(index: WorkspaceIndex, d: Definition): Location | undefined {
  const lines = index.file(d.uri)?.lines;
  return lines ? { uri: d.uri, range: lines.range(d.idStart, d.idEnd) } : undefined;
}

/** Locations of references (thousands for a shared task), from the ranges the entries carry. */
export function referenceLocations(refs: readonly Reference[]): Location[] {
  return refs.map((r) => ({ uri: r.uri, range: { start: { line: r.line, character: r.character }, end: { line: r.endLine, character: r.endCharacter } } }));
}

export function contextAt(ctx: FeatureContext, position: Position): CursorContext | undefined {
  const offset = ctx.doc.entry.lines.offsetAt(position);
  return cursorContext(ctx.doc.tree, offset);
}

/** The identifier (kind + id) named or defined at the position, if any. */
export function symbolAt(ctx: FeatureContext, position: Position): { kind: string; id: string; role: 'reference' | 'definition' } | undefined {
  const s = contextAt(ctx, position)?.symbol;
  return s && s.id.length > 0 ? s : undefined;
}

export function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}
