/**
 * A small LSP client for protocol tests: spawns the bundled server (`node dist/server.js
 * --stdio`), answers what the server asks of an editor (settings, registrations, progress
 * tokens), records what it pushes (diagnostics, progress, log messages) and lets a test wait
 * for those events with a timeout instead of sleeping. Also: per-test workspaces in a fresh
 * temporary folder, and text helpers that turn quoted snippets into LSP positions and ranges.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  ClientCapabilities,
  CompletionItem,
  CompletionList,
  CompletionResolveRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWatchedFilesRegistrationOptions,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  FileEvent,
  FileSystemWatcher,
  Hover,
  HoverRequest,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  Location,
  LogMessageNotification,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ReferencesRequest,
  Registration,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  WorkDoneProgress,
  WorkDoneProgressBegin,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WatchKind,
  WorkspaceSymbolRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { globToRegExp } from '../../server/src/node/globMatcher';
import { FIXTURES, REPO_ROOT } from './workspace';

/** The bundle under test; USERCUBE_SERVER_JS points the tests at another build. */
export const SERVER_JS = process.env.USERCUBE_SERVER_JS ?? path.join(REPO_ROOT, 'dist', 'server.js');
export const DEFAULT_TIMEOUT_MS = 10_000;

/** What an editor would answer for `workspace/configuration`, by section. */
export interface ClientSettings {
  usercubeJobs: { exclude: string[]; rules?: Record<string, string> };
  files: { exclude: Record<string, boolean> };
}

export interface StartOptions {
  /** Workspace folders (file system paths). */
  folders: string[];
  /** Announce the folders as `rootUri` only (a client without workspaceFolders) instead of `workspaceFolders`. */
  rootUriOnly?: boolean;
  settings?: Partial<ClientSettings>;
  /** What the client declares (default CLIENT_CAPABILITIES, what VS Code declares that matters here). */
  capabilities?: ClientCapabilities;
  /** The `processId` sent in `initialize` (default: this test process). */
  processId?: number | null;
}

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    symbol: {},
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
    references: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true },
  },
};

export class LspClient {
  readonly registrations: Registration[] = [];
  /** `$/progress` values per token, in arrival order. */
  readonly progress = new Map<string | number, ProgressValue[]>();
  /** Every publication per URI, oldest first. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  settings: ClientSettings;
  initializeResult: InitializeResult | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly stderr: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Partial<ClientSettings>,
  ) {
    this.settings = { usercubeJobs: { exclude: [] }, files: { exclude: {} }, ...settings };
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // A crash fails the waiting test at once, with what the server printed.
    child.once('exit', () => this.changed());
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    // Writing to a server that died must not crash the test process (EPIPE).
    child.stdin!.on('error', () => undefined);
  }

  /** Spawns the server, initializes it on the folders and waits for the first full index. */
  static async start(options: StartOptions): Promise<LspClient> {
    const client = LspClient.spawn(options.settings ?? {});
    await client.initialize(options);
    await client.waitForIndexing(1);
    return client;
  }

