/**
 * The project's schema of Identity Manager configuration elements, read from catalog.json
 * (derived from the documentation by scripts/derive-schema.mjs). Lookups are precomputed
 * once: they sit on the indexing hot path.
 */
import catalogJson from './catalog.json';

export interface AttributeSchema {
  type: 'string' | 'boolean' | 'int32' | 'int64' | 'float' | 'datetime' | 'enum' | 'any';
  required?: boolean;
  identifier?: boolean;
  references?: string;
  scope?: string;
  enum?: string[];
  enumType?: string;
  default?: string | number | boolean;
  description?: string;
  multilingual?: boolean;
  inferred?: boolean;
  pattern?: string;
  /** Another name the documentation's examples write (`ContextId` for `Context`). */
  alternativeName?: string;
}

export interface ElementSchema {
  /** Attributes named by a pattern (D0…D127, L0…, P0…): regex → definition. */
  patternAttributes: { pattern: RegExp; schema: AttributeSchema }[];
  /** Catalog key: the element name, or `<Parent>.<Child>` for shared child names. */
  key: string;
  /** The XML element name. */
  name: string;
  kind: string;
  agentOrServer?: string;
  attributes: Record<string, AttributeSchema>;
  children: string[];
  parents?: string[];
  /** `scaffolding` for elements that generate configuration. */
  category?: string;
  docPath?: string;
  description?: string;
}

interface RawElement {
  kind: string;
  category?: string;
  elementName?: string;
  agentOrServer?: string;
  attributes?: Record<string, AttributeSchema>;
  children?: string[];
  parents?: string[];
  docPath?: string;
  description?: string;
  pattern?: string;
  patternAttributes?: Record<string, AttributeSchema>;
}

interface Catalog {
  namespace: string;
  rootElement: string;
  conventions: { caseInsensitiveIdentifiers: string[]; reservedWords: string[] };
  types: Record<string, { values: Record<string, number | null> }>;
  completeSyncOrder: { rankForLinting: Record<string, number> };
  referenceGroups: Record<string, string[]>;
  connectionPackages: { packages: Record<string, ConnectionPackage> };
  elements: Record<string, RawElement>;
}

/** What a connection package can do, from its page under "References: Packages" (null: the page does not say). */
export interface ConnectionPackage {
  displayName: string;
  export: boolean | null;
  fulfill: boolean | null;
  incremental: boolean | null;
}

const catalog = catalogJson as unknown as Catalog;

export const CONFIGURATION_NAMESPACE = catalog.namespace;
export const ROOT_ELEMENT = catalog.rootElement;
export const TASK_KIND = 'Task';
/** The catalog entry of every `<XTaskOverride>` element. */
export const OVERRIDE_KEY = '<TaskElement>Override';
const OVERRIDE_SUFFIX = 'Override';

const elements = new Map<string, ElementSchema>();
const byName = new Map<string, ElementSchema[]>();
for (const [key, raw] of Object.entries(catalog.elements)) {
  const schema: ElementSchema = {
    key,
    name: raw.elementName ?? key,
    kind: raw.kind,
    agentOrServer: raw.agentOrServer,
    attributes: raw.attributes ?? {},
    children: raw.children ?? [],
    parents: raw.parents,
    category: raw.category,
    docPath: raw.docPath,
    description: raw.description,
    patternAttributes: Object.entries(raw.patternAttributes ?? {}).map(([re, a]) => ({ pattern: new RegExp(re), schema: a })),
  };
  elements.set(key, schema);
  if (key === OVERRIDE_KEY) continue;
  const list = byName.get(schema.name) ?? [];
  list.push(schema);
  byName.set(schema.name, list);
}

const taskElements = new Set(catalog.referenceGroups[TASK_KIND] ?? []);

/**
 * Kinds whose identifiers other elements point at, plus jobs (run by name from the command
 * line and the scheduler): the namespaces of the index.
 */
export const REFERENCE_KINDS: readonly string[] = (() => {
  const kinds = new Set<string>(['Job']);
  for (const el of elements.values()) {
    for (const attr of Object.values(el.attributes)) {
      // Scoped references (a property of a given entity type) are not workspace-wide names.
      if (attr.references && !attr.scope && !attr.references.includes('.')) kinds.add(attr.references);
    }
  }
  return [...kinds].sort();
})();
const referenceKinds = new Set(REFERENCE_KINDS);

/** Tasks that run on an agent (and call the server back with an OpenID client). */
const agentTasks = new Set([...elements.values()].filter((e) => e.agentOrServer === 'agent').map((e) => e.name));

export function isAgentTask(name: string): boolean {
  return agentTasks.has(name);
}

/** The documentation's job scaffoldings: each generates one or more jobs (see jobs/scaffoldingTemplates.ts). */
export const JOB_SCAFFOLDINGS: readonly string[] = [
  'CreateConnectorSynchroComplete',
  'CreateConnectorSynchroIncremental',
  'CreateAgentSynchroComplete',
  'CreateAgentSynchroIncremental',
  'CreateInitializationJob',
  'CreateAccessCertificationJob',
  'CreateConnectorsJobs',
  'CleanDatabaseJob',
];
const jobScaffoldings = new Set(JOB_SCAFFOLDINGS);

