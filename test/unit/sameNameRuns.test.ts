/**
 * A file read from disk is indexed without reporting every element: after an empty element that
 * adds nothing to the entry (an entity type's Property), the scanner passes over the well-formed
 * empty elements of the same name that follow it (model/xmlScanner.ts, afterSameNameRun). The
 * entry must be the one a walk that reports every element builds (buildFileEntryAndTree: the
 * element tree wants every element), syntax errors included, on the example and fixture files,
 * fuzzed ones, and runs made of the pieces that decide where a run stops.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntry, buildFileEntryAndTree } from '../../server/src/index/fileEntry';
import { SyntaxError, scanXml } from '../../server/src/model/xmlScanner';
import { NestingHandler, walkXml } from '../../server/src/model/xmlTree';
import { MUTATORS, drawPieces, prng, seedWorkspaces } from '../helpers/fuzzInputs';

const URI = 'file:///w/Conf/Entities.xml';
const ROOT = '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">';

function sameEntry(text: string, what: string): void {
  const full = buildFileEntryAndTree(URI, text, 'utf-8').entry;
  assert.deepStrictEqual(buildFileEntry(URI, text, 'utf-8'), full, what);
}

/** The syntax errors and end tags the scan reports, with a handler that asks to pass over runs or not. */
function errorsAndEndTags(text: string, passOver: boolean): unknown[] {
  const out: unknown[] = [];
  scanXml(text, {
    startTag: () => passOver,
    endTag: (t) => out.push({ end: { ...t } }),
    error: (e: SyntaxError) => out.push({ error: { ...e } }),
  });
  return out;
}

/** How many elements a walk reports to a handler that passes over every run it can. */
function opened(text: string): number {
  let n = 0;
  const handler: NestingHandler = {
    open: () => {
      n++;
      return true;
    },
    close: () => undefined,
    error: () => undefined,
  };
  walkXml(text, handler);
  return n;
}

const property = (i: number) => `<Property Identifier="p${i}" DisplayName_L1="Propriété ${i}" Type="String" TargetColumnIndex="${i}" />`;

