/**
 * The workspace index: every file's entry, and per kind the definitions and references of
 * each identifier. Identifiers are unique per kind (tasks of every type share the 'Task'
 * kind); Connection identifiers are compared without case, as the product does.
 *
 * Each identifier maps to one flat list of definitions, and to one of the files that reference
 * it (a Map or object per identifier made the cold index of 100 MB a third slower and heavier);
 * replacing a file's entry touches only the lists of the identifiers that file names.
 */
import { TASK_KIND, isCaseInsensitiveKind } from '../schema/schema';
import { Definition, FileEntry, JobEntry, Reference, TaskRecord } from './fileEntry';
import { hasGeneratorFacts, sameGeneratorFacts, sameIndexFacts } from './indexFacts';
import { GeneratedLayer } from './generatedLayer';
import { Spellings } from './spellings';
import { forEachReferenceKey, hasPackedReferences, selectReferences } from './entryCodec';

type ByKey<T> = Map<string, T[]>;

/** What the agent's appsettings.json says of jobs (`Jobs.MaxTaskBatchSize`), and which file said it. */
export interface AgentSettings {
  maxTaskBatchSize: number;
  /** The settings file it comes from (a path to show), or undefined for the documented default. */
  source?: string;
}

/** The agent's appsettings page: "MaxTaskBatchSize default value: 5". */
export const DEFAULT_AGENT_SETTINGS: AgentSettings = { maxTaskBatchSize: 5 };

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly defs = new Map<string, ByKey<Definition>>();
  /**
   * kind → identifier → the files that reference it (each once, in the order they were filed).
   * The references themselves stay in their entries: files are filed without making an object
   * per reference (entryCodec.ts), and an edit that names the same identifiers changes no list.
   */
  private readonly refs = new Map<string, ByKey<string>>();
  /**
   * The identifiers of case-sensitive kinds by their lower-case form. Built the first time it is
   * asked for (not while the cold index files thousands of entries), then kept up to date.
   */
  private lower: Spellings | undefined;
  /** Counts replacements and removals of entries: what rules read of the index may have changed. */
  private changes = 0;
  /** Counts every replacement and removal, whatever it changed (revisionMemo.ts). */
  private edits = 0;
  /** Where the items of tracked entries sit: their list and index there. */
  private readonly slots = new WeakMap<FileEntry, Slots>();
  /** Counts changes of what job scaffoldings read; the generated layer is rebuilt when it moved. */
  private generatorChanges = 0;
  private layer: { version: number; layer: GeneratedLayer } | undefined;
  private agent: AgentSettings = DEFAULT_AGENT_SETTINGS;

  static keyOf(kind: string, id: string): string {
    return isCaseInsensitiveKind(kind) ? id.toLowerCase() : id;
  }

  file(uri: string): FileEntry | undefined {
    return this.files.get(uri);
  }

  allFiles(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  /**
   * Changes when what the index rules read changes (see sameIndexFacts): an entry added,
   * removed, or replaced by one with other identifiers, references, tasks or jobs, or whose
   * definitions moved to other lines. Findings of those rules hold while it stays the same.
   */
  get generation(): number {
    return this.changes;
  }

  /** Moves on every change of an entry or of the agent settings: values derived from any fact of the index hold while it stays. */
  get revision(): number {
    return this.edits;
  }

  /**
   * Moves when what job scaffoldings read changes (sameGeneratorFacts): connectors, connections
   * and resource types with their attributes, scaffoldings, entity type mappings. Typing in a
   * job file leaves it where it is.
   */
  get generatorRevision(): number {
    return this.generatorChanges;
  }

  /**
   * Replaces a file's contribution in one step. When the new entry has as many definitions as
   * the old one (most edits of an open document), definition i replaces definition i: in the
   * same place of its list when it names the same identifier (so the order of definitions across
   * files stays as it was), else moved to its new identifier's list; the work is proportional to
   * what changed, not to the lists a file shares with the workspace ("Local", a shared
   * connector). With `track` (open documents, replaced on every keystroke), the index remembers
   * where each definition went, so that the next replacement costs one store per unchanged one.
   * The file stays where it was in the lists of the identifiers both entries reference.
   */
  set(entry: FileEntry, track = false): void {
    const old = this.files.get(entry.uri);
    this.edits++;
    if (!old || !sameIndexFacts(old, entry)) this.changes++;
    if (old ? !sameGeneratorFacts(old, entry) : hasGeneratorFacts(entry)) this.generatorChanges++;
    this.files.set(entry.uri, entry);
    if (old) this.replaceReferences(old, entry, track);
    else this.fileReferences(entry);
    if (old && old.definitions.length === entry.definitions.length) {
      const slots = this.slots.get(old);
      const defs = replaceItems(
        this.defs,
        old.definitions,
        entry.definitions,
        slots?.defs,
        (d) => this.addDefinition(d),
        (kind, key) => this.forgetSpelling(kind, key),
      );
      if (track) this.slots.set(entry, { defs });
      return;
    }
    if (old) this.unlistDefinitions(old);
    const slots: Slots | undefined = track ? { defs: [] } : undefined;
    for (const d of entry.definitions) {
      const slot = this.addDefinition(d);
      slots?.defs.push(slot);
    }
    if (slots) this.slots.set(entry, slots);
  }

  /** Lists the file under each identifier it references (once each). */
  private fileReferences(entry: FileEntry): void {
    const uri = entry.uri;
    forEachReferenceKey(entry, (kind, id) => add(this.refs, kind, WorkspaceIndex.keyOf(kind, id), uri, true));
  }

  /**
   * The file now references what `now` does instead of what `was` did: only the identifiers one
   * of them references and the other not change lists (a file keeps its place in the others').
   */
  private replaceReferences(was: FileEntry, now: FileEntry | undefined, track = false): void {
    const before = referenceKeys(was);
    const after = now ? referenceKeys(now, track) : new Map<string, Set<string>>();
    for (const [kind, keys] of before) {
      const still = after.get(kind);
      for (const key of keys) if (!still?.has(key)) this.unlistReference(kind, key, was.uri);
    }
    for (const [kind, keys] of after) {
      const already = before.get(kind);
      for (const key of keys) if (!already?.has(key)) add(this.refs, kind, key, now!.uri);
    }
  }

  private unlistReference(kind: string, key: string, uri: string): void {
    const byKey = this.refs.get(kind);
    const list = byKey?.get(key);
    const at = list ? list.indexOf(uri) : -1;
    if (at < 0) return;
    list!.splice(at, 1);
    if (list!.length === 0) byKey!.delete(key);
  }

  private addDefinition(d: Definition): Slot {
    const list = add(this.defs, d.kind, WorkspaceIndex.keyOf(d.kind, d.id), d);
    if (list.length === 1 && this.lower && !isCaseInsensitiveKind(d.kind)) this.lower.add(d.kind, d.id);
    return [list, list.length - 1];
  }

  /** An identifier lost its last definition. */
  private forgetSpelling(kind: string, key: string): void {
    if (this.lower && !isCaseInsensitiveKind(kind)) this.lower.remove(kind, key);
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.changes++;
    this.edits++;
    if (hasGeneratorFacts(old)) this.generatorChanges++;
    this.unlistDefinitions(old);
    this.replaceReferences(old, undefined);
    this.files.delete(uri);
    return true;
  }

  private unlistDefinitions(entry: FileEntry): void {
    for (const [kind, key] of removeFile(this.defs, entry.definitions, entry.uri)) this.forgetSpelling(kind, key);
  }

  /** The spellings of every identifier, built on the first call. */
  private spellings(): Spellings {
    if (this.lower) return this.lower;
    const lower = new Spellings();
    for (const [kind, byKey] of this.defs) {
      if (isCaseInsensitiveKind(kind)) continue;
      for (const id of byKey.keys()) lower.add(kind, id);
    }
    return (this.lower = lower);
  }

  hasCaseCollisions(): boolean {
    return this.spellings().collisions > 0;
  }

  /** Other spellings of an identifier of this kind that differ from it only by case. */
  otherSpellings(kind: string, id: string): string[] {
    const lower = this.spellings();
    // No two spellings anywhere: a defined identifier has no other (the common case).
    if (lower.collisions === 0 && this.hasDefinition(kind, id)) return [];
    return lower.others(kind, id);
  }

  /** The agent settings job plans and rules read (from an appsettings.json of the workspace). */
  get agentSettings(): AgentSettings {
    return this.agent;
  }

  set agentSettings(settings: AgentSettings) {
    if (settings.maxTaskBatchSize === this.agent.maxTaskBatchSize && settings.source === this.agent.source) return;
    this.agent = settings;
    this.changes++;
    this.edits++;
  }

  /**
   * What the job scaffoldings generate, rebuilt when what they read changed since the last call.
   * Its definitions count as definitions everywhere (references to them resolve, completion
   * offers them); `generatedBy` tells them apart.
   */
  generated(): GeneratedLayer {
    if (this.layer?.version !== this.generatorChanges)
      this.layer = { version: this.generatorChanges, layer: new GeneratedLayer(this, (kind, id) => WorkspaceIndex.keyOf(kind, id)) };
    return this.layer.layer;
  }

  /** Hand-written definitions first, then generated ones. */
  definitions(kind: string, id: string): readonly Definition[] {
    const key = WorkspaceIndex.keyOf(kind, id);
    const own = this.defs.get(kind)?.get(key);
    const generated = this.generated().definitions(kind, key);
    if (!generated) return own ?? NONE;
    return own ? [...own, ...generated] : generated;
  }

  /** The definitions written in configuration files, without what scaffoldings generate. */
  ownDefinitions(kind: string, id: string): readonly Definition[] {
    return this.defs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id)) ?? NONE;
  }

  hasDefinition(kind: string, id: string): boolean {
    const key = WorkspaceIndex.keyOf(kind, id);
    return (this.defs.get(kind)?.has(key) ?? false) || this.generated().definitions(kind, key) !== undefined;
  }

  /** In the order the files were filed, then as written in each. */
  references(kind: string, id: string): readonly Reference[] {
    const key = WorkspaceIndex.keyOf(kind, id);
    const uris = this.refs.get(kind)?.get(key);
    if (!uris) return NONE;
    if (uris.length === 1) return referencesIn(this.files.get(uris[0]), kind, key);
    const out: Reference[] = [];
    for (const uri of uris) for (const r of referencesIn(this.files.get(uri), kind, key)) out.push(r);
    return out;
  }

  /**
   * Calls `visit` with the definitions of every identifier of a kind (hand-written ones, then
   * identifiers only scaffoldings generate), until it returns false.
   */
  forEachIdentifier(kind: string, visit: (defs: readonly Definition[]) => boolean | void): void {
    const byKey = this.defs.get(kind);
    if (byKey) for (const list of byKey.values()) if (visit(list) === false) return;
    const generated = this.generated().byKey(kind);
    if (generated) for (const [key, list] of generated) if (!byKey?.has(key) && visit(list) === false) return;
  }

  /** Calls `visit` with the hand-written definitions of every identifier of a kind. */
  forOwnDefinitions(kind: string, visit: (defs: readonly Definition[]) => void): void {
    const byKey = this.defs.get(kind);
    if (byKey) for (const list of byKey.values()) visit(list);
  }

  identifierCount(kind: string): number {
    let count = this.defs.get(kind)?.size ?? 0;
    const generated = this.generated().byKey(kind);
    if (generated) for (const key of generated.keys()) if (!this.defs.get(kind)?.has(key)) count++;
    return count;
  }

  /** The record of the task defined with this identifier (the first, if it is defined twice). */
  task(id: string): TaskRecord | undefined {
    // Hand-written definitions come first (see definitions), and nearly every task is one: the
    // generated layer is looked into only when none of them is a task.
    const key = WorkspaceIndex.keyOf(TASK_KIND, id);
    const own = this.defs.get(TASK_KIND)?.get(key);
    if (own) for (const d of own) if (d.task) return d.task;
    for (const d of this.generated().definitions(TASK_KIND, key) ?? NONE) if (d.task) return d.task;
    return undefined;
  }

  /** The job with this identifier: written in a file, or generated by a scaffolding. */
  job(id: string): JobEntry | undefined {
    for (const d of this.definitions('Job', id)) {
      const job = this.jobOf(d, id);
      if (job) return job;
    }
    return undefined;
  }

  /** Every job: written in files (in file order), then generated by scaffoldings. */
  allJobs(): JobEntry[] {
    const out: JobEntry[] = [];
    for (const entry of this.files.values()) out.push(...entry.jobs);
    out.push(...this.generated().jobs());
    return out;
  }

  /** How many jobs allJobs() lists, counted by their definitions: no file's job records are made. */
  jobCount(): number {
    let count = [...this.generated().jobs()].length;
    for (const entry of this.files.values()) for (const d of entry.definitions) if (d.kind === 'Job' && d.element === 'Job') count++;
    return count;
  }

  /** The job entry `d` (a definition inside job `jobId`, or the job's own) belongs to. */
  private jobOf(d: Definition, jobId: string): JobEntry | undefined {
    if (d.generatedBy) return this.generated().job(jobId);
    return jobInFile(this.files.get(d.uri), jobId, d.start);
  }

  /** Jobs that run the task (inline or through a Step). */
  jobsOfTask(taskId: string): JobEntry[] {
    const out = new Set<JobEntry>();
    // Written inside a job…
    for (const d of this.definitions(TASK_KIND, taskId)) {
      const job = d.job !== undefined ? this.jobOf(d, d.job) : undefined;
      if (job) out.add(job);
    }
    // …or named by a Step: the reference knows the job it sits in. File by file, without one
    // list of every reference to the task (a shared task is the parent of thousands of tasks).
    const key = WorkspaceIndex.keyOf(TASK_KIND, taskId);
    for (const uri of this.refs.get(TASK_KIND)?.get(key) ?? NONE) {
      const file = this.files.get(uri);
      for (const step of referencesIn(file, TASK_KIND, key)) {
        if (step.element !== 'Step' || step.job === undefined) continue;
        const job = jobInFile(file, step.job, step.start);
        if (job) out.add(job);
      }
    }
    return [...out];
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** Each file's jobs by identifier, built the first time one is looked up (a file may hold thousands). */
const jobsById = new WeakMap<FileEntry, Map<string, JobEntry[]>>();

/** The first job of the file with this identifier that starts before `at`. */
function jobInFile(entry: FileEntry | undefined, id: string, at: number): JobEntry | undefined {
  if (!entry || entry.jobs.length === 0) return undefined;
  let byId = jobsById.get(entry);
  if (!byId) {
    byId = new Map();
    for (const j of entry.jobs) {
      const list = byId.get(j.id);
      if (list) list.push(j);
      else byId.set(j.id, [j]);
    }
    jobsById.set(entry, byId);
  }
  return byId.get(id)?.find((j) => j.start <= at);
}

type Slot = [list: unknown[], index: number];
interface Slots {
  defs: Slot[];
}

/** The identifiers of open documents' entries (the next edit reads them again). */
const keptReferenceKeys = new WeakMap<FileEntry, Map<string, Set<string>>>();

/** The distinct identifiers an entry references, by kind (index keys); `keep`: remember them for the entry. */
function referenceKeys(entry: FileEntry, keep = false): Map<string, Set<string>> {
  const known = keptReferenceKeys.get(entry);
  if (known) return known;
  const out = new Map<string, Set<string>>();
  forEachReferenceKey(entry, (kind, id) => {
    let keys = out.get(kind);
    if (!keys) out.set(kind, (keys = new Set<string>()));
    keys.add(WorkspaceIndex.keyOf(kind, id));
  });
  if (keep) keptReferenceKeys.set(entry, out);
  return out;
}

/** An entry's references of one kind by index key; `complete` once every identifier of the kind is in. */
interface KindReferences {
  complete: boolean;
  byKey: Map<string, readonly Reference[]>;
}

const referencesByKind = new WeakMap<FileEntry, Map<string, KindReferences>>();

/**
 * The entry's references to an identifier (a key of the index), in document order. While the
 * entry's references are still packed, only that identifier's are made; once they are all made,
 * the kind is grouped in one pass for the look-ups to come (jobsOfTask asks for task after task).
 */
function referencesIn(entry: FileEntry | undefined, kind: string, key: string): readonly Reference[] {
  if (!entry) return NONE;
  let byKind = referencesByKind.get(entry);
  if (!byKind) referencesByKind.set(entry, (byKind = new Map<string, KindReferences>()));
  let group = byKind.get(kind);
  if (!group) byKind.set(kind, (group = { complete: false, byKey: new Map<string, readonly Reference[]>() }));
  const known = group.byKey.get(key);
  if (known || group.complete) return known ?? NONE;
  if (hasPackedReferences(entry)) {
    const found = selectReferences(entry, (k, id) => k === kind && WorkspaceIndex.keyOf(k, id) === key);
    group.byKey.set(key, found);
    return found;
  }
  const byKey = new Map<string, Reference[]>();
  for (const r of entry.references) {
    if (r.kind !== kind) continue;
    const k = WorkspaceIndex.keyOf(kind, r.id);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  group.byKey = byKey;
  group.complete = true;
  return byKey.get(key) ?? NONE;
}

/** Appends an item (with `once`, unless it is the last one already); returns its list. */
function add<T>(map: Map<string, ByKey<T>>, kind: string, key: string, item: T, once = false): T[] {
  let byKey = map.get(kind);
  if (!byKey) map.set(kind, (byKey = new Map<string, T[]>()));
  const list = byKey.get(key);
  if (list) {
    if (!once || list[list.length - 1] !== item) list.push(item);
    return list;
  }
  // Made with its item: an empty array's first push reserves room for 17.
  const fresh = [item];
  byKey.set(key, fresh);
  return fresh;
}

/** Drops a file's items from the lists of the identifiers it names; returns the identifiers left with none. */
function removeFile<T extends { kind: string; id: string; uri: string }>(map: Map<string, ByKey<T>>, items: readonly T[], uri: string): [string, string][] {
  const emptied: [string, string][] = [];
  const done = new Set<string>();
  for (const item of items) {
    const key = WorkspaceIndex.keyOf(item.kind, item.id);
    const byKey = map.get(item.kind);
    const list = byKey?.get(key);
    if (!list || done.has(`${item.kind}\u0000${key}`)) continue;
    done.add(`${item.kind}\u0000${key}`);
    let kept = 0;
    for (let i = 0; i < list.length; i++) if (list[i].uri !== uri) list[kept++] = list[i];
    list.length = kept;
    if (kept === 0) {
      byKey!.delete(key);
      emptied.push([item.kind, key]);
    }
  }
  return emptied;
}

/**
 * Item i of `news` takes the place of item i of `olds`: in the same place of its list when it
 * names the same identifier, else removed there and added to its new identifier's list.
 * Returns where the items went (the old slots, updated in place). A slot is trusted only if it
 * still holds the old item (removing other items moves the ones after them); otherwise the
 * item is looked for in its list.
 */
function replaceItems<T extends { kind: string; id: string }>(
  map: Map<string, ByKey<T>>,
  olds: readonly T[],
  news: readonly T[],
  slots: Slot[] | undefined,
  addItem: (item: T) => Slot,
  emptied?: (kind: string, key: string) => void,
): Slot[] {
  const out: Slot[] = slots ?? new Array<Slot>(olds.length);
  for (let i = 0; i < olds.length; i++) {
    const was = olds[i];
    const now = news[i];
    const key = WorkspaceIndex.keyOf(was.kind, was.id);
    const byKey = map.get(was.kind);
    let list = slots?.[i][0] as T[] | undefined;
    let at = slots?.[i][1] ?? -1;
    if (!list || list[at] !== was) {
      list = byKey?.get(key);
      at = list ? list.indexOf(was) : -1;
    }
    let slot: Slot;
    if (list && at >= 0 && was.kind === now.kind && was.id === now.id) {
      list[at] = now;
      slot = [list, at];
    } else {
      if (list && at >= 0) {
        list.splice(at, 1);
        if (list.length === 0) {
          byKey!.delete(key);
          emptied?.(was.kind, key);
        }
      }
      slot = addItem(now);
    }
    if (slots) {
      slots[i][0] = slot[0];
      slots[i][1] = slot[1];
    } else out[i] = slot;
  }
  return out;
}
