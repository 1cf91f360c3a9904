/**
 * Completion from the catalog: element names after `<` (in a Job, at the top level, in a
 * task), attribute names in a start tag (missing ones, required first, with type and
 * description; the value list opens for references and enums), enum and boolean values —
 * also while the document around the cursor is malformed, as it is while one types.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { applyTextEdits, conf, cursor, textOf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

const SUPPORT = conf(`<Agent Identifier="Local" DisplayName_L1="Local" />
<Connector Identifier="AD" DisplayName_L1="AD" Agent="Local" />`);

function complete(textWithCursor: string): { list: CompletionList | null; text: string } {
  const c = cursor(textWithCursor);
  const service = workspace({ 'Support.xml': SUPPORT });
  service.openDocument(uriOf('Edit.xml'), c.text, 1);
  return { list: service.doComplete(uriOf('Edit.xml'), c.position), text: c.text };
}

function labels(list: CompletionList | null): string[] {
  assert.ok(list, 'a completion list');
  return list.items.map((i) => i.label);
}

function item(list: CompletionList | null, label: string): CompletionItem {
  const found = list?.items.find((i) => i.label === label);
  assert.ok(found, `item ${label} in ${JSON.stringify(labels(list))}`);
  return found;
}

/** The document after accepting an item (snippet tab stops removed). */
function accept(text: string, it: CompletionItem): string {
  const edit = it.textEdit as TextEdit;
  const inserted = it.insertTextFormat === InsertTextFormat.Snippet ? edit.newText.replace(/\$\{\d+(:[^}]*)?\}|\$\d+/g, (m) => m.match(/:(.*)\}/)?.[1] ?? '') : edit.newText;
  return applyTextEdits(text, [{ range: edit.range, newText: inserted }]);
}

/** Items sorted as the editor shows them. */
function sorted(list: CompletionList | null): string[] {
  assert.ok(list);
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
}

