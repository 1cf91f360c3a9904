/**
 * The strict check's pre-check (model/plainXml.ts) never changes what the strict check says: on
 * the documentation's examples, the repository's configurations and thousands of fuzzed texts,
 * the first well-formedness error with the pre-check is sax's own. And it clears the plain files,
 * or sax would still run on every file.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { mayBeMalformed } from '../../server/src/model/plainXml';
import { firstWellFormednessError, strictParserError } from '../../server/src/model/wellFormedness';
import { MUTATORS, prng, seedWorkspaces } from '../helpers/fuzzInputs';
import { fixtureFiles } from '../helpers/workspace';

const FUZZ_CASES = Number(process.env.FUZZ_CASES ?? 4000);

function sameVerdict(text: string, what: string): void {
  assert.deepEqual(firstWellFormednessError(text), strictParserError(text), `${what}\n--- text (first 2,000 characters) ---\n${text.slice(0, 2000)}`);
}

const ROOT = (body: string) => `<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n${body}\n</ConfigurationFile>\n`;

describe('the strict check pre-check', () => {
  it('clears the documentation examples that sax accepts, and agrees with sax on all of them', () => {
    let cleared = 0;
    let accepted = 0;
    for (const [rel, f] of fixtureFiles('doc-examples')) {
      const { text } = decodeBytes(f.bytes);
      sameVerdict(text, rel);
      if (strictParserError(text) === undefined) accepted++;
      if (!mayBeMalformed(text)) cleared++;
    }
    assert.ok(accepted > 10, `${accepted} examples`);
    assert.equal(cleared, accepted, 'every well-formed example is cleared without sax');
  });

  it('agrees with sax on small cases at the edges of the subset', () => {
    const cases = [
      ROOT('  <Job Identifier="J" DisplayName_L1="a &amp; b &lt; c" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="&#0;" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="&#x41;" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="&AMP;" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="&nbsp;" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a & b" />'),
      ROOT('  <!-- a -- b -->'),
      ROOT('  <!---->'),
      ROOT('  <!--->-->'),
      ROOT('  <![CDATA[ x ]]>'),
      ROOT('  <Job Identifier="J"DisplayName_L1="j" />'),
      ROOT("  <Job Identifier='J' DisplayName_L1 = 'j' />"),
      ROOT('  <Job Identifier=J />'),
      ROOT('  <Job Identifier />'),
      ROOT('  < Job />'),
      ROOT('  <Job></ Job>'),
      ROOT('  <Job></Job >'),
      ROOT('  <Job></Jobs>'),
      ROOT('  <Job Identifier="é" Nom="x" />'),
      ROOT('  <Jöb />'),
      ROOT(`  <Job Identifier="${'x'.repeat(70_000)}" />`),
      ROOT(`  <!-- ${'x'.repeat(70_000)} -->`),
      ROOT('  <?pi data?>'),
      ROOT('  text & more'),
      // An '&' or '<' found ahead (in a later value, text or tag) must be judged where it stands.
      ROOT('  <Job Identifier="J" DisplayName_L1="a" />\n  x &amp; y\n  <Job Identifier="K" DisplayName_L1="b &amp;" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a &amp;" Description_L1="b & c" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a" />\n  x &amp; y &nope; z'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a <b" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a" Description_L1="b <c" />'),
      ROOT('  <Job Identifier="J" DisplayName_L1="&amp;&lt;&gt;&quot;&apos;" />text&amp;'),
      ROOT('  <Job Identifier="J" DisplayName_L1="a&amp"/>'),
      ROOT('  <Job Identifier=\'J "x"\' DisplayName_L1="it\'s" />'),
      ROOT('') + 'trailing text',
      ROOT('') + '<Second />',
      '\uFEFF' + ROOT(''),
      'text before' + ROOT(''),
      '<!DOCTYPE ConfigurationFile>' + ROOT(''),
      '<A/>',
      '',
      '   ',
      '<A>',
      '<A></A><!-- after -->\n',
    ];
    for (const text of cases) sameVerdict(text, JSON.stringify(text.slice(0, 200)));
  });

  it('reads a start tag of a great many attributes (its expression may give up on one; the character path does not)', () => {
    const many = ' a="1"'.repeat(1_000_000);
    assert.equal(mayBeMalformed(ROOT(`<Connector Identifier="C"${many} />`)), false);
    // The same tag with an undeclared entity reference at its end: the pre-check sends it to sax.
    assert.equal(mayBeMalformed(ROOT(`<Connector Identifier="C"${many} b="&x;" />`)), true);
  });

  it(`agrees with sax on ${FUZZ_CASES} fuzzed configuration files (fixed seed)`, () => {
    const r = prng(20261203);
    const seeds = seedWorkspaces().flatMap((w) => w.files);
    let cleared = 0;
    for (let c = 0; c < FUZZ_CASES; c++) {
      let text = seeds[r(seeds.length)].text;
      for (let k = 1 + r(3); k > 0; k--) text = MUTATORS[r(MUTATORS.length)](text, r);
      // Where the pre-check does not clear a text, sax decides: the verdicts differ only if it clears one that sax refuses.
      if (mayBeMalformed(text)) continue;
      cleared++;
      assert.equal(strictParserError(text), undefined, `case ${c} cleared, but sax refuses it\n--- text (first 2,000 characters) ---\n${text.slice(0, 2000)}`);
    }
    // Both sides are exercised: mutations that keep the file plain (pasted blocks, rewired dependencies…) and the others.
    assert.ok(cleared > FUZZ_CASES / 10 && cleared < FUZZ_CASES * 0.9, `${cleared} of ${FUZZ_CASES} cleared`);
  });
});
