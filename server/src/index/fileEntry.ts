/**
 * One file's contribution to the workspace index: what it defines, what it references, its
 * jobs and its syntax errors. Built in one streaming pass over the text, immutable once built,
 * and swapped whole in the index. It keeps no text: positions come from its line table.
 */
import { LineTable } from '../model/lineTable';
import { StartTag, SyntaxError, XmlAttribute, firstAttributeNamed } from '../model/xmlScanner';
import { NestingHandler, XmlElement, XmlTree, bothHandlers, treeBuilder, walkXml } from '../model/xmlTree';
import {
  CONFIGURATION_NAMESPACE,
  ElementSchema,
  OVERRIDE_KEY,
  ROOT_ELEMENT,
  TASK_KIND,
  definitionKind,
  isJobScaffolding,
  referenceAttributes,
  resolveElement,
  resolveUnderUnknownParent,
} from '../schema/schema';
import { EntryStrings } from './interning';

export interface Definition {
  kind: string;
  id: string;
  uri: string;
  /** Element name, e.g. `ExportTask`. */
  element: string;
  /** Offsets of the Identifier value (without quotes). */
  idStart: number;
  idEnd: number;
  /** The element's extent and its name's. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  displayName?: string;
  /** For a task written inside a Job. */
  job?: string;
  /** Deliberate redefinition of a scaffolded element: not a duplicate. */
  consolidation?: boolean;
  /** For a task: everything the rules need to know of it, from any file. */
  task?: TaskRecord;
  /** Attribute values of jobs, connections and connectors (rules compare them across files). */
  attrs?: Readonly<Record<string, string>>;
  /** Set on what a job scaffolding generates: the scaffolding's element name (see index/generatedLayer.ts). */
  generatedBy?: string;
}

/** A task element (named or not), as rules see it from any file. */
export interface TaskRecord {
  element: string;
  id?: string;
  uri: string;
  /** Values of the attributes rules compare across files (KEPT_ATTRIBUTES), by name. */
  attrs: Readonly<Record<string, string>>;
  /** TaskDependsOnTask parents, in order. */
  parents: string[];
  /** Names of the child elements, in order (TaskEntityType, TaskResourceType…). */
  children: string[];
  /** The job it is written in, if any. */
  job?: string;
  /** Offsets of the start tag and its name, to find the element again in the file. */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Where the element ends: after its end tag, or its start tag when it has none. */
  end: number;
  /** Set on a task a job scaffolding generates (its offsets are the scaffolding's). */
  generatedBy?: string;
}

export interface Reference {
  kind: string;
  id: string;
  uri: string;
  element: string;
  attribute: string;
  /** Offsets of the value (without quotes). */
  start: number;
  end: number;
  /**
   * The value's LSP range (lines, UTF-16 columns), set when the entry is built
   * (placeReferences): the references of a shared task lie in a thousand files, and reading
   * their line tables at request time cost more than the rest of the request.
   */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** Identifier of the task holding a TaskDependsOnTask. */
  task?: string;
  /** Identifier of the enclosing job. */
  job?: string;
}

/**
 * What a job runs, in document order: a task written inside it, or a Step naming one (with the
 * Step's own `Level`, as written), or a task override (`<XTaskOverride Identifier="…">`: the
 * named task, run with the attributes the override changes, see the Job page).
 */
export type JobMember =
  | { task: TaskRecord; step?: undefined; level?: undefined; override?: undefined }
  | { task?: undefined; step: string; start: number; end: number; level?: string; override?: Readonly<Record<string, string>> };

/**
 * A job scaffolding (`<CreateConnectorSynchroComplete>`, …): what the product generates from
 * it depends on the rest of the workspace, so the entry keeps the element as written and the
 * index derives the generated job (see jobs/generatedJobs.ts).
 */
export interface ScaffoldingRecord {
  element: string;
  uri: string;
  /** Every attribute of the scaffolding element, as written (there are few). */
  attrs: Readonly<Record<string, string>>;
  /** Its child elements (OpenIdIdentifier, AddTask, NoProvisioning…), in order, with their attributes. */
  children: { name: string; attrs: Readonly<Record<string, string>> }[];
  /** Offsets of the start tag, its name, and the JobIdentifier value (-1 when absent). */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  jobIdStart: number;
  jobIdEnd: number;
}

/** `<EntityTypeMapping Identifier="E" Connector="C">`: entity type E is read from connector C. */
export interface EntityMapping {
  entityType: string;
  connector: string;
}

