/**
 * Ends the server when the process that started it, or the client process it was told about,
 * is gone: a server must not outlive its editor. vscode-languageserver checks the client
 * every 3 s on the main thread, which a long computation can hold; this watchdog runs in a
 * worker thread of its own, so it sees the loss within a fraction of a second whatever the
 * main thread is doing, and ends the whole process (a worker's process.exit() would end only
 * the worker).
 */
import { Worker } from 'node:worker_threads';

const CHECK_MS = 200;

/** Plain JavaScript run by the worker (`eval`): no bundle entry of its own to ship. */
const WATCHDOG = `
const { parentPort, workerData } = require('node:worker_threads');
let clientPid = workerData.clientPid;
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
parentPort.on('message', (m) => { clientPid = m.clientPid; });
setInterval(() => {
  const orphaned = workerData.parentPid > 1 && process.ppid !== workerData.parentPid;
  if (orphaned || (clientPid && !alive(clientPid))) process.kill(process.pid, 'SIGKILL');
}, workerData.checkMs);
`;

export class ExitWatchdog {
  private readonly worker: Worker;

  /**
   * `watchParent`: over stdio or node-ipc the process that started the server is its client;
   * over a socket or a pipe the server may have been started on its own, and only the client
   * process named by the client is watched.
   */
  constructor(watchParent: boolean, clientPid?: number) {
    const parentPid = watchParent ? process.ppid : 0;
    this.worker = new Worker(WATCHDOG, { eval: true, workerData: { parentPid, clientPid, checkMs: CHECK_MS } });
    // It must never keep the process alive, nor take it down by failing.
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** The client's process id, from `initialize` (LSP `processId`). */
  watchClient(pid: number): void {
    this.worker.postMessage({ clientPid: pid });
  }
}

/** Whether the server talks to its client over its own stdio or IPC channel (then its parent is the client). */
export function parentIsClient(argv: readonly string[]): boolean {
  return argv.includes('--stdio') || argv.includes('--node-ipc');
}

/** `--clientProcessId <pid>` or `--clientProcessId=<pid>` (how VS Code's client passes it). */
export function clientProcessIdArgument(argv: readonly string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    if (name !== '--clientProcessId') continue;
    const pid = Number(inline ?? argv[i + 1]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }
  return undefined;
}
