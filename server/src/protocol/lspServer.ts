/**
 * The LSP adapter: wires a connection to the language service. It owns what the service
 * must not know about: the file system, settings, progress, timing of diagnostics.
 */
import { URI } from 'vscode-uri';
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  WatchKind,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../languageService';
import { FIX_ALL_KIND } from '../features/codeActions';
import { GlobSet, enabledGlobs } from '../node/globMatcher';
import { ReadResult, decodingWarning, forEachLimited, listXmlFiles, readXmlFile, readXmlFileSync } from '../node/workspaceFiles';
import { RuleSettingsResolver, SETTINGS_FILE, parseRuleSettings } from '../node/projectSettings';
import { RuleSettings } from '../rules/validation';
import { FileStatus } from '../index/fileEntry';
import { unpackEntry } from '../index/entryCodec';
import { IndexWorkers } from '../node/parallelIndexer';
import { isAgentSettingsFile, readAgentSettings } from '../node/agentSettings';
import { shippedRulesDoc } from '../node/installedPackage';
import { ClientUris } from './clientUris';
import { registerJobHandlers } from './jobHandlers';
import { IndexStatus, STATUS_NOTIFICATION } from './jobProtocol';
import { WorkspaceFolders } from './workspaceFolders';

/** Settings under `usercubeJobs` (see package.json contributes.configuration). */
interface Settings {
  exclude: string[];
  /** `usercubeJobs.rules`: severities by rule id, over the `.usercube-jobs.json` files. */
  rules: RuleSettings;
}

/** Other open documents are re-checked this long after the index changed. */
const CROSS_FILE_DEBOUNCE_MS = 150;
const READ_CONCURRENCY = 16;
/** The cold index yields to pending requests this often. */
const INDEX_SLICE_MS = 10;
/** Diagnostics sent per document; a last one says how many more there are (the command line reports all). */
const MAX_DIAGNOSTICS_PER_FILE = 1000;
/** From this many files, the cold index reads and parses them in worker threads (starting them costs ~50 ms). */
const PARALLEL_MIN_FILES = 64;

export class LspServer {
  /** Diagnostics link to the rules page installed with the server (a file: URL any client can open). */
  readonly service = new LanguageService({ rulesDocUrl: shippedRulesDoc()?.url });
  /** Open documents by canonical URI (see clientUris.ts). */
  private readonly documents = new Map<string, TextDocument>();
  private readonly uris = new ClientUris();
  private readonly folders = new WorkspaceFolders();
  private hasConfigurationCapability = false;
  private hasWatchedFilesDynamicRegistration = false;
  private hasWorkDoneProgress = false;
  private hasEditRangeDefault = false;
  private hasWorkspaceFolderCapability = false;
  /** Diagnostics wait for the first full index: before it every cross-file reference would look broken. */
  private indexed = false;
  private pendingOwn = new Set<string>();
  /** Open documents whose last strict XML check failed. */
  private readonly strictErrors = new Set<string>();
  /** Error diagnostics last published per open document (the status item's count). */
  private readonly errors = new Map<string, number>();
  private ownTimer: NodeJS.Immediate | undefined;
  private crossTimer: NodeJS.Timeout | undefined;
  private indexing: Promise<void> = Promise.resolve();
  /** Started with the server for the first index (see indexAll). */
  private workers: IndexWorkers | undefined;

  private editorRules: RuleSettings = {};
  /** Settings files found and read so far; replaced when one changes or the editor setting does. */
  private rules = this.newRuleResolver();

  constructor(
    private readonly connection: Connection,
    private readonly hooks: { clientProcessId?: (pid: number) => void } = {},
  ) {
    this.service.setRuleSettingsProvider((uri) => this.ruleSettings(uri));
  }

  private newRuleResolver(): RuleSettingsResolver {
    return new RuleSettingsResolver(this.editorRules, undefined, (p) => this.connection.console.warn(p));
  }

  /** The nearest `.usercube-jobs.json` (up to the workspace folder), then the editor setting over it. */
  private ruleSettings(uri: string): RuleSettings {
    if (!uri.startsWith('file:')) return this.editorRules;
    const root = this.folders.folderOf(uri);
    return this.rules.forFile(URI.parse(uri).fsPath, root ? URI.parse(root).fsPath : undefined);
  }

