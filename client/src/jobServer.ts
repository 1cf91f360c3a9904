/**
 * The job model as the rest of the client sees it: typed requests to the language server, the
 * index's status as it arrives, and an event when the index has changed (after indexing and
 * after each re-check, once per burst), on which views, code lenses and graphs refresh. The list
 * of jobs is asked once per change, whoever needs it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompleteJobEdit, ConnectorSummary, IndexStatus, JOB_REQUESTS, JobSteps, JobSummary, STATUS_NOTIFICATION } from './protocol';

const CHANGE_DEBOUNCE_MS = 300;

export class JobServer implements vscode.Disposable {
  private readonly statusEmitter = new vscode.EventEmitter<IndexStatus>();
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  /** Every status the server sends: progress while indexing, then the totals. */
  readonly onStatus = this.statusEmitter.event;
  /** The index is complete again after a change: what the server answers may differ. */
  readonly onIndexChanged = this.changedEmitter.event;
  private jobList: Promise<JobSummary[]> | undefined;
  private changeTimer: NodeJS.Timeout | undefined;

  constructor(readonly client: LanguageClient) {
    client.onNotification(STATUS_NOTIFICATION, (status: IndexStatus) => {
      this.statusEmitter.fire(status);
      if (status.indexing) return;
      this.jobList = undefined;
      // The server sends a status after each debounced re-check: one refresh per burst is enough.
      clearTimeout(this.changeTimer);
      this.changeTimer = setTimeout(() => this.changedEmitter.fire(), CHANGE_DEBOUNCE_MS);
    });
  }

  /** Every job of the workspace, asked again only after the index changed (or a failed request). */
  jobs(): Promise<JobSummary[]> {
    if (!this.jobList) {
      const asked = this.client.sendRequest<JobSummary[]>(JOB_REQUESTS.jobs, {});
      this.jobList = asked;
      asked.catch(() => {
        if (this.jobList === asked) this.jobList = undefined;
      });
    }
    return this.jobList;
  }

  jobSteps(job: string): Promise<JobSteps | null> {
    return this.client.sendRequest<JobSteps | null>(JOB_REQUESTS.jobSteps, { job });
  }

  connectors(): Promise<ConnectorSummary[]> {
    return this.client.sendRequest<ConnectorSummary[]>(JOB_REQUESTS.connectors, {});
  }

  /** Rejects when the connector's file is not open in the editor. */
  completeJobEdit(connector: string): Promise<CompleteJobEdit> {
    return this.client.sendRequest<CompleteJobEdit>(JOB_REQUESTS.completeJobEdit, { connector });
  }

  uri(uri: string): vscode.Uri {
    return this.client.protocol2CodeConverter.asUri(uri);
  }

  range(range: JobSummary['range']): vscode.Range {
    return this.client.protocol2CodeConverter.asRange(range);
  }

  /** Whether a server URI names this document (the server writes URIs as VS Code does, but compare parsed forms). */
  sameDocument(uri: string, doc: vscode.Uri): boolean {
    return this.uri(uri).toString() === doc.toString();
  }

  dispose(): void {
    clearTimeout(this.changeTimer);
    this.statusEmitter.dispose();
    this.changedEmitter.dispose();
  }
}

/** `AD Jobs.xml`, or `Conf/AD/AD Jobs.xml` when `relative`: how a view or a pick names a file. */
export function fileLabel(uri: vscode.Uri, relative = false): string {
  return relative ? vscode.workspace.asRelativePath(uri, false) : uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
