/** Identifiers: unique per kind, not differing only by case, and present on tasks of a job. */
import type { DefinitionFacts, IndexView } from '../index/indexFacts';
import { kindLabel, kindLabelCapitalized } from '../schema/identifierKinds';
import { isCaseInsensitiveKind } from '../schema/schema';
import { uriBasename } from '../util/uris';
import { Rule, indexRule } from './rule';
import { nameSpan } from './ranges';

/** How many definitions of a list count as definitions (no ConsolidationMode), and where the first two are. */
interface Counted {
  generation: number;
  count: number;
  first: number;
  second: number;
}

/**
 * Counted once per list and index generation, not once per definition: 32,000 definitions of
 * one identifier are 32,000 lookups, not 32,000 scans of the list. Positions, not objects: within
 * a generation an edited file's definitions take the places of the ones they replace.
 */
const countedLists = new WeakMap<readonly DefinitionFacts[], Counted>();

function counted(index: IndexView, list: readonly DefinitionFacts[]): Counted {
  let c = countedLists.get(list);
  if (c?.generation === index.generation) return c;
  c = { generation: index.generation, count: 0, first: -1, second: -1 };
  for (let i = 0; i < list.length; i++) {
    if (list[i].consolidation) continue;
    if (c.count === 0) c.first = i;
    else if (c.count === 1) c.second = i;
    c.count++;
  }
  countedLists.set(list, c);
  return c;
}

export const identifierUnique: Rule = indexRule({
  id: 'identifier/unique',
  severity: 'error',
  source: 'the attribute tables of the task, job and entity pages ("unique identifier"); the Adjust Scaffoldings page',
  explanation:
    'Identifiers are unique per kind of element (every task type shares one namespace; a Connector "AD" and a ' +
    'Category "AD" may coexist). A second definition silently replaces the first at deployment. Elements that ' +
    'carry `ConsolidationMode` redefine a scaffolded element on purpose and are not reported. Connection ' +
    'identifiers are compared without case.',
  checkIndex({ entry, index, lineOf }, report) {
    for (const d of entry.definitions) {
      if (d.consolidation) continue;
      // A collision with a generated identifier has its own rule (scaffolding/generated-id-collision).
      const list = index.ownDefinitions(d.kind, d.id);
      // Most identifiers are defined once: no count to keep for them.
      if (list.length < 2) continue;
      const c = counted(index, list);
      if (c.count < 2) continue;
      const others = c.count - 1;
      const o = list[c.first] === d ? list[c.second] : list[c.first];
      const line = lineOf(o);
      const place = `${o.uri === d.uri ? 'this file' : uriBasename(o.uri)}${line !== undefined ? `:${line + 1}` : ''}`;
      report({
        start: d.idStart,
        end: d.idEnd,
        message: `Duplicate ${kindLabel(d.kind)} identifier '${d.id}': also defined as ${o.element} in ${place}${others > 1 ? ` and ${others - 1} more` : ''}.`,
      });
    }
  },
});

export const identifierCaseCollision: Rule = indexRule({
  id: 'identifier/case-collision',
  severity: 'warning',
  source: 'the Connection page (identifiers compared without case)',
  explanation:
    'Two identifiers of one kind differ only by case (`AD_Export` and `AD_export`). The product compares some identifiers ' +
    'without case, and a reference with the wrong case is an easy mistake to miss.',
  checkIndex({ entry, index }, report) {
    // The common case: no two spellings anywhere, nothing to look up for each definition.
    if (!index.hasCaseCollisions()) return;
    for (const d of entry.definitions) {
      if (isCaseInsensitiveKind(d.kind)) continue; // there it is a plain duplicate
      const others = index.otherSpellings(d.kind, d.id);
      if (others.length === 0) continue;
      report({ start: d.idStart, end: d.idEnd, message: `${kindLabelCapitalized(d.kind)} '${d.id}' differs only by case from '${others[0]}'.` });
    }
  },
});

export const taskIdentifierRecommended: Rule = indexRule({
  id: 'task/identifier-recommended',
  severity: 'warning',
  source: 'the task pages (Identifier optional); the Set up Complete Synchronization guide, steps 3 and 12 (tasks without Identifier)',
  explanation: 'A task inside a job has no `Identifier`: no other task can depend on it, no Step can reuse it, no override can ' + 'adjust it, and the job logs cannot name it.',
  checkIndex(ctx, report) {
    for (const t of ctx.entry.tasks) {
      if (!t.job || t.id) continue;
      report({ ...nameSpan(t), message: `This ${t.element} has no Identifier: other tasks cannot depend on it.` });
    }
  },
});

export const IDENTIFIER_RULES: readonly Rule[] = [identifierUnique, identifierCaseCollision, taskIdentifierRecommended];
