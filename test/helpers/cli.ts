/** Running `usercube-jobs` in-process, and throwaway folders removed when a test file is done. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/checkCommand';
import { displayPath } from '../../server/src/cli/report';
import { REPO_ROOT } from './workspace';

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
