/**
 * One run against one fresh server process: cold index, then per-edit latency, the
 * cross-file debounce, completion, references and workspace symbols, and memory. Each figure
 * is measured by the client (round trip) and, when the probe is loaded, by the server itself.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { URI } from 'vscode-uri';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { Manifest } from '../generator/workspace';
import { BenchClient, Received } from '../lsp/client';
import { SERVER_PROBE } from '../paths';
import { processMemory } from './machine';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol/serverProcess';

export type Scenario = 'edit' | 'completion' | 'references' | 'symbols';
export const ALL_SCENARIOS: readonly Scenario[] = ['edit', 'completion', 'references', 'symbols'];

export interface SessionOptions {
  server: string;
  serverNodeArgs: string[];
  serverNode: string;
  probe: boolean;
  /** Per-phase CPU profiles of the server (needs the probe). */
  profileDir?: string;
  scenarios: ReadonlySet<Scenario>;
  edits: number;
  warmupEdits: number;
  debounceSamples: number;
  requests: number;
  timeoutMs: number;
}

export interface Timed {
  client: number[];
  /** From the probe; empty without it. */
  server: number[];
  /** Server CPU time (all threads) per operation, from the probe: steadier than latency on a busy machine. */
  serverCpuMs?: number;
  /** GC pauses of the server during the measured operations, from the probe. */
  gc?: GcPauses;
  /** Size of the last result as JSON. */
  resultBytes?: number;
}

export interface SessionResult {
  initializeMs: number;
  coldIndexMs: number;
  progressEndMs?: number;
  /** The server's own "Indexed N XML files in X ms" log line. */
  serverLogIndexMs?: number;
  definitionPolls: number;
  memoryAfterIndex?: { rss: number; peak: number };
  heapAfterIndex?: { heapUsed: number; heapTotal: number };
  /** CPU time of the server process from its start until indexed (probe). */
  coldCpuMs?: number;
  memoryAtEnd?: { rss: number; peak: number };
  editFileDiagnostics?: number;
  edit?: Timed;
  debounce?: number[];
  completion?: Timed & { items: number; isIncomplete: boolean };
  references?: Timed & { count: number };
  symbols?: Timed & { counts: Record<string, number> };
}

interface ProbeDump {
  stamps: [string, string, number][];
  memory: { rss: number; heapUsed: number; heapTotal: number };
  cpuMs: number;
  gc: GcPauses;
}

/** Garbage-collection pauses of the server's main thread during a scenario. */
export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

const DIAGNOSTICS = 'textDocument/publishDiagnostics';

