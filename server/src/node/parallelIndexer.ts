/**
 * The cold index in worker threads: files go to the workers in small batches, each worker
 * reads, decodes and parses them (indexWorker.ts) and answers with packed entries, and the
 * caller gets the results in the order of the files, whichever worker finishes first, so that
 * the index is the same as a sequential read. The files may still be coming (FileFeed, filled
 * by the walk of the folders): a batch goes out as soon as it is whole. Reading and parsing is
 * most of the cold index (docs/performance.md). Given the workers' own function (`here`), the
 * calling thread takes batches too, in slices of a few milliseconds between its other work: one
 * worker fewer then keeps the cores busy without more threads than cores (on two cores, two
 * workers and the thread filing their entries made the cold index about 5 % longer), and its
 * share is not sent to another thread.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { PackedEntry } from '../index/entryCodec';
import type { LocalCheck } from '../rules/localCheck';
import { IndexText, indexFile } from './indexWorkerLoop';
import { INDEX_WORKER_SCRIPT, StartedThread, defaultWorkerCount, workerStopped } from './workerThreads';

export interface FileToIndex {
  file: string;
  uri: string;
  /** Read again for the command line's check pass: check it locally too (see serveIndexRequests' `checkText`). */
  check?: boolean;
}

export interface WorkerRequest {
  batch: number;
  files: FileToIndex[];
  /** Only read and decode the files, and answer with their texts (the command line's check pass, see readAhead), checked locally where asked. */
  read?: boolean;
}

/** A file read again by a worker: its text (and, asked for, its local check), or why it cannot be read. */
export type TextResult = FileToIndex &
  ({ text: string; local?: LocalCheck; failure?: undefined } | { text?: undefined; local?: undefined; failure: { reason: string; message: string } });

export type FileResult = FileToIndex &
  ({ entry: PackedEntry; failure?: undefined } | { entry?: undefined; failure: { reason: 'too-large' | 'unreadable' | 'binary'; message: string } }) & {
    /** Something to tell about a file read all the same (workspaceFiles.ts decodingWarning). */
    warning?: string;
    /** What the command line's workers checked without the index (cli/checkWorker.ts). */
    local?: LocalCheck;
  };

export interface WorkerReply {
  batch: number;
  results: FileResult[] | TextResult[];
}

export interface ParallelOptions {
  /** Worker threads to start (at least one). */
  workers?: number;
  /** The worker's script; by default indexWorker.js next to this module (or the server bundle). */
  script?: string;
  /** Threads of that script already started (the server starts them with the process): used instead of starting `workers`. */
  threads?: readonly StartedThread[];
  /** What the workers' script does with each text: given, this thread indexes a share of the files with it. */
  here?: IndexText;
  /** Batches sent ahead to each worker (default IN_FLIGHT_PER_WORKER). */
  inFlight?: number;
}

/** How long the calling thread indexes its share before it looks at answers and requests again. */
const HERE_SLICE_MS = 10;
/**
 * Batches sent ahead to each worker, so that none waits while this thread files answers or
 * indexes a slice of its own: a batch of small files takes a worker 2-3 ms, less than one
 * slice. With two in flight, the worker idled 226 ms of the cold index of 3,193 files of
 * 31 KB; with eight, 121 ms (most of it before the first batch).
 */
const IN_FLIGHT_PER_WORKER = 8;

/**
 * Batches a worker reads ahead of the command line's check pass (readAhead). Its work per file
 * (a tree and the local checks) and the main thread's (the index rules) vary from file to file:
 * with two batches ahead, the check pass of the bench's 100 MB waited 109–227 ms for texts; with
 * eight (64 texts, about 12 MB), about 50 ms.
 */
export const READ_AHEAD_PER_WORKER = 8;

/**
 * Files to index in order, some of them maybe still to come: a walk of the workspace gives
 * them as it lists folders (workspaceFiles.ts walkWorkspace), and indexing starts meanwhile.
 */
export class FileFeed {
  readonly files: FileToIndex[] = [];
  private ended = false;
  private listener: (() => void) | undefined;

  /** A feed of these files and no more. */
  static of(files: readonly FileToIndex[]): FileFeed {
    const feed = new FileFeed();
    feed.files.push(...files);
    feed.end();
    return feed;
  }

  push(file: FileToIndex): void {
    this.files.push(file);
    this.listener?.();
  }

