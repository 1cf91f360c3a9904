/**
 * The workspace index: every file's entry, and per kind the definitions and references of
 * each identifier. Identifiers are unique per kind (tasks of every type share the 'Task'
 * kind); Connection identifiers are compared without case, as the product does.
 *
 * Each identifier maps to one flat list of items (a Map or object per identifier made the
 * cold index of 100 MB a third slower and heavier); replacing a file's entry touches only the
 * lists of the identifiers that file names.
 */
import { TASK_KIND, isCaseInsensitiveKind } from '../schema/schema';
import { Definition, FileEntry, JobEntry, Reference } from './fileEntry';

type ByKey<T> = Map<string, T[]>;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly defs = new Map<string, ByKey<Definition>>();
  private readonly refs = new Map<string, ByKey<Reference>>();
  /** kind → lower-cased identifier → the distinct identifiers spelled that way (case-sensitive kinds). */
  private readonly lower = new Map<string, Map<string, string | string[]>>();

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
   * Replaces a file's contribution in one step. When the new entry names the same identifiers
   * in the same order (most edits of an open document), its items take the old ones' places in
   * the lists, so that the order of definitions across files stays as it was.
   */
  set(entry: FileEntry): void {
    const old = this.files.get(entry.uri);
    this.files.set(entry.uri, entry);
    if (old && sameIdentifiers(old.definitions, entry.definitions) && sameIdentifiers(old.references, entry.references)) {
      swapItems(this.defs, old.definitions, entry.definitions);
      swapItems(this.refs, old.references, entry.references);
      return;
    }
    if (old) this.unlink(old);
    for (const d of entry.definitions) {
      if (add(this.defs, d.kind, WorkspaceIndex.keyOf(d.kind, d.id), d) && !isCaseInsensitiveKind(d.kind)) this.addSpelling(d.kind, d.id);
    }
    for (const r of entry.references) add(this.refs, r.kind, WorkspaceIndex.keyOf(r.kind, r.id), r);
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.unlink(old);
    this.files.delete(uri);
    return true;
  }

  private unlink(entry: FileEntry): void {
    for (const [kind, key] of removeFile(this.defs, entry.definitions, entry.uri)) {
      if (!isCaseInsensitiveKind(kind)) this.removeSpelling(kind, key);
    }
    removeFile(this.refs, entry.references, entry.uri);
  }

  /** Called when an identifier gets its first definition. */
  private addSpelling(kind: string, id: string): void {
    let byLower = this.lower.get(kind);
    if (!byLower) this.lower.set(kind, (byLower = new Map()));
    const lc = id.toLowerCase();
    const known = byLower.get(lc);
    if (known === undefined) byLower.set(lc, id);
    else if (typeof known === 'string') byLower.set(lc, [known, id]);
    else known.push(id);
  }

  /** Called when an identifier lost its last definition. */
  private removeSpelling(kind: string, id: string): void {
    const byLower = this.lower.get(kind);
    const lc = id.toLowerCase();
    const known = byLower?.get(lc);
    if (known === undefined) return;
    if (typeof known === 'string') byLower!.delete(lc);
    else {
      const rest = known.filter((s) => s !== id);
      byLower!.set(lc, rest.length === 1 ? rest[0] : rest);
    }
  }

  /** Other spellings of an identifier of this kind that differ from it only by case. */
  otherSpellings(kind: string, id: string): string[] {
    const known = this.lower.get(kind)?.get(id.toLowerCase());
    if (known === undefined || typeof known === 'string') return known === undefined || known === id ? [] : [known];
    return known.filter((s) => s !== id);
  }

  definitions(kind: string, id: string): readonly Definition[] {
    return this.defs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id)) ?? NONE;
  }

  hasDefinition(kind: string, id: string): boolean {
    return this.defs.get(kind)?.has(WorkspaceIndex.keyOf(kind, id)) ?? false;
  }

  references(kind: string, id: string): readonly Reference[] {
    return this.refs.get(kind)?.get(WorkspaceIndex.keyOf(kind, id)) ?? NONE;
  }

  /** Calls `visit` with the definitions of every identifier of a kind, until it returns false. */
  forEachIdentifier(kind: string, visit: (defs: readonly Definition[]) => boolean | void): void {
    const byKey = this.defs.get(kind);
    if (!byKey) return;
    for (const list of byKey.values()) if (visit(list) === false) return;
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

const NONE: readonly never[] = Object.freeze([]);

function sameIdentifiers(a: readonly { kind: string; id: string }[], b: readonly { kind: string; id: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].kind !== b[i].kind) return false;
  return true;
}

/** Appends an item; true when it is the identifier's first. */
function add<T>(map: Map<string, ByKey<T>>, kind: string, key: string, item: T): boolean {
  let byKey = map.get(kind);
  if (!byKey) map.set(kind, (byKey = new Map()));
  const list = byKey.get(key);
  if (list) {
    list.push(item);
    return false;
  }
  byKey.set(key, [item]);
  return true;
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

/** Puts each new item where the old one at the same position of the entry was. */
function swapItems<T extends { kind: string; id: string }>(map: Map<string, ByKey<T>>, olds: readonly T[], news: readonly T[]): void {
  if (olds.length === 0) return;
  const next = new Map<T, T>();
  for (let i = 0; i < olds.length; i++) next.set(olds[i], news[i]);
  const done = new Set<T[]>();
  for (const item of olds) {
    const list = map.get(item.kind)?.get(WorkspaceIndex.keyOf(item.kind, item.id));
    if (!list || done.has(list)) continue;
    done.add(list);
    for (let i = 0; i < list.length; i++) {
      const replacement = next.get(list[i]);
      if (replacement !== undefined) list[i] = replacement;
    }
  }
}