export function isJobScaffolding(key: string): boolean {
  return jobScaffoldings.has(key);
}

export function isTaskElement(name: string): boolean {
  return taskElements.has(name);
}

export function taskElementNames(): readonly string[] {
  return [...taskElements];
}

export function elementByKey(key: string): ElementSchema | undefined {
  return elements.get(key);
}

export function allElements(): IterableIterator<ElementSchema> {
  return elements.values();
}

/** For `<XTaskOverride>`: the schema of task X. */
export function overriddenTask(schema: ElementSchema, elementName: string): ElementSchema | undefined {
  if (schema.key !== OVERRIDE_KEY || !elementName.endsWith(OVERRIDE_SUFFIX)) return undefined;
  return elements.get(elementName.slice(0, -OVERRIDE_SUFFIX.length));
}

/**
 * The schema of element `name` under a parent element schema, or at the top level (`parent`
 * undefined). Under a parent, a name the catalog knows only as the child of other elements
 * (`Property` of EntityType) is not taken for this parent's child: the element is unknown here.
 */
export function resolveElement(name: string, parent: ElementSchema | undefined): ElementSchema | undefined {
  const candidates = byName.get(name);
  if (candidates) {
    if (!parent) return candidates.length === 1 ? candidates[0] : (candidates.find((c) => !c.parents) ?? candidates[0]);
    return candidates.find((c) => c.parents?.includes(parent.key)) ?? candidates.find((c) => !c.parents);
  }
  if (name.endsWith(OVERRIDE_SUFFIX) && taskElements.has(name.slice(0, -OVERRIDE_SUFFIX.length))) {
    return elements.get(OVERRIDE_KEY);
  }
  return undefined;
}

/**
 * The schema of an element whose parent the catalog does not know (a `LdapResourceTypeMapping`,
 * a `DisplayEntityType`): only elements that stand on their own (a task, a job) are recognised;
 * a child name (`Property`) belongs to the unknown parent, not to another element's schema.
 */
export function resolveUnderUnknownParent(name: string): ElementSchema | undefined {
  return byName.get(name)?.find((c) => !c.parents);
}

/**
 * The child element names the catalog knows for `parent`, when it knows them all: jobs and
 * tasks, whose pages list every child. Other elements' children are only partly described.
 */
export function knownChildNames(parent: ElementSchema): readonly string[] | undefined {
  if (parent.kind !== 'job' && parent.kind !== 'task') return undefined;
  return parent.children.filter((c) => c !== OVERRIDE_KEY).map((key) => elements.get(key)?.name ?? key);
}

/** Whether `name` is the name of an element the catalog knows, anywhere. */
export function isKnownElementName(name: string): boolean {
  return byName.has(name) || (name.endsWith(OVERRIDE_SUFFIX) && taskElements.has(name.slice(0, -OVERRIDE_SUFFIX.length)));
}

/** The identifier namespace an element defines, if any ('Task' for every task type). */
export function definitionKind(el: ElementSchema): string | undefined {
  if (taskElements.has(el.key)) return TASK_KIND;
  const id = el.attributes.Identifier;
  if (!id || !id.identifier || id.references) return undefined;
  return referenceKinds.has(el.key) ? el.key : undefined;
}

/** Attribute name → referenced kind, for the references of the workspace index. */
const referenceAttributeCache = new Map<string, ReadonlyMap<string, string>>();
export function referenceAttributes(el: ElementSchema): ReadonlyMap<string, string> {
  let map = referenceAttributeCache.get(el.key);
  if (!map) {
    const m = new Map<string, string>();
    for (const [name, attr] of Object.entries(el.attributes)) {
      if (attr.references && referenceKinds.has(attr.references) && !attr.scope) m.set(name, attr.references);
    }
    map = m;
    referenceAttributeCache.set(el.key, map);
  }
  return map;
}

/** Identifiers of these kinds are compared without case (Connection, per the docs). */
const caseInsensitiveKinds = new Set(catalog.conventions.caseInsensitiveIdentifiers);

/** Words the product reserves, which no identifier may be. */
export function reservedWords(): readonly string[] {
  return catalog.conventions.reservedWords;
}
export function isCaseInsensitiveKind(kind: string): boolean {
  return caseInsensitiveKinds.has(kind);
}

/**
 * `ConsolidationMode` adjusts an element the configuration or a scaffolding already defines
 * ("Adjust scaffoldings" page): the docs write it on jobs, tasks, resource types, display
 * tables, access control rules… so it is known on every element.
 */
const CONSOLIDATION_MODE: AttributeSchema = { type: 'enum', enumType: 'ConsolidationMode' };
export const CONSOLIDATION_MODE_ATTRIBUTE = 'ConsolidationMode';

