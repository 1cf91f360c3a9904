/** Only `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">` files are ours. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixtureWorkspace } from '../helpers/workspace';

describe('which files are configuration files', () => {
  const { service, uri } = fixtureWorkspace('non-config', ['pom.xml', 'Generator/AD Generator.xml', 'fragment.xml', 'wrong-namespace.xml']);

  for (const rel of ['pom.xml', 'Generator/AD Generator.xml', 'fragment.xml', 'wrong-namespace.xml']) {
    it(`${rel}: not indexed, no diagnostics, no features`, () => {
      assert.equal(service.isConfigurationFile(uri(rel)), false);
      assert.deepEqual(service.validate(uri(rel)), []);
      assert.deepEqual(service.findDocumentSymbols(uri(rel)), []);
      assert.equal(service.doComplete(uri(rel), { line: 0, character: 30 }), null);
    });
  }

  it('contributes no identifiers to the workspace', () => {
    assert.deepEqual(service.findWorkspaceSymbols(''), []);
  });
});
