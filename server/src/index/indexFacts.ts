/**
 * What the index rules (Rule.checkIndex) may read of the index, and what `sameIndexFacts`
 * compares between two entries of one file. The editor keeps those rules' findings while the
 * index generation holds (languageService.ts), and the generation moves only when
 * `sameIndexFacts` says an entry changed: so the types a rule sees are made from the same field
 * lists the comparison walks, and a rule cannot read a fact whose change would leave its kept
 * findings stale (test/types/ruleViews.ts shows the compiler refusing one).
 *
 * Offsets can be read too: a finding lies in its own file, and kept findings move with the
 * edit. Of other files, messages name lines (`IndexRuleContext.lineOf`), which the comparison
 * covers; what job scaffoldings generate is compared whole (sameGeneratorFacts).
 */
import type { GeneratedLayer } from './generatedLayer';
import type { AgentSettings } from './workspaceIndex';
import { taskIndexOf } from './fileEntry';
import type { Definition, EntityMapping, FileEntry, FileStatus, JobEntry, Reference, ScaffoldingRecord, TaskRecord } from './fileEntry';

const DEFINITION_FACTS = ['kind', 'id', 'element', 'job', 'consolidation'] as const;
const REFERENCE_FACTS = ['kind', 'id', 'element', 'attribute', 'task', 'job'] as const;
const TASK_FACTS = ['element', 'id', 'job'] as const;
/** The attributes of a task (or a task override) the job plan reads (jobs/jobPlan.ts). */
const PLAN_ATTRIBUTES = ['Level', 'ConsolidationMode', 'OpenIdClient'] as const;

/** Where an item is written: in its own file, findings move with the text. */
type Place = 'uri' | 'generatedBy';

export type PlanAttributes = { readonly [A in (typeof PLAN_ATTRIBUTES)[number]]?: string };

export type TaskFacts = Readonly<Pick<TaskRecord, (typeof TASK_FACTS)[number] | Place | 'start' | 'nameStart' | 'nameEnd'>> & {
  readonly attrs: PlanAttributes;
  readonly parents: readonly string[];
  readonly children: readonly string[];
};

export type DefinitionFacts = Readonly<Pick<Definition, (typeof DEFINITION_FACTS)[number] | Place | 'idStart' | 'idEnd' | 'start' | 'end' | 'nameStart' | 'nameEnd'>> & {
  readonly task?: TaskFacts;
};

export type ReferenceFacts = Readonly<Pick<Reference, (typeof REFERENCE_FACTS)[number] | 'uri' | 'start' | 'end'>>;

export type MemberFacts =
  | { readonly task: TaskFacts; readonly step?: undefined; readonly level?: undefined; readonly override?: undefined }
  | { readonly task?: undefined; readonly step: string; readonly start: number; readonly end: number; readonly level?: string; readonly override?: PlanAttributes };

export type JobFacts = Readonly<Pick<JobEntry, 'id' | Place | 'start' | 'nameStart' | 'nameEnd'>> & {
  readonly tasks: readonly string[];
  readonly members: readonly MemberFacts[];
};

/** One file's entry as index rules see it: no attribute values, display names, lines or syntax errors. */
export interface EntryFacts {
  readonly uri: string;
  readonly status: FileStatus;
  readonly definitions: readonly DefinitionFacts[];
  readonly references: readonly ReferenceFacts[];
  readonly jobs: readonly JobFacts[];
  readonly tasks: readonly TaskFacts[];
  /** Compared whole (sameGeneratorFacts). */
  readonly scaffoldings: readonly ScaffoldingRecord[];
  readonly mappings: readonly EntityMapping[];
}

/** What index rules may ask the workspace index (WorkspaceIndex answers all of it). */
export interface IndexView {
  /** Moves whenever a fact of this view may have changed. */
  readonly generation: number;
  /** Moves on every change of the index (values computed from it once per revision: revisionMemo.ts). */
  readonly revision: number;
  readonly agentSettings: AgentSettings;
  definitions(kind: string, id: string): readonly DefinitionFacts[];
  ownDefinitions(kind: string, id: string): readonly DefinitionFacts[];
  hasDefinition(kind: string, id: string): boolean;
  references(kind: string, id: string): readonly ReferenceFacts[];
  otherSpellings(kind: string, id: string): string[];
  /** Whether two identifiers of one kind anywhere differ only by case (without any, a defined identifier has no other spelling). */
  hasCaseCollisions(): boolean;
  task(id: string): TaskFacts | undefined;
  job(id: string): JobFacts | undefined;
  jobsOfTask(taskId: string): JobFacts[];
  /** Derived from what sameGeneratorFacts compares: every fact of it may be read. */
  generated(): GeneratedLayer;
}

function sameFields<T>(x: T, y: T, fields: readonly (keyof T)[]): boolean {
  for (const f of fields) if (x[f] !== y[f]) return false;
  return true;
}

