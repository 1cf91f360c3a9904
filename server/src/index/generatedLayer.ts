/**
 * What the job scaffoldings of the workspace generate, as index items: a definition for each
 * generated job and task (placed on the scaffolding element, marked `generatedBy`), their task
 * records and job entries. Rebuilt from the whole workspace when what scaffoldings read changes
 * (see WorkspaceIndex.generated): scaffoldings are few, and the rebuild reads only connectors,
 * connections, entity mappings and resource types.
 */
import { GeneratedJob } from '../jobs/generatedJob';
import { ScaffoldingOutput, generateJobs } from '../jobs/scaffoldingTemplates';
import { readWorkspaceFacts } from '../jobs/workspaceFacts';
import { TASK_KIND } from '../schema/schema';
import type { Definition, JobEntry, ScaffoldingRecord, TaskRecord } from './fileEntry';
import type { WorkspaceIndex } from './workspaceIndex';

export interface ScaffoldingResult {
  scaffolding: ScaffoldingRecord;
  output: ScaffoldingOutput;
  /** The job entries of its jobs, in order. */
  jobs: JobEntry[];
}

export class GeneratedLayer {
  private readonly defs = new Map<string, Map<string, Definition[]>>();
  private readonly jobEntries = new Map<string, JobEntry>();
  private readonly jobNotes = new Map<string, string[]>();
  /** Generated tasks by the identifier of each of their parents. */
  private readonly children = new Map<string, Definition[]>();
  /** By file, then by the scaffolding's position among the file's scaffoldings. */
  private readonly results = new Map<string, ScaffoldingResult[]>();

  constructor(index: WorkspaceIndex, keyOf: (kind: string, id: string) => string) {
    const files = [...index.allFiles()].filter((e) => e.scaffoldings.length > 0);
    if (files.length === 0) return;
    const facts = readWorkspaceFacts(index);
    const add = (d: Definition) => {
      let byKey = this.defs.get(d.kind);
      if (!byKey) this.defs.set(d.kind, (byKey = new Map<string, Definition[]>()));
      const key = keyOf(d.kind, d.id);
      const list = byKey.get(key);
      if (list) list.push(d);
      else byKey.set(key, [d]);
    };
    for (const entry of files) {
      this.results.set(
        entry.uri,
        entry.scaffoldings.map((s) => {
          const output = generateJobs(s, facts);
          return { scaffolding: s, output, jobs: output.jobs.map((job) => this.file(job, add)) };
        }),
      );
    }
  }

  /** Files one generated job: its definitions, task records and job entry. */
  private file(job: GeneratedJob, add: (d: Definition) => void): JobEntry {
    const s = job.scaffolding;
    const at = s.jobIdStart >= 0 ? { idStart: s.jobIdStart, idEnd: s.jobIdEnd } : { idStart: s.nameStart, idEnd: s.nameEnd };
    const place = { uri: s.uri, ...at, start: s.start, end: s.end, nameStart: s.nameStart, nameEnd: s.nameEnd, generatedBy: s.element };
    const jobAttrs = Object.fromEntries(job.attrs);
    const entry: JobEntry = { id: job.id, uri: s.uri, attrs: jobAttrs, tasks: [], members: [], start: s.start, nameStart: s.nameStart, nameEnd: s.nameEnd, generatedBy: s.element };
    const createsJob = !job.withoutJob;
    if (createsJob) add({ kind: 'Job', id: job.id, element: 'Job', ...place, displayName: jobAttrs.DisplayName_L1, attrs: jobAttrs });
    for (const t of job.tasks) {
      const attrs = Object.fromEntries(t.attrs);
      const task: TaskRecord = {
        element: t.element,
        id: t.id,
        uri: s.uri,
        attrs,
        parents: [...t.parents],
        children: [...t.parents.map(() => 'TaskDependsOnTask'), ...t.entityTypes.map(() => 'TaskEntityType'), ...t.resourceTypes.map(() => 'TaskResourceType')],
        job: createsJob ? job.id : undefined,
        start: s.start,
        nameStart: s.nameStart,
        nameEnd: s.nameEnd,
        end: s.end,
        generatedBy: s.element,
      };
      const def: Definition = { kind: TASK_KIND, id: t.id, element: t.element, ...place, displayName: attrs.DisplayName_L1, job: task.job, task };
      add(def);
      for (const p of t.parents) this.children.set(p, [...(this.children.get(p) ?? []), def]);
      if (createsJob) {
        entry.tasks.push(t.id);
        entry.members.push({ task });
      }
    }
    if (createsJob && !this.jobEntries.has(job.id)) {
      this.jobEntries.set(job.id, entry);
      this.jobNotes.set(job.id, job.notes);
    }
    return entry;
  }

  definitions(kind: string, key: string): readonly Definition[] | undefined {
    return this.defs.get(kind)?.get(key);
  }

  /** Every generated identifier of a kind, by key. */
  byKey(kind: string): ReadonlyMap<string, Definition[]> | undefined {
    return this.defs.get(kind);
  }

  /** The generated tasks that depend on task `id`. */
  dependents(id: string): readonly Definition[] {
    return this.children.get(id) ?? [];
  }

  job(id: string): JobEntry | undefined {
    return this.jobEntries.get(id);
  }

  /** What the output of the scaffolding that generates job `id` assumes. */
  notes(id: string): readonly string[] {
    return this.jobNotes.get(id) ?? [];
  }

  jobs(): IterableIterator<JobEntry> {
    return this.jobEntries.values();
  }

  /** What the i-th scaffolding element of a file generates. */
  result(uri: string, i: number): ScaffoldingResult | undefined {
    return this.results.get(uri)?.[i];
  }
}
