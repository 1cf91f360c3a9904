/** `usercube-jobs check`: output lines, summary, usage, exit codes and progress, without spawning a process. */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/checkCommand';
import { Progress } from '../../server/src/cli/progress';
import { REPO_ROOT } from '../helpers/workspace';
import { misreadConfigurationFolder, rulesLine, runCliIn, tempDir } from '../helpers/cli';

const run = (...args: string[]) => runCliIn(REPO_ROOT, ...args);

const BROKEN_LINES = [
  "test/fixtures/cli-broken/jobs.xml:4:113: error reference/unresolved Connection 'NoSuchConnection': no connection with this identifier in the configuration.",
  "test/fixtures/cli-broken/jobs.xml:5:6: error fulfill/target-required FulfillTask needs a 'Connector' or TaskResourceType children.",
  "test/fixtures/cli-broken/jobs.xml:6:38: error dependency/parent-exists Parent task 'Broken_Provisioning' is not defined in any configuration file.",
];

describe('usercube-jobs check', () => {
  it('passes the sample configuration with no problem', async () => {
    const r = await run('check', 'examples');
    assert.deepEqual(r.out, ['8 XML files, 8 configuration files: 0 errors, 0 warnings, 0 info.']);
    assert.equal(r.code, 0);
  });

  it('prints path:line:column: severity rule-id message and exits 1 on errors', async () => {
    const r = await run('check', 'test/fixtures/cli-broken');
    assert.deepEqual(r.out, [...BROKEN_LINES, rulesLine(REPO_ROOT), '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, []);
  });

  it('takes options before, between and after the paths, and --format text is the default', async () => {
    const r = await run('check', '--format', 'text', 'test/fixtures/cli-broken', '--max-warnings=0');
    assert.deepEqual(r.out, [...BROKEN_LINES, rulesLine(REPO_ROOT), '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.']);
    assert.equal(r.code, 1);
  });

  it('checks a file named twice (directly and through its folder) once', async () => {
    const r = await run('check', 'test/fixtures/cli-broken/jobs.xml', 'test/fixtures/cli-broken');
    assert.deepEqual(r.out, [...BROKEN_LINES, rulesLine(REPO_ROOT), '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.']);
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
    [['check', 'examples', 'no/such/folder'], "usercube-jobs check: 'no/such/folder' does not exist."],
    [['check', '--format', 'xml', 'examples'], "usercube-jobs check: unknown format 'xml' (use text, json, sarif, github or junit)."],
    [['check', 'examples', '--format'], 'usercube-jobs check: --format needs a value: text, json, sarif, github or junit.'],
    [
      ['check', '--rule', 'reference/unresolvd=off', 'examples'],
      "usercube-jobs check: --rule: unknown rule 'reference/unresolvd' (did you mean 'reference/unresolved'?). The rules are listed in docs/rules.md.",
    ],
    [['check', '--rule', 'no-such-rule=off', 'examples'], "usercube-jobs check: --rule: unknown rule 'no-such-rule'. The rules are listed in docs/rules.md."],
    [['check', '--rule=reference/unresolved=fatal', 'examples'], "usercube-jobs check: --rule 'reference/unresolved=fatal': the severity must be off, info, warning or error."],
    [['check', '--rule', 'reference/unresolved', 'examples'], "usercube-jobs check: --rule 'reference/unresolved' is not <rule-id>=<severity>."],
    [['check', 'examples', '--rule'], 'usercube-jobs check: --rule needs a value: <rule-id>=<severity>.'],
    [['check', '--max-warnings', 'ten', 'examples'], "usercube-jobs check: --max-warnings needs a whole number, 0 or more (not 'ten')."],
    [['check', '--max-warnings', '-1', 'examples'], "usercube-jobs check: --max-warnings needs a whole number, 0 or more (not '-1')."],
    [['check', '--fix=yes', 'examples'], "usercube-jobs check: unknown option '--fix=yes'."],
    [['check', '--fix-type', 'suggestion', 'examples'], 'usercube-jobs check: --fix-type says which fixes --fix applies: give --fix too.'],
    [['check', '--fix', '--fix-type', 'risky', 'examples'], "usercube-jobs check: unknown fix type 'risky' (use safe, suggestion, or both: safe,suggestion)."],
  ] as const) {
    it(`exits 2 with a clear message: ${args.join(' ') || '(nothing)'}`, async () => {
      const r = await run(...args);
      assert.equal(r.code, 2);
      assert.equal(r.err[0], message);
      assert.deepEqual(r.out, [], 'nothing on stdout');
      assert.ok(!r.err.join('\n').includes('    at '), 'no stack trace');
    });
  }

  it('exits 2 on a binary file named .xml and still checks the rest', async () => {
    const dir = tempDir('ucj-cli-');
    writeFileSync(path.join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'empty.xml'), '');
    const r = await run('check', dir);
    assert.equal(r.code, 2);
    assert.deepEqual(
      r.err.map((l) => l.replace(dir, '<dir>')),
      ['<dir>/image.xml: not a text file (it contains NUL bytes)'],
    );
    assert.deepEqual(r.out, ['1 XML files, 0 configuration files: 0 errors, 0 warnings, 0 info.']);
  });

  it('says that an empty file named on its own has nothing to check, and exits 0', async () => {
    const dir = tempDir('ucj-cli-');
    writeFileSync(path.join(dir, 'empty.xml'), '');
    writeFileSync(path.join(dir, 'other.xml'), '<?xml version="1.0"?>\n<root/>\n');
    const r = await run('check', path.join(dir, 'empty.xml'), path.join(dir, 'other.xml'));
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.err.map((l) => l.replace(dir, '<dir>')),
      ['<dir>/empty.xml: empty file; nothing to check.', '<dir>/other.xml: not a Usercube configuration file (its root is not <ConfigurationFile>); nothing to check.'],
    );
    assert.deepEqual(r.out, ['2 XML files, 0 configuration files: 0 errors, 0 warnings, 0 info.']);
  });

  it('exits 1 on a file that should be configuration but is not read as such (misspelt namespace, a task as the root)', async () => {
    const dir = misreadConfigurationFolder();
    const r = await run('check', dir);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.out.map((l) => l.replace(dir, '<dir>').replace(/ Identity Manager does not read.*$/, '')),
      [
        "<dir>/jobs.xml:1:27: error file/namespace 'urn:schemas-usercube-com:configuraton' is not the configuration namespace 'urn:schemas-usercube-com:configuration'.",
        '<dir>/task.xml:1:2: error file/root The root element is <ExportTask>: write it inside <ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">.',
        rulesLine(REPO_ROOT),
        '2 XML files, 0 configuration files: 2 errors, 0 warnings, 0 info.',
      ],
    );
  });

  it('says that a folder holds no .xml file, and exits 0', async () => {
    const dir = tempDir('ucj-cli-none-');
    writeFileSync(path.join(dir, 'notes.txt'), 'not XML');
    const r = await run('check', dir);
    assert.equal(r.code, 0);
    assert.deepEqual(r.err, [`usercube-jobs check: '${dir}' holds no .xml file.`]);
    assert.deepEqual(r.out, ['0 XML files, 0 configuration files: 0 errors, 0 warnings, 0 info.']);
  });
});

