/**
 * A file entry packed for another thread: one string holding every distinct string of the
 * entry, and integers for everything else. Structured cloning of the entry objects themselves
 * cost more on the receiving side than building them (1.9 s for the entries of 100 MB); a
 * packed entry crosses as two memory copies and is unpacked in a single pass.
 */
import { LineTable } from '../model/lineTable';
import { SyntaxError } from '../model/xmlScanner';
import { Definition, EntityMapping, FileEntry, FileStatus, JobEntry, JobMember, Reference, ScaffoldingRecord, TaskRecord, placeReferences, taskIndexOf } from './fileEntry';

export interface PackedEntry {
  uri: string;
  status: FileStatus;
  encoding?: string;
  /** Every distinct string, end to end; `ints` gives their ends first. */
  strings: string;
  ints: Int32Array;
  lineStarts: Int32Array;
  lineBreaks: Uint8Array;
  length: number;
}

/** The buffers a PackedEntry can hand over instead of copying (postMessage's transfer list). */
export function transferables(p: PackedEntry): ArrayBuffer[] {
  return [p.ints.buffer as ArrayBuffer, p.lineStarts.buffer as ArrayBuffer, p.lineBreaks.buffer as ArrayBuffer];
}

const NONE = -1;

/** The slots of Writer.strAt. */
const enum Slot {
  Kind,
  Element,
  Attribute,
  Task,
  Job,
  /** The first of ATTRIBUTE_SLOTS, one per position in a record's attributes. */
  AttributeNames,
}
const ATTRIBUTE_SLOTS = 16;
const SLOTS = Slot.AttributeNames + ATTRIBUTE_SLOTS;

class Writer {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  /** The record integers so far: the first `length` of a buffer that doubles when full. */
  private ints = new Int32Array(1024);
  private length = 0;
  /** By slot (strAt): the string written there last and its place. */
  private readonly lastStrings: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly lastPlaces: number[] = new Array<number>(SLOTS).fill(0);

  int(n: number): void {
    if (this.length === this.ints.length) {
      const more = new Int32Array(this.ints.length * 2);
      more.set(this.ints);
      this.ints = more;
    }
    this.ints[this.length++] = n;
  }

  str(s: string | undefined): void {
    if (s === undefined) return this.int(NONE);
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.ids.set(s, i);
      this.list.push(s);
    }
    this.int(i);
  }

  /**
   * `str`, for a field that repeats from one record to the next (a reference's kind, element,
   * attribute, task and job; an attribute's name): the string written last in the same `slot`
   * is written again without a look-up. Same places as `str` gives, so the same packed entry.
   */
  strAt(slot: number, s: string | undefined): void {
    if (s !== undefined && s === this.lastStrings[slot]) return this.int(this.lastPlaces[slot]);
    this.str(s);
    if (s === undefined) return;
    this.lastStrings[slot] = s;
    this.lastPlaces[slot] = this.ints[this.length - 1];
  }

  strs(list: readonly string[]): void {
    this.int(list.length);
    for (const s of list) this.str(s);
  }

  /** Starts a section: its length, set by endSection, comes first so that a reader can take it whole. */
  startSection(): number {
    this.int(0);
    return this.length - 1;
  }

  endSection(at: number): void {
    this.ints[at] = this.length - at - 1;
  }

  attrs(a: Readonly<Record<string, string>> | undefined): void {
    if (!a) return this.int(NONE);
    const keys = Object.keys(a);
    this.int(keys.length);
    // Records of one element type list the same names in the same order: one slot per position.
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (i < ATTRIBUTE_SLOTS) this.strAt(Slot.AttributeNames + i, k);
      else this.str(k);
      this.str(a[k]);
    }
  }

  /** [count of strings, their ends…, the record integers…] and the strings end to end. */
  finish(): { strings: string; ints: Int32Array } {
    const out = new Int32Array(1 + this.list.length + this.length);
    out[0] = this.list.length;
    let end = 0;
    for (let i = 0; i < this.list.length; i++) out[1 + i] = end += this.list[i].length;
    out.set(this.ints.subarray(0, this.length), 1 + this.list.length);
    return { strings: this.list.join(''), ints: out };
  }
}