export async function runSession(root: string, manifest: Manifest, options: SessionOptions): Promise<SessionResult> {
  const uriOf = (rel: string) => URI.file(path.join(root, ...rel.split('/'))).toString();
  const textOf = (rel: string) => decodeBytes(readFileSync(path.join(root, ...rel.split('/')))).text;
  const editUri = uriOf(manifest.editFile);
  const editText = textOf(manifest.editFile);
  const otherUri = uriOf(manifest.otherOpenFile);
  const otherText = textOf(manifest.otherOpenFile);
  const expectedUri = uriOf(manifest.definition.expected.file);

  // The server as the VS Code client starts it, then the bench's own options.
  const nodeArgs: string[] = [...SERVER_NODE_OPTIONS, ...options.serverNodeArgs];
  const profiling = options.probe && !!options.profileDir;
  if (options.probe) nodeArgs.push('-r', SERVER_PROBE);
  const client = new BenchClient(nodeArgs, [options.server, '--stdio'], profiling ? { ...process.env, BENCH_PROFILE_DIR: options.profileDir } : process.env, options.serverNode);
  const phase = async (name: string) => {
    if (profiling) await client.profilePhase(name);
  };
  const isDiagnostics = (uri: string, version?: number) => (m: Received) =>
    m.message.method === DIAGNOSTICS && m.message.params.uri === uri && (version === undefined || m.message.params.version === version);

  try {
    // ---- Cold index -------------------------------------------------------------------
    const progressEnd = client.waitFor((m) => m.message.method === '$/progress' && m.message.params?.value?.kind === 'end', options.timeoutMs, 'indexing progress end');
    const firstDiagnostics = client.waitFor(isDiagnostics(editUri, 1), options.timeoutMs, 'diagnostics of the open document');
    const init = await client.request('initialize', {
      processId: process.pid,
      rootUri: URI.file(root).toString(),
      workspaceFolders: [{ uri: URI.file(root).toString(), name: path.basename(root) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true },
          completion: {
            completionItem: { snippetSupport: true, labelDetailsSupport: true },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    const t0 = init.sentAt;
    const result: SessionResult = { initializeMs: init.receivedAt - t0, coldIndexMs: NaN, definitionPolls: 0 };
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: editUri, languageId: 'xml', version: 1, text: editText } });

    // Poll the definition every few ms until the progress ends, then back to back: the
    // answer is correct once the last file is indexed.
    let ended = false;
    void progressEnd.then(
      (m) => {
        ended = true;
        result.progressEndMs = m.at - t0;
      },
      () => undefined,
    );
    const { position, expected } = manifest.definition;
    for (;;) {
      const r = await client.request('textDocument/definition', { textDocument: { uri: editUri }, position });
      result.definitionPolls++;
      const loc = Array.isArray(r.result) ? r.result[0] : r.result;
      const target = loc?.targetUri ? { uri: loc.targetUri, range: loc.targetSelectionRange } : loc;
      if (target && target.uri === expectedUri && samePos(target.range.start, expected.start) && samePos(target.range.end, expected.end)) {
        result.coldIndexMs = r.receivedAt - t0;
        break;
      }
      if (performance.now() - t0 > options.timeoutMs) throw new Error(`cold index: no correct definition after ${options.timeoutMs} ms (last answer ${JSON.stringify(r.result)})`);
      if (!ended) await delay(5);
    }
    await progressEnd;
    result.memoryAfterIndex = processMemory(client.pid);
    const logLine = client.notifications.find((n) => n.message.method === 'window/logMessage' && /Indexed \d+ XML files in \d+ ms/.test(n.message.params.message));
    if (logLine) result.serverLogIndexMs = Number(/in (\d+) ms/.exec(logLine.message.params.message)![1]);
    if (options.probe) {
      const dump = await client.dumpProbe<ProbeDump>();
      result.heapAfterIndex = { heapUsed: dump.memory.heapUsed, heapTotal: dump.memory.heapTotal };
      result.coldCpuMs = dump.cpuMs;
    }
    const diag = await firstDiagnostics;
    result.editFileDiagnostics = diag.message.params.diagnostics.length;
    await phase('edit');

    // A second open document, re-checked after the debounce when another file changes.
    const otherOpened = client.waitFor(isDiagnostics(otherUri, 1), options.timeoutMs, 'diagnostics of the second document');
    client.notify('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: 'xml', version: 1, text: otherText } });
    await otherOpened;

    // ---- Per-edit latency -------------------------------------------------------------
    let version = 1;
    const { position: editPos, original } = manifest.edit;
    const lastChar = { line: editPos.line, character: editPos.character + original.length - 1 };
    const editOnce = async (): Promise<{ sentAt: number; at: number; version: number }> => {
      version++;
      const waiting = client.waitFor(isDiagnostics(editUri, version), options.timeoutMs, `diagnostics of version ${version}`);
      const sentAt = client.notify('textDocument/didChange', {
        textDocument: { uri: editUri, version },
        contentChanges: [{ range: { start: lastChar, end: { line: lastChar.line, character: lastChar.character + 1 } }, text: String(version % 10) }],
      });
      const m = await waiting;
      if (m.message.params.diagnostics.length !== result.editFileDiagnostics)
        throw new Error(`edit ${version}: ${m.message.params.diagnostics.length} diagnostics, expected ${result.editFileDiagnostics}`);
      return { sentAt, at: m.at, version };
    };
    if (options.scenarios.has('edit')) {
      for (let i = 0; i < options.warmupEdits; i++) await editOnce();
      const before = options.probe ? await client.dumpProbe<ProbeDump>() : undefined;
      const edits: { sentAt: number; at: number; version: number }[] = [];
      for (let i = 0; i < options.edits; i++) edits.push(await editOnce());
      const after = options.probe ? await client.dumpProbe<ProbeDump>() : undefined;
      const stamps = after?.stamps ?? [];
      result.edit = {
        client: edits.map((e) => e.at - e.sentAt),
        server: options.probe ? edits.map((e) => between(stamps, `change:${editUri}#${e.version}`, `diagnostics:${editUri}#${e.version}`)) : [],
        serverCpuMs: before && after ? (after.cpuMs - before.cpuMs) / edits.length : undefined,
        gc: after?.gc,
      };

      // The debounce: after an edit, other open documents are re-checked later.
      result.debounce = [];
      for (let i = 0; i < options.debounceSamples; i++) {
        const other = client.waitFor(isDiagnostics(otherUri), options.timeoutMs, 'debounced diagnostics of the second document');
        const e = await editOnce();
        result.debounce.push((await other).at - e.sentAt);
      }
    }

    // ---- Requests ---------------------------------------------------------------------
    const timedRequests = async (method: string, paramsAt: (i: number) => unknown, check: (result: any, i: number) => void): Promise<Timed> => {
      const before = options.probe ? await client.dumpProbe<ProbeDump>() : undefined;
      const ids: number[] = [];
      const clientMs: number[] = [];
      let resultBytes = 0;
      for (let i = 0; i < options.requests; i++) {
        const r = await client.request(method, paramsAt(i));
        if (r.error) throw new Error(`${method}: ${r.error.message}`);
        check(r.result, i);
        if (i === 0) resultBytes = Buffer.byteLength(JSON.stringify(r.result));
        ids.push(r.id);
        clientMs.push(r.receivedAt - r.sentAt);
      }
      const after = options.probe ? await client.dumpProbe<ProbeDump>() : undefined;
      const stamps = after?.stamps ?? [];
      return {
        client: clientMs,
        server: options.probe ? ids.map((id) => between(stamps, `request:${id}`, `response:${id}`)) : [],
        serverCpuMs: before && after ? (after.cpuMs - before.cpuMs) / ids.length : undefined,
        gc: after?.gc,
        resultBytes,
      };
    };

    if (options.scenarios.has('completion')) {
      await phase('completion');
      let items = 0;
      let isIncomplete = false;
      const t = await timedRequests(
        'textDocument/completion',
        () => ({ textDocument: { uri: editUri }, position: manifest.completion.position, context: { triggerKind: 1 } }),
        (r) => {
          const list = Array.isArray(r) ? r : (r?.items ?? []);
          items = list.length;
          isIncomplete = !!r?.isIncomplete;
          if (items === 0) throw new Error('completion in a ParentTask value returned no items');
        },
      );
      result.completion = { ...t, items, isIncomplete };
    }

    if (options.scenarios.has('references')) {
      await phase('references');
      let count = 0;
      const t = await timedRequests(
        'textDocument/references',
        () => ({ textDocument: { uri: editUri }, position: manifest.references.position, context: { includeDeclaration: true } }),
        (r) => {
          count = r?.length ?? 0;
          if (count !== manifest.references.expectedCount) throw new Error(`references of ${manifest.references.id}: ${count}, expected ${manifest.references.expectedCount}`);
        },
      );
      result.references = { ...t, count };
    }

    if (options.scenarios.has('symbols')) {
      await phase('symbols');
      const queries = manifest.workspaceSymbolQueries;
      const counts: Record<string, number> = {};
      const t = await timedRequests(
        'workspace/symbol',
        (i) => ({ query: queries[i % queries.length] }),
        (r, i) => {
          counts[queries[i % queries.length]] = r?.length ?? 0;
        },
      );
      result.symbols = { ...t, counts };
    }

    result.memoryAtEnd = processMemory(client.pid);
    await phase('');
    return result;
  } finally {
    await client.shutdown();
  }
}

function samePos(a: { line: number; character: number } | undefined, b: { line: number; character: number }): boolean {
  return !!a && a.line === b.line && a.character === b.character;
}

function between(stamps: [string, string, number][], inKey: string, outKey: string): number {
  const a = stamps.find((s) => s[0] === 'in' && s[1] === inKey);
  const b = stamps.find((s) => s[0] === 'out' && s[1] === outKey);
  return a && b ? b[2] - a[2] : NaN;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
