/** `usercube-jobs check --format github|junit`: annotations for GitHub Actions, JUnit XML for Azure DevOps and GitLab. */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { githubWriter } from '../../server/src/cli/formatGithub';
import { CheckedFile, CliDiagnostic } from '../../server/src/cli/report';
import { REPO_ROOT } from '../helpers/workspace';
import { misreadConfigurationFolder, runCliIn, tempDir } from '../helpers/cli';
import { parseJunit } from '../helpers/junitXml';
import { parseWorkflowCommand } from '../helpers/workflowCommands';

const run = (...args: string[]) => runCliIn(REPO_ROOT, ...args);

const MESSAGES = {
  connection: "Connection 'NoSuchConnection': no connection with this identifier in the configuration.",
  fulfill: "FulfillTask needs a 'Connector' or TaskResourceType children.",
  parent: "Parent task 'Broken_Provisioning' is not defined in any configuration file.",
};

/**
 * A configuration file whose name holds `,` and `:` and whose one finding quotes a value with
 * `%`, `,`, `:`, `<`, `&`, a line break and a control character (which XML cannot hold).
 */
function oddFolder(): { dir: string; file: string; message: string } {
  const dir = tempDir('ucj-odd-');
  const file = 'odd, name: 1.xml';
  writeFileSync(
    path.join(dir, file),
    '<?xml version="1.0"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n' +
      '  <Job Identifier="J" DisplayName_L1="j" Agent="100%,a:b&lt;c&amp;d&#10;e\u0001" />\n</ConfigurationFile>\n',
  );
  return { dir, file, message: "Agent '100%,a:b<c&d\ne\u0001': no agent with this identifier in the configuration." };
}