export interface JobEntry {
  id: string;
  uri: string;
  attrs: Readonly<Record<string, string>>;
  /** Identifiers of the tasks the job runs (inline tasks and Steps), in document order. */
  tasks: string[];
  members: JobMember[];
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Set on a job a scaffolding generates (its offsets are the scaffolding's). */
  generatedBy?: string;
}

/** Each task record of an entry, by its position in `tasks`. */
export function taskIndexOf(entry: FileEntry): Map<TaskRecord, number> {
  return new Map(entry.tasks.map((t, i) => [t, i]));
}

export type FileStatus = 'configuration' | 'other-xml' | 'binary' | 'too-large' | 'unreadable';

export interface FileEntry {
  uri: string;
  status: FileStatus;
  definitions: Definition[];
  references: Reference[];
  jobs: JobEntry[];
  /** Every task element of the file, named or not, in document order. */
  tasks: TaskRecord[];
  /** Job scaffoldings, in document order. */
  scaffoldings: ScaffoldingRecord[];
  mappings: EntityMapping[];
  syntaxErrors: SyntaxError[];
  lines: LineTable;
  /** How the file's bytes were decoded, for files read from disk. */
  encoding?: string;
}

export function emptyEntry(uri: string, status: FileStatus, encoding?: string): FileEntry {
  return { uri, status, definitions: [], references: [], jobs: [], tasks: [], scaffoldings: [], mappings: [], syntaxErrors: [], lines: LineTable.fromText(''), encoding };
}

/** True when the root element is `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">`. */
export function isConfigurationRoot(tag: StartTag): boolean {
  return tag.name === ROOT_ELEMENT && attributeIn(tag, 'xmlns')?.value.trim() === CONFIGURATION_NAMESPACE;
}

interface Frame {
  tag: StartTag;
  schema: ElementSchema | undefined;
  /** The task this element is, or is inside. */
  task: TaskRecord | undefined;
  job: JobEntry | undefined;
  /** The job scaffolding this element is, or is inside. */
  scaffolding: ScaffoldingRecord | undefined;
}

interface Sink {
  uri: string;
  /** Copies strings out of the text for entries that outlive it (see interning.ts). */
  keep: (s: string) => string;
  definitions: Definition[];
  references: Reference[];
  jobs: JobEntry[];
  tasks: TaskRecord[];
  scaffoldings: ScaffoldingRecord[];
  mappings: EntityMapping[];
}

/** Kinds whose attribute values rules compare across files, and job scaffoldings read. */
const KINDS_WITH_ATTRIBUTES = new Set(['Job', 'Connection', 'Connector', 'ResourceType']);

class NotConfiguration extends Error {}

export interface EntryBuilder {
  handler: NestingHandler;
  /** The entry, once the whole text went through `handler`. */
  finish(): FileEntry;
}

/**
 * Builds a file's entry from the nesting events of its text. With `stopEarly`, a file whose
 * root is not a configuration root stops the walk at once (files from disk); without it, the
 * rest of the walk is ignored (open documents, whose element tree is built in the same walk).
 */
export function entryBuilder(uri: string, text: string, encoding: string | undefined, stopEarly: boolean, copyStrings = stopEarly): EntryBuilder {
  // An open document keeps its text anyway: its entry may point into it and skip the copies.
  const strings = copyStrings ? new EntryStrings() : undefined;
  const sink: Sink = { uri, keep: strings?.keep ?? ((x) => x), definitions: [], references: [], jobs: [], tasks: [], scaffoldings: [], mappings: [] };
  const syntaxErrors: SyntaxError[] = [];
  const frames: Frame[] = [];
  // Empty elements (most of them) are not pushed: one frame object serves them all.
  const scratch: Frame = { tag: undefined!, schema: undefined, task: undefined, job: undefined, scaffolding: undefined };
  let root: 'unseen' | 'configuration' | 'other' = 'unseen';
  const handler: NestingHandler = {
    open(tag, parents) {
      if (root === 'unseen') {
        root = isConfigurationRoot(tag) ? 'configuration' : 'other';
        if (root === 'other' && stopEarly) throw new NotConfiguration();
      }
      if (root === 'other') return;
      const outer = frames.length > 0 ? frames[frames.length - 1] : undefined;
      // Under an element the catalog does not know, only elements that stand on their own count.
      const schema = parents.length === 0 ? undefined : parents.length > 1 && !outer?.schema ? resolveUnderUnknownParent(tag.name) : resolveElement(tag.name, outer?.schema);
      const pushed = tag.complete && !tag.selfClosing;
      const frame: Frame = pushed ? { tag, schema, task: outer?.task, job: outer?.job, scaffolding: outer?.scaffolding } : scratch;
      if (!pushed) {
        scratch.tag = tag;
        scratch.schema = schema;
        scratch.task = outer?.task;
        scratch.job = outer?.job;
        scratch.scaffolding = outer?.scaffolding;
      }
      let recorded = false;
      // A direct child of a job scaffolding (OpenIdIdentifier, AddTask…) is recorded on it.
      if (outer?.scaffolding && outer.scaffolding.start === outer.tag.start) {
        outer.scaffolding.children.push({ name: sink.keep(tag.name), attrs: allAttributes(tag, sink.keep) });
        recorded = true;
      }
      // A direct child of a task (TaskEntityType, TaskDependsOnTask…) is recorded on it.
      if (outer?.task && outer.task.start === outer.tag.start) {
        outer.task.children.push(schema?.name === tag.name ? schema.name : sink.keep(tag.name));
        recorded = true;
      }
      const visited = schema !== undefined && contributes(schema);
      if (visited) visit(tag, schema, frame, sink);
      if (pushed) frames.push(frame);
      // An empty element that adds nothing (an entity type's Property): nor will its siblings of
      // the same name, whose schema and frame are the same; the walk may pass over them.
      return !pushed && !recorded && !visited;
    },
    close(tag, end) {
      if (frames.length === 0 || frames[frames.length - 1].tag !== tag) return;
      const frame = frames.pop()!;
      if (frame.task?.start === tag.start) frame.task.end = end;
    },
    error(err) {
      if (root !== 'other') syntaxErrors.push(err);
    },
  };
  return {
    handler,
    finish() {
      if (root !== 'configuration') {
        strings?.drop();
        return emptyEntry(uri, 'other-xml', encoding);
      }
      const { definitions, references, jobs, tasks, scaffoldings, mappings } = sink;
      const lines = LineTable.fromText(text);
      placeReferences(references, lines);
      const entry: FileEntry = { uri, status: 'configuration', definitions, references, jobs, tasks, scaffoldings, mappings, syntaxErrors, lines, encoding };
      strings?.heldBy(entry);
      return entry;
    },
  };
}

/**
 * The entry of an open configuration document from its element tree, as a walk of its text
 * would build it: used after the tree was patched instead of parsed again (model/valueEdit.ts).
 */
export function entryFromTree(uri: string, text: string, tree: XmlTree): FileEntry {
  const builder = entryBuilder(uri, text, undefined, false);
  const { handler } = builder;
  // A configuration file keeps every syntax error, wherever it is.
  for (const err of tree.errors) handler.error(err);
  // Depth first with an explicit stack (elements can nest 100,000 deep): open on the way down,
  // close once every child is done.
  const parents: StartTag[] = [];
  const pending: { el: XmlElement; next: number }[] = [];
  for (const root of tree.roots) {
    handler.open(startTagOf(root), parents);
    pending.push({ el: root, next: 0 });
    parents.push(startTagOf(root));
    while (pending.length > 0) {
      const top = pending[pending.length - 1];
      if (top.next < top.el.children.length) {
        const child = top.el.children[top.next++];
        const tag = startTagOf(child);
        handler.open(tag, parents);
        pending.push({ el: child, next: 0 });
        parents.push(tag);
        continue;
      }
      pending.pop();
      const tag = parents.pop()!;
      handler.close(tag, top.el.end);
    }
  }
  return builder.finish();
}

/** Each element's start tag as the entry builder sees it, kept from one keystroke to the next. */
const startTags = new WeakMap<XmlElement, StartTag>();

function startTagOf(el: XmlElement): StartTag {
  let tag = startTags.get(el);
  if (!tag) {
    tag = { name: el.name, start: 0, nameStart: 0, nameEnd: 0, attributes: el.attributes, end: 0, selfClosing: el.selfClosing, complete: el.startTagComplete };
    startTags.set(el, tag);
  }
  // The element's offsets move when the tree is patched; the rest does not change.
  tag.start = el.start;
  tag.nameStart = el.nameStart;
  tag.nameEnd = el.nameEnd;
  tag.end = el.startTagEnd;
  return tag;
}

/**
 * The entry of a file read from disk. Its strings are copied out of the text (so that the
 * text can be collected), unless `copyStrings` is false: an index worker serializes the entry
 * at once (see entryCodec.ts), which copies them anyway.
 */
export function buildFileEntry(uri: string, text: string, encoding?: string, copyStrings = true): FileEntry {
  const builder = entryBuilder(uri, text, encoding, true, copyStrings);
  try {
    walkXml(text, builder.handler);
  } catch (e) {
    if (e instanceof NotConfiguration) return emptyEntry(uri, 'other-xml', encoding);
    throw e;
  }
  return builder.finish();
}

/**
 * The same and, for a configuration file, its element tree, from one walk of the text (the
 * command line's index workers check the tree too, cli/checkWorker.ts).
 */
export function buildFileEntryAndTree(uri: string, text: string, encoding?: string): { entry: FileEntry; tree?: XmlTree } {
  const builder = entryBuilder(uri, text, encoding, true, false);
  const tree = treeBuilder();
  try {
    // The entry's handler first: a file that is not configuration stops the walk at its root.
    walkXml(text, bothHandlers(builder.handler, tree.handler));
  } catch (e) {
    if (e instanceof NotConfiguration) return { entry: emptyEntry(uri, 'other-xml', encoding) };
    throw e;
  }
  return { entry: builder.finish(), tree: tree.tree };
}

/**
 * Sets the line and column of each reference in one pass: references come in document order,
 * but for the attributes of one element, so the line moves forwards, and back a little.
 */
export function placeReferences(references: readonly Reference[], lines: LineTable): void {
  const starts = lines.lineStarts;
  let line = 0;
  for (const r of references) {
    while (line + 1 < starts.length && starts[line + 1] <= r.start) line++;
    while (line > 0 && starts[line] > r.start) line--;
    r.line = line;
    r.character = r.start - starts[line];
    let endLine = line;
    while (endLine + 1 < starts.length && starts[endLine + 1] <= r.end) endLine++;
    r.endLine = endLine;
    r.endCharacter = r.end - starts[endLine];
  }
}

/**
 * The attributes rules compare across files. Keeping only these keeps entries small and
 * indexing fast (every kept value is copied out of the file text).
 */
const KEPT_ATTRIBUTES = new Map(
  [
    'Agent',
    'CompleteJob',
    'ConsolidationMode',
    'Connector',
    'Connection',
    'ContinueOnError',
    'DeactivationExportFulfill',
    'DisplayName_L1',
    'Dirty',
    'DoNotDeleteChanges',
    'ForceProvisioning',
    'IgnoreCookieFile',
    'IncrementalJob',
    'IsConnectorJob',
    'IsDeactivated',
    'IsIncremental',
    'Level',
    'OpenIdClient',
    'Package',
    'SourceEntityType',
    'SynchronizationMode',
    'TargetEntityType',
    'Type',
  ].map((name) => [name, name]),
);

/**
 * The first attribute of that name, from the tag's whole list: the entry reads most attributes
 * of the elements it looks into, so the list is made once rather than one attribute at a time.
 */
function attributeIn(tag: StartTag, name: string): XmlAttribute | undefined {
  return firstAttributeNamed(tag.attributes, name);
}

/** Every attribute with a value, for the few elements kept whole (scaffoldings and their children). */
function allAttributes(tag: StartTag, keep: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of tag.attributes) if (a.valueStart >= 0 && !(a.name in out)) out[keep(a.name)] = keep(a.value);
  return out;
}

