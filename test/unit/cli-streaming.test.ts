/**
 * `usercube-jobs check` writes each file's findings as soon as it is checked, in every format,
 * and keeps no file's text: a file is read again when its turn comes (in large folders, by one
 * of the index worker threads, a few files ahead). Large folders are read by worker threads, with the same
 * findings.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/checkCommand';
import { takeFilesIndexedByWorkers } from '../../server/src/cli/indexInputs';
import { takeTextsReadByWorkers } from '../../server/src/cli/textsAgain';
import { takeTreesBuilt } from '../../server/src/rules/ruleContext';
import { takeWorkersStarted } from '../../server/src/node/parallelIndexer';
import { conf } from '../helpers/cursor';
import { tempDir } from '../helpers/cli';

/** A folder of `n` files, each with one task whose parent is missing. */
function folder(n: number): string {
  const dir = tempDir('usercube-stream-');
  for (let i = 0; i < n; i++) {
    const name = `f${String(i).padStart(3, '0')}.xml`;
    writeFileSync(
      path.join(dir, name),
      conf(`  <ComputeCorrelationKeysTask Identifier="T${i}" DisplayName_L1="t"><TaskDependsOnTask ParentTask="Missing${i}" /></ComputeCorrelationKeysTask>`),
    );
  }
  return dir;
}

/** Runs `check` on the folder; `onOut` sees each line as it is written. */
async function check(dir: string, args: string[], onOut: (line: string) => void = () => undefined, workers?: number, workerScript?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['check', '.', ...args], {
    out: (l) => {
      out.push(l);
      onOut(l);
    },
    err: (l) => err.push(l),
    cwd: dir,
    workers,
    workerScript,
  });
  return { code, out, err };
}

