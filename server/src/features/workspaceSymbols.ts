import type { SymbolInformation } from 'vscode-languageserver-types';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { symbolKindOf } from './symbolKinds';

const MAX_SYMBOLS = 1000;

/** Identifiers of every kind whose name contains the query's characters in order (no case). */
export function findWorkspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const kind of index.kinds()) {
    index.forEachIdentifier(kind, (byFile) => {
      for (const defs of byFile.values()) {
        for (const d of defs) {
          if (!matches(d.id.toLowerCase(), q)) break;
          const lines = index.file(d.uri)?.lines;
          if (!lines) continue;
          out.push({
            name: d.id,
            kind: symbolKindOf(kind),
            containerName: d.job ? `${d.element} in ${d.job}` : d.element,
            location: { uri: d.uri, range: lines.range(d.idStart, d.idEnd) },
          });
          if (out.length >= MAX_SYMBOLS) return false;
        }
      }
      return true;
    });
    if (out.length >= MAX_SYMBOLS) break;
  }
  return out;
}

function matches(name: string, q: string): boolean {
  if (q.length === 0) return true;
  let i = 0;
  for (let k = 0; k < name.length && i < q.length; k++) if (name.charCodeAt(k) === q.charCodeAt(i)) i++;
  return i === q.length;
}
