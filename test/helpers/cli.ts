/** Running `usercube-jobs` in-process, and throwaway folders removed when a test file is done. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/checkCommand';
import { displayPath } from '../../server/src/cli/report';
import { REPO_ROOT } from './workspace';

/** The built command line (npm run build). */
export const BUILT_CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** The built command in its own process, in `cwd`: a hang fails the test after `timeoutMs` instead of stopping the run. */
export function runBuiltCli(cwd: string, args: string[], timeoutMs = 60_000) {
  assert.ok(existsSync(BUILT_CLI), `${BUILT_CLI} is missing: run npm run build`);
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  assert.equal(r.signal, null, `the command was stopped after ${timeoutMs / 1000} s (${r.signal}): it hung`);
  assert.equal(r.error, undefined);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the command line in `cwd` (paths print relative to it), capturing its output. */
export async function runCliIn(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out, err };
}

const temporary: string[] = [];
after(() => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh folder under the system temp dir, removed when the file's tests are done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** The text format's line that names the rules page (the repository's docs/rules.md), as printed in `cwd`. */
export function rulesLine(cwd: string): string {
  return `Each rule is explained under its id in ${displayPath(cwd, path.join(REPO_ROOT, 'docs', 'rules.md'))}.`;
}

/**
 * A folder of two files that should be configuration but are not read as such: `jobs.xml` with a
 * misspelt namespace (file/namespace), `task.xml` whose root is a task (file/root).
 */
export function misreadConfigurationFolder(): string {
  const dir = tempDir('ucj-misread-');
  writeFileSync(
    path.join(dir, 'jobs.xml'),
    '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuraton">\n  <Job Identifier="J" DisplayName_L1="j" />\n</ConfigurationFile>\n',
  );
  writeFileSync(path.join(dir, 'task.xml'), '<ExportTask Identifier="E" DisplayName_L1="e" xmlns="urn:schemas-usercube-com:configuration" />\n');
  return dir;
}