describe('check: streaming output', () => {
  for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
    it(`${format}: the first file's findings are written before the last file is read for its check`, async () => {
      const dir = folder(3);
      // As soon as the first file's finding is out, the last file disappears: it is read again only when its turn comes.
      const { code, out, err } = await check(dir, ['--format', format], (line) => {
        if (line.includes('Missing0')) rmSync(path.join(dir, 'f002.xml'), { force: true });
      });
      assert.equal(code, 2);
      const text = out.join('\n');
      assert.ok(text.includes('Missing0') && text.includes('Missing1'), 'the first two files are reported');
      assert.ok(!text.includes('Missing2'), 'the last file is not checked: it was gone when its turn came');
      assert.ok(
        err.some((l) => l.startsWith('f002.xml: ') && l.endsWith('(when read again to be checked)')),
        err.join('\n'),
      );
      if (format === 'json') {
        const doc = JSON.parse(text);
        assert.deepEqual(
          doc.files.map((f: { path: string }) => f.path),
          ['f000.xml', 'f001.xml'],
        );
        assert.equal(doc.unreadable[0].path, 'f002.xml');
        assert.equal(doc.summary.unreadable, 1);
      }
      if (format === 'sarif') assert.equal(JSON.parse(text).runs[0].results.length, 2);
    });
  }

  it('a folder of 70 files: worker threads index it, with the same output as one thread', async () => {
    const dir = folder(70);
    takeFilesIndexedByWorkers();
    const threads = await check(dir, ['--format', 'json'], undefined, 2);
    assert.equal(takeFilesIndexedByWorkers(), 70);
    const one = await check(dir, ['--format', 'json'], undefined, 0);
    assert.equal(takeFilesIndexedByWorkers(), 0);
    assert.equal(threads.code, 1);
    assert.deepEqual(threads.out, one.out);
    const doc = JSON.parse(threads.out.join('\n'));
    assert.equal(doc.summary.errors, 70);
    assert.equal(doc.files.length, 70);
  });

  it('a folder of 70 files: a worker thread reads them again for the check, and one gone by then is reported as with one thread', async () => {
    const dir = folder(70);
    const gone = (line: string) => line.includes('Missing0') && rmSync(path.join(dir, 'f069.xml'), { force: true });
    takeTextsReadByWorkers();
    takeWorkersStarted();
    const threads = await check(dir, ['--format', 'json'], gone, 2);
    assert.equal(takeTextsReadByWorkers(), 70, 'every text of the check came from the worker, the missing one included');
    assert.equal(takeWorkersStarted(), 2, 'the check pass reads with one of the two index workers, started no other');
    writeFileSync(
      path.join(dir, 'f069.xml'),
      conf('  <ComputeCorrelationKeysTask Identifier="T69" DisplayName_L1="t"><TaskDependsOnTask ParentTask="Missing69" /></ComputeCorrelationKeysTask>'),
    );
    const one = await check(dir, ['--format', 'json'], gone, 0);
    assert.equal(takeTextsReadByWorkers(), 0);
    assert.equal(threads.code, 2);
    assert.deepEqual(threads.out, one.out);
    assert.deepEqual(threads.err, one.err);
    assert.match(threads.err.join('\n'), /^f069\.xml: .*\(when read again to be checked\)$/m);
    assert.equal(JSON.parse(threads.out.join('\n')).files.length, 69);
  });

  it('with worker threads, a text the workers clear skips the strict check and a malformed one still gets it', async () => {
    const dir = folder(70);
    // An entity XML does not define: only the strict parser (sax) reports it, after the pre-check sends it there.
    writeFileSync(path.join(dir, 'f999.xml'), conf('  <ComputeCorrelationKeysTask Identifier="Nbsp" DisplayName_L1="a&nbsp;b" />'));
    const threads = await check(dir, ['--format', 'json'], undefined, 2);
    const one = await check(dir, ['--format', 'json'], undefined, 0);
    assert.deepEqual(threads.out, one.out);
    const doc = JSON.parse(threads.out.join('\n'));
    const strict = doc.files.flatMap((f: { path: string; diagnostics: { rule: string }[] }) => f.diagnostics.filter((d) => d.rule === 'xml/well-formed').map(() => f.path));
    assert.deepEqual(strict, ['f999.xml']);
  });

  it('with worker threads, the rules that read a file alone run in the workers: the same findings, and no tree built again', async () => {
    const dir = folder(70);
    // Element rules (an unknown attribute, another agent than the job's), rules over elements (a FulfillTask with no
    // target), rules of complete jobs that read a task's attributes (no IgnoreCookieFile, a DoNotDeleteChanges), and
    // one that reads a task's children (the classification task's entity types).
    writeFileSync(
      path.join(dir, 'f998.xml'),
      conf(
        [
          '  <Job Identifier="CompleteJ" DisplayName_L1="j" Agent="Local">',
          '    <ExportTask Identifier="E" DisplayName_L1="e" Agent="Remote" Conector="AD" />',
          '    <SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="AD" DoNotDeleteChanges="true" />',
          '    <FulfillTask Identifier="F" DisplayName_L1="f" />',
          '    <UpdateClassificationTask Identifier="U" DisplayName_L1="u"><TaskEntityType EntityType="Nowhere" /></UpdateClassificationTask>',
          '  </Job>',
        ].join('\n'),
      ),
    );
    takeTreesBuilt();
    const threads = await check(dir, ['--format', 'json'], undefined, 2);
    const treesWithWorkers = takeTreesBuilt();
    const one = await check(dir, ['--format', 'json'], undefined, 0);
    assert.equal(takeTreesBuilt(), 71, 'in one thread, each file is parsed again for its check');
    assert.equal(treesWithWorkers, 0, 'the workers checked every file: none is parsed again');
    assert.deepEqual(threads.out, one.out);
    const doc = JSON.parse(threads.out.join('\n'));
    const rules = doc.files.find((f: { path: string }) => f.path === 'f998.xml').diagnostics.map((d: { rule: string }) => d.rule);
    const expected = ['attribute/unknown', 'job/agent-consistency', 'fulfill/target-required', 'export/ignore-cookie-on-complete', 'sync-complete/no-donotdeletechanges'];
    for (const rule of expected) assert.ok(rules.includes(rule), `${rule} in ${rules.join(', ')}`);
  });

  it('with worker threads, files without tasks or jobs are checked whole in the first pass and not read again, with the same findings', async () => {
    const dir = folder(70);
    const connector = (id: string, more = '') => `  <Connector Identifier="${id}" DisplayName_L1="c" Agent="Nowhere"${more} />`;
    // Checked whole in the first pass: an unknown attribute, an agent that does not exist.
    for (const id of ['A', 'B', 'C']) writeFileSync(path.join(dir, `c${id}.xml`), conf(connector(id, ' Unknown="1"')));
    // Read again: a suppression comment, a lost accent, an entity only the strict parser reports.
    writeFileSync(path.join(dir, 'cD.xml'), conf(`  <!-- usercube-disable-next-line attribute/unknown -->\n${connector('D', ' Unknown="1"')}`));
    writeFileSync(path.join(dir, 'cE.xml'), conf(connector('E', ' Description_L1="Pr\uFFFDparation"')));
    writeFileSync(path.join(dir, 'cF.xml'), conf(connector('F', ' Description_L1="a&nbsp;b"')));
    takeTextsReadByWorkers();
    const threads = await check(dir, ['--format', 'json'], undefined, 2);
    assert.equal(takeTextsReadByWorkers(), 73, 'the 70 files with a task and the three whose rules read their text');
    const one = await check(dir, ['--format', 'json'], undefined, 0);
    assert.deepEqual(threads.out, one.out);
    const rules = (name: string) =>
      JSON.parse(threads.out.join('\n'))
        .files.find((f: { path: string }) => f.path === name)
        .diagnostics.map((d: { rule: string }) => d.rule)
        .sort();
    assert.deepEqual(rules('cA.xml'), ['attribute/unknown', 'reference/unresolved']);
    assert.deepEqual(rules('cD.xml'), ['reference/unresolved']);
    assert.deepEqual(rules('cE.xml'), ['file/encoding-mojibake', 'reference/unresolved']);
    assert.deepEqual(rules('cF.xml'), ['reference/unresolved', 'xml/well-formed']);
  });

  it('worker threads that cannot run: the files are read in this thread, with the same output, and stderr says why', async () => {
    const dir = folder(70);
    const one = await check(dir, ['--format', 'json'], undefined, 0);
    takeFilesIndexedByWorkers();
    const broken = await check(dir, ['--format', 'json'], undefined, 2, path.join(dir, 'no-such-worker.js'));
    assert.equal(takeFilesIndexedByWorkers(), 0);
    assert.deepEqual(broken.out, one.out);
    assert.equal(broken.err.length, 1, broken.err.join('\n'));
    assert.match(broken.err[0], /^usercube-jobs check: worker threads failed \(.*no-such-worker\.js.*\); the 70 files left are read in this thread\.$/);
  });
});
