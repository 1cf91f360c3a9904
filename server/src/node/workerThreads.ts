/**
 * Starting the index worker threads, apart from using them (parallelIndexer.ts): nothing here
 * loads the parser, so that the server can start its threads before it loads the rest of its
 * code (earlyIndexThreads.ts).
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The server's index worker script, beside this module (the server bundle and dist/indexWorker.js share dist/). */
export const INDEX_WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

/**
 * Workers worth starting on this machine: one per core, up to four; one core fewer when the
 * calling thread indexes a share (`threadHelps`), at least one.
 */
export function defaultWorkerCount(threadHelps = false): number {
  return Math.max(1, Math.min(4, availableParallelism() - (threadHelps ? 1 : 0)));
}

/** What a worker thread that ended on its own leaves (whoever listened for it: StartedThread, IndexWorkers). */
export function workerStopped(code: number): Error {
  return new Error(`An index worker stopped (exit code ${code}).`);
}

/** A worker thread started before anything used it, with what went wrong meanwhile. */
export class StartedThread {
  /** Its error or exit while nothing listened yet (then IndexWorkers fails at once). */
  failure: Error | undefined;

  constructor(readonly worker: Worker) {
    // Without a listener, an 'error' event would be thrown in this thread.
    worker.once('error', (e) => (this.failure ??= e));
    worker.once('exit', (code) => (this.failure ??= workerStopped(code)));
  }
}

/** `count` threads of `script`, started now; none when threads cannot start here. */
export function startThreads(script: string, count: number): StartedThread[] {
  const threads: StartedThread[] = [];
  try {
    for (let i = 0; i < count; i++) threads.push(new StartedThread(new Worker(script)));
  } catch {
    // The indexer starts its own later, or reads in its thread (and says so).
    for (const t of threads) void t.worker.terminate();
    return [];
  }
  return threads;
}