function attributeValues(tag: StartTag, keep: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of tag.attributes) {
    // The catalog's own name strings: no copy needed.
    const name = KEPT_ATTRIBUTES.get(a.name);
    if (name !== undefined && a.valueStart >= 0 && !(name in out)) out[name] = keep(a.value);
  }
  return out;
}

/** Whether visit finds anything in an element of this schema (by schema key). */
const contributing = new Map<string, boolean>();

function contributes(schema: ElementSchema): boolean {
  let yes = contributing.get(schema.key);
  if (yes === undefined) {
    yes = isJobScaffolding(schema.key) || schema.key === 'EntityTypeMapping' || definitionKind(schema) !== undefined || referenceAttributes(schema).size > 0;
    contributing.set(schema.key, yes);
  }
  return yes;
}

/** What an element adds to the entry; nothing unless its schema `contributes`. */
function visit(tag: StartTag, schema: ElementSchema, frame: Frame, sink: Sink): void {
  const { uri } = sink;
  // The schema's name is the same characters, and not a slice of the text.
  const elementName = schema.name === tag.name ? schema.name : sink.keep(tag.name);
  const outerTask = frame.task;
  if (isJobScaffolding(schema.key) && !frame.scaffolding) {
    const jobId = attributeIn(tag, 'JobIdentifier');
    const record: ScaffoldingRecord = {
      element: elementName,
      uri,
      attrs: allAttributes(tag, sink.keep),
      children: [],
      start: tag.start,
      end: tag.end,
      nameStart: tag.nameStart,
      nameEnd: tag.nameEnd,
      jobIdStart: jobId && jobId.valueStart >= 0 ? jobId.valueStart : -1,
      jobIdEnd: jobId && jobId.valueStart >= 0 ? jobId.valueEnd : -1,
    };
    sink.scaffoldings.push(record);
    frame.scaffolding = record;
  }
  if (schema.key === 'EntityTypeMapping') {
    const entityType = attributeIn(tag, 'Identifier')?.value.trim();
    const connector = attributeIn(tag, 'Connector')?.value.trim();
    if (entityType && connector) sink.mappings.push({ entityType: sink.keep(entityType), connector: sink.keep(connector) });
  }
  const kind = definitionKind(schema);
  if (kind) {
    const idAttr = attributeIn(tag, 'Identifier');
    const def: Definition | undefined =
      idAttr && idAttr.valueStart >= 0 && idAttr.value.length > 0
        ? {
            kind,
            id: sink.keep(idAttr.value),
            uri,
            element: elementName,
            idStart: idAttr.valueStart,
            idEnd: idAttr.valueEnd,
            start: tag.start,
            end: tag.end,
            nameStart: tag.nameStart,
            nameEnd: tag.nameEnd,
          }
        : undefined;
    if (def) {
      const display = attributeIn(tag, 'DisplayName_L1');
      if (display && display.value) def.displayName = sink.keep(display.value);
      if (attributeIn(tag, 'ConsolidationMode')) def.consolidation = true;
      if (KINDS_WITH_ATTRIBUTES.has(kind)) def.attrs = attributeValues(tag, sink.keep);
      sink.definitions.push(def);
    }
    if (kind === TASK_KIND) {
      const task: TaskRecord = {
        element: elementName,
        id: def?.id,
        uri,
        attrs: attributeValues(tag, sink.keep),
        parents: [],
        children: [],
        job: frame.job?.id,
        start: tag.start,
        nameStart: tag.nameStart,
        nameEnd: tag.nameEnd,
        // Until its end tag closes it (Frame.close).
        end: tag.end,
      };
      sink.tasks.push(task);
      frame.task = task;
      if (def) {
        def.task = task;
        if (frame.job) def.job = frame.job.id;
      }
      if (frame.job) {
        frame.job.members.push({ task });
        if (def) frame.job.tasks.push(def.id);
      }
    } else if (kind === 'Job') {
      frame.job = def ? { id: def.id, uri, attrs: def.attrs ?? {}, tasks: [], members: [], start: tag.start, nameStart: tag.nameStart, nameEnd: tag.nameEnd } : undefined;
      if (frame.job) sink.jobs.push(frame.job);
    }
  }
  const refs = referenceAttributes(schema);
  if (refs.size === 0) return;
  // The map's keys are the catalog's own strings: references share them instead of copies.
  for (const [attributeName, refKind] of refs) {
    for (const attr of tag.attributes) {
      if (attr.name !== attributeName || attr.valueStart < 0) continue;
      addReference(tag, attr, attributeName, refKind, elementName, frame, outerTask, schema, sink);
    }
  }
}

