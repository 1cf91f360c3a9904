/** `usercube-jobs check`: output lines, summary and exit codes, without spawning a process. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/checkCommand';
import { REPO_ROOT } from '../helpers/workspace';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: REPO_ROOT });
  return { code, out, err };
}

describe('usercube-jobs check', () => {
  it('passes the sample configuration with no problem', async () => {
    const r = await run('check', 'examples');
    assert.deepEqual(r.out, ['6 XML files, 6 configuration files: 0 errors, 0 warnings, 0 info.']);
    assert.equal(r.code, 0);
  });

  it('prints path:line:column: severity rule-id message and exits 1 on errors', async () => {
    const r = await run('check', 'test/fixtures/cli-broken');
    assert.deepEqual(r.out, [
      "test/fixtures/cli-broken/jobs.xml:4:113: error reference/unresolved Connection 'NoSuchConnection': no connection with this identifier in the configuration.",
      "test/fixtures/cli-broken/jobs.xml:5:6: error fulfill/target-required FulfillTask needs a 'Connector' or TaskResourceType children.",
      "test/fixtures/cli-broken/jobs.xml:6:38: error dependency/parent-exists Parent task 'Broken_Provisioning' is not defined in any configuration file.",
      '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.',
    ]);
    assert.equal(r.code, 1);
  });

  it('accepts a single file', async () => {
    const r = await run('check', 'test/fixtures/multi-file/Agent.xml');
    assert.equal(r.code, 0);
    assert.deepEqual(r.out, ['1 XML files, 1 configuration files: 0 errors, 0 warnings, 0 info.']);
  });

  for (const [args, message] of [
    [[], 'usercube-jobs: missing command.'],
    [['lint'], "usercube-jobs: unknown command 'lint'."],
    [['check'], 'usercube-jobs check: name at least one folder or file to check.'],
    [['check', '--frobnicate', 'examples'], "usercube-jobs check: unknown option '--frobnicate'."],
    [['check', 'no/such/folder'], "usercube-jobs check: 'no/such/folder' does not exist."],
  ] as const) {
    it(`exits 2 with a clear message: ${args.join(' ') || '(nothing)'}`, async () => {
      const r = await run(...args);
      assert.equal(r.code, 2);
      assert.equal(r.err[0], message);
      assert.ok(!r.err.join('\n').includes('    at '), 'no stack trace');
    });
  }

  it('exits 2 on a binary file named .xml and still checks the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ucj-cli-'));
    writeFileSync(path.join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'empty.xml'), '');
    const r = await run('check', dir);
    assert.equal(r.code, 2);
    assert.deepEqual(r.err.map((l) => l.replace(dir, '<dir>')), ['<dir>/image.xml: not a text file (it contains NUL bytes)']);
    assert.deepEqual(r.out, ['1 XML files, 0 configuration files: 0 errors, 0 warnings, 0 info.']);
  });
});
