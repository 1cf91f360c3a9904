/**
 * dependency/no-cycle on large graphs: iterative (no stack overflow on long chains), linear
 * (one analysis per index generation, constant work per link), short messages for long
 * cycles, and simple cycles in the messages of tangled groups.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { takeCycleAnalysisCounts } from '../../server/src/rules/dependencyCycles';
import { conf, textOf } from '../helpers/cursor';
import { cycleConf } from '../helpers/stressInputs';
import { prng } from '../helpers/fuzzInputs';
import { uriOf, workspace } from '../helpers/workspace';

const cycles = (service: ReturnType<typeof workspace>, name: string) => service.validate(uriOf(name)).filter((d) => d.code === 'dependency/no-cycle');

/**
 * 20,000 tasks in 100 files, each depending on one to three tasks anywhere (a fixed seed), so
 * that cycles run through many files; and a ring through every file.
 */
function tangledWorkspace(): Record<string, string> {
  const FILES = 100;
  const PER_FILE = 200;
  const total = FILES * PER_FILE;
  const next = prng(7);
  const files: Record<string, string> = {};
  for (let f = 0; f < FILES; f++) {
    const tasks: string[] = [];
    for (let k = 0; k < PER_FILE; k++) {
      const i = f * PER_FILE + k;
      const parents = new Set([(i + PER_FILE) % total]);
      for (let extra = next(3); extra > 0; extra--) parents.add(next(total));
      parents.delete(i);
      const deps = [...parents].map((p) => `<TaskDependsOnTask ParentTask="T${p}" />`).join('');
      tasks.push(`    <ComputeCorrelationKeysTask Identifier="T${i}" DisplayName_L1="t">${deps}</ComputeCorrelationKeysTask>`);
    }
    files[`f${f}.xml`] = conf(`  <Job Identifier="J${f}" DisplayName_L1="j" Agent="Local">\n${tasks.join('\n')}\n  </Job>`);
  }
  return files;
}

describe('dependency cycles at scale', () => {
  it('20,000 tasks whose cycles cross 100 files: one analysis for all the files, each task looked up a bounded number of times', () => {
    const files = tangledWorkspace();
    const service = workspace(files);
    takeCycleAnalysisCounts();
    let reported = 0;
    for (const name of Object.keys(files)) reported += cycles(service, name).length;
    const { analyses, parentLookups } = takeCycleAnalysisCounts();
    assert.ok(reported > 20_000, `${reported} links in cycles`);
    assert.equal(analyses, 1, 'one analysis per index generation, not one per file');
    // Tarjan looks each task up once; the paths of its group (breadth-first both ways) twice more.
    assert.ok(parentLookups <= 3 * 20_000, `${parentLookups} look-ups for 20,000 tasks`);
  });

  it('a rule that is off does not run: no analysis when dependency/no-cycle is off', () => {
    const service = workspace({ 'cycle.xml': cycleConf(50) });
    service.setRuleSettingsProvider(() => ({ 'dependency/no-cycle': 'off' }));
    takeCycleAnalysisCounts();
    assert.deepEqual(cycles(service, 'cycle.xml'), []);
    assert.equal(takeCycleAnalysisCounts().analyses, 0);
    service.setRuleSettingsProvider(() => ({}));
    assert.equal(cycles(service, 'cycle.xml').length, 50);
    assert.equal(takeCycleAnalysisCounts().analyses, 1);
  });

  it('a cycle of 20,000 tasks in one job: every link reported, each with a short message, in seconds', () => {
    const text = cycleConf(20_000);
    const started = Date.now();
    const service = workspace({ 'cycle.xml': text });
    const found = cycles(service, 'cycle.xml');
    const elapsed = Date.now() - started;
    assert.equal(found.length, 20_000);
    const first = found[0];
    assert.equal(textOf(text, first.range), 'T1');
    assert.equal(first.message, 'Dependency cycle of 20000 tasks: T0 → T1 → T2 → T3 → T4 → T5 → T6 → … → T19995 → T19996 → T19997 → T19998 → T19999 → T0.');
    // Whatever the link, the first and last tasks of its cycle.
    assert.equal(
      found[10_000].message,
      'Dependency cycle of 20000 tasks: T10000 → T10001 → T10002 → T10003 → T10004 → T10005 → T10006 → … → T9995 → T9996 → T9997 → T9998 → T9999 → T10000.',
    );
    assert.equal(found[19_998].message, 'Dependency cycle of 20000 tasks: T19998 → T19999 → T0 → T1 → T2 → T3 → T4 → … → T19993 → T19994 → T19995 → T19996 → T19997 → T19998.');
    assert.equal(found[19_999].message, 'Dependency cycle of 20000 tasks: T19999 → T0 → T1 → T2 → T3 → T4 → T5 → … → T19994 → T19995 → T19996 → T19997 → T19998 → T19999.');
    assert.ok(
      found.every((d) => d.message.length < 200),
      'no message lists the whole cycle',
    );
    // Before: recursive and cubic (1,000 tasks 13 s; 6,000 overflowed the stack). A generous bound for a shared CI machine.
    assert.ok(elapsed < 15_000, `${elapsed} ms`);
  });

  it('a chain of 30,000 tasks that leads into a small cycle: only the cycle is reported', () => {
    const chain: string[] = [];
    for (let i = 0; i < 30_000; i++)
      chain.push(`<ComputeCorrelationKeysTask Identifier="C${i}" DisplayName_L1="c"><TaskDependsOnTask ParentTask="C${i + 1}" /></ComputeCorrelationKeysTask>`);
    chain.push('<ComputeCorrelationKeysTask Identifier="C30000" DisplayName_L1="c"><TaskDependsOnTask ParentTask="Loop" /></ComputeCorrelationKeysTask>');
    chain.push('<ComputeCorrelationKeysTask Identifier="Loop" DisplayName_L1="c"><TaskDependsOnTask ParentTask="C30000" /></ComputeCorrelationKeysTask>');
    const text = conf(chain.join('\n'));
    const service = workspace({ 'chain.xml': text });
    assert.deepEqual(
      cycles(service, 'chain.xml').map((d) => [textOf(text, d.range), d.message]),
      [
        ['Loop', 'Dependency cycle: C30000 → Loop → C30000.'],
        ['C30000', 'Dependency cycle: Loop → C30000 → Loop.'],
      ],
    );
  });

  it('two cycles through one task: each link is named with a simple cycle, no task twice', () => {
    const task = (id: string, ...parents: string[]) =>
      `<ComputeCorrelationKeysTask Identifier="${id}" DisplayName_L1="${id}">${parents.map((p) => `<TaskDependsOnTask ParentTask="${p}" />`).join('')}</ComputeCorrelationKeysTask>`;
    const text = conf([task('A', 'B'), task('B', 'A', 'C'), task('C', 'B')].join('\n'));
    const service = workspace({ 'tangle.xml': text });
    assert.deepEqual(
      cycles(service, 'tangle.xml').map((d) => d.message),
      ['Dependency cycle: A → B → A.', 'Dependency cycle: B → A → B.', 'Dependency cycle: B → C → B.', 'Dependency cycle: C → B → C.'],
    );
  });
});
