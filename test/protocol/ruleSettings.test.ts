/**
 * Rule severities in the editor: `.usercube-jobs.json` at the configuration root, and the
 * `usercubeJobs.rules` setting over it; changing them re-checks open files without re-reading
 * the workspace.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { conf } from '../helpers/cursor';
import { startSession } from '../helpers/lspClient';

const JOB = conf(`  <Job Identifier="Job_AD_Complete" DisplayName_L1="AD complete">
    <SynchronizeTask Identifier="AD_Sync" DisplayName_L1="Sync" Connector="AD" DoNotDeleteChanges="true" />
  </Job>
  <Connector Identifier="AD" DisplayName_L1="AD" />`);
const RULE = 'sync-complete/no-donotdeletechanges';

describe('protocol: rule settings', () => {
  test('the settings file and the editor setting set severities; changes re-check open files', async (t) => {
    const { ws, client } = await startSession(t, {
      'Conf/Jobs.xml': JOB,
      'Conf/.usercube-jobs.json': JSON.stringify({ rules: { [RULE]: 'warning' } }),
    });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, JOB);
    const severityOf = (d: { code?: unknown; severity?: number }[]) => d.find((x) => x.code === RULE)?.severity;
    assert.equal(severityOf(await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === RULE))), DiagnosticSeverity.Warning);

    await client.configurationChanged({ usercubeJobs: { exclude: [], rules: { [RULE]: 'off' } } });
    await client.waitForDiagnostics(uri, (d) => severityOf(d) === undefined);

    await client.configurationChanged({ usercubeJobs: { exclude: [] } });
    await client.waitForDiagnostics(uri, (d) => severityOf(d) === DiagnosticSeverity.Warning);

    ws.write('Conf/.usercube-jobs.json', JSON.stringify({ rules: {} }));
    await client.filesChanged([{ uri: ws.uri('Conf/.usercube-jobs.json'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (d) => severityOf(d) === DiagnosticSeverity.Error);
    // Severities alone never re-read the workspace: one indexing, at startup.
    assert.equal(client.progress.size, 1);
  });
});
