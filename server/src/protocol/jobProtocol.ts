/**
 * The names and shapes of the job model's requests and notification, shared by the server
 * (jobHandlers.ts) and the VS Code client. No imports: the client bundles this file without
 * pulling in the server's LSP library.
 */

/** The requests of the job model (the VS Code client and the tests use the same names). */
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

/** The command of the "<N> tasks · <M> levels" code lens (features/codeLens.ts), with the job's identifier: the editor's to implement. */
export const SHOW_JOB_STEPS_COMMAND = 'usercubeJobs.showJobSteps';

/** Server → client: the index's state, for a status item. */
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
