import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { fixtureWorkspace } from '../helpers/workspace';
import { positionAfter, textOf } from '../helpers/cursor';

const JOBS = 'AD/AD Jobs.xml';
const SHARED = 'Shared Tasks.xml';

const at = (text: string, needle: string, delta = 1) => positionAfter(text, needle, delta);

describe('go to definition', () => {
  const ws = fixtureWorkspace('multi-file', [JOBS, SHARED]);
  const show = (locs: Location[]) =>
    locs.map((l) => [l.uri.slice(l.uri.lastIndexOf('/') + 1), l.range.start.line, textOf(ws.text(decodeURIComponent(l.uri.split('/multi-file/')[1])), l.range)]);

  it('from a ParentTask to the task defined in another file', () => {
    const locs = ws.service.findDefinition(ws.uri(SHARED), at(ws.text(SHARED), 'ParentTask="AD_Prepare"', 14));
    assert.deepEqual(show(locs), [['AD%20Jobs.xml', 4, 'AD_Prepare']]);
  });

  it('from a Step, a Connection and a TaskEntityType', () => {
    const jobs = ws.text(JOBS);
    assert.deepEqual(show(ws.service.findDefinition(ws.uri(JOBS), at(jobs, 'Step Identifier="All', 18))), [['Shared%20Tasks.xml', 2, 'All_CorrelationKeys']]);
    assert.deepEqual(show(ws.service.findDefinition(ws.uri(JOBS), at(jobs, 'Connection="ADExport"', 13))), [['AD%20Connector.xml', 3, 'ADExport']]);
    assert.deepEqual(show(ws.service.findDefinition(ws.uri(SHARED), at(ws.text(SHARED), 'EntityType="AD_Entry"', 13))), [['AD%20Connector.xml', 5, 'AD_Entry']]);
  });

  it('keeps kinds apart: Connector AD and Category AD', () => {
    const jobs = ws.text(JOBS);
    assert.deepEqual(show(ws.service.findDefinition(ws.uri(JOBS), at(jobs, 'Connector="AD"', 12))), [['AD%20Connector.xml', 2, 'AD']]);
  });

  it('finds nothing for a missing task, and nothing outside identifiers', () => {
    assert.deepEqual(ws.service.findDefinition(ws.uri(JOBS), at(ws.text(JOBS), 'DisplayName_L1="Export AD"', 18)), []);
  });
});

describe('find references', () => {
  const ws = fixtureWorkspace('multi-file', [JOBS]);

  it('lists every ParentTask naming a task, across files, from its definition', () => {
    const pos = at(ws.text(JOBS), 'Identifier="AD_Prepare"', 13);
    const refs = ws.service.findReferences(ws.uri(JOBS), pos, false).map((l) => [decodeURIComponent(l.uri.split('/multi-file/')[1]), l.range.start.line]);
    assert.deepEqual(refs.sort(), [
      ['AD/AD Jobs.xml', 9],
      ['Shared Tasks.xml', 4],
    ]);
    const withDecl = ws.service.findReferences(ws.uri(JOBS), pos, true);
    assert.equal(withDecl.length, 3);
  });

  it('from a reference: Steps of two jobs in two files', () => {
    const pos = at(ws.text(JOBS), 'Step Identifier="All', 18);
    const refs = ws.service.findReferences(ws.uri(JOBS), pos, false).map((l) => decodeURIComponent(l.uri.split('/multi-file/')[1]));
    assert.deepEqual(refs.sort(), ['AD/AD Jobs.xml', 'Shared Tasks.xml']);
  });
});
