/** Turns runs into the printed summary, the budget verdicts and the JSON record. */
import { Manifest, MB } from './generator/workspace';
import { Shape } from './generator/shapes';
import { CliRun } from './measure/cliRun';
import { FloorSample } from './measure/floor';
import { SessionResult, Timed } from './measure/session';
import { median, percentile } from './measure/stats';

export interface SizeRuns {
  sizeMB: number;
  shape: Shape;
  manifest: Manifest;
  floors: FloorSample[];
  sessions: SessionResult[];
  /** `usercube-jobs check --format json`, one per run (none when not asked for). */
  cli: CliRun[];
  loadBefore: number[];
  loadAfter: number[];
}

export interface TimedSummary {
  clientP50: number;
  clientP95: number;
  serverP50: number;
  serverP95: number;
  /** Mean server CPU time per operation (median over runs). */
  serverCpuMs: number;
  /** GC pauses of the server per run (medians over runs): how many, their total and the longest. */
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
  resultKB: number;
}

/** The command line's figures, medians over runs. */
export interface CliSummary {
  ms: number;
  /** CPU time, every thread (cliProbe.ts). */
  cpuMs: number;
  peakMB: number;
  outputMB: number;
  /** Undefined when the output was not one valid JSON document. */
  findings?: number;
  exitCodes: number[];
}

export interface SizeSummary {
  sizeMB: number;
  shape: Shape;
  runs: number;
  totalBytes: number;
  files: number;
  tasks: number;
  loadBefore: number[];
  loadAfter: number[];
  floorMs: number;
  floorAsyncMs: number;
  floorSyncMs: number;
  coldIndexMs: number;
  coldRatio: number;
  /** Server CPU until indexed, and its ratio to the floor's CPU (steadier on a busy machine). */
  coldCpuMs: number;
  coldCpuRatio: number;
  floorCpuMs: number;
  progressEndMs: number;
  serverLogIndexMs: number;
  initializeMs: number;
  definitionPolls: number;
  rssAfterIndexMB: number;
  peakAfterIndexMB: number;
  heapUsedAfterIndexMB: number;
  rssAtEndMB: number;
  editFileKB: number;
  editFileDiagnostics: number;
  edit?: TimedSummary;
  debounceMs?: number;
  completion?: TimedSummary & { items: number; isIncomplete: boolean };
  references?: TimedSummary & { count: number };
  symbols?: TimedSummary & { counts: Record<string, number> };
  cli?: CliSummary;
}

const med = (xs: (number | undefined)[]) => median(xs.filter((x): x is number => typeof x === 'number' && !Number.isNaN(x)));

function timed(list: (Timed | undefined)[]): TimedSummary | undefined {
  const runs = list.filter((t): t is Timed => !!t);
  if (runs.length === 0) return undefined;
  const p = (xs: number[], q: number) => (xs.length && xs.every((x) => !Number.isNaN(x)) ? percentile(xs, q) : NaN);
  return {
    clientP50: med(runs.map((t) => p(t.client, 50))),
    clientP95: med(runs.map((t) => p(t.client, 95))),
    serverP50: med(runs.map((t) => p(t.server, 50))),
    serverP95: med(runs.map((t) => p(t.server, 95))),
    serverCpuMs: med(runs.map((t) => t.serverCpuMs)),
    gcCount: med(runs.map((t) => t.gc?.count)),
    gcTotalMs: med(runs.map((t) => t.gc?.totalMs)),
    gcMaxMs: med(runs.map((t) => t.gc?.maxMs)),
    resultKB: med(runs.map((t) => t.resultBytes)) / 1024,
  };
}

