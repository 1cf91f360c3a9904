/**
 * The command line checks most files without tasks or jobs in its first pass and does not read
 * them again (rules/localCheck.ts checkLocallyIfEnough): their diagnostics must be those of a
 * check with the text, on every example and fixture file, on fuzzed versions of them, and on a
 * connector file that breaks element, index and cross-file rules. A file whose check still needs
 * its text is told apart.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildFileEntryAndTree } from '../../server/src/index/fileEntry';
import { LanguageService } from '../../server/src/languageService';
import { checkLocallyIfEnough } from '../../server/src/rules/localCheck';
import { MUTATORS, prng, seedWorkspaces } from '../helpers/fuzzInputs';
import { conf } from '../helpers/cursor';
import { ROOT_URI, uriOf } from '../helpers/workspace';

/** The local check the first pass keeps for the file, or undefined when its check reads it again. */
function localCheckOf(uri: string, text: string) {
  const { entry, tree } = buildFileEntryAndTree(uri, text, 'utf-8');
  return tree && entry.status === 'configuration' ? checkLocallyIfEnough(text, tree, entry) : undefined;
}

/** Indexes the files, then compares each text-free check with the check of its text; counts both kinds and the diagnostics compared. */
function compareAll(root: string, files: readonly { uri: string; text: string }[]): { withoutText: number; withText: number; diagnostics: number } {
  const service = new LanguageService();
  service.setWorkspaceRoots([root]);
  for (const f of files) service.setFileText(f.uri, f.text);
  const counts = { withoutText: 0, withText: 0, diagnostics: 0 };
  for (const f of files) {
    const local = localCheckOf(f.uri, f.text);
    if (!local) {
      counts.withText++;
      continue;
    }
    const full = service.validate(f.uri, { text: f.text });
    assert.deepEqual(service.validate(f.uri, { local }), full, f.uri);
    counts.withoutText++;
    counts.diagnostics += full.length;
  }
  return counts;
}

const CONNECTOR = conf(
  [
    '  <Connector Identifier="AD" DisplayName_L1="Active Directory" Agent="Nowhere" Unknown="1" />',
    '  <Connector Identifier="ad" DisplayName_L1="Same name, other case" Agent="Local" />',
    '  <Connection Identifier="ADExport" DisplayName_L1="Export" Connector="AD" Package="Usercube.AD@0000001" />',
    '  <Connection Identifier="ADExport" DisplayName_L1="Twice" Connector="Missing" Package="Usercube.AD@0000001" />',
    '  <EntityType Identifier="AD_Entry" DisplayName_L1="Entry">',
    '    <Property Identifier="dn" DisplayName_L1="DN" Type="Strin" />',
    '    <Property Identifier="dn" Type="String" />',
    '  </EntityType>',
    '  <EntityTypeMapping Identifier="AD_Entry" Connector="AD" ConnectionTable="ADExport_entries" />',
    '  <EntityTypeMapping Identifier="AD_Nothing" Connector="Elsewhere" ConnectionTable="x" />',
    '  <ResourceType Identifier="AD_Account" DisplayName_L1="Account" Policy="Default" TargetEntityType="AD_Entry" SourceEntityType="Directory_User" Category="Accounts" ApprovalWorkflowType="Three" />',
  ].join('\n'),
);

describe('check without the text, from the local check of the first pass', () => {
  it('gives the diagnostics of a check with the text on every example and fixture file, and on fuzzed ones', () => {
    const r = prng(20261206);
    const total = { withoutText: 0, withText: 0, diagnostics: 0 };
    const add = (c: typeof total) => {
      total.withoutText += c.withoutText;
      total.withText += c.withText;
      total.diagnostics += c.diagnostics;
    };
    for (const ws of seedWorkspaces()) {
      add(compareAll(ws.root, ws.files));
      for (let k = 0; k < 3; k++) {
        const mutated = ws.files.map((f) => (r(3) === 0 ? { uri: f.uri, text: MUTATORS[r(MUTATORS.length)](f.text, r) } : f));
        add(compareAll(ws.root, mutated));
      }
    }
    assert.ok(total.withoutText >= 60, `${total.withoutText} files checked without their text`);
    assert.ok(total.withText >= 100, `${total.withText} files checked with it`);
    assert.ok(total.diagnostics >= 50, `${total.diagnostics} diagnostics compared`);
  });

  it('gives the same diagnostics on a connector file that breaks element, index and cross-file rules', () => {
    const files = [{ uri: uriOf('Connectors.xml'), text: CONNECTOR }];
    const counts = compareAll(ROOT_URI, files);
    assert.equal(counts.withoutText, 1);
    const service = new LanguageService();
    service.setWorkspaceRoots([ROOT_URI]);
    service.setFileText(files[0].uri, CONNECTOR);
    const rules = new Set(service.validate(files[0].uri, { local: localCheckOf(files[0].uri, CONNECTOR) }).map((d) => String(d.code)));
    for (const rule of ['attribute/unknown', 'attribute/enum', 'identifier/unique', 'identifier/case-collision', 'reference/unresolved'])
      assert.ok(rules.has(rule), `${rule} in ${[...rules].join(', ')}`);
  });

  it('leaves to the check pass the files whose rules read their text: tasks, jobs, syntax, lost accents, suppression comments', () => {
    const needText = {
      task: conf('  <ExportTask Identifier="E" DisplayName_L1="e" Connection="C" />'),
      job: conf('  <Job Identifier="J" DisplayName_L1="j"><Step Task="E" /></Job>'),
      'syntax error': conf('  <Connector Identifier="AD" DisplayName_L1="a" Agent="Local">'),
      'strict parser': conf('  <Connector Identifier="AD" DisplayName_L1="a&nbsp;b" Agent="Local" />'),
      'lost accent': conf('  <Connector Identifier="AD" DisplayName_L1="Pr\uFFFDparation" Agent="Local" />'),
      suppression: conf('  <!-- usercube-disable-next-line attribute/unknown -->\n  <Connector Identifier="AD" DisplayName_L1="a" Agent="Local" Unknown="1" />'),
    };
    for (const [what, text] of Object.entries(needText)) assert.equal(localCheckOf(uriOf('a.xml'), text), undefined, what);
    assert.notEqual(localCheckOf(uriOf('a.xml'), CONNECTOR), undefined);
  });
});
