/**
 * The workspace index: every file's entry, and per kind the definitions and references of
 * each identifier, grouped by file so that replacing one file's entry touches only what that
 * file contributed. Identifiers are unique per kind (tasks of every type share the 'Task'
 * kind); Connection identifiers are compared without case, as the product does.
 */
import { TASK_KIND, isCaseInsensitiveKind } from '../schema/schema';
import { Definition, FileEntry, JobEntry, Reference } from './fileEntry';

type ByFile<T> = Map<string, T[]>;
type ByKey<T> = Map<string, ByFile<T>>;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly defs = new Map<string, ByKey<Definition>>();
  private readonly refs = new Map<string, ByKey<Reference>>();
  /** kind → lower-cased identifier → the distinct keys spelled that way, with their counts. */
  private readonly lower = new Map<string, Map<string, Map<string, number>>>();
  /** Where the items of tracked entries sit: their list and index there. */
  private readonly slots = new WeakMap<FileEntry, Slots>();

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
   * Replaces a file's contribution in one step. With `track` (open documents, replaced on every
   * keystroke), the index remembers where each item went, so that the next replacement that
   * keeps the same identifiers in the same order (most edits) swaps items in place, with no
   * map operation.
   */
  set(entry: FileEntry, track = false): void {
    const old = this.files.get(entry.uri);
    const oldSlots = old && this.slots.get(old);
    if (track && oldSlots && sameIdentifiers(old.definitions, entry.definitions) && sameIdentifiers(old.references, entry.references)) {
      oldSlots.defs.forEach(([list, i], k) => (list[i] = entry.definitions[k]));
      oldSlots.refs.forEach(([list, i], k) => (list[i] = entry.references[k]));
      this.slots.set(entry, oldSlots);
      this.files.set(entry.uri, entry);
      return;
    }
    // Most edits keep the identifiers a file defines: then their spellings need no recount.
    const sameIds = old !== undefined && sameIdentifiers(old.definitions, entry.definitions);
    if (old) this.unlink(old, !sameIds);
    this.files.set(entry.uri, entry);
    const slots: Slots | undefined = track ? { defs: [], refs: [] } : undefined;
    for (const d of entry.definitions) {
      const slot = add(this.defs, d.kind, WorkspaceIndex.keyOf(d.kind, d.id), entry.uri, d);
      slots?.defs.push(slot);
      if (!sameIds) this.countSpelling(d.kind, d.id, 1);
    }
    for (const r of entry.references) {
      const slot = add(this.refs, r.kind, WorkspaceIndex.keyOf(r.kind, r.id), entry.uri, r);
      slots?.refs.push(slot);
    }
    if (slots) this.slots.set(entry, slots);
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.unlink(old);
    this.files.delete(uri);
    return true;
  }

  private unlink(entry: FileEntry, recount = true): void {
    for (const d of entry.definitions) {
      remove(this.defs, d.kind, WorkspaceIndex.keyOf(d.kind, d.id), entry.uri);
      if (recount) this.countSpelling(d.kind, d.id, -1);
    }
    for (const r of entry.references) remove(this.refs, r.kind, WorkspaceIndex.keyOf(r.kind, r.id), entry.uri);
  }

  private countSpelling(kind: string, id: string, delta: number): void {
    let byLower = this.lower.get(kind);
    if (!byLower) this.lower.set(kind, (byLower = new Map()));
    const lc = id.toLowerCase();
    let spellings = byLower.get(lc);
    if (!spellings) byLower.set(lc, (spellings = new Map()));
    const n = (spellings.get(id) ?? 0) + delta;
    if (n > 0) spellings.set(id, n);
    else {
      spellings.delete(id);
      if (spellings.size === 0) byLower.delete(lc);
    }
  }

  /** Other spellings of an identifier of this kind that differ from it only by case. */
  otherSpellings(kind: string, id: string): string[] {
    const spellings = this.lower.get(kind)?.get(id.toLowerCase());
    return spellings ? [...spellings.keys()].filter((s) => s !== id) : [];
  }

  definitions(kind: string, id: string): Definition[] {
    return flatten(this.defs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id)));
  }

  hasDefinition(kind: string, id: string): boolean {
    return (this.defs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id))?.size ?? 0) > 0;
  }

  references(kind: string, id: string): Reference[] {
    return flatten(this.refs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id)));
  }

  /** Calls `visit` with the definitions of every identifier of a kind, until it returns false. */
  forEachIdentifier(kind: string, visit: (defs: ByFile<Definition>) => boolean | void): void {
    const byKey = this.defs.get(kind);
    if (!byKey) return;
    for (const byFile of byKey.values()) if (visit(byFile) === false) return;
  }

  identifierCount(kind: string): number {
    return this.defs.get(kind)?.size ?? 0;
  }

  /** Jobs that run the task (inline or through a Step). */
  jobsOfTask(taskId: string): JobEntry[] {
    const out = new Set<JobEntry>();
    // Written inside a job…
    for (const d of this.definitions(TASK_KIND, taskId)) {
      const job = d.job !== undefined ? this.files.get(d.uri)?.jobs.find((j) => j.id === d.job && j.start <= d.start) : undefined;
      if (job) out.add(job);
    }
    // …or named by a Step: the reference knows the job it sits in.
    for (const step of this.references(TASK_KIND, taskId)) {
      if (step.element !== 'Step' || step.job === undefined) continue;
      const job = this.files.get(step.uri)?.jobs.find((j) => j.id === step.job && j.start <= step.start);
      if (job) out.add(job);
    }
    return [...out];
  }
}

type Slot = [list: unknown[], index: number];
interface Slots {
  defs: Slot[];
  refs: Slot[];
}

function sameIdentifiers(a: readonly { kind: string; id: string }[], b: readonly { kind: string; id: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].kind !== b[i].kind) return false;
  return true;
}

function add<T>(map: Map<string, ByKey<T>>, kind: string, key: string, uri: string, item: T): Slot {
  let byKey = map.get(kind);
  if (!byKey) map.set(kind, (byKey = new Map()));
  let byFile = byKey.get(key);
  if (!byFile) byKey.set(key, (byFile = new Map()));
  let list = byFile.get(uri);
  if (list) list.push(item);
  else byFile.set(uri, (list = [item]));
  return [list, list.length - 1];
}

function remove<T>(map: Map<string, ByKey<T>>, kind: string, key: string, uri: string): void {
  const byKey = map.get(kind);
  const byFile = byKey?.get(key);
  if (!byFile) return;
  byFile.delete(uri);
  if (byFile.size === 0) byKey!.delete(key);
}

function flatten<T>(byFile: ByFile<T> | undefined): T[] {
  if (!byFile) return [];
  if (byFile.size === 1) return [...byFile.values()][0].slice();
  const out: T[] = [];
  for (const list of byFile.values()) out.push(...list);
  return out;
}
