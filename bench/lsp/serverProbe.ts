/**
 * Preloaded into the server process (`node -r out/bench/lsp/serverProbe.js dist/server.js`)
 * to time it from the inside without changing it: stamps each message when its bytes reach
 * the server's stdin (before the server's own listener runs) and each message the server
 * writes to stdout (after the write returns). On the notification `$/benchProbe/dump`, which
 * the server ignores, it prints the stamps and the heap figures on stderr, one line.
 * Only message kinds the bench measures are recorded: document changes, requests, responses
 * and published diagnostics.
 * With BENCH_PROFILE_DIR set, it also CPU-profiles the server phase by phase: from its start
 * ('cold') until `$/benchProbe/phase` names the next phase; each phase is written to
 * <dir>/<phase>.cpuprofile.
 */
import { writeFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

type Stamp = [kind: string, key: string, at: number];

const stamps: Stamp[] = [];
/** Garbage-collection pauses of the server's main thread since the last dump. */
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
let pending: Buffer[] = [];
let pendingBytes = 0;

function framed(chunk: Buffer, at: number): void {
  pending.push(chunk);
  pendingBytes += chunk.length;
  for (;;) {
    const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [all];
    const headerEnd = all.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const m = /Content-Length: *(\d+)/i.exec(all.subarray(0, headerEnd).toString('ascii'));
    if (!m) return;
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    if (all.length < end) return;
    incoming(all.subarray(start, Math.min(end, start + 600)).toString('utf8'), at);
    const rest = all.subarray(end);
    pending = rest.length ? [rest] : [];
    pendingBytes = rest.length;
    if (!pendingBytes) return;
  }
}

/** Looks at the start of a message only: enough for its method, id, uri and version. */
function incoming(head: string, at: number): void {
  const method = /"method":"([^"]+)"/.exec(head)?.[1];
  if (method === '$/benchProbe/dump') {
    dump();
    return;
  }
  if (method === '$/benchProbe/phase') {
    nextPhase(/"name":"([^"]*)"/.exec(head)?.[1] ?? '');
    return;
  }
  const id = /"id":(\d+)/.exec(head)?.[1];
  if (method === 'textDocument/didChange') {
    stamps.push(['in', `change:${uriOf(head)}#${/"version":(\d+)/.exec(head)?.[1]}`, at]);
  } else if (id !== undefined && method) {
    stamps.push(['in', `request:${id}`, at]);
  }
}

function uriOf(head: string): string | undefined {
  return /"uri":"([^"]+)"/.exec(head)?.[1];
}

function outgoing(chunk: unknown, at: number): void {
  const head = typeof chunk === 'string' ? chunk.slice(0, 600) : Buffer.isBuffer(chunk) ? chunk.subarray(0, 600).toString('utf8') : '';
  if (!head.startsWith('{')) return;
  if (head.includes('"method":"textDocument/publishDiagnostics"')) {
    stamps.push(['out', `diagnostics:${uriOf(head)}#${/"version":(\d+)/.exec(head)?.[1]}`, at]);
  } else if (!head.includes('"method":')) {
    const id = /"id":(\d+)/.exec(head)?.[1];
    if (id !== undefined) stamps.push(['out', `response:${id}`, at]);
  }
}

function dump(): void {
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  const line = JSON.stringify({
    stamps,
    memory: { rss: mem.rss, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, external: mem.external, arrayBuffers: mem.arrayBuffers },
    cpuMs: (cpu.user + cpu.system) / 1000,
    gc,
  });
  stamps.length = 0;
  gc.count = gc.totalMs = gc.maxMs = 0;
  process.stderr.write(`BENCH-PROBE ${line}\n`);
}

// ---- Phase profiles ----------------------------------------------------------------------

const profileDir = process.env.BENCH_PROFILE_DIR;
const profiler = profileDir ? new inspector.Session() : undefined;
let phase = 'cold';

function startProfile(): void {
  profiler!.post('Profiler.enable', () => profiler!.post('Profiler.start'));
}

function nextPhase(name: string): void {
  if (!profiler) {
    process.stderr.write(`BENCH-PROBE {"phase":"${name}","written":null}\n`);
    return;
  }
  const file = path.join(profileDir!, `${phase}.cpuprofile`);
  profiler.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(file, JSON.stringify(result.profile));
    phase = name;
    if (name) startProfile();
    process.stderr.write(`BENCH-PROBE ${JSON.stringify({ phase: name, written: err ? null : file })}\n`);
  });
}

if (profiler) {
  profiler.connect();
  startProfile();
}

process.stdin.on('data', (chunk: Buffer) => framed(chunk, performance.now()));

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = function (this: NodeJS.WriteStream, ...args: unknown[]): boolean {
  const ok = (write as (...a: unknown[]) => boolean).apply(this, args);
  outgoing(args[0], performance.now());
  return ok;
};
