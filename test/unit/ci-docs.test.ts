/**
 * docs/ci.md as a user follows it: every YAML block is parsed, and its shell steps run as
 * written (in order, each in bash -e like the runners) in a copy of a configuration repository
 * that holds the packed tarball in tools/ and a configuration in Conf/: the sample one, then a
 * broken one. The steps that hand a file to GitHub or Azure DevOps are replaced by checking
 * that file as they would read it.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { FIXTURES, REPO_ROOT } from '../helpers/workspace';
import { tempDir } from '../helpers/cli';
import { parseJunit } from '../helpers/junitXml';
import { npmEnvironment, packedCli } from '../helpers/packedCli';
import { sarifSchemaErrors } from '../helpers/sarifSchema';
import { parseWorkflowCommand } from '../helpers/workflowCommands';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');

interface Step {
  label: string;
  /** A shell step: run here as it is written. */
  command?: string;
  /** A step that reads a file the check wrote: checked here as that service reads it. */
  reads?: { as: 'sarif' | 'junit'; file: string };
  /** Whether the step runs after a failed step (`if: … failure()`, `condition: succeededOrFailed()`). */
  afterFailure: boolean;
}

interface Pipeline {
  title: string;
  system: 'GitHub Actions' | 'Azure DevOps';
  steps: Step[];
}

type Yaml = any;

