/**
 * Keeps the index in step with the files on disk: the first full walk of the workspace folders
 * (in worker threads for large workspaces, with progress), and the files and folders that file
 * events or closed documents bring in or take out. Open documents are the editor's: what is on
 * disk does not replace them.
 */
import { URI } from 'vscode-uri';
import { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { GlobSet } from '../node/globMatcher';
import { ReadResult, decodingWarning, forEachLimited, listXmlFiles, readXmlFile, readXmlFileSync, walkWorkspace } from '../node/workspaceFiles';
import { FileStatus } from '../index/fileEntry';
import { unpackEntry } from '../index/entryCodec';
import { FileFeed, IndexWorkers } from '../node/parallelIndexer';
import type { StartedThread } from '../node/workerThreads';
import { indexForServer } from '../node/indexWorkerLoop';
import { agentSettingsIn, isAgentSettingsFile, readAgentSettings } from '../node/agentSettings';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import type { ServerSettings } from './serverSettings';
import type { WorkspaceFolders } from './workspaceFolders';

const READ_CONCURRENCY = 16;
/** The cold index yields to pending requests this often. */
const INDEX_SLICE_MS = 10;
/** From this many files, the cold index reads and parses them in worker threads, the server thread taking a share (starting them costs ~50 ms). */
const PARALLEL_MIN_FILES = 64;

export class WorkspaceIndexer {
  /** Whether the client shows work-done progress. */
  hasWorkDoneProgress = false;
  private indexing: Promise<void> = Promise.resolve();
  /** Started with the server for the first index (see indexAll). */
  private workers: IndexWorkers | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    private readonly folders: WorkspaceFolders,
    private readonly settings: ServerSettings,
    /** Open documents by canonical URI. */
    private readonly documents: ReadonlyMap<string, TextDocument>,
    private readonly diagnostics: DiagnosticsScheduler,
    /** Worker threads the server started with its process, for the first index (server.ts). */
    private started: readonly StartedThread[] = [],
  ) {}

  /**
   * The file count is not known yet: the workers are ready now (those the process started),
   * while the settings round trips and the listing run; indexAll stops them when the workspace
   * is too small to need them.
   */
  prepare(): void {
    if (this.folders.uris.length > 0) this.workers = this.startWorkers();
    else {
      // Nothing to index: the threads started with the process go.
      for (const t of this.started) void t.worker.terminate();
      this.started = [];
    }
  }

  /** Settles when the index run under way (if any) is over. */
  idle(): Promise<void> {
    return this.indexing;
  }

  /** Worker threads for the cold index, or none if they cannot start (the server thread reads then). */
  private startWorkers(): IndexWorkers | undefined {
    try {
      // Those the process started, once; then new ones (a later index, a new exclude list).
      const threads = this.started;
      this.started = [];
      return new IndexWorkers({ here: indexForServer, threads });
    } catch (e) {
      this.connection.console.warn(`Index workers could not start (${String(e)}): reading files in the server.`);
      return undefined;
    }
  }

  /** Indexes every XML file of every workspace folder, reporting progress. */
  reindex(): Promise<void> {
    this.indexing = this.indexing.then(() => this.indexAll()).catch((e) => this.connection.console.error(`Indexing failed: ${String(e)}`));
    return this.indexing;
  }

  private async indexAll(): Promise<void> {
    const settings = await this.settings.read();
    this.folders.exclude = new GlobSet(settings.exclude);
    this.settings.setEditorRules(settings.rules);
    const progress = this.hasWorkDoneProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    const started = Date.now();
    // Files are indexed as the walk finds them: a large tree takes a while to list.
    const feed = new FileFeed();
    const walked = this.walk(feed);
    await feed.reached(PARALLEL_MIN_FILES);
    const files = feed.files;
    let done = 0;
    let lastReport = 0;
    let reportedAll = false;
    const report = () => {
      const total = files.length;
      // The total is known once the walk is over; until then, no percentage that would go back.
      if (feed.complete) progress?.report(Math.round((done / Math.max(total, 1)) * 100), `Indexing ${done}/${total} files`);
      else progress?.report(`Indexing ${done}/${total} files, listing folders`);
      this.diagnostics.sendStatus({ indexing: true, done, total });
      reportedAll = feed.complete && done === total;
    };
    progress?.begin('Usercube', 0, feed.complete ? `Indexing 0/${files.length} files` : `Indexing 0/${files.length} files, listing folders`, false);
    const loaded = () => {
      done++;
      const now = Date.now();
      if (now - lastReport > 100 || (feed.complete && done === files.length)) {
        lastReport = now;
        report();
      }
    };
    const workers = this.workers ?? (files.length >= PARALLEL_MIN_FILES ? this.startWorkers() : undefined);
    this.workers = undefined;
    let threads = '';
    if (workers && files.length >= PARALLEL_MIN_FILES) {
      threads = ` (${workers.size} worker ${workers.size === 1 ? 'thread' : 'threads'} and the server thread)`;
      try {
        await workers.run(feed, (r) => {
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
    // The agent's settings files the walk found.
    this.service.setAgentSettings(await agentSettingsIn(await walked, (file) => file));
    // What the workers did not index (a small workspace, or they failed): synchronous reads in
    // slices of a few milliseconds, requests are still served in between.
    let sliceStart = Date.now();
    for (const { file, uri } of files.slice(done)) {
      this.loadRead(uri, file, readXmlFileSync(file));
      loaded();
      if (Date.now() - sliceStart >= INDEX_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
    }
    // The last file may have come before the walk was known to be over.
    if (!reportedAll) report();
    // Files that vanished or became excluded since the last run.
    const seen = new Set(files.map((f) => f.uri));
    for (const entry of [...this.service.index.allFiles()]) {
      if (!seen.has(entry.uri) && !this.documents.has(entry.uri)) this.service.index.delete(entry.uri);
    }
    progress?.done();
    this.connection.console.info(`Indexed ${files.length} XML files in ${Date.now() - started} ms${threads}.`);
    this.diagnostics.indexReady();
  }

  /**
   * Walks the workspace folders one after the other, giving the feed each XML file in walk order
   * as soon as it is found; ends the feed and settles with the agent's settings files once done.
   */
  private async walk(feed: FileFeed): Promise<string[]> {
    const settingsFiles: string[] = [];
    try {
      for (const root of this.diskRoots()) {
        settingsFiles.push(...(await walkWorkspace(root, this.folders.exclude, isAgentSettingsFile, (file) => feed.push({ file, uri: URI.file(file).toString() }))));
      }
    } catch (e) {
      // What was found is indexed all the same.
      this.connection.console.error(`Listing the workspace folders failed: ${String(e)}`);
    } finally {
      feed.end();
    }
    return settingsFiles;
  }

  /** `Jobs.MaxTaskBatchSize` from the first appsettings.json of the workspace folders that sets it. */
  async readAgentSettings(): Promise<void> {
    this.service.setAgentSettings(await readAgentSettings(this.diskRoots(), (file) => file));
  }

  /** The workspace folders on disk, as paths. */
  private diskRoots(): string[] {
    return this.folders.uris.filter((root) => root.startsWith('file:')).map((root) => URI.parse(root).fsPath);
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

  /** A file of the workspace, read again from disk. */
  async loadFromDisk(uri: string, file: string): Promise<void> {
    const read = await readXmlFile(file);
    // Gone between the event and the read: nothing to keep.
    if (!read.ok && read.code === 'ENOENT') this.service.removeFile(uri);
    else this.loadRead(uri, file, read);
  }

  /** A deleted folder (or one that left the workspace): its files leave the index, but open documents keep their text, as for a deleted file. */
  removeFolder(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const entry of [...this.service.index.allFiles()]) if (entry.uri.startsWith(prefix)) this.service.removeFile(entry.uri);
  }

  /** A folder renamed or moved into the workspace: the XML files inside it (the walk follows no link). */
  async loadFolder(folder: string): Promise<void> {
    const files = await listXmlFiles(folder);
    await forEachLimited(files, READ_CONCURRENCY, async (file) => {
      const fileUri = URI.file(file).toString();
      if (!this.folders.isExcluded(fileUri) && !this.documents.has(fileUri)) await this.loadFromDisk(fileUri, file);
    });
  }
}
