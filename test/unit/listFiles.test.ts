/**
 * The workspace walk (node/workspaceFiles.ts listFiles): its folders are listed in parallel, and
 * the files still come out in the order of a depth-first walk with names sorted, whichever
 * folder's listing comes back first; excluded and never-indexed folders are not entered.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GlobSet } from '../../server/src/node/globMatcher';
import { listXmlFiles } from '../../server/src/node/workspaceFiles';
import { tempDir } from '../helpers/cli';

function tree(files: string[]): string {
  const root = tempDir('usercube-walk-');
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), '<ConfigurationFile />');
  }
  return root;
}

describe('listing the XML files of a folder', () => {
  it('depth first, names sorted, folders and files interleaved as a sequential walk gives them', async () => {
    // Deep folders early in the order and shallow ones late: a walk that delivered folders as
    // their listings arrive would put b.xml before the deep files.
    const expected = ['A/1/2/3/4/deep.xml', 'A/1/2/x.xml', 'A/a.xml', 'B.xml', 'C/c.xml', 'D/1/d.xml', 'b.xml', 'z/last.XML'];
    const root = tree([...expected].reverse().concat(['A/notes.txt', 'node_modules/pkg/skip.xml']));
    const listed = (await listXmlFiles(root)).map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(listed, expected);
  });

  it('does not enter an excluded folder', async () => {
    const root = tree(['keep/a.xml', 'Runtime/x/b.xml', 'Runtime.xml']);
    const listed = (await listXmlFiles(root, new GlobSet(['Runtime/**']))).map((f) => path.relative(root, f).split(path.sep).join('/'));
    assert.deepEqual(listed, ['Runtime.xml', 'keep/a.xml']);
  });
});
