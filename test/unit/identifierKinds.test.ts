/**
 * Each kind of identifier has one name, whichever rule or feature speaks of it
 * (schema/identifierKinds.ts): 'entity type', not 'EntityType' here and 'entity type' there.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf, positionIn } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

const TEXT = conf(
  [
    '<EntityType Identifier="Person" DisplayName_L1="p" />',
    '<EntityType Identifier="Person" DisplayName_L1="p2" />',
    '<EntityType Identifier="Group" DisplayName_L1="g" />',
    '<EntityType Identifier="group" DisplayName_L1="g2" />',
    '<Connector Identifier="AD" DisplayName_L1="a" Agent="Local" />',
    '<Job Identifier="J" DisplayName_L1="j" Agent="Local">',
    '  <UpdateEntityPropertyExpressionsTask Identifier="U" DisplayName_L1="u" />',
    '  <SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="ADX" />',
    '</Job>',
  ].join('\n'),
);

describe('the name of a kind of identifier', () => {
  const service = workspace({ 'a.xml': TEXT, 'agent.xml': conf('<Agent Identifier="Local" DisplayName_L1="l" URI="https://agent" />') }, ['a.xml']);
  const uri = uriOf('a.xml');
  const messages = (rule: string) =>
    service
      .validate(uri)
      .filter((d) => d.code === rule)
      .map((d) => d.message);

  it('is the same in the messages of rules', () => {
    assert.deepEqual(messages('identifier/unique'), [
      "Duplicate entity type identifier 'Person': also defined as EntityType in this file:4.",
      "Duplicate entity type identifier 'Person': also defined as EntityType in this file:3.",
    ]);
    assert.deepEqual(messages('identifier/case-collision'), ["Entity type 'Group' differs only by case from 'group'.", "Entity type 'group' differs only by case from 'Group'."]);
    assert.deepEqual(messages('reference/unresolved'), ["Connector 'ADX': no connector with this identifier in the configuration."]);
  });

  it('is the same in hovers and rename', () => {
    const hover = service.doHover(uri, positionIn(TEXT, 'Connector="AD|X"'))!;
    assert.equal((hover.contents as { value: string }).value, 'No connector `ADX` is defined in the workspace.');
    const rename = service.doRename(uri, positionIn(TEXT, 'Identifier="Gro|up"'), 'Person');
    assert.deepEqual(rename, { ok: false, message: "Entity type 'Person' already exists (EntityType in a.xml): choose another name." });
  });
});
