/**
 * Only `<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">` files are ours; a file that
 * should have been one (a configuration element as its root, a wrong namespace) says so.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixtureWorkspace } from '../helpers/workspace';
import { textOf } from '../helpers/cursor';

describe('which files are configuration files', () => {
  const { service, uri, text } = fixtureWorkspace('non-config', ['pom.xml', 'Generator/AD Generator.xml', 'fragment.xml', 'wrong-namespace.xml']);

  /** What a user sees: each diagnostic's rule and the characters it covers. */
  const seen = (rel: string) => service.validate(uri(rel)).map((d) => [d.code, textOf(text(rel), d.range)]);

  for (const rel of ['pom.xml', 'Generator/AD Generator.xml', 'fragment.xml', 'wrong-namespace.xml']) {
    it(`${rel}: not indexed, no features`, () => {
      assert.equal(service.isConfigurationFile(uri(rel)), false);
      assert.deepEqual(service.findDocumentSymbols(uri(rel)), []);
      assert.equal(service.doComplete(uri(rel), { line: 0, character: 30 }), null);
    });
  }

  it('other XML (a Maven file, a connector description for the generator) gets no diagnostic', () => {
    assert.deepEqual(seen('pom.xml'), []);
    assert.deepEqual(seen('Generator/AD Generator.xml'), []);
  });

  it('a configuration element as the root (a fragment pasted from the docs) is reported, and nothing else', () => {
    assert.deepEqual(seen('fragment.xml'), [['file/root', 'ExportTask']]);
  });

  it('a ConfigurationFile with another namespace is reported, and nothing else', () => {
    assert.deepEqual(seen('wrong-namespace.xml'), [['file/namespace', 'urn:example:other']]);
  });

  it('contributes no identifiers to the workspace', () => {
    assert.deepEqual(service.findWorkspaceSymbols(''), []);
  });
});
