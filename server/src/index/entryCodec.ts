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

class Writer {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  /** The record integers so far: the first `length` of a buffer that doubles when full. */
  private ints = new Int32Array(1024);
  private length = 0;

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

  strs(list: readonly string[]): void {
    this.int(list.length);
    for (const s of list) this.str(s);
  }

  attrs(a: Readonly<Record<string, string>> | undefined): void {
    if (!a) return this.int(NONE);
    const keys = Object.keys(a);
    this.int(keys.length);
    for (const k of keys) {
      this.str(k);
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
  w.int(e.tasks.length);
  for (const t of e.tasks) {
    w.str(t.element);
    w.str(t.id);
    w.attrs(t.attrs);
    w.strs(t.parents);
    w.strs(t.children);
    w.str(t.job);
    w.int(t.start);
    w.int(t.nameStart);
    w.int(t.nameEnd);
    w.int(t.end);
  }
  w.int(e.definitions.length);
  for (const d of e.definitions) {
    w.str(d.kind);
    w.str(d.id);
    w.str(d.element);
    w.int(d.idStart);
    w.int(d.idEnd);
    w.int(d.start);
    w.int(d.end);
    w.int(d.nameStart);
    w.int(d.nameEnd);
    w.str(d.displayName);
    w.str(d.job);
    w.int(d.consolidation ? 1 : 0);
    w.int(d.task ? taskIndex.get(d.task)! : NONE);
    w.attrs(d.attrs);
  }
  w.int(e.references.length);
  for (const r of e.references) {
    w.str(r.kind);
    w.str(r.id);
    w.str(r.element);
    w.str(r.attribute);
    w.int(r.start);
    w.int(r.end);
    w.str(r.task);
    w.str(r.job);
  }
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
 * `referencesNow`: make the Reference objects at once, for a caller that reads every file's
 * references anyway (the command line's check), here where its thread would otherwise wait.
 */
export function unpackEntry(p: PackedEntry, referencesNow = false): FileEntry {
  const { uri, ints } = p;
  const count = ints[0];
  const table: string[] = new Array<string>(count);
  let from = 0;
  for (let i = 0; i < count; i++) {
    const end = ints[1 + i];
    table[i] = p.strings.slice(from, end);
    from = end;
  }
  let at = 1 + count;
  const int = () => ints[at++];
  const str = (): string | undefined => {
    const i = ints[at++];
    return i === NONE ? undefined : table[i];
  };
  const strs = (): string[] => {
    const n = int();
    const out: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = table[int()];
    return out;
  };
  const attrs = (): Record<string, string> | undefined => {
    const n = int();
    if (n === NONE) return undefined;
    const out: Record<string, string> = {};
    for (let i = 0; i < n; i++) {
      const k = table[int()];
      out[k] = table[int()];
    }
    return out;
  };

  const tasks: TaskRecord[] = new Array<TaskRecord>(int());
  for (let i = 0; i < tasks.length; i++) {
    const element = str()!;
    const id = str();
    const taskAttrs = attrs() ?? {};
    const parents = strs();
    const children = strs();
    const job = str();
    tasks[i] = { element, id, uri, attrs: taskAttrs, parents, children, job, start: int(), nameStart: int(), nameEnd: int(), end: int() };
  }
  const definitions: Definition[] = new Array<Definition>(int());
  for (let i = 0; i < definitions.length; i++) {
    const d: Definition = { kind: str()!, id: str()!, uri, element: str()!, idStart: int(), idEnd: int(), start: int(), end: int(), nameStart: int(), nameEnd: int() };
    const displayName = str();
    const job = str();
    const consolidation = int();
    const task = int();
    const a = attrs();
    if (displayName !== undefined) d.displayName = displayName;
    if (consolidation) d.consolidation = true;
    if (a) d.attrs = a;
    if (task !== NONE) d.task = tasks[task];
    if (job !== undefined) d.job = job;
    definitions[i] = d;
  }
  // References stay packed until read (see lazyReferences): the index files them by identifier without them.
  const referenceCount = int();
  const referenceInts = ints.subarray(at, (at += REFERENCE_INTS * referenceCount));
  const jobs: JobEntry[] = new Array<JobEntry>(int());
  for (let i = 0; i < jobs.length; i++) {
    const id = str()!;
    const jobAttrs = attrs() ?? {};
    const jobTasks = strs();
    const members: JobMember[] = new Array<JobMember>(int());
    for (let k = 0; k < members.length; k++) {
      if (int() === 0) members[k] = { task: tasks[int()] };
      else {
        const step: JobMember = { step: str()!, start: int(), end: int() };
        const level = str();
        const override = attrs();
        if (level !== undefined) step.level = level;
        if (override) step.override = override;
        members[k] = step;
      }
    }
    jobs[i] = { id, uri, attrs: jobAttrs, tasks: jobTasks, members, start: int(), nameStart: int(), nameEnd: int() };
  }
  const scaffoldings: ScaffoldingRecord[] = new Array<ScaffoldingRecord>(int());
  for (let i = 0; i < scaffoldings.length; i++) {
    const element = str()!;
    const scaffoldingAttrs = attrs() ?? {};
    const children: ScaffoldingRecord['children'] = new Array<ScaffoldingRecord['children'][number]>(int());
    for (let k = 0; k < children.length; k++) children[k] = { name: str()!, attrs: attrs() ?? {} };
    scaffoldings[i] = { element, uri, attrs: scaffoldingAttrs, children, start: int(), end: int(), nameStart: int(), nameEnd: int(), jobIdStart: int(), jobIdEnd: int() };
  }
  const mappings: EntityMapping[] = new Array<EntityMapping>(int());
  for (let i = 0; i < mappings.length; i++) mappings[i] = { entityType: str()!, connector: str()! };
  const syntaxErrors: SyntaxError[] = new Array<SyntaxError>(int());
  for (let i = 0; i < syntaxErrors.length; i++) syntaxErrors[i] = { start: int(), end: int(), message: str()! };
  const lines = LineTable.fromStarts(p.lineStarts, p.lineBreaks, p.length);
  const entry = { uri, status: p.status, definitions, references: [] as Reference[], jobs, tasks, scaffoldings, mappings, syntaxErrors, lines, encoding: p.encoding };
  if (referencesNow) {
    entry.references = readReferences(uri, { ints: referenceInts, table, made: [] }, lines);
  } else if (referenceCount > 0) {
    // A copy of this entry's part: the rest of the packed integers need not stay alive.
    lazyReferences(entry, { ints: referenceInts.slice(), table, made: [] });
  }
  return entry;
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
