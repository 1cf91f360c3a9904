/**
 * The texts of the check pass. The first pass keeps no text (a run of 100 MB would hold it all),
 * so each file is read again when its turn comes. For as many files as the first pass reads
 * with worker threads, a fresh one (the index workers' memory went with them) reads and decodes
 * the next files while this thread checks the current one, a few batches ahead at most
 * (IndexWorkers.readAhead); if it fails, the rest is read here.
 */
import type { FileToIndex } from '../node/parallelIndexer';
import { readXmlFileSync } from '../node/workspaceFiles';
import { IndexOptions, PARALLEL_MIN_FILES, startWorkers } from './indexInputs';

export interface TextsAgain {
  /** The text of the next file (files come in the order given), or why it cannot be read now. */
  next(file: string): Promise<string | { message: string }>;
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

export function textsAgain(files: readonly FileToIndex[], options: Pick<IndexOptions, 'workers' | 'workerScript'>): TextsAgain {
  // One reader keeps ahead: reading is a fifth of what the check of a text takes. Its texts live
  // only until they are posted: a small young generation is enough (16 MB less at the peak).
  const workers = files.length >= PARALLEL_MIN_FILES && options.workers !== 0 ? startWorkers({ ...options, workers: 1 }, { maxYoungGenerationSizeMb: 4 }) : undefined;
  let ahead = workers?.readAhead(files);
  return {
    async next(file) {
      if (ahead) {
        try {
          const r = await ahead.next();
          if (r.file !== file) throw new Error(`read ${r.file} instead of ${file}`);
          fromWorkers++;
          return r.text ?? readFailure(r.failure.message);
        } catch {
          // The workers stopped: this file and the rest are read here.
          ahead = undefined;
        }
      }
      const read = readXmlFileSync(file);
      return read.ok ? read.text : readFailure(read.message);
    },
    close() {
      workers?.close();
    },
  };
}

function readFailure(message: string): { message: string } {
  return { message: `${message} (when read again to be checked)` };
}
