/**
 * Every quick fix: the exact text after applying it, and the rule no longer fires.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/languageService';
import { FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { applyTextEdits, conf } from '../helpers/cursor';
import { CONTEXT, GOOD_JOB, INCREMENTAL, E, P, S, job } from '../helpers/jobs';
import { uriOf, workspace } from '../helpers/workspace';

const URI = uriOf('job.xml');

function open(text: string): LanguageService {
  return workspace({ 'context.xml': CONTEXT, 'job.xml': text }, ['job.xml']);
}

function actionsFor(service: LanguageService, rule: string): CodeAction[] {
  const diags = service.validate(URI).filter((d) => d.code === rule);
  assert.ok(diags.length > 0, `${rule} should fire first`);
  return service.getCodeActions(URI, diags[0].range, [diags[0]]);
}

/** Applies the fix titled `title` for the first `rule` diagnostic; returns the new text. */
function fix(text: string, rule: string, title: string): string {
  const service = open(text);
  const actions = actionsFor(service, rule);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action '${title}' among ${actions.map((a) => `'${a.title}'`).join(', ')}`);
  const fixed = applyTextEdits(text, action.edit!.changes![URI]);
  assert.deepEqual(
    open(fixed)
      .validate(URI)
      .filter((d) => d.code === rule),
    [],
    `${rule} still fires after the fix`,
  );
  return fixed;
}

const good = conf(GOOD_JOB);
const breakIt = (from: string, to: string) => {
  assert.ok(good.includes(from));
  return good.replace(from, to);
};

describe('quick fixes: attributes', () => {
  it('sets SynchronizationMode="Complete" in place of another value', () => {
    const bad = breakIt('SynchronizationMode="Complete"', 'SynchronizationMode="Incremental"');
    assert.equal(fix(bad, 'sync-complete/prepare-mode-complete', 'Set SynchronizationMode="Complete"'), good);
  });

  it('adds SynchronizationMode="Complete" when it is missing', () => {
    const bad = breakIt(' SynchronizationMode="Complete"', '');
    assert.equal(fix(bad, 'sync-complete/prepare-mode-complete', 'Set SynchronizationMode="Complete"'), good);
  });

  it('removes DoNotDeleteChanges, whatever its value', () => {
    const bad = breakIt('DisplayName_L1="s" Connector="AD"', 'DisplayName_L1="s" DoNotDeleteChanges="true" Connector="AD"');
    assert.equal(fix(bad, 'sync-complete/no-donotdeletechanges', 'Remove DoNotDeleteChanges'), good);
  });

  it('removes ForceProvisioning', () => {
    const bad = breakIt('Connector="AD" />', 'Connector="AD" ForceProvisioning="1" />');
    assert.equal(fix(bad, 'sync-complete/no-forceprovisioning', 'Remove ForceProvisioning'), good);
  });

  it('adds IgnoreCookieFile="true" to an export', () => {
    const bad = breakIt(' IgnoreCookieFile="true"', '');
    assert.equal(fix(bad, 'export/ignore-cookie-on-complete', 'Set IgnoreCookieFile="true"'), good);
  });

  it('renames TaskEntityType Identifier= to EntityType=', () => {
    const bad = breakIt('<TaskEntityType EntityType="AD_Entry" />', '<TaskEntityType Identifier="AD_Entry" />');
    assert.equal(fix(bad, 'taskentitytype/attribute-name', "Rename 'Identifier' to 'EntityType'"), good);
  });

  it('fixes the casing of CronTabExpression', () => {
    const bad = breakIt('Agent="Local">', 'Agent="Local" CrontabExpression="0 2 * * *">');
    assert.equal(
      fix(bad, 'job/crontab-attribute-casing', "Rename 'CrontabExpression' to 'CronTabExpression'"),
      breakIt('Agent="Local">', 'Agent="Local" CronTabExpression="0 2 * * *">'),
    );
  });

  it("sets the SynchronizeTask's Type to its prepare task's", () => {
    const withType = breakIt('SynchronizationMode="Complete"', 'SynchronizationMode="Complete" Type="ActiveDirectory"');
    const fixed = fix(withType, 'synchronize/type-matches-prepare', 'Set Type="ActiveDirectory" as in the prepare task');
    assert.equal(fixed, withType.replace('DisplayName_L1="s" Connector="AD"', 'DisplayName_L1="s" Connector="AD" Type="ActiveDirectory"'));
  });
});

describe('quick fixes: element names and guide rules', () => {
  it('renames a misspelt task, start and end tag, to the closest task name', () => {
    const bad = breakIt(
      '</Job>',
      '  <UpdateClasificationTask Identifier="AD_Classify" DisplayName_L1="c">\n    <TaskEntityType EntityType="AD_Entry" />\n  </UpdateClasificationTask>\n</Job>',
    );
    const fixed = fix(bad, 'xml/unknown-element', 'Rename to <UpdateClassificationTask>');
    assert.equal(fixed, bad.replace(/UpdateClasificationTask/g, 'UpdateClassificationTask'));
  });

  it('gives an Active Directory prepare task its Type', () => {
    const bad = breakIt('</ConfigurationFile>', '<Connection Identifier="ADDirSync" DisplayName_L1="d" Connector="AD" Package="Usercube.AD@0000001" />\n</ConfigurationFile>');
    const fixed = fix(bad, 'prepare/type-for-ad-or-changes', 'Set Type="ActiveDirectory"');
    assert.equal(fixed, bad.replace('SynchronizationMode="Complete">', 'SynchronizationMode="Complete" Type="ActiveDirectory">'));
  });

  it('gives a job without agent the agent of its tasks', () => {
    const bad = breakIt('DisplayName_L1="AD complete" Agent="Local"', 'DisplayName_L1="AD complete"');
    assert.equal(fix(bad, 'job/agent-required-for-agent-tasks', 'Set Agent="Local"'), good);
  });
});

describe('quick fixes: missing dependencies', () => {
  it('adds the dependency as the last child, indented like its siblings', () => {
    const bad = breakIt('ParentTask="AD_GPO" />', 'ParentTask="AD_Prepare" />');
    const fixed = fix(bad, 'fulfill/depends-on-generate-provisioning', "Add dependency on 'AD_GPO'");
    assert.equal(fixed, good.replace('<TaskDependsOnTask ParentTask="AD_GPO" />', '<TaskDependsOnTask ParentTask="AD_Prepare" />\n    <TaskDependsOnTask ParentTask="AD_GPO" />'));
  });

  it('turns a self-closing task into an open/close pair', () => {
    const bad = breakIt(
      '<SetInternalUserProfilesTask Identifier="AD_Profiles" DisplayName_L1="u">\n    <TaskResourceType ResourceType="RT" />\n    <TaskDependsOnTask ParentTask="AD_Fulfill" />\n  </SetInternalUserProfilesTask>',
      '<SetInternalUserProfilesTask Identifier="AD_Profiles" DisplayName_L1="u" />',
    );
    const fixed = fix(bad, 'setinternaluserprofiles/depends-on-fulfill', "Add dependency on 'AD_Fulfill'");
    assert.equal(
      fixed,
      bad.replace(
        '<SetInternalUserProfilesTask Identifier="AD_Profiles" DisplayName_L1="u" />',
        '<SetInternalUserProfilesTask Identifier="AD_Profiles" DisplayName_L1="u">\n    <TaskDependsOnTask ParentTask="AD_Fulfill" />\n  </SetInternalUserProfilesTask>',
      ),
    );
  });

  it('offers one action per candidate parent', () => {
    const text = conf(job([E, E.replace('AD_Export', 'AD_Export_2'), P.replace('<TaskDependsOnTask ParentTask="AD_Export" />', '')]));
    const titles = actionsFor(open(text), 'prepare/depends-on-export').map((a) => a.title);
    assert.deepEqual(titles, ["Add dependency on 'AD_Export'", "Add dependency on 'AD_Export_2'"]);
  });

  it('prefers the prepare task for a SynchronizeTask, and keeps CRLF line endings', () => {
    const bad = breakIt('\n    <TaskDependsOnTask ParentTask="AD_Prepare" />', '').replace(/\n/g, '\r\n');
    const actions = actionsFor(open(bad), 'synchronize/depends-on-export-or-prepare');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Add dependency on 'AD_Prepare'", true],
        ["Add dependency on 'AD_Export'", false],
      ],
    );
    const fixed = applyTextEdits(bad, actions[0].edit!.changes![URI]);
    assert.equal(fixed, good.replace(/\n/g, '\r\n'));
  });
});

describe('quick fixes: unknown identifiers', () => {
  it("offers 'Change to' the closest task identifiers, and 'Create' for a missing parent", () => {
    const bad = breakIt('ParentTask="AD_GPO"', 'ParentTask="AD_GP"');
    const titles = actionsFor(open(bad), 'dependency/parent-exists').map((a) => a.title);
    assert.deepEqual(titles, ["Change to 'AD_GPO'", "Create GenerateProvisioningOrdersTask 'AD_GP'"]);
    assert.equal(fix(bad, 'dependency/parent-exists', "Change to 'AD_GPO'"), good);
  });

  it('creates the missing task before the dependent one, at its indentation', () => {
    const bad = breakIt('ParentTask="AD_GPO"', 'ParentTask="AD_Provisioning"');
    const fixed = fix(bad, 'dependency/parent-exists', "Create GenerateProvisioningOrdersTask 'AD_Provisioning'");
    assert.ok(fixed.includes('  <GenerateProvisioningOrdersTask Identifier="AD_Provisioning" DisplayName_L1="AD_Provisioning" />\n  <FulfillTask Identifier="AD_Fulfill"'));
  });

  it('changes a misspelt connection', () => {
    const bad = breakIt('Connection="ADFulfillment"', 'Connection="ADFulfilment"');
    assert.equal(fix(bad, 'reference/unresolved', "Change to 'ADFulfillment'"), good);
  });

  it('changes a misspelt Step target', () => {
    const bad = conf(job([E, '<Step Identifier="AD_Exprt" />']));
    assert.equal(fix(bad, 'job/step-target-exists', "Change to 'AD_Export'"), conf(job([E, '<Step Identifier="AD_Export" />'])));
  });
});

describe('fix all', () => {
  const bad = conf(
    job([
      E.replace(' IgnoreCookieFile="true"', ''),
      P.replace('SynchronizationMode="Complete"', 'SynchronizationMode="Incremental"'),
      S.replace('Connector="AD"', 'Connector="AD" DoNotDeleteChanges="true"'),
    ]).replace('Agent="Local">', 'Agent="Local" CrontabExpression="0 2 * * *">'),
  );
  const fixAll = (text: string) => open(text).getCodeActions(URI, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [FIX_ALL_KIND]);

  it('applies only the safe fixes: what changes the run stays a suggestion, offered as a quick fix', () => {
    const [action] = fixAll(bad);
    assert.equal(action.kind, FIX_ALL_KIND);
    const fixed = applyTextEdits(bad, action.edit!.changes![URI]);
    assert.equal(fixed, bad.replace('CrontabExpression', 'CronTabExpression'));
    const service = open(fixed);
    const left = service.validate(URI);
    assert.deepEqual(
      left.map((d) => d.code),
      ['export/ignore-cookie-on-complete', 'sync-complete/prepare-mode-complete', 'sync-complete/no-donotdeletechanges'],
    );
    for (const d of left) assert.ok(service.getCodeActions(URI, d.range, [d]).length > 0, `${d.code} keeps its quick fix`);
  });

  it("applies the suggestions too when asked (the command line's --fix-type suggestion)", () => {
    const service = open(bad);
    const edits = service.fixAll(URI, new Set(['safe', 'suggestion']));
    let text = bad;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    assert.equal(text, conf(job([E, P, S]).replace('Agent="Local">', 'Agent="Local" CronTabExpression="0 2 * * *">')));
    assert.deepEqual(
      open(text)
        .validate(URI)
        .map((d) => d.code),
      [],
    );
  });

  it('leaves an incremental job alone', () => {
    const text = conf(job([E.replace(' IgnoreCookieFile="true"', ''), P.replace('"Complete"', '"Incremental"')], INCREMENTAL));
    assert.deepEqual(fixAll(text), []);
  });
});

describe('quick fixes: what the editor sends back', () => {
  const bad = breakIt('ParentTask="AD_GPO"', 'ParentTask="AD_GP"');

  it('are read from the diagnostic, whatever its message says', () => {
    const service = open(bad);
    const diag = service.validate(URI).find((d) => d.code === 'dependency/parent-exists')!;
    const titles = service.getCodeActions(URI, diag.range, [{ ...diag, message: 'reworded by the editor' }]).map((a) => a.title);
    assert.deepEqual(titles, ["Change to 'AD_GPO'", "Create GenerateProvisioningOrdersTask 'AD_GP'"]);
  });

  it('offer nothing for data of the wrong shape, nor for a fix the rule does not declare', () => {
    const service = open(bad);
    const diag = service.validate(URI).find((d) => d.code === 'dependency/parent-exists')!;
    for (const data of [
      undefined,
      { fixes: 'change-identifier' },
      { fixes: [{ fix: 'add-dependency', candidates: 'AD_GPO' }] },
      { fixes: [{ fix: 'change-identifier', kind: 'Task' }] },
      { fixes: [{ fix: 'set-mode' }] },
    ]) {
      assert.deepEqual(service.getCodeActions(URI, diag.range, [{ ...diag, data }]), [], JSON.stringify(data));
    }
  });
});
