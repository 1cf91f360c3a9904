/**
 * Finding and reading the configuration's XML files on disk (Node only; the language service
 * itself never touches the file system).
 */
import { promises as fs } from 'node:fs';
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
 * names sorted), outside the folders never indexed. Every folder is listed as soon as its parent
 * is, not one after the other: the system reads them in parallel (3,000 files in 600 folders:
 * 200–430 ms one after the other, 50–90 ms so).
 */
export async function listFiles(root: string, accept: (name: string) => boolean, exclude: GlobSet = new GlobSet([])): Promise<string[]> {
  const [files] = await walkFiles(root, exclude, false, (name) => (accept(name) ? 0 : -1));
  return files;
}

/** What one walk of a workspace folder finds. */
export interface WorkspaceListing {
  /** The XML files to index: outside the excluded folders. */
  xml: string[];
  /** The files `isSettings` takes, excluded folders included (the agent reads its settings wherever they are). */
  settings: string[];
}

/**
 * The XML files and the settings files below `root` from one listing of each folder, in the
 * order listFiles gives (two walks listed every folder twice: 1,977 folders, 38–57 ms against
 * 20–31 ms).
 */
export async function listWorkspace(root: string, exclude: GlobSet, isSettings: (name: string) => boolean): Promise<WorkspaceListing> {
  const [xml, settings] = await walkFiles(root, exclude, true, (name, excluded) => (isSettings(name) ? 1 : !excluded && isXmlName(name) ? 0 : -1));
  return { xml, settings };
}

function isXmlName(name: string): boolean {
  return name.toLowerCase().endsWith('.xml');
}

/**
 * Files below `root` sorted into two lists by `sort` (0, 1, or -1 for neither), each in walk
 * order. `enterExcluded`: walk the folders `exclude` matches too, their files sorted as excluded.
 */
async function walkFiles(root: string, exclude: GlobSet, enterExcluded: boolean, sort: (name: string, excluded: boolean) => number): Promise<[string[], string[]]> {
  async function walk(dir: string, rel: string, excludedDir: boolean): Promise<[string[], string[]]> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return [[], []];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const found: ([number, string] | Promise<[string[], string[]]>)[] = [];
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      const excluded = excludedDir || exclude.matches(childRel);
      if (excluded && !enterExcluded) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name)) found.push(walk(full, childRel, excluded));
      } else if (e.isFile()) {
        const list = sort(e.name, excluded);
        if (list >= 0) found.push([list, full]);
      }
    }
    const out: [string[], string[]] = [[], []];
    for (const f of found) {
      if (Array.isArray(f)) out[f[0]].push(f[1]);
      else {
        const [xml, other] = await f;
        for (const file of xml) out[0].push(file);
        for (const file of other) out[1].push(file);
      }
    }
    return out;
  }
  return walk(root, '', false);
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
    const stat = await fs.lstat(current).catch(() => undefined);
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
