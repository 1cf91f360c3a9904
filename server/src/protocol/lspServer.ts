/**
 * The LSP adapter: wires a connection to the language service. It owns what the service
 * must not know about: the file system, settings, progress, timing of diagnostics.
 */
import { URI } from 'vscode-uri';
import {
  CodeActionKind,
  Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../languageService';
import { FIX_ALL_KIND } from '../features/codeActions';
import { GlobSet, enabledGlobs } from '../node/globMatcher';
import { ReadResult, forEachLimited, isInSkippedFolder, listXmlFiles, readXmlFile, readXmlFileSync } from '../node/workspaceFiles';
import { RuleSettingsResolver, SETTINGS_FILE, parseRuleSettings } from '../node/projectSettings';
import { RuleSettings } from '../rules/validation';
import { FileStatus } from '../index/fileEntry';
import { unpackEntry } from '../index/entryCodec';
import { IndexWorkers } from '../node/parallelIndexer';
import { isAgentSettingsFile, readAgentSettings } from '../node/agentSettings';
import { IndexStatus, STATUS_NOTIFICATION, registerJobHandlers } from './jobHandlers';
import { shippedRulesDoc } from '../node/installedPackage';

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
/** From this many files, the cold index reads and parses them in worker threads (starting them costs ~50 ms). */
const PARALLEL_MIN_FILES = 64;

export class LspServer {
  /** Diagnostics link to the rules page installed with the server (a file: URL any client can open). */
  readonly service = new LanguageService({ rulesDocUrl: shippedRulesDoc()?.url });
  private readonly documents = new TextDocuments(TextDocument);
  private roots: string[] = [];
  private exclude = new GlobSet([]);
  private hasConfigurationCapability = false;
  private hasWatchedFilesDynamicRegistration = false;
  private hasWorkDoneProgress = false;
  private hasEditRangeDefault = false;
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

  constructor(private readonly connection: Connection) {
    this.service.setRuleSettingsProvider((uri) => this.ruleSettings(uri));
  }

  private newRuleResolver(): RuleSettingsResolver {
    return new RuleSettingsResolver(this.editorRules, undefined, (p) => this.connection.console.warn(p));
  }

  /** The nearest `.usercube-jobs.json` (up to the workspace folder), then the editor setting over it. */
  private ruleSettings(uri: string): RuleSettings {
    if (!uri.startsWith('file:')) return this.editorRules;
    const root = this.roots.find((r) => uri.startsWith(r + '/'));
    return this.rules.forFile(URI.parse(uri).fsPath, root ? URI.parse(root).fsPath : undefined);
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => void this.initialized());
    c.onDidChangeConfiguration(() => void this.configurationChanged());
    c.onDidChangeWatchedFiles((p) => void this.watchedFilesChanged(p.changes));

    // TextDocuments fires onDidChangeContent on open too: listening to onDidOpen as well parsed each opened file twice.
    this.documents.onDidChangeContent((e) => this.documentChanged(e.document));
    this.documents.onDidClose((e) => void this.documentClosed(e.document.uri));

    c.onCompletion((p) => this.service.doComplete(p.textDocument.uri, p.position, { editRangeDefault: this.hasEditRangeDefault }));
    c.onCompletionResolve((item) => this.service.resolveCompletionItem(item));
    c.onDefinition((p) => this.service.findDefinition(p.textDocument.uri, p.position));
    c.onReferences((p) => this.service.findReferences(p.textDocument.uri, p.position, p.context.includeDeclaration));
    c.onHover((p) => this.service.doHover(p.textDocument.uri, p.position));
    c.onDocumentSymbol((p) => this.service.findDocumentSymbols(p.textDocument.uri));
    c.onWorkspaceSymbol((p) => this.service.findWorkspaceSymbols(p.query));
    c.onCodeAction((p) => this.service.getCodeActions(p.textDocument.uri, p.range, p.context.diagnostics, p.context.only));
    c.onPrepareRename((p) => answerOrRefuse(this.service.prepareRename(p.textDocument.uri, p.position)));
    c.onRenameRequest((p) => answerOrRefuse(this.service.doRename(p.textDocument.uri, p.position, p.newName)));
    registerJobHandlers(c, this.service);

    this.documents.listen(c);
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.hasConfigurationCapability = !!caps.workspace?.configuration;
    this.hasWatchedFilesDynamicRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.hasWorkDoneProgress = !!caps.window?.workDoneProgress;
    this.hasEditRangeDefault = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.map((u) => u.replace(/\/$/, ''));
    this.service.setWorkspaceRoots(this.roots);
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
    if (this.roots.length > 0) this.workers = this.startWorkers();
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
    this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => f.uri.replace(/\/$/, '')));
      for (const r of removed) this.removeFolder(r);
      this.roots = this.roots.filter((r) => !removed.has(r)).concat(e.added.map((f) => f.uri.replace(/\/$/, '')));
      this.service.setWorkspaceRoots(this.roots);
      void this.reindex();
    });
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
    this.exclude = new GlobSet(settings.exclude);
    this.editorRules = settings.rules;
    this.rules = this.newRuleResolver();
    await this.readAgentSettings();
    const progress = this.hasWorkDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    const started = Date.now();
    const files: string[] = [];
    for (const root of this.roots) files.push(...(await listXmlFiles(URI.parse(root).fsPath, this.exclude)));
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
          loaded();
        });
      } catch (e) {
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
      if (!seen.has(entry.uri) && !this.documents.get(entry.uri)) this.service.index.delete(entry.uri);
    }
    progress?.done();
    this.connection.console.info(`Indexed ${total} XML files in ${Date.now() - started} ms${threads}.`);
    this.indexed = true;
    for (const doc of this.documents.all()) this.publish(doc.uri, true);
    this.sendStatus();
  }

  /** `Jobs.MaxTaskBatchSize` from the first appsettings.json of the workspace folders that sets it. */
  private async readAgentSettings(): Promise<void> {
    const roots = this.roots.filter((r) => r.startsWith('file:')).map((r) => URI.parse(r).fsPath);
    this.service.setAgentSettings(await readAgentSettings(roots, (file) => file));
  }

  /** The index's state for the client's status item: while indexing, then after each change. */
  private sendStatus(progress?: { indexing: true; done: number; total: number }): void {
    let files = 0;
    for (const e of this.service.index.allFiles()) if (e.status === 'configuration') files++;
    const status: IndexStatus = { indexing: false, done: 0, total: 0, files, jobs: progress ? 0 : this.service.index.allJobs().length, errors: this.errorCount(), ...progress };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  private errorCount(): number {
    let n = 0;
    for (const count of this.errors.values()) n += count;
    return n;
  }

  private async loadFromDisk(uri: string, file: string): Promise<void> {
    this.loadRead(uri, file, await readXmlFile(file));
  }

  private loadRead(uri: string, file: string, read: ReadResult): void {
    if (read.ok) this.service.setFileText(uri, read.text, read.encoding);
    else this.loadFailed(uri, file, read);
  }

  private loadFailed(uri: string, file: string, failure: { reason: FileStatus; message: string }): void {
    this.service.setFileStatus(uri, failure.reason);
    this.connection.console.warn(`${file}: ${failure.message}`);
  }

  private isExcluded(uri: string): boolean {
    for (const root of this.roots) {
      if (uri.startsWith(root + '/')) {
        const relative = decodeURIComponent(uri.slice(root.length + 1));
        return isInSkippedFolder(relative) || this.exclude.matches(relative);
      }
    }
    return false;
  }

  private async watchedFilesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    await this.indexing;
    for (const ch of changes) {
      if (ch.uri.endsWith(`/${SETTINGS_FILE}`)) {
        this.rules = this.newRuleResolver();
        continue;
      }
      if (isAgentSettingsFile(ch.uri)) {
        await this.readAgentSettings();
        continue;
      }
      const isXml = ch.uri.toLowerCase().endsWith('.xml');
      if (ch.type === FileChangeType.Deleted) {
        if (isXml) this.service.removeFile(ch.uri);
        else this.removeFolder(ch.uri);
      } else if (isXml && !this.isExcluded(ch.uri) && !this.documents.get(ch.uri)) {
        await this.loadFromDisk(ch.uri, URI.parse(ch.uri).fsPath);
      } else if (!isXml && ch.type === FileChangeType.Created) {
        await this.loadFolder(ch.uri);
      }
    }
    this.scheduleCrossFile();
  }

  /** A deleted folder (or one that left the workspace): its files leave the index, but open documents keep their text, as for a deleted file. */
  private removeFolder(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const entry of [...this.service.index.allFiles()]) if (entry.uri.startsWith(prefix)) this.service.removeFile(entry.uri);
  }

  /** A folder renamed or moved into the workspace: the XML files inside it (nothing for a file). */
  private async loadFolder(uri: string): Promise<void> {
    if (!uri.startsWith('file:') || this.isExcluded(uri)) return;
    const files = await listXmlFiles(URI.parse(uri).fsPath);
    await forEachLimited(files, READ_CONCURRENCY, async (file) => {
      const fileUri = URI.file(file).toString();
      if (!this.isExcluded(fileUri) && !this.documents.get(fileUri)) await this.loadFromDisk(fileUri, file);
    });
  }

  private documentChanged(doc: TextDocument): void {
    this.service.changeDocument(doc.uri, doc.getText(), doc.version);
    this.pendingOwn.add(doc.uri);
    if (!this.ownTimer) this.ownTimer = setImmediate(() => this.flushOwn());
    this.scheduleCrossFile();
  }

  private async documentClosed(uri: string): Promise<void> {
    // Back to what is on disk (the editor may have closed without saving).
    const underRoot = this.roots.some((r) => uri.startsWith(r + '/'));
    let text: string | undefined;
    let encoding: string | undefined;
    if (underRoot && uri.startsWith('file:') && !this.isExcluded(uri)) {
      const read = await readXmlFile(URI.parse(uri).fsPath);
      if (read.ok) {
        text = read.text;
        encoding = read.encoding;
      }
    }
    this.service.closeDocument(uri, text, encoding);
    this.strictErrors.delete(uri);
    this.errors.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
    if (new GlobSet(settings.exclude).equals(this.exclude)) {
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
      for (const doc of this.documents.all()) this.publish(doc.uri, true);
      this.sendStatus();
    }, CROSS_FILE_DEBOUNCE_MS);
  }

  private publish(uri: string, strictXml: boolean): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const diagnostics = this.service.validate(uri, { strictXml });
    if (strictXml) {
      if (diagnostics.some((d) => (d.data as { strict?: boolean } | undefined)?.strict)) this.strictErrors.add(uri);
      else this.strictErrors.delete(uri);
    }
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    this.errors.set(uri, diagnostics.filter((d) => d.severity === 1).length);
  }
}

/** A refused request reaches the editor as an error whose message it shows (a refused rename). */
function answerOrRefuse<T>(result: { ok: true; value: T } | { ok: false; message: string }): T | ResponseError<void> {
  return result.ok ? result.value : new ResponseError(LSPErrorCodes.RequestFailed, result.message);
}