export function summarize(r: SizeRuns): SizeSummary {
  const s = r.sessions;
  const floors = r.floors.map((f) => Math.min(f.asyncMs, f.syncMs));
  const last = s[s.length - 1];
  return {
    sizeMB: r.sizeMB,
    shape: r.shape,
    runs: s.length,
    totalBytes: r.manifest.totalBytes,
    files: r.manifest.fileCount,
    tasks: r.manifest.tasks,
    loadBefore: r.loadBefore,
    loadAfter: r.loadAfter,
    floorMs: med(floors),
    floorAsyncMs: med(r.floors.map((f) => f.asyncMs)),
    floorSyncMs: med(r.floors.map((f) => f.syncMs)),
    coldIndexMs: med(s.map((x) => x.coldIndexMs)),
    coldRatio: med(s.map((x, i) => x.coldIndexMs / floors[i])),
    coldCpuMs: med(s.map((x) => x.coldCpuMs)),
    coldCpuRatio: med(s.map((x, i) => (x.coldCpuMs ?? NaN) / Math.min(r.floors[i].asyncCpuMs, r.floors[i].syncCpuMs))),
    floorCpuMs: med(r.floors.map((f) => Math.min(f.asyncCpuMs, f.syncCpuMs))),
    progressEndMs: med(s.map((x) => x.progressEndMs)),
    serverLogIndexMs: med(s.map((x) => x.serverLogIndexMs)),
    initializeMs: med(s.map((x) => x.initializeMs)),
    definitionPolls: med(s.map((x) => x.definitionPolls)),
    rssAfterIndexMB: med(s.map((x) => x.memoryAfterIndex?.rss)) / MB,
    peakAfterIndexMB: med(s.map((x) => x.memoryAfterIndex?.peak)) / MB,
    heapUsedAfterIndexMB: med(s.map((x) => x.heapAfterIndex?.heapUsed)) / MB,
    rssAtEndMB: med(s.map((x) => x.memoryAtEnd?.rss)) / MB,
    editFileKB: r.manifest.editFileBytes / 1024,
    editFileDiagnostics: last.editFileDiagnostics ?? NaN,
    edit: timed(s.map((x) => x.edit)),
    debounceMs: s.some((x) => x.debounce?.length) ? median(s.flatMap((x) => x.debounce ?? [])) : undefined,
    completion: last.completion && { ...timed(s.map((x) => x.completion))!, items: last.completion.items, isIncomplete: last.completion.isIncomplete },
    references: last.references && { ...timed(s.map((x) => x.references))!, count: last.references.count },
    symbols: last.symbols && { ...timed(s.map((x) => x.symbols))!, counts: last.symbols.counts },
    cli:
      r.cli.length === 0
        ? undefined
        : {
            ms: med(r.cli.map((c) => c.ms)),
            cpuMs: med(r.cli.map((c) => c.cpuMs)),
            peakMB: med(r.cli.map((c) => c.peakRss)) / MB,
            outputMB: med(r.cli.map((c) => c.outputBytes)) / MB,
            findings: r.cli.every((c) => c.findings !== undefined) ? r.cli[0].findings : undefined,
            exitCodes: r.cli.map((c) => c.exitCode),
          },
  };
}

