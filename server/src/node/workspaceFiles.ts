/**
 * Finding and reading the configuration's XML files on disk (Node only; the language service
 * itself never touches the file system).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineTable } from '../model/lineTable';
import { DecodedText, decodeBytes } from '../model/textDecoding';
import { GlobSet } from './globMatcher';
import { RegularRead, readRegularFile, readRegularFileSync } from './regularFile';

/** Folders never worth indexing. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.svn', '.hg']);

/** True when a path relative to a workspace folder goes through one of the folders never indexed. */
export function isInSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').some((part) => ALWAYS_SKIPPED.has(part));
}

/** Files larger than this are not indexed (a clear message instead of a stalled server). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function listXmlFiles(root: string, exclude: GlobSet = new GlobSet([])): Promise<string[]> {
  return listFiles(root, isXmlName, exclude);
}

/**
 * The files below `root` whose name `accept` takes, in a stable order (a depth-first walk with
 * names sorted), outside the folders never indexed. Several folders are listed at once, not one
 * after the other: the system reads them in parallel (3,000 files in 600 folders: 200–430 ms
 * one after the other, 50–90 ms so).
 */
export async function listFiles(root: string, accept: (name: string) => boolean, exclude: GlobSet = new GlobSet([])): Promise<string[]> {
  const files: string[] = [];
  await walkFiles(
    root,
    exclude,
    false,
    (name) => (accept(name) ? 0 : -1),
    (_list, file) => files.push(file),
  );
  return files;
}

/**
 * The XML files outside the excluded folders and the settings files `isSettings` takes,
 * excluded folders included (the agent reads its settings wherever they are), from one listing
 * of each folder (two walks listed every folder twice: 1,977 folders, 38–57 ms against 20–31
 * ms). Each XML file goes to `onXml` in the order listFiles gives, as soon as every folder
 * before it is listed, so that indexing starts while the walk goes on; settles with the
 * settings files once every folder is listed.
 */
export async function walkWorkspace(root: string, exclude: GlobSet, isSettings: (name: string) => boolean, onXml: (file: string) => void): Promise<string[]> {
  const settings: string[] = [];
  await walkFiles(
    root,
    exclude,
    true,
    (name, excluded) => (isSettings(name) ? 1 : !excluded && isXmlName(name) ? 0 : -1),
    (list, file) => (list === 0 ? onXml(file) : settings.push(file)),
  );
  return settings;
}

