/**
 * A start tag scanned alone (model/xmlScanner.ts scanStartTagAt), an element scanned alone
 * from its start tag to its end tag (model/xmlTree.ts subtreeAt, in a text without structural
 * fault), and a task's record in the file's entry (where it ends, whether it has a Level) are
 * what the whole file's walk finds at the same offset: rules read a task so, without the file's
 * tree, on the command line.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { scanStartTagAt } from '../../server/src/model/xmlScanner';
import { XmlElement, attribute, buildXmlTree, subtreeAt } from '../../server/src/model/xmlTree';
import { MUTATORS, prng, seedWorkspaces } from '../helpers/fuzzInputs';

function allElements(text: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [...buildXmlTree(text).roots].reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return out;
}

/** Each element's start tag, scanned alone, against the tree's; returns how many were compared. */
function sameTags(text: string, what: string): number {
  const elements = allElements(text);
  for (const el of elements) {
    const tag = scanStartTagAt(text, el.start);
    assert.ok(tag, `${what}: no start tag at ${el.start}`);
    const { name, start, nameStart, nameEnd, attributes } = tag;
    assert.deepEqual(
      { name, start, nameStart, nameEnd, attributes: [...attributes] },
      { name: el.name, start: el.start, nameStart: el.nameStart, nameEnd: el.nameEnd, attributes: el.attributes },
      what,
    );
    assert.equal(tag.end, el.startTagEnd, what);
    // One attribute read alone, before the tag's list is made, is the list's first of that name.
    const alone = scanStartTagAt(text, el.start)!;
    for (const n of [...new Set(el.attributes.map((a) => a.name)), 'Absent']) assert.deepEqual(attribute(alone, n), attribute(el, n), `${what}: ${n} at ${el.start}`);
  }
  return elements.length;
}

/** Every file of the fixtures and examples, then `count` of them mutated one to three times (fixed seed). */
function* inputs(count: number, seed: number): Generator<{ text: string; what: string; fuzzed: boolean }> {
  const seeds = seedWorkspaces().flatMap((w) => w.files);
  for (const f of seeds) yield { text: f.text, what: f.uri, fuzzed: false };
  const r = prng(seed);
  for (let c = 0; c < count; c++) {
    let text = seeds[r(seeds.length)].text;
    for (let k = 1 + r(3); k > 0; k--) text = MUTATORS[r(MUTATORS.length)](text, r);
    yield { text, what: `fuzzed case ${c}`, fuzzed: true };
  }
}

/** An element and its descendants without parent links (a subtree scanned alone has none at its top). */
function shape(el: XmlElement): unknown {
  const { name, start, end, nameStart, nameEnd, startTagEnd, selfClosing, startTagComplete, attributes, children } = el;
  return { name, start, end, nameStart, nameEnd, startTagEnd, selfClosing, startTagComplete, attributes: [...attributes], children: children.map(shape) };
}

/** In a text without structural fault, each element scanned alone against the tree's; returns how many were compared. */
function sameSubtrees(text: string, what: string): number {
  if (buildXmlTree(text).errors.length > 0) return 0;
  const elements = allElements(text);
  for (const el of elements) assert.deepEqual(shape(subtreeAt(text, el.start)!), shape(el), `${what}: the element at ${el.start}`);
  return elements.length;
}

describe('an element scanned alone', () => {
  it('is the tree’s, children included, for every element of the fixtures and of fuzzed files without structural fault', () => {
    let compared = 0;
    let faultless = 0;
    for (const { text, what, fuzzed } of inputs(300, 20261204)) {
      const n = sameSubtrees(text, what);
      if (fuzzed && n > 0) faultless++;
      compared += n;
    }
    assert.ok(compared > 2_000 && faultless > 30, `${compared} elements compared, ${faultless} fuzzed files without fault`);
  });

  it('is none where a fault shows inside the element, or where no start tag begins', () => {
    const text = '<A><B x="1"><C/></D></B></A>';
    assert.equal(subtreeAt(text, 3), undefined, 'an end tag that closes another element');
    assert.equal(subtreeAt(text, 1), undefined);
    assert.equal(subtreeAt('<A><B>', 3), undefined, 'an element never closed');
    assert.deepEqual(
      subtreeAt('<A><B x="1"><C/></B></A>', 3)?.children.map((c) => c.name),
      ['C'],
    );
  });
});

describe('a start tag scanned alone', () => {
  it('is the tree’s, for every element of the fixtures and of fuzzed (often malformed) files', () => {
    let compared = 0;
    for (const { text, what } of inputs(500, 20261203)) compared += sameTags(text, what);
    assert.ok(compared > 10_000, `${compared} start tags compared`);
  });

  it('is none where no start tag begins', () => {
    const text = '<A x="1"><!-- c --></A> <B';
    assert.equal(scanStartTagAt(text, 1), undefined);
    assert.equal(scanStartTagAt(text, 9), undefined, 'a comment');
    assert.equal(scanStartTagAt(text, 19), undefined, 'an end tag');
    assert.equal(scanStartTagAt(text, text.length), undefined);
    assert.equal(scanStartTagAt(text, 24)?.name, 'B', 'an unclosed start tag at the end');
  });

  it('gives one attribute alone as its list would: the first of that name, decoded, valueless ones included', () => {
    const text = '<T a="1" ab="2" a="3" b c="x &amp; y"/>';
    const value = (name: string) => {
      const a = attribute(scanStartTagAt(text, 0)!, name);
      return a && { value: a.value, valueStart: a.valueStart };
    };
    assert.deepEqual(value('a'), { value: '1', valueStart: 6 });
    assert.deepEqual(value('ab'), { value: '2', valueStart: 13 });
    assert.deepEqual(value('b'), { value: '', valueStart: -1 });
    assert.deepEqual(value('c'), { value: 'x & y', valueStart: 27 });
    assert.equal(value('A'), undefined);
  });
});

describe('a task record', () => {
  it('ends where the tree’s element ends and has a Level when it does, in every fixture and fuzzed file without syntax error', () => {
    let compared = 0;
    let withLevel = 0;
    for (const { text, what } of inputs(300, 20261205)) {
      const entry = buildFileEntry('file:///t.xml', text);
      if (entry.syntaxErrors.length > 0 || entry.tasks.length === 0) continue;
      const byStart = new Map(allElements(text).map((el) => [el.start, el]));
      for (const task of entry.tasks) {
        const el = byStart.get(task.start)!;
        assert.equal(task.end, Math.max(el.end, el.startTagEnd), `${what}: the end of ${task.element} at ${task.start}`);
        assert.equal(task.attrs.Level !== undefined, attribute(el, 'Level') !== undefined, `${what}: the Level of ${task.element} at ${task.start}`);
        compared++;
        if (task.attrs.Level !== undefined) withLevel++;
      }
    }
    assert.ok(compared > 200 && withLevel > 10, `${compared} tasks compared, ${withLevel} with a Level`);
  });
});