describe('usercube-jobs help and version', () => {
  for (const args of [['--help'], ['-h'], ['check', '--help'], ['check', 'examples', '-h']]) {
    it(`prints the usage with every option: ${args.join(' ')}`, async () => {
      const r = await run(...args);
      assert.equal(r.code, 0);
      const usage = r.out.join('\n');
      for (const option of ['--format <text|json|sarif|github|junit>', '--fix', '--fix-type <types>', '--rule <id>=<severity>', '--max-warnings <N>', '-h, --help', '--version']) {
        assert.ok(usage.includes(option), `usage lists ${option}`);
      }
      assert.match(usage, /Exit code: 0 no error, 1 errors found/);
    });
  }

  it('prints the version of package.json', async () => {
    const r = await run('--version');
    assert.equal(r.code, 0);
    assert.deepEqual(r.out, [JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version]);
  });
});

describe('usercube-jobs check progress line', () => {
  it('is drawn for a large folder when a terminal writer is given, then cleared', async () => {
    const dir = tempDir('ucj-cli-many-');
    for (let i = 0; i < 201; i++) writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.xml`), '<?xml version="1.0"?>\n<root/>\n');
    const progress: string[] = [];
    const out: string[] = [];
    const code = await runCli(['check', dir], { out: (l) => out.push(l), err: () => {}, cwd: REPO_ROOT, progress: (l) => progress.push(l) });
    assert.equal(code, 0);
    assert.deepEqual(out, ['201 XML files, 0 configuration files: 0 errors, 0 warnings, 0 info.']);
    assert.ok(
      progress.some((l) => /^Reading \d+\/201 files…$/.test(l)),
      progress.join(' | '),
    );
    assert.equal(progress[progress.length - 1], '', 'cleared at the end');
  });

  it('stays hidden for a small folder until a second has passed', () => {
    let now = 0;
    const lines: string[] = [];
    const bar = new Progress(
      (l) => lines.push(l),
      'Checking',
      10,
      () => now,
    );
    bar.update(1);
    now = 999;
    bar.update(2);
    assert.deepEqual(lines, []);
    now = 1000;
    bar.update(3);
    now = 1050;
    bar.update(4); // within the redraw interval
    bar.update(10); // the last one is always drawn
    bar.end();
    assert.deepEqual(lines, ['Checking 3/10 files…', 'Checking 10/10 files…', '']);
  });
});
