/**
 * An index worker (a worker thread of the server): reads, decodes and parses the files it is
 * sent and answers with their packed entries (see parallelIndexer.ts).
 */
import { parentPort } from 'node:worker_threads';
import { buildFileEntry } from '../index/fileEntry';
import { packEntry, transferables } from '../index/entryCodec';
import { decodingWarning, readXmlFileSync } from './workspaceFiles';
import { mayBeMalformed } from '../model/plainXml';
import type { FileResult, WorkerRequest } from './parallelIndexer';

parentPort?.on('message', (request: WorkerRequest) => {
  const results: FileResult[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const { file, uri } of request.files) {
    const read = readXmlFileSync(file);
    if (read.ok) {
      const built = buildFileEntry(uri, read.text, read.encoding, false);
      const entry = packEntry(built);
      transfer.push(...transferables(entry));
      // The text is at hand here: the command line's check then needs no pass of its own over it.
      const plain = request.precheck && built.status === 'configuration' ? !mayBeMalformed(read.text) : undefined;
      results.push({ file, uri, entry, warning: decodingWarning(read), plain });
    } else {
      results.push({ file, uri, failure: { reason: read.reason, message: read.message } });
    }
  }
  parentPort!.postMessage({ batch: request.batch, results }, transfer);
});
