/**
 * `--fix` never leaves a file half-written: a write that fails (here a file-size limit, as a
 * full disk does) leaves the original byte for byte; a fixed file keeps its permissions, and a
 * link stays a link.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { BUILT_CLI, runCliIn, tempDir } from '../helpers/cli';

/** A valid configuration of about `agents` × 60 bytes whose one safe fix renames an attribute. */
function jobsFile(agents: number, prefix = ''): string {
  const pad = Array.from({ length: agents }, (_, i) => `  <Agent Identifier="${prefix}Agent${i}" DisplayName_L1="Agent ${i}" />`).join('\n');
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n' +
    `  <Job Identifier="${prefix}J" DisplayName_L1="j" CrontabExpression="0 2 * * *" />\n` +
    `${pad}\n</ConfigurationFile>\n`
  );
}

describe('usercube-jobs check --fix writes safely', () => {
  it('a write that fails half-way (file size limit, as on a full disk) leaves the file as it was, and says so', { skip: process.platform === 'win32' }, () => {
    const root = tempDir('ucj-fixwrite-');
    mkdirSync(path.join(root, 'conf'));
    const file = path.join(root, 'conf', 'Jobs.xml');
    const original = jobsFile(400);
    writeFileSync(file, original);
    assert.ok(original.length > 16 * 1024, 'bigger than the limit');
    // `ulimit -f 8`: no file of this process may grow past 8 KB (Node ignores SIGXFSZ: the write fails with EFBIG).
    const r = spawnSync('bash', ['-c', `ulimit -f 8 && exec "${process.execPath}" "${BUILT_CLI}" check --fix conf`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^conf\/Jobs\.xml: cannot be written: EFBIG/m);
    assert.equal(readFileSync(file, 'utf8'), original, 'the original is untouched');
    assert.deepEqual(readdirSync(path.join(root, 'conf')), ['Jobs.xml'], 'no temporary file is left behind');
  });

  it('a fixed file keeps its permissions; a link to it stays a link and its target is fixed', { skip: process.platform === 'win32' }, async () => {
    const root = tempDir('ucj-fixwrite-');
    mkdirSync(path.join(root, 'conf'));
    mkdirSync(path.join(root, 'shared'));
    const own = path.join(root, 'conf', 'Jobs.xml');
    writeFileSync(own, jobsFile(2));
    chmodSync(own, 0o640);
    const target = path.join(root, 'shared', 'Linked.xml');
    writeFileSync(target, jobsFile(1, 'Linked'));
    chmodSync(target, 0o604);
    const link = path.join(root, 'conf', 'Linked.xml');
    symlinkSync('../shared/Linked.xml', link);

    const r = await runCliIn(root, 'check', '--fix', 'conf/Jobs.xml', 'conf/Linked.xml');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(statSync(own).mode & 0o777, 0o640);
    assert.match(readFileSync(own, 'utf8'), / CronTabExpression="0 2 \* \* \*"/);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(link), '../shared/Linked.xml');
    assert.equal(statSync(target).mode & 0o777, 0o604);
    assert.match(readFileSync(target, 'utf8'), / CronTabExpression="0 2 \* \* \*"/);
    assert.deepEqual(readdirSync(path.join(root, 'shared')), ['Linked.xml']);
  });
});
