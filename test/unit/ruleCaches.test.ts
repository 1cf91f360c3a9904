/**
 * What the kept findings of rules follow while the user types in a value (model/valueEdit.ts
 * patches the tree): an element rule's, its start tag and its parent's; an index rule's, the
 * facts index/indexFacts.ts lets it read, which move the index generation when they change.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LanguageService } from '../../server/src/languageService';
import { attribute } from '../../server/src/model/xmlTree';
import { elementFindings } from '../../server/src/rules/elementFindings';
import { elementRule } from '../../server/src/rules/rule';
import { conf } from '../helpers/cursor';
import { uriOf } from '../helpers/workspace';

/** Reports the Policy of the element's parent, as a rule may read it. */
const parentPolicy = elementRule({
  id: 'test/parent-policy',
  severity: 'info',
  source: 'the ResourceType page',
  explanation: 'Reads its parent start tag.',
  checkElement(tag, _schema, report) {
    const policy = tag.parent && attribute(tag.parent, 'Policy');
    if (policy) report({ start: tag.nameStart, end: tag.nameEnd, message: policy.value });
  },
});

/** Replaces the first `from` of the open document by `to`, as one edit typed in a value. */
function type(service: LanguageService, uri: string, from: string, to: string): void {
  const doc = service.getOpenDocument(uri)!;
  assert.ok(doc.text.includes(from), from);
  const next = service.changeDocument(uri, doc.text.replace(from, to), doc.version + 1);
  assert.equal(next.tree, doc.tree, `"${from}" → "${to}" patched the tree in place`);
}

describe('kept findings', () => {
  it("of an element rule are found again when its parent's start tag changes, and kept when another element's does", () => {
    const service = new LanguageService();
    const uri = uriOf('ResourceTypes.xml');
    const text = conf(
      '<ResourceType Identifier="R" DisplayName_L1="r" Policy="P1" SourceEntityType="A" TargetEntityType="B">\n' +
        '  <TypeRule Type="T" />\n</ResourceType>\n<ResourceType Identifier="S" DisplayName_L1="s" Policy="Q" />',
    );
    const doc = service.openDocument(uri, text, 1);
    const child = doc.tree.roots[0].children[0].children[0];
    const found = () => elementFindings(child, undefined, undefined, [parentPolicy]);
    const before = found();
    assert.deepEqual(
      before.map((f) => f.message),
      ['P1'],
    );
    type(service, uri, 'DisplayName_L1="s"', 'DisplayName_L1="s2"');
    assert.equal(found(), before, 'kept while another element changes');
    type(service, uri, 'Policy="P1"', 'Policy="P2"');
    assert.deepEqual(
      found().map((f) => f.message),
      ['P2'],
    );
  });

  it('of the index rules hold while a display name changes, not when an attribute the job plan reads does', () => {
    const service = new LanguageService();
    const uri = uriOf('Jobs.xml');
    const text = conf(
      '<Job Identifier="J" DisplayName_L1="j">\n' +
        '  <ExportTask Identifier="E" DisplayName_L1="e" Connection="C" ContinueOnError="true" OpenIdClient="Client1" Level="1" />\n' +
        '  <ExportTaskOverride Identifier="E2" OpenIdClient="Client2" />\n</Job>\n' +
        '<ExportTask Identifier="E2" DisplayName_L1="e2" Connection="C" />',
    );
    service.openDocument(uri, text, 1);
    const moves = (from: string, to: string) => {
      const before = service.index.generation;
      type(service, uri, from, to);
      return service.index.generation !== before;
    };
    assert.equal(moves('DisplayName_L1="e"', 'DisplayName_L1="ee"'), false, 'display name');
    assert.equal(moves('ContinueOnError="true"', 'ContinueOnError="false"'), false, 'an attribute the index rules do not read');
    assert.equal(moves('OpenIdClient="Client1"', 'OpenIdClient="Client11"'), true, "a task's OpenIdClient");
    assert.equal(moves('Level="1"', 'Level="2"'), true, "a task's Level");
    assert.equal(moves('OpenIdClient="Client2"', 'OpenIdClient="Client22"'), true, "an override's OpenIdClient");
  });
});
