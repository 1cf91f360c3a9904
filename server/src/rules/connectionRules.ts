/**
 * Connections as the tasks use them: how their identifiers are written, which connector they
 * belong to, and whether their package can export or fulfil.
 */
import { attribute } from '../model/xmlTree';
import { attributeSchema, connectionPackage, elementByKey } from '../schema/schema';
import { Report, Rule, elementRule, fileRule, treeRule } from './rule';
import { RuleContext } from './ruleContext';
import { nameSpan, valueSpan } from './ranges';

const CONNECTION = 'Connection';

/** The rule of the Connection page: a letter, then letters, digits, `.` and `-`, 442 characters at most. */
const CONNECTION_IDENTIFIER = new RegExp(elementByKey(CONNECTION)?.attributes.Identifier?.pattern ?? '^[A-Za-z][A-Za-z0-9.\\-]{0,441}$');

export const connectionIdentifierFormat: Rule = elementRule({
  id: 'connection/identifier-format',
  severity: 'error',
  source: 'the Connection page; the Configuration section of every connector page ("References: Connectors")',
  explanation:
    'A connection identifier starts with a letter, then holds only letters, digits, `.` and `-` (up to 442 characters): no `_`, no space. ' +
    "It is also the name of the connection's section in the agent's `appsettings.agent.json`. Reported on the Connection and on " +
    'every `Connection=` that names such an identifier (the Set up Complete Synchronization guide writes `AD_Export`, which no connection can be called).',
  checkElement(el, schema, report) {
    if (!schema) return;
    for (const a of el.attributes) {
      if (a.valueStart < 0) continue;
      const own = schema.key === CONNECTION && a.name === 'Identifier';
      if (!own && attributeSchema(schema, a.name)?.references !== CONNECTION) continue;
      const id = a.value.trim();
      if (id === '' || CONNECTION_IDENTIFIER.test(id)) continue;
      report({
        ...valueSpan(a),
        message: `'${id}' cannot be a connection identifier: it starts with a letter and holds only letters, digits, '.' and '-'${id.includes('_') ? " (no '_')" : ''}.`,
      });
    }
  },
});

/**
 * An ExportTask's or FulfillTask's connection belongs to the task's connector, and its package
 * can do the task's work. Judged on the file's task records; the element is read only to point
 * at a value reported (most files have nothing to report, and their tree is not built).
 */
function reportConnectionOfConnector(element: string, work: 'export' | 'fulfill', verb: string): (ctx: RuleContext, report: Report<never>) => void {
  return (ctx, report) => {
    for (const task of ctx.entry.tasks) {
      if (task.element !== element || task.attrs.ConsolidationMode !== undefined) continue;
      const id = task.attrs[CONNECTION]?.trim();
      const def = id ? ctx.index.definitions(CONNECTION, id)[0] : undefined;
      if (!def) continue;
      const owner = def.attrs?.Connector?.trim();
      const connector = task.attrs.Connector?.trim();
      const pkgId = def.attrs?.Package?.trim();
      const pkg = pkgId ? connectionPackage(pkgId) : undefined;
      const message =
        owner && connector && owner !== connector
          ? `Connection '${def.id}' belongs to connector '${owner}', not to '${connector}'.`
          : pkg && pkg[work] === false
            ? `Connection '${def.id}' uses package '${pkgId}' (${pkg.displayName}), which cannot ${verb}.`
            : undefined;
      const el = message ? ctx.startTagOf(task) : undefined;
      const value = el && attribute(el, CONNECTION);
      if (value) report({ ...valueSpan(value), message: message! });
    }
  };
}

export const exportConnectionOfConnector = fileRule({
  id: 'export/connection-of-connector',
  severity: 'error',
  source: 'the Connection page (a connection belongs to one connector); the package pages under "References: Packages"; the Set up Complete Synchronization guide, step 2',
  skipsGenerated: true,
  explanation:
    "The ExportTask's `Connection` belongs to the connector the task names (`Connector`), and its package can export: " +
    'a connection of another connector, or one whose package has no export ' +
    '(as its page under "References: Packages" says), makes the task fail. Packages the documentation does not list are not judged.',
  check: reportConnectionOfConnector('ExportTask', 'export', 'export'),
});

export const fulfillConnectionOfConnector = fileRule({
  id: 'fulfill/connection-of-connector',
  severity: 'error',
  source: 'the Connection page (a connection belongs to one connector); the package pages under "References: Packages"; the Set up Complete Synchronization guide, step 9',
  skipsGenerated: true,
  explanation:
    "The FulfillTask's `Connection` belongs to the connector the task names (`Connector`), and its package can fulfil: " +
    'a connection of another connector, or one whose package has no fulfilment ' +
    '(as its page under "References: Packages" says), makes the task fail. Packages the documentation does not list are not judged.',
  check: reportConnectionOfConnector('FulfillTask', 'fulfill', 'fulfil'),
});

export const fulfillNoConnectionWithResourceTypes: Rule = treeRule({
  id: 'fulfill/no-connection-with-resourcetypes',
  severity: 'error',
  source: 'the Connections page of the connector configuration details; the FulfillTask page',
  explanation:
    'A FulfillTask fulfils either one connection (`Connection`) or the resource types it lists (`TaskResourceType` children, each ' +
    'fulfilled through the connection of its resource type mapping), not both.',
  checkTree(elements, report) {
    for (const el of elements) {
      if (el.name !== 'FulfillTask') continue;
      const connection = attribute(el, CONNECTION);
      if (!connection || !el.children.some((c) => c.name === 'TaskResourceType')) continue;
      report({ ...nameSpan(el), message: "This FulfillTask has both a 'Connection' and TaskResourceType children: keep one of them." });
    }
  },
});

export const CONNECTION_RULES: readonly Rule[] = [connectionIdentifierFormat, exportConnectionOfConnector, fulfillConnectionOfConnector, fulfillNoConnectionWithResourceTypes];
