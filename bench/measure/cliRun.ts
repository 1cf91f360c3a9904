/**
 * The command-line scenario: `usercube-jobs check <folder> --format json`, as CI runs it, with
 * its output written to a file. Wall time, CPU time and peak memory (cliProbe.ts), the size of
 * the output, and whether it is one valid JSON document with the findings it counts.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI_BUNDLE, DATA_DIR } from '../paths';

export interface CliRun {
  ms: number;
  peakRss: number;
  /** CPU time of the process, every thread, user and system. */
  cpuMs: number;
  exitCode: number;
  outputBytes: number;
  /** The summary's errors + warnings + info, or undefined when the output is not valid JSON. */
  findings?: number;
}

/** Outputs larger than this are not parsed back (the bench's own memory). */
const PARSE_LIMIT = 512 * 1024 * 1024;

export async function runCli(root: string): Promise<CliRun> {
  const out = path.join(DATA_DIR, 'cli-output.json');
  const usageFile = path.join(DATA_DIR, 'cli-usage.json');
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'cliProbe.js'), CLI_BUNDLE, 'check', root, '--format', 'json'], {
      env: { ...process.env, USERCUBE_BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.pipe(createWriteStream(out));
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  const ms = performance.now() - started;
  const outputBytes = statSync(out).size;
  let findings: number | undefined;
  if (outputBytes <= PARSE_LIMIT) {
    try {
      const s = JSON.parse(readFileSync(out, 'utf8')).summary;
      findings = s.errors + s.warnings + s.info;
    } catch {
      findings = undefined;
    }
  }
  rmSync(out, { force: true });
  const { peakRss, cpuMs } = JSON.parse(readFileSync(usageFile, 'utf8')) as { peakRss: number; cpuMs: number };
  return { ms, peakRss, cpuMs, exitCode, outputBytes, findings };
}
