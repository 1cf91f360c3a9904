/**
 * The scanner reads a start tag whose attributes are well formed with one regular expression
 * and their offsets later (model/xmlScanner.ts WELL_FORMED_ATTRIBUTES). It must report what the
 * character-by-character scan reports: the same tags (end, self-closing, complete, every
 * attribute's name, value and offsets), end tags and syntax errors, on the example and fixture
 * files, on fuzzed versions of them, and on tags made of the characters that matter.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { scanXml } from '../../server/src/model/xmlScanner';
import { MUTATORS, drawPieces, prng, seedWorkspaces } from '../helpers/fuzzInputs';

/** Everything the scanner reports, in order, as plain values. */
function events(text: string, shortcut: boolean): unknown[] {
  const out: unknown[] = [];
  scanXml(
    text,
    {
      startTag: (t) => {
        const { name, start, nameStart, nameEnd, end, selfClosing, complete } = t;
        out.push({ start: { name, start, nameStart, nameEnd, end, selfClosing, complete, attributes: t.attributes.map((a) => ({ ...a })) } });
      },
      endTag: (t) => out.push({ end: { ...t } }),
      error: (e) => out.push({ error: { ...e } }),
    },
    0,
    shortcut,
  );
  return out;
}

function sameEvents(text: string, what: string): number {
  const fast = events(text, true);
  assert.deepEqual(fast, events(text, false), what);
  return fast.length;
}

describe('well-formed attribute shortcut', () => {
  it('reports what the character-by-character scan reports on every seed file and on fuzzed ones', () => {
    const r = prng(20261204);
    let compared = 0;
    for (const ws of seedWorkspaces()) {
      for (const f of ws.files) {
        compared += sameEvents(f.text, f.uri);
        for (let k = 0; k < 4; k++) {
          const mutate = MUTATORS[r(MUTATORS.length)];
          compared += sameEvents(mutate(f.text, r), `${f.uri} (mutation ${k})`);
        }
      }
    }
    assert.ok(compared > 10_000, `only ${compared} events compared`);
  });

  it('agrees on tags made of the characters that decide well-formedness', () => {
    const pieces = [' ', '\t', '\n', '\r', 'a', 'Id', 'x:y', 'é', '=', '"', "'", '/', '>', '<', '&amp;', '\u0001', 'v a l', '="v"', "='w'", '/>'];
    const r = prng(7);
    let wellFormed = 0;
    for (let n = 0; n < 20_000; n++) {
      const tag = `<T${drawPieces(r, pieces, 12)}`;
      const text = `${tag}${r(2) ? '>' : ''}<After/>`;
      const found = events(text, false);
      if (!found.some((e) => 'error' in (e as object))) wellFormed++;
      assert.deepEqual(events(text, true), found, JSON.stringify(text));
    }
    // Both kinds were drawn: tags the shortcut takes, and tags the scan reports errors in.
    assert.ok(wellFormed > 1_000 && wellFormed < 19_000, `${wellFormed} of 20,000 tags without errors`);
  });

  it('reads the attributes of tags it accepted in their own places', () => {
    const text = `<T a="1"b='x"y' \tc\n=\r\n "&amp;>/" d=""/><U e='<'>`;
    const [t, error] = events(text, true) as { start?: { attributes: { name: string; value: string; valueStart: number }[]; selfClosing: boolean; end: number } }[];
    assert.deepEqual(
      t.start!.attributes.map((a) => [a.name, a.value, text.slice(a.valueStart, a.valueStart + 1)]),
      [
        ['a', '1', '1'],
        ['b', 'x"y', 'x'],
        ['c', '&>/', '&'],
        ['d', '', '"'],
      ],
    );
    assert.equal(t.start!.selfClosing, true);
    assert.equal(t.start!.end, text.indexOf('<U'));
    // A quote left open before a '<' is not well formed: the scan reports it.
    assert.ok(error && 'error' in error);
  });

  it('reads a tag of a great many attributes (the expression may give up on it, the scan does not)', () => {
    const text = `<T ${'a="1" '.repeat(1_000_000)}/>`;
    const [t] = events(text, true) as { start: { attributes: unknown[]; end: number } }[];
    assert.equal(t.start.attributes.length, 1_000_000);
    assert.equal(t.start.end, text.length);
  });
});