  /** Spawns the server without initializing it (for tests of initialization itself). */
  static spawn(settings: Partial<ClientSettings> = {}, serverJs = SERVER_JS): LspClient {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, settings);
    client.wire();
    connection.listen();
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section ? ((this.settings as unknown as Record<string, unknown>)[item.section] ?? null) : null)),
    );
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.changed();
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      const values: ProgressValue[] = [];
      this.progress.set(params.token, values);
      c.onProgress(WorkDoneProgress.type, params.token, (value) => {
        values.push(value);
        this.changed();
      });
      this.changed();
    });
    c.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.changed();
    });
    c.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      this.changed();
    });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async initialize(options: StartOptions): Promise<InitializeResult> {
    const uris = options.folders.map((f) => URI.file(f).toString());
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: options.processId === undefined ? process.pid : options.processId,
      clientInfo: { name: 'protocol-tests' },
      rootUri: uris[0] ?? null,
      workspaceFolders: options.rootUriOnly ? null : uris.map((uri) => ({ uri, name: path.basename(URI.parse(uri).fsPath) })),
      capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /**
   * Resolves with `check()`'s first defined result, re-checking whenever the server sends
   * something; fails after `timeoutMs` with `describe()` (which should say what was seen).
   */
  waitFor<T>(check: () => T | undefined, describe: () => string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          finish();
          reject(new Error(`The server exited (${this.child.exitCode ?? this.child.signalCode}) while waiting for ${describe()}${this.stderrTail()}`));
          return;
        }
        let result: T | undefined;
        try {
          result = check();
        } catch (e) {
          finish();
          reject(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        if (result !== undefined) {
          finish();
          resolve(result);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}${this.stderrTail()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      listener();
    });
  }

  /** Waits until `count` progress sequences have ended; returns every sequence in creation order. */
  waitForIndexing(count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ProgressValue[][]> {
    const ended = () => [...this.progress.values()].filter((v) => v.some((p) => p.kind === 'end'));
    return this.waitFor(
      () => (ended().length >= count ? [...this.progress.values()] : undefined),
      () => `${count} ended progress sequence(s); got ${JSON.stringify([...this.progress.values()])}`,
      timeoutMs,
    );
  }

  /**
   * Waits for a publication of `uri`'s diagnostics that satisfies `predicate`, starting with
   * the latest one already received. Make the predicate say what changed (a version, a rule
   * that appears or goes away): "the next publication" can be one scheduled before the event.
   */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Diagnostic[]> {
    let checkedUpTo = Math.max(0, this.publicationCount(uri) - 1);
    return this.waitFor(
      () => {
        const list = this.published.get(uri) ?? [];
        for (; checkedUpTo < list.length; checkedUpTo++) {
          if (predicate(list[checkedUpTo].diagnostics, list[checkedUpTo])) return list[checkedUpTo].diagnostics;
        }
        return undefined;
      },
      () => {
        const list = this.published.get(uri) ?? [];
        const last = list[list.length - 1];
        return `diagnostics of ${uri} matching ${predicate.toString()}; ${list.length} publication(s), last: ${last ? JSON.stringify(last) : 'none'}`;
      },
      timeoutMs,
    );
  }

  /** Whether the server process is still there. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  publicationCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  // ---- Documents ---------------------------------------------------------------------

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Reports file events as an editor does: only those that a watcher the server registered
   * asks for (glob and kind). Returns the events sent.
   */
  async filesChanged(changes: FileEvent[]): Promise<FileEvent[]> {
    const watchers = this.registrations
      .filter((r) => r.method === DidChangeWatchedFilesNotification.method)
      .flatMap((r) => (r.registerOptions as DidChangeWatchedFilesRegistrationOptions).watchers);
    const wanted = changes.filter((ch) => watchers.some((w) => watcherWants(w, ch)));
    if (wanted.length > 0) await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: wanted });
    return wanted;
  }

  /** Replaces the settings and tells the server (which asks for them again). */
  configurationChanged(settings: Partial<ClientSettings>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  // ---- Requests ----------------------------------------------------------------------

  async completion(uri: string, position: Position): Promise<CompletionList | null> {
    const r = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(r) ? { isIncomplete: false, items: r } : r;
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    const r = await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    if (!r) return [];
    return (Array.isArray(r) ? r : [r]) as Location[];
  }

  async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[]> {
    return (await this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } })) ?? [];
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return ((await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
  }

  async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    return ((await this.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []) as SymbolInformation[];
  }

  // ---- Shutdown ----------------------------------------------------------------------

  /** shutdown + exit; kills the process if it has not exited within `timeoutMs`. Returns its exit code. */
  async stop(timeoutMs = 5000): Promise<number | null> {
    const timeout = <T>(p: Promise<T>) => Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref())]);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      await timeout(this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined));
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
      if ((await timeout(this.exited)) === 'timeout') {
        this.child.kill('SIGKILL');
        await this.exited;
      }
    }
    this.connection.dispose();
    return this.child.exitCode;
  }

  private stderrTail(): string {
    const text = this.stderr.join('').trim();
    return text ? `\nserver stderr:\n${text.slice(-2000)}` : '';
  }
}