function samePlanAttributes(x: PlanAttributes | undefined, y: PlanAttributes | undefined): boolean {
  if (!x || !y) return x === y;
  return sameFields(x, y, PLAN_ATTRIBUTES);
}

/**
 * Whether two entries of one file give the index rules the same facts (the view above): the
 * same identifiers, references, tasks and jobs, in the same order, each definition's identifier
 * on the same line (a duplicate's message names it), and what job scaffoldings read.
 */
export function sameIndexFacts(a: FileEntry, b: FileEntry): boolean {
  if (a.status !== b.status || a.definitions.length !== b.definitions.length || a.references.length !== b.references.length) return false;
  if (a.tasks.length !== b.tasks.length || a.jobs.length !== b.jobs.length) return false;
  if (!sameGeneratorFacts(a, b)) return false;
  for (let i = 0; i < a.definitions.length; i++) {
    const x = a.definitions[i];
    const y = b.definitions[i];
    if (!sameFields(x, y, DEFINITION_FACTS) || !x.task !== !y.task) return false;
    if (a.lines.positionAt(x.idStart).line !== b.lines.positionAt(y.idStart).line) return false;
  }
  for (let i = 0; i < a.references.length; i++) if (!sameFields(a.references[i], b.references[i], REFERENCE_FACTS)) return false;
  for (let i = 0; i < a.tasks.length; i++) {
    const x = a.tasks[i];
    const y = b.tasks[i];
    if (!sameFields(x, y, TASK_FACTS) || !sameList(x.parents, y.parents) || !sameList(x.children, y.children) || !samePlanAttributes(x.attrs, y.attrs)) return false;
  }
  if (a.jobs.length === 0) return true;
  const taskIndexA = taskIndexOf(a);
  const taskIndexB = taskIndexOf(b);
  for (let i = 0; i < a.jobs.length; i++) {
    const x = a.jobs[i];
    const y = b.jobs[i];
    if (x.id !== y.id || !sameList(x.tasks, y.tasks) || x.members.length !== y.members.length) return false;
    for (let k = 0; k < x.members.length; k++) {
      const m = x.members[k];
      const n = y.members[k];
      if (m.step !== n.step || m.level !== n.level || !samePlanAttributes(m.override, n.override)) return false;
      if ((m.task ? taskIndexA.get(m.task) : -1) !== (n.task ? taskIndexB.get(n.task) : -1)) return false;
    }
  }
  return true;
}

/** Definitions whose identifiers and attributes job scaffoldings read (see jobs/workspaceFacts.ts). */
const GENERATOR_KINDS = new Set(['Connector', 'Connection', 'ResourceType']);

function generatorDefinitions(e: FileEntry): Definition[] {
  return e.definitions.filter((d) => GENERATOR_KINDS.has(d.kind));
}

/** Whether an entry gives job scaffoldings any input at all. */
export function hasGeneratorFacts(e: FileEntry): boolean {
  return e.scaffoldings.length > 0 || e.mappings.length > 0 || e.definitions.some((d) => GENERATOR_KINDS.has(d.kind));
}

/**
 * Whether two entries give job scaffoldings the same input: their scaffoldings (and where they
 * are: generated definitions point there), entity mappings, connectors, connections and
 * resource types.
 */
export function sameGeneratorFacts(a: FileEntry, b: FileEntry): boolean {
  if (a.scaffoldings.length !== b.scaffoldings.length || a.mappings.length !== b.mappings.length) return false;
  const da = generatorDefinitions(a);
  const db = generatorDefinitions(b);
  if (da.length !== db.length) return false;
  for (let i = 0; i < da.length; i++) {
    if (da[i].kind !== db[i].kind || da[i].id !== db[i].id || da[i].displayName !== db[i].displayName || !sameRecord(da[i].attrs, db[i].attrs)) return false;
  }
  for (let i = 0; i < a.scaffoldings.length; i++) {
    const x = a.scaffoldings[i];
    const y = b.scaffoldings[i];
    if (x.element !== y.element || !sameRecord(x.attrs, y.attrs) || x.children.length !== y.children.length) return false;
    for (let k = 0; k < x.children.length; k++) if (x.children[k].name !== y.children[k].name || !sameRecord(x.children[k].attrs, y.children[k].attrs)) return false;
    // Generated definitions point into the scaffolding's start tag.
    if (x.start !== y.start || x.end !== y.end || x.nameEnd !== y.nameEnd || x.jobIdStart !== y.jobIdStart || x.jobIdEnd !== y.jobIdEnd) return false;
  }
  for (let i = 0; i < a.mappings.length; i++) {
    if (a.mappings[i].entityType !== b.mappings[i].entityType || a.mappings[i].connector !== b.mappings[i].connector) return false;
  }
  return true;
}

function sameRecord(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (!a || !b) return a === b;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
