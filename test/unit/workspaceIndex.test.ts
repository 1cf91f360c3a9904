/** Replacing a file's entry, the slow way and in place (open documents, on every keystroke). */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { conf } from '../helpers/cursor';
import { fixtureWorkspace } from '../helpers/workspace';

const A = 'file:///a.xml';
const text = (display: string, parent: string) =>
  conf(`<ExportTask Identifier="E" DisplayName_L1="${display}" />\n<FulfillTask Identifier="F" DisplayName_L1="f"><TaskDependsOnTask ParentTask="${parent}" /></FulfillTask>`);

describe('workspace index', () => {
  it('swaps items in place when an edit keeps the identifiers, with the new offsets', () => {
    const index = new WorkspaceIndex();
    index.set(buildFileEntry(A, text('e', 'E')));
    const before = index.references('Task', 'E')[0].start;
    const edited = buildFileEntry(A, text('a longer name', 'E'));
    index.set(edited);
    assert.equal(index.references('Task', 'E')[0], edited.references[0]);
    assert.equal(index.references('Task', 'E')[0].start, before + 'a longer name'.length - 1);
    assert.equal(index.definitions('Task', 'F')[0], edited.definitions[1]);
  });

  it('re-files items when an edit changes an identifier', () => {
    const index = new WorkspaceIndex();
    index.set(buildFileEntry(A, text('e', 'E')));
    index.set(buildFileEntry(A, text('e', 'F')));
    assert.deepEqual(index.references('Task', 'E'), []);
    assert.equal(index.references('Task', 'F').length, 1);
    index.set(buildFileEntry(A, text('x', 'F')));
    assert.equal(index.references('Task', 'F')[0].start, index.file(A)!.references[0].start);
    index.delete(A);
    assert.deepEqual(index.references('Task', 'F'), []);
    assert.deepEqual(index.definitions('Task', 'E'), []);
  });

  it('keeps kinds apart and compares connections without case', () => {
    const index = new WorkspaceIndex();
    index.set(
      buildFileEntry(
        A,
        conf(
          '<Connector Identifier="AD" DisplayName_L1="c" />\n<Category Identifier="AD" DisplayName_L1="c" Policy="P" />\n<Connection Identifier="ADExport" DisplayName_L1="e" Connector="AD" Package="x" />',
        ),
      ),
    );
    assert.equal(index.definitions('Connector', 'AD').length, 1);
    assert.equal(index.definitions('Category', 'AD').length, 1);
    assert.equal(index.definitions('Connection', 'adexport')[0].id, 'ADExport');
    assert.deepEqual(index.otherSpellings('Connector', 'ad'), ['AD']);
  });

  it('keeps the order of duplicates across files when one of them is edited in place', () => {
    const index = new WorkspaceIndex();
    const B = 'file:///b.xml';
    index.set(buildFileEntry(A, text('e', 'E')));
    index.set(buildFileEntry(B, text('e', 'E')));
    index.set(buildFileEntry(A, text('edited', 'E')));
    assert.deepEqual(
      index.definitions('Task', 'E').map((d) => d.uri),
      [A, B],
    );
    assert.deepEqual(
      index.references('Task', 'E').map((r) => r.uri),
      [A, B],
    );
    index.delete(A);
    assert.deepEqual(
      index.definitions('Task', 'E').map((d) => d.uri),
      [B],
    );
  });

  it('forgets a spelling when its last definition goes, and not before', () => {
    const index = new WorkspaceIndex();
    const B = 'file:///b.xml';
    const C = 'file:///c.xml';
    index.set(buildFileEntry(A, conf('<Connector Identifier="AD" DisplayName_L1="c" />')));
    index.set(buildFileEntry(B, conf('<Connector Identifier="Ad" DisplayName_L1="c" />')));
    index.set(buildFileEntry(C, conf('<Connector Identifier="Ad" DisplayName_L1="c" />')));
    assert.deepEqual(index.otherSpellings('Connector', 'AD'), ['Ad']);
    index.delete(B);
    assert.deepEqual(index.otherSpellings('Connector', 'AD'), ['Ad']);
    index.delete(C);
    assert.deepEqual(index.otherSpellings('Connector', 'AD'), []);
    assert.deepEqual(index.otherSpellings('Connector', 'ad'), ['AD']);
  });

  it('moves only the item whose identifier changed: the file keeps its place in the lists it shares', () => {
    const index = new WorkspaceIndex();
    const B = 'file:///b.xml';
    const file = (id: string) => conf(`<ExportTask Identifier="${id}" DisplayName_L1="e" Connection="Shared" />`);
    index.set(buildFileEntry(A, file('E1')), true);
    index.set(buildFileEntry(B, file('E2')));
    index.set(buildFileEntry(A, file('E3')), true);
    assert.deepEqual(
      index.references('Connection', 'Shared').map((r) => r.uri),
      [A, B],
    );
    assert.deepEqual(index.definitions('Task', 'E1'), []);
    assert.deepEqual(
      index.definitions('Task', 'E3').map((d) => d.uri),
      [A],
    );
    assert.deepEqual(index.otherSpellings('Task', 'e3'), ['E3']);
    assert.deepEqual(index.otherSpellings('Task', 'e1'), []);
  });
});

describe('job count', () => {
  it('counts the jobs written in files and those scaffoldings generate, as allJobs lists them', () => {
    for (const name of ['scaffoldings', 'protocol-jobs', 'seed', 'multi-file']) {
      const { index } = fixtureWorkspace(name).service;
      const jobs = index.allJobs();
      assert.equal(index.jobCount(), jobs.length, name);
    }
    const generated = fixtureWorkspace('scaffoldings')
      .service.index.allJobs()
      .filter((j) => j.generatedBy);
    assert.ok(generated.length > 0, 'scaffoldings generate jobs');
  });
});
