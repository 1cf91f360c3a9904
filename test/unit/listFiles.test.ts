/**
 * The workspace walk (node/workspaceFiles.ts listFiles): its folders are listed in parallel, and
 * the files still come out in the order of a depth-first walk with names sorted, whichever
 * folder's listing comes back first; excluded and never-indexed folders are not entered. The
 * server's first index lists the XML files and the agent's settings files in one walk.
 */
import { strict as assert } from 'node:assert';
import { promises as fsp, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GlobSet } from '../../server/src/node/globMatcher';
import { isAgentSettingsFile, readAgentSettings } from '../../server/src/node/agentSettings';
import { listWorkspace, listXmlFiles } from '../../server/src/node/workspaceFiles';
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

describe('listing a workspace folder', () => {
  const rel = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

  it('finds the XML files outside the excluded folders and the settings files everywhere, listing each folder once', async (t) => {
    const root = tree([
      'Conf/a.xml',
      'Conf/appsettings.json',
      'Runtime/appsettings.agent.json',
      'Runtime/x/b.xml',
      'Runtime.xml',
      'z/AppSettings.json',
      'node_modules/appsettings.json',
    ]);
    const exclude = new GlobSet(['Runtime/**']);
    const listedDirs: string[] = [];
    const readdir = fsp.readdir.bind(fsp) as (dir: string, options: unknown) => Promise<unknown>;
    t.mock.method(fsp, 'readdir', (dir: string, options: unknown) => {
      listedDirs.push(rel(root, [dir])[0]);
      return readdir(dir, options);
    });
    const listing = await listWorkspace(root, exclude, isAgentSettingsFile);
    assert.deepEqual(rel(root, listing.xml), ['Conf/a.xml', 'Runtime.xml']);
    assert.deepEqual(rel(root, listing.settings), ['Conf/appsettings.json', 'Runtime/appsettings.agent.json', 'z/AppSettings.json']);
    assert.deepEqual([...listedDirs].sort(), ['', 'Conf', 'Runtime', 'Runtime/x', 'z']);
    t.mock.restoreAll();
    // The same files, in the same order, as the two walks it replaces.
    assert.deepEqual(listing.xml, await listXmlFiles(root, exclude));
    const settingsText = '{ "Jobs": { "MaxTaskBatchSize": 3 } }';
    writeFileSync(path.join(root, 'Runtime', 'appsettings.agent.json'), settingsText);
    assert.deepEqual(await readAgentSettings([root], (f) => rel(root, [f])[0]), { maxTaskBatchSize: 3, source: 'Runtime/appsettings.agent.json' });
  });
});
