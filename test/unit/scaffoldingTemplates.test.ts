/**
 * The job scaffoldings against the "Generated XML" their documentation pages print: the demo
 * configuration (test/fixtures/scaffoldings/demo) holds the connectors of those examples and one
 * element of each scaffolding; expected/ holds the pages' output.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GeneratedJob } from '../../server/src/jobs/generatedJob';
import { jobsXml } from '../../server/src/jobs/jobXml';
import { XmlElement, attributeValue, buildXmlTree } from '../../server/src/model/xmlTree';
import { textOf } from '../helpers/cursor';
import { FIXTURES, fixtureWorkspace } from '../helpers/workspace';

const ws = fixtureWorkspace('scaffoldings/demo');
const scaffoldingsUri = ws.uri('Conf/Scaffoldings.xml');
const entry = ws.service.index.file(scaffoldingsUri)!;

function generated(element: string): GeneratedJob[] {
  const i = entry.scaffoldings.findIndex((s) => s.element === element);
  assert.ok(i >= 0, `${element} in the demo configuration`);
  const result = ws.service.index.generated().result(scaffoldingsUri, i);
  assert.ok(result && !result.output.unnamed, `${element} generates a named job`);
  return result.output.jobs;
}

function expected(element: string): string {
  return readFileSync(path.join(FIXTURES, 'scaffoldings', 'expected', `${element}.xml`), 'utf8')
    .replace(/\r\n/g, '\n')
    .trimEnd();
}

function written(element: string): string {
  return jobsXml(generated(element), { unit: '  ', eol: '\n', base: '' });
}

/** Each task of a job's XML as `Level element Identifier ← parents`, sorted (connector order aside). */
function outline(xml: string): string[] {
  const tree = buildXmlTree(`<Root>${xml}</Root>`);
  const lines: string[] = [];
  const visit = (el: XmlElement) => {
    for (const child of el.children) {
      if (child.name === 'Job') visit(child);
      else if (child.name !== 'Step') {
        const parents = child.children
          .filter((c) => c.name === 'TaskDependsOnTask')
          .map((c) => attributeValue(c, 'ParentTask'))
          .sort();
        lines.push(`${attributeValue(child, 'Level') ?? '-'} ${child.name} ${attributeValue(child, 'Identifier')}${parents.length ? ` ← ${parents.join(', ')}` : ''}`);
      }
    }
  };
  visit(tree.roots[0]);
  return lines.sort();
}

