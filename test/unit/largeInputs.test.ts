/**
 * Inputs large enough to expose work that grows faster than the input: many duplicates of one
 * identifier, thousands of fixes in one file, elements nested 100,000 deep. Each test asserts
 * the answer a user gets and a time bound generous enough for a shared CI machine (before,
 * these took tens of seconds or failed with "Maximum call stack size exceeded").
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixText } from '../../server/src/cli/fixer';
import { LanguageService } from '../../server/src/languageService';
import { takeJobViewsBuilt } from '../../server/src/rules/jobModel';
import { conf, cursor, textOf } from '../helpers/cursor';
import { duplicatesConf, fixesConf, nestedConf, timed } from '../helpers/stressInputs';
import { uriOf, workspace } from '../helpers/workspace';

describe('large inputs', () => {
  it('a job whose Steps reach 400 files: its view is built once for the checks of all of them', () => {
    const files: Record<string, string> = {};
    const steps: string[] = [];
    for (let f = 0; f < 400; f++) {
      files[`tasks${f}.xml`] = conf(`  <SynchronizeTask Identifier="Sync${f}" DisplayName_L1="s" Connector="C${f}" />`);
      steps.push(`    <Step Identifier="Sync${f}" />`);
    }
    files['jobs.xml'] = conf(`  <Job Identifier="Everything" DisplayName_L1="j" Agent="Local">\n${steps.join('\n')}\n  </Job>`);
    // As the command line checks them: every file's text at hand, none open.
    const service = new LanguageService({ retainText: true });
    for (const [name, text] of Object.entries(files)) service.setFileText(uriOf(name), text);
    takeJobViewsBuilt();
    const [found, ms] = timed(() => Object.keys(files).map((name) => service.validate(uriOf(name)).filter((d) => d.code === 'synchronize/has-prepare')));
    assert.equal(takeJobViewsBuilt(), 1, 'one view of the job for the 401 checks');
    assert.deepEqual(
      found[7].map((d) => d.message),
      ["Job 'Everything' synchronizes connector 'C7' but runs no PrepareSynchronizationTask for it."],
    );
    assert.equal(found.flat().length, 400);
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  it('32,000 definitions of one identifier: each reported once, with the count of the others', () => {
    const text = duplicatesConf(32_000);
    const [found, ms] = timed(() => workspace({ 'agents.xml': text }).validate(uriOf('agents.xml')));
    assert.equal(found.length, 32_000);
    assert.ok(found.every((d) => d.code === 'identifier/unique'));
    assert.equal(found[0].message, "Duplicate agent identifier 'Same': also defined as Agent in this file:4 and 31998 more.");
    assert.equal(found[1].message, "Duplicate agent identifier 'Same': also defined as Agent in this file:3 and 31998 more.");
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  it('--fix with 20,000 fixes in one file: every one applied, in seconds', () => {
    const text = fixesConf(20_000);
    const [fixed, ms] = timed(() => fixText(new LanguageService(), uriOf('jobs.xml'), text));
    assert.equal(fixed.fixes, 20_000);
    assert.equal(fixed.text, text.replace(/ CrontabExpression=/g, ' CronTabExpression='));
    assert.ok(ms < 15_000, `${ms} ms`);
  });

  it('elements nested 100,000 deep: completion, hover, definition and references answer', () => {
    const c = cursor(nestedConf(100_000));
    const service = workspace({ 'deep.xml': c.text }, ['deep.xml']);
    const uri = uriOf('deep.xml');
    const [items, ms] = timed(() => service.doComplete(uri, c.position)?.items.map((i) => i.label));
    assert.deepEqual(items, ['Top']);
    const hover = service.doHover(uri, c.position);
    assert.match(JSON.stringify(hover?.contents), /ComputeCorrelationKeysTask\*\* `Top`/);
    const [definition] = service.findDefinition(uri, c.position);
    assert.equal(textOf(c.text, definition.range), 'Top');
    assert.equal(service.findReferences(uri, c.position, true).length, 2);
    assert.ok(ms < 5_000, `${ms} ms`);
    // Typing in the value patches the tree and rebuilds the entry from it, without recursion.
    const typed = c.text.slice(0, c.offset) + 'x' + c.text.slice(c.offset);
    service.changeDocument(uri, typed, 2);
    assert.deepEqual(
      service.validate(uri).map((d) => d.code),
      ['dependency/parent-exists'],
    );
  });

  it('quick fixes of a reference to an identifier of 100,000 characters: no closest-name search over it', () => {
    const long = 'x'.repeat(100_000);
    const text = conf(
      `  <ComputeCorrelationKeysTask Identifier="${long}a" DisplayName_L1="a" />\n` +
        `  <ComputeCorrelationKeysTask Identifier="T" DisplayName_L1="t"><TaskDependsOnTask ParentTask="${long}b" /></ComputeCorrelationKeysTask>`,
    );
    const service = workspace({ 'long.xml': text }, ['long.xml']);
    const [missing] = service.validate(uriOf('long.xml')).filter((d) => d.code === 'dependency/parent-exists');
    const [actions, ms] = timed(() => service.getCodeActions(uriOf('long.xml'), missing.range, [missing]));
    // No "Change to" suggestions: only the task to create (its long name shortened here).
    assert.deepEqual(
      actions.map((a) => a.title.replace(long, '…')),
      ["Create InvokeExpressionTask '…b'"],
    );
    assert.ok(ms < 2_000, `${ms} ms`);
  });
});