export function packEntry(e: FileEntry): PackedEntry {
  const w = new Writer();
  const taskIndex = taskIndexOf(e);
  // Tasks and jobs are sections: an unpacked entry keeps them packed until read (PackedTasks).
  const tasksAt = w.startSection();
  w.int(e.tasks.length);
  for (const t of e.tasks) {
    w.strAt(Slot.Element, t.element);
    w.str(t.id);
    w.attrs(t.attrs);
    w.strs(t.parents);
    w.strs(t.children);
    w.strAt(Slot.Job, t.job);
    w.int(t.start);
    w.int(t.nameStart);
    w.int(t.nameEnd);
    w.int(t.end);
  }
  w.endSection(tasksAt);
  w.int(e.definitions.length);
  for (const d of e.definitions) {
    w.strAt(Slot.Kind, d.kind);
    w.str(d.id);
    w.strAt(Slot.Element, d.element);
    w.int(d.idStart);
    w.int(d.idEnd);
    w.int(d.start);
    w.int(d.end);
    w.int(d.nameStart);
    w.int(d.nameEnd);
    w.str(d.displayName);
    w.strAt(Slot.Job, d.job);
    w.int(d.consolidation ? 1 : 0);
    w.int(d.task ? taskIndex.get(d.task)! : NONE);
    w.attrs(d.attrs);
  }
  w.int(e.references.length);
  for (const r of e.references) {
    w.strAt(Slot.Kind, r.kind);
    w.str(r.id);
    w.strAt(Slot.Element, r.element);
    w.strAt(Slot.Attribute, r.attribute);
    w.int(r.start);
    w.int(r.end);
    w.strAt(Slot.Task, r.task);
    w.strAt(Slot.Job, r.job);
  }
  const jobsAt = w.startSection();
  w.int(e.jobs.length);
  for (const j of e.jobs) {
    w.str(j.id);
    w.attrs(j.attrs);
    w.strs(j.tasks);
    w.int(j.members.length);
    for (const m of j.members) {
      if (m.task) {
        w.int(0);
        w.int(taskIndex.get(m.task)!);
      } else {
        w.int(1);
        w.str(m.step);
        w.int(m.start);
        w.int(m.end);
        w.str(m.level);
        w.attrs(m.override);
      }
    }
    w.int(j.start);
    w.int(j.nameStart);
    w.int(j.nameEnd);
  }
  w.endSection(jobsAt);
  w.int(e.scaffoldings.length);
  for (const s of e.scaffoldings) {
    w.str(s.element);
    w.attrs(s.attrs);
    w.int(s.children.length);
    for (const c of s.children) {
      w.str(c.name);
      w.attrs(c.attrs);
    }
    w.int(s.start);
    w.int(s.end);
    w.int(s.nameStart);
    w.int(s.nameEnd);
    w.int(s.jobIdStart);
    w.int(s.jobIdEnd);
  }
  w.int(e.mappings.length);
  for (const m of e.mappings) {
    w.str(m.entityType);
    w.str(m.connector);
  }
  w.int(e.syntaxErrors.length);
  for (const s of e.syntaxErrors) {
    w.int(s.start);
    w.int(s.end);
    w.str(s.message);
  }
  const { strings, ints } = w.finish();
  // A copy: the table may be a view on a larger buffer.
  const lineStarts = e.lines.lineStarts.slice();
  const lineBreaks = e.lines.lineBreaks.slice();
  return { uri: e.uri, status: e.status, encoding: e.encoding, strings, ints, lineStarts, lineBreaks, length: e.lines.length };
}

/**
 * `allNow`: make every object at once, for a caller that reads all of every entry anyway (the
 * command line's check), here where its thread would otherwise wait. Otherwise the entry's
 * references, tasks and jobs stay packed until read (see lazyReferences and PackedTasks): the
 * index files an entry by its definitions and the identifiers it references, and the server's
 * first checks read the tasks of a few files.
 */
