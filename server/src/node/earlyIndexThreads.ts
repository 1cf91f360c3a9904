/**
 * The server's index worker threads, started when this module is loaded: server.ts imports it
 * first, so that a thread starts (a V8 isolate compiling the parser, 60-100 ms of a core) while
 * the server thread loads the rest of the server and answers `initialize`, when the other cores
 * have nothing to do, instead of during the first files of the cold index. A server whose
 * workspace has no folder stops them at `initialized` (WorkspaceIndexer.prepare).
 */
import { INDEX_WORKER_SCRIPT, StartedThread, defaultWorkerCount, startThreads } from './workerThreads';

export const earlyIndexThreads: readonly StartedThread[] = startThreads(INDEX_WORKER_SCRIPT, defaultWorkerCount(true));
