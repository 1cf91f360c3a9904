/**
 * The texts of the check pass. The first pass keeps no text (a run of 100 MB would hold it all),
 * so each file whose check needs its text is read again when its turn comes. When the first
 * pass read with worker threads, one of them (or a fresh one, for many files) reads and decodes
 * the next files while this thread checks the current one, a few batches ahead at most
 * (IndexWorkers.readAhead), and checks locally those it is asked to (cli/checkWorker.ts); if it
 * fails, the rest is read here and checked whole by the check.
 */
import type { FileToIndex, IndexWorkers } from '../node/parallelIndexer';
import { readXmlFileSync } from '../node/workspaceFiles';
import type { LocalCheck } from '../rules/localCheck';
import { IndexOptions, PARALLEL_MIN_FILES, startWorkers } from './indexInputs';

/** A file read again: its text and what a worker checked in it, or why it cannot be read now. */
export type TextAgain = { text: string; local?: LocalCheck } | { text?: undefined; message: string };

export interface TextsAgain {
  /** The next file (files come in the order given). */
  next(file: string): Promise<TextAgain>;
  /** Stops the workers. */
  close(): void;
}

/** Texts the worker threads read again since the last call (tests check which path ran: a count). */
let fromWorkers = 0;

export function takeTextsReadByWorkers(): number {
  const n = fromWorkers;
  fromWorkers = 0;
  return n;
}

/** `indexWorker`: an index worker of the first pass, handed over (indexInputs.ts), read with instead of a fresh one. */
export function textsAgain(files: readonly FileToIndex[], options: Pick<IndexOptions, 'workers' | 'workerScript'>, indexWorker?: IndexWorkers): TextsAgain {
  // One reader keeps ahead: reading and the local checks of a text take less than its check here.
  const workers = indexWorker ?? (files.length >= PARALLEL_MIN_FILES && options.workers !== 0 ? startWorkers({ ...options, workers: 1 }) : undefined);
  let ahead = workers?.readAhead(files);
  return {
    async next(file) {
      if (ahead) {
        try {
          const r = await ahead.next();
          if (r.file !== file) throw new Error(`read ${r.file} instead of ${file}`);
          fromWorkers++;
          return r.text !== undefined ? { text: r.text, local: r.local } : readFailure(r.failure.message);
        } catch {
          // The workers stopped: this file and the rest are read here.
          ahead = undefined;
        }
      }
      const read = readXmlFileSync(file);
      return read.ok ? { text: read.text } : readFailure(read.message);
    },
    close() {
      workers?.close();
    },
  };
}

function readFailure(message: string): TextAgain {
  return { message: `${message} (when read again to be checked)` };
}
