/**
 * A minimal LSP client over the server's stdio, written for timing: it frames JSON-RPC by
 * hand, stamps every message with performance.now() when it is sent and when it has arrived
 * and been parsed, answers the server's own requests as VS Code would (empty settings), and
 * collects what the server probe (serverProbe.ts) prints on stderr.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface Received {
  message: { id?: number | string; method?: string; params?: any; result?: any; error?: any };
  at: number;
}

export interface Response<T = any> {
  result: T;
  error?: { code: number; message: string };
  sentAt: number;
  receivedAt: number;
  id: number;
}

interface Waiter {
  match: (m: Received) => boolean;
  resolve: (m: Received) => void;
}

export class BenchClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; sentAt: number }>();
  private waiters: Waiter[] = [];
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before the message being received is complete (0: unknown). */
  private awaiting = 0;
  private stderrTail = '';
  private stderrPartial = '';
  private probeWaiter: ((line: string) => void) | undefined;
  private exited = false;
  readonly exit: Promise<number | null>;
  /** Every notification received, in order (progress, logs, diagnostics). */
  readonly notifications: Received[] = [];

  constructor(nodeArgs: string[], serverArgs: string[], env: NodeJS.ProcessEnv = process.env, node = process.execPath) {
    this.proc = spawn(node, [...nodeArgs, ...serverArgs], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (s: string) => this.onStderr(s));
    this.exit = new Promise((resolve) => {
      this.proc.on('exit', (code) => {
        this.exited = true;
        for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}) ${this.stderrTail.slice(-500)}`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  request<T = any>(method: string, params: unknown): Promise<Response<T>> {
    const id = this.nextId++;
    return new Promise<Response<T>>((resolve, reject) => {
      if (this.exited) return reject(new Error('server has exited'));
      const sentAt = this.send({ jsonrpc: '2.0', id, method, params });
      this.pending.set(id, { resolve: resolve as (r: Response) => void, reject, sentAt });
    });
  }

  /** Sends a notification; returns when it was written. */
  notify(method: string, params: unknown): number {
    return this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification that matches (register before sending what triggers it). */
  waitFor(match: (m: Received) => boolean, timeoutMs: number, what: string): Promise<Received> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Asks the probe for its events and waits for its stderr line. */
  dumpProbe<T>(timeoutMs = 10000): Promise<T> {
    return this.callProbe<T>('$/benchProbe/dump', {}, timeoutMs);
  }

  /** Ends the probe's current CPU profile phase and starts `name` (none when empty). */
  profilePhase(name: string, timeoutMs = 60000): Promise<{ phase: string; written: string | null }> {
    return this.callProbe('$/benchProbe/phase', { name }, timeoutMs);
  }

  private callProbe<T>(method: string, params: object, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the server probe (is it preloaded?)')), timeoutMs);
      this.probeWaiter = (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as T);
      };
      this.notify(method, params);
    });
  }

  async shutdown(timeoutMs = 10000): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
  }

  private send(message: object): number {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
    return performance.now();
  }

  private onStderr(s: string): void {
    // Probe lines can be long; other lines are kept (the tail) for error messages.
    const lines = (this.stderrPartial + s).split('\n');
    this.stderrPartial = lines.pop()!;
    const marker = 'BENCH-PROBE ';
    for (const line of lines) {
      if (line.startsWith(marker) && this.probeWaiter) {
        const w = this.probeWaiter;
        this.probeWaiter = undefined;
        w(line.slice(marker.length));
      } else {
        this.stderrTail = (this.stderrTail + line + '\n').slice(-4000);
      }
    }
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    // As vscode-jsonrpc's reader does: a large message is joined once, when all of it is there.
    if (this.buffered < this.awaiting) return;
    this.awaiting = 0;
    for (;;) {
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
      this.chunks = [all];
      const headerEnd = all.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(all.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('bad LSP header from the server');
      const length = Number(m[1]);
      const start = headerEnd + 4;
      if (all.length < start + length) {
        this.awaiting = start + length;
        return;
      }
      const message = JSON.parse(all.subarray(start, start + length).toString('utf8'));
      const rest = all.subarray(start + length);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      this.dispatch({ message, at: performance.now() });
      if (!this.buffered) return;
    }
  }

  private dispatch(r: Received): void {
    const m = r.message;
    if (m.id !== undefined && m.method) {
      this.answer(m.id, m.method, m.params);
      return;
    }
    if (m.id !== undefined) {
      const p = this.pending.get(Number(m.id));
      if (!p) return;
      this.pending.delete(Number(m.id));
      p.resolve({ result: m.result, error: m.error, sentAt: p.sentAt, receivedAt: r.at, id: Number(m.id) });
      return;
    }
    this.notifications.push(r);
    if (this.notifications.length > 5000) this.notifications.splice(0, 2500);
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.match(r)) w.resolve(r);
      else still.push(w);
    }
    this.waiters = still;
  }

  /** What VS Code answers: empty settings, accepted progress tokens and registrations. */
  private answer(id: number | string, method: string, params: any): void {
    let result: unknown = null;
    if (method === 'workspace/configuration') result = (params?.items ?? []).map(() => ({}));
    this.send({ jsonrpc: '2.0', id, result });
  }
}
