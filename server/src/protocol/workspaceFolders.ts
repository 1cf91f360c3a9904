/**
 * The workspace folders and which files of the disk belong to the workspace. A file belongs
 * when the initial walk would have found it: a `file:` URI under a folder, not excluded, and
 * reached without going through a link. File events and closed documents follow the same rule,
 * so that an event can never bring in a file the walk would not read (a link to a file
 * outside, a linked folder, an `http:` URI whose path happens to exist locally).
 */
import { URI } from 'vscode-uri';
import { GlobSet } from '../node/globMatcher';
import { isInSkippedFolder, reachedWithoutLinks } from '../node/workspaceFiles';
import { canonicalUri } from './clientUris';

export class WorkspaceFolders {
  /** Canonical folder URIs, without a trailing slash. */
  private list: string[] = [];
  exclude = new GlobSet([]);

  get uris(): readonly string[] {
    return this.list;
  }

  set(uris: readonly string[]): void {
    this.list = uris.map(folderUri);
  }

  change(added: readonly string[], removed: readonly string[]): string[] {
    const gone = new Set(removed.map(folderUri));
    this.list = this.list.filter((r) => !gone.has(r)).concat(added.map(folderUri));
    return [...gone];
  }

  /** The folder that holds `uri` (canonical), if any. */
  folderOf(uri: string): string | undefined {
    return this.list.find((r) => uri.startsWith(r + '/'));
  }

  /** The path of `uri` inside its folder, decoded, with `/`. */
  private relative(root: string, uri: string): string {
    return URI.parse(uri).path.slice(URI.parse(root).path.replace(/\/$/, '').length + 1);
  }

  isExcluded(uri: string): boolean {
    const root = this.folderOf(uri);
    if (!root) return false;
    const relative = this.relative(root, uri);
    return isInSkippedFolder(relative) || this.exclude.matches(relative);
  }

  /**
   * The path on disk of a file or folder of the workspace, or undefined when `uri` is not one:
   * not `file:`, outside the folders, excluded, reached through a link, or gone.
   */
  async diskPath(uri: string): Promise<string | undefined> {
    const root = this.folderOf(uri);
    if (!root || !uri.startsWith('file:') || !root.startsWith('file:') || this.isExcluded(uri)) return undefined;
    const file = URI.parse(uri).fsPath;
    return (await reachedWithoutLinks(URI.parse(root).fsPath, file)) ? file : undefined;
  }
}

function folderUri(uri: string): string {
  return canonicalUri(uri).replace(/\/$/, '');
}
