/**
 * When diagnostics are computed and published: an edited document at once (without the strict
 * XML parser), every open document after the index settles (debounced), and none before the
 * first full index, when every cross-file reference would look broken. Also the status item,
 * which counts the errors published.
 */
import { Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { ClientUris } from './clientUris';
import { IndexStatus, STATUS_NOTIFICATION } from './jobProtocol';

/** Other open documents are re-checked this long after the index changed. */
const CROSS_FILE_DEBOUNCE_MS = 150;
/** Diagnostics sent per document; a last one says how many more there are (the command line reports all). */
const MAX_DIAGNOSTICS_PER_FILE = 1000;

export class DiagnosticsScheduler {
  /** Diagnostics wait for the first full index: before it every cross-file reference would look broken. */
  private indexed = false;
  private readonly pendingOwn = new Set<string>();
  /** Error diagnostics last published per open document (the status item's count). */
  private readonly errors = new Map<string, number>();
  private ownTimer: NodeJS.Immediate | undefined;
  private crossTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LanguageService,
    /** Open documents by canonical URI. */
    private readonly documents: ReadonlyMap<string, TextDocument>,
    private readonly uris: ClientUris,
  ) {}

  /** An open document's text changed: its own diagnostics next, then the others'. */
  edited(uri: string): void {
    this.pendingOwn.add(uri);
    if (!this.ownTimer) this.ownTimer = setImmediate(() => this.flushOwn());
    this.scheduleCrossFile();
  }

  /** A document was closed (`clientUri`: as the client spelt it then): its diagnostics are cleared, and the others' may change. */
  closed(uri: string, clientUri: string): void {
    this.errors.delete(uri);
    void this.connection.sendDiagnostics({ uri: clientUri, diagnostics: [] });
    this.scheduleCrossFile();
  }

  /**
   * The workspace is indexed: every open document is checked in full, after the cross-file
   * delay. The first check after an index is the slowest (it builds what the rules share
   * across files, such as every identifier's spellings): the requests that waited for the
   * index (definition, hover, completion) are answered first.
   */
  indexReady(): void {
    this.indexed = true;
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
    for (const uri of this.pendingOwn) this.publish(uri, this.service.strictXmlFailed(uri));
    this.pendingOwn.clear();
  }

  /** Then every other open document, whose references may point into what changed. */
  scheduleCrossFile(): void {
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
    void this.connection.sendDiagnostics({ uri: this.uris.toClient(uri), version: doc.version, diagnostics });
    this.errors.set(uri, diagnostics.filter((d) => d.severity === 1).length);
  }

  /** The index's state for the client's status item: while indexing, then after each change. */
  sendStatus(progress?: { indexing: true; done: number; total: number }): void {
    let files = 0;
    for (const e of this.service.index.allFiles()) if (e.status === 'configuration') files++;
    let errors = 0;
    for (const count of this.errors.values()) errors += count;
    const status: IndexStatus = { indexing: false, done: 0, total: 0, files, jobs: progress ? 0 : this.service.index.jobCount(), errors, ...progress };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}
