/**
 * The job model over LSP: code lenses on jobs and scaffoldings, the call hierarchy of tasks,
 * and the `usercubeJobs/*` requests an editor uses to show and create jobs. Each handler only
 * forwards to the language service.
 */
import { Connection, ResponseError, LSPErrorCodes } from 'vscode-languageserver/node';
import type { LanguageService } from '../languageService';

/** The requests and notification of the job model (the VS Code client and the tests use the same names). */
export const JOB_REQUESTS = {
  /** `{}` → every job: `{job, uri, range, generatedBy, tasks, levels}[]`. */
  jobs: 'usercubeJobs/jobs',
  /** `{job}` → what the job will run (features/jobSteps.ts) and its OpenIdClient, or null for an unknown job. */
  jobSteps: 'usercubeJobs/jobSteps',
  /** `{}` → every connector: `{id, name, uri, range}[]`. */
  connectors: 'usercubeJobs/connectors',
  /** `{connector}` → `{edit, job}`: the complete-synchronization job of a connector whose file is open. */
  completeJobEdit: 'usercubeJobs/completeJobEdit',
} as const;

/** Server → client: the index's state, for a status item (`{indexing, done, total, files, jobs, errors}`). */
export const STATUS_NOTIFICATION = 'usercubeJobs/status';

export interface IndexStatus {
  indexing: boolean;
  /** Files read so far, and files to read, while indexing. */
  done: number;
  total: number;
  /** Configuration files, jobs (written and generated) and error diagnostics of the open documents once indexed. */
  files: number;
  jobs: number;
  errors: number;
}

export function registerJobHandlers(connection: Connection, service: LanguageService): void {
  connection.onCodeLens((p) => service.findCodeLenses(p.textDocument.uri));
  connection.languages.callHierarchy.onPrepare((p) => service.prepareCallHierarchy(p.textDocument.uri, p.position));
  connection.languages.callHierarchy.onIncomingCalls((p) => service.incomingCalls(p.item));
  connection.languages.callHierarchy.onOutgoingCalls((p) => service.outgoingCalls(p.item));
  connection.onRequest(JOB_REQUESTS.jobs, () => service.jobs());
  connection.onRequest(JOB_REQUESTS.jobSteps, (p: { job?: unknown }) => (typeof p?.job === 'string' ? service.jobSteps(p.job) : null));
  connection.onRequest(JOB_REQUESTS.connectors, () => service.connectors());
  connection.onRequest(JOB_REQUESTS.completeJobEdit, (p: { connector?: unknown }) => {
    const connector = typeof p?.connector === 'string' ? p.connector : '';
    return (
      service.completeJobEdit(connector) ??
      new ResponseError(LSPErrorCodes.RequestFailed, `No connector '${connector}' in an open configuration file: open the file that defines it first.`)
    );
  });
}
