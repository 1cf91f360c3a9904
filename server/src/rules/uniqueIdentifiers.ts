import { TASK_KIND } from '../schema/schema';
import { uriBasename } from '../util/uris';
import { Rule } from './rule';

export const identifierUnique: Rule = {
  id: 'identifier/unique',
  severity: 'error',
  explanation:
    'Identifiers are unique per kind of element (every task type shares one namespace; a Connector "AD" and a ' +
    'Category "AD" may coexist). A second definition silently replaces the first at deployment. Elements that ' +
    'carry `ConsolidationMode` redefine a scaffolded element on purpose and are not reported.',
  check({ entry, index }, report) {
    for (const d of entry.definitions) {
      if (d.consolidation) continue;
      const others = index.definitions(d.kind, d.id).filter((o) => o !== d && !o.consolidation);
      if (others.length === 0) continue;
      const o = others[0];
      const where = index.file(o.uri)?.lines.positionAt(o.idStart);
      const place = `${o.uri === d.uri ? 'this file' : uriBasename(o.uri)}${where ? `:${where.line + 1}` : ''}`;
      const what = d.kind === TASK_KIND ? 'task' : d.kind;
      report({
        start: d.idStart,
        end: d.idEnd,
        message: `Duplicate ${what} identifier '${d.id}': also defined as ${o.element} in ${place}${others.length > 1 ? ` and ${others.length - 1} more` : ''}.`,
      });
    }
  },
};

