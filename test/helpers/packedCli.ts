/**
 * The npm package as a user gets it: `npm pack` in a copy of the clone (its own files only, no
 * dist/, so the prepack script must build what ships), then `npm install --global` of the
 * tarball into an empty prefix, offline. Done once per test process.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './cli';
import { REPO_ROOT } from './workspace';

export interface PackedCli {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The files in it, as `npm pack --json` lists them. */
  files: string[];
  /** The global prefix it is installed under: bin/usercube-jobs, lib/node_modules/usercube-jobs. */
  prefix: string;
  bin: string;
  version: string;
  /** Milliseconds taken by `npm pack` (the production build included) and by the install. */
  packMs: number;
  installMs: number;
}

/**
 * The environment for a nested npm: none of the outer npm's npm_* variables (under `npm test`
 * they carry its own settings), a throwaway cache, never the network, and `--global` under
 * `prefix`.
 */
export function npmEnvironment(prefix: string, cache: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...env,
    npm_config_prefix: prefix,
    npm_config_cache: cache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  };
}

export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `npm ${args.join(' ')}: ${r.error}`);
  return r;
}

/** The clone's own files (tracked, or new and not ignored) copied to a fresh folder; node_modules linked. */
function copyOfClone(): string {
  const copy = path.join(tempDir('ucj-clone-'), 'usercube-jobs');
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the work tree, not yet committed
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(from, path.join(copy, file));
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

let packed: PackedCli | undefined;

export function packedCli(): PackedCli {
  if (packed) return packed;
  const work = tempDir('ucj-pack-');
  const prefix = path.join(work, 'prefix');
  const env = npmEnvironment(prefix, path.join(work, 'cache'));
  const clone = copyOfClone();
  assert.ok(!existsSync(path.join(clone, 'dist')), 'the copy has no dist/ of its own');

  let start = Date.now();
  const pack = npm(['pack', '--json', '--pack-destination', work], clone, env);
  const packMs = Date.now() - start;
  assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; version: string; files: { path: string }[] }[];
  const tarball = path.join(work, info.filename);

  const empty = path.join(work, 'empty');
  mkdirSync(empty);
  start = Date.now();
  const install = npm(['install', '--global', tarball], empty, env);
  const installMs = Date.now() - start;
  assert.equal(install.status, 0, `npm install --global failed:\n${install.stderr}`);

  packed = { tarball, files: info.files.map((f) => f.path).sort(), prefix, bin: path.join(prefix, 'bin', 'usercube-jobs'), version: info.version, packMs, installMs };
  return packed;
}

/** The version in the clone's package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
