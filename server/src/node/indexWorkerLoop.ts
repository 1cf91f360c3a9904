/**
 * The message loop of an index worker thread (see parallelIndexer.ts): reads and decodes the
 * files of each batch it is sent, has `index` parse each text, and answers with the packed
 * entries (or, asked to read only, with the texts). The server's workers only index
 * (indexWorker.ts); the command line's also check what needs no index while they hold the text
 * (cli/checkWorker.ts), and read the files again for its check pass (cli/textsAgain.ts).
 */
import { parentPort } from 'node:worker_threads';
import { FileEntry } from '../index/fileEntry';
import { packEntry, transferables } from '../index/entryCodec';
import type { LocalCheck } from '../rules/localCheck';
import { decodingWarning, readXmlFileSync } from './workspaceFiles';
import type { FileResult, TextResult, WorkerRequest } from './parallelIndexer';

export type IndexText = (uri: string, text: string, encoding: string) => { entry: FileEntry; local?: LocalCheck };

/** Answers the requests of the thread that started this worker (nothing on the main thread). */
export function serveIndexRequests(index: IndexText): void {
  parentPort?.on('message', (request: WorkerRequest) => {
    if (request.read) return readAgain(request);
    const results: FileResult[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const { file, uri } of request.files) {
      const read = readXmlFileSync(file);
      if (read.ok) {
        const { entry, local } = index(uri, read.text, read.encoding);
        const packed = packEntry(entry);
        transfer.push(...transferables(packed));
        results.push({ file, uri, entry: packed, warning: decodingWarning(read), local });
      } else {
        results.push({ file, uri, failure: { reason: read.reason, message: read.message } });
      }
    }
    parentPort!.postMessage({ batch: request.batch, results }, transfer);
  });
}

/** Texts only: the command line's check pass reads each file again while it checks it. */
function readAgain(request: WorkerRequest): void {
  const results: TextResult[] = request.files.map(({ file, uri }) => {
    const read = readXmlFileSync(file);
    return read.ok ? { file, uri, text: read.text } : { file, uri, failure: { reason: read.reason, message: read.message } };
  });
  parentPort!.postMessage({ batch: request.batch, results });
}
