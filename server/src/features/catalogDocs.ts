/**
 * What the catalog says about an element or an attribute, shaped for completion items and
 * hovers: the attributes an element accepts (an override takes its task's), a short type
 * label, and short Markdown documentation.
 */
import { AttributeSchema, ElementSchema, ROOT_ELEMENT, allElements, elementByKey, overriddenTask } from '../schema/schema';
import { COMPLETE_JOB_ADVICE, ELEMENT_SUMMARY, sideOf } from './catalogDescriptions';

/** Elements written directly under <ConfigurationFile>: tasks, jobs, referenced elements, scaffoldings. */
const TOP_LEVEL = [...allElements()].filter((e) => e.key !== ROOT_ELEMENT && e.kind !== 'child' && !e.parents).map((e) => e.key);

export function topLevelElementKeys(): string[] {
  return TOP_LEVEL;
}

export interface NamedAttribute {
  name: string;
  schema: AttributeSchema;
}

/**
 * The attributes an element accepts, in catalog order. An override accepts its task's
 * attributes, all optional, and requires the Identifier of the task it overrides.
 */
const attributeCache = new Map<string, NamedAttribute[]>();
export function attributesOf(schema: ElementSchema, elementName: string): NamedAttribute[] {
  const key = `${schema.key} ${elementName}`;
  let list = attributeCache.get(key);
  if (!list) attributeCache.set(key, (list = computeAttributes(schema, elementName)));
  return list;
}

function computeAttributes(schema: ElementSchema, elementName: string): NamedAttribute[] {
  const task = overriddenTask(schema, elementName);
  const out: NamedAttribute[] = [];
  if (task) {
    const id = schema.attributes.Identifier;
    if (id) out.push({ name: 'Identifier', schema: id });
    for (const [name, a] of Object.entries(task.attributes)) {
      if (name !== 'Identifier') out.push({ name, schema: { ...a, required: false } });
    }
    return out;
  }
  for (const [name, a] of Object.entries(schema.attributes)) if (name !== '*') out.push({ name, schema: a });
  return out;
}

export function attributeOf(schema: ElementSchema, elementName: string, attribute: string): AttributeSchema | undefined {
  const direct = attributesOf(schema, elementName).find((a) => a.name === attribute)?.schema;
  if (direct) return direct;
  // DisplayName_L2.._L16 are described by their _L1 entry.
  const m = /^(.+)_L([1-9]|1[0-6])$/.exec(attribute);
  if (m) {
    const l1 = attributesOf(schema, elementName).find((a) => a.name === `${m[1]}_L1`)?.schema;
    if (l1?.multilingual) return { ...l1, required: false };
  }
  return undefined;
}

/** A value completion applies: references (identifiers), enums and booleans. */
export function hasValueChoices(a: AttributeSchema): boolean {
  return !!a.references || a.type === 'enum' || a.type === 'boolean';
}

export function typeLabel(a: AttributeSchema): string {
  if (a.references) return `→ ${a.references}`;
  if (a.type === 'enum') return a.enumType ? `enum ${a.enumType}` : 'enum';
  return a.type;
}

function code(v: string | number | boolean): string {
  return `\`${String(v)}\``;
}

/** Hover / completion documentation of one attribute: type, default, allowed values. */
export function attributeMarkdown(name: string, a: AttributeSchema): string {
  const head = [`**${name}**`, a.references ? `reference to a ${a.references}` : typeLabel(a)];
  if (a.required) head.push('required');
  const lines = [head.join(' · ')];
  if (a.description) lines.push('', a.description);
  const facts: string[] = [];
  if (a.type === 'enum' && a.enum?.length) facts.push(`Values: ${a.enum.map(code).join(', ')}`);
  if (a.type === 'boolean') facts.push('Values: `true`, `false` (or `1`, `0`)');
  if (a.default !== undefined) facts.push(`Default: ${code(a.default)}`);
  if (a.pattern) facts.push(`Pattern: ${code(a.pattern)}`);
  if (facts.length) lines.push('', facts.join(' · '));
  return lines.join('\n');
}

/** What kind of element it is, in words: 'agent task', 'child element', 'scaffolding'. */
function elementRole(schema: ElementSchema): string {
  if (schema.kind === 'task') return schema.agentOrServer === 'agent' ? 'agent task' : schema.agentOrServer === 'server' ? 'server task' : 'task';
  if (schema.kind === 'job') return 'job';
  if (schema.kind === 'child') return 'child element';
  return schema.category === 'scaffolding' ? 'scaffolding' : 'configuration element';
}

/** The one-line description of an element, for completion items. */
export function elementSummary(schema: ElementSchema): string {
  return ELEMENT_SUMMARY[schema.key] ?? elementRole(schema);
}

const markdownCache = new Map<string, string>();
/** Hover documentation of an element: what it does, where it runs, its attributes, the Set up Complete Synchronization guide's advice. */
export function elementMarkdown(schema: ElementSchema, elementName: string): string {
  const key = `${schema.key} ${elementName}`;
  let text = markdownCache.get(key);
  if (text === undefined) markdownCache.set(key, (text = computeElementMarkdown(schema, elementName)));
  return text;
}

function computeElementMarkdown(schema: ElementSchema, elementName: string): string {
  const task = overriddenTask(schema, elementName);
  const side = sideOf(schema.agentOrServer);
  const lines = [`**${elementName}** · ${elementRole(schema)}${side ? `, ${side}` : ''}`];
  const summary = ELEMENT_SUMMARY[schema.key];
  if (summary) lines.push('', task ? `${summary.replace(/\.$/, '')} (${task.name}).` : summary);
  const attrs = attributesOf(schema, elementName);
  if (attrs.length) {
    const required = attrs.filter((a) => a.schema.required);
    const optional = attrs.filter((a) => !a.schema.required);
    const names = [...required.map((a) => `\`${a.name}\`\\*`), ...optional.map((a) => `\`${a.name}\``)];
    lines.push('', `Attributes: ${names.join(', ')}${required.length ? ' (\\* required)' : ''}`);
  }
  const children = schema.children.filter((c) => c !== '*').map((c) => elementByKey(c)?.name ?? c);
  if (children.length && schema.kind !== 'job') lines.push('', `Children: ${children.map(code).join(', ')}`);
  if (schema.kind === 'job') lines.push('', 'Children: task elements, `Step`, `<Task>Override`');
  const advice = COMPLETE_JOB_ADVICE[schema.key];
  if (advice) lines.push('', `**Complete job:** ${advice}`);
  return lines.join('\n');
}
