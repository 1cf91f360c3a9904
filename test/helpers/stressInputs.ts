/**
 * Large configurations generated for the tests of unbounded work (and the stress bench,
 * bench/stress.ts): nothing this big is committed.
 */
import { conf } from './cursor';

/** What `work` returns, and the milliseconds it took (rounded). */
export function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, Math.round(performance.now() - started)];
}

/** One job of `n` tasks where each depends on the next and the last on the first: one cycle of n links. */
export function cycleConf(n: number): string {
  const tasks: string[] = [];
  for (let i = 0; i < n; i++) {
    tasks.push(`    <ComputeCorrelationKeysTask Identifier="T${i}" DisplayName_L1="t"><TaskDependsOnTask ParentTask="T${(i + 1) % n}" /></ComputeCorrelationKeysTask>`);
  }
  return conf(`  <Job Identifier="Cycle" DisplayName_L1="c" Agent="Local">\n${tasks.join('\n')}\n  </Job>`);
}

/** `n` agents with one identifier: n duplicates. */
export function duplicatesConf(n: number): string {
  return conf(Array.from({ length: n }, () => '  <Agent Identifier="Same" DisplayName_L1="a" />').join('\n'));
}

/** `n` jobs whose one safe fix each renames CrontabExpression (n fixes for --fix). */
export function fixesConf(n: number): string {
  return conf(Array.from({ length: n }, (_, i) => `  <Job Identifier="J${i}" DisplayName_L1="j" CrontabExpression="0 2 * * *" />`).join('\n'));
}

/**
 * A ParentTask value under `depth` levels of nesting; `|` marks the cursor inside the value
 * (see cursor.ts). The task it names is defined at the top.
 */
export function nestedConf(depth: number): string {
  return conf(
    '  <ComputeCorrelationKeysTask Identifier="Top" DisplayName_L1="t" />\n' +
      '<Nest>'.repeat(depth) +
      '<ComputeCorrelationKeysTask Identifier="Deep" DisplayName_L1="d"><TaskDependsOnTask ParentTask="To|p" /></ComputeCorrelationKeysTask>' +
      '</Nest>'.repeat(depth),
  );
}

/** About `n` findings in about 10 bytes each: agents without their required display name. */
export function findingsConf(n: number): string {
  return conf(`<Agent/>\n`.repeat(n));
}
