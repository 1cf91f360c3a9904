/** Entries packed by an index worker come back identical, from every XML file the tests and the examples hold. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { hasPackedTasks, packEntry, unpackEntry } from '../../server/src/index/entryCodec';
import { readXmlFileSync } from '../../server/src/node/workspaceFiles';
import { fixtureAndExampleXmlFiles } from '../helpers/workspace';
import { conf } from '../helpers/cursor';
import { plainEntry } from '../helpers/plainEntry';

describe('packed entries', () => {
  const files = fixtureAndExampleXmlFiles();

  it('unpack to the entry that was packed, for every fixture and example file', () => {
    assert.ok(files.length > 30, `found ${files.length} files`);
    let tasks = 0;
    for (const file of files) {
      const read = readXmlFileSync(file);
      if (!read.ok) continue;
      const entry = buildFileEntry(pathToFileURL(file).toString(), read.text, read.encoding, false);
      const back = unpackEntry(packEntry(entry));
      assert.deepStrictEqual(plainEntry(back), plainEntry(entry), file);
      tasks += back.tasks.length;
      // Definitions and job members point at the entry's own task records, as when built.
      back.definitions.forEach((d, i) => d.task && assert.equal(back.tasks.indexOf(d.task), entry.tasks.indexOf(entry.definitions[i].task!)));
      back.jobs.forEach((j) => j.members.forEach((m) => m.task && assert.ok(back.tasks.includes(m.task))));
    }
    assert.ok(tasks > 50, `${tasks} tasks went through`);
  });

  it('keep syntax errors, absent optional fields and characters outside ASCII', () => {
    const text = conf(
      '<ExportTask Identifier="Exp_é" DisplayName_L1="Synchronisation complète 😀" Connection="C&amp;D" ConsolidationMode="Merge">\n' +
        '<TaskDependsOnTask ParentTask="" /></ExportTask>\n<Job Identifier="J" DisplayName_L1="j"><Step Task="Exp_é" /><FulfillTask Connector="AD"\n</Job>',
    );
    const entry = buildFileEntry('file:///x.xml', text, 'windows-1252', false);
    assert.ok(entry.syntaxErrors.length > 0);
    assert.deepStrictEqual(plainEntry(unpackEntry(packEntry(entry))), entry);
  });

  const twoJobs = conf(
    '<Job Identifier="J1" DisplayName_L1="j1">\n' +
      '  <ExportTask Identifier="E" DisplayName_L1="e" Connection="C" />\n' +
      '  <PrepareSynchronizationTask Identifier="P" DisplayName_L1="p" Connector="AD" SynchronizationMode="Complete"><TaskDependsOnTask ParentTask="E" /></PrepareSynchronizationTask>\n' +
      '</Job>\n<Job Identifier="J2" DisplayName_L1="j2"><Step Identifier="E" Level="3" /></Job>',
  );

  it("keep a file's tasks and jobs packed until one is read, then make them all, pointing at each other", () => {
    const built = buildFileEntry('file:///jobs.xml', twoJobs, 'utf-8', false);
    const back = unpackEntry(packEntry(built));
    assert.equal(hasPackedTasks(back), true);
    // What the index reads when it files an entry: its definitions' kinds, identifiers and places.
    assert.deepStrictEqual(
      back.definitions.map((d) => [d.kind, d.id, d.idStart, d.idEnd, d.job]),
      built.definitions.map((d) => [d.kind, d.id, d.idStart, d.idEnd, d.job]),
    );
    assert.equal(hasPackedTasks(back), true, 'reading the definitions made no task');

    const prepare = back.definitions.find((d) => d.id === 'P')!;
    assert.equal(prepare.task?.attrs.SynchronizationMode, 'Complete');
    assert.equal(hasPackedTasks(back), false, "reading a definition's task made the entry's tasks");
    assert.equal(prepare.task, back.tasks[1], 'the same record, not a copy');
    assert.deepStrictEqual(prepare.task.parents, ['E']);
    const [j1, j2] = back.jobs;
    assert.deepStrictEqual(
      j1.members.map((m) => m.task),
      back.tasks,
      "the job's members are the entry's task records",
    );
    assert.deepStrictEqual(
      j2.members.map((m) => [m.step, m.level]),
      [['E', '3']],
    );
    assert.deepStrictEqual(plainEntry(back), plainEntry(built));
  });

  it('make every object at once for a caller that reads them all (the command line)', () => {
    const built = buildFileEntry('file:///jobs.xml', twoJobs, 'utf-8', false);
    const now = unpackEntry(packEntry(built), true);
    assert.equal(hasPackedTasks(now), false);
    // Plain objects, like those built here, down to their prototypes.
    assert.deepStrictEqual(now, built);
  });
});
