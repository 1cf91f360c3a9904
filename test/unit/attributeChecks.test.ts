/**
 * What the attribute rules check, and where: against the schema of the element's own parent's
 * child, every missing attribute at once, ConsolidationMode known everywhere.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GOOD_JOB, hits } from '../helpers/jobs';

const ATTRIBUTE_RULES = ['attribute/required', 'attribute/unknown', 'attribute/enum'];
const attributeHits = (body: string) => ATTRIBUTE_RULES.flatMap((rule) => hits(rule, body).map((h) => [rule, h.text, h.message]));

describe('attribute checks', () => {
  it('name every missing required attribute of an element in one finding', () => {
    const body = GOOD_JOB.replace('DisplayName_L1="s" Connector="AD"', '');
    assert.deepEqual(attributeHits(body), [['attribute/required', 'SynchronizeTask', "SynchronizeTask requires the attributes 'DisplayName_L1' and 'Connector'."]]);
  });

  it("check a Property against its own parent's schema: EntityType's Property, not a resource type's", () => {
    assert.deepEqual(attributeHits('<EntityType Identifier="E"><Property Identifier="p" Typ="String" /></EntityType>'), [
      ['attribute/unknown', 'Typ="String"', "Unknown attribute 'Typ' on Property."],
    ]);
    assert.deepEqual(
      attributeHits('<ResourceType Identifier="R" DisplayName_L1="r" Policy="P" SourceEntityType="E" TargetEntityType="E"><Property Property="dn" /></ResourceType>'),
      [],
    );
  });

  it('leave the children of an element the catalog does not know unchecked', () => {
    assert.deepEqual(attributeHits('<DisplayTable Identifier="T"><Property OutputType="BasicCollection" /><Column DisplayBinding="dn" /></DisplayTable>'), []);
  });

  it('know ConsolidationMode on every element, and check its value', () => {
    assert.deepEqual(attributeHits('<ResourceType Identifier="R" ConsolidationMode="Merge" />\n<Connection Identifier="C" ConsolidationMode="Update" />'), []);
    assert.deepEqual(
      attributeHits('<ResourceType Identifier="R" ConsolidationMode="Merged" />').map(([rule, text]) => [rule, text]),
      [['attribute/enum', 'Merged']],
    );
  });

  it('accept the name the examples write for an attribute (Step Task=, OpenIdClient ContextId=)', () => {
    assert.deepEqual(
      attributeHits(
        '<Job Identifier="J" DisplayName_L1="j"><Step Task="AD_Export" /></Job>\n<OpenIdClient Identifier="O" DisplayName_L1="o" HashedSecret="x" Profile="P" ContextId="-2" />',
      ),
      [],
    );
  });
});
