/**
 * Reads JUnit XML as CI servers do, strictly: a well-formed document (no xmldom error),
 * <testsuites> of <testsuite> of <testcase>, each suite's counts equal to what it holds. Returns
 * the test cases with their suite, or throws an AssertionError that says what is wrong.
 */
import { strict as assert } from 'node:assert';
import { DOMParser, Element } from '@xmldom/xmldom';

export interface JunitResult {
  type: string;
  message: string;
  text: string;
}

export interface JunitCase {
  suite: string;
  classname: string;
  name: string;
  file: string | null;
  failures: JunitResult[];
  errors: JunitResult[];
  skipped: string | null;
}

function children(e: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE && (!name || (n as Element).tagName === name)) out.push(n as Element);
  }
  return out;
}

function result(e: Element): JunitResult {
  return { type: e.getAttribute('type') ?? '', message: e.getAttribute('message') ?? '', text: e.textContent ?? '' };
}

export function parseJunit(xml: string): JunitCase[] {
  const problems: string[] = [];
  // Warnings are hints (xmldom warns about U+FFFD, which stands for what XML cannot hold).
  const onError = (level: string, message: string) => void (level !== 'warning' && problems.push(`${level}: ${message}`));
  const doc = new DOMParser({ onError }).parseFromString(xml, 'text/xml');
  assert.deepEqual(problems, [], 'well-formed XML');
  const root = doc.documentElement!;
  assert.equal(root.tagName, 'testsuites');
  assert.equal(children(root).length, children(root, 'testsuite').length, '<testsuites> holds only <testsuite>');
  const cases: JunitCase[] = [];
  for (const suite of children(root, 'testsuite')) {
    const name = suite.getAttribute('name');
    assert.ok(name, 'every <testsuite> has a name');
    const tests = children(suite, 'testcase');
    const count = (tag: string) => tests.reduce((n, t) => n + children(t, tag).length, 0);
    const skipped = tests.filter((t) => children(t, 'skipped').length > 0).length;
    for (const [attribute, value] of [
      ['tests', tests.length],
      ['failures', count('failure')],
      ['errors', count('error')],
      ['skipped', skipped],
    ] as const) {
      assert.equal(suite.getAttribute(attribute), String(value), `${name}: ${attribute}`);
    }
    for (const t of tests) {
      for (const c of children(t)) assert.ok(['failure', 'error', 'skipped', 'system-out', 'system-err'].includes(c.tagName), `${name}: <${c.tagName}> in a <testcase>`);
      const skip = children(t, 'skipped')[0];
      cases.push({
        suite: name,
        classname: t.getAttribute('classname') ?? '',
        name: t.getAttribute('name') ?? '',
        file: t.getAttribute('file'),
        failures: children(t, 'failure').map(result),
        errors: children(t, 'error').map(result),
        skipped: skip ? (skip.getAttribute('message') ?? '') : null,
      });
    }
  }
  return cases;
}
