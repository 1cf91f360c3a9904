/** Severities from settings, and suppression comments in the file. */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { findSettingsFile, parseRuleSettings, readSettingsFile } from '../../server/src/node/projectSettings';
import { tempDir } from '../helpers/cli';
import { conf } from '../helpers/cursor';
import { CONTEXT, GOOD_JOB } from '../helpers/jobs';
import { uriOf, workspace } from '../helpers/workspace';

const noCookie = conf(GOOD_JOB.replace(' IgnoreCookieFile="true"', '').replace(' ContinueOnError="true" IgnoreCookieFile', ' IgnoreCookieFile'));

function codes(text: string, settings: Record<string, 'off' | 'info' | 'warning' | 'error'> = {}) {
  const service = workspace({ 'context.xml': CONTEXT, 'job.xml': text }, ['job.xml']);
  service.setRuleSettingsProvider(() => settings);
  return service.validate(uriOf('job.xml')).map((d) => [d.code, d.severity]);
}

describe('severity settings', () => {
  it('default severities', () => {
    assert.deepEqual(codes(noCookie), [['export/ignore-cookie-on-complete', DiagnosticSeverity.Warning]]);
  });

  it('raise, lower or turn off a rule', () => {
    assert.deepEqual(codes(noCookie, { 'export/ignore-cookie-on-complete': 'error' }), [['export/ignore-cookie-on-complete', DiagnosticSeverity.Error]]);
    assert.deepEqual(codes(noCookie, { 'export/ignore-cookie-on-complete': 'info' }), [['export/ignore-cookie-on-complete', DiagnosticSeverity.Information]]);
    assert.deepEqual(codes(noCookie, { 'export/ignore-cookie-on-complete': 'off' }), []);
  });

  it('reads .usercube-jobs.json, the nearest at or above a file, and refuses unknown ids and severities', () => {
    const root = tempDir('ucj-settings-');
    mkdirSync(path.join(root, 'Conf', 'AD'), { recursive: true });
    writeFileSync(path.join(root, '.usercube-jobs.json'), JSON.stringify({ rules: { 'export/continue-on-error': 'off', 'no/such-rule': 'off', 'sync-complete/order': 'loud' } }));
    const file = findSettingsFile(path.join(root, 'Conf', 'AD'));
    assert.equal(file, path.join(root, '.usercube-jobs.json'));
    const parsed = readSettingsFile(file);
    assert.deepEqual(parsed.rules, { 'export/continue-on-error': 'off' });
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0], /unknown rule 'no\/such-rule'/);
    assert.match(parsed.problems[1], /'sync-complete\/order' must be one of off, info, warning, error/);
    assert.equal(findSettingsFile(path.join(root, 'Conf', 'AD'), path.join(root, 'Conf')), undefined, 'stops at the workspace folder');
    assert.deepEqual(parseRuleSettings(['x'], 'setting').problems, ['setting: "rules" must be an object of rule id → severity.']);
  });
});

describe('suppression comments', () => {
  it('usercube-disable-next-line silences one rule on the next element', () => {
    const text = noCookie.replace('<ExportTask', '<!-- usercube-disable-next-line export/ignore-cookie-on-complete -->\n  <ExportTask');
    assert.deepEqual(codes(text), []);
  });

  it('names only the rules it lists', () => {
    const text = noCookie.replace('<ExportTask', '<!-- usercube-disable-next-line sync-complete/order -->\n  <ExportTask');
    assert.deepEqual(
      codes(text).map((c) => c[0]),
      ['export/ignore-cookie-on-complete'],
    );
  });

  it('does not reach past the next element', () => {
    const text = noCookie.replace('<Job ', '<!-- usercube-disable-next-line export/ignore-cookie-on-complete -->\n<Job ');
    assert.deepEqual(
      codes(text).map((c) => c[0]),
      ['export/ignore-cookie-on-complete'],
    );
  });

  it('usercube-disable silences a rule in the whole file; without ids, every rule', () => {
    assert.deepEqual(codes(noCookie.replace('<Job ', '<!-- usercube-disable export/ignore-cookie-on-complete, sync-complete/order -->\n<Job ')), []);
    const broken = noCookie.replace('Connector="AD" />', 'Connector="NOPE" />');
    assert.deepEqual(codes(broken.replace('<Job ', '<!-- usercube-disable -->\n<Job ')), []);
  });
});
