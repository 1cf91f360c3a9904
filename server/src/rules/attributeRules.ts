/**
 * Attributes checked against the catalog: required, unknown, enum and boolean values,
 * repeated attributes, language indexes.
 */
import { XmlElement, attribute } from '../model/xmlTree';
import type { XmlAttribute } from '../model/xmlScanner';
import { CONSOLIDATION_MODE_ATTRIBUTE, ElementSchema, attributeSchema, enumValues, isAgentTask, multilingualIndex } from '../schema/schema';
import { Rule, StartTagView, elementRule } from './rule';
import { attributeSpan, nameSpan, valueSpan } from './ranges';
import { BOOLEAN_VALUES } from './values';
import { isMisspeltCronTab } from './jobRules';

/** Attributes other rules report more precisely than "unknown". */
const HANDLED_ELSEWHERE: Record<string, (name: string) => boolean> = {
  Job: isMisspeltCronTab,
  TaskEntityType: (n) => n === 'Identifier',
};

function isNamespaceAttribute(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xsi:');
}

const requiredCache = new Map<string, string[]>();
function requiredAttributes(schema: ElementSchema): string[] {
  let names = requiredCache.get(schema.key);
  if (!names) {
    names = Object.entries(schema.attributes)
      .filter(([n, a]) => a.required && !isNamespaceAttribute(n))
      .map(([n]) => n);
    requiredCache.set(schema.key, names);
  }
  return names;
}

/** Whether the element gives attribute `name`, under its name or the other name the docs write. */
function gives(el: StartTagView, schema: ElementSchema, name: string): boolean {
  const other = schema.attributes[name]?.alternativeName;
  return el.attributes.some((a) => a.name === name || (other !== undefined && a.name === other));
}

/** Required attributes that the element may leave out where it stands, with why. */
function exempt(el: StartTagView, schema: ElementSchema, name: string): boolean {
  // agenttask/agent-openidclient-required says it better.
  if (isAgentTask(el.name) && (name === 'Agent' || name === 'OpenIdClient')) return true;
  // taskentitytype/attribute-name says it better.
  if (schema.key === 'TaskEntityType' && name === 'EntityType' && attribute(el, 'Identifier')) return true;
  // The Job page and the Set up Complete Synchronization guide (step 3) leave it out on a Changes prepare task.
  if (schema.key === 'PrepareSynchronizationTask' && name === 'SynchronizationMode' && attribute(el, 'Type')?.value.trim() === 'Changes') return true;
  // A rule of a resource type that names its policy: every example of the ResourceType page leaves it out.
  if (name === 'Policy' && schema.parents?.includes('ResourceType') && el.parent && attribute(el.parent, 'Policy')) return true;
  return false;
}

/** `ConsolidationMode` adjusts an element defined elsewhere (by hand or by a scaffolding): it holds only what changes. */
export function isConsolidation(el: Pick<XmlElement, 'attributes'>): boolean {
  return attribute(el, CONSOLIDATION_MODE_ATTRIBUTE) !== undefined;
}