describe('element name completion after <', () => {
  it('inside a Job: the task types, Step and the overrides, each with its one-line description', () => {
    const { list } = complete(conf(`<Job Identifier="J" DisplayName_L1="j">\n  <|\n</Job>`));
    const names = labels(list);
    for (const name of ['ExportTask', 'PrepareSynchronizationTask', 'SynchronizeTask', 'FulfillTask', 'SendRoleModelNotificationsTask', 'Step', 'ExportTaskOverride']) {
      assert.ok(names.includes(name), name);
    }
    for (const notHere of ['Job', 'Connector', 'TaskDependsOnTask', 'TaskEntityType', 'ConfigurationFile']) assert.ok(!names.includes(notHere), notHere);
    assert.equal(names.length, 34 + 1 + 34, '34 task types, Step, 34 overrides');
    assert.equal(item(list, 'ExportTask').detail, "Runs a connection's export: extracts the managed system's data to CSV files.");
    assert.equal(item(list, 'UpdateClassificationTaskOverride').detail, 'Reuses an existing task in this job with a few attributes changed.');
    const order = sorted(list);
    assert.equal(order[0], 'Step');
    assert.ok(order.indexOf('ExportTask') < order.indexOf('ExportTaskOverride'), 'tasks before overrides');
  });

  it('at the top level of ConfigurationFile: jobs, tasks, referenced elements and scaffoldings, not child elements', () => {
    const { list } = complete(conf(`<Agent Identifier="A" DisplayName_L1="a" />\n<|`));
    const names = labels(list);
    for (const name of ['Job', 'ExportTask', 'Connector', 'Connection', 'EntityType', 'OpenIdClient', 'CreateConnectorSynchroComplete']) {
      assert.ok(names.includes(name), name);
    }
    for (const notHere of ['Step', 'TaskDependsOnTask', 'TaskEntityType', 'Property', 'OpenIdIdentifier', 'ExportTaskOverride', 'ConfigurationFile']) {
      assert.ok(!names.includes(notHere), notHere);
    }
    assert.equal(item(list, 'Job').detail, 'A sequence of tasks, launched by hand, by its schedule or by Usercube-Invoke-Job.');
  });

  it('inside a task: its child elements only', () => {
    assert.deepEqual(labels(complete(conf(`<SetInternalUserProfilesTask Identifier="S" DisplayName_L1="s">\n  <|\n</SetInternalUserProfilesTask>`)).list).sort(), [
      'TaskDependsOnTask',
      'TaskEntityType',
      'TaskResourceType',
    ]);
    assert.deepEqual(labels(complete(conf(`<ExportTask Identifier="E" DisplayName_L1="e">\n  <|\n</ExportTask>`)).list), ['TaskDependsOnTask']);
  });

  it('a partial name in the typing state: replaces the name and fills the required attributes', () => {
    const { list, text } = complete(
      conf(`<Job Identifier="J" DisplayName_L1="j">
  <ExportTask Identifier="E" DisplayName_L1="e" Agent="Local" OpenIdClient="Job" />
  <Prep|
  <SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="AD" />
</Job>`),
    );
    const prepare = item(list, 'PrepareSynchronizationTask');
    assert.equal(textOf(text, (prepare.textEdit as TextEdit).range), 'Prep');
    assert.equal(
      (prepare.textEdit as TextEdit).newText,
      'PrepareSynchronizationTask Identifier="${1}" DisplayName_L1="${2}" Agent="${3}" OpenIdClient="${4}" Connector="${5}" SynchronizationMode="${6}"$0',
    );
    assert.equal(prepare.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(
      accept(text, prepare),
      /\n {2}<PrepareSynchronizationTask Identifier="" DisplayName_L1="" Agent="" OpenIdClient="" Connector="" SynchronizationMode=""\n {2}<SynchronizeTask/,
    );
  });

  it('an element without children closes itself, and one that starts with a reference opens the value list', () => {
    const { list, text } = complete(conf(`<FulfillTask Identifier="F" DisplayName_L1="f">\n  <Task|\n</FulfillTask>`));
    const dep = item(list, 'TaskDependsOnTask');
    assert.equal((dep.textEdit as TextEdit).newText, 'TaskDependsOnTask ParentTask="${1}" />$0');
    assert.equal(dep.command?.command, 'editor.action.triggerSuggest');
    assert.match(accept(text, dep), /<TaskDependsOnTask ParentTask="" \/>\n<\/FulfillTask>/);
  });

  it('renaming a written element replaces the name only', () => {
    const { list, text } = complete(conf(`<Job Identifier="J" DisplayName_L1="j">\n  <Export|Task Identifier="E" DisplayName_L1="e" />\n</Job>`));
    const exp = item(list, 'ExportTask');
    assert.equal(textOf(text, (exp.textEdit as TextEdit).range), 'ExportTask');
    assert.equal((exp.textEdit as TextEdit).newText, 'ExportTask');
    assert.equal(exp.insertTextFormat, undefined);
  });

  it('nothing inside a comment, in text, or after the root element', () => {
    assert.equal(complete(conf(`<!-- <| -->`)).list, null);
    assert.equal(complete(`${conf('')}<|`).list, null);
    assert.equal(complete(conf(`<Job Identifier="J" DisplayName_L1="j">\n  |\n</Job>`)).list, null);
  });
});

describe('attribute name completion in a start tag', () => {
  it('offers the attributes not yet written, required first, each with type and description', () => {
    const { list } = complete(conf(`<PrepareSynchronizationTask Identifier="P" DisplayName_L1="p" | />`));
    const order = sorted(list);
    assert.deepEqual(order.slice(0, 4), ['Agent', 'OpenIdClient', 'Connector', 'SynchronizationMode']);
    assert.deepEqual(order.slice(4).sort(), ['ColumnName', 'ConsolidationMode', 'DisplayName_L2', 'Level', 'Type', 'WorkingDirectory']);
    const mode = item(list, 'SynchronizationMode');
    assert.equal(mode.detail, 'enum DataCollectType · required');
    assert.match((mode.documentation as { value: string }).value, /Values: `Initial`, `Complete`, `Incremental`/);
    assert.equal(item(list, 'Connector').detail, '→ Connector · required');
    assert.equal(item(list, 'ColumnName').detail, 'string');
  });

  it('inserts Name="|" and opens the value list for references and enums', () => {
    const { list, text } = complete(conf(`<SynchronizeTask Identifier="S" DisplayName_L1="s" | />`));
    const connector = item(list, 'Connector');
    assert.equal((connector.textEdit as TextEdit).newText, 'Connector="$1"');
    assert.equal(connector.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(connector.command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
    assert.equal(item(list, 'Type').command?.command, 'editor.action.triggerSuggest');
    assert.equal(item(list, 'Level').command, undefined);
    assert.match(accept(text, connector), /<SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="" \/>/);
  });

  it('completes a partly typed name in the typing state (unclosed tag before the next element)', () => {
    const { list, text } = complete(
      conf(`<Job Identifier="J" DisplayName_L1="j">
  <ExportTask Identifier="E" DisplayName_L1="e" Ign|
  <SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="AD" />
</Job>`),
    );
    const ignore = item(list, 'IgnoreCookieFile');
    assert.equal(textOf(text, (ignore.textEdit as TextEdit).range), 'Ign');
    assert.ok(!labels(list).includes('Identifier'), 'written attributes are not offered');
    assert.match(accept(text, ignore), /DisplayName_L1="e" IgnoreCookieFile=""\n {2}<SynchronizeTask/);
  });

  it('an override offers its task attributes, none required but Identifier', () => {
    const { list } = complete(conf(`<Job Identifier="J" DisplayName_L1="j">\n  <ExportTaskOverride Identifier="E" | />\n</Job>`));
    assert.ok(labels(list).includes('IgnoreCookieFile'));
    assert.ok(labels(list).includes('Agent'));
    assert.equal(item(list, 'Agent').detail, '→ Agent');
  });

  it('nothing right after a value (no space) or after the tag end', () => {
    assert.equal(complete(conf(`<ExportTask Identifier="E"| />`)).list, null);
    assert.equal(complete(conf(`<ExportTask Identifier="E" />|`)).list, null);
  });
});

describe('value completion', () => {
  it('enum values by name, the default marked', () => {
    const { list, text } = complete(conf(`<PrepareSynchronizationTask Identifier="P" Type="|" />`));
    assert.deepEqual(labels(list), ['None', 'Changes', 'ActiveDirectory']);
    assert.deepEqual(item(list, 'None').labelDetails, { description: 'default' });
    assert.match(accept(text, item(list, 'ActiveDirectory')), /Type="ActiveDirectory" \/>/);
  });

  it('true/false for booleans, replacing the value', () => {
    const { list, text } = complete(conf(`<ExportTask Identifier="E" IgnoreCookieFile="fa|lse" />`));
    assert.deepEqual(labels(list), ['true', 'false']);
    assert.equal(textOf(text, (item(list, 'true').textEdit as TextEdit).range), 'false');
    assert.match(accept(text, item(list, 'true')), /IgnoreCookieFile="true" \/>/);
  });

  it('an unterminated value in a malformed document gets its closing quote', () => {
    const { list, text } = complete(
      conf(`<Job Identifier="J" DisplayName_L1="j">
  <PrepareSynchronizationTask Identifier="P" SynchronizationMode="Com|
  <SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="AD" />
</Job>`),
    );
    assert.deepEqual(labels(list), ['Initial', 'Complete', 'Incremental']);
    assert.match(accept(text, item(list, 'Complete')), /SynchronizationMode="Complete"\n {2}<SynchronizeTask/);
  });

  it('identifiers in reference values still come from the index', () => {
    const { list } = complete(conf(`<SynchronizeTask Identifier="S" Connector="|" />`));
    assert.deepEqual(labels(list), ['AD']);
  });
});
