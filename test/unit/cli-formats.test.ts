/** `usercube-jobs check --format json|sarif`: the documented JSON shape and a SARIF 2.1.0 log that the official schema accepts. */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/workspace';
import { runCliIn, tempDir } from '../helpers/cli';
import { sarifSchemaErrors } from '../helpers/sarifSchema';

const run = (...args: string[]) => runCliIn(REPO_ROOT, ...args);

async function json(...args: string[]): Promise<{ code: number; doc: any; err: string[] }> {
  const r = await run(...args);
  return { code: r.code, doc: JSON.parse(r.out.join('\n')), err: r.err };
}

/** The rules page of the package the command runs from: this repository. */
const DOCS = pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules.md')).toString();

describe('usercube-jobs check --format json', () => {
  it('lists every file with its diagnostics (1-based ranges) and a summary', async () => {
    const { code, doc } = await json('check', 'test/fixtures/cli-broken', '--format', 'json');
    assert.equal(code, 1);
    assert.equal(doc.tool.name, 'usercube-jobs');
    assert.deepEqual(doc.files, [
      { path: 'test/fixtures/cli-broken/Agent.xml', configuration: true, fixesApplied: 0, diagnostics: [] },
      {
        path: 'test/fixtures/cli-broken/jobs.xml',
        configuration: true,
        fixesApplied: 0,
        diagnostics: [
          {
            rule: 'reference/unresolved',
            severity: 'error',
            message: "Connection 'NoSuchConnection': no connection with this identifier in the configuration.",
            line: 4,
            column: 113,
            endLine: 4,
            endColumn: 129,
            docUrl: `${DOCS}#reference-unresolved`,
          },
          {
            rule: 'fulfill/target-required',
            severity: 'error',
            message: "FulfillTask needs a 'Connector' or TaskResourceType children.",
            line: 5,
            column: 6,
            endLine: 5,
            endColumn: 17,
            docUrl: `${DOCS}#fulfill-target-required`,
          },
          {
            rule: 'dependency/parent-exists',
            severity: 'error',
            message: "Parent task 'Broken_Provisioning' is not defined in any configuration file.",
            line: 6,
            column: 38,
            endLine: 6,
            endColumn: 57,
            docUrl: `${DOCS}#dependency-parent-exists`,
          },
        ],
      },
    ]);
    assert.deepEqual(doc.unreadable, []);
    assert.deepEqual(doc.summary, { xmlFiles: 2, configurationFiles: 2, errors: 3, warnings: 0, info: 0, unreadable: 0, fixesApplied: 0, filesFixed: 0 });
  });

  it('puts unreadable files in "unreadable" and still exits 2', async () => {
    const dir = tempDir('ucj-json-');
    writeFileSync(path.join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const { code, doc, err } = await json('check', dir, '--format=json');
    assert.equal(code, 2);
    assert.deepEqual(doc.unreadable, [{ path: path.join(dir, 'image.xml'), message: 'not a text file (it contains NUL bytes)' }]);
    assert.equal(doc.summary.unreadable, 1);
    assert.equal(err.length, 1, 'the message is on stderr too');
  });
});

type Sarif = any;

/**
 * Valid against the SARIF 2.1.0 schema, plus what the schema cannot say and code scanning
 * relies on: unique rule ids, each ruleIndex pointing at its rule, base URIs that end with '/',
 * regions that start on a line (the standard's errata require a start) and are not reversed.
 */
function assertValidSarif(log: Sarif): void {
  assert.deepEqual(sarifSchemaErrors(log), []);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(new Set(driver.rules.map((r: Sarif) => r.id)).size, driver.rules.length, 'unique rule ids');
  for (const [i, r] of run.results.entries()) {
    const where = `results[${i}]`;
    assert.equal(driver.rules[r.ruleIndex].id, r.ruleId, `${where}.ruleIndex points at its rule`);
    for (const loc of r.locations) {
      const pl = loc.physicalLocation;
      if (pl.artifactLocation.uriBaseId) assert.ok(run.originalUriBaseIds[pl.artifactLocation.uriBaseId].uri.endsWith('/'), 'base URI ends with /');
      const g = pl.region;
      assert.ok(Number.isInteger(g.startLine) && g.startLine >= 1, `${where}: region starts on a line`);
      assert.ok(g.endLine > g.startLine || (g.endLine === g.startLine && g.endColumn >= g.startColumn), `${where}: region not reversed`);
    }
  }
}

describe('the SARIF schema check', () => {
  it('rejects what SARIF 2.1.0 does not allow', async () => {
    const { doc: log } = await json('check', 'test/fixtures/cli-broken', '--format', 'sarif');
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    delete log.runs[0].tool.driver.name;
    const errors = sarifSchemaErrors(log);
    assert.ok(errors.includes('/runs/0/results/0/level must be equal to one of the allowed values'), errors.join('\n'));
    assert.ok(errors.includes('/runs/0/results/1/locations/0/physicalLocation/region/startLine must be >= 1'), errors.join('\n'));
    assert.ok(errors.includes("/runs/0/tool/driver must have required property 'name'"), errors.join('\n'));
  });
});

describe('usercube-jobs check --format sarif', () => {
  it('writes a valid SARIF 2.1.0 log with every rule and one result per problem', async () => {
    const { code, doc: log } = await json('check', 'test/fixtures/cli-broken', '--format', 'sarif');
    assert.equal(code, 1);
    assertValidSarif(log);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'usercube-jobs');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.tool.driver.rules.map((r: Sarif) => [r.id, r.fullDescription.text, r.defaultConfiguration.level]),
      RULES.map((r) => [r.id, r.explanation, r.severity === 'info' ? 'note' : r.severity]),
    );
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(REPO_ROOT).toString() + '/' } });
    assert.deepEqual(run.results[0], {
      ruleId: 'reference/unresolved',
      ruleIndex: RULES.findIndex((r) => r.id === 'reference/unresolved'),
      level: 'error',
      message: { text: "Connection 'NoSuchConnection': no connection with this identifier in the configuration." },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'test/fixtures/cli-broken/jobs.xml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 113, endLine: 4, endColumn: 129 },
          },
        },
      ],
    });
    assert.deepEqual(
      run.results.map((r: Sarif) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]),
      [
        ['reference/unresolved', 4, 113],
        ['fulfill/target-required', 5, 6],
        ['dependency/parent-exists', 6, 38],
      ],
    );
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it("links each rule to the same docs/rules.md anchor as the diagnostics' codeDescription", async () => {
    const sarif = (await json('check', 'test/fixtures/cli-broken', '--format', 'sarif')).doc;
    const fromJson = (await json('check', 'test/fixtures/cli-broken', '--format', 'json')).doc;
    const helpUri = new Map(sarif.runs[0].tool.driver.rules.map((r: Sarif) => [r.id, r.helpUri]));
    const diagnostics = fromJson.files.flatMap((f: Sarif) => f.diagnostics);
    assert.equal(diagnostics.length, 3);
    for (const d of diagnostics) assert.equal(helpUri.get(d.rule), d.docUrl);
  });

  it('percent-encodes relative paths, maps info to note and warning to warning', async () => {
    const { doc: log } = await json('check', 'test/fixtures/cli-fix', '--format', 'sarif', '--rule', 'attribute/unknown=info');
    assertValidSarif(log);
    const got = log.runs[0].results.map((r: Sarif) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri]);
    assert.deepEqual(got, [
      ['sync-complete/no-donotdeletechanges', 'error', 'test/fixtures/cli-fix/Job%20complet.xml'],
      ['attribute/unknown', 'note', 'test/fixtures/cli-fix/Tasks%20BOM.xml'],
      ['taskentitytype/attribute-name', 'error', 'test/fixtures/cli-fix/Tasks%20BOM.xml'],
    ]);
  });

  it('uses absolute file URIs outside the working directory, and reports unreadable files as notifications', async () => {
    const dir = tempDir('ucj-sarif-');
    writeFileSync(path.join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(
      path.join(dir, 'job.xml'),
      '<?xml version="1.0"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <Job Identifier="J" DisplayName_L1="j" Agent="Nowhere" />\n</ConfigurationFile>\n',
    );
    const { code, doc: log } = await json('check', dir, '--format', 'sarif');
    assert.equal(code, 2);
    assertValidSarif(log);
    const run = log.runs[0];
    assert.ok(run.results.length > 0);
    for (const r of run.results) assert.deepEqual(r.locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(path.join(dir, 'job.xml')).toString() });
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: 'error', message: { text: `${path.join(dir, 'image.xml')}: not a text file (it contains NUL bytes)` } }],
      },
    ]);
  });
});
