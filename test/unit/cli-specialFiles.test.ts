/**
 * The command line reads regular files only: a FIFO, a link to `/dev/zero` or a settings file
 * that is a link to something else is reported, never waited on nor read without end; and a
 * settings problem says what is wrong, never what the file holds.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runBuiltCli, tempDir } from '../helpers/cli';

const JOBS = '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <Agent Identifier="Local" DisplayName_L1="Local" />\n</ConfigurationFile>\n';
const posixOnly = { skip: process.platform === 'win32' };

/** A hang is a failure after a few seconds, not a stuck test run. */
const cli = (cwd: string, ...args: string[]) => runBuiltCli(cwd, args, 15_000);

function confFolder(): string {
  const root = tempDir('ucj-special-');
  mkdirSync(path.join(root, 'conf'));
  writeFileSync(path.join(root, 'conf', 'Jobs.xml'), JOBS);
  return root;
}

describe('usercube-jobs check on files that are not regular files', () => {
  it('a FIFO and a link to /dev/zero named on the command line are reported as such (exit 2), the other files checked', posixOnly, () => {
    const root = confFolder();
    assert.equal(spawnSync('mkfifo', [path.join(root, 'conf', 'Pipe.xml')]).status, 0);
    symlinkSync('/dev/zero', path.join(root, 'conf', 'Zero.xml'));
    const r = cli(root, 'check', 'conf/Pipe.xml', 'conf/Zero.xml', 'conf/Jobs.xml');
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), ['conf/Pipe.xml: not read: it is a FIFO, not a regular file', 'conf/Zero.xml: not read: it is a device, not a regular file']);
    assert.equal(r.stdout, '1 XML files, 1 configuration files: 0 errors, 0 warnings, 0 info.\n');
  });

  it('a settings file that is a link to /dev/zero stops the run with a message (exit 2)', posixOnly, () => {
    const root = confFolder();
    symlinkSync('/dev/zero', path.join(root, 'conf', '.usercube-jobs.json'));
    const r = cli(root, 'check', 'conf');
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'usercube-jobs check: conf/.usercube-jobs.json: not read: it is a device, not a regular file.\n']);
  });

  it('a settings file that is a FIFO does not block the run', posixOnly, () => {
    const root = confFolder();
    assert.equal(spawnSync('mkfifo', [path.join(root, 'conf', '.usercube-jobs.json')]).status, 0);
    const r = cli(root, 'check', 'conf');
    assert.deepEqual([r.code, r.stderr], [2, 'usercube-jobs check: conf/.usercube-jobs.json: not read: it is a FIFO, not a regular file.\n']);
  });

  it('a settings file that is not JSON (a link to an environment file) is named with what is wrong, none of its content', posixOnly, () => {
    const root = confFolder();
    writeFileSync(path.join(root, 'environ'), 'SECRET_TOKEN=hunter2\0PATH=/usr/bin\0');
    symlinkSync('../environ', path.join(root, 'conf', '.usercube-jobs.json'));
    const r = cli(root, 'check', 'conf');
    assert.deepEqual([r.code, r.stderr], [2, "usercube-jobs check: conf/.usercube-jobs.json: is not valid JSON (it does not start with '{').\n"]);
  });

  it('settings values that cannot be a rule id or a severity are described, not quoted', posixOnly, () => {
    const root = confFolder();
    writeFileSync(path.join(root, 'conf', '.usercube-jobs.json'), JSON.stringify({ rules: { 'reference/unresolved': 'Bearer eyJhbGciOi.secret', 'password=hunter2 x': 'off' } }));
    const r = cli(root, 'check', 'conf');
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      "usercube-jobs check: conf/.usercube-jobs.json: 'reference/unresolved' must be one of off, info, warning, error (not that text).",
      'usercube-jobs check: conf/.usercube-jobs.json: unknown rule (an identifier no rule has).',
    ]);
  });
});
