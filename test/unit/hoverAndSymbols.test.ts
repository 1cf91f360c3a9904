import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { fixtureWorkspace, workspace } from '../helpers/workspace';
import { MAX_SYMBOLS } from '../../server/src/features/workspaceSymbols';
import { conf, positionAfter, textOf } from '../helpers/cursor';

const JOBS = 'AD/AD Jobs.xml';
const SHARED = 'Shared Tasks.xml';

const at = positionAfter;

describe('hover', () => {
  const ws = fixtureWorkspace('multi-file', [JOBS, SHARED]);

  it('on a ParentTask: element type, display name, file, jobs and parents of the task', () => {
    const h = ws.service.doHover(ws.uri(SHARED), at(ws.text(SHARED), 'ParentTask="AD_Prepare"', 14))!;
    const value = (h.contents as { value: string }).value;
    assert.equal(value, '**PrepareSynchronizationTask** `AD_Prepare` — Prepare AD\n\nDefined in `AD/AD Jobs.xml`\n\nJob: `Job_AD_Complete`\n\nDepends on: `AD_Export_Complete`');
    assert.equal(textOf(ws.text(SHARED), h.range!), 'AD_Prepare');
  });

  it('on a Step target: every job that runs the task', () => {
    const h = ws.service.doHover(ws.uri(JOBS), at(ws.text(JOBS), 'Step Identifier="All', 18))!;
    assert.match((h.contents as { value: string }).value, /Job: `Job_AD_Complete`, `Job_Other`/);
  });

  it('says so when the target does not exist', () => {
    const ws2 = fixtureWorkspace('multi-file');
    const text = ws.text(JOBS).replace('ParentTask="AD_Prepare"', 'ParentTask="AD_Missing"');
    ws2.service.openDocument(ws2.uri(JOBS), text, 2);
    const h = ws2.service.doHover(ws2.uri(JOBS), at(text, 'AD_Missing', 2))!;
    assert.equal((h.contents as { value: string }).value, 'No task `AD_Missing` is defined in the workspace.');
  });
});

describe('outline and workspace symbols', () => {
  const ws = fixtureWorkspace('multi-file', [JOBS, SHARED]);

  it('shows jobs with their tasks and steps as children', () => {
    const symbols = ws.service.findDocumentSymbols(ws.uri(JOBS));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.children?.map((c) => [c.name, c.detail])]),
      [
        [
          'Job_AD_Complete',
          SymbolKind.Module,
          [
            ['AD_Export_Complete', 'ExportTask — Export AD'],
            ['AD_Prepare', 'PrepareSynchronizationTask — Prepare AD'],
            ['Step All_CorrelationKeys', 'Step'],
            ['AD_Fulfill', 'FulfillTask — Fulfill AD'],
          ],
        ],
      ],
    );
    assert.equal(textOf(ws.text(JOBS), symbols[0].selectionRange), 'Job_AD_Complete');
  });

  it('lists top-level elements of any kind', () => {
    const symbols = ws.service.findDocumentSymbols(ws.uri(SHARED));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [
        ['All_CorrelationKeys', SymbolKind.Function],
        ['Job_Other', SymbolKind.Module],
      ],
    );
  });

  it(`answers at most ${MAX_SYMBOLS} symbols, for a query that matches more`, () => {
    const many = Array.from({ length: 600 }, (_, i) => `<ExportTask Identifier="Many_${i}" DisplayName_L1="m" />`).join('\n');
    const service = workspace({ 'many.xml': conf(many) });
    assert.equal(service.findWorkspaceSymbols('many').length, MAX_SYMBOLS);
    assert.equal(service.findWorkspaceSymbols('many_599').length, 1);
  });

  it('finds tasks, jobs, connectors and entity types by name across the workspace', () => {
    const names = (q: string) =>
      ws.service
        .findWorkspaceSymbols(q)
        .map((s) => `${s.name}:${s.containerName}`)
        .sort();
    assert.deepEqual(names('adprep'), ['AD_Prepare:PrepareSynchronizationTask in Job_AD_Complete']);
    assert.deepEqual(names('job_'), ['Job_AD_Complete:Job', 'Job_Other:Job']);
    assert.deepEqual(names('ad_entry'), ['AD_Entry:EntityType']);
    assert.ok(names('AD').includes('AD:Connector') && names('AD').includes('AD:Category'));
  });
});
