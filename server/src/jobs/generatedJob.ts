/**
 * What a job scaffolding generates, as the product writes it: a job and its tasks, each task
 * with its attributes in the product's order. Built by scaffoldingTemplates.ts from the
 * scaffolding element and what the index knows; the index files it as generated definitions
 * (index/generatedLayer.ts), and the "expand" code action writes it out as XML.
 */
import type { ScaffoldingRecord } from '../index/fileEntry';

/** Attribute name and value, in the order the product writes them. */
export type Attr = readonly [name: string, value: string];

export interface GeneratedTask {
  element: string;
  id: string;
  level: number;
  /** Every attribute but Identifier, in order (DisplayName_L1, Agent, Connector, Level…). */
  attrs: Attr[];
  /** TaskDependsOnTask parents, in order. */
  parents: string[];
  /** TaskEntityType EntityType values (approximated from the index: see notes). */
  entityTypes: string[];
  /** TaskResourceType ResourceType values (approximated from the index: see notes). */
  resourceTypes: string[];
}

export interface GeneratedJob {
  id: string;
  /** Every attribute of the Job but Identifier, in order. */
  attrs: Attr[];
  tasks: GeneratedTask[];
  /** The scaffolding element that generates it. */
  scaffolding: ScaffoldingRecord;
  /**
   * `inline`: the tasks are written inside the job (every job scaffolding but one);
   * `steps`: they are written beside it and the job runs them through Steps (CreateConnectorsJobs).
   */
  layout: 'inline' | 'steps';
  /** DoNotCreateJob: the product writes the tasks without the job. */
  withoutJob: boolean;
  /** What this output assumes where the documentation is silent, in words for the user. */
  notes: string[];
}

export function attrValue(attrs: readonly Attr[], name: string): string | undefined {
  return attrs.find(([n]) => n === name)?.[1];
}
