/** Rules that look at other files: Steps reach tasks defined elsewhere, and edits there count. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf, textOf } from '../helpers/cursor';
import { CONTEXT, E, F, G, P, S, U, job } from '../helpers/jobs';
import { uriOf, workspace } from '../helpers/workspace';

const sharedTasks = conf(S.replace('Connector="AD"', 'Connector="AD" DoNotDeleteChanges="true"') + '\n' + G);
const completeJob = conf(job([E, P, '<Step Identifier="AD_Sync" />', '<Step Identifier="AD_GPO" />', F, U]));

describe('rules across files', () => {
  it('a task reached by a Step of a complete job is judged where it is written', () => {
    const service = workspace({ 'context.xml': CONTEXT, 'shared.xml': sharedTasks, 'job.xml': completeJob }, ['shared.xml', 'job.xml']);
    const shared = service.validate(uriOf('shared.xml'));
    assert.deepEqual(
      shared.map((d) => [d.code, textOf(sharedTasks, d.range)]),
      [['sync-complete/no-donotdeletechanges', 'DoNotDeleteChanges="true"']],
    );
    assert.deepEqual(service.validate(uriOf('job.xml')), []);
  });

  it('the same task used only by an incremental job is fine, until a complete job uses it', () => {
    const flag = '<SetRecentlyModifiedFlagTask Identifier="AD_Flag" DisplayName_L1="m" />';
    const incremental = conf(
      job([E, P.replace('"Complete"', '"Incremental"'), '<Step Identifier="AD_Sync" />', flag], 'Identifier="Job_Inc" DisplayName_L1="inc" IsIncremental="true"'),
    );
    const service = workspace({ 'context.xml': CONTEXT, 'shared.xml': sharedTasks, 'job.xml': incremental }, ['shared.xml', 'job.xml']);
    assert.deepEqual(service.validate(uriOf('shared.xml')), []);
    service.changeDocument(uriOf('job.xml'), completeJob, 2);
    assert.deepEqual(
      service.validate(uriOf('shared.xml')).map((d) => d.code),
      ['sync-complete/no-donotdeletechanges'],
    );
  });

  it('the order of a job counts Steps where they stand', () => {
    const text = conf(job([E, P, '<Step Identifier="AD_GPO" />', '<Step Identifier="AD_Sync" />', F, U]));
    const service = workspace({ 'context.xml': CONTEXT, 'shared.xml': sharedTasks.replace(' DoNotDeleteChanges="true"', ''), 'job.xml': text }, ['job.xml']);
    assert.deepEqual(
      service.validate(uriOf('job.xml')).map((d) => [d.code, textOf(text, d.range)]),
      [['sync-complete/order', 'AD_Sync']],
    );
  });

  it('a dependency cycle through three files is reported on each of its links, and a chain that only leads into it is not', () => {
    const task = (id: string, parent: string) => `<FulfillTask Identifier="${id}" DisplayName_L1="${id}"><TaskDependsOnTask ParentTask="${parent}" /></FulfillTask>`;
    const files = {
      'a.xml': conf(task('A', 'B') + '\n' + task('Lead', 'A')),
      'b.xml': conf(task('B', 'C')),
      'c.xml': conf(task('C', 'A')),
    };
    const service = workspace(files, ['a.xml', 'b.xml', 'c.xml']);
    const cycles = (name: keyof typeof files) =>
      service
        .validate(uriOf(name))
        .filter((d) => d.code === 'dependency/no-cycle')
        .map((d) => [textOf(files[name], d.range), d.message]);
    assert.deepEqual(cycles('a.xml'), [['B', 'Dependency cycle: A → B → C → A.']]);
    assert.deepEqual(cycles('b.xml'), [['C', 'Dependency cycle: B → C → A → B.']]);
    assert.deepEqual(cycles('c.xml'), [['A', 'Dependency cycle: C → A → B → C.']]);
    // Breaking one link ends the cycle everywhere.
    service.changeDocument(uriOf('c.xml'), conf(task('C', 'Lead2')), 2);
    assert.deepEqual(cycles('a.xml'), []);
  });
});
