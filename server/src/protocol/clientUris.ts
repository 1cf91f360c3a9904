/**
 * One URI per file. Clients spell the same file differently (`%c3%a9` or `%C3%A9`, `(` or
 * `%28`, `C:` or `c%3A`, a raw `%`); the server keys everything (index, open documents, workspace
 * folders) on one canonical spelling and answers each client in the spelling it used.
 */
import { URI } from 'vscode-uri';

/**
 * The canonical spelling: parsed, then printed by vscode-uri (upper-case escapes of exactly the
 * characters it escapes, lower-case drive letter), which is also how the server spells the
 * files it finds on disk (`URI.file(path).toString()`). Never throws: a `%` that starts no
 * escape is taken as itself.
 */
export function canonicalUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/** Canonical URIs ↔ the spelling the client last used for each. */
export class ClientUris {
  private readonly spelling = new Map<string, string>();

  /** The canonical form of a URI the client sent; remembers the client's spelling when it differs. */
  fromClient(uri: string): string {
    const canonical = canonicalUri(uri);
    if (canonical !== uri) this.spelling.set(canonical, uri);
    else this.spelling.delete(canonical);
    return canonical;
  }

  /** The URI to send back: the client's own spelling of the file when it has one. */
  toClient(canonical: string): string {
    return this.spelling.get(canonical) ?? canonical;
  }

  /** Every `uri` of a list of locations (or symbols with a location) in the client's spelling. */
  locations<T extends { uri: string }>(list: T[]): T[] {
    if (this.spelling.size === 0) return list;
    return list.map((l) => (this.spelling.has(l.uri) ? { ...l, uri: this.toClient(l.uri) } : l));
  }

  /** A workspace edit's files in the client's spelling. */
  edit<T extends { changes?: { [uri: string]: unknown } }>(edit: T): T {
    if (!edit.changes || this.spelling.size === 0) return edit;
    const changes: { [uri: string]: unknown } = {};
    for (const [uri, edits] of Object.entries(edit.changes)) changes[this.toClient(uri)] = edits;
    return { ...edit, changes };
  }
}
