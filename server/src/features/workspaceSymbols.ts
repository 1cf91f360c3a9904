import type { SymbolInformation } from 'vscode-languageserver-types';
import { Definition, FileEntry } from '../index/fileEntry';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { identifierKind } from '../schema/identifierKinds';

/** Like TypeScript's navigate-to (256): a typed query narrows; thousands of rows help no one. */
export const MAX_SYMBOLS = 256;

/** Lower-cased identifiers of a file's definitions, computed once per (immutable) entry. */
const lowered = new WeakMap<FileEntry, string[]>();

function lowerIds(entry: FileEntry): string[] {
  let ids = lowered.get(entry);
  if (!ids) {
    ids = entry.definitions.map((d) => d.id.toLowerCase());
    lowered.set(entry, ids);
  }
  return ids;
}

/**
 * Identifiers of every kind that match the query (no case): the exact matches first, then
 * those that start with it, then those that contain its characters in order. Every file is
 * looked at (a fuzzy match early in the index must not hide an exact one later).
 */
export function findWorkspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const exact: SymbolInformation[] = [];
  const prefix: SymbolInformation[] = [];
  const fuzzy: SymbolInformation[] = [];
  search: for (const entry of index.allFiles()) {
    const ids = lowerIds(entry);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const bucket = id === q ? exact : id.startsWith(q) ? prefix : exact.length + prefix.length + fuzzy.length < MAX_SYMBOLS && matches(id, q) ? fuzzy : undefined;
      if (!bucket || bucket.length >= MAX_SYMBOLS) continue;
      bucket.push(toSymbol(entry, entry.definitions[i]));
      // Nothing better can come: the list is full of exact matches (or, for an empty query, of every name).
      if (exact.length >= MAX_SYMBOLS || (q === '' && prefix.length >= MAX_SYMBOLS)) break search;
    }
  }
  return exact.concat(prefix, fuzzy).slice(0, MAX_SYMBOLS);
}

function toSymbol(entry: FileEntry, d: Definition): SymbolInformation {
  return {
    name: d.id,
    kind: identifierKind(d.kind).symbolKind,
    containerName: d.job ? `${d.element} in ${d.job}` : d.element,
    location: { uri: d.uri, range: entry.lines.range(d.idStart, d.idEnd) },
  };
}

/** The query's characters appear in the name in order (each found with indexOf). */
function matches(name: string, q: string): boolean {
  let at = 0;
  for (let i = 0; i < q.length; i++) {
    at = name.indexOf(q[i], at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
