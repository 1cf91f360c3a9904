/**
 * Job plans in LSP terms (`usercubeJobs/jobSteps`): the plan of jobs/jobPlan.ts with ranges in
 * place of offsets, and the list of jobs with their sizes. The command line prints the same
 * plans with paths and lines (cli/stepsCommand.ts).
 */
import type { Range } from 'vscode-languageserver-types';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { JobPlan, PlanStep, planOf } from '../jobs/jobPlan';

/** A step of the plan (jobs/jobPlan.ts) with a range in place of its offsets. */
export type JobStepLocation = Omit<PlanStep, 'start' | 'end' | 'via'> & { range: Range };

/** The answer of `usercubeJobs/jobSteps`. */
export interface JobSteps {
  job: string;
  uri: string;
  range: Range;
  generatedBy: string | null;
  /** Number of effective levels. */
  levels: number;
  steps: JobStepLocation[];
  /** The OpenIdClient of the job's first task that names one: the client id to run the job with. */
  openIdClient: string | null;
  notes: string[];
}

/** One job of the workspace, for lists and code lenses. */
export interface JobSummary {
  job: string;
  uri: string;
  range: Range;
  generatedBy: string | null;
  tasks: number;
  levels: number;
}

function rangeIn(index: WorkspaceIndex, uri: string, start: number, end: number): Range {
  const lines = index.file(uri)?.lines;
  return lines ? lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function toJobSteps(index: WorkspaceIndex, plan: JobPlan): JobSteps {
  return {
    job: plan.job,
    uri: plan.uri,
    range: rangeIn(index, plan.uri, plan.start, plan.end),
    generatedBy: plan.generatedBy,
    levels: plan.levels,
    steps: plan.steps.map((s) => ({
      order: s.order,
      level: s.level,
      effectiveLevel: s.effectiveLevel,
      task: s.task,
      type: s.type,
      uri: s.uri,
      range: rangeIn(index, s.uri, s.start, s.end),
      dependsOn: s.dependsOn,
      generatedBy: s.generatedBy,
    })),
    openIdClient: plan.openIdClient,
    notes: plan.notes,
  };
}

/** Every job of the workspace (written, then generated), with its size. */
export function jobSummaries(index: WorkspaceIndex): JobSummary[] {
  return index.allJobs().map((job) => {
    const plan = planOf(index, job);
    return { job: plan.job, uri: plan.uri, range: rangeIn(index, plan.uri, plan.start, plan.end), generatedBy: plan.generatedBy, tasks: plan.steps.length, levels: plan.levels };
  });
}
