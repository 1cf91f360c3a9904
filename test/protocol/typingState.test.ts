/**
 * The typing state: a document broken mid-file while the user types still offers completion
 * and navigation for the tasks after the fault, and shows one `xml/well-formed` error there.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { conf } from '../helpers/cursor';
import { positionIn, rangeIn, startSession, visible } from '../helpers/lspClient';

// T_Later is written after the task that depends on it, and runs before it by its Level.
const WELL_FORMED = conf(`  <Job Identifier="Job_T" DisplayName_L1="Typing">
    <UpdateEntityPropertyExpressionsTask Identifier="T_Compute" Level="0" DisplayName_L1="Compute" />
    <ComputeCorrelationKeysTask Identifier="T_Keys" Level="1" DisplayName_L1="Keys">
      <TaskDependsOnTask ParentTask="T_Compute" />
      <TaskDependsOnTask ParentTask="T_Later" />
      <TaskDependsOnTask ParentTask="" />
    </ComputeCorrelationKeysTask>
    <ComputeRoleModelTask Identifier="T_Later" Level="0" DisplayName_L1="Later" />
  </Job>`);
const ELSEWHERE = conf('  <ComputeCorrelationKeysTask Identifier="Disk_Task" DisplayName_L1="On disk" />');

function wellFormedError(range: Diagnostic['range'], message: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Error, code: 'xml/well-formed', source: 'usercube', message };
}

// Each test has its own server and folder: they run side by side.
describe('protocol: typing state', { concurrency: true }, () => {
  test('an unclosed start tag mid-file: completion and definition still see the tasks after it, one xml/well-formed error at the fault', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': WELL_FORMED, 'Conf/Elsewhere.xml': ELSEWHERE });
    const uri = ws.uri('Conf/Jobs.xml');
    await client.open(uri, WELL_FORMED);
    assert.deepEqual(await client.waitForDiagnostics(uri, () => true), []);

    // The user deletes the "/>" of the first task.
    const broken = WELL_FORMED.replace('DisplayName_L1="Compute" />', 'DisplayName_L1="Compute" ');
    await client.change(uri, 2, [{ range: rangeIn(WELL_FORMED, 'DisplayName_L1="Compute" [/>]'), text: '' }]);
    assert.deepEqual(visible(await client.waitForDiagnostics(uri, (_, p) => p.version === 2)), [
      wellFormedError(
        rangeIn(broken, '<[UpdateEntityPropertyExpressionsTask] Identifier'),
        'Start tag "<UpdateEntityPropertyExpressionsTask" is not closed: expected ">" or "/>".',
      ),
    ]);

    const items = await client.completion(uri, positionIn(broken, 'ParentTask="|"'));
    assert.deepEqual(items?.items.map((i) => i.label).sort(), ['Disk_Task', 'T_Compute', 'T_Later']);
    assert.deepEqual(await client.definition(uri, positionIn(broken, 'ParentTask="T_La|ter"')), [{ uri, range: rangeIn(broken, 'Identifier="[T_Later]"') }]);
    // The broken element itself is still a task.
    assert.deepEqual(await client.definition(uri, positionIn(broken, 'ParentTask="T_Com|pute"')), [{ uri, range: rangeIn(broken, 'Identifier="[T_Compute]"') }]);
  });

  test('an unterminated attribute value mid-file: the tasks after it are still known', async (t) => {
    const { ws, client } = await startSession(t, { 'Conf/Jobs.xml': WELL_FORMED, 'Conf/Elsewhere.xml': ELSEWHERE });
    const uri = ws.uri('Conf/Jobs.xml');
    // The user is typing a display name: its closing quote and the end of the tag are not there yet.
    const typing = WELL_FORMED.replace('DisplayName_L1="Compute" />', 'DisplayName_L1="Comp');
    await client.open(uri, typing);
    const diagnostics = await client.waitForDiagnostics(uri, () => true);
    // In the order of their position (the editor sorts them so too).
    const byStart = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    assert.deepEqual(
      byStart.map((d) => [d.code, d.range.start, d.message]),
      [
        ['xml/well-formed', positionIn(typing, '<|UpdateEntityPropertyExpressionsTask'), 'Start tag "<UpdateEntityPropertyExpressionsTask" is not closed: expected ">" or "/>".'],
        ['xml/well-formed', positionIn(typing, 'DisplayName_L1=|"Comp'), 'The value of "DisplayName_L1" is not closed: expected ".'],
      ],
    );
    const items = await client.completion(uri, positionIn(typing, 'ParentTask="|"'));
    assert.deepEqual(items?.items.map((i) => i.label).sort(), ['Disk_Task', 'T_Compute', 'T_Later']);
    assert.deepEqual(await client.definition(uri, positionIn(typing, 'ParentTask="|T_Later"')), [{ uri, range: rangeIn(typing, 'Identifier="[T_Later]"') }]);
  });
});