function addReference(
  tag: StartTag,
  attr: XmlAttribute,
  attributeName: string,
  refKind: string,
  elementName: string,
  frame: Frame,
  outerTask: TaskRecord | undefined,
  schema: ElementSchema,
  sink: Sink,
): void {
  const id = attr.value.trim();
  if (id.length === 0) return;
  // Point at the identifier's own characters; a value with entities keeps its whole span.
  const exact = attr.valueEnd - attr.valueStart === attr.value.length;
  const start = exact ? attr.valueStart + (attr.value.length - attr.value.trimStart().length) : attr.valueStart;
  const ref: Reference = {
    kind: refKind,
    id: sink.keep(id),
    uri: sink.uri,
    element: elementName,
    attribute: attributeName,
    start,
    end: exact ? start + id.length : attr.valueEnd,
    line: 0,
    character: 0,
    endLine: 0,
    endCharacter: 0,
  };
  if (frame.job) ref.job = frame.job.id;
  if (attributeName === 'ParentTask' && outerTask) {
    if (outerTask.id) ref.task = outerTask.id;
    outerTask.parents.push(ref.id);
  }
  if ((schema.key === 'Step' || schema.key === OVERRIDE_KEY) && frame.job && refKind === TASK_KIND) {
    frame.job.tasks.push(ref.id);
    const member: JobMember = { step: ref.id, start: ref.start, end: ref.end };
    const level = attributeIn(tag, 'Level');
    if (level && level.valueStart >= 0) member.level = sink.keep(level.value);
    if (schema.key === OVERRIDE_KEY) member.override = attributeValues(tag, sink.keep);
    frame.job.members.push(member);
  }
  sink.references.push(ref);
}
