/**
 * Typing inside attribute values patches the open document's tree instead of parsing it
 * again (model/valueEdit.ts). Whatever the edit, the document, its index entry, the index and
 * the diagnostics must be exactly what a fresh parse of the new text gives.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LanguageService } from '../../server/src/languageService';
import { changedSpan } from '../../server/src/model/valueEdit';
import { fixtureWorkspace } from '../helpers/workspace';
import { conf } from '../helpers/cursor';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the same text gives when parsed from scratch, in a workspace holding the same other files. */
function fromScratch(fixture: string, rel: string, text: string) {
  const fresh = fixtureWorkspace(fixture);
  const uri = fresh.uri(rel);
  const doc = fresh.service.openDocument(uri, text, 1);
  return { service: fresh.service, doc, uri };
}

function assertSameAsScratch(service: LanguageService, fixture: string, rel: string, uri: string, step: string): void {
  const doc = service.getOpenDocument(uri)!;
  const scratch = fromScratch(fixture, rel, doc.text);
  assert.deepStrictEqual(doc.tree, scratch.doc.tree, `tree after ${step}`);
  assert.deepStrictEqual(doc.entry, scratch.doc.entry, `entry after ${step}`);
  assert.deepStrictEqual(service.validate(uri, { strictXml: false }), scratch.service.validate(uri, { strictXml: false }), `diagnostics after ${step}`);
  for (const d of doc.entry.definitions) {
    assert.deepStrictEqual(service.index.references(d.kind, d.id), scratch.service.index.references(d.kind, d.id), `references of ${d.id} after ${step}`);
  }
}

/** Offsets inside attribute values (between the quotes, ends included). */
function valueOffsets(service: LanguageService, uri: string): number[] {
  const out: number[] = [];
  const walk = (els: typeof doc.tree.roots) => {
    for (const el of els) {
      for (const a of el.attributes) if (a.valueStart >= 0) for (let o = a.valueStart; o <= a.valueEnd; o++) out.push(o);
      walk(el.children);
    }
  };
  const doc = service.getOpenDocument(uri)!;
  walk(doc.tree.roots);
  return out;
}

/** The index-rules fixture with its job file open. */
function openJobs() {
  const rel = 'Jobs.xml';
  const ws = fixtureWorkspace('index-rules', [rel]);
  return { ws, rel, uri: ws.uri(rel) };
}

function messages(service: LanguageService, uri: string, rule: string): string[] {
  return service
    .validate(uri)
    .filter((d) => d.code === rule)
    .map((d) => d.message);
}

const INSERTS = ['x', 'AD_', ' ', 'é', '😀', '&amp;', '&lt;', '\n', "'", '"', '<', '>', '/>', '', 'Complete', 'true', 'Zz9'];