export const attributeRequired: Rule = elementRule({
  id: 'attribute/required',
  severity: 'error',
  source:
    'the attribute tables of the element pages; the Job page and the Set up Complete Synchronization guide, step 3 (Type="Changes"); the ResourceType page (rules); the Adjust Scaffoldings page (ConsolidationMode)',
  explanation:
    'An attribute the documentation marks as required is missing (for example `DisplayName_L1` on every task and job, ' +
    '`Connector` on a SynchronizeTask, `SynchronizationMode` on a PrepareSynchronizationTask). The deployment rejects the element. ' +
    'Every missing attribute of an element is named in one finding. Not reported: on an element with `ConsolidationMode` ' +
    '(it adjusts an element defined elsewhere and holds only what changes); `SynchronizationMode` on a prepare task with ' +
    '`Type="Changes"`; `Policy` on the rules of a resource type that names its policy.',
  skipsGenerated: true,
  checkElement(el, schema, report) {
    if (!schema) return;
    // A start tag still being typed is reported once, as a syntax error.
    if (!el.startTagComplete || isConsolidation(el)) return;
    // Most elements give every required attribute: no list is made for them.
    let missing: string[] | undefined;
    for (const name of requiredAttributes(schema)) if (!gives(el, schema, name) && !exempt(el, schema, name)) (missing ??= []).push(name);
    if (!missing) return;
    const list = missing.map((m) => `'${m}'`);
    const names = list.length === 1 ? `the attribute ${list[0]}` : `the attributes ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    report({ ...nameSpan(el), message: `${el.name} requires ${names}.` });
  },
});

export const attributeUnknown: Rule = elementRule({
  id: 'attribute/unknown',
  severity: 'warning',
  source: 'the attribute tables of the element pages',
  explanation:
    'The attribute is not documented for this element: usually a typing mistake (`Conector`, `Displayname_L1`) that the ' +
    'server ignores or rejects. Elements with a `<Task>Override` form accept any attribute of the task they override; ' +
    '`ConsolidationMode` is known on every element; the children of elements this extension does not know are not checked.',
  checkElement(el, schema, report) {
    if (!schema || schema.attributes['*']) return;
    const skip = HANDLED_ELSEWHERE[el.name];
    for (const a of el.attributes) {
      if (attributeSchema(schema, a.name) || isNamespaceAttribute(a.name) || multilingualIndex(a.name) !== undefined) continue;
      if (skip?.(a.name)) continue;
      report({ ...attributeSpan(a), message: `Unknown attribute '${a.name}' on ${el.name}.` });
    }
  },
});

export const attributeEnum: Rule = elementRule({
  id: 'attribute/enum',
  severity: 'error',
  source: 'the attribute tables of the element pages (enumerations)',
  explanation:
    'An enumeration attribute holds a value the documentation does not list (for example `SynchronizationMode="Full"`). ' +
    'Values are written by name (`Complete`); documented numbers are accepted too.',
  checkElement(el, schema, report) {
    if (!schema) return;
    for (const a of el.attributes) {
      const attr = attributeSchema(schema, a.name);
      if (attr?.type !== 'enum' || a.valueStart < 0) continue;
      const { names, numbers } = enumValues(attr);
      const v = a.value.trim();
      if (names.includes(v) || (/^-?\d+$/.test(v) && numbers.includes(Number(v)))) continue;
      const close = names.find((n) => n.toLowerCase() === v.toLowerCase());
      report({
        ...valueSpan(a),
        message: close
          ? `'${v}' is not a value of ${a.name}: write '${close}' (values are case-sensitive).`
          : `'${v}' is not a value of ${a.name}; expected one of ${names.join(', ')}.`,
      });
    }
  },
});

export const attributeBoolean: Rule = elementRule({
  id: 'attribute/boolean',
  severity: 'error',
  source: 'the attribute tables of the element pages; their examples write true/false and 1/0',
  explanation: 'A boolean attribute must be `true`, `false`, `1` or `0`.',
  checkElement(el, schema, report) {
    if (!schema) return;
    for (const a of el.attributes) {
      if (attributeSchema(schema, a.name)?.type !== 'boolean' || a.valueStart < 0) continue;
      if (BOOLEAN_VALUES.includes(a.value.trim().toLowerCase())) continue;
      report({ ...valueSpan(a), message: `${a.name} is a boolean: write true or false, not '${a.value}'.` });
    }
  },
});

export const duplicateAttribute: Rule = elementRule({
  id: 'xml/duplicate-attribute',
  severity: 'error',
  source: 'XML 1.0 (well-formedness); the Job Fast page, whose example repeats Identifier',
  explanation: 'The same attribute is written twice on one element. XML forbids it and the file cannot be deployed.',
  checkElement(el, _schema, report) {
    const attributes = el.attributes;
    const repeated = (a: XmlAttribute) => report({ ...attributeSpan(a), message: `The attribute '${a.name}' is already set on this ${el.name}.` });
    // Most elements have a few attributes: comparing them pairwise allocates nothing (a set per element did).
    if (attributes.length <= 16) {
      for (let i = 1; i < attributes.length; i++) {
        for (let j = 0; j < i; j++) {
          if (attributes[j].name === attributes[i].name) {
            repeated(attributes[i]);
            break;
          }
        }
      }
      return;
    }
    const seen = new Set<string>();
    for (const a of attributes) {
      if (seen.has(a.name)) repeated(a);
      seen.add(a.name);
    }
  },
});

export const multilingualIndexRange: Rule = elementRule({
  id: 'multilingual/index-range',
  severity: 'error',
  source: 'the attribute tables ("language 1 (up to 16)"); the Languages page of the toolkit',
  explanation: 'Language-dependent attributes are numbered `_L1` to `_L16` (`DisplayName_L2` is the second language).',
  checkElement(el, _schema, report) {
    for (const a of el.attributes) {
      const n = multilingualIndex(a.name);
      if (n !== undefined && (n < 1 || n > 16)) {
        report({ start: a.nameStart, end: a.nameEnd, message: `'${a.name}': languages are numbered from _L1 to _L16.` });
      }
    }
  },
});

export const ATTRIBUTE_RULES: readonly Rule[] = [attributeRequired, attributeUnknown, attributeEnum, attributeBoolean, duplicateAttribute, multilingualIndexRange];
