/**
 * The rules of the Set up Complete Synchronization guide's steps skip generated tasks (those a
 * job scaffolding names after its job, with a Level, and those of connector jobs) before they
 * look at them, not after: a hand-written task beside them is still reported, at its own name.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf, textOf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

const TYPES = conf(
  '<EntityType Identifier="AD_Entry" DisplayName_L1="e" />\n<ResourceType Identifier="RT" DisplayName_L1="r" SourceEntityType="HR_Person" TargetEntityType="AD_Entry" Policy="P" />',
);
const classify = (id: string, level = '') =>
  `  <UpdateClassificationTask Identifier="${id}" DisplayName_L1="c"${level}><TaskEntityType EntityType="AD_Entry" /></UpdateClassificationTask>`;
const JOBS = conf(
  [
    '<Job Identifier="Job_AD" DisplayName_L1="j">',
    classify('Job_AD_Classify', ' Level="1"'),
    classify('AD_Classify_ByHand', ' Level="1"'),
    classify('Job_AD_NoLevel'),
    '</Job>',
    '<Job Identifier="AD_Connector" DisplayName_L1="j" IsConnectorJob="true">',
    classify('AD_Connector_Classify'),
    '</Job>',
  ].join('\n'),
);

/** The rule's findings in jobs.xml: as an open document (from its tree), or read from disk as the command line reads it (tasks scanned alone from the text). */
function findings(open: boolean): string[] {
  const service = workspace({ 'types.xml': TYPES, 'jobs.xml': JOBS }, open ? ['jobs.xml'] : []);
  const found = service.validate(uriOf('jobs.xml'), open ? {} : { text: JOBS }).filter((d) => d.code === 'updateclassification/needs-classification-rule');
  for (const d of found) assert.equal(textOf(JOBS, d.range), 'UpdateClassificationTask');
  return found.map((d) => /Identifier="(\w+)"/.exec(JOBS.split('\n')[d.range.start.line])![1]);
}

describe('guide-step rules and generated tasks', () => {
  it('report the hand-written tasks only: not one named after its job with a Level, nor one of a connector job', () => {
    // A task named after its job without a Level is not what a scaffolding writes: it is checked.
    for (const open of [true, false]) assert.deepEqual(findings(open), ['AD_Classify_ByHand', 'Job_AD_NoLevel'], open ? 'open document' : 'file on disk');
  });
});
