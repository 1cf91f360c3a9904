/**
 * What the client exchanges with the server about jobs: the request names and the index status
 * come from the server's own declaration (server/src/protocol/jobProtocol.ts, free of imports),
 * the answers' shapes from the features that make them.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { JobStepLocation, JobSteps, JobSummary } from '../../server/src/features/jobSteps';
import type { IndexStatus } from '../../server/src/protocol/jobProtocol';

export { JOB_REQUESTS, SHOW_JOB_STEPS_COMMAND, STATUS_NOTIFICATION } from '../../server/src/protocol/jobProtocol';
export type { IndexStatus, JobStepLocation, JobSteps, JobSummary };

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