export function unpackEntry(p: PackedEntry, allNow = false): FileEntry {
  const { uri, ints } = p;
  const count = ints[0];
  const table: string[] = new Array<string>(count);
  let from = 0;
  for (let i = 0; i < count; i++) {
    const end = ints[1 + i];
    table[i] = p.strings.slice(from, end);
    from = end;
  }
  const r = new Reader(ints, 1 + count, table);
  const taskInts = r.section();
  const eagerTasks = allNow ? readTasks(new Reader(taskInts, 0, table), uri) : undefined;
  const lazy = allNow ? undefined : new PackedTasks(uri, table);
  const definitions: Definition[] = new Array<Definition>(r.int());
  for (let i = 0; i < definitions.length; i++) definitions[i] = readDefinition(r, uri, eagerTasks, lazy);
  // References stay packed until read (see lazyReferences): the index files them by identifier without them.
  const referenceCount = r.int();
  const referenceInts = ints.subarray(r.at, (r.at += REFERENCE_INTS * referenceCount));
  const jobInts = r.section();
  const eagerJobs = eagerTasks ? readJobs(new Reader(jobInts, 0, table), uri, eagerTasks) : undefined;
  const scaffoldings: ScaffoldingRecord[] = new Array<ScaffoldingRecord>(r.int());
  for (let i = 0; i < scaffoldings.length; i++) {
    const element = r.str()!;
    const scaffoldingAttrs = r.attrs() ?? {};
    const children: ScaffoldingRecord['children'] = new Array<ScaffoldingRecord['children'][number]>(r.int());
    for (let k = 0; k < children.length; k++) children[k] = { name: r.str()!, attrs: r.attrs() ?? {} };
    scaffoldings[i] = {
      element,
      uri,
      attrs: scaffoldingAttrs,
      children,
      start: r.int(),
      end: r.int(),
      nameStart: r.int(),
      nameEnd: r.int(),
      jobIdStart: r.int(),
      jobIdEnd: r.int(),
    };
  }
  const mappings: EntityMapping[] = new Array<EntityMapping>(r.int());
  for (let i = 0; i < mappings.length; i++) mappings[i] = { entityType: r.str()!, connector: r.str()! };
  const syntaxErrors: SyntaxError[] = new Array<SyntaxError>(r.int());
  for (let i = 0; i < syntaxErrors.length; i++) syntaxErrors[i] = { start: r.int(), end: r.int(), message: r.str()! };
  const lines = LineTable.fromStarts(p.lineStarts, p.lineBreaks, p.length);
  const entry = {
    uri,
    status: p.status,
    definitions,
    references: [] as Reference[],
    jobs: eagerJobs ?? [],
    tasks: eagerTasks ?? [],
    scaffoldings,
    mappings,
    syntaxErrors,
    lines,
    encoding: p.encoding,
  };
  // A file without tasks or jobs (each section then holds only its zero count) keeps its empty lists.
  if (lazy && (taskInts[0] > 0 || jobInts[0] > 0)) {
    // Copies of their sections: the rest of the packed integers need not stay alive.
    lazy.hold(taskInts.slice(), jobInts.slice());
    lazyTasks(entry, lazy);
  }
  if (allNow) {
    entry.references = readReferences(uri, { ints: referenceInts, table, made: [] }, lines);
  } else if (referenceCount > 0) {
    lazyReferences(entry, { ints: referenceInts.slice(), table, made: [] });
  }
  return entry;
}

/** Reads a packed entry's integers in order, strings by their place in the table. */
class Reader {
  constructor(
    private readonly ints: Int32Array,
    public at: number,
    private readonly table: readonly string[],
  ) {}

  int(): number {
    return this.ints[this.at++];
  }

  str(): string | undefined {
    const i = this.ints[this.at++];
    return i === NONE ? undefined : this.table[i];
  }

  strs(): string[] {
    const n = this.int();
    const out: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.table[this.int()];
    return out;
  }

  attrs(): Record<string, string> | undefined {
    const n = this.int();
    if (n === NONE) return undefined;
    const out: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      const k = this.table[this.int()];
      out[k] = this.table[this.int()];
    }
    return out;
  }

  /** A section the packer wrote with its length first (Writer.startSection), taken whole. */
  section(): Int32Array {
    const n = this.int();
    return this.ints.subarray(this.at, (this.at += n));
  }
}

function readTasks(r: Reader, uri: string): TaskRecord[] {
  const tasks: TaskRecord[] = new Array<TaskRecord>(r.int());
  for (let i = 0; i < tasks.length; i++) {
    const element = r.str()!;
    const id = r.str();
    const attrs = r.attrs() ?? {};
    const parents = r.strs();
    const children = r.strs();
    const job = r.str();
    tasks[i] = { element, id, uri, attrs, parents, children, job, start: r.int(), nameStart: r.int(), nameEnd: r.int(), end: r.int() };
  }
  return tasks;
}

function readJobs(r: Reader, uri: string, tasks: readonly TaskRecord[]): JobEntry[] {
  const jobs: JobEntry[] = new Array<JobEntry>(r.int());
  for (let i = 0; i < jobs.length; i++) {
    const id = r.str()!;
    const attrs = r.attrs() ?? {};
    const jobTasks = r.strs();
    const members: JobMember[] = new Array<JobMember>(r.int());
    for (let k = 0; k < members.length; k++) {
      if (r.int() === 0) members[k] = { task: tasks[r.int()] };
      else {
        const step: JobMember = { step: r.str()!, start: r.int(), end: r.int() };
        const level = r.str();
        const override = r.attrs();
        if (level !== undefined) step.level = level;
        if (override) step.override = override;
        members[k] = step;
      }
    }
    jobs[i] = { id, uri, attrs, tasks: jobTasks, members, start: r.int(), nameStart: r.int(), nameEnd: r.int() };
  }
  return jobs;
}

