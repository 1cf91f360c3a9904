/**
 * The vendor's own examples, as a new user would try them: the XML blocks of the documentation
 * pages (test/fixtures/doc-examples/, each file naming its page), each page checked on its own.
 * A page prints no context (its connectors, entity types…), so the rules that resolve references
 * are off here; every other finding is listed below with why it is real. A false finding, or a
 * real one that goes silent, fails this test.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LanguageService } from '../../server/src/languageService';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { textOf } from '../helpers/cursor';
import { fixtureFiles } from '../helpers/workspace';

/** The rules that say a referenced identifier is not defined: a page does not print its context. */
const CONTEXT_RULES = { 'reference/unresolved': 'off', 'dependency/parent-exists': 'off', 'job/step-target-exists': 'off', 'job/override-target-exists': 'off' } as const;

/** [rule, the characters it covers] for each finding of one page's file, in document order. */
function findings(rel: string): [string, string][] {
  const file = fixtureFiles('doc-examples').get(rel)!;
  const { text, encoding } = decodeBytes(file.bytes);
  const service = new LanguageService({ retainText: true });
  service.setRuleSettingsProvider(() => CONTEXT_RULES);
  service.setFileText(file.uri, text, encoding);
  return service.validate(file.uri).map((d) => [String(d.code), textOf(text, d.range)]);
}

const MOJIBAKE = 'file/encoding-mojibake';

/** Every finding the examples raise, by file: each one real, and why. */
const EXPECTED: Record<string, [string, string][]> = {
  // ConsolidationMode on an OpenIdClient, an EntityType, a DisplayEntityType and an AccessControlRule: each adjusts an
  // element defined elsewhere and gives only what changes. Children of DisplayTable (unknown here) are not checked.
  'adjust-scaffoldings-page.xml': [],
  'configure-incremental-job-page.xml': [],
  // Property children of DisplayEntityType belong to it, not to EntityType: OutputType, IsRequired… are its attributes.
  'displayentitytype-page.xml': [],
  // The page's complete job runs AD_Fulfill twice (its 22nd and 25th Steps).
  'job-page-complete-job.xml': [['job/duplicate-task', 'AD_Fulfill']],
  'job-page-examples.xml': [
    // A connection identifier cannot hold '_' (Connection page): no connection can be called so.
    ['connection/identifier-format', 'AzureAD_Export_Fulfillment'],
    // The Changes prepare task needs no SynchronizationMode (the page does it, the guide exempts it); but without an
    // Identifier no other task can depend on it: a warning the page's own next task would need.
    ['task/identifier-recommended', 'PrepareSynchronizationTask'],
  ],
  'jobfast-page-job.xml': [
    // The guide's own connection identifiers hold '_'.
    ['connection/identifier-format', 'AD_Export'],
    // The job synchronizes AD but runs no PrepareSynchronizationTask: step 13 leaves out the task of step 3.
    ['synchronize/has-prepare', 'SynchronizeTask'],
    // The SynchronizeTask is given two Identifiers.
    ['xml/duplicate-attribute', 'Identifier="AD_Synchronization"'],
    // The French display names lost their accents on the page.
    [MOJIBAKE, 'Mise \uFFFD jour du dirty'],
    [MOJIBAKE, 'Global - Mise \uFFFD jour des propri\uFFFDt\uFFFDs calcul\uFFFDes (avec dirty)'],
    // Steps 6 and 7 write TaskEntityType Identifier= where every reference page says EntityType=.
    ['taskentitytype/attribute-name', 'Identifier'],
    ['taskentitytype/attribute-name', 'Identifier'],
    [MOJIBAKE, 'R\uFFFDf\uFFFDrentiel - Pr\uFFFDparation des ordres de provisioning (avec dirty)'],
    [MOJIBAKE, 'AD - R\uFFFDcup\uFFFDration des ordres de provisioning'],
    ['connection/identifier-format', 'AD_Fulfillment'],
    [MOJIBAKE, 'AD - Mise \uFFFD jour de la classification des comptes (avec Dirty)'],
    // The page's own step 12 says profile rule contexts are needed; the page defines none.
    ['setinternaluserprofiles/needs-profile-rule-context', 'SetInternalUserProfilesTask'],
    [MOJIBAKE, 'Global - Mise \uFFFD jour des profils'],
  ],
  // A ConsolidationMode="Merge" OpenIdClient gives only what it changes: no DisplayName_L1 nor Profile needed.
  'openidclient-merge.xml': [],
  // ContextId is how the page's text and example write the table's Context.
  'openidclient-page.xml': [],
  // Property children of RecordSection (ExtensionKind on the section) are the section's, not EntityType's.
  'recordsection-page.xml': [],
  'resourceclassificationrule-page.xml': [],
  // The scalar rule example of the page gives no DisplayName_L1, which the page's table marks required. Its rules
  // without Policy, in a resource type that names its policy, are fine.
  'resourcetype-page.xml': [['attribute/required', 'ResourceType']],
  // Property children of the resource type mappings (IsDNProperty…) belong to the mappings, which this extension does not describe.
  'resourcetypemapping-pages.xml': [],
  // What the connector screen's jobs generate is valid: no Connection, Agent, OpenIdClient nor SynchronizationMode
  // is asked of their tasks. Only the page's French display names are wrong: they lost their accents.
  'scaffolding-createconnectorsjobs.xml': [
    [MOJIBAKE, 'AD - Fabrication du mod\uFFFDle de r\uFFFDles'],
    [MOJIBAKE, 'AD - Calcul des corr\uFFFDlations'],
    [MOJIBAKE, 'AD - Mise \uFFFD jour des propri\uFFFDt\uFFFDs calcul\uFFFDes'],
    [MOJIBAKE, 'AD - G\uFFFDn\uFFFDration des ordres de provisioning'],
    [MOJIBAKE, 'AD - Evaluation du mod\uFFFDle de r\uFFFDles'],
    [MOJIBAKE, 'AD - Synchronisation (c\uFFFDt\uFFFD agent)'],
    [MOJIBAKE, 'AD - Rafra\uFFFDchissement des sch\uFFFDmas des connexions'],
    [MOJIBAKE, 'AD - Synchronisation (c\uFFFDt\uFFFD serveur)'],
  ],
  // Generated by the complete scaffolding, SendRoleModelNotificationsTask included: valid by definition.
  'scaffolding-createconnectorsynchrocomplete.xml': [],
  // Generated by the incremental scaffolding: DoNotDeleteChanges, the flag task and Dirty tasks after it.
  'scaffolding-createconnectorsynchroincremental.xml': [],
  // The SetInternalUserProfilesTask page says profile rule contexts are needed, and its example defines none.
  'task-pages.xml': [['setinternaluserprofiles/needs-profile-rule-context', 'SetInternalUserProfilesTask']],
};

describe('the examples of the documentation', () => {
  it('every example file is listed here', () => {
    assert.deepEqual([...fixtureFiles('doc-examples').keys()].sort(), Object.keys(EXPECTED).sort());
  });

  for (const [rel, expected] of Object.entries(EXPECTED)) {
    it(`${rel}: ${expected.length === 0 ? 'no finding' : `only the ${expected.length} real findings`}`, () => {
      assert.deepEqual(findings(rel), expected);
    });
  }
});