/** Each ```yaml block of the page, under the title of its section. */
function pipelines(): Pipeline[] {
  const out: Pipeline[] = [];
  let title = '';
  for (const m of DOC.matchAll(/^## (.+)$|^```yaml\n([\s\S]*?)^```$/gm)) {
    if (m[1] !== undefined) {
      title = m[1];
      continue;
    }
    const docs = parseAllDocuments(m[2], { uniqueKeys: true });
    assert.equal(docs.length, 1, `${title}: one YAML document`);
    assert.deepEqual(docs[0].errors, [], `${title}: valid YAML`);
    const y: Yaml = docs[0].toJS();
    out.push(y.jobs ? { title, system: 'GitHub Actions', steps: githubSteps(y) } : { title, system: 'Azure DevOps', steps: azureSteps(y) });
  }
  return out;
}

function githubSteps(workflow: Yaml): Step[] {
  const jobs = Object.values<Yaml>(workflow.jobs);
  assert.equal(jobs.length, 1, 'one job');
  return jobs[0].steps.map((s: Yaml): Step => {
    const afterFailure = /\b(failure|always)\(\)/.test(s.if ?? '');
    if (s.run) return { label: s.name ?? s.run, command: s.run, afterFailure };
    if (String(s.uses).startsWith('github/codeql-action/upload-sarif@')) return { label: s.name ?? s.uses, reads: { as: 'sarif', file: s.with.sarif_file }, afterFailure };
    assert.match(s.uses, /^actions\/(checkout|setup-node)@v\d+$/, 'the other steps check out and set up Node, which the test has done');
    return { label: s.uses, afterFailure };
  });
}

function azureSteps(pipeline: Yaml): Step[] {
  return pipeline.steps.map((s: Yaml): Step => {
    const afterFailure = /\b(succeededOrFailed|always)\(\)/.test(s.condition ?? '');
    if (s.script) return { label: s.displayName ?? s.script, command: s.script, afterFailure };
    if (s.task === 'PublishTestResults@2') {
      assert.equal(s.inputs.testResultsFormat, 'JUnit');
      return { label: s.task, reads: { as: 'junit', file: s.inputs.testResultsFiles }, afterFailure };
    }
    assert.equal(s.task, 'UseNode@1', 'the other step sets up Node, which the test has');
    return { label: s.task, afterFailure };
  });
}

interface StepRun {
  label: string;
  code: number | null;
  stdout: string;
  skipped: boolean;
}

/** A configuration repository: `conf` as Conf/, the packed tarball in tools/ (named as npm pack names it). */
function repository(conf: string): string {
  const repo = tempDir('ucj-repo-');
  cpSync(conf, path.join(repo, 'Conf'), { recursive: true });
  mkdirSync(path.join(repo, 'tools'));
  copyFileSync(packedCli().tarball, path.join(repo, 'tools', path.basename(packedCli().tarball)));
  return repo;
}

/** Runs the pipeline's steps in `repo` as the runner does: after a failure, only the steps meant for it. */
function runPipeline(p: Pipeline, repo: string): StepRun[] {
  const env = npmEnvironment(tempDir('ucj-prefix-'), tempDir('ucj-cache-'));
  let failed = false;
  const runs: StepRun[] = [];
  for (const step of p.steps) {
    const skipped = failed && !step.afterFailure;
    if (skipped || !step.command) {
      runs.push({ label: step.label, code: null, stdout: '', skipped });
      continue;
    }
    const r = spawnSync('bash', ['-e', '-c', step.command], { cwd: repo, env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.error, undefined);
    assert.ok(!/internal error|\n\s+at /.test(r.stderr), `${step.label}: ${r.stderr}`);
    runs.push({ label: step.label, code: r.status, stdout: r.stdout, skipped: false });
    if (r.status !== 0) failed = true;
  }
  return runs;
}

/** What the service reading `reads` would show: one entry per problem, `path:line rule`. */
function readAsService(repo: string, reads: NonNullable<Step['reads']>): string[] {
  const file = path.join(repo, reads.file);
  assert.ok(existsSync(file), `${reads.file} was written`);
  const text = readFileSync(file, 'utf8');
  if (reads.as === 'sarif') {
    const log = JSON.parse(text);
    assert.deepEqual(sarifSchemaErrors(log), []);
    return log.runs[0].results.map((r: Yaml) => {
      const l = r.locations[0].physicalLocation;
      assert.equal(l.artifactLocation.uriBaseId, '%SRCROOT%', 'relative to the checkout');
      return `${decodeURIComponent(l.artifactLocation.uri)}:${l.region.startLine} ${r.ruleId}`;
    });
  }
  const cases = parseJunit(text);
  assert.ok(cases.length > 0 && cases.every((c) => c.name.startsWith('Conf/')), 'one test case per file of Conf/');
  return cases.flatMap((c) => c.failures.map((f) => `${c.name}:${f.message.split(':')[0]} ${f.type}`));
}

/** The annotations of a `--format github` step, as the runner reads them; every other line is the summary. */
function annotations(stdout: string): string[] {
  const lines = stdout.trimEnd().split('\n');
  assert.match(lines.pop()!, /^\d+ XML files, \d+ configuration files: /);
  return lines.map((line) => {
    const c = parseWorkflowCommand(line);
    assert.ok(c && ['error', 'warning', 'notice'].includes(c.command), `a workflow command: ${line}`);
    return `${c.properties.file}:${c.properties.line} ${c.properties.title}`;
  });
}

/** Every finding a pipeline hands over: to a service (SARIF, JUnit) or as annotations. */
function findings(p: Pipeline, repo: string, runs: StepRun[]): string[] {
  const out: string[] = [];
  p.steps.forEach((step, i) => {
    if (step.reads) {
      assert.equal(runs[i].skipped, false, `${step.label} runs`);
      out.push(...readAsService(repo, step.reads));
    } else if (step.command?.includes('--format github')) out.push(...annotations(runs[i].stdout));
  });
  return out;
}

const BROKEN = ['Conf/jobs.xml:4 reference/unresolved', 'Conf/jobs.xml:5 fulfill/target-required', 'Conf/jobs.xml:6 dependency/parent-exists'];

describe('docs/ci.md', () => {
  const all = pipelines();

  it('holds a GitHub Actions workflow with code scanning, one with annotations, and an Azure DevOps pipeline', () => {
    assert.deepEqual(
      all.map((p) => [p.system, p.steps.filter((s) => s.reads).map((s) => s.reads!.as), p.steps.some((s) => s.command?.includes('--format github'))]),
      [
        ['GitHub Actions', ['sarif'], false],
        ['GitHub Actions', [], true],
        ['Azure DevOps', ['junit'], false],
      ],
    );
  });

  for (const p of all) {
    it(`${p.title}: every step passes on examples/, and hands over no finding`, () => {
      const repo = repository(path.join(REPO_ROOT, 'examples', 'Conf'));
      const runs = runPipeline(p, repo);
      assert.deepEqual(
        runs.filter((r) => r.code !== null && r.code !== 0).map((r) => `${r.label}: exit ${r.code}`),
        [],
      );
      assert.deepEqual(findings(p, repo, runs), []);
    });

    it(`${p.title}: the check fails on a broken configuration, and its findings are still handed over`, () => {
      const repo = repository(path.join(FIXTURES, 'cli-broken'));
      const runs = runPipeline(p, repo);
      const check = p.steps.findIndex((s) => s.command?.includes('usercube-jobs check'));
      assert.equal(runs[check].code, 1, 'the check step fails the job');
      assert.deepEqual(findings(p, repo, runs), BROKEN);
    });
  }

  it('runs the command with npx from the tarball, as the page says, without installing it', () => {
    const npx = /`(npx --yes --package \.\/tools\/[^`]+ -- usercube-jobs check Conf)`/.exec(DOC);
    assert.ok(npx, 'the page shows the npx command');
    const repo = repository(path.join(REPO_ROOT, 'examples', 'Conf'));
    const r = spawnSync('bash', ['-e', '-c', npx[1]], { cwd: repo, env: npmEnvironment(tempDir('ucj-prefix-'), tempDir('ucj-cache-')), encoding: 'utf8', timeout: 120_000 });
    assert.deepEqual([r.status, r.stdout], [0, '8 XML files, 8 configuration files: 0 errors, 0 warnings, 0 info.\n'], r.stderr);
  });
});
