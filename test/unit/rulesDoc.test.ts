import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renderRulesMarkdown } from '../../server/src/rules/rulesDoc';
import { RULES } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/workspace';

describe('docs/rules.md', () => {
  const committed = readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');

  it('is what the registry generates (run `npm run docs:rules` after changing a rule)', () => {
    assert.equal(committed, renderRulesMarkdown());
  });

  it('has an anchor for every rule that diagnostics link to', () => {
    for (const r of RULES) assert.ok(committed.includes(`<a id="${r.id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}"></a>`), r.id);
  });
});
