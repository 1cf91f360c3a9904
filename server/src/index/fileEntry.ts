/**
 * One file's contribution to the workspace index: what it defines, what it references, its
 * jobs and its syntax errors. Built in one streaming pass over the text, immutable once built,
 * and swapped whole in the index. It keeps no text: positions come from its line table.
 */
import { LineTable } from '../model/lineTable';
import { StartTag, SyntaxError, XmlAttribute } from '../model/xmlScanner';
import { walkXml } from '../model/xmlTree';
import {
  CONFIGURATION_NAMESPACE,
  ElementSchema,
  ROOT_ELEMENT,
  TASK_KIND,
  definitionKind,
  referenceAttributes,
  resolveElement,
} from '../schema/schema';
import { detach } from './interning';

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
  /** For a task: its TaskDependsOnTask parents, in order. */
  parents?: string[];
  /** Deliberate redefinition of a scaffolded element: not a duplicate. */
  consolidation?: boolean;
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
  /** Identifier of the task holding a TaskDependsOnTask. */
  task?: string;
  /** Identifier of the enclosing job. */
  job?: string;
}

export interface JobEntry {
  id: string;
  /** Identifiers of the tasks the job runs (inline tasks and Steps), in document order. */
  tasks: string[];
}

export type FileStatus = 'configuration' | 'other-xml' | 'binary' | 'too-large' | 'unreadable';

export interface FileEntry {
  uri: string;
  status: FileStatus;
  definitions: Definition[];
  references: Reference[];
  jobs: JobEntry[];
  syntaxErrors: SyntaxError[];
  lines: LineTable;
  /** How the file's bytes were decoded, for files read from disk. */
  encoding?: string;
}

export function emptyEntry(uri: string, status: FileStatus, encoding?: string): FileEntry {
  return { uri, status, definitions: [], references: [], jobs: [], syntaxErrors: [], lines: LineTable.fromText(''), encoding };
}

/** True when the root element is `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">`. */
export function isConfigurationRoot(tag: StartTag): boolean {
  if (tag.name !== ROOT_ELEMENT) return false;
  for (const a of tag.attributes) if (a.name === 'xmlns') return a.value.trim() === CONFIGURATION_NAMESPACE;
  return false;
}

interface Frame {
  tag: StartTag;
  schema: ElementSchema | undefined;
  /** The task definition this element is, or is inside. */
  task: Definition | undefined;
  job: JobEntry | undefined;
}

class NotConfiguration extends Error {}

export function buildFileEntry(uri: string, text: string, encoding?: string): FileEntry {
  const definitions: Definition[] = [];
  const references: Reference[] = [];
  const jobs: JobEntry[] = [];
  const syntaxErrors: SyntaxError[] = [];
  const frames: Frame[] = [];
  let depth0Seen = false;

  try {
    walkXml(text, {
      open(tag, parents) {
        if (!depth0Seen) {
          depth0Seen = true;
          if (!isConfigurationRoot(tag)) throw new NotConfiguration();
        }
        const outer = frames.length > 0 ? frames[frames.length - 1] : undefined;
        const schema = parents.length === 0 ? undefined : resolveElement(tag.name, outer?.schema);
        const frame: Frame = { tag, schema, task: outer?.task, job: outer?.job };
        if (schema) visit(uri, tag, schema, frame, definitions, references, jobs);
        if (tag.complete && !tag.selfClosing) frames.push(frame);
      },
      close(tag) {
        if (frames.length > 0 && frames[frames.length - 1].tag === tag) frames.pop();
      },
      error(err) {
        syntaxErrors.push(err);
      },
    });
  } catch (e) {
    if (e instanceof NotConfiguration) return emptyEntry(uri, 'other-xml', encoding);
    throw e;
  }
  if (!depth0Seen) return emptyEntry(uri, 'other-xml', encoding);
  return { uri, status: 'configuration', definitions, references, jobs, syntaxErrors, lines: LineTable.fromText(text), encoding };
}

function visit(
  uri: string,
  tag: StartTag,
  schema: ElementSchema,
  frame: Frame,
  definitions: Definition[],
  references: Reference[],
  jobs: JobEntry[],
): void {
  const kind = definitionKind(schema);
  if (kind) {
    const idAttr = find(tag.attributes, 'Identifier');
    const def: Definition | undefined =
      idAttr && idAttr.valueStart >= 0 && idAttr.value.length > 0
        ? {
            kind,
            id: detach(idAttr.value),
            uri,
            element: detach(tag.name),
            idStart: idAttr.valueStart,
            idEnd: idAttr.valueEnd,
            start: tag.start,
            end: tag.end,
            nameStart: tag.nameStart,
            nameEnd: tag.nameEnd,
          }
        : undefined;
    if (def) {
      const display = find(tag.attributes, 'DisplayName_L1');
      if (display && display.value) def.displayName = detach(display.value);
      if (find(tag.attributes, 'ConsolidationMode')) def.consolidation = true;
      definitions.push(def);
    }
    if (kind === TASK_KIND) {
      frame.task = def;
      if (def && frame.job) {
        def.job = frame.job.id;
        frame.job.tasks.push(def.id);
      }
    } else if (kind === 'Job') {
      frame.job = def ? { id: def.id, tasks: [] } : undefined;
      if (frame.job) jobs.push(frame.job);
    }
  }
  const refs = referenceAttributes(schema);
  if (refs.size === 0) return;
  for (const attr of tag.attributes) {
    const refKind = refs.get(attr.name);
    if (!refKind || attr.valueStart < 0) continue;
    const id = attr.value.trim();
    if (id.length === 0) continue;
    // Point at the identifier's own characters; a value with entities keeps its whole span.
    const exact = attr.valueEnd - attr.valueStart === attr.value.length;
    const start = exact ? attr.valueStart + (attr.value.length - attr.value.trimStart().length) : attr.valueStart;
    const ref: Reference = {
      kind: refKind,
      id: detach(id),
      uri,
      element: detach(tag.name),
      attribute: detach(attr.name),
      start,
      end: exact ? start + id.length : attr.valueEnd,
    };
    if (frame.job) ref.job = frame.job.id;
    if (attr.name === 'ParentTask' && frame.task) {
      ref.task = frame.task.id;
      (frame.task.parents ??= []).push(ref.id);
    }
    if (schema.key === 'Step' && frame.job && refKind === TASK_KIND) frame.job.tasks.push(ref.id);
    references.push(ref);
  }
}

function find(attrs: XmlAttribute[], name: string): XmlAttribute | undefined {
  for (const a of attrs) if (a.name === name) return a;
  return undefined;
}
