/**
 * The message loop of an index worker thread (see parallelIndexer.ts): reads and decodes the
 * files of each batch it is sent, has `index` parse each text, and answers with the packed
 * entries (or, asked to read only, with the texts). The server's workers only index
 * (indexWorker.ts); the command line's also check what needs no index while they hold the text
 * (cli/checkWorker.ts), in the first pass or when they read a file again for its check pass
 * (cli/textsAgain.ts).
 */
import { parentPort } from 'node:worker_threads';
import { FileEntry, buildFileEntry } from '../index/fileEntry';
import { packEntry, transferables } from '../index/entryCodec';
import type { LocalCheck } from '../rules/localCheck';
import { decodingWarning, readXmlFileSync } from './workspaceFiles';
import type { FileResult, FileToIndex, TextResult, WorkerRequest } from './parallelIndexer';

export type IndexText = (uri: string, text: string, encoding: string) => { entry: FileEntry; local?: LocalCheck };

/** What the server's workers do with a text: its entry only. */
export const indexForServer: IndexText = (uri, text, encoding) => ({ entry: buildFileEntry(uri, text, encoding, false) });

/**
 * One file read, decoded, indexed and packed: what a worker sends for it. The thread that
 * started the workers indexes its own share of the files the same way (parallelIndexer.ts).
 */
export function indexFile({ file, uri }: FileToIndex, index: IndexText): FileResult {
  const read = readXmlFileSync(file);
  if (!read.ok) return { file, uri, failure: { reason: read.reason, message: read.message } };
  const { entry, local } = index(uri, read.text, read.encoding);
  return { file, uri, entry: packEntry(entry), warning: decodingWarning(read), local };
}

/**
 * Answers the requests of the thread that started this worker (nothing on the main thread).
 * `checkText`: what a worker that reads files again checks in a text when asked (`check`).
 */
export function serveIndexRequests(index: IndexText, checkText?: (text: string) => LocalCheck): void {
  parentPort?.on('message', (request: WorkerRequest) => {
    if (request.read) return readAgain(request, checkText);
    const results = request.files.map((f) => indexFile(f, index));
    const transfer = results.flatMap((r) => (r.entry ? transferables(r.entry) : []));
    parentPort!.postMessage({ batch: request.batch, results }, transfer);
  });
}

/** Texts: the command line's check pass reads files again while it checks them, and has them checked locally here. */
function readAgain(request: WorkerRequest, checkText: ((text: string) => LocalCheck) | undefined): void {
  const results: TextResult[] = request.files.map(({ file, uri, check }) => {
    const read = readXmlFileSync(file);
    if (!read.ok) return { file, uri, failure: { reason: read.reason, message: read.message } };
    return { file, uri, text: read.text, local: check ? checkText?.(read.text) : undefined };
  });
  parentPort!.postMessage({ batch: request.batch, results });
}
