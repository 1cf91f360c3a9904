import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { conf, textOf } from '../helpers/cursor';
import { LanguageService } from '../../server/src/languageService';
import { uriOf, workspace } from '../helpers/workspace';

/** These tests are about references, identifiers and syntax; other rules have their own tests. */
const CODES = new Set(['xml/well-formed', 'reference/unresolved', 'dependency/parent-exists', 'job/step-target-exists', 'job/override-target-exists', 'identifier/unique']);

function ours(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => CODES.has(String(d.code)));
}

function show(text: string, diags: Diagnostic[]) {
  return ours(diags).map((d) => [d.code, textOf(text, d.range), d.severity, d.source]);
}

const connectors = conf(`<Connector Identifier="AD" DisplayName_L1="AD" />
<Category Identifier="AD" DisplayName_L1="AD" Policy="P" />
<Policy Identifier="P" DisplayName_L1="P" />`);

describe('reference diagnostics', () => {
  it('points at exactly the value of a ParentTask naming a missing task', () => {
    const job = conf(`<Job Identifier="J" DisplayName_L1="J">
  <SynchronizeTask Identifier="S" DisplayName_L1="S" Connector="AD">
    <TaskDependsOnTask ParentTask=" AD_Missing " />
  </SynchronizeTask>
  <Step Identifier="Nope" />
  <SynchronizeTaskOverride Identifier="Gone" />
  <FulfillTask Identifier="F" DisplayName_L1="F" Connector="ADX" />
</Job>`);
    const service = workspace({ 'c.xml': connectors, 'job.xml': job }, ['job.xml']);
    assert.deepEqual(show(job, service.validate(uriOf('job.xml'))), [
      ['dependency/parent-exists', 'AD_Missing', DiagnosticSeverity.Error, 'usercube'],
      ['job/step-target-exists', 'Nope', DiagnosticSeverity.Error, 'usercube'],
      ['job/override-target-exists', 'Gone', DiagnosticSeverity.Error, 'usercube'],
      ['reference/unresolved', 'ADX', DiagnosticSeverity.Error, 'usercube'],
    ]);
  });

  it('clears when another file defines the missing task', () => {
    const job = conf(`<FulfillTask Identifier="F" DisplayName_L1="F"><TaskDependsOnTask ParentTask="Later" /></FulfillTask>`);
    const service = workspace({ 'job.xml': job }, ['job.xml']);
    assert.deepEqual(
      ours(service.validate(uriOf('job.xml'))).map((d) => d.code),
      ['dependency/parent-exists'],
    );
    service.setFileText(uriOf('other.xml'), conf(`<ExportTask Identifier="Later" DisplayName_L1="L" />`));
    assert.deepEqual(ours(service.validate(uriOf('job.xml'))), []);
    service.removeFile(uriOf('other.xml'));
    assert.deepEqual(
      ours(service.validate(uriOf('job.xml'))).map((d) => d.code),
      ['dependency/parent-exists'],
    );
  });

  it('checks an override against the task type it names', () => {
    const job = conf(`<ExportTask Identifier="E" DisplayName_L1="E" />
<Job Identifier="J" DisplayName_L1="J"><SynchronizeTaskOverride Identifier="E" /><ExportTaskOverride Identifier="E" /></Job>`);
    const service = workspace({ 'job.xml': job }, ['job.xml']);
    const diags = ours(service.validate(uriOf('job.xml')));
    assert.deepEqual(
      show(job, diags).map((d) => d.slice(0, 2)),
      [['job/override-target-exists', 'E']],
    );
    assert.equal(diags[0].message, "'E' is a ExportTask, not a SynchronizeTask: SynchronizeTaskOverride cannot override it.");
  });
});

