/**
 * The server's cold index leaves each worker entry's task records and jobs packed, and its first
 * checks make only those of the files they look into: an open document's own tasks and the files
 * that define what they depend on, not every file of the workspace.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { hasPackedTasks, packEntry, unpackEntry } from '../../server/src/index/entryCodec';
import { LanguageService } from '../../server/src/languageService';
import { conf } from '../helpers/cursor';
import { ROOT_URI, uriOf } from '../helpers/workspace';

const OPEN = conf(
  '<Job Identifier="J_Open" DisplayName_L1="open">\n' +
    '  <ExportTask Identifier="Open_Export" DisplayName_L1="e" Connection="C" />\n' +
    '  <FulfillTask Identifier="Open_Fulfill" DisplayName_L1="f" Connector="AD"><TaskDependsOnTask ParentTask="Shared_Export" /></FulfillTask>\n' +
    '</Job>',
);
const SHARED = conf('<ExportTask Identifier="Shared_Export" DisplayName_L1="s" Connection="C" />');
const OTHER = conf(
  '<Job Identifier="J_Other" DisplayName_L1="other">\n' +
    '  <ExportTask Identifier="Other_Export" DisplayName_L1="e" Connection="D" />\n' +
    '  <FulfillTask Identifier="Other_Fulfill" DisplayName_L1="f" Connector="LDAP"><TaskDependsOnTask ParentTask="Other_Export" /></FulfillTask>\n' +
    '</Job>',
);

describe('task records left packed by the cold index', () => {
  it("are made for the files the open document's first check looks into, and no others", () => {
    const service = new LanguageService();
    service.setWorkspaceRoots([ROOT_URI]);
    const fromWorker = (name: string, text: string) => {
      const entry = unpackEntry(packEntry(buildFileEntry(uriOf(name), text, 'utf-8', false)));
      service.setFileEntry(entry);
      return entry;
    };
    fromWorker('shared.xml', SHARED);
    const other = fromWorker('other.xml', OTHER);
    service.openDocument(uriOf('open.xml'), OPEN, 1);

    // What the server does once the index is ready: check the open documents, count the jobs.
    const diagnostics = service.validate(uriOf('open.xml'));
    assert.equal(service.index.jobCount(), 2);

    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'dependency/parent-exists'),
      [],
      'the parent task in another file was found',
    );
    assert.equal(hasPackedTasks(other), true, 'a file the check had no reason to read stays packed');
    // Made when something asks for them, the same as built.
    assert.deepEqual(service.index.task('Other_Fulfill')?.parents, ['Other_Export']);
    assert.equal(hasPackedTasks(other), false);
    assert.equal(service.index.job('J_Other')?.members.length, 2);
  });
});
