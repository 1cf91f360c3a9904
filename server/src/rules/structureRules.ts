/**
 * Is the file a configuration file, and are its elements elements Identity Manager knows? A
 * file whose root is a configuration element but not `<ConfigurationFile>`, or whose namespace
 * is misspelt, is not read as configuration at all: it would pass in silence otherwise.
 */
import { XmlElement, attribute } from '../model/xmlTree';
import { editDistance } from '../fixes/closestIdentifiers';
import { CONFIGURATION_NAMESPACE, ROOT_ELEMENT, isKnownElementName, knownChildNames, resolveElement } from '../schema/schema';
import { Rule, elementRule, fileRule } from './rule';
import { nameSpan, valueSpan } from './ranges';
import type { RuleContext } from './ruleContext';

const NOT_READ = 'Identity Manager does not read this file as configuration, and nothing in it is checked.';

/** A namespace one slip away from the configuration namespace (`…:configuraton`, `…-com:Configuration`). */
function isMisspeltNamespace(ns: string): boolean {
  return ns !== CONFIGURATION_NAMESPACE && editDistance(ns.toLowerCase(), CONFIGURATION_NAMESPACE, 4) <= 4;
}

/**
 * The root of a file that is not read as configuration. A configuration file's root is
 * `<ConfigurationFile>` in the right namespace by definition (index/fileEntry.ts): neither rule
 * has anything to say there, and its tree is not built for them.
 */
function rootOf(ctx: RuleContext): XmlElement | undefined {
  return ctx.entry.status === 'configuration' ? undefined : ctx.tree?.roots[0];
}

export const fileNamespace: Rule = fileRule({
  id: 'file/namespace',
  severity: 'error',
  source: 'the File Hierarchy page of the toolkit ("All XML files must start with the <?xml> and <ConfigurationFile> elements")',
  explanation:
    `A configuration file's root is \`<ConfigurationFile xmlns="${CONFIGURATION_NAMESPACE}">\`. With another or a misspelt namespace ` +
    '(`urn:schemas-usercube-com:configuraton`), the file is not configuration: the deployment skips or rejects it, and this extension ' +
    'indexes and checks nothing in it.',
  check(ctx, report) {
    const root = rootOf(ctx);
    if (!root) return;
    const ns = attribute(root, 'xmlns');
    const value = ns?.value.trim();
    if (root.name !== ROOT_ELEMENT && !(value && isMisspeltNamespace(value))) return;
    if (value === CONFIGURATION_NAMESPACE) return;
    if (!ns) report({ ...nameSpan(root), message: `${root.name} declares no namespace: write xmlns="${CONFIGURATION_NAMESPACE}". ${NOT_READ}` });
    else report({ ...valueSpan(ns), message: `'${ns.value}' is not the configuration namespace '${CONFIGURATION_NAMESPACE}'. ${NOT_READ}` });
  },
});

export const fileRoot: Rule = fileRule({
  id: 'file/root',
  severity: 'error',
  source: 'the File Hierarchy page of the toolkit; the Create a Connector guide ("All XML files must start with the <?xml> and <ConfigurationFile> elements")',
  explanation:
    'Configuration elements (jobs, tasks, connectors…) go inside the `<ConfigurationFile>` root. A file whose root is one of them ' +
    '(a `<Job>` pasted on its own) is not read as configuration. Other XML (a connector description for the configuration ' +
    'generator, `<Connector Name="…">` without namespace nor `Identifier`) is left alone.',
  check(ctx, report) {
    const root = rootOf(ctx);
    if (!root || root.name === ROOT_ELEMENT || !resolveElement(root.name, undefined)) return;
    const ns = attribute(root, 'xmlns')?.value.trim();
    const configurationLike = ns === CONFIGURATION_NAMESPACE || (ns !== undefined && isMisspeltNamespace(ns)) || (ns === undefined && attribute(root, 'Identifier'));
    if (!configurationLike) return;
    report({ ...nameSpan(root), message: `The root element is <${root.name}>: write it inside <${ROOT_ELEMENT} xmlns="${CONFIGURATION_NAMESPACE}">. ${NOT_READ}` });
  },
});

/** The closest of `names` to `name`, if it is a likely slip. */
function closestName(name: string, names: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 5));
  let best: [number, string] | undefined;
  for (const n of names) {
    const d = editDistance(name.toLowerCase(), n.toLowerCase(), limit);
    if (d <= limit && (!best || d < best[0])) best = [d, n];
  }
  return best?.[1];
}

export const unknownElement: Rule = elementRule({
  id: 'xml/unknown-element',
  severity: 'error',
  source: 'the Job page and the task pages (the children they list)',
  explanation:
    'An element this extension does not know, where it knows every child its parent may have: inside a Job (its tasks, `Step`, ' +
    '`<Task>Override`) and inside a task (`TaskDependsOnTask`, `TaskEntityType`, `TaskResourceType`). Usually a typing mistake ' +
    '(`UpdateClasificationTask`): the whole element, and what it should do, is lost. Elsewhere unknown elements are left alone.',
  fixes: { 'rename-element': 'suggestion' },
  checkElement(el, schema, report) {
    // The root and its children have no parent entry: only children of known elements are judged.
    const parent = el.parent;
    if (schema || !parent?.schema || isKnownElementName(el.name)) return;
    const names = knownChildNames(parent.schema);
    if (!names) return;
    const close = closestName(el.name, names);
    report({
      ...nameSpan(el),
      message: `${parent.name} has no child element <${el.name}>${close ? `: did you mean <${close}>?` : '.'}`,
      fixes: close ? [{ fix: 'rename-element', name: close }] : [],
    });
  },
});

/** The rules that judge a file that is not read as configuration. */
export const ROOT_RULES: readonly Rule[] = [fileRoot, fileNamespace];