export const ms = (x: number): string =>
  Number.isNaN(x) ? '—' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`;
const mb = (x: number): string => (Number.isNaN(x) ? '—' : `${x.toFixed(0)} MB`);
const n = (x: number): string => x.toLocaleString('en-US');
const pair = (t: TimedSummary): string =>
  `client p50 ${ms(t.clientP50)} p95 ${ms(t.clientP95)}` +
  (Number.isNaN(t.serverP50) ? '' : ` | server p50 ${ms(t.serverP50)} p95 ${ms(t.serverP95)} | server CPU ${ms(t.serverCpuMs)}/op`) +
  (Number.isNaN(t.gcCount) ? '' : ` | GC ${t.gcCount.toFixed(0)} pauses, ${ms(t.gcTotalMs)} in all, longest ${ms(t.gcMaxMs)}`);

export function formatSize(s: SizeSummary): string {
  const lines = [
    `== ${s.sizeMB} MB configuration, ${s.shape} shape: ${n(s.files)} files, ${(s.totalBytes / MB).toFixed(1)} MB, ${n(s.tasks)} tasks — ${s.runs} run(s), load average before ${s.loadBefore.join(' ')}, after ${s.loadAfter.join(' ')}`,
    `  floor (list + read + decode)   ${ms(s.floorMs)}   [server's async path ${ms(s.floorAsyncMs)}, sync reads ${ms(s.floorSyncMs)}]`,
    `  cold index                     ${ms(s.coldIndexMs)}   = ${s.coldRatio.toFixed(2)}× floor   [initialize answered ${ms(s.initializeMs)}, progress end ${ms(s.progressEndMs)}, server log ${ms(s.serverLogIndexMs)}]`,
    `  cold index CPU                 ${ms(s.coldCpuMs)} server CPU = ${s.coldCpuRatio.toFixed(2)}× the floor's CPU (${ms(s.floorCpuMs)})`,
    `  memory after index             RSS ${mb(s.rssAfterIndexMB)}, peak ${mb(s.peakAfterIndexMB)}, heap used ${mb(s.heapUsedAfterIndexMB)}; RSS at end ${mb(s.rssAtEndMB)}`,
  ];
  if (s.edit) lines.push(`  edit → diagnostics (${s.editFileKB.toFixed(0)} KB)    ${pair(s.edit)}   (${s.editFileDiagnostics} diagnostics)`);
  if (s.debounceMs !== undefined) lines.push(`  debounce (other open document) ${ms(s.debounceMs)} after the edit (median)`);
  const kb = (t: TimedSummary) => `${t.resultKB.toFixed(0)} KB`;
  if (s.completion)
    lines.push(`  completion in ParentTask       ${pair(s.completion)}   ${n(s.completion.items)} items${s.completion.isIncomplete ? ', incomplete' : ''}, ${kb(s.completion)}`);
  if (s.references) lines.push(`  references (${n(s.references.count)} locations) ${pair(s.references)}   ${kb(s.references)}`);
  if (s.symbols)
    lines.push(
      `  workspace symbols              ${pair(s.symbols)}   results ${Object.entries(s.symbols.counts)
        .map(([q, c]) => `${q}: ${c}`)
        .join(', ')}`,
    );
  if (s.cli) {
    const found = s.cli.findings === undefined ? 'not one valid JSON document' : `${n(s.cli.findings)} findings`;
    lines.push(
      `  usercube-jobs check --format json  ${ms(s.cli.ms)}, CPU ${ms(s.cli.cpuMs)}, peak RSS ${mb(s.cli.peakMB)}, output ${s.cli.outputMB.toFixed(1)} MB, ${found}, exit ${s.cli.exitCodes.join('/')}`,
    );
  }
  return lines.join('\n');
}

export interface Verdict {
  pass: boolean;
  line: string;
}

/**
 * The issue's budgets, each judged on the shape it is stated for, at the largest size measured
 * (they are stated for 100 MB). A budget whose shape or scenario was not measured is not printed.
 * `cores`: the machine's, to say what the command line's CPU time allows at best.
 */
