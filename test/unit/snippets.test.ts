/**
 * The contributed snippets (snippets/usercube-jobs.code-snippets): expanded with their default
 * values inside a configuration file, each gives XML the rules accept without errors, and the
 * complete job gives no warning either. Also what the seed asks of a complete job: tasks in
 * its order, its dependency links, Complete mode, full exports that do not block the job,
 * no DoNotDeleteChanges, no ForceProvisioning, TaskEntityType EntityType=, CronTabExpression.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import catalogJson from '../../server/src/schema/catalog.json';
import { XmlElement, buildXmlTree } from '../../server/src/model/xmlTree';
import { conf } from '../helpers/cursor';
import { REPO_ROOT, fixtureWorkspace } from '../helpers/workspace';

// ---- Snippet expansion (TextMate snippet syntax, as VS Code reads it) ----------------------

interface TabStop {
  tabstop: number;
  children?: SnippetNode[];
  choices?: string[];
}
type SnippetNode = { text: string } | TabStop | { variable: string; children?: SnippetNode[] };

/** Parses a snippet body; throws on what VS Code would not read as intended (unclosed `${`). */
function parseSnippet(body: string): SnippetNode[] {
  let pos = 0;
  const parse = (inside: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ text });
      text = '';
    };
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        text += body[pos + 1];
        pos += 2;
      } else if (inside && c === '}') {
        flush();
        return out;
      } else if (c === '$') {
        const m = /^\$(?:(\d+)|([A-Za-z_]\w*)|\{(\d+)(?:(:)|\|([^|]*)\|)?|\{([A-Za-z_]\w*)(:)?)/.exec(body.slice(pos));
        if (!m) {
          text += c;
          pos++;
          continue;
        }
        flush();
        pos += m[0].length;
        if (m[1] !== undefined) out.push({ tabstop: Number(m[1]) });
        else if (m[2] !== undefined) out.push({ variable: m[2] });
        else if (m[3] !== undefined) {
          if (m[5] !== undefined) {
            out.push({ tabstop: Number(m[3]), choices: m[5].split(/(?<!\\),/).map((s) => s.replace(/\\([,|\\])/g, '$1')) });
            pos = expectClose(pos);
          } else {
            out.push(m[4] ? { tabstop: Number(m[3]), children: parse(true) } : { tabstop: Number(m[3]) });
            pos = expectClose(pos);
          }
        } else {
          out.push(m[7] ? { variable: m[6], children: parse(true) } : { variable: m[6] });
          pos = expectClose(pos);
        }
      } else {
        text += c;
        pos++;
      }
    }
    if (inside) throw new Error(`unclosed \${ in snippet body: ${body}`);
    flush();
    return out;
  };
  const expectClose = (at: number): number => {
    if (body[at] !== '}') throw new Error(`expected } at ${at} in snippet body: ${body}`);
    return at + 1;
  };
  return parse(false);
}

const VARIABLES: Record<string, string> = { TM_FILENAME: 'Snippet.xml', TM_FILENAME_BASE: 'Snippet', CURRENT_YEAR: '2026' };

/**
 * The text VS Code inserts when the user accepts every default: a placeholder's default (the
 * first occurrence of its number that has one defines it for every mirror), the first choice,
 * '' for bare tab stops and $0, variables resolved or left as their name. `typed` replaces
 * tab stops as if the user had typed those values.
 */
