/** The settings as users read them: in VS Code's Settings editor (package.json) and in the README's table. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/workspace';

interface Setting {
  default: unknown;
  markdownDescription?: string;
  description?: string;
}
interface Generator {
  readmeWithSettings(readme: string, pkg: unknown): string;
  renderSettingsTable(pkg: unknown): string;
}
// Plain JavaScript, run by `npm run docs:settings`; the same code renders here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(REPO_ROOT, 'scripts', 'generate-settings-doc.js')) as Generator;

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const settings = Object.entries(pkg.contributes.configuration.properties as Record<string, Setting>);

describe('settings documentation', () => {
  it("README.md's settings table is what package.json generates (run `npm run docs:settings` after changing a setting)", () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    assert.equal(readme, generator.readmeWithSettings(readme, pkg));
  });

  it('the table has one row per setting, with its default', () => {
    const rows = generator
      .renderSettingsTable(pkg)
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    assert.deepEqual(
      rows.map((r) => r.split(' | ').slice(0, 2)),
      settings.map(([name, s]) => [`| \`${name}\``, `\`${JSON.stringify(s.default)}\``]),
    );
  });

  for (const [name, s] of settings) {
    it(`${name}: its description gives an example and ends with its default`, () => {
      const text = s.markdownDescription ?? s.description ?? '';
      assert.match(text, /Example: `[^`]+`/);
      const sentence = /Default: `([^`]*)`(?: \([^)]*\))?\.$/.exec(text);
      assert.equal(sentence?.[1], JSON.stringify(s.default), `the last sentence of: ${text}`);
    });
  }
});