describe('job scaffoldings: what they generate, against their documentation pages', () => {
  it('CreateConnectorSynchroComplete writes the MicrosoftEntraID example of its page, line for line', () => {
    assert.equal(written('CreateConnectorSynchroComplete'), expected('CreateConnectorSynchroComplete'));
  });

  it('CreateConnectorSynchroIncremental writes the example of its page, line for line', () => {
    assert.equal(written('CreateConnectorSynchroIncremental'), expected('CreateConnectorSynchroIncremental'));
  });

  it('CreateAgentSynchroComplete generates the tasks, levels and dependencies of its page (Job_Daily)', () => {
    assert.deepEqual(outline(written('CreateAgentSynchroComplete')), outline(expected('CreateAgentSynchroComplete')));
  });

  it('CreateAgentSynchroIncremental generates the tasks, levels and dependencies of its page (Job_Fast)', () => {
    assert.deepEqual(outline(written('CreateAgentSynchroIncremental')), outline(expected('CreateAgentSynchroIncremental')));
  });

  it("CreateAccessCertificationJob and CleanDatabaseJob write their pages' examples, line for line", () => {
    assert.equal(written('CreateAccessCertificationJob'), expected('CreateAccessCertificationJob'));
    assert.equal(written('CleanDatabaseJob'), expected('CleanDatabaseJob'));
  });

  it('CreateInitializationJob generates the tasks of its page, at their levels (the Steps it also runs are named elsewhere)', () => {
    const tasks = (xml: string) => outline(xml).filter((l) => !/ (InitializationJob_)?(Init_|Directory_)/.test(l));
    const want = tasks(expected('CreateInitializationJob')).map((l) => l.replace(/ ← .*/, ''));
    const have = tasks(written('CreateInitializationJob'));
    // The page's example has TaskEntityType lists the server computes; the identifiers and levels are what matter here.
    assert.deepEqual(have, want);
  });

  it('CreateConnectorsJobs writes, for each connector, the virtual job and the tasks of its page', () => {
    const want = expected('CreateConnectorsJobs').split('\n');
    const have = written('CreateConnectorsJobs').split('\n');
    for (const connector of ['AD', 'HR', 'LDAP', 'SAB']) {
      const block = (lines: string[]) => lines.filter((l) => l.includes(`"${connector}_`) || l.includes(`Connector="${connector}"`) || l.includes(`ZZ Connectors/${connector}"`));
      assert.deepEqual(block(have), block(want), connector);
    }
  });

  it('on a configuration that uses every job scaffolding, references to generated tasks resolve and collisions are reported', () => {
    const w = fixtureWorkspace('scaffoldings/demo');
    const uri = w.uri('Conf/Scaffoldings.xml').replace('Scaffoldings.xml', 'References.xml');
    const text = `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">
  <Job Identifier="Uses_Generated" DisplayName_L1="u" Agent="Local">
    <Step Identifier="Job_Daily_Fulfill1" Level="0" />
    <Step Identifier="Job_Fast_SetRecentlyModifiedFlag" Level="0" />
    <Step Identifier="InitializationJob_DeployConfiguration" Level="0" />
    <Step Identifier="New_Access_Certif_ProcessAccessCertificationItems" Level="0" />
    <Step Identifier="AD_ConnectorExport" Level="0" />
    <Step Identifier="CleanDatabase_CleanDataBase" Level="1" />
    <SendNotificationsTask Identifier="Uses_Notify" DisplayName_L1="n" Level="2">
      <TaskDependsOnTask ParentTask="MicrosoftEntraID_Synchronize_Complete_Scaffolding_Fulfill1" />
      <TaskDependsOnTask ParentTask="MicrosoftEntraID_Synchronize_Incremental_Scaffolding_Fulfill1" />
    </SendNotificationsTask>
  </Job>
  <FulfillTask Identifier="Job_Daily_Fulfill1" DisplayName_L1="written again" Connector="AD" Connection="ADExportFulfillment" />
</ConfigurationFile>`;
    w.service.openDocument(uri, text, 1);
    const diagnostics = w.service.validate(uri);
    const found = diagnostics.map((d) => [d.code, textOf(text, d.range)]);
    assert.deepEqual(
      found.filter(([code]) => code === 'scaffolding/generated-id-collision'),
      [['scaffolding/generated-id-collision', 'Job_Daily_Fulfill1']],
    );
    const errors = diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`);
    assert.deepEqual(errors, []);
    for (const file of ['Conf/Scaffoldings.xml', 'Conf/Connectors.xml', 'Conf/Agent.xml']) {
      assert.deepEqual(
        w.service
          .validate(w.uri(file))
          .filter((d) => d.severity === 1)
          .map((d) => `${d.code}: ${d.message}`),
        [],
        file,
      );
    }
  });

  it('a scaffolding without JobIdentifier (and no documented default) generates nothing that can be named, and says why', () => {
    const w = fixtureWorkspace('scaffoldings/demo');
    const uri = w.uri('Conf/Scaffoldings.xml');
    w.service.openDocument(uri, '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration"><CreateConnectorSynchroComplete Connector="AD" /></ConfigurationFile>', 1);
    const result = w.service.index.generated().result(uri, 0)!;
    assert.deepEqual(result.output.jobs, []);
    assert.match(result.output.unnamed ?? '', /Give `JobIdentifier`/);
  });
});
