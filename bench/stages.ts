/**
 * `npm run bench:stages`: where the cold index's time goes, stage by stage, on a generated
 * configuration. First each stage alone on this thread, warm (the median of several passes over
 * every file, read beforehand): read and decode, parse and build the entries, pack them for the
 * server thread, unpack them, file them into an index, and the command line's strict pre-check;
 * then the command line's own work: the local checks of the files its check pass reads again
 * (a tree and the element and tree rules), and the check pass itself (index and file rules).
 * Then the server's pipeline, cold, with fresh worker threads each run (given time to start
 * first) and this thread taking a share as the server's does: the entries built and packed
 * (this thread drops them), then also unpacked, then also unpacked and filed: the server's cold
 * index without its own start, the listing and the first check of the open documents. Wall time
 * and the process's CPU time.
 *
 *   npm run bench:stages                                   # 100 MB, bench shape
 *   npm run bench:stages -- --size 10 --shape nested --passes 7 --runs 5
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FileEntry, buildFileEntry, buildFileEntryAndTree } from '../server/src/index/fileEntry';
import { PackedEntry, packEntry, unpackEntry } from '../server/src/index/entryCodec';
import { WorkspaceIndex } from '../server/src/index/workspaceIndex';
import { mayBeMalformed } from '../server/src/model/plainXml';
import { buildXmlTree } from '../server/src/model/xmlTree';
import { LanguageService } from '../server/src/languageService';
import { LocalCheck, checkLocally, checkLocallyIfEnough } from '../server/src/rules/localCheck';
import { indexForServer } from '../server/src/node/indexWorkerLoop';
import { IndexWorkers } from '../server/src/node/parallelIndexer';
import { listXmlFiles, readXmlFileSync } from '../server/src/node/workspaceFiles';
import { ALL_SHAPES, Shape, ensureShape } from './generator/shapes';
import { ensureWorkspace } from './generator/workspace';
import { machineFacts } from './measure/machine';
import { optionValue, positiveOption } from './argv';
import { median } from './measure/stats';
import { DATA_DIR, REPO_ROOT } from './paths';

const MB = 1024 * 1024;
/** With `node --expose-gc` (as `npm run bench:stages` runs it). */
const collect = (globalThis as { gc?: () => void }).gc;
const WORKER_SCRIPT = path.join(REPO_ROOT, 'dist', 'indexWorker.js');

/** The median time of `passes` runs of `run`, after `prepare` (not timed) before each. */
function timed<T>(passes: number, prepare: () => T, run: (input: T) => void): number {
  const times: number[] = [];
  for (let i = 0; i < passes; i++) {
    const input = prepare();
    // The last pass's garbage is not this one's to collect.
    collect?.();
    const start = performance.now();
    run(input);
    times.push(performance.now() - start);
  }
  return median(times);
}

const PIPELINES = ['built and packed', '+ unpacking', '+ unpacking and filing'] as const;
type Pipeline = (typeof PIPELINES)[number];

/** One cold run of the worker threads and this thread over the files; wall and process CPU time in ms. */
async function pipelineRun(items: { file: string; uri: string }[], what: Pipeline): Promise<{ wall: number; cpu: number; workers: number }> {
  collect?.();
  const workers = new IndexWorkers({ script: WORKER_SCRIPT, here: indexForServer });
  // Started as the server starts them, while it lists the files: not part of the figure.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const index = new WorkspaceIndex();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await workers.run(items, (r) => {
    if (!r.entry || what === 'built and packed') return;
    const entry = unpackEntry(r.entry);
    if (what === '+ unpacking and filing') index.set(entry);
  });
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  workers.close();
  return { wall, cpu: (used.user + used.system) / 1000, workers: workers.size };
}

