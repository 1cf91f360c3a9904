/** Entries packed by an index worker come back identical, from every XML file the tests and the examples hold. */
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { packEntry, unpackEntry } from '../../server/src/index/entryCodec';
import { readXmlFileSync } from '../../server/src/node/workspaceFiles';
import { FIXTURES, REPO_ROOT } from '../helpers/workspace';
import { conf } from '../helpers/cursor';

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return xmlFiles(full);
    return name.toLowerCase().endsWith('.xml') ? [full] : [];
  });
}

describe('packed entries', () => {
  const files = [...xmlFiles(FIXTURES), ...xmlFiles(path.join(REPO_ROOT, 'examples'))];

  it('unpack to the entry that was packed, for every fixture and example file', () => {
    assert.ok(files.length > 30, `found ${files.length} files`);
    let tasks = 0;
    for (const file of files) {
      const read = readXmlFileSync(file);
      if (!read.ok) continue;
      const entry = buildFileEntry(pathToFileURL(file).toString(), read.text, read.encoding, false);
      const back = unpackEntry(packEntry(entry));
      assert.deepStrictEqual(back, entry, file);
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
    assert.deepStrictEqual(unpackEntry(packEntry(entry)), entry);
  });
});
