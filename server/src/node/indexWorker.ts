/**
 * An index worker (a worker thread of the server): reads, decodes and parses the files it is
 * sent and answers with their packed entries (see parallelIndexer.ts).
 */
import { parentPort } from 'node:worker_threads';
import { buildFileEntry } from '../index/fileEntry';
import { packEntry, transferables } from '../index/entryCodec';
import { decodingWarning, readXmlFileSync } from './workspaceFiles';
import type { FileResult, WorkerRequest } from './parallelIndexer';

parentPort?.on('message', (request: WorkerRequest) => {
  const results: FileResult[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const { file, uri } of request.files) {
    const read = readXmlFileSync(file);
    if (read.ok) {
      const entry = packEntry(buildFileEntry(uri, read.text, read.encoding, false));
      transfer.push(...transferables(entry));
      results.push({ file, uri, entry, warning: decodingWarning(read) });
    } else {
      results.push({ file, uri, failure: { reason: read.reason, message: read.message } });
    }
  }
  parentPort!.postMessage({ batch: request.batch, results }, transfer);
});