async function main(): Promise<void> {
  const size = positiveOption('size', 100, true);
  const passes = positiveOption('passes', 5, true);
  const runs = positiveOption('runs', 3, true);
  const shape = (optionValue('shape') ?? 'bench') as Shape;
  if (!ALL_SHAPES.includes(shape)) throw new Error(`--shape is one of ${ALL_SHAPES.join(', ')}`);
  const m = machineFacts();
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; load average ${m.loadAverage.join(' ')}`);
  const base = ensureWorkspace(DATA_DIR, size, 42, (s) => console.log(s));
  const { root, manifest } = shape === 'bench' ? base : ensureShape(base, shape, (s) => console.log(s));
  const files = await listXmlFiles(root);
  const items = files.map((file) => ({ file, uri: pathToFileURL(file).toString() }));
  console.log(`Configuration: ${files.length.toLocaleString('en')} files, ${(manifest.totalBytes / MB).toFixed(1)} MB, ${shape} shape (${root})`);

  // Each stage's input is made just before it and let go after it: a heap that held every
  // stage's data at once would make each collection, and so each stage, slower.
  const rows: [string, number][] = [];
  const stage = (label: string, ms: number) => rows.push([label, ms]);
  stage(
    'read and decode',
    timed(
      passes,
      () => undefined,
      () => files.forEach((f) => readXmlFileSync(f)),
    ),
  );
  let texts: { uri: string; text: string; encoding: string }[] | undefined = files.flatMap((f, i) => {
    const r = readXmlFileSync(f);
    return r.ok ? [{ uri: items[i].uri, text: r.text, encoding: r.encoding }] : [];
  });
  stage(
    "the command line's strict pre-check",
    timed(
      passes,
      () => undefined,
      () => texts!.forEach((t) => mayBeMalformed(t.text)),
    ),
  );
  // Each entry let go at once, as a worker packs and drops it.
  stage(
    'parse, build the entries',
    timed(
      passes,
      () => undefined,
      () => texts!.forEach((t) => buildFileEntry(t.uri, t.text, t.encoding, false)),
    ),
  );
  let entries: FileEntry[] | undefined = texts.map((t) => buildFileEntry(t.uri, t.text, t.encoding, false));
  texts = undefined;
  stage(
    'pack the entries',
    timed(
      passes,
      () => undefined,
      () => entries!.forEach(packEntry),
    ),
  );
  const packed: PackedEntry[] = entries.map(packEntry);
  entries = undefined;
  stage(
    'unpack them',
    timed(
      passes,
      () => undefined,
      () => packed.forEach((p) => unpackEntry(p)),
    ),
  );
  stage(
    'file them into an index',
    timed(
      passes,
      () => packed.map((p) => unpackEntry(p)),
      (unpacked) => {
        const index = new WorkspaceIndex();
        for (const e of unpacked) index.set(e);
      },
    ),
  );
  packed.length = 0;

  // The command line's check, on this thread. What a worker that reads a file again for the check
  // pass does with it: a tree of the text, and the element and tree rules on it. Then the check
  // pass: every file against an index filed with every entry, given what the workers found
  // (rules/localCheck.ts: the files they checked whole come without their text), each pass on a
  // fresh index (the rules keep what they compute per index).
  let checked: { uri: string; text?: string; local?: LocalCheck; checkedAgain: boolean; packed: PackedEntry }[] | undefined = files.flatMap((f, i) => {
    const r = readXmlFileSync(f);
    if (!r.ok) return [];
    const { entry, tree } = buildFileEntryAndTree(items[i].uri, r.text, r.encoding);
    const configuration = tree !== undefined && entry.status === 'configuration';
    const whole = configuration ? checkLocallyIfEnough(r.text, tree, entry) : undefined;
    const local = whole ?? (configuration ? checkLocally(r.text, tree) : undefined);
    return [{ uri: items[i].uri, text: whole ? undefined : r.text, local, checkedAgain: configuration && !whole, packed: packEntry(entry) }];
  });
  stage(
    "the command line's local checks, tree included",
    timed(
      passes,
      () => undefined,
      () => checked!.forEach((c) => c.checkedAgain && checkLocally(c.text!, buildXmlTree(c.text!))),
    ),
  );
  stage(
    "the command line's check pass",
    timed(
      passes,
      () => {
        const service = new LanguageService({ retainText: false });
        for (const c of checked!) service.setFileEntry(unpackEntry(c.packed, true));
        return service;
      },
      (service) => checked!.forEach((c) => service.validate(c.uri, { text: c.text, local: c.local })),
    ),
  );
  checked = undefined;
  console.log(`On this thread, warm (median of ${passes} passes):`);
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms`);

  // The three ways in turn, run after run: the machine's drift touches them alike.
  const measured = new Map<Pipeline, { wall: number; cpu: number; workers: number }[]>(PIPELINES.map((p) => [p, []]));
  for (let i = 0; i < runs; i++) for (const what of PIPELINES) measured.get(what)!.push(await pipelineRun(items, what));
  const workers = measured.get(PIPELINES[0])![0].workers;
  console.log(
    `The server's pipeline, cold (${workers} worker ${workers === 1 ? 'thread' : 'threads'} and this thread, new workers each run; median of ${runs} runs: wall time, the process's CPU time):`,
  );
  for (const [what, results] of measured) {
    const wall = median(results.map((r) => r.wall));
    const cpu = median(results.map((r) => r.cpu));
    console.log(`  ${what.padEnd(48)} ${wall.toFixed(0).padStart(6)} ms, CPU ${cpu.toFixed(0)} ms`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
