/**
 * File events: the globs the server asks the client to watch, and what each event changes (the
 * index, the settings files, the agent's appsettings).
 */
import { Connection, DidChangeWatchedFilesNotification, FileChangeType, FileEvent, WatchKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import { SETTINGS_FILE } from '../node/projectSettings';
import { isAgentSettingsFile } from '../node/agentSettings';
import type { ClientUris } from './clientUris';
import type { DiagnosticsScheduler } from './diagnosticsScheduler';
import type { ServerSettings } from './serverSettings';
import type { WorkspaceFolders } from './workspaceFolders';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Asks a client that can register watchers dynamically for the events the server follows. */
export async function registerFileWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: '**/*.xml' },
      { globPattern: `**/${SETTINGS_FILE}` },
      { globPattern: '**/appsettings*.json' },
      // Deleting, renaming or moving a folder reports the folder only (microsoft/vscode#60813).
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ],
  });
}

export class WatchedFiles {
  constructor(
    private readonly service: LanguageService,
    private readonly uris: ClientUris,
    private readonly folders: WorkspaceFolders,
    private readonly settings: ServerSettings,
    /** Open documents by canonical URI. */
    private readonly documents: ReadonlyMap<string, TextDocument>,
    private readonly indexer: WorkspaceIndexer,
    private readonly diagnostics: DiagnosticsScheduler,
  ) {}

  /**
   * File events follow the rules of the initial walk (workspaceFolders.ts): only files of the
   * workspace are read; an event for anything else, or for a file that is gone, takes the
   * file out of the index rather than leaving an entry for it.
   */
  async changed(changes: FileEvent[]): Promise<void> {
    await this.indexer.idle();
    for (const ch of changes) {
      const uri = this.uris.fromClient(ch.uri);
      if (!uri.startsWith('file:')) continue;
      if (uri.endsWith(`/${SETTINGS_FILE}`)) {
        this.settings.forgetSettingsFiles();
        continue;
      }
      if (isAgentSettingsFile(uri)) {
        await this.indexer.readAgentSettings();
        continue;
      }
      const isXml = uri.toLowerCase().endsWith('.xml');
      if (ch.type === FileChangeType.Deleted) {
        if (isXml) this.service.removeFile(uri);
        else this.indexer.removeFolder(uri);
        continue;
      }
      if (isXml && this.documents.has(uri)) continue;
      const file = await this.folders.diskPath(uri);
      if (isXml) {
        if (file) await this.indexer.loadFromDisk(uri, file);
        else this.service.removeFile(uri);
      } else if (file && ch.type === FileChangeType.Created) {
        await this.indexer.loadFolder(file);
      }
    }
    this.diagnostics.scheduleCrossFile();
  }
}
