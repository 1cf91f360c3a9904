/**
 * The typing states of a job file: what stays indexed, and where the error goes.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { buildXmlTree } from '../../server/src/model/xmlTree';
import { textOf, conf } from '../helpers/cursor';
import { LineTable } from '../../server/src/model/lineTable';

function taskIds(text: string): string[] {
  return buildFileEntry('file:///t.xml', text)
    .definitions.filter((d) => d.kind === 'Task')
    .map((d) => d.id);
}

function errorsAt(text: string): { message: string; text: string; line: number }[] {
  const lines = LineTable.fromText(text);
  return buildFileEntry('file:///t.xml', text).syntaxErrors.map((e) => ({
    message: e.message,
    text: text.slice(e.start, e.end),
    line: lines.positionAt(e.start).line,
  }));
}

const after = `
  <PrepareSynchronizationTask Identifier="AD_Prepare" DisplayName_L1="Prepare" Connector="AD">
    <TaskDependsOnTask ParentTask="AD_Export" />
  </PrepareSynchronizationTask>
  <FulfillTask Identifier="AD_Fulfill" DisplayName_L1="Fulfill" Connector="AD" />
</Job>`;

describe('recovery while typing', () => {
  it('keeps the tasks after an unterminated attribute quote', () => {
    const text = conf(`<Job Identifier="J" DisplayName_L1="J">\n  <ExportTask Identifier="AD_Export" Agent="Loc${after}`);
    assert.deepEqual(taskIds(text), ['AD_Export', 'AD_Prepare', 'AD_Fulfill']);
    const errors = errorsAt(text);
    assert.equal(errors[0].message, 'The value of "Agent" is not closed: expected ".');
    assert.equal(errors[0].line, 3);
  });

  it('keeps the tasks after an unclosed start tag (the task being typed)', () => {
    const text = conf(`<Job Identifier="J" DisplayName_L1="J">\n  <FulfillTask Identifier="X" Connector="AD"\n${after}`);
    assert.deepEqual(taskIds(text), ['X', 'AD_Prepare', 'AD_Fulfill']);
    const errors = errorsAt(text);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].text, 'FulfillTask');
    assert.match(errors[0].message, /Start tag "<FulfillTask" is not closed/);
  });

  it('keeps the real parent of a dependency written after an unclosed tag', () => {
    const text = conf(`<Job Identifier="J" DisplayName_L1="J">\n  <ExportTask Identifier="New"\n${after}`);
    const entry = buildFileEntry('file:///t.xml', text);
    const dep = entry.references.find((r) => r.attribute === 'ParentTask')!;
    assert.equal(dep.task, 'AD_Prepare');
    assert.equal(dep.job, 'J');
    assert.deepEqual(
      entry.jobs.map((j) => [j.id, j.tasks]),
      [['J', ['New', 'AD_Prepare', 'AD_Fulfill']]],
    );
    assert.deepEqual(
      entry.tasks.map((t) => [t.element, t.children]),
      [
        ['ExportTask', []],
        ['PrepareSynchronizationTask', ['TaskDependsOnTask']],
        ['FulfillTask', []],
      ],
    );
  });

  it('takes the value typed so far when the quote is cut by the end of the tag', () => {
    const text = conf(
      `<Job Identifier="J" DisplayName_L1="J">\n  <SynchronizeTask Identifier="S" Connector="AD">\n    <TaskDependsOnTask ParentTask="AD_Pre/>\n  </SynchronizeTask>${after}`,
    );
    const entry = buildFileEntry('file:///t.xml', text);
    const refs = entry.references.filter((r) => r.attribute === 'ParentTask').map((r) => [r.id, r.task]);
    assert.deepEqual(refs, [
      ['AD_Pre', 'S'],
      ['AD_Export', 'AD_Prepare'],
    ]);
    assert.deepEqual(taskIds(text), ['S', 'AD_Prepare', 'AD_Fulfill']);
  });

  it('reports a stray < and continues', () => {
    const text = conf(`<Job Identifier="J" DisplayName_L1="J">\n  < \n${after}`);
    assert.deepEqual(taskIds(text), ['AD_Prepare', 'AD_Fulfill']);
    assert.deepEqual(
      errorsAt(text).map((e) => [e.text, e.line]),
      [['<', 3]],
    );
  });
});

describe('malformed files', () => {
  it('reports a mismatched end tag at its name and keeps everything before it', () => {
    const text = conf(`<Job Identifier="J" DisplayName_L1="J">\n  <ExportTask Identifier="E1" />\n  </Jobb>\n  <ExportTask Identifier="E2" />\n</Job>`);
    assert.deepEqual(taskIds(text), ['E1', 'E2']);
    const errors = errorsAt(text);
    assert.deepEqual(
      errors.map((e) => [e.text, e.line]),
      [['Jobb', 4]],
    );
    assert.match(errors[0].message, /Unexpected end tag "<\/Jobb>"/);
  });

  it('reports an element left open at the end of the file', () => {
    const text = `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n<Job Identifier="J" DisplayName_L1="J">\n<ExportTask Identifier="E1"/>\n`;
    assert.deepEqual(taskIds(text), ['E1']);
    assert.deepEqual(
      errorsAt(text)
        .map((e) => e.text)
        .sort(),
      ['ConfigurationFile', 'Job'],
    );
  });

  it('reports an unclosed comment and keeps what precedes it', () => {
    const text = conf(`<ExportTask Identifier="E1" />\n<!-- <ExportTask Identifier="E2" />`);
    assert.deepEqual(taskIds(text), ['E1']);
    assert.match(errorsAt(text)[0].message, /Comment is not closed/);
  });
});

describe('element tree', () => {
  it('keeps exact ranges of names and values, and case of names', () => {
    const text = conf(`<exportTask identifier='Low' DisplayName_L1="a &amp; b"/>`);
    const el = buildXmlTree(text).roots[0].children[0];
    assert.equal(el.name, 'exportTask');
    const [id, display] = el.attributes;
    assert.equal(text.slice(id.nameStart, id.nameEnd), 'identifier');
    assert.equal(text.slice(id.valueStart, id.valueEnd), 'Low');
    assert.equal(display.value, 'a & b');
    assert.equal(text.slice(display.valueStart, display.valueEnd), 'a &amp; b');
    assert.equal(textOf(text, LineTable.fromText(text).range(el.nameStart, el.nameEnd)), 'exportTask');
  });
});