  /**
   * Every handler goes through `request` or `notification`: no request, notification or file
   * may end the process; what fails is logged, and a failed request is answered as an error.
   * Documents arrive under the client's spelling of their URI and are kept under the canonical one.
   */
  listen(): void {
    const c = this.connection;
    const doc = (p: { textDocument: { uri: string } }) => this.uris.fromClient(p.textDocument.uri);
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(this.notification('initialized', () => this.initialized()));
    c.onDidChangeConfiguration(this.notification('didChangeConfiguration', () => this.configurationChanged()));
    c.onDidChangeWatchedFiles(this.notification('didChangeWatchedFiles', (p) => this.watchedFilesChanged(p.changes)));

    c.onDidOpenTextDocument(
      this.notification('didOpen', (p) => {
        const { languageId, version, text } = p.textDocument;
        this.documentChanged(TextDocument.create(doc(p), languageId, version, text));
      }),
    );
    c.onDidChangeTextDocument(
      this.notification('didChange', (p) => {
        const open = this.documents.get(doc(p));
        if (open) this.documentChanged(TextDocument.update(open, p.contentChanges, p.textDocument.version));
      }),
    );
    c.onDidCloseTextDocument(this.notification('didClose', (p) => this.documentClosed(doc(p))));

    const service = this.service;
    c.onCompletion(this.request('completion', (p) => service.doComplete(doc(p), p.position, { editRangeDefault: this.hasEditRangeDefault })));
    c.onCompletionResolve(this.request('completionItem/resolve', (item) => service.resolveCompletionItem(item)));
    c.onDefinition(this.request('definition', (p) => this.uris.locations(service.findDefinition(doc(p), p.position))));
    c.onReferences(this.request('references', (p) => this.uris.locations(service.findReferences(doc(p), p.position, p.context.includeDeclaration))));
    c.onHover(this.request('hover', (p) => service.doHover(doc(p), p.position)));
    c.onDocumentSymbol(this.request('documentSymbol', (p) => service.findDocumentSymbols(doc(p))));
    c.onWorkspaceSymbol(
      this.request('workspace/symbol', (p) => service.findWorkspaceSymbols(p.query).map((s) => ({ ...s, location: this.uris.locations([s.location])[0] }))),
    );
    c.onCodeAction(
      this.request('codeAction', (p) =>
        service.getCodeActions(doc(p), p.range, p.context.diagnostics, p.context.only).map((a) => (a.edit ? { ...a, edit: this.uris.edit(a.edit) } : a)),
      ),
    );
    c.onPrepareRename(this.request('prepareRename', (p) => answerOrRefuse(service.prepareRename(doc(p), p.position))));
    c.onRenameRequest(
      this.request('rename', (p) => {
        const result = service.doRename(doc(p), p.position, p.newName);
        return answerOrRefuse(result.ok ? { ok: true, value: this.uris.edit(result.value) } : result);
      }),
    );
    registerJobHandlers(c, service, { request: (name, handler) => this.request(name, handler), uris: this.uris });
    c.listen();
  }

  /** A request handler that answers an error instead of throwing, and skips work already cancelled. */
  private request<P, R>(name: string, handler: (params: P) => R): (params: P, token: CancellationToken) => R | ResponseError<void> {
    return (params, token) => {
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
      try {
        return handler(params);
      } catch (e) {
        this.internalError(name, e);
        return new ResponseError(ErrorCodes.InternalError, `Usercube: ${name} failed (${e instanceof Error ? e.message : String(e)}).`);
      }
    };
  }