function expandSnippet(body: string, typed: Record<number, string> = {}): string {
  const nodes = parseSnippet(body);
  const definitions = new Map<number, TabStop>();
  const collect = (list: SnippetNode[]) => {
    for (const n of list) {
      if ('tabstop' in n && !definitions.has(n.tabstop) && (n.children || n.choices)) definitions.set(n.tabstop, n);
      if ('children' in n && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const valueOf = (index: number): string => {
    if (index in typed) return typed[index];
    const d = definitions.get(index);
    if (!d) return '';
    return d.choices ? d.choices[0] : render(d.children ?? []);
  };
  const render = (list: SnippetNode[]): string =>
    list
      .map((n) => {
        if ('text' in n) return n.text;
        if ('tabstop' in n) return n.tabstop === 0 ? '' : valueOf(n.tabstop);
        return VARIABLES[n.variable] ?? (n.children ? render(n.children) : n.variable);
      })
      .join('');
  return render(nodes);
}

// ---- The snippets ----------------------------------------------------------------------------

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const SNIPPETS_PATH = path.join(REPO_ROOT, 'snippets', 'usercube-jobs.code-snippets');
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8'));
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const SEED_ORDER: string[] = (catalogJson as unknown as { completeSyncOrder: { seed: string[] } }).completeSyncOrder.seed;

/** The snippet whose body is that element. */
function snippetFor(element: string): [string, Snippet] {
  const found = Object.entries(snippets).filter(([, s]) => new RegExp(`^<${element}[\\s/>]`).test(bodyOf(s)));
  assert.equal(found.length, 1, `one snippet for <${element}>, found ${found.map(([n]) => n).join(', ') || 'none'}`);
  return found[0];
}

function elements(root: XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (list: XmlElement[]) => {
    for (const e of list) {
      if (e.name === name) out.push(e);
      walk(e.children);
    }
  };
  walk(root);
  return out;
}

const attr = (e: XmlElement, name: string) => e.attributes.find((a) => a.name === name)?.value;

const TASK_SNIPPETS = SEED_ORDER;
const CHILD_SNIPPETS = ['TaskDependsOnTask', 'TaskEntityType', 'TaskResourceType'];

/**
 * Diagnostics of a configuration file holding the snippet expanded with its defaults, in a
 * workspace that defines what the defaults point at (test/fixtures/authoring-snippets). A
 * task's parents are other task snippets (in a second file); child snippets go inside a task.
 */
function diagnosticsOf(element: string): { text: string; diagnostics: Diagnostic[] } {
  const [, snippet] = snippetFor(element);
  const expanded = expandSnippet(bodyOf(snippet));
  const { service } = fixtureWorkspace('authoring-snippets');
  const root = service.workspaceRoots[0];
  if (TASK_SNIPPETS.includes(element) || CHILD_SNIPPETS.includes(element)) {
    const others = TASK_SNIPPETS.filter((t) => t !== element).map((t) => expandSnippet(bodyOf(snippetFor(t)[1])));
    service.setFileText(`${root}/Conf/Other%20Tasks.xml`, conf(others.join('\n')));
  }
  const body = CHILD_SNIPPETS.includes(element)
    ? `<SetInternalUserProfilesTask Identifier="Host_Task" DisplayName_L1="Host task">\n${expanded}\n</SetInternalUserProfilesTask>`
    : expanded;
  const text = conf(body);
  const uri = `${root}/Conf/Snippet.xml`;
  service.openDocument(uri, text, 1);
  return { text, diagnostics: service.validate(uri) };
}

function describeDiagnostics(text: string, list: Diagnostic[]): string {
  const lines = text.split('\n');
  return list.map((d) => `${d.code} (${d.severity}) line ${d.range.start.line + 1}: ${d.message}\n    ${lines[d.range.start.line]?.trim()}`).join('\n');
}

describe('snippet expansion helper', () => {
  it('resolves placeholders, mirrors, nested defaults, choices, $0, variables and escapes', () => {
    assert.equal(expandSnippet('<A Id="${1:AD}_X" Ref="$1" C="${2:${1}Export}" T="${3|One,Two|}" M="${3}"/>$0'), '<A Id="AD_X" Ref="AD" C="ADExport" T="One" M="One"/>');
    assert.equal(expandSnippet('${1:AD} ${2:${1}Export}', { 1: 'HR' }), 'HR HRExport');
    assert.equal(expandSnippet('\\$1 \\} $TM_FILENAME_BASE ${UNKNOWN:dflt} $UNKNOWN $9'), '$1 } Snippet dflt UNKNOWN ');
    assert.throws(() => parseSnippet('${1:unclosed'), /unclosed/);
  });
});

describe('snippets', () => {
  it('are contributed for the xml language', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'xml', path: './snippets/usercube-jobs.code-snippets' }]);
  });

  it('have a uc- prefix and a description each, prefixes unique', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const p of prefixes) assert.match(p, /^uc-[a-z-]+$/);
    assert.equal(new Set(prefixes).size, prefixes.length, 'unique prefixes');
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description.length > 20, `${name} has a description`);
  });

  it('cover every task of the seed, the task children, the complete job and its scaffolding', () => {
    for (const element of [...SEED_ORDER, ...CHILD_SNIPPETS, 'Job', 'CreateConnectorSynchroComplete']) snippetFor(element);
    assert.equal(Object.keys(snippets).length, SEED_ORDER.length + CHILD_SNIPPETS.length + 2);
    assert.equal(snippetFor('ExportTask')[1].prefix, 'uc-export');
    assert.equal(snippetFor('Job')[1].prefix, 'uc-job-complete');
  });

  it('offer the enums as choices and take the connector, agent, OpenIdClient and connections from tab stops', () => {
    const prepare = bodyOf(snippetFor('PrepareSynchronizationTask')[1]);
    assert.match(prepare, /SynchronizationMode="\$\{\d+\|Complete\|\}"/);
    assert.match(prepare, /Type="\$\{\d+\|ActiveDirectory,Changes,None\|\}"/);
    const job = bodyOf(snippetFor('Job')[1]);
    assert.match(job, /Identifier="Job_\$\{1:AD\}_Complete"/);
    assert.match(job, /Agent="\$\{2:Local\}"/);
    assert.match(job, /OpenIdClient="\$\{3:Job\}"/);
    assert.match(job, /Connection="\$\{\d+:\$\{1\}Export\}"/);
    assert.match(job, /Connection="\$\{\d+:\$\{1\}Fulfillment\}"/);
  });

  it('take the connector name typed once into every identifier', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const expanded = expandSnippet(bodyOf(s), { 1: 'HR' });
      assert.doesNotMatch(expanded, /AD/, `${name}: no AD left once the connector is HR:\n${expanded}`);
      const tree = buildXmlTree(expanded);
      for (const el of tree.roots.flatMap((r) => [r, ...allDescendants(r)])) {
        const id = attr(el, 'Identifier') ?? attr(el, 'ParentTask');
        if (id && el.name !== 'OpenIdIdentifier') assert.match(id, /^(Job_)?HR/, `${name}: ${el.name} ${id}`);
      }
    }
  });

  for (const element of [...SEED_ORDER, ...CHILD_SNIPPETS, 'CreateConnectorSynchroComplete']) {
    it(`${element}: expanded with its defaults, the rules find no error`, () => {
      const { text, diagnostics } = diagnosticsOf(element);
      const errors = diagnostics.filter((d) => d.severity === 1);
      assert.deepEqual(errors, [], describeDiagnostics(text, errors));
    });
  }

  it('the complete job, expanded with its defaults: no error and no warning', () => {
    const { text, diagnostics } = diagnosticsOf('Job');
    const problems = diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual(problems, [], describeDiagnostics(text, problems));
  });

  it("the check sees a wrong value typed into the complete job (the seed's AD_Export connection)", () => {
    const { service } = fixtureWorkspace('authoring-snippets');
    const uri = `${service.workspaceRoots[0]}/Conf/Snippet.xml`;
    const text = conf(expandSnippet(bodyOf(snippetFor('Job')[1]), { 4: 'AD_Export' }));
    service.openDocument(uri, text, 1);
    const errors = service.validate(uri).filter((d) => d.severity === 1);
    assert.ok(
      errors.some((d) => d.code === 'reference/unresolved' && d.message.includes('AD_Export')),
      describeDiagnostics(text, errors) || 'no error',
    );
  });

  it('the complete job runs the seed tasks in the seed order, linked as the seed says', () => {
    const tree = buildXmlTree(expandSnippet(bodyOf(snippetFor('Job')[1])));
    const job = tree.roots[0];
    assert.equal(job.name, 'Job');
    assert.deepEqual(
      job.children.map((c) => c.name),
      SEED_ORDER,
    );
    const idOf = (name: string) =>
      attr(
        job.children.find((c) => c.name === name)!,
        'Identifier',
      );
    const parents = (name: string) => elements([job.children.find((c) => c.name === name)!], 'TaskDependsOnTask').map((d) => attr(d, 'ParentTask'));
    assert.deepEqual(parents('PrepareSynchronizationTask'), [idOf('ExportTask')]);
    assert.deepEqual(parents('SynchronizeTask'), [idOf('ExportTask')]);
    assert.deepEqual(parents('FulfillTask'), [idOf('GenerateProvisioningOrdersTask')]);
    assert.deepEqual(parents('SetInternalUserProfilesTask'), [idOf('FulfillTask')]);
    for (const task of job.children) assert.ok(attr(task, 'Identifier'), `${task.name} has an Identifier (it can be referenced)`);
    assert.equal(attr(job, 'CronTabExpression'), '0 2 * * *');
    const connector = attr(
      job.children.find((c) => c.name === 'PrepareSynchronizationTask')!,
      'Connector',
    );
    assert.equal(
      attr(
        job.children.find((c) => c.name === 'GenerateProvisioningOrdersTask')!,
        'Connector',
      ),
      connector,
    );
    assert.equal(
      attr(
        job.children.find((c) => c.name === 'SynchronizeTask')!,
        'Type',
      ),
      attr(
        job.children.find((c) => c.name === 'PrepareSynchronizationTask')!,
        'Type',
      ),
    );
  });

  it('follow the seed rules for complete jobs in every snippet', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = bodyOf(s);
      const roots = buildXmlTree(expandSnippet(body)).roots;
      for (const e of elements(roots, 'ExportTask')) {
        assert.equal(attr(e, 'IgnoreCookieFile'), 'true', `${name}: full export`);
        assert.equal(attr(e, 'ContinueOnError'), 'true', `${name}: export does not block the job`);
      }
      for (const e of elements(roots, 'FulfillTask')) assert.equal(attr(e, 'ContinueOnError'), 'true', `${name}: fulfil does not block the job`);
      for (const e of elements(roots, 'PrepareSynchronizationTask')) assert.equal(attr(e, 'SynchronizationMode'), 'Complete', name);
      for (const e of elements(roots, 'TaskEntityType')) {
        assert.ok(attr(e, 'EntityType'), `${name}: TaskEntityType EntityType=`);
        assert.equal(attr(e, 'Identifier'), undefined, `${name}: not the seed's TaskEntityType Identifier=`);
      }
      assert.doesNotMatch(body, /DoNotDeleteChanges|ForceProvisioning|Crontab|InitMode|Dirty|IsIncremental/, name);
    }
  });
});

function allDescendants(e: XmlElement): XmlElement[] {
  return e.children.flatMap((c) => [c, ...allDescendants(c)]);
}
