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
import { ReadResult, decodingWarning, forEachLimited, listWorkspace, listXmlFiles, readXmlFile, readXmlFileSync } from '../node/workspaceFiles';
import { FileStatus } from '../index/fileEntry';
import { unpackEntry } from '../index/entryCodec';
import { IndexWorkers } from '../node/parallelIndexer';
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
  ) {}

  /**
   * The file count is not known yet: start the workers now, while the settings round trips
   * and the listing run; indexAll stops them when the workspace is too small to need them.
   */
  prepare(): void {
    if (this.folders.uris.length > 0) this.workers = this.startWorkers();
  }

  /** Settles when the index run under way (if any) is over. */
  idle(): Promise<void> {
    return this.indexing;
  }

  /** Worker threads for the cold index, or none if they cannot start (the server thread reads then). */
  private startWorkers(): IndexWorkers | undefined {
    try {
      return new IndexWorkers({ here: indexForServer });
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
    // One walk finds the XML files and the agent's settings files.
    const listed = await Promise.all(this.diskRoots().map((root) => listWorkspace(root, this.folders.exclude, isAgentSettingsFile)));
    const settingsFiles = listed.flatMap((l) => l.settings);
    this.service.setAgentSettings(await agentSettingsIn(settingsFiles, (file) => file));
    const files = listed.flatMap((l) => l.xml);
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
        this.diagnostics.sendStatus({ indexing: true, done, total });
      }
    };
    const items = files.map((file) => ({ file, uri: URI.file(file).toString() }));
    items.forEach((f) => seen.add(f.uri));
    const workers = this.workers ?? (items.length >= PARALLEL_MIN_FILES ? this.startWorkers() : undefined);
    this.workers = undefined;
    let threads = '';
    if (workers && items.length >= PARALLEL_MIN_FILES) {
      threads = ` (${workers.size} worker ${workers.size === 1 ? 'thread' : 'threads'} and the server thread)`;
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
    this.diagnostics.indexReady();
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