  /** No file comes after these. */
  end(): void {
    this.ended = true;
    this.listener?.();
  }

  get complete(): boolean {
    return this.ended;
  }

  /** Settles once `count` files came, or the feed ended. */
  reached(count: number): Promise<void> {
    if (this.files.length >= count || this.ended) return Promise.resolve();
    return new Promise((resolve) =>
      this.onChange(() => {
        if (this.files.length < count && !this.ended) return;
        this.onChange(undefined);
        resolve();
      }),
    );
  }

  /** Called after each file that comes, and at the end (one listener: the run under way). */
  onChange(listener: (() => void) | undefined): void {
    this.listener = listener;
  }
}

/** The files, in order, in batches of `size` (the last one shorter). */
function batchesOf(files: readonly FileToIndex[], size: number): FileToIndex[][] {
  const batches: FileToIndex[][] = [];
  for (let i = 0; i < files.length; i += size) batches.push(files.slice(i, i + size));
  return batches;
}

/** Worker threads started since the last call (tests check which threads a run used: a count). */
let started = 0;

export function takeWorkersStarted(): number {
  const n = started;
  started = 0;
  return n;
}

/**
 * Worker threads ready to index. Starting one takes 60-100 ms of a core (a fresh V8 isolate
 * loading the parser), so the server starts them with its process (earlyIndexThreads.ts), while
 * it loads its own code and the editor initializes it.
 */
export class IndexWorkers {
  private readonly workers: Worker[] = [];
  private failure: Error | undefined;
  private onFailure: ((e: Error) => void) | undefined;
  private onReply: ((w: Worker, reply: WorkerReply) => void) | undefined;
  private readonly here: IndexText | undefined;
  private readonly inFlight: number;

  constructor(options: ParallelOptions = {}) {
    const script = options.script ?? INDEX_WORKER_SCRIPT;
    this.here = options.here;
    this.inFlight = options.inFlight ?? IN_FLIGHT_PER_WORKER;
    const threads = options.threads ?? [];
    const count = threads.length > 0 ? threads.length : (options.workers ?? defaultWorkerCount(this.here !== undefined));
    for (let i = 0; i < count; i++) {
      const w = threads[i]?.worker ?? new Worker(script);
      if (!threads[i]) started++;
      w.on('message', (reply: WorkerReply) => this.onReply?.(w, reply));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => this.fail(workerStopped(code)));
      this.workers.push(w);
      // Failed before anything listened: the first run rejects, and the caller reads in its thread.
      const failure = threads[i]?.failure;
      if (failure) this.fail(failure);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.onFailure?.(e);
  }