/** Attributes the documentation writes under another name than its table's (`ContextId` for `Context`). */
const alternativeNames = new Map<string, Map<string, AttributeSchema>>();
for (const el of elements.values()) {
  for (const attr of Object.values(el.attributes)) {
    if (!attr.alternativeName) continue;
    const names = alternativeNames.get(el.key) ?? new Map<string, AttributeSchema>();
    names.set(attr.alternativeName, attr);
    alternativeNames.set(el.key, names);
  }
}

/**
 * Answers of attributeSchema by element and attribute name: three element rules ask for every
 * attribute of every element (2.5 million on 100 MB), and a name the element does not list
 * directly goes through its patterns. Bounded per element: a file may invent any number of names.
 */
const attributeAnswers = new WeakMap<ElementSchema, Map<string, AttributeSchema | null>>();
const REMEMBERED_ATTRIBUTES = 256;

/** The schema of an attribute of an element, by name, by another name the docs use, or by pattern. */
export function attributeSchema(el: ElementSchema, name: string): AttributeSchema | undefined {
  let answers = attributeAnswers.get(el);
  if (!answers) attributeAnswers.set(el, (answers = new Map<string, AttributeSchema | null>()));
  const known = answers.get(name);
  if (known !== undefined) return known ?? undefined;
  const found = findAttributeSchema(el, name);
  if (answers.size < REMEMBERED_ATTRIBUTES) answers.set(name, found ?? null);
  return found;
}

function findAttributeSchema(el: ElementSchema, name: string): AttributeSchema | undefined {
  const direct = el.attributes[name] ?? alternativeNames.get(el.key)?.get(name);
  if (direct) return direct;
  for (const p of el.patternAttributes) if (p.pattern.test(name)) return p.schema;
  return name === CONSOLIDATION_MODE_ATTRIBUTE ? CONSOLIDATION_MODE : undefined;
}

const enumAnswers = new WeakMap<AttributeSchema, { names: string[]; numbers: number[] }>();

/** Names (and numbers, where the docs give them) an enum attribute accepts (the lists are shared: do not change them). */
export function enumValues(attr: AttributeSchema): { names: string[]; numbers: number[] } {
  let values = enumAnswers.get(attr);
  if (!values) {
    const type = attr.enumType ? catalog.types[attr.enumType] : undefined;
    const names = type ? Object.keys(type.values) : (attr.enum ?? []);
    const numbers = type ? Object.values(type.values).filter((n): n is number => typeof n === 'number') : [];
    enumAnswers.set(attr, (values = { names, numbers }));
  }
  return values;
}

/**
 * Answers remembered by attribute name: the rules ask for every attribute of every element, a
 * map lookup of a name the scanner hands out again costs a third of the pattern's test. Bounded:
 * a file may invent any number of names.
 */
const languageIndexes = new Map<string, number | null>();
const REMEMBERED_NAMES = 1024;

/** `DisplayName_L3` → 3; undefined for attributes that are not multilingual. */
export function multilingualIndex(name: string): number | undefined {
  const known = languageIndexes.get(name);
  if (known !== undefined) return known ?? undefined;
  const m = /^(DisplayName|Description|PluralDisplayName)_L(\d+)$/.exec(name);
  const index = m ? Number(m[2]) : undefined;
  if (languageIndexes.size < REMEMBERED_NAMES) languageIndexes.set(name, index ?? null);
  return index;
}

/** Canonical rank of a task type in a complete-sync job (catalog completeSyncOrder.rankForLinting). */
export function completeSyncRank(element: string): number | undefined {
  return catalog.completeSyncOrder.rankForLinting[element];
}

interface TreeElement {
  name: string;
  parent: TreeElement | undefined;
}

/**
 * The schema of an element from its place in the tree (the root itself has none), resolved from
 * the outermost ancestor down, in a loop (a document can nest elements 100,000 deep). Under a
 * parent the catalog does not know, only an element that stands on its own (a task, a job) is
 * recognised, as the index does. Features ask for one element at a time; the rules get every
 * element's schema in one pass over the tree (rules/ruleContext.ts).
 */
export function schemaOfElement(el: TreeElement): ElementSchema | undefined {
  const path: TreeElement[] = [];
  for (let e: TreeElement | undefined = el; e?.parent; e = e.parent) path.push(e);
  let schema: ElementSchema | undefined;
  for (let i = path.length - 1; i >= 0; i--) {
    const topLevel = !path[i].parent?.parent;
    schema = topLevel || schema ? resolveElement(path[i].name, schema) : resolveUnderUnknownParent(path[i].name);
  }
  return schema;
}

/** The package of `Connection@Package` (`Usercube.AD@0000001`), if the documentation lists it. */
export function connectionPackage(id: string): ConnectionPackage | undefined {
  return Object.prototype.hasOwnProperty.call(catalog.connectionPackages.packages, id) ? catalog.connectionPackages.packages[id] : undefined;
}

/** The package of Active Directory connections. */
export const ACTIVE_DIRECTORY_PACKAGE = 'Usercube.AD@0000001';
