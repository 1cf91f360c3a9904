/**
 * The first pass of `check` without --fix: every file read, decoded and indexed, its text
 * dropped (the second pass reads each file again while it checks it, so that a run holds a few
 * texts at a time, see textsAgain.ts). From PARALLEL_MIN_FILES files on, worker threads read
 * and parse (node/parallelIndexer.ts), as the server's cold index does; if they cannot start or
 * fail, the rest is read here.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unpackEntry } from '../index/entryCodec';
import { LanguageService } from '../languageService';
import { IndexWorkers } from '../node/parallelIndexer';
import { ReadResult, decodingWarning, readXmlFileSync } from '../node/workspaceFiles';
import { InputFile } from './inputFiles';
import type { LocalCheck } from '../rules/localCheck';
import { Progress, ProgressWriter } from './progress';

/** Fewer files are read faster here than workers start. */
export const PARALLEL_MIN_FILES = 64;

/** Files the worker threads indexed since the last call (tests check which path ran: a count). */
let fromWorkers = 0;

export function takeFilesIndexedByWorkers(): number {
  const n = fromWorkers;
  fromWorkers = 0;
  return n;
}

/** `local`: what an index worker checked in the text without the index (rules/localCheck.ts). */
export type IndexedInput = InputFile & { uri: string } & ({ ok: true; local?: LocalCheck } | { ok: false; message: string });

export interface IndexOptions {
  progress?: ProgressWriter;
  /** A file read with a warning (decodingWarning), in file order. */
  warn: (file: string, message: string) => void;
  /** Worker threads; 0 reads every file in this thread (default: one per core, up to four). */
  workers?: number;
  /** The workers' script (default: checkWorker.js beside this module; the command line bundle gives itself, see main.ts). */
  workerScript?: string;
  /** Told when the worker threads fail, so that a slow run says why. */
  workersFailed?: (message: string) => void;
  /**
   * Given, one index worker is handed to it once every file is indexed, instead of being
   * stopped: the check pass reads files again with it (textsAgain.ts), its code already compiled.
   */
  handOver?: (worker: IndexWorkers) => void;
}

/** Reads and indexes the files in order; returns each one's outcome, in the same order. */
export async function indexInputs(service: LanguageService, files: readonly InputFile[], options: IndexOptions): Promise<IndexedInput[]> {
  const out: IndexedInput[] = [];
  const bar = new Progress(options.progress, 'Reading', files.length);
  const items = files.map((f) => ({ ...f, uri: pathToFileURL(f.file).toString() }));
  const workers = items.length >= PARALLEL_MIN_FILES && options.workers !== 0 ? startWorkers(options) : undefined;
  if (workers) {
    try {
      await workers.run(items, (r) => {
        const input = items[out.length];
        if (r.warning) options.warn(input.file, r.warning);
        if (r.entry) {
          service.setFileEntry(unpackEntry(r.entry, true));
          fromWorkers++;
          out.push({ ...input, ok: true, local: r.local });
        } else {
          out.push({ ...input, ok: false, message: r.failure.message });
        }
        bar.update(out.length);
      });
    } catch (e) {
      // The files delivered stay indexed; the rest are read below.
      options.workersFailed?.(`worker threads failed (${e instanceof Error ? e.message : String(e)}); the ${items.length - out.length} files left are read in this thread.`);
    }
    if (options.handOver && out.length === items.length) {
      workers.keep(1);
      options.handOver(workers);
    } else workers.close();
  }
  for (const input of items.slice(out.length)) {
    out.push(indexRead(service, input, readXmlFileSync(input.file), options.warn));
    bar.update(out.length);
  }
  bar.end();
  return out;
}

export function startWorkers(options: Pick<IndexOptions, 'workers' | 'workerScript' | 'workersFailed'>): IndexWorkers | undefined {
  try {
    return new IndexWorkers({ workers: options.workers, script: options.workerScript ?? path.join(__dirname, 'checkWorker.js') });
  } catch (e) {
    options.workersFailed?.(`worker threads cannot start (${e instanceof Error ? e.message : String(e)}); the files are read in this thread.`);
    return undefined;
  }
}

function indexRead(service: LanguageService, input: InputFile & { uri: string }, read: ReadResult, warn: IndexOptions['warn']): IndexedInput {
  if (!read.ok) {
    return { ...input, ok: false, message: read.message };
  }
  const warning = decodingWarning(read);
  if (warning) warn(input.file, warning);
  service.setFileText(input.uri, read.text, read.encoding);
  return { ...input, ok: true };
}
