/**
 * An index worker of the server (bundled to dist/indexWorker.js): reads, decodes and parses
 * the files it is sent and answers with their packed entries (see parallelIndexer.ts).
 */
import { indexForServer, serveIndexRequests } from './indexWorkerLoop';

serveIndexRequests(indexForServer);