  /**
   * Calls `onResult` for every file, in order, files of a feed as they come. Rejects when a
   * worker (or this thread's share) fails; the results delivered until then stay delivered (the
   * caller reads the rest itself).
   */
  run(input: readonly FileToIndex[] | FileFeed, onResult: (r: FileResult) => void, batchSize = 8): Promise<void> {
    const feed = input instanceof FileFeed ? input : FileFeed.of(input);
    const { files } = feed;
    return new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const arrived = new Map<number, FileResult[]>();
      let nextToSend = 0;
      let nextToDeliver = 0;
      let settled = false;
      const finish = (e?: Error) => {
        if (settled) return;
        settled = true;
        this.onReply = undefined;
        this.onFailure = undefined;
        feed.onChange(undefined);
        if (e) reject(e);
        else resolve();
      };
      // Batch k is files k*size to (k+1)*size: ready once they all came, or the feed ended.
      const batchCount = () => Math.ceil(files.length / batchSize);
      const ready = (k: number) => files.length >= (k + 1) * batchSize || (feed.complete && k < batchCount());
      const batch = (k: number) => files.slice(k * batchSize, (k + 1) * batchSize);
      const allDelivered = () => feed.complete && nextToDeliver === batchCount();
      const arrive = (k: number, results: FileResult[]) => {
        arrived.set(k, results);
        try {
          for (let done = arrived.get(nextToDeliver); done; done = arrived.get(nextToDeliver)) {
            arrived.delete(nextToDeliver++);
            done.forEach(onResult);
          }
        } catch (e) {
          return finish(asError(e));
        }
        if (allDelivered()) finish();
      };
      // Batches each worker may still be sent: inFlight ahead, one more for each answer.
      const room = new Map(this.workers.map((w) => [w, this.inFlight]));
      // One batch to each worker in turn: while a walk still gives the files, every worker gets some.
      const pump = () => {
        for (let sent = true; sent;) {
          sent = false;
          for (const w of this.workers) {
            if (room.get(w)! === 0 || !ready(nextToSend)) continue;
            room.set(w, room.get(w)! - 1);
            const request: WorkerRequest = { batch: nextToSend, files: batch(nextToSend) };
            nextToSend++;
            w.postMessage(request);
            sent = true;
          }
        }
      };
      this.onFailure = finish;
      this.onReply = (w, reply) => {
        room.set(w, room.get(w)! + 1);
        pump();
        arrive(reply.batch, reply.results as FileResult[]);
      };
      const here = this.here;
      // This thread's share: the next batch not sent yet, a slice at a time, so that answers
      // (and, in the server, requests) are taken in between. Its entries are packed as a
      // worker's are: the index holds the same compact entries whichever thread built them.
      let current = -1;
      let currentFiles: FileToIndex[] = [];
      let done: FileResult[] = [];
      let sliceWaits = false;
      const slice = () => {
        sliceWaits = false;
        if (settled || !here) return;
        if (current < 0) {
          if (!ready(nextToSend)) {
            // Nothing to take yet: the next file that comes wakes it.
            sliceWaits = !feed.complete;
            return;
          }
          current = nextToSend++;
          currentFiles = batch(current);
          done = [];
        }
        const started = performance.now();
        try {
          while (done.length < currentFiles.length && performance.now() - started < HERE_SLICE_MS) done.push(indexFile(currentFiles[done.length], here));
        } catch (e) {
          return finish(asError(e));
        }
        if (done.length === currentFiles.length) {
          const finished = current;
          current = -1;
          arrive(finished, done);
        }
        setImmediate(slice);
      };
      feed.onChange(() => {
        pump();
        if (sliceWaits) {
          sliceWaits = false;
          setImmediate(slice);
        }
        if (allDelivered()) finish();
      });
      pump();
      if (allDelivered()) return finish();
      if (here) setImmediate(slice);
    });
  }

  /**
   * The texts of the files, in order, read by the workers ahead of the caller: at most
   * READ_AHEAD_PER_WORKER batches per worker wait, read and not taken yet, so that the texts held
   * stay few however slowly the caller goes. `next` rejects when a worker fails (the caller reads
   * the rest itself).
   */
  readAhead(files: readonly FileToIndex[], batchSize = 8): { next(): Promise<TextResult> } {
    const batches = batchesOf(files, batchSize);
    const arrived = new Map<number, TextResult[]>();
    const ahead = READ_AHEAD_PER_WORKER * this.workers.length;
    let nextToSend = 0;
    let taken = 0;
    let current: TextResult[] = [];
    let at = 0;
    let waiting: { batch: number; resolve: (r: TextResult[]) => void; reject: (e: Error) => void } | undefined;
    const fill = () => {
      for (; nextToSend < batches.length && nextToSend < taken + ahead; nextToSend++) {
        const request: WorkerRequest = { batch: nextToSend, files: batches[nextToSend], read: true };
        this.workers[nextToSend % this.workers.length].postMessage(request);
      }
    };
    this.onFailure = (e) => waiting?.reject(e);
    this.onReply = (_w, reply) => {
      if (waiting?.batch === reply.batch) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve(reply.results as TextResult[]);
      } else arrived.set(reply.batch, reply.results as TextResult[]);
    };
    const batch = (k: number): Promise<TextResult[]> => {
      const ready = arrived.get(k);
      if (ready) {
        arrived.delete(k);
        return Promise.resolve(ready);
      }
      if (this.failure) return Promise.reject(this.failure);
      return new Promise((resolve, reject) => (waiting = { batch: k, resolve, reject }));
    };
    fill();
    return {
      next: async () => {
        if (at === current.length) {
          if (taken === batches.length) throw new Error('No file left to read.');
          current = await batch(taken++);
          at = 0;
          fill();
        }
        return current[at++];
      },
    };
  }

  /** Stops every worker but the first `count` (a caller done with indexing that still has work for a few). */
  keep(count: number): void {
    for (const w of this.workers.splice(count)) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }

  /** Stops the workers (their memory goes with them). */
  close(): void {
    this.failure ??= new Error('The index workers were closed.');
    for (const w of this.workers) {
      w.removeAllListeners('exit');
      void w.terminate();
    }
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
