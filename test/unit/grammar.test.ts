/**
 * The TextMate injection grammar (syntaxes/), tokenized the way VS Code does it: with
 * vscode-textmate + vscode-oniguruma, injected into VS Code's own XML grammar (a copy in
 * test/fixtures/authoring-grammar). Task, job and job-structure element names and identifier
 * values get their own scopes, on top of the XML scopes, and nothing else changes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import { taskElementNames } from '../../server/src/schema/schema';
import { FIXTURES, REPO_ROOT } from '../helpers/workspace';

const INJECTION_SCOPE = 'usercube-jobs.xml.injection';
const GRAMMARS: Record<string, string> = {
  'text.xml': path.join(FIXTURES, 'authoring-grammar', 'xml.tmLanguage.json'),
  [INJECTION_SCOPE]: path.join(REPO_ROOT, 'syntaxes', 'usercube-jobs.injection.tmLanguage.json'),
};

async function loadXmlGrammar(withInjection: boolean): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = onigurumaReady(wasm).then(() => ({
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  const registry = new Registry({
    onigLib,
    loadGrammar: (scopeName) => Promise.resolve(GRAMMARS[scopeName] ? parseRawGrammar(readFileSync(GRAMMARS[scopeName], 'utf8'), GRAMMARS[scopeName]) : null),
    getInjections: (scopeName) => (withInjection && scopeName === 'text.xml' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.xml');
  assert.ok(grammar);
  return grammar;
}

/** The WASM may be loaded once per process. */
let onigurumaLoaded: Promise<void> | undefined;
function onigurumaReady(wasm: Buffer): Promise<void> {
  onigurumaLoaded ??= oniguruma.loadWASM(wasm);
  return onigurumaLoaded;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let stack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token that is exactly `text` (the `occurrence`-th such token, counting from 0). */
function scopesOf(lines: Token[][], text: string, occurrence = 0): string[] {
  const hits = lines.flat().filter((t) => t.text === text);
  assert.ok(hits.length > occurrence, `a token "${text}" in ${JSON.stringify(lines.flat().map((t) => t.text))}`);
  return hits[occurrence].scopes;
}

function usercubeScopes(scopes: string[]): string[] {
  return scopes.filter((s) => s.endsWith('.usercube'));
}

describe('injection grammar', () => {
  let xml: IGrammar;
  let plain: IGrammar;
  before(async () => {
    xml = await loadXmlGrammar(true);
    plain = await loadXmlGrammar(false);
  });

  it('is contributed as an injection into text.xml', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars, [{ scopeName: INJECTION_SCOPE, path: './syntaxes/usercube-jobs.injection.tmLanguage.json', injectTo: ['text.xml'] }]);
    const grammar = JSON.parse(readFileSync(GRAMMARS[INJECTION_SCOPE], 'utf8'));
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.equal(grammar.injectionSelector, 'L:text.xml -comment -string');
  });

  it('gives every task element of the catalog its scope, and its Identifier a definition scope', () => {
    const tasks = taskElementNames();
    assert.equal(tasks.length, 34);
    for (const task of tasks) {
      const lines = tokenize(xml, `  <${task} Identifier="T_${task}" DisplayName_L1="d">\n  </${task}>`);
      const name = scopesOf(lines, task, 0);
      assert.deepEqual(name, ['text.xml', 'meta.tag.xml', 'meta.tag.task.usercube', 'entity.name.tag.localname.xml', 'entity.name.tag.task.usercube'], task);
      assert.deepEqual(usercubeScopes(scopesOf(lines, task, 1)), ['meta.tag.task.usercube', 'entity.name.tag.task.usercube'], `</${task}>`);
      assert.deepEqual(usercubeScopes(scopesOf(lines, `T_${task}`)), ['meta.tag.task.usercube', 'entity.name.function.task.usercube']);
      assert.deepEqual(usercubeScopes(scopesOf(lines, 'd')), ['meta.tag.task.usercube'], 'a display name is a plain string');
    }
  });

  it('gives reference values a scope per kind, on the XML string scope', () => {
    const lines = tokenize(xml, `<ExportTask Identifier="AD_Export" Agent="Local" OpenIdClient="Job" Connector='AD' Connection="ADExport" ContinueOnError="true" />`);
    assert.deepEqual(scopesOf(lines, 'Local'), ['text.xml', 'meta.tag.xml', 'meta.tag.task.usercube', 'string.quoted.double.xml', 'variable.other.reference.agent.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Job')), ['meta.tag.task.usercube', 'variable.other.reference.openidclient.usercube']);
    assert.deepEqual(scopesOf(lines, 'AD').slice(3), ['string.quoted.single.xml', 'variable.other.reference.connector.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'ADExport')), ['meta.tag.task.usercube', 'variable.other.reference.connection.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'true')), ['meta.tag.task.usercube']);
    assert.deepEqual(scopesOf(lines, 'Connection'), ['text.xml', 'meta.tag.xml', 'meta.tag.task.usercube', 'entity.other.attribute-name.localname.xml']);
  });

  it('the job structure: Job, Step, TaskDependsOnTask, TaskEntityType, overrides', () => {
    const lines = tokenize(
      xml,
      [
        '<Job Identifier="Job_AD" DisplayName_L1="j" Agent="Local">',
        '  <Step Identifier="All_Keys" />',
        '  <SynchronizeTask Identifier="AD_Sync" Connector="AD"><TaskDependsOnTask ParentTask="AD_Export"/></SynchronizeTask>',
        '  <ComputeRoleModelTask Identifier="AD_Roles">',
        '    <TaskEntityType EntityType="Directory_User" />',
        '  </ComputeRoleModelTask>',
        '  <UpdateClassificationTaskOverride Identifier="AD_Classify" Dirty="1" />',
        '</Job>',
      ].join('\n'),
    );
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Job')), ['meta.tag.job.usercube', 'entity.name.tag.job.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Job_AD')), ['meta.tag.job.usercube', 'entity.name.function.job.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Step')), ['meta.tag.step.usercube', 'entity.name.tag.step.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'All_Keys')), ['meta.tag.step.usercube', 'variable.other.reference.task.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'TaskDependsOnTask')), ['meta.tag.task-child.usercube', 'entity.name.tag.task-child.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'AD_Export')), ['meta.tag.task-child.usercube', 'variable.other.reference.task.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Directory_User')), ['meta.tag.task-child.usercube', 'variable.other.reference.entitytype.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'UpdateClassificationTaskOverride')), ['meta.tag.task-override.usercube', 'entity.name.tag.task-override.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'AD_Classify')), ['meta.tag.task-override.usercube', 'variable.other.reference.task.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Job', 1)), ['meta.tag.job.usercube', 'entity.name.tag.job.usercube'], '</Job>');
  });

  it('a start tag over several lines keeps its scopes on every line', () => {
    const lines = tokenize(xml, '<FulfillTask Identifier="AD_Fulfill"\n    Connector="AD"\n    Connection="ADFulfillment">\n</FulfillTask>');
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'AD')), ['meta.tag.task.usercube', 'variable.other.reference.connector.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'ADFulfillment')), ['meta.tag.task.usercube', 'variable.other.reference.connection.usercube']);
  });

  it('references on other elements: scaffoldings, mappings, connections, resource types', () => {
    const lines = tokenize(
      xml,
      [
        '<CreateConnectorSynchroComplete Connector="HR"><OpenIdIdentifier Identifier="JobClient" /></CreateConnectorSynchroComplete>',
        '<EntityTypeMapping Identifier="AD_Entry" Connector="ADC" ConnectionTable="ADExport_entries" />',
        '<LDAPResourceTypeMapping Identifier="AD_User" Connection="ADFulfillment" />',
        '<Connection Identifier="ADExport" Connector="ADX" Package="Usercube.AD@0000001" />',
        '<ResourceType Identifier="RT" SourceEntityType="Directory_User" TargetEntityType="AD_Entry" Policy="Default" />',
      ].join('\n'),
    );
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'CreateConnectorSynchroComplete')), ['meta.tag.scaffolding.usercube', 'entity.name.tag.scaffolding.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'HR')), ['meta.tag.scaffolding.usercube', 'variable.other.reference.connector.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'JobClient')).slice(-1), ['variable.other.reference.openidclient.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'AD_Entry')).slice(-1), ['variable.other.reference.entitytype.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'AD_User')).slice(-1), ['variable.other.reference.resourcetype.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'ADExport_entries')), ['meta.tag.mapping.usercube'], 'not a reference');
    // A Connection element keeps the XML scopes; its own Identifier is not a job-structure name.
    assert.deepEqual(scopesOf(lines, 'Connection', 1), ['text.xml', 'meta.tag.xml', 'entity.name.tag.localname.xml']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'ADExport')), []);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'ADX')), ['variable.other.reference.connector.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Directory_User')), ['variable.other.reference.entitytype.usercube']);
    assert.deepEqual(usercubeScopes(scopesOf(lines, 'Default')), ['variable.other.reference.policy.usercube']);
  });

  it('leaves comments, CDATA, text and the XML declaration as the XML grammar has them', () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">',
      '  <!-- <ExportTask Identifier="X" Connector="AD" /> -->',
      '  <Description><![CDATA[<ExportTask Connector="AD"/>]]> ExportTask Connector="AD" </Description>',
      '  <Agent Identifier="Local" DisplayName_L1="l" />',
      '</ConfigurationFile>',
    ].join('\n');
    const withInjection = tokenize(xml, text);
    assert.deepEqual(
      withInjection.flat().flatMap((t) => usercubeScopes(t.scopes)),
      [],
    );
    assert.deepEqual(withInjection, tokenize(plain, text));
  });
});
