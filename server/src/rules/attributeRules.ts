/**
 * Attributes checked against the catalog: required, unknown, enum and boolean values,
 * repeated attributes, language indexes.
 */
import { ElementSchema, attributeSchema, enumValues, isAgentTask, multilingualIndex } from '../schema/schema';
import { Rule, elementRule } from './rule';
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
    names = Object.entries(schema.attributes).filter(([, a]) => a.required).map(([n]) => n);
    requiredCache.set(schema.key, names);
  }
  return names;
}

export const attributeRequired: Rule = elementRule({
  id: 'attribute/required',
  severity: 'error',
  source: 'attribute tables of the documentation (xml-configuration/*)',
  explanation:
    'An attribute the documentation marks as required is missing (for example `DisplayName_L1` on every task and job, ' +
    '`Connector` on a SynchronizeTask, `SynchronizationMode` on a PrepareSynchronizationTask). The deployment rejects the element.',
  checkElement(el, schema, report) {
    if (!schema) return;
    // A start tag still being typed is reported once, as a syntax error.
    if (!el.startTagComplete) return;
    const present = new Set(el.attributes.map((a) => a.name));
    const agentTask = isAgentTask(el.name);
    for (const name of requiredAttributes(schema)) {
      if (present.has(name) || isNamespaceAttribute(name)) continue;
      if (agentTask && (name === 'Agent' || name === 'OpenIdClient')) continue; // agenttask/agent-openidclient-required
      if (schema.key === 'Step' && present.has('Task')) continue; // the table's spelling
      if (schema.key === 'TaskEntityType' && present.has('Identifier')) continue; // taskentitytype/attribute-name
      report({ ...nameSpan(el), message: `${el.name} requires the attribute '${name}'.`, data: { attribute: name } });
    }
  },
});

export const attributeUnknown: Rule = elementRule({
  id: 'attribute/unknown',
  severity: 'warning',
  source: 'attribute tables of the documentation (xml-configuration/*)',
  explanation:
    'The attribute is not documented for this element: usually a typing mistake (`Conector`, `Displayname_L1`) that the ' +
    'server ignores or rejects. Elements with a `<Task>Override` form accept any attribute of the task they override.',
  checkElement(el, schema, report) {
    if (!schema || schema.attributes['*']) return;
    const skip = HANDLED_ELSEWHERE[el.name];
    for (const a of el.attributes) {
      if (attributeSchema(schema, a.name) || isNamespaceAttribute(a.name) || multilingualIndex(a.name) !== undefined) continue;
      if (skip?.(a.name) || (schema.key === 'Step' && a.name === 'Task')) continue;
      report({ ...attributeSpan(a), message: `Unknown attribute '${a.name}' on ${el.name}.`, data: { attribute: a.name } });
    }
  },
});

export const attributeEnum: Rule = elementRule({
  id: 'attribute/enum',
  severity: 'error',
  source: 'attribute tables of the documentation (enumerations)',
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
        data: { attribute: a.name, allowed: names },
      });
    }
  },
});

export const attributeBoolean: Rule = elementRule({
  id: 'attribute/boolean',
  severity: 'error',
  source: 'attribute tables of the documentation; examples write true/false and 1/0',
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
  source: 'XML 1.0 (well-formedness); the tasks-jobs/jobfast example repeats Identifier',
  explanation: 'The same attribute is written twice on one element. XML forbids it and the file cannot be deployed.',
  checkElement(el, _schema, report) {
    const seen = new Set<string>();
    for (const a of el.attributes) {
      if (seen.has(a.name)) report({ ...attributeSpan(a), message: `The attribute '${a.name}' is already set on this ${el.name}.` });
      seen.add(a.name);
    }
  },
});

export const multilingualIndexRange: Rule = elementRule({
  id: 'multilingual/index-range',
  severity: 'error',
  source: 'attribute tables ("language 1 (up to 16)"), toolkit/languages',
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
