/** Where the editor opens a shipped page for a link's anchor: a rule's heading, a README section. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { anchorLine, headingSlug } from '../../client/src/markdownAnchors';
import { ruleAnchor } from '../../server/src/rules/rule';
import { RULES } from '../../server/src/rules/registry';
import { REPO_ROOT } from '../helpers/workspace';

const page = (name: string) => readFileSync(path.join(REPO_ROOT, name), 'utf8');

describe('anchors of the shipped pages', () => {
  it("finds every rule's heading in docs/rules.md, under its <a id>", () => {
    const text = page('docs/rules.md');
    const lines = text.split('\n');
    for (const r of RULES) assert.equal(lines[anchorLine(text, ruleAnchor(r.id)) ?? -1], `### \`${r.id}\``, r.id);
  });

  it("finds the README's Command line section by its heading's slug, not a line of a code block", () => {
    const text = page('README.md');
    assert.equal(text.split('\n')[anchorLine(text, 'command-line') ?? -1], '## Command line');
    assert.equal(anchorLine('```sh\n# command line\n```\n## Command line\n', 'command-line'), 3);
  });

  it('slugs headings as GitHub does: lower case, punctuation dropped, spaces to hyphens', () => {
    assert.equal(headingSlug('Set-up on a fresh clone'), 'set-up-on-a-fresh-clone');
    assert.equal(headingSlug("What it does: `check`, the job's tasks"), 'what-it-does-check-the-jobs-tasks');
    assert.equal(headingSlug('Créer un job'), 'créer-un-job');
  });

  it('has no line for an unknown anchor or none', () => {
    assert.equal(anchorLine(page('docs/rules.md'), 'no-such-rule'), undefined);
    assert.equal(anchorLine('# Title\n', ''), undefined);
  });
});