describe('rule links', () => {
  const job = conf(`<FulfillTask Identifier="F" DisplayName_L1="F"><TaskDependsOnTask ParentTask="Nowhere" /></FulfillTask>`);
  const linksOf = (service: LanguageService) => {
    service.setFileText(uriOf('job.xml'), job);
    return ours(service.validate(uriOf('job.xml'))).map((d) => [d.code, d.codeDescription?.href]);
  };

  it("link each diagnostic to its rule's section of the page the front end names", () => {
    const page = 'file:///opt/usercube-jobs/docs/rules.md';
    assert.deepEqual(linksOf(new LanguageService({ rulesDocUrl: page })), [['dependency/parent-exists', `${page}#dependency-parent-exists`]]);
  });

  it('are left out when the front end names no page, rather than pointing at a web page that may not exist', () => {
    assert.deepEqual(linksOf(new LanguageService()), [['dependency/parent-exists', undefined]]);
  });
});

describe('duplicate identifiers', () => {
  it('reports a duplicate task in another file on both definitions, per kind', () => {
    const a = conf(`<ExportTask Identifier="Dup" DisplayName_L1="a" />\n<Job Identifier="AD" DisplayName_L1="job named like the connector" />`);
    const b = conf(`<FulfillTask Identifier="Dup" DisplayName_L1="b" />`);
    const service = workspace({ 'a.xml': a, 'b.xml': b, 'c.xml': connectors }, ['a.xml', 'b.xml', 'c.xml']);
    assert.deepEqual(
      show(a, service.validate(uriOf('a.xml'))).map((d) => d.slice(0, 2)),
      [['identifier/unique', 'Dup']],
    );
    assert.equal(ours(service.validate(uriOf('a.xml')))[0].message, "Duplicate task identifier 'Dup': also defined as FulfillTask in b.xml:3.");
    assert.deepEqual(
      show(b, service.validate(uriOf('b.xml'))).map((d) => d.slice(0, 2)),
      [['identifier/unique', 'Dup']],
    );
    // A Connector "AD", a Category "AD" and a Job "AD" are different kinds.
    assert.deepEqual(ours(service.validate(uriOf('c.xml'))), []);
  });

  it('skips deliberate redefinitions (ConsolidationMode)', () => {
    const a = conf(`<ExportTask Identifier="Dup" DisplayName_L1="a" />`);
    const b = conf(`<ExportTask Identifier="Dup" DisplayName_L1="b" ConsolidationMode="Merge" />`);
    const service = workspace({ 'a.xml': a, 'b.xml': b }, ['a.xml', 'b.xml']);
    assert.deepEqual(ours(service.validate(uriOf('a.xml'))), []);
    assert.deepEqual(ours(service.validate(uriOf('b.xml'))), []);
  });
});

describe('syntax diagnostics', () => {
  it('reports the structural fault where it is', () => {
    const text = conf(`<ExportTask Identifier="E" DisplayName_L1="x"\n<FulfillTask Identifier="F" DisplayName_L1="f" />`);
    const service = workspace({ 't.xml': text }, ['t.xml']);
    assert.deepEqual(show(text, service.validate(uriOf('t.xml'))), [['xml/well-formed', 'ExportTask', DiagnosticSeverity.Error, 'usercube']]);
  });

  it('adds what only a strict parser knows, when the structure is fine', () => {
    const text = conf(`<ExportTask Identifier="E" DisplayName_L1="a &nbsp; b" />`);
    const service = workspace({ 't.xml': text }, ['t.xml']);
    const diags = ours(service.validate(uriOf('t.xml')));
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line]),
      [['xml/well-formed', 2]],
    );
    assert.match(diags[0].message, /Invalid character entity|entity/i);
  });

  it('reports a second root element after the root, at its name', () => {
    const text = conf('<Agent Identifier="A" DisplayName_L1="a" />') + '\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration" />\n';
    const service = workspace({ 't.xml': text }, ['t.xml']);
    const diags = ours(service.validate(uriOf('t.xml')));
    assert.deepEqual(show(text, diags), [['xml/well-formed', 'ConfigurationFile', DiagnosticSeverity.Error, 'usercube']]);
    assert.equal(diags[0].range.start.line, text.split('\n').length - 2);
    assert.match(diags[0].message, /<ConfigurationFile> after the end of the root element/);
  });
});
