/**
 * The job graph's model and layout (client/src/jobGraphModel.ts): boxes and arrows from the
 * server's job steps, and ELK's layered layout that keeps each effective level in its own band
 * of columns, in level order, whatever the dependencies say.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { elkGraph, graphModel, levelColumns } from '../../client/src/jobGraphModel';
import { CONTEXT, E, P, S, job } from '../helpers/jobs';
import { conf } from '../helpers/cursor';
import { workspace } from '../helpers/workspace';

// Levels written out of dependency order: the sync (level 0) depends on the prepare (level 2).
const LEVELLED = job(
  [
    E.replace('/>', 'Level="1" />'),
    P.replace('SynchronizationMode="Complete"', 'SynchronizationMode="Complete" Level="2"'),
    S.replace('DisplayName_L1="s"', 'DisplayName_L1="s" Level="0"'),
    `<FulfillTask Identifier="AD_Fulfill" DisplayName_L1="f" Connector="AD" Connection="ADFulfillment" Level="3">
    <TaskDependsOnTask ParentTask="AD_Nowhere" />
  </FulfillTask>`,
    '<Step Identifier="AD_Undefined" Level="3" />',
  ],
  'Identifier="Job_Graph" DisplayName_L1="g" Agent="Local"',
);
const SCAFFOLDED = `<CreateConnectorSynchroComplete DisplayName_L1="AD complete" Connector="AD" JobIdentifier="Job_Scaffolded">
    <OpenIdIdentifier Identifier="Job" />
  </CreateConnectorSynchroComplete>`;

function stepsOf(id: string) {
  const service = workspace({ 'context.xml': CONTEXT, 'jobs.xml': conf(`${LEVELLED}\n${SCAFFOLDED}`) });
  const steps = service.jobSteps(id);
  assert.ok(steps, `no job ${id}`);
  return { ...steps, openIdClient: null };
}

describe('job graph model', () => {
  it('has a box per step, an arrow per dependency, red boxes for what is missing, late arrows marked', () => {
    const model = graphModel(stepsOf('Job_Graph'));
    const box = (label: string) => model.nodes.find((n) => n.label === label)!;
    assert.deepEqual(
      model.nodes.map((n) => [n.label, n.kind, n.level, n.missing, n.generated]),
      [
        ['AD_Sync', 'Synchronize', 0, null, false],
        ['AD_Export', 'Export', 1, null, false],
        ['AD_Prepare', 'Prepare Synchronization', 2, null, false],
        ['AD_Fulfill', 'Fulfill', 3, null, false],
        ['AD_Undefined', 'undefined task', 3, 'undefined-task', false],
        // Not run by the job: one box, in the column of the task that depends on it.
        ['AD_Nowhere', 'not in this job', 3, 'parent-not-in-job', false],
      ],
    );
    assert.deepEqual(
      model.edges.map((e) => [model.nodes.find((n) => n.id === e.from)!.label, model.nodes.find((n) => n.id === e.to)!.label, e.late]),
      [
        ['AD_Prepare', 'AD_Sync', true],
        ['AD_Export', 'AD_Prepare', false],
        ['AD_Nowhere', 'AD_Fulfill', false],
      ],
    );
    assert.equal(box('AD_Nowhere').location, null);
    assert.ok(box('AD_Export').location?.uri.endsWith('/jobs.xml'));
  });

  it('marks the tasks a scaffolding generates', () => {
    const model = graphModel(stepsOf('Job_Scaffolded'));
    assert.equal(model.generatedBy, 'CreateConnectorSynchroComplete');
    assert.ok(model.nodes.length > 5);
    assert.ok(model.nodes.every((n) => n.generated && !n.missing));
    // Both exports on level 0, the prepare after them on level 1, depending on both.
    const prepare = model.nodes.find((n) => n.type === 'PrepareSynchronizationTask')!;
    assert.equal(model.edges.filter((e) => e.to === prepare.id).length, 2);
  });

  it('lays each effective level out in its own band, left to right in level order', async () => {
    for (const id of ['Job_Graph', 'Job_Scaffolded']) {
      const model = graphModel(stepsOf(id));
      const laid = await new ELK().layout(elkGraph(model, (n) => ({ width: 20 + n.label.length * 7, height: 40 })));
      const columns = levelColumns(model, laid);
      assert.deepEqual(
        columns.map((c) => c.level),
        [...new Set(model.nodes.map((n) => n.level))].sort((a, b) => a - b),
      );
      for (let i = 1; i < columns.length; i++)
        assert.ok(columns[i - 1].x1 < columns[i].x0, `${id}: level ${columns[i - 1].level} overlaps level ${columns[i].level}: ${JSON.stringify(columns)}`);
      // Every arrow was routed.
      assert.equal(laid.edges?.length, model.edges.length);
      assert.ok(laid.edges?.every((e) => (e as { sections?: unknown[] }).sections?.length));
    }
  });
});
