/** The index files a worker's entries by the identifiers they reference without making their Reference objects, and answers as if it had. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileEntry, buildFileEntry } from '../../server/src/index/fileEntry';
import { hasPackedReferences, packEntry, unpackEntry } from '../../server/src/index/entryCodec';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { readXmlFileSync } from '../../server/src/node/workspaceFiles';
import { fixtureAndExampleXmlFiles } from '../helpers/workspace';
import { conf } from '../helpers/cursor';

/** Every XML file of the fixtures and the examples, as the index workers and the editor's own reads make them. */
function entries(): { built: FileEntry[]; unpacked: FileEntry[] } {
  const built: FileEntry[] = [];
  const unpacked: FileEntry[] = [];
  for (const file of fixtureAndExampleXmlFiles()) {
    const read = readXmlFileSync(file);
    if (!read.ok) continue;
    const uri = pathToFileURL(file).toString();
    built.push(buildFileEntry(uri, read.text, read.encoding, false));
    unpacked.push(unpackEntry(packEntry(buildFileEntry(uri, read.text, read.encoding, false))));
  }
  return { built, unpacked };
}

/** Each identifier referenced, once, as [kind, id]. */
function referenced(files: readonly FileEntry[]): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const e of files) for (const r of e.references) seen.set(`${r.kind}\u0000${r.id}`, [r.kind, r.id]);
  return [...seen.values()];
}

describe('references of entries from the index workers', () => {
  it('are filed without being made, and answer the same references as entries built here', () => {
    const { built, unpacked } = entries();
    const withReferences = unpacked.filter((e) => hasPackedReferences(e));
    assert.ok(withReferences.length > 30, `${withReferences.length} files with references`);
    const fromBuilt = new WorkspaceIndex();
    const fromWorkers = new WorkspaceIndex();
    built.forEach((e) => fromBuilt.set(e));
    unpacked.forEach((e) => fromWorkers.set(e));
    // Filing them and looking definitions up reads no reference.
    for (const [kind, id] of referenced(built)) fromWorkers.definitions(kind, id);
    assert.ok(
      withReferences.every((e) => hasPackedReferences(e)),
      'a reference was made while filing',
    );

    const ids = referenced(built);
    assert.ok(ids.length > 100, `${ids.length} identifiers referenced`);
    // What the index answers: every reference to the identifier, file by file in filing order, as written in each.
    const written = (kind: string, id: string) =>
      built.flatMap((e) => e.references.filter((r) => r.kind === kind && WorkspaceIndex.keyOf(kind, r.id) === WorkspaceIndex.keyOf(kind, id)));
    for (const [kind, id] of ids) {
      assert.deepStrictEqual(fromWorkers.references(kind, id), written(kind, id), `${kind} ${id}`);
      assert.deepStrictEqual(fromBuilt.references(kind, id), written(kind, id), `${kind} ${id}`);
    }
    // Case-insensitive kinds answer under any spelling, as before.
    const connection = ids.find(([kind]) => kind === 'Connection');
    assert.ok(connection);
    assert.deepStrictEqual(fromWorkers.references('Connection', connection[1].toUpperCase()), written('Connection', connection[1]));
  });

  it('are made one identifier at a time, as the same objects the entry later reads', () => {
    const text = conf(
      '<ExportTask Identifier="E" DisplayName_L1="e" Connection="C" />\n<FulfillTask Identifier="F" DisplayName_L1="f" Connection="C">\n  <TaskDependsOnTask ParentTask="E" />\n</FulfillTask>',
    );
    const built = buildFileEntry('file:///a.xml', text, 'utf-8', false);
    const entry = unpackEntry(packEntry(built));
    const index = new WorkspaceIndex();
    index.set(entry);
    const toE = index.references('Task', 'E');
    assert.deepStrictEqual(
      toE,
      built.references.filter((r) => r.kind === 'Task'),
    );
    assert.equal(
      toE[0].line,
      text.split('\n').findIndex((l) => l.includes('ParentTask')),
      'placed on its line',
    );
    assert.equal(toE[0].character, text.split('\n')[toE[0].line].indexOf('"E"') + 1);
    assert.equal(hasPackedReferences(entry), true, 'the references to C are still packed');
    const all = entry.references;
    assert.equal(hasPackedReferences(entry), false);
    assert.deepStrictEqual(all, built.references);
    assert.equal(
      all.find((r) => r.kind === 'Task'),
      toE[0],
      'one object per reference',
    );
    assert.deepStrictEqual(
      index.references('Connection', 'c'),
      built.references.filter((r) => r.kind === 'Connection'),
    );
  });

  it('are made at once for the command line, which reads them all', () => {
    const text = conf(
      '<ExportTask Identifier="E" DisplayName_L1="e" Connection="C" />\n<FulfillTask Identifier="F" DisplayName_L1="f"><TaskDependsOnTask ParentTask="E" /></FulfillTask>',
    );
    const entry = buildFileEntry('file:///a.xml', text, 'utf-8', false);
    const now = unpackEntry(packEntry(entry), true);
    assert.equal(hasPackedReferences(now), false);
    assert.deepStrictEqual(now, entry);
  });

  it('keep a file in its place under the identifiers it still references when it is replaced', () => {
    const A = 'file:///a.xml';
    const B = 'file:///b.xml';
    const file = (uri: string, parent: string) =>
      buildFileEntry(
        uri,
        conf(`<FulfillTask Identifier="F_${uri.slice(-5, -4)}" DisplayName_L1="f" Connector="Shared"><TaskDependsOnTask ParentTask="${parent}" /></FulfillTask>`),
        'utf-8',
        false,
      );
    const index = new WorkspaceIndex();
    index.set(unpackEntry(packEntry(file(A, 'X'))));
    index.set(unpackEntry(packEntry(file(B, 'X'))));
    // Another task of A now, edited in the editor: A leaves X's list, joins Y's, stays first under Shared.
    const edited = file(A, 'Y');
    index.set(edited, true);
    assert.deepStrictEqual(
      index.references('Task', 'X').map((r) => r.uri),
      [B],
    );
    assert.deepStrictEqual(index.references('Task', 'Y'), [edited.references[1]]);
    assert.deepStrictEqual(
      index.references('Connector', 'Shared').map((r) => r.uri),
      [A, B],
    );
    assert.equal(index.references('Connector', 'Shared')[0], edited.references[0]);
    index.delete(B);
    assert.deepStrictEqual(
      index.references('Connector', 'Shared').map((r) => r.uri),
      [A],
    );
    assert.deepStrictEqual(index.references('Task', 'X'), []);
  });
});
