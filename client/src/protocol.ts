/**
 * The job-model requests and notification the client sends to and receives from the server
 * (server/src/protocol/jobHandlers.ts). The names are repeated here rather than imported so that
 * the client bundle does not pull in the server's LSP library; a unit test keeps them equal.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { JobStepLocation, JobSteps, JobSummary } from '../../server/src/features/jobSteps';
import type { IndexStatus } from '../../server/src/protocol/jobHandlers';

export type { IndexStatus, JobStepLocation, JobSteps, JobSummary };

export const JOB_REQUESTS = {
  jobs: 'usercubeJobs/jobs',
  jobSteps: 'usercubeJobs/jobSteps',
  connectors: 'usercubeJobs/connectors',
  completeJobEdit: 'usercubeJobs/completeJobEdit',
} as const;

export const STATUS_NOTIFICATION = 'usercubeJobs/status';

export interface ConnectorSummary {
  id: string;
  name: string;
  uri: string;
  range: Range;
}

export interface CompleteJobEdit {
  edit: WorkspaceEdit;
  job: string;
}

/** What the client needs of the language client: requests and the index's status. */
export interface JobServer {
  jobs(): Promise<JobSummary[]>;
  jobSteps(job: string): Promise<JobSteps | null>;
  connectors(): Promise<ConnectorSummary[]>;
  completeJobEdit(connector: string): Promise<CompleteJobEdit>;
}
