/**
 * The built command (`node dist/cli.js`, what bin/usercube-jobs.js loads) as a real process:
 * exit codes, stdout and stderr as a shell or a CI job sees them. `npm test` builds dist/ first.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/workspace';
import { runBuiltCli, tempDir } from '../helpers/cli';

const cli = (...args: string[]) => runBuiltCli(REPO_ROOT, args);

describe('node dist/cli.js', () => {
  it('exits 0 on the sample configuration', () => {
    const r = cli('check', 'examples');
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '8 XML files, 8 configuration files: 0 errors, 0 warnings, 0 info.\n', '']);
  });

  it('exits 1 on errors, with the problem lines on stdout', () => {
    const r = cli('check', 'test/fixtures/cli-broken');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.equal(lines.length, 6, 'three problems, where the rules are explained, the summary and a final newline');
    assert.match(lines[0], /^test\/fixtures\/cli-broken\/jobs\.xml:4:113: error reference\/unresolved /);
    assert.equal(lines[3], 'Each rule is explained under its id in docs/rules.md.', 'the page installed beside dist/cli.js');
    assert.equal(lines[4], '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.');
  });

  it('writes a whole SARIF document on stdout', () => {
    const r = cli('check', 'test/fixtures/cli-broken', '--format', 'sarif');
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, 3);
  });

  it('exits 2 on bad usage with the message on stderr and nothing on stdout', () => {
    const r = cli('check', '--rule', 'nope=off', 'examples');
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^usercube-jobs check: --rule: unknown rule 'nope'/);
  });

  it('exits 2 on a missing folder', () => {
    const r = cli('check', 'no/such/folder');
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', "usercube-jobs check: 'no/such/folder' does not exist.\n"]);
  });

  it('exits 1 when the warnings pass --max-warnings', () => {
    const r = cli('check', 'test/fixtures/cli-fix', '--rule', 'sync-complete/no-donotdeletechanges=off', '--rule', 'taskentitytype/attribute-name=off', '--max-warnings', '0');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'usercube-jobs check: 1 warning, more than --max-warnings 0.\n');
  });

  it('bin/usercube-jobs.js in a clone that was never built says to build, with exit 2', () => {
    const clone = tempDir('usercube-unbuilt-');
    mkdirSync(path.join(clone, 'bin'));
    copyFileSync(path.join(REPO_ROOT, 'bin', 'usercube-jobs.js'), path.join(clone, 'bin', 'usercube-jobs.js'));
    const r = spawnSync(process.execPath, [path.join(clone, 'bin', 'usercube-jobs.js'), 'check', '.'], { cwd: clone, encoding: 'utf8' });
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'usercube-jobs: dist/cli.js is missing; run "npm run build" first.\n']);
  });
});