  /** A notification handler, synchronous or not, whose failure is logged and goes no further. */
  private notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const done = handler(params);
        if (done) done.catch((e) => this.internalError(name, e));
      } catch (e) {
        this.internalError(name, e);
      }
    };
  }

  internalError(what: string, e: unknown): void {
    this.connection.console.error(`Internal error in ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    if (typeof params.processId === 'number') this.hooks.clientProcessId?.(params.processId);
    this.hasConfigurationCapability = !!caps.workspace?.configuration;
    this.hasWatchedFilesDynamicRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.hasWorkDoneProgress = !!caps.window?.workDoneProgress;
    this.hasEditRangeDefault = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    // Workspace folder support is optional: without it, no folder change ever comes.
    this.hasWorkspaceFolderCapability = !!caps.workspace?.workspaceFolders;
    this.folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    this.service.setWorkspaceRoots(this.folders.uris);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"', "'", '<'], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        callHierarchyProvider: true,
        // Rename options only for clients that said they support prepareRename (LSP 3.17).
        renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'usercube-jobs' },
    };
  }

  private async initialized(): Promise<void> {
    // The file count is not known yet: start the workers now, while the settings round trips
    // and the listing run; indexAll stops them when the workspace is too small to need them.
    if (this.folders.uris.length > 0) this.workers = this.startWorkers();
    if (this.hasWatchedFilesDynamicRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.xml' },
          { globPattern: `**/${SETTINGS_FILE}` },
          { globPattern: '**/appsettings*.json' },
          // Deleting, renaming or moving a folder reports the folder only (microsoft/vscode#60813).
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
    }
    if (this.hasWorkspaceFolderCapability) {
      this.connection.workspace.onDidChangeWorkspaceFolders(
        this.notification('didChangeWorkspaceFolders', (e) => {
          const removed = this.folders.change(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          );
          for (const r of removed) this.removeFolder(r);
          this.service.setWorkspaceRoots(this.folders.uris);
          return this.reindex();
        }),
      );
    }
    await this.reindex();
  }

  /** Worker threads for the cold index, or none if they cannot start (the server thread reads then). */
  private startWorkers(): IndexWorkers | undefined {
    try {
      return new IndexWorkers();
    } catch (e) {
      this.connection.console.warn(`Index workers could not start (${String(e)}): reading files in the server.`);
      return undefined;
    }
  }

  private async readSettings(): Promise<Settings> {
    if (!this.hasConfigurationCapability) return { exclude: [], rules: {} };
    const [own, files] = await this.connection.workspace.getConfiguration([{ section: 'usercubeJobs' }, { section: 'files' }]);
    const rules = parseRuleSettings(own?.rules, 'usercubeJobs.rules');
    rules.problems.forEach((p) => this.connection.console.warn(p));
    return { exclude: [...enabledGlobs(own?.exclude), ...enabledGlobs(files?.exclude)], rules: rules.rules };
  }

  /** Indexes every XML file of every workspace folder, reporting progress. */
  private reindex(): Promise<void> {
    this.indexing = this.indexing.then(() => this.indexAll()).catch((e) => this.connection.console.error(`Indexing failed: ${String(e)}`));
    return this.indexing;
  }

  private async indexAll(): Promise<void> {
    const settings = await this.readSettings();
    this.folders.exclude = new GlobSet(settings.exclude);
    this.editorRules = settings.rules;
    this.rules = this.newRuleResolver();
    await this.readAgentSettings();
    const progress = this.hasWorkDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    const started = Date.now();
    const files: string[] = [];
    for (const root of this.folders.uris) if (root.startsWith('file:')) files.push(...(await listXmlFiles(URI.parse(root).fsPath, this.folders.exclude)));
    const total = files.length;
    progress?.begin('Usercube', 0, `Indexing 0/${total} files`, false);
    const seen = new Set<string>();
    let done = 0;
    let lastReport = 0;
    const loaded = () => {
      done++;
      const now = Date.now();
      if (now - lastReport > 100 || done === total) {
        lastReport = now;
        progress?.report(Math.round((done / Math.max(total, 1)) * 100), `Indexing ${done}/${total} files`);
        this.sendStatus({ indexing: true, done, total });
      }
    };
    const items = files.map((file) => ({ file, uri: URI.file(file).toString() }));
    items.forEach((f) => seen.add(f.uri));
    const workers = this.workers ?? (items.length >= PARALLEL_MIN_FILES ? this.startWorkers() : undefined);
    this.workers = undefined;
    let threads = '';
    if (workers && items.length >= PARALLEL_MIN_FILES) {
      threads = ` (${workers.size} worker threads)`;
      try {
        await workers.run(items, (r) => {
          if (r.entry) this.service.setFileEntry(unpackEntry(r.entry));
          else this.loadFailed(r.uri, r.file, r.failure);
          if (r.warning) this.connection.console.warn(`${r.file}: ${r.warning}`);
          loaded();
        });
      } catch (e) {
        threads = ' (in the server thread: the index worker threads failed)';
        this.connection.console.warn(`Index workers failed (${String(e)}): reading the other files in the server.`);
      }
    }
    workers?.close();
    // Synchronous reads in slices of a few milliseconds: requests are still served in between.
    let sliceStart = Date.now();
    for (const { file, uri } of items.slice(done)) {
      this.loadRead(uri, file, readXmlFileSync(file));
      loaded();
      if (Date.now() - sliceStart >= INDEX_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    // Files that vanished or became excluded since the last run.
    for (const entry of [...this.service.index.allFiles()]) {
      if (!seen.has(entry.uri) && !this.documents.has(entry.uri)) this.service.index.delete(entry.uri);
    }
    progress?.done();
    this.connection.console.info(`Indexed ${total} XML files in ${Date.now() - started} ms${threads}.`);
    this.indexed = true;
    for (const uri of this.documents.keys()) this.publish(uri, true);
    this.sendStatus();
  }

  /** `Jobs.MaxTaskBatchSize` from the first appsettings.json of the workspace folders that sets it. */
  private async readAgentSettings(): Promise<void> {
    const roots = this.folders.uris.filter((r) => r.startsWith('file:')).map((r) => URI.parse(r).fsPath);
    this.service.setAgentSettings(await readAgentSettings(roots, (file) => file));
  }

  /** The index's state for the client's status item: while indexing, then after each change. */
  private sendStatus(progress?: { indexing: true; done: number; total: number }): void {
    let files = 0;
    for (const e of this.service.index.allFiles()) if (e.status === 'configuration') files++;
    let errors = 0;
    for (const count of this.errors.values()) errors += count;
    const status: IndexStatus = { indexing: false, done: 0, total: 0, files, jobs: progress ? 0 : this.service.index.allJobs().length, errors, ...progress };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private loadRead(uri: string, file: string, read: ReadResult): void {
    if (!read.ok) return this.loadFailed(uri, file, read);
    this.service.setFileText(uri, read.text, read.encoding);
    const warning = decodingWarning(read);
    if (warning) this.connection.console.warn(`${file}: ${warning}`);
  }

  private loadFailed(uri: string, file: string, failure: { reason: FileStatus; message: string }): void {
    this.service.setFileStatus(uri, failure.reason);
    this.connection.console.warn(`${file}: ${failure.message}`);
  }

  /**
   * File events follow the rules of the initial walk (workspaceFolders.ts): only files of the
   * workspace are read; an event for anything else, or for a file that is gone, takes the
   * file out of the index rather than leaving an entry for it.
   */
  private async watchedFilesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    await this.indexing;
    for (const ch of changes) {
      const uri = this.uris.fromClient(ch.uri);
      if (!uri.startsWith('file:')) continue;
      if (uri.endsWith(`/${SETTINGS_FILE}`)) {
        this.rules = this.newRuleResolver();
        continue;
      }
      if (isAgentSettingsFile(uri)) {
        await this.readAgentSettings();
        continue;
      }
      const isXml = uri.toLowerCase().endsWith('.xml');
      if (ch.type === FileChangeType.Deleted) {
        if (isXml) this.service.removeFile(uri);
        else this.removeFolder(uri);
        continue;
      }
      if (isXml && this.documents.has(uri)) continue;
      const file = await this.folders.diskPath(uri);
      if (isXml) {
        if (file) await this.loadFromDisk(uri, file);
        else this.service.removeFile(uri);
      } else if (file && ch.type === FileChangeType.Created) {
        await this.loadFolder(file);
      }
    }
    this.scheduleCrossFile();
  }

  private async loadFromDisk(uri: string, file: string): Promise<void> {
    const read = await readXmlFile(file);
    // Gone between the event and the read: nothing to keep.
    if (!read.ok && read.code === 'ENOENT') this.service.removeFile(uri);
    else this.loadRead(uri, file, read);
  }

  /** A deleted folder (or one that left the workspace): its files leave the index, but open documents keep their text, as for a deleted file. */
  private removeFolder(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const entry of [...this.service.index.allFiles()]) if (entry.uri.startsWith(prefix)) this.service.removeFile(entry.uri);
  }

  /** A folder renamed or moved into the workspace: the XML files inside it (the walk follows no link). */
  private async loadFolder(folder: string): Promise<void> {
    const files = await listXmlFiles(folder);
    await forEachLimited(files, READ_CONCURRENCY, async (file) => {
      const fileUri = URI.file(file).toString();
      if (!this.folders.isExcluded(fileUri) && !this.documents.has(fileUri)) await this.loadFromDisk(fileUri, file);
    });
  }

  private documentChanged(doc: TextDocument): void {
    this.documents.set(doc.uri, doc);
    this.service.changeDocument(doc.uri, doc.getText(), doc.version);
    this.pendingOwn.add(doc.uri);
    if (!this.ownTimer) this.ownTimer = setImmediate(() => this.flushOwn());
    this.scheduleCrossFile();
  }

  private async documentClosed(uri: string): Promise<void> {
    const client = this.uris.toClient(uri);
    this.documents.delete(uri);
    // Back to what is on disk (the editor may have closed without saving), if the walk would read it.
    const file = await this.folders.diskPath(uri);
    const read = file ? await readXmlFile(file) : undefined;
    if (this.documents.has(uri)) return; // opened again meanwhile
    this.service.closeDocument(uri, read?.ok ? read.text : undefined, read?.ok ? read.encoding : undefined);
    this.strictErrors.delete(uri);
    this.errors.delete(uri);
    void this.connection.sendDiagnostics({ uri: client, diagnostics: [] });
    this.scheduleCrossFile();
  }

  /**
   * The edited documents first, at once, without the strict XML parser (it re-reads the whole
   * text): that runs in the debounced pass, and here only while its last verdict was an error,
   * so that an existing error does not flicker.
   */
  private flushOwn(): void {
    this.ownTimer = undefined;
    if (!this.indexed) return;
    for (const uri of this.pendingOwn) this.publish(uri, this.strictErrors.has(uri));
    this.pendingOwn.clear();
  }

  /** New rule severities only re-check open documents; a new exclude list re-reads the workspace. */
  private async configurationChanged(): Promise<void> {
    const settings = await this.readSettings();
    if (new GlobSet(settings.exclude).equals(this.folders.exclude)) {
      this.editorRules = settings.rules;
      this.rules = this.newRuleResolver();
      this.scheduleCrossFile();
    } else await this.reindex();
  }

  /** Then every other open document, whose references may point into what changed. */
  private scheduleCrossFile(): void {
    if (this.crossTimer) clearTimeout(this.crossTimer);
    this.crossTimer = setTimeout(() => {
      this.crossTimer = undefined;
      if (!this.indexed) return;
      for (const uri of this.documents.keys()) this.publish(uri, true);
      this.sendStatus();
    }, CROSS_FILE_DEBOUNCE_MS);
  }

  private publish(uri: string, strictXml: boolean): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const diagnostics = this.service.validate(uri, { strictXml, maxDiagnostics: MAX_DIAGNOSTICS_PER_FILE });
    if (strictXml) {
      if (diagnostics.some((d) => (d.data as { strict?: boolean } | undefined)?.strict)) this.strictErrors.add(uri);
      else this.strictErrors.delete(uri);
    }
    void this.connection.sendDiagnostics({ uri: this.uris.toClient(uri), version: doc.version, diagnostics });
    this.errors.set(uri, diagnostics.filter((d) => d.severity === 1).length);
  }
}

/** A refused request reaches the editor as an error whose message it shows (a refused rename). */
function answerOrRefuse<T>(result: { ok: true; value: T } | { ok: false; message: string }): T | ResponseError<void> {
  return result.ok ? result.value : new ResponseError(LSPErrorCodes.RequestFailed, result.message);
}