describe('runs of elements of one name', () => {
  it('passes over a run of empty properties: a few elements reported instead of a thousand', () => {
    const text = `${ROOT}<EntityType Identifier="E">\n${Array.from({ length: 1000 }, (_, i) => `  ${property(i)}\n`).join('')}</EntityType></ConfigurationFile>`;
    // The root, the entity type, then one property per run of at most 257 (the first and 256 after it).
    assert.equal(opened(text), 2 + 4);
    sameEntry(text, 'a thousand properties');
    const entry = buildFileEntry(URI, text, 'utf-8');
    assert.deepEqual(
      entry.definitions.map((d) => [d.kind, d.id]),
      [['EntityType', 'E']],
    );
  });

  it('stops a run where an element of the run is not well formed, and reports it where it is', () => {
    const props = Array.from({ length: 600 }, (_, i) => property(i));
    props[300] = '<Property Identifier="broken DisplayName_L1="x" />';
    props[450] = "<Property Identifier='q' Type=String />";
    const text = `${ROOT}<EntityType Identifier="E">${props.join('\r\n')}</EntityType><Connector Identifier="C" Agent="A"/></ConfigurationFile>`;
    assert.deepEqual(errorsAndEndTags(text, true), errorsAndEndTags(text, false));
    sameEntry(text, 'broken properties in a run');
    const entry = buildFileEntry(URI, text, 'utf-8');
    // Each error lies in one of the two broken properties, and each of them has one.
    const spans = [props[300], props[450]].map((p) => [text.indexOf(p), text.indexOf(p) + p.length]);
    const inBroken = entry.syntaxErrors.map((e) => spans.findIndex(([from, to]) => e.start >= from && e.end <= to));
    assert.ok(!inBroken.includes(-1), JSON.stringify(entry.syntaxErrors));
    assert.deepEqual([...new Set(inBroken)], [0, 1]);
    assert.deepEqual(
      entry.references.map((r) => [r.kind, r.id]),
      [['Agent', 'A']],
    );
  });

  it('does not pass over an element that adds to the entry, or the children a task records', () => {
    const text = [
      ROOT,
      '<Job Identifier="J"><ExportTask Identifier="T1" Connector="C"/><ExportTask Identifier="T2" Connector="C"/>',
      '<Step Identifier="T0"/><Step Identifier="T3" Level="2"/></Job>',
      '<ExportTask Identifier="T4"><TaskEntityType EntityType="E"/><TaskEntityType EntityType="F"/><TaskDependsOnTask ParentTask="T1"/><TaskDependsOnTask ParentTask="T2"/></ExportTask>',
      '<EntityTypeMapping Identifier="E" Connector="C"/><EntityTypeMapping Identifier="F" Connector="C"/>',
      '<CreateConnectorSynchroComplete Connector="C" JobIdentifier="S"><AddTask Type="A"/><AddTask Type="B"/></CreateConnectorSynchroComplete>',
      '</ConfigurationFile>',
    ].join('\n');
    sameEntry(text, 'elements that add to the entry');
    const entry = buildFileEntry(URI, text, 'utf-8');
    assert.deepEqual(
      entry.tasks.map((t) => [t.id, t.parents, t.children]),
      [
        ['T1', [], []],
        ['T2', [], []],
        ['T4', ['T1', 'T2'], ['TaskEntityType', 'TaskEntityType', 'TaskDependsOnTask', 'TaskDependsOnTask']],
      ],
    );
    assert.deepEqual(entry.jobs[0].tasks, ['T1', 'T2', 'T0', 'T3']);
    assert.deepEqual(entry.mappings, [
      { entityType: 'E', connector: 'C' },
      { entityType: 'F', connector: 'C' },
    ]);
    assert.deepEqual(
      entry.scaffoldings[0].children.map((c) => c.attrs.Type),
      ['A', 'B'],
    );
  });

  it('builds the same entry as the walk that reports every element, on every seed file and on fuzzed ones', () => {
    const r = prng(20261207);
    let files = 0;
    for (const ws of seedWorkspaces()) {
      for (const f of ws.files) {
        sameEntry(f.text, f.uri);
        for (let k = 0; k < 4; k++) sameEntry(MUTATORS[r(MUTATORS.length)](f.text, r), `${f.uri} (mutation ${k})`);
        files++;
      }
    }
    assert.ok(files > 20, `only ${files} seed files`);
  });

  it('agrees on runs made of the pieces that decide where a run stops', () => {
    const pieces = [
      '<Property Identifier="a"/>',
      '<Property/>',
      "<Property Type='x' />",
      '<Property\tIdentifier = "b"\n/>',
      '<Property Identifier="c">',
      '</Property>',
      '<Property Identifier="d/>',
      '<Property Identifier=e/>',
      '<PropertyX Identifier="f"/>',
      '<PropertyX="1"/>',
      '<Property.x Identifier="g"/>',
      '<ScalarRule Policy="P"/>',
      '<Step Identifier="T"/>',
      '<!-- <Property Identifier="h"/> -->',
      '<![CDATA[<Property/>]]>',
      '<?pi x?>',
      ' ',
      '\r\n',
      'text &amp; more',
      '<',
      '/>',
      '</EntityType>',
      '<EntityType Identifier="F">',
      '<ExportTask Identifier="T">',
      '<Property Identifier="\u0001"/>',
      '<Property a="1"\u0001/>',
    ];
    const r = prng(11);
    let withErrors = 0;
    for (let n = 0; n < 5_000; n++) {
      const body = drawPieces(r, pieces, 10);
      const text = `${ROOT}<EntityType Identifier="E">${body}</EntityType></ConfigurationFile>`;
      assert.deepEqual(errorsAndEndTags(text, true), errorsAndEndTags(text, false), JSON.stringify(body));
      sameEntry(text, JSON.stringify(body));
      if (buildFileEntry(URI, text, 'utf-8').syntaxErrors.length > 0) withErrors++;
    }
    // Both kinds were drawn: texts without a fault, and texts with one the run must not hide.
    assert.ok(withErrors > 500 && withErrors < 4_500, `${withErrors} of 5,000 texts with errors`);
  });
});