describe('edits inside attribute values', () => {
  for (const [fixture, rel] of [
    ['seed', 'Seed Job.xml'],
    ['protocol-jobs', 'Conf/AD/AD Jobs.xml'],
    ['protocol-jobs', 'Conf/Shared Tasks.xml'],
    // Duplicates (messages name a line of this file), unresolved references, a cycle, a case
    // collision, a task twice in a job, a task without Identifier: the index rules' findings.
    ['index-rules', 'Jobs.xml'],
    ['index-rules', 'Shared.xml'],
  ] as const) {
    it(`give what a fresh parse gives, over 150 random edits of ${rel}`, () => {
      const ws = fixtureWorkspace(fixture, [rel]);
      const uri = ws.uri(rel);
      const next = random(rel.length * 7919);
      let text = ws.text(rel);
      for (let i = 0; i < 150; i++) {
        // Mostly inside values (the patched path); now and then anywhere (a fresh parse).
        const inValue = next() < 0.85;
        const offsets = inValue ? valueOffsets(ws.service, uri) : [];
        const at = offsets.length > 0 ? offsets[Math.floor(next() * offsets.length)] : Math.floor(next() * text.length);
        const removed = next() < 0.3 ? Math.floor(next() * 4) : 0;
        const inserted = INSERTS[Math.floor(next() * INSERTS.length)];
        text = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
        ws.service.changeDocument(uri, text, i + 2);
        assertSameAsScratch(ws.service, fixture, rel, uri, `edit ${i}: ${JSON.stringify(inserted)} at ${at} (-${removed})`);
      }
    });
  }

  it('patch the tree in place for a character typed in a value, and parse again for a quote or a "<"', () => {
    const rel = 'Conf/AD/AD Jobs.xml';
    const ws = fixtureWorkspace('protocol-jobs', [rel]);
    const uri = ws.uri(rel);
    const text = ws.text(rel);
    const tree = ws.service.getOpenDocument(uri)!.tree;
    const at = text.indexOf('DisplayName_L1="') + 'DisplayName_L1="'.length;

    const typed = text.slice(0, at) + 'x' + text.slice(at);
    ws.service.changeDocument(uri, typed, 2);
    assert.equal(ws.service.getOpenDocument(uri)!.tree, tree, 'same tree object');
    assertSameAsScratch(ws.service, 'protocol-jobs', rel, uri, 'typing x');

    ws.service.changeDocument(uri, typed.slice(0, at) + '"' + typed.slice(at), 3);
    assert.notEqual(ws.service.getOpenDocument(uri)!.tree, tree, 'a quote of the same kind re-parses');
    assertSameAsScratch(ws.service, 'protocol-jobs', rel, uri, 'typing a quote');
  });

  it('keep the findings of the index rules while typing in a value, and find them again when a line moves', () => {
    const { ws, rel, uri } = openJobs();
    let text = ws.text(rel);
    const duplicate = () => messages(ws.service, uri, 'identifier/unique');
    assert.deepEqual(duplicate(), [
      "Duplicate task identifier 'AD_Export': also defined as ExportTask in this file:19.",
      "Duplicate task identifier 'AD_Export': also defined as ExportTask in this file:4.",
    ]);
    const at = text.indexOf('DisplayName_L1="AD complete') + 'DisplayName_L1="AD'.length;
    text = text.slice(0, at) + ' typed' + text.slice(at);
    ws.service.changeDocument(uri, text, 2);
    assert.ok(ws.service.getOpenDocument(uri)!.indexFindings, 'kept across a value edit');
    assertSameAsScratch(ws.service, 'index-rules', rel, uri, 'typing in a display name');
    // A line break in a value moves the lines the messages name.
    text = text.slice(0, at) + '\n' + text.slice(at);
    ws.service.changeDocument(uri, text, 3);
    assert.deepEqual(duplicate(), [
      "Duplicate task identifier 'AD_Export': also defined as ExportTask in this file:20.",
      "Duplicate task identifier 'AD_Export': also defined as ExportTask in this file:5.",
    ]);
  });

  it('check the index rules again when another file changes between two keystrokes', () => {
    const { ws, rel, uri } = openJobs();
    let text = ws.text(rel);
    const missing = () => messages(ws.service, uri, 'job/step-target-exists');
    assert.deepEqual(missing(), ["Step names task 'Missing_Task', which is not defined in any configuration file."]);
    const at = text.indexOf('DisplayName_L1="Synchronize') + 'DisplayName_L1="'.length;
    text = text.slice(0, at) + 'x' + text.slice(at);
    ws.service.changeDocument(uri, text, 2);
    assert.equal(missing().length, 1);
    // The task appears in another file, then the user types again in the same value.
    ws.service.setFileText('file:///elsewhere/More.xml', ws.text('Shared.xml').replace('Identifier="Shared_Compute"', 'Identifier="Missing_Task"'));
    text = text.slice(0, at) + 'y' + text.slice(at);
    ws.service.changeDocument(uri, text, 3);
    assert.deepEqual(missing(), []);
  });

  it('check another open document again when a definition its findings name moves to another line', () => {
    const { ws, rel, uri } = openJobs();
    const other = 'file:///elsewhere/Other.xml';
    ws.service.openDocument(other, conf('<ExportTask Identifier="AD_Export" DisplayName_L1="again" Connection="ADExport" />'), 1);
    const named = () => messages(ws.service, other, 'identifier/unique');
    assert.deepEqual(named(), ["Duplicate task identifier 'AD_Export': also defined as ExportTask in Jobs.xml:4 and 1 more."]);
    // Typing in the job file keeps what the other document found; a line break above its definition does not.
    let text = ws.text(rel);
    const at = text.indexOf('DisplayName_L1="AD complete') + 'DisplayName_L1="'.length;
    text = text.slice(0, at) + 'x' + text.slice(at);
    ws.service.changeDocument(uri, text, 2);
    assert.deepEqual(named(), ["Duplicate task identifier 'AD_Export': also defined as ExportTask in Jobs.xml:4 and 1 more."]);
    text = text.slice(0, at) + '\n' + text.slice(at);
    ws.service.changeDocument(uri, text, 3);
    assert.deepEqual(named(), ["Duplicate task identifier 'AD_Export': also defined as ExportTask in Jobs.xml:5 and 1 more."]);
  });

  it('find where two texts differ, at their ends and across long equal runs', () => {
    assert.deepEqual(changedSpan('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedSpan('abc', 'abxc'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(changedSpan('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
    assert.deepEqual(changedSpan('hello world', 'hello'), { start: 5, oldEnd: 11, newEnd: 5 });
    const long = 'abcdef'.repeat(500);
    assert.deepEqual(changedSpan(long, long.slice(0, 1234) + 'ZZ' + long.slice(1240)), { start: 1234, oldEnd: 1240, newEnd: 1236 });
    assert.deepEqual(changedSpan('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  });
});