/** A definition; a task's points at its record, or, while the entry's tasks are packed, makes them when read. */
function readDefinition(r: Reader, uri: string, tasks: readonly TaskRecord[] | undefined, lazy: PackedTasks | undefined): Definition {
  const kind = r.str()!;
  const id = r.str()!;
  const element = r.str()!;
  const idStart = r.int();
  const idEnd = r.int();
  const start = r.int();
  const end = r.int();
  const nameStart = r.int();
  const nameEnd = r.int();
  const displayName = r.str();
  const job = r.str();
  const consolidation = r.int();
  const task = r.int();
  const attrs = r.attrs();
  const d: Definition =
    task !== NONE && lazy
      ? new TaskDefinition(kind, id, uri, element, idStart, idEnd, start, end, nameStart, nameEnd, lazy, task)
      : { kind, id, uri, element, idStart, idEnd, start, end, nameStart, nameEnd };
  if (displayName !== undefined) d.displayName = displayName;
  if (consolidation) d.consolidation = true;
  if (attrs) d.attrs = attrs;
  if (task !== NONE && tasks) d.task = tasks[task];
  if (job !== undefined) d.job = job;
  return d;
}

/**
 * An unpacked entry's tasks and jobs as they were packed, made together the first time the
 * entry's `tasks`, its `jobs` or a task's definition's `task` is read (job members point at the
 * task records). They are most of the objects an unpacked entry would make besides its
 * strings (per task a record, its attributes, its parents and its child names, and a member
 * per task of a job, against one object per definition): the server's cold index files
 * entries without them, and the collector never sees most of them.
 */
class PackedTasks {
  private taskInts: Int32Array | undefined;
  private jobInts: Int32Array | undefined;
  private made: { tasks: TaskRecord[]; jobs: JobEntry[] } | undefined;

  constructor(
    private readonly uri: string,
    private table: readonly string[] | undefined,
  ) {}

  hold(taskInts: Int32Array, jobInts: Int32Array): void {
    this.taskInts = taskInts;
    this.jobInts = jobInts;
  }

  get packed(): boolean {
    return this.made === undefined;
  }

  get tasks(): TaskRecord[] {
    return this.make().tasks;
  }

  get jobs(): JobEntry[] {
    return this.make().jobs;
  }

  private make(): { tasks: TaskRecord[]; jobs: JobEntry[] } {
    if (!this.made) {
      const tasks = readTasks(new Reader(this.taskInts!, 0, this.table!), this.uri);
      this.made = { tasks, jobs: readJobs(new Reader(this.jobInts!, 0, this.table!), this.uri, tasks) };
      // Nothing packed is read again.
      this.taskInts = this.jobInts = this.table = undefined;
    }
    return this.made;
  }
}

/** The definition of a task whose record is still packed: reading `task` makes the entry's tasks. */
class TaskDefinition implements Definition {
  declare displayName?: string;
  declare job?: string;
  declare consolidation?: boolean;
  declare attrs?: Readonly<Record<string, string>>;
  readonly #packed: PackedTasks;
  readonly #index: number;

  constructor(
    public kind: string,
    public id: string,
    public uri: string,
    public element: string,
    public idStart: number,
    public idEnd: number,
    public start: number,
    public end: number,
    public nameStart: number,
    public nameEnd: number,
    packed: PackedTasks,
    index: number,
  ) {
    this.#packed = packed;
    this.#index = index;
  }

  get task(): TaskRecord | undefined {
    return this.#packed.tasks[this.#index];
  }

  set task(task: TaskRecord | undefined) {
    Object.defineProperty(this, 'task', { value: task, writable: true, enumerable: true, configurable: true });
  }
}

const packedTasks = new WeakMap<FileEntry, PackedTasks>();

/** Whether the entry's tasks and jobs are still packed (for tests: nothing has read them). */
export function hasPackedTasks(entry: FileEntry): boolean {
  return packedTasks.get(entry)?.packed ?? false;
}

/** Makes the entry's `tasks` and `jobs` read its packed tasks the first time either is read. */
function lazyTasks(entry: FileEntry, packed: PackedTasks): void {
  packedTasks.set(entry, packed);
  for (const key of ['tasks', 'jobs'] as const) {
    Object.defineProperty(entry, key, {
      enumerable: true,
      configurable: true,
      get: () => packed[key],
      set(value: unknown) {
        Object.defineProperty(entry, key, { value, writable: true, enumerable: true, configurable: true });
      },
    });
  }
}