const KIND_OF_CHANGE: Record<FileChangeType, number> = {
  [FileChangeType.Created]: WatchKind.Create,
  [FileChangeType.Changed]: WatchKind.Change,
  [FileChangeType.Deleted]: WatchKind.Delete,
};

/** Whether a registered watcher reports the event (string globs, matched on the whole path). */
function watcherWants(w: FileSystemWatcher, ch: FileEvent): boolean {
  if (typeof w.globPattern !== 'string') throw new Error('relative-pattern watchers are not simulated');
  if (((w.kind ?? WatchKind.Create | WatchKind.Change | WatchKind.Delete) & KIND_OF_CHANGE[ch.type]) === 0) return false;
  return globToRegExp(w.globPattern).test(URI.parse(ch.uri).path.replace(/^\//, ''));
}

// ---- Workspaces ----------------------------------------------------------------------

/** A fresh folder per test (a copy of a fixture or an inline tree) that tests may edit. */
export class TempWorkspace {
  private constructor(readonly root: string) {}

  static fromFixture(name: string): TempWorkspace {
    const ws = new TempWorkspace(mkdtempSync(path.join(os.tmpdir(), 'usercube-lsp-')));
    cpSync(path.join(FIXTURES, name), ws.root, { recursive: true });
    return ws;
  }

  static fromFiles(files: Record<string, string>): TempWorkspace {
    const ws = new TempWorkspace(mkdtempSync(path.join(os.tmpdir(), 'usercube-lsp-')));
    for (const [rel, text] of Object.entries(files)) ws.write(rel, text);
    return ws;
  }

  get rootUri(): string {
    return URI.file(this.root).toString();
  }

  path(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  /** The URI the server uses for the file (as VS Code spells it). */
  uri(rel: string): string {
    return URI.file(this.path(rel)).toString();
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, text: string): void {
    mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
  }

  /** Deletes a file or a folder with its content. */
  remove(rel: string): void {
    rmSync(this.path(rel), { recursive: true });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * What the editor shows of a diagnostic: range, severity, rule id, source and message (not the
 * quick-fix `data` nor the documentation link).
 */
export function visible(diagnostics: Diagnostic[]): Pick<Diagnostic, 'range' | 'severity' | 'code' | 'source' | 'message'>[] {
  return diagnostics.map(({ range, severity, code, source, message }) => ({ range, severity, code, source, message }));
}

// ---- Positions in text: see cursor.ts ------------------------------------------------

export { positionIn, rangeIn } from './cursor';

/** Locations in a stable order, for comparing sets of results. */
export function sortLocations(locations: Location[]): Location[] {
  const key = (l: Location) => `${l.uri}\u0000${String(l.range.start.line).padStart(6, '0')}:${String(l.range.start.character).padStart(6, '0')}`;
  return [...locations].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

// ---- Sessions ------------------------------------------------------------------------

/**
 * A server on a workspace for one test, both cleaned up when the test ends (`t` is the
 * node:test context). The workspace is a copy of a fixture folder or an inline tree.
 */
export async function startSession(
  t: { after(fn: () => Promise<void>): void },
  files: string | Record<string, string>,
  options: Omit<StartOptions, 'folders'> = {},
): Promise<{ ws: TempWorkspace; client: LspClient }> {
  const ws = typeof files === 'string' ? TempWorkspace.fromFixture(files) : TempWorkspace.fromFiles(files);
  // Spawned before the first await, so that a failing start still stops the process.
  const client = LspClient.spawn(options.settings);
  t.after(async () => {
    await client.stop();
    ws.dispose();
  });
  await client.initialize({ ...options, folders: [ws.root] });
  await client.waitForIndexing(1);
  return { ws, client };
}
