/**
 * The LSP adapter: wires a connection to the language service. It owns what the service
 * must not know about: the file system, settings, progress, timing of diagnostics, each in
 * its own piece (workspaceIndexer, watchedFiles, serverSettings, diagnosticsScheduler); this
 * file connects them to the client's requests and notifications.
 */
import { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../languageService';
import { GlobSet } from '../node/globMatcher';
import { readXmlFile } from '../node/workspaceFiles';
import type { StartedThread } from '../node/workerThreads';
import { shippedRulesDoc } from '../node/installedPackage';
import { ClientUris } from './clientUris';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { HandlerGuard } from './handlerGuard';
import { registerJobHandlers } from './jobHandlers';
import { registerLanguageHandlers } from './languageHandlers';
import { initializeResult } from './serverCapabilities';
import { ServerSettings } from './serverSettings';
import { WatchedFiles, registerFileWatchers } from './watchedFiles';
import { WorkspaceFolders } from './workspaceFolders';
import { WorkspaceIndexer } from './workspaceIndexer';

export class LspServer {
  /** Diagnostics link to the rules page installed with the server (a file: URL any client can open). */
  readonly service = new LanguageService({ rulesDocUrl: shippedRulesDoc()?.url });
  /** Open documents by canonical URI (see clientUris.ts). */
  private readonly documents = new Map<string, TextDocument>();
  private readonly uris = new ClientUris();
  private readonly folders = new WorkspaceFolders();
  private readonly guard: HandlerGuard;
  private readonly settings: ServerSettings;
  private readonly diagnostics: DiagnosticsScheduler;
  private readonly indexer: WorkspaceIndexer;
  private readonly watchedFiles: WatchedFiles;
  private hasWatchedFilesDynamicRegistration = false;
  private hasEditRangeDefault = false;
  private hasWorkspaceFolderCapability = false;

  constructor(
    private readonly connection: Connection,
    private readonly hooks: { clientProcessId?: (pid: number) => void; indexThreads?: readonly StartedThread[] } = {},
  ) {
    this.guard = new HandlerGuard((message) => connection.console.error(message));
    this.settings = new ServerSettings(connection, this.folders);
    this.diagnostics = new DiagnosticsScheduler(connection, this.service, this.documents, this.uris);
    this.indexer = new WorkspaceIndexer(connection, this.service, this.folders, this.settings, this.documents, this.diagnostics, hooks.indexThreads);
    this.watchedFiles = new WatchedFiles(this.service, this.uris, this.folders, this.settings, this.documents, this.indexer, this.diagnostics);
    this.service.setRuleSettingsProvider((uri) => this.settings.ruleSettings(uri));
  }

  /**
   * Every handler goes through the guard (handlerGuard.ts): no request, notification or file
   * may end the process. Documents arrive under the client's spelling of their URI and are kept
   * under the canonical one.
   */
  listen(): void {
    const c = this.connection;
    const guard = this.guard;
    const doc = (p: { textDocument: { uri: string } }) => this.uris.fromClient(p.textDocument.uri);
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(guard.notification('initialized', () => this.initialized()));
    c.onDidChangeConfiguration(guard.notification('didChangeConfiguration', () => this.configurationChanged()));
    c.onDidChangeWatchedFiles(guard.notification('didChangeWatchedFiles', (p) => this.watchedFiles.changed(p.changes)));

    c.onDidOpenTextDocument(
      guard.notification('didOpen', (p) => {
        const { languageId, version, text } = p.textDocument;
        this.documentChanged(TextDocument.create(doc(p), languageId, version, text));
      }),
    );
    c.onDidChangeTextDocument(
      guard.notification('didChange', (p) => {
        const open = this.documents.get(doc(p));
        if (open) this.documentChanged(TextDocument.update(open, p.contentChanges, p.textDocument.version));
      }),
    );
    c.onDidCloseTextDocument(guard.notification('didClose', (p) => this.documentClosed(doc(p))));

    const adapter = { request: guard.request.bind(guard), uris: this.uris };
    registerLanguageHandlers(c, this.service, adapter, () => this.hasEditRangeDefault);
    registerJobHandlers(c, this.service, adapter);
    c.listen();
  }

  internalError(what: string, e: unknown): void {
    this.guard.internalError(what, e);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    if (typeof params.processId === 'number') this.hooks.clientProcessId?.(params.processId);
    this.settings.hasConfigurationCapability = !!caps.workspace?.configuration;
    this.hasWatchedFilesDynamicRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.indexer.hasWorkDoneProgress = !!caps.window?.workDoneProgress;
    this.hasEditRangeDefault = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    // Workspace folder support is optional: without it, no folder change ever comes.
    this.hasWorkspaceFolderCapability = !!caps.workspace?.workspaceFolders;
    this.folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    this.service.setWorkspaceRoots(this.folders.uris);
    return initializeResult(caps);
  }

  private async initialized(): Promise<void> {
    this.indexer.prepare();
    // The editor's answer is not waited for before indexing: watching starts when the editor
    // has the request either way, and an editor that is still starting may take its time.
    if (this.hasWatchedFilesDynamicRegistration) {
      // A refusal is the editor's to make, not an error of the server: said as what it means.
      void registerFileWatchers(this.connection).catch((e) =>
        this.connection.console.warn(
          `The editor did not accept the file watchers (${e instanceof Error ? e.message : String(e)}): files changed outside the editor are read again only when the server restarts.`,
        ),
      );
    }
    if (this.hasWorkspaceFolderCapability) {
      this.connection.workspace.onDidChangeWorkspaceFolders(
        this.guard.notification('didChangeWorkspaceFolders', (e) => {
          const removed = this.folders.change(
            e.added.map((f) => f.uri),
            e.removed.map((f) => f.uri),
          );
          for (const r of removed) this.indexer.removeFolder(r);
          this.service.setWorkspaceRoots(this.folders.uris);
          return this.indexer.reindex();
        }),
      );
    }
    await this.indexer.reindex();
  }

  /** New rule severities only re-check open documents; a new exclude list re-reads the workspace. */
  private async configurationChanged(): Promise<void> {
    const settings = await this.settings.read();
    if (new GlobSet(settings.exclude).equals(this.folders.exclude)) {
      this.settings.setEditorRules(settings.rules);
      this.diagnostics.scheduleCrossFile();
    } else await this.indexer.reindex();
  }

  private documentChanged(doc: TextDocument): void {
    this.documents.set(doc.uri, doc);
    this.service.changeDocument(doc.uri, doc.getText(), doc.version);
    this.diagnostics.edited(doc.uri);
  }

  private async documentClosed(uri: string): Promise<void> {
    const client = this.uris.toClient(uri);
    this.documents.delete(uri);
    // Back to what is on disk (the editor may have closed without saving), if the walk would read it.
    const file = await this.folders.diskPath(uri);
    const read = file ? await readXmlFile(file) : undefined;
    if (this.documents.has(uri)) return; // opened again meanwhile
    this.service.closeDocument(uri, read?.ok ? read.text : undefined, read?.ok ? read.encoding : undefined);
    this.diagnostics.closed(uri, client);
  }
}