/** A folder with a binary .xml file, an XML file that is not configuration, and a clean job. */
function mixedFolder(): string {
  const dir = tempDir('ucj-mixed-');
  writeFileSync(path.join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(path.join(dir, 'pom.xml'), '<?xml version="1.0"?>\n<project/>\n');
  writeFileSync(
    path.join(dir, 'Agent.xml'),
    '<?xml version="1.0"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <Agent Identifier="Local" DisplayName_L1="Local" URI="http://localhost:5000" />\n</ConfigurationFile>\n',
  );
  return dir;
}

describe('usercube-jobs check --format github', () => {
  it('writes one annotation per problem (1-based, endColumn on the last character), then the summary', async () => {
    const r = await run('check', 'test/fixtures/cli-broken', '--format', 'github');
    assert.equal(r.code, 1);
    assert.deepEqual(r.out, [
      `::error file=test/fixtures/cli-broken/jobs.xml,line=4,col=113,endLine=4,endColumn=128,title=reference/unresolved::${MESSAGES.connection}`,
      `::error file=test/fixtures/cli-broken/jobs.xml,line=5,col=6,endLine=5,endColumn=16,title=fulfill/target-required::${MESSAGES.fulfill}`,
      `::error file=test/fixtures/cli-broken/jobs.xml,line=6,col=38,endLine=6,endColumn=56,title=dependency/parent-exists::${MESSAGES.parent}`,
      '2 XML files, 2 configuration files: 3 errors, 0 warnings, 0 info.',
    ]);
  });

  it('escapes %, CR and LF in the message, and also , and : in the file name, so the runner reads them back', async () => {
    const odd = oddFolder();
    const r = await runCliIn(odd.dir, 'check', '.', '--format', 'github');
    assert.equal(r.out.length, 2);
    assert.equal(
      r.out[0],
      "::error file=odd%2C name%3A 1.xml,line=3,col=49,endLine=3,endColumn=74,title=reference/unresolved::Agent '100%25,a:b<c&d%0Ae\u0001': no agent with this identifier in the configuration.",
    );
    assert.deepEqual(parseWorkflowCommand(r.out[0]), {
      command: 'error',
      properties: { file: odd.file, line: '3', col: '49', endLine: '3', endColumn: '74', title: 'reference/unresolved' },
      message: odd.message,
    });
  });

  it('maps warning to warning and info to notice, and leaves columns out of a range over several lines', () => {
    const d = (severity: CliDiagnostic['severity'], line: number, column: number, endLine: number, endColumn: number): CliDiagnostic => ({
      rule: 'x/y',
      severity,
      message: 'm',
      line,
      column,
      endLine,
      endColumn,
    });
    const file: CheckedFile = {
      path: 'Conf/a.xml',
      file: '/ws/Conf/a.xml',
      configuration: true,
      fixesApplied: 0,
      diagnostics: [d('warning', 2, 3, 2, 9), d('info', 4, 1, 6, 2), d('error', 7, 5, 7, 5)],
    };
    assert.deepEqual(githubWriter({ cwd: '/ws', fix: false }).file(file), [
      '::warning file=Conf/a.xml,line=2,col=3,endLine=2,endColumn=8,title=x/y::m',
      '::notice file=Conf/a.xml,line=4,endLine=6,title=x/y::m',
      '::error file=Conf/a.xml,line=7,col=5,endLine=7,endColumn=5,title=x/y::m',
    ]);
  });

  it('annotates a file that cannot be read, without a line, and exits 2', async () => {
    const dir = mixedFolder();
    const r = await run('check', dir, '--format', 'github');
    assert.equal(r.code, 2);
    const image = path.join(dir, 'image.xml');
    assert.deepEqual(r.out, [
      `::error file=${image},title=unreadable file::${image}: not a text file (it contains NUL bytes)`,
      '2 XML files, 1 configuration files: 0 errors, 0 warnings, 0 info.',
    ]);
  });
});

describe('usercube-jobs check --format junit', () => {
  it('makes each checked file a test case, passing or with one failure per problem (type = rule id)', async () => {
    const r = await run('check', 'test/fixtures/cli-broken', '--format', 'junit');
    assert.equal(r.code, 1);
    assert.match(r.out[0], /^<\?xml version="1\.0" encoding="UTF-8"\?>$/);
    const jobs = 'test/fixtures/cli-broken/jobs.xml';
    assert.deepEqual(parseJunit(r.out.join('\n')), [
      {
        suite: 'test/fixtures/cli-broken/Agent.xml',
        classname: 'usercube-jobs',
        name: 'test/fixtures/cli-broken/Agent.xml',
        file: 'test/fixtures/cli-broken/Agent.xml',
        failures: [],
        errors: [],
        skipped: null,
      },
      {
        suite: jobs,
        classname: 'usercube-jobs',
        name: jobs,
        file: jobs,
        failures: [
          { type: 'reference/unresolved', message: `4:113 error ${MESSAGES.connection}`, text: `${jobs}:4:113: error reference/unresolved ${MESSAGES.connection}` },
          { type: 'fulfill/target-required', message: `5:6 error ${MESSAGES.fulfill}`, text: `${jobs}:5:6: error fulfill/target-required ${MESSAGES.fulfill}` },
          { type: 'dependency/parent-exists', message: `6:38 error ${MESSAGES.parent}`, text: `${jobs}:6:38: error dependency/parent-exists ${MESSAGES.parent}` },
        ],
        errors: [],
        skipped: null,
      },
    ]);
  });

  it('passes every file of the sample configuration', async () => {
    const r = await run('check', 'examples', '--format', 'junit');
    assert.equal(r.code, 0);
    const cases = parseJunit(r.out.join('\n'));
    assert.equal(cases.length, 8);
    for (const c of cases) assert.deepEqual([c.name, c.failures, c.errors, c.skipped], [c.name, [], [], null]);
    assert.ok(cases.some((c) => c.name === 'examples/Conf/AD/AD Jobs.xml'));
  });

  it('escapes <, &, quotes and line breaks, and shows characters XML cannot hold as U+FFFD', async () => {
    const odd = oddFolder();
    const r = await runCliIn(odd.dir, 'check', '.', '--format', 'junit');
    const [c] = parseJunit(r.out.join('\n'));
    const shown = odd.message.replace('\u0001', '\uFFFD');
    assert.equal(c.name, odd.file);
    assert.deepEqual(c.failures, [{ type: 'reference/unresolved', message: `3:49 error ${shown}`, text: `${odd.file}:3:49: error reference/unresolved ${shown}` }]);
  });

  it('skips an XML file that is not configuration and makes an unreadable one an error', async () => {
    const dir = mixedFolder();
    const r = await run('check', dir, '--format', 'junit');
    assert.equal(r.code, 2);
    const cases = parseJunit(r.out.join('\n')).map((c) => [c.name.replace(dir, '<dir>'), c.failures.length, c.errors, c.skipped]);
    assert.deepEqual(cases, [
      ['<dir>/Agent.xml', 0, [], null],
      ['<dir>/pom.xml', 0, [], 'not a Usercube configuration file (its root is not <ConfigurationFile>)'],
      ['<dir>/image.xml', 0, [{ type: 'unreadable', message: 'not a text file (it contains NUL bytes)', text: '' }], null],
    ]);
  });

  it('fails a file that should have been configuration (misspelt namespace, a task as root) instead of skipping it', async () => {
    const dir = misreadConfigurationFolder();
    const r = await run('check', dir, '--format', 'junit');
    assert.equal(r.code, 1);
    const cases = parseJunit(r.out.join('\n')).map((c) => [path.basename(c.name), c.failures.map((f) => f.type), c.skipped]);
    assert.deepEqual(cases, [
      ['jobs.xml', ['file/namespace'], null],
      ['task.xml', ['file/root'], null],
    ]);
  });
});
