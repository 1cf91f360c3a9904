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
  return readFileSync(path.join(FIXTURES, 'scaffoldings', 'expected', `${element}.xml`), 'utf8').replace(/\r\n/g, '\n').trimEnd();
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
        const parents = child.children.filter((c) => c.name === 'TaskDependsOnTask').map((c) => attributeValue(c, 'ParentTask')).sort();
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

  it('CreateAccessCertificationJob and CleanDatabaseJob write their pages\' examples, line for line', () => {
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

  it('a scaffolding without JobIdentifier (and no documented default) generates nothing that can be named, and says why', () => {
    const w = fixtureWorkspace('scaffoldings/demo');
    const uri = w.uri('Conf/Scaffoldings.xml');
    w.service.openDocument(uri, '<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration"><CreateConnectorSynchroComplete Connector="AD" /></ConfigurationFile>', 1);
    const result = w.service.index.generated().result(uri, 0)!;
    assert.deepEqual(result.output.jobs, []);
    assert.match(result.output.unnamed ?? '', /Give `JobIdentifier`/);
  });
});
