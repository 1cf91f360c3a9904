/** Severities on the command line: `.usercube-jobs.json`, `--rule` over it, and `--max-warnings`. */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../helpers/workspace';
import { rulesLine, runCliIn, tempDir } from '../helpers/cli';

const run = runCliIn;

/** A temporary folder holding a copy of test/fixtures/cli-broken in `conf/` (and settings files as given). */
function brokenCopy(settings: Record<string, unknown> = {}): string {
  const root = tempDir('ucj-settings-');
  cpSync(path.join(FIXTURES, 'cli-broken'), path.join(root, 'conf'), { recursive: true });
  for (const [where, content] of Object.entries(settings)) {
    mkdirSync(path.join(root, path.dirname(where)), { recursive: true });
    writeFileSync(path.join(root, where), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

const UNRESOLVED = "conf/jobs.xml:4:113: error reference/unresolved Connection 'NoSuchConnection': no connection with this identifier in the configuration.";
const FULFILL = "conf/jobs.xml:5:6: error fulfill/target-required FulfillTask needs a 'Connector' or TaskResourceType children.";
const PARENT = "conf/jobs.xml:6:38: error dependency/parent-exists Parent task 'Broken_Provisioning' is not defined in any configuration file.";

describe('usercube-jobs check: .usercube-jobs.json', () => {
  it('applies the severities of the settings file at the folder root', async () => {
    const root = brokenCopy({ 'conf/.usercube-jobs.json': { rules: { 'reference/unresolved': 'off', 'fulfill/target-required': 'warning' } } });
    const r = await run(root, 'check', 'conf');
    assert.deepEqual(r.out, [FULFILL.replace(': error ', ': warning '), PARENT, rulesLine(root), '2 XML files, 2 configuration files: 1 error, 1 warning, 0 info.']);
    assert.equal(r.code, 1);
  });

  it('lets --rule win over the settings file', async () => {
    const root = brokenCopy({ 'conf/.usercube-jobs.json': { rules: { 'reference/unresolved': 'off', 'dependency/parent-exists': 'info' } } });
    const r = await run(root, 'check', 'conf', '--rule', 'reference/unresolved=warning', '--rule', 'fulfill/target-required=off');
    assert.deepEqual(r.out, [
      UNRESOLVED.replace(': error ', ': warning '),
      PARENT.replace(': error ', ': info '),
      rulesLine(root),
      '2 XML files, 2 configuration files: 0 errors, 1 warning, 1 info.',
    ]);
    assert.equal(r.code, 0);
  });

  it('uses the nearest settings file at or above each file, and only that one', async () => {
    const root = brokenCopy({
      'conf/.usercube-jobs.json': { rules: { 'reference/unresolved': 'off' } },
      'conf/sub/.usercube-jobs.json': { rules: { 'fulfill/target-required': 'off' } },
      'conf/sub/jobs2.xml': `<?xml version="1.0" encoding="utf-8"?>
<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">
  <Job Identifier="Job_Sub" DisplayName_L1="Sub" Agent="Local">
    <ExportTask Identifier="Sub_Export" DisplayName_L1="Export" Agent="Local" OpenIdClient="Job" Connection="NoSuchConnection" />
    <FulfillTask Identifier="Sub_Fulfill" DisplayName_L1="Fulfill" />
  </Job>
</ConfigurationFile>
`,
    });
    const r = await run(root, 'check', 'conf');
    assert.deepEqual(r.out, [
      FULFILL,
      PARENT,
      "conf/sub/jobs2.xml:4:110: error reference/unresolved Connection 'NoSuchConnection': no connection with this identifier in the configuration.",
      rulesLine(root),
      '3 XML files, 3 configuration files: 3 errors, 0 warnings, 0 info.',
    ]);
  });

  it('does not look above the folder named on the command line, but does above a file named on its own', async () => {
    const root = brokenCopy({ '.usercube-jobs.json': { rules: { 'reference/unresolved': 'off' } } });
    const folder = await run(root, 'check', 'conf');
    assert.ok(folder.out.includes(UNRESOLVED), 'the settings above conf/ are not used');
    const file = await run(root, 'check', 'conf/jobs.xml', 'conf/Agent.xml');
    assert.ok(!file.out.some((l) => l.includes('reference/unresolved')), 'the settings above a file are used');
  });

  for (const [name, content, message] of [
    ['invalid JSON', '{"rules": {', /^usercube-jobs check: conf\/\.usercube-jobs\.json: is not valid JSON \(.+\)\.$/],
    ['a non-object', '[1, 2]', /^usercube-jobs check: conf\/\.usercube-jobs\.json: expected an object like \{"rules": \{"rule-id": "warning"\}\}\.$/],
    ['an unknown rule', '{"rules": {"no/such-rule": "off"}}', /^usercube-jobs check: conf\/\.usercube-jobs\.json: unknown rule 'no\/such-rule'\.$/],
    [
      'a bad severity',
      '{"rules": {"reference/unresolved": "fatal"}}',
      /^usercube-jobs check: conf\/\.usercube-jobs\.json: 'reference\/unresolved' must be one of off, info, warning, error \(not "fatal"\)\.$/,
    ],
  ] as const) {
    it(`exits 2 on a settings file with ${name}, before any output`, async () => {
      const root = brokenCopy({ 'conf/.usercube-jobs.json': content });
      const r = await run(root, 'check', 'conf');
      assert.equal(r.code, 2);
      assert.deepEqual(r.out, []);
      assert.equal(r.err.length, 1);
      assert.match(r.err[0], message);
    });
  }

  it('reads a settings file saved with a BOM', async () => {
    const root = brokenCopy({ 'conf/.usercube-jobs.json': '\uFEFF{"rules": {"reference/unresolved": "off"}}' });
    const r = await run(root, 'check', 'conf');
    assert.deepEqual(r.err, []);
    assert.ok(!r.out.includes(UNRESOLVED));
  });
});

describe('usercube-jobs check --max-warnings', () => {
  // All three problems of the fixture as warnings.
  const asWarnings = ['--rule', 'reference/unresolved=warning', '--rule', 'fulfill/target-required=warning', '--rule', 'dependency/parent-exists=warning'];

  it('exits 0 with warnings at the maximum or without a maximum', async () => {
    const root = brokenCopy();
    assert.equal((await run(root, 'check', 'conf', ...asWarnings)).code, 0);
    const r = await run(root, 'check', 'conf', ...asWarnings, '--max-warnings', '3');
    assert.equal(r.code, 0);
    assert.deepEqual(r.err, []);
    assert.equal(r.out[r.out.length - 1], '2 XML files, 2 configuration files: 0 errors, 3 warnings, 0 info.');
  });

  it('exits 1 with more warnings than the maximum, and says so on stderr', async () => {
    const root = brokenCopy();
    const r = await run(root, 'check', 'conf', ...asWarnings, '--max-warnings=2');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['usercube-jobs check: 3 warnings, more than --max-warnings 2.']);
  });
});

describe("usercube-jobs check: the agent's appsettings", () => {
  it('Jobs.MaxTaskBatchSize is read from the folder checked, as the editor reads it', async () => {
    const dir = tempDir('usercube-agent-');
    const tasks = ['A', 'B', 'C'].map((t) => `  <ComputeCorrelationKeysTask Identifier="Batch_${t}" DisplayName_L1="t" Level="0" />`).join('\n');
    writeFileSync(
      path.join(dir, 'jobs.xml'),
      `<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n<Job Identifier="Batch" DisplayName_L1="b">\n${tasks}\n</Job>\n</ConfigurationFile>\n`,
    );
    const defaults = await runCliIn(dir, 'check', '.');
    assert.ok(!defaults.out.some((l) => l.includes('job/batch-size')), 'three tasks fit the default batch of 5');
    mkdirSync(path.join(dir, 'Runtime'));
    writeFileSync(path.join(dir, 'Runtime', 'appsettings.agent.json'), '{ "Jobs": { "MaxTaskBatchSize": 2 } }');
    const r = await runCliIn(dir, 'check', '.');
    assert.deepEqual(
      r.out.filter((l) => l.includes('job/batch-size')),
      [
        "jobs.xml:6:43: info job/batch-size Level 0 of job 'Batch' has 3 tasks, more than Jobs.MaxTaskBatchSize (2, in Runtime/appsettings.agent.json): the agent runs them as 2 levels, this task in the second.",
      ],
    );
  });
});
