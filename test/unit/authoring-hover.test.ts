/**
 * Hover documentation from the catalog: element names (what the task does, agent or server,
 * attributes, the Set up Complete Synchronization guide's advice for complete jobs) and attribute names (type, default,
 * allowed values). Identifier values keep the identifier hover.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { conf, cursor, textOf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

function hover(textWithCursor: string): { hover: Hover | null; text: string; value: string } {
  const c = cursor(textWithCursor);
  const service = workspace({});
  service.openDocument(uriOf('Edit.xml'), c.text, 1);
  const h = service.doHover(uriOf('Edit.xml'), c.position);
  return { hover: h, text: c.text, value: (h?.contents as { value: string } | undefined)?.value ?? '' };
}

describe('hover on an element name', () => {
  it("an agent task: what it does, where it runs, its attributes, the guide's advice", () => {
    const { hover: h, text, value } = hover(conf(`<Job Identifier="J" DisplayName_L1="j">\n  <Export|Task Identifier="E" />\n</Job>`));
    assert.equal(textOf(text, h!.range!), 'ExportTask');
    const lines = value.split('\n').filter((l) => l);
    assert.equal(lines[0], '**ExportTask** · agent task, runs on the agent');
    assert.equal(lines[1], "Runs a connection's export: extracts the managed system's data to CSV files.");
    assert.match(lines[2], /^Attributes: `DisplayName_L1`\\\*, `Agent`\\\*, `OpenIdClient`\\\*, `Identifier`, .*`IgnoreCookieFile`.* \(\\\* required\)$/);
    assert.equal(lines[3], 'Children: `TaskDependsOnTask`');
    assert.match(lines[4], /^\*\*Complete job:\*\* set `IgnoreCookieFile="true"` \(full export\) and `ContinueOnError="true"`/);
  });

  it('a server task, a task that runs on either side, a task without complete-job advice', () => {
    assert.match(hover(conf(`<SynchronizeTa|sk Identifier="S" />`)).value, /^\*\*SynchronizeTask\*\* · server task, runs on the server\n[\s\S]*no `DoNotDeleteChanges`/);
    assert.match(hover(conf(`<|FulfillTask Identifier="F" />`)).value, /runs on the agent, or on the server when `Agent` is absent/);
    const maintain = hover(conf(`<MaintainIndexesTa|sk Identifier="M" />`)).value;
    assert.match(maintain, /^\*\*MaintainIndexesTask\*\* · server task/);
    assert.doesNotMatch(maintain, /Complete job/);
  });

  it('Job, Step, an override, TaskEntityType and a scaffolding', () => {
    assert.match(hover(conf(`<Jo|b Identifier="J" />`)).value, /^\*\*Job\*\* · job\n[\s\S]*CronTabExpression/);
    assert.match(hover(conf(`<Job Identifier="J"><St|ep Identifier="X" /></Job>`)).value, /Runs an existing task, defined elsewhere/);
    assert.match(
      hover(conf(`<Job Identifier="J"><ExportTaskOverri|de Identifier="X" /></Job>`)).value,
      /^\*\*ExportTaskOverride\*\* · child element\n\nReuses an existing task in this job with a few attributes changed \(ExportTask\)\.\n\nAttributes: `Identifier`\\\*, `DisplayName_L1`/,
    );
    assert.match(
      hover(conf(`<ComputeRoleModelTask Identifier="C"><TaskEntit|yType EntityType="X" /></ComputeRoleModelTask>`)).value,
      /write `EntityType="…"`, not `Identifier="…"`/,
    );
    assert.match(
      hover(conf(`<CreateConnectorSynchro|Complete Connector="AD" />`)).value,
      /^\*\*CreateConnectorSynchroComplete\*\* · scaffolding\n\nGenerates a connector's complete-synchronization job\./,
    );
  });
});

describe('hover on an attribute', () => {
  it('an enum: type, required, description, allowed values', () => {
    const { hover: h, text, value } = hover(conf(`<PrepareSynchronizationTask Identifier="P" Synchronization|Mode="Complete" />`));
    assert.equal(textOf(text, h!.range!), 'SynchronizationMode');
    assert.equal(value, '**SynchronizationMode** · enum DataCollectType · required\n\nComplete in a complete-sync job.\n\nValues: `Initial`, `Complete`, `Incremental`');
  });

  it('a boolean with its default; a reference; a multilingual attribute beyond _L1', () => {
    assert.equal(
      hover(conf(`<ExportTask Identifier="E" IgnoreCookie|File="true" />`)).value,
      '**IgnoreCookieFile** · boolean\n\nIgnore incremental cookie files, i.e. full export. Must be true in complete jobs.\n\nValues: `true`, `false` (or `1`, `0`) · Default: `false`',
    );
    assert.match(hover(conf(`<SynchronizeTask Identifier="S" Conn|ector="AD" />`)).value, /^\*\*Connector\*\* · reference to a Connector · required\n/);
    assert.match(hover(conf(`<Job Identifier="J" DisplayName_L|2="j" />`)).value, /^\*\*DisplayName_L2\*\* · string\n/);
  });

  it('on an enum value: the attribute documentation over the value', () => {
    const { hover: h, text, value } = hover(conf(`<SynchronizeTask Identifier="S" Type="Active|Directory" />`));
    assert.equal(textOf(text, h!.range!), 'ActiveDirectory');
    assert.match(value, /Must equal the Type of the connector's PrepareSynchronizationTask\.\n\nValues: `None`, `Changes`, `ActiveDirectory` · Default: `None`/);
  });

  it('an identifier value keeps the identifier hover; unknown attributes and text get none', () => {
    assert.match(hover(conf(`<Job Identifier="J"><Step Identifier="Mis|sing" /></Job>`)).value, /No task `Missing` is defined/);
    assert.equal(hover(conf(`<ExportTask Identifier="E" Bogu|s="1" />`)).hover, null);
    assert.equal(hover(conf(`<Job Identifier="J">te|xt</Job>`)).hover, null);
  });
});
