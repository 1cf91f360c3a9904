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

/** Identifiers of every kind whose name contains the query's characters in order (no case). */
export function findWorkspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const entry of index.allFiles()) {
    const ids = lowerIds(entry);
    for (let i = 0; i < ids.length; i++) {
      if (!matches(ids[i], q)) continue;
      out.push(toSymbol(entry, entry.definitions[i]));
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
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
