/**
 * `npm run bench`: generates the synthetic configurations (once) and the two other shapes
 * derived from them (generator/shapes.ts), then for each size and shape runs the built server
 * over stdio several times, as a client would, and the command line, and prints medians,
 * machine facts and a PASS/FAIL line per budget of the issue. A benchmark, not a test: it never
 * fails the build on timings (the exit code is 0 unless the bench itself breaks).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ensureWorkspace } from './generator/workspace';
import { Shape, ensureShape } from './generator/shapes';
import { runCli } from './measure/cliRun';
import { measureFloor } from './measure/floor';
import { loadAverage, machineFacts } from './measure/machine';
import { Scenario, runSession } from './measure/session';
import { defaultRuns, parseOptions } from './options';
import { DATA_DIR } from './paths';
import { SizeRuns, SizeSummary, budgets, formatSize, summarize } from './report';

/** What each shape is measured for (the issue's budgets): the others only add time. */
const SHAPE_SCENARIOS: Record<Shape, readonly Scenario[]> = {
  bench: ['edit', 'completion', 'references', 'symbols'],
  nested: ['completion'],
  findings: [],
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  if (!existsSync(options.server)) throw new Error(`no server bundle at ${options.server}: run \`npm run build\` first`);
  mkdirSync(DATA_DIR, { recursive: true });

  const workspaces = options.sizes.flatMap((size) => {
    const base = ensureWorkspace(DATA_DIR, size, options.seed, log);
    return options.shapes.map((shape) => ({ size, shape, ...ensureShape(base, shape, log) }));
  });
  if (options.generateOnly) {
    for (const w of workspaces) log(`${w.size} MB ${w.shape}: ${w.root} (${w.manifest.fileCount} files, ${w.manifest.totalBytes} bytes)`);
    return;
  }

  const machine = machineFacts();
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage.join(' ')}`);
  const serverNode = options.serverNode === process.execPath ? '' : ` on ${options.serverNode} (${execFileSync(options.serverNode, ['--version']).toString().trim()})`;
  console.log(
    `Server: ${path.relative(process.cwd(), options.server)}${serverNode}${options.serverNodeArgs.length ? ` (node ${options.serverNodeArgs.join(' ')})` : ''}${options.probe ? ' (with the timing probe)' : ''}; seed ${options.seed}; ${options.edits} edits (+${options.warmupEdits} warm-up), ${options.requests} requests per run`,
  );

  const all: SizeRuns[] = [];
  const summaries: SizeSummary[] = [];
  for (const w of workspaces) {
    const runs = options.runs ?? defaultRuns(w.size);
    const r: SizeRuns = { sizeMB: w.size, shape: w.shape, manifest: w.manifest, floors: [], sessions: [], cli: [], loadBefore: loadAverage(), loadAfter: [] };
    await measureFloor(w.root); // warms the page cache and the bench's own JIT
    const sessionOptions = {
      server: options.server,
      serverNodeArgs: options.serverNodeArgs,
      serverNode: options.serverNode,
      probe: options.probe,
      scenarios: new Set([...options.scenarios].filter((s) => SHAPE_SCENARIOS[w.shape].includes(s))),
      edits: options.edits,
      warmupEdits: options.warmupEdits,
      debounceSamples: options.debounceSamples,
      requests: options.requests,
      timeoutMs: 120000,
    };
    for (let i = 0; i < runs; i++) {
      r.floors.push(await measureFloor(w.root));
      const session = await runSession(w.root, w.manifest, sessionOptions);
      r.sessions.push(session);
      const cli = options.cli && w.shape !== 'nested' ? await runCli(w.root) : undefined;
      if (cli) r.cli.push(cli);
      log(
        `  ${w.size} MB ${w.shape} run ${i + 1}/${runs}: floor ${Math.min(r.floors[i].asyncMs, r.floors[i].syncMs).toFixed(0)} ms, cold index ${session.coldIndexMs.toFixed(0)} ms` +
          (cli ? `, check ${cli.ms.toFixed(0)} ms` : ''),
      );
    }
    if (options.profile) {
      // An extra run, not counted: the profiler slows the server down.
      const profileDir = path.join(DATA_DIR, 'profiles', `${w.size}mb-${w.shape}`);
      mkdirSync(profileDir, { recursive: true });
      await runSession(w.root, w.manifest, { ...sessionOptions, probe: true, profileDir });
      log(`  ${w.size} MB: CPU profiles per phase in ${path.relative(process.cwd(), profileDir)}/ (node out/bench/profileSummary.js <file>)`);
    }
    r.loadAfter = loadAverage();
    all.push(r);
    summaries.push(summarize(r));
    console.log(formatSize(summaries[summaries.length - 1]));
  }

  const verdicts = budgets(summaries, machine.cores);
  console.log('\nBudgets:');
  for (const v of verdicts) console.log(`  ${v.line}`);
  console.log(`Load average at the end: ${loadAverage().join(' ')} (${machine.cores} cores)`);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const record = { date: new Date().toISOString(), machine, options: { ...options, scenarios: [...options.scenarios] }, summaries, verdicts, raw: all };
  const file = path.join(DATA_DIR, `results-${stamp}.json`);
  writeFileSync(file, JSON.stringify(record, null, 2));
  writeFileSync(path.join(DATA_DIR, 'results-latest.json'), JSON.stringify(record, null, 2));
  console.log(`Raw figures: ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
