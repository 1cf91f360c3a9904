/** Workspace symbols: exact matches first, then prefixes, then fuzzy matches, whatever the index order. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf } from '../helpers/cursor';
import { workspace } from '../helpers/workspace';

describe('workspace symbols order', () => {
  it('C0100 finds the connector named C0100 first, even after 300 fuzzy matches earlier in the index', () => {
    const files: Record<string, string> = {};
    // 300 identifiers that contain c, 0, 1, 0, 0 in order, in files read first.
    for (let f = 0; f < 3; f++) {
      files[`a${f}.xml`] = conf(Array.from({ length: 100 }, (_, i) => `  <Agent Identifier="Cx0y1z0w0_${f}_${i}" DisplayName_L1="a" />`).join('\n'));
    }
    files['b.xml'] = conf('  <Connector Identifier="C0100_Archive" DisplayName_L1="c" Agent="Local" />');
    files['c.xml'] = conf('  <Connector Identifier="C0100" DisplayName_L1="c" Agent="Local" />');
    const service = workspace(files);
    const names = service.findWorkspaceSymbols('C0100').map((s) => s.name);
    assert.equal(names.length, 256);
    assert.deepEqual(names.slice(0, 3), ['C0100', 'C0100_Archive', 'Cx0y1z0w0_0_0']);
    assert.deepEqual(
      service.findWorkspaceSymbols('c0100_a').map((s) => s.name),
      ['C0100_Archive'],
    );
  });
});