/** The integers of one packed reference: kind, id, element, attribute, start, end, task, job. */
const REFERENCE_INTS = 8;

/** An unpacked entry's references as they were packed: REFERENCE_INTS integers each, strings by their place in `table`. */
interface PackedReferences {
  ints: Int32Array;
  table: readonly string[];
  /** The Reference objects made so far, by their place in the file (selectReferences makes some, the first read of `references` the rest). */
  made: (Reference | undefined)[];
}

/** Entries whose references have not all been read yet. */
const packedReferences = new WeakMap<FileEntry, PackedReferences>();

/**
 * Makes `entry.references` build its Reference objects the first time it is read. Most files'
 * references are only ever counted under their identifiers by the index (forEachReferenceKey)
 * or looked up for one identifier (selectReferences): the server's cold index then makes none
 * of the objects, which only the collector would have touched (docs/performance.md).
 */
function lazyReferences(entry: FileEntry, packed: PackedReferences): void {
  packedReferences.set(entry, packed);
  let references: Reference[] | undefined;
  Object.defineProperty(entry, 'references', {
    enumerable: true,
    configurable: true,
    get(): Reference[] {
      if (!references) {
        references = readReferences(entry.uri, packed, entry.lines);
        packedReferences.delete(entry);
      }
      return references;
    },
    set(value: Reference[]) {
      references = value;
      packedReferences.delete(entry);
    },
  });
}

/** Every reference of the entry, placed on its lines. */
function readReferences(uri: string, packed: PackedReferences, lines: LineTable): Reference[] {
  const references = new Array<Reference>(packed.ints.length / REFERENCE_INTS);
  for (let i = 0; i < references.length; i++) references[i] = readReference(uri, packed, i);
  placeReferences(references, lines);
  return references;
}

/** The i-th reference, the same object each time it is asked for. */
function readReference(uri: string, packed: PackedReferences, i: number): Reference {
  const known = packed.made[i];
  if (known) return known;
  const { ints, table } = packed;
  const at = i * REFERENCE_INTS;
  const r: Reference = {
    kind: table[ints[at]],
    id: table[ints[at + 1]],
    uri,
    element: table[ints[at + 2]],
    attribute: table[ints[at + 3]],
    start: ints[at + 4],
    end: ints[at + 5],
    line: 0,
    character: 0,
    endLine: 0,
    endCharacter: 0,
  };
  const task = ints[at + 6];
  const job = ints[at + 7];
  if (job !== NONE) r.job = table[job];
  if (task !== NONE) r.task = table[task];
  return (packed.made[i] = r);
}

/**
 * The entry's references that `keep` accepts, in document order, placed on their lines. While
 * the entry's references are still packed, only these are made (a task named by every job file
 * would otherwise make every reference of those files on the first "find references").
 */
export function selectReferences(entry: FileEntry, keep: (kind: string, id: string) => boolean): Reference[] {
  const packed = packedReferences.get(entry);
  if (!packed) return entry.references.filter((r) => keep(r.kind, r.id));
  const { ints, table } = packed;
  const out: Reference[] = [];
  for (let i = 0, at = 0; at < ints.length; i++, at += REFERENCE_INTS) if (keep(table[ints[at]], table[ints[at + 1]])) out.push(readReference(entry.uri, packed, i));
  placeReferences(out, entry.lines);
  return out;
}

/** Whether the entry's Reference objects are still to be made (nothing read its references yet). */
export function hasPackedReferences(entry: FileEntry): boolean {
  return packedReferences.has(entry);
}

/**
 * Calls `visit` with the kind and identifier of the entry's references, in order, without making
 * Reference objects when they are still packed. A pair may come more than once, but a packed
 * entry skips most repeats (told apart by their places in the string table): a file names the
 * same few identifiers many times over, and the index lists a file under each once.
 */
export function forEachReferenceKey(entry: FileEntry, visit: (kind: string, id: string) => void): void {
  const packed = packedReferences.get(entry);
  if (!packed) {
    for (const r of entry.references) visit(r.kind, r.id);
    return;
  }
  const { ints, table } = packed;
  // The kind each identifier string came with last (its place in the table, plus one): an
  // identifier is nearly always named as one kind, so this tells most repeats apart.
  const lastKind = new Int32Array(table.length);
  for (let at = 0; at < ints.length; at += REFERENCE_INTS) {
    const kind = ints[at];
    const id = ints[at + 1];
    if (lastKind[id] === kind + 1) continue;
    lastKind[id] = kind + 1;
    visit(table[kind], table[id]);
  }
}