export function budgets(all: readonly SizeSummary[], cores: number): Verdict[] {
  const size = Math.max(...all.map((s) => s.sizeMB));
  const of = (shape: Shape) => all.find((s) => s.sizeMB === size && s.shape === shape);
  const at = (s: SizeSummary) => `${s.sizeMB} MB ${s.shape}, ${s.runs} run(s)${s.sizeMB === 100 ? '' : '; stated for 100 MB'}`;
  const out: Verdict[] = [];
  const v = (s: SizeSummary, pass: boolean, what: string, detail: string) => out.push({ pass, line: `${pass ? 'PASS' : 'FAIL'}  ${what}: ${detail}  [${at(s)}]` });
  const bench = of('bench');
  const nested = of('nested');
  const findings = of('findings');
  if (bench?.cli) {
    const limit = 1.5 * bench.coldIndexMs;
    v(
      bench,
      bench.cli.ms <= limit && bench.cli.peakMB <= 700,
      "check, clean: ≤ 1.5× the server's cold index, ≤ 700 MB",
      // Its CPU time spread over every core without a pause is the least its time could be: a check
      // whose CPU time exceeds the limit that many times over cannot pass by running in parallel.
      `${ms(bench.cli.ms)} (limit ${ms(limit)}), peak ${mb(bench.cli.peakMB)}; CPU time ${ms(bench.cli.cpuMs)}: ${ms(bench.cli.cpuMs / cores)} at the least on ${cores} cores`,
    );
  }
  if (findings?.cli && bench?.cli) {
    v(
      findings,
      findings.cli.ms <= 2 * bench.cli.ms,
      'check, many findings: ≤ 2× the clean time',
      `${ms(findings.cli.ms)} vs ${ms(bench.cli.ms)} clean (${n(findings.cli.findings ?? NaN)} findings)`,
    );
  }
  if (findings?.cli) {
    v(
      findings,
      findings.cli.findings !== undefined,
      'check --format json: streamed, one valid JSON document',
      `${findings.cli.outputMB.toFixed(1)} MB, peak RSS ${mb(findings.cli.peakMB)}`,
    );
  }
  // Linear in size and findings: the time's growth between the smallest and the largest size, as a power of the size's.
  const smallest = all.filter((s) => s.shape === 'findings' && s.cli && s.sizeMB < size).sort((a, b) => a.sizeMB - b.sizeMB)[0];
  if (findings?.cli && smallest?.cli) {
    const exponent = Math.log(findings.cli.ms / smallest.cli.ms) / Math.log(findings.totalBytes / smallest.totalBytes);
    v(
      findings,
      exponent <= 1.15,
      'check, many findings: linear in size (time grows as size^k, k ≤ 1.15)',
      `k = ${exponent.toFixed(2)} (${ms(smallest.cli.ms)} at ${smallest.sizeMB} MB, ${ms(findings.cli.ms)} at ${findings.sizeMB} MB)`,
    );
  }
  for (const s of [bench, nested, findings]) {
    if (s) v(s, s.coldRatio <= 5, 'cold index ≤ 5× read+decode floor', `${s.coldRatio.toFixed(2)}× (${ms(s.coldIndexMs)} vs ${ms(s.floorMs)})`);
  }
  if (findings) v(findings, findings.rssAfterIndexMB <= 350, 'server RSS after indexing, many findings, ≤ 350 MB', mb(findings.rssAfterIndexMB));
  if (nested?.completion) {
    v(
      nested,
      nested.completion.clientP95 <= 20,
      'completion p95 ≤ 20 ms, many small files',
      `${ms(nested.completion.clientP95)} client (server ${ms(nested.completion.serverP95)}), ${n(nested.completion.items)} items`,
    );
  }
  if (bench?.edit) {
    const server = !Number.isNaN(bench.edit.serverP95);
    const p95 = server ? bench.edit.serverP95 : bench.edit.clientP95;
    v(
      bench,
      p95 <= 5,
      `per-edit latency p95 ≤ 5 ms (${server ? 'server-side' : 'client round trip, no probe'})`,
      `${ms(p95)} (client round trip ${ms(bench.edit.clientP95)}; debounce ${ms(bench.debounceMs ?? NaN)} excluded)`,
    );
  }
  if (bench?.completion) {
    v(
      bench,
      bench.completion.clientP95 <= 20 && bench.completion.items <= 1000,
      'completion p95 ≤ 20 ms with ≤ 1,000 items',
      `${ms(bench.completion.clientP95)} client (server ${ms(bench.completion.serverP95)}), ${n(bench.completion.items)} items`,
    );
  }
  if (bench?.references)
    v(
      bench,
      bench.references.clientP95 <= 20,
      'references p95 ≤ 20 ms',
      `${ms(bench.references.clientP95)} client (server ${ms(bench.references.serverP95)}), ${n(bench.references.count)} locations`,
    );
  if (bench?.symbols) v(bench, bench.symbols.clientP95 <= 20, 'workspace symbols p95 ≤ 20 ms', `${ms(bench.symbols.clientP95)} client (server ${ms(bench.symbols.serverP95)})`);
  if (bench) v(bench, bench.rssAfterIndexMB <= 350, 'server RSS after indexing ≤ 350 MB', mb(bench.rssAfterIndexMB));
  return out;
}
