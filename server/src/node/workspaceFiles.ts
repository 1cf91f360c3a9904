/**
 * Finding and reading the configuration's XML files on disk (Node only; the language service
 * itself never touches the file system).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DecodedText, decodeBytes } from '../model/textDecoding';
import { GlobSet } from './globMatcher';

/** Folders never worth indexing. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.svn', '.hg']);

/** True when a path relative to a workspace folder goes through one of the folders never indexed. */
export function isInSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').some((part) => ALWAYS_SKIPPED.has(part));
}

/** Files larger than this are not indexed (a clear message instead of a stalled server). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function listXmlFiles(root: string, exclude: GlobSet = new GlobSet([])): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (exclude.matches(childRel)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name)) await walk(full, childRel);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.xml')) {
        out.push(full);
      }
    }
  }
  await walk(root, '');
  return out;
}

export type ReadResult =
  | ({ ok: true } & DecodedText)
  | { ok: false; reason: 'too-large' | 'unreadable' | 'binary'; message: string };

export async function readXmlFile(file: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) {
      return { ok: false, reason: 'too-large', message: `not indexed: ${Math.round(stat.size / 1048576)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit` };
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot be read: ${(e as Error).message}` };
  }
  const decoded = decodeBytes(bytes);
  if (decoded.problem === 'binary') return { ok: false, reason: 'binary', message: 'not a text file (it contains NUL bytes)' };
  return { ok: true, ...decoded };
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
