/**
 * What a rule sees of one file: its index entry, the workspace index, and (when the text is
 * at hand: open documents, the command line) its element tree, built once and only if asked.
 */
import { FileEntry, TaskRecord } from '../index/fileEntry';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { XmlElement, XmlTree, buildXmlTree, subtreeAt } from '../model/xmlTree';
import { SyntaxError, scanStartTagAt } from '../model/xmlScanner';
import { firstWellFormednessError } from '../model/wellFormedness';
import { JobView, jobViewsOfFile } from './jobModel';
import { ElementSchema, resolveElement } from '../schema/schema';
import type { LocalFinding } from './validation';

/** The strict parser's first error (null: none), once known. */
export interface StrictVerdict {
  error?: SyntaxError | null;
}

/**
 * What rules derive from a tree's structure; a patched tree (model/valueEdit.ts) keeps it.
 * Every element but the root, in document order, with its catalog entry and its parent's at
 * the same index (three lists rather than a tuple per element: no allocation per element).
 */
export interface ElementSchemas {
  elements: XmlElement[];
  schemas: (ElementSchema | undefined)[];
  parentSchemas: (ElementSchema | undefined)[];
}

const treeFacts = new WeakMap<XmlTree, ElementSchemas>();

/** `remember`: keep them with the tree for the next check of the same tree (not for a tree built for one check). */
export function elementSchemasOf(tree: XmlTree | undefined, remember = true): ElementSchemas {
  const known = tree && treeFacts.get(tree);
  if (known) return known;
  const facts: ElementSchemas = { elements: [], schemas: [], parentSchemas: [] };
  const root = tree?.roots[0];
  // Depth first with an explicit stack, each element with its parent's schema beside it (null: the
  // parent is the root). A child of the root stands at the top level; a child of an element the
  // catalog does not know belongs to that element, and is not checked against another one's schema.
  const stack = root ? [...root.children].reverse() : [];
  const parents: (ElementSchema | undefined | null)[] = stack.map(() => null);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const parent = parents.pop();
    const schema = parent === null ? resolveElement(el.name, undefined) : parent && resolveElement(el.name, parent);
    facts.elements.push(el);
    facts.schemas.push(schema);
    facts.parentSchemas.push(parent ?? undefined);
    for (let i = el.children.length - 1; i >= 0; i--) {
      stack.push(el.children[i]);
      parents.push(schema);
    }
  }
  if (tree && remember) treeFacts.set(tree, facts);
  return facts;
}

/** What rules read of a task's element when they need only its start tag: its name and attributes, with their offsets. */
export type TaskTag = Pick<XmlElement, 'name' | 'start' | 'nameStart' | 'nameEnd' | 'attributes'>;

/** A task's element and its descendants, as rules that read its children see it (RuleContext.subtreeOf). */
export type TaskElement = Omit<XmlElement, 'parent'>;

/** Trees built for checks since the last call (tests see which files a check parsed again: a count). */
let treesBuilt = 0;

export function takeTreesBuilt(): number {
  const n = treesBuilt;
  treesBuilt = 0;
  return n;
}

/** The value kept for `key`, made by `make` the first time (an undefined answer is kept too). */
function once<T>(kept: Map<number, T | undefined>, key: number, make: () => T | undefined): T | undefined {
  if (kept.has(key)) return kept.get(key);
  const made = make();
  kept.set(key, made);
  return made;
}

export class RuleContext {
  private treeCache: XmlTree | undefined;
  private jobCache: JobView[] | undefined;
  /** Start tags and subtrees of tasks read from the text alone, by offset (see startTagOf); made when first needed. */
  private tagsAlone: Map<number, TaskTag | undefined> | undefined;
  private subtreesAlone: Map<number, TaskElement | undefined> | undefined;
  /** Whether the tree was given (an open document's, which lives on) rather than built for this check. */
  readonly treeOutlivesCheck: boolean;

  constructor(
    readonly entry: FileEntry,
    readonly index: WorkspaceIndex,
    readonly text: string | undefined,
    tree?: XmlTree,
    /** Run the strict XML parser too (off on the keystroke path of the editor, see protocol/diagnosticsScheduler.ts). */
    readonly strictXml = true,
    /** Where the strict parser's verdict on this text is kept (an open document keeps one per version). */
    private readonly strictVerdict: StrictVerdict = {},
    /** What the rules that read the file alone found in this text, when already known (the command line's index workers find it). */
    readonly localFindings?: readonly LocalFinding[],
  ) {
    this.treeCache = tree;
    this.treeOutlivesCheck = tree !== undefined;
  }

  /** The strict parser's first error in the text, parsed once per text. */
  strictError(): SyntaxError | undefined {
    if (this.strictVerdict.error === undefined) this.strictVerdict.error = (this.text !== undefined && firstWellFormednessError(this.text)) || null;
    return this.strictVerdict.error ?? undefined;
  }

  /** The element tree, when the file's text is available. */
  get tree(): XmlTree | undefined {
    if (!this.treeCache && this.text !== undefined) {
      this.treeCache = buildXmlTree(this.text);
      treesBuilt++;
    }
    return this.treeCache;
  }

  /** Every element of the file, in document order (the root excluded). */
  elements(): readonly XmlElement[] {
    return elementSchemasOf(this.tree).elements;
  }

  /** The same, each with its catalog entry and its parent's, where the catalog knows them. */
  elementSchemas(): Readonly<ElementSchemas> {
    return elementSchemasOf(this.tree);
  }

  /** The element of this file whose start tag begins at `offset` (elements are in document order). */
  elementStartingAt(offset: number): XmlElement | undefined {
    const list = this.elements();
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = list[mid].start;
      if (start === offset) return list[mid];
      if (start < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The element a task record of this file was read from. */
  elementOf(task: TaskRecord): XmlElement | undefined {
    // A generated task's offsets are its scaffolding's: it has no element of its own.
    return task.uri === this.entry.uri && !task.generatedBy ? this.elementStartingAt(task.start) : undefined;
  }

  /**
   * The start tag a task record was read from: its element's when the tree is built, else the
   * tag scanned alone from the text (a check that needs a few tasks' attributes does not parse
   * the whole file for them).
   */
  startTagOf(task: TaskRecord): TaskTag | undefined {
    if (!this.readsAlone(task)) return this.elementOf(task);
    // Scanned once per check: a task's rules ask for it one after the other, and each reads its attributes.
    return once((this.tagsAlone ??= new Map<number, TaskTag | undefined>()), task.start, () => scanStartTagAt(this.text!, task.start));
  }

  /**
   * A task's element with its descendants: the tree's when it is built, else scanned alone from
   * its start tag to its end tag, which gives the same element in a file without structural
   * fault (its parent is then not known: callers do not get it). Otherwise the tree is built.
   */
  subtreeOf(task: TaskRecord): TaskElement | undefined {
    if (!this.readsAlone(task) || this.entry.syntaxErrors.length > 0) return this.elementOf(task);
    return once((this.subtreesAlone ??= new Map<number, TaskElement | undefined>()), task.start, () => subtreeAt(this.text!, task.start)) ?? this.elementOf(task);
  }

  /** Whether a task of this file is read from the text alone: no tree is built yet, and the task has an element here. */
  private readsAlone(task: TaskRecord): boolean {
    return !this.treeCache && this.text !== undefined && task.uri === this.entry.uri && !task.generatedBy;
  }

  /** Jobs that run a task of this file, wherever the job is written (Steps reach across files). */
  jobs(): JobView[] {
    this.jobCache ??= jobViewsOfFile(this.entry, this.index);
    return this.jobCache;
  }
}
