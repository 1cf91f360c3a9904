/**
 * Entry point of the `usercube-jobs` command (bundled to dist/cli.js). The same bundle is the
 * script of the command's index workers: in a worker thread, checkWorker.ts answers and the
 * command does not run. The installed package is this one file.
 */
import { once } from 'node:events';
import { isMainThread } from 'node:worker_threads';
import { runCli } from './checkCommand';
import './checkWorker';

/** Whether a progress line is on screen (a message must erase it before it is written). */
let progressShown = false;

/** `\r` + erase-line rewrites the line in place; cut to the width so that it never wraps. */
function terminalProgress(line: string): void {
  const width = Math.max(20, (process.stderr.columns || 80) - 1);
  process.stderr.write(`\r\x1b[K${line.length > width ? line.slice(0, width - 1) + '…' : line}`);
  progressShown = line !== '';
}

function writeError(line: string): void {
  if (progressShown) terminalProgress('');
  process.stderr.write(line + '\n');
}

// The heap grows as V8 decides: a slower growth (--heap-growing-percent=50, an earlier choice)
// doubled the full collections for the same peak on a clean 100 MB folder, 4–16 % of the run.
if (isMainThread) main();

function main(): void {
  // `usercube-jobs check … | head`: a closed pipe ends the output quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

  // A file's lines go out in one write (328k findings made 3 million writes), after its check.
  const lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    process.stdout.write(lines.join('\n') + '\n');
    lines.length = 0;
    // A pipe whose reader is slower than the check: wait for it instead of queueing the output in
    // memory (asked after the write, so that a drain already emitted is not waited for).
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  };

  runCli(process.argv.slice(2), {
    out: (l) => lines.push(l),
    flush,
    err: writeError,
    cwd: process.cwd(),
    progress: process.stderr.isTTY ? terminalProgress : undefined,
    workerScript: __filename,
  })
    .then(async (code) => {
      await flush();
      return code;
    })
    .then(
      (code) => {
        process.exitCode = code;
      },
      (e: unknown) => {
        writeError(`usercube-jobs: internal error: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 2;
      },
    );
}