function isXmlName(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

/** A folder's files (with the list `sort` gave them) and subfolders, sorted by name, once it is listed. */
interface Folder {
  entries: ([number, string] | Folder)[] | undefined;
  /** Called once it is listed (the walk's files wait for it). */
  listed: (() => void) | undefined;
}

/**
 * Listings under way at once. The system lists a few folders at a time anyway (libuv's four
 * threads); the others wait in the walk's own order, so that the first files in that order are
 * found first and indexing starts with them.
 */
const LISTINGS_AT_ONCE = 8;

/**
 * Files below `root` sorted by `sort` into list 0 or 1 (-1: neither), given to `found` in walk
 * order, each as soon as the folders before it are listed. `enterExcluded`: walk the folders
 * `exclude` matches too, their files sorted as excluded. Callbacks, not promises: a promise per
 * folder made the walk of 1,977 folders a quarter slower (warm, 111–119 ms against 70–95).
 */
function walkFiles(
  root: string,
  exclude: GlobSet,
  enterExcluded: boolean,
  sort: (name: string, excluded: boolean) => number,
  found: (list: number, file: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Folders waiting to be listed, the next in walk order last.
    const waiting: (() => void)[] = [];
    let listing = 0;
    let failed = false;
    const fail = (e: unknown) => {
      failed = true;
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const listMore = () => {
      while (listing < LISTINGS_AT_ONCE && waiting.length > 0) {
        listing++;
        waiting.pop()!();
      }
    };
    const folder = (dir: string, rel: string, excludedDir: boolean): [Folder, () => void] => {
      const f: Folder = { entries: undefined, listed: undefined };
      const listNow = () =>
        fs.readdir(dir, { withFileTypes: true }, (err, entries) => {
          if (failed) return;
          // A callback of the system's: what throws here ends the walk, not the process.
          try {
            const out: ([number, string] | Folder)[] = [];
            const subfolders: (() => void)[] = [];
            if (!err) {
              entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
              for (const e of entries) {
                const childRel = rel ? `${rel}/${e.name}` : e.name;
                const excluded = excludedDir || exclude.matches(childRel);
                if (excluded && !enterExcluded) continue;
                const full = path.join(dir, e.name);
                if (e.isDirectory()) {
                  if (ALWAYS_SKIPPED.has(e.name)) continue;
                  const [child, listChild] = folder(full, childRel, excluded);
                  out.push(child);
                  subfolders.push(listChild);
                } else if (e.isFile()) {
                  const which = sort(e.name, excluded);
                  if (which >= 0) out.push([which, full]);
                }
              }
            }
            // The first subfolder is listed next (it is last in the queue), before the folders after this one.
            for (let i = subfolders.length - 1; i >= 0; i--) waiting.push(subfolders[i]);
            f.entries = out;
            listing--;
            listMore();
            f.listed?.();
          } catch (e) {
            fail(e);
          }
        });
      return [f, listNow];
    };
    // The files in walk order: depth first, each folder's entries in turn, waiting where a folder is not listed yet.
    const [top, listTop] = folder(root, '', false);
    const trail: { folder: Folder; at: number }[] = [{ folder: top, at: 0 }];
    const give = () => {
      while (trail.length > 0) {
        const here = trail[trail.length - 1];
        const entries = here.folder.entries;
        if (!entries) {
          here.folder.listed = give;
          return;
        }
        if (here.at === entries.length) {
          trail.pop();
          continue;
        }
        const entry = entries[here.at++];
        if (Array.isArray(entry)) found(entry[0], entry[1]);
        else trail.push({ folder: entry, at: 0 });
      }
      resolve();
    };
    waiting.push(listTop);
    listMore();
    try {
      give();
    } catch (e) {
      fail(e);
    }
  });
}

export type ReadResult =
  | ({ ok: true } & DecodedText)
  /** `code`: the system's error code when the file could not be opened (`ENOENT`: it is gone). */
  | { ok: false; reason: 'too-large' | 'unreadable' | 'binary'; message: string; code?: string };

/** Reads and decodes a regular file of at most MAX_FILE_BYTES (a FIFO or a device is refused, never waited on). */
export async function readXmlFile(file: string): Promise<ReadResult> {
  return decoded(await readRegularFile(file, MAX_FILE_BYTES));
}

/**
 * The same, synchronously: the cold index reads hundreds of files in a row, and the promise
 * round trips of the asynchronous reads cost more than the reads (docs/performance.md).
 */
export function readXmlFileSync(file: string): ReadResult {
  return decoded(readRegularFileSync(file, MAX_FILE_BYTES));
}

function decoded(read: RegularRead): ReadResult {
  if (!read.ok) return { ok: false, reason: read.reason === 'too-large' ? 'too-large' : 'unreadable', message: read.message, code: read.code };
  const text = decodeBytes(read.bytes);
  if (text.problem === 'binary') return { ok: false, reason: 'binary', message: 'not a text file (it contains NUL bytes)' };
  return { ok: true, ...text };
}

/** Runs `work` over items with at most `width` at a time. */
export async function forEachLimited<T>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(runners);
}

/**
 * Whether `file` lies under `root` and is reached from it without going through a link, as the
 * walk of listXmlFiles reaches files (it never follows links). False when anything on the way
 * is missing. A file event must pass this before the file is read.
 */
export async function reachedWithoutLinks(root: string, file: string): Promise<boolean> {
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  let current = root;
  for (const part of relative.split(path.sep)) {
    current = path.join(current, part);
    const stat = await fs.promises.lstat(current).catch(() => undefined);
    if (!stat || stat.isSymbolicLink()) return false;
  }
  return true;
}

/**
 * What to tell about a file read with a problem the index works around: a file that declares
 * UTF-8 but holds other bytes is read as Windows-1252, while an editor shows those bytes as
 * `�`. Said where, not what.
 */
export function decodingWarning(read: DecodedText): string | undefined {
  if (read.problem !== 'invalid-utf8-declared') return undefined;
  const at = LineTable.fromText(read.text).positionAt(read.invalidAt ?? 0);
  return (
    `declares UTF-8, but line ${at.line + 1}, column ${at.character + 1} is not UTF-8: read as Windows-1252 here, while an editor ` +
    'opening it as UTF-8 shows �. Save it as UTF-8, or declare its encoding (encoding="windows-1252").'
  );
}
