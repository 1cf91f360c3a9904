/**
 * The workspace walk (node/workspaceFiles.ts listFiles): its folders are listed in parallel, and
 * the files still come out in the order of a depth-first walk with names sorted, whichever
 * folder's listing comes back first; excluded and never-indexed folders are not entered. The
 * server's first index lists the XML files and the agent's settings files in one walk, and
 * indexes each XML file as soon as the folders before it are listed.
 */
import { strict as assert } from 'node:assert';
import fs, { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GlobSet } from '../../server/src/node/globMatcher';
import { isAgentSettingsFile, readAgentSettings } from '../../server/src/node/agentSettings';
import { listXmlFiles, walkWorkspace } from '../../server/src/node/workspaceFiles';
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
    const readdir = fs.readdir.bind(fs) as (dir: string, options: unknown, done: unknown) => void;
    t.mock.method(fs, 'readdir', (dir: string, options: unknown, done: unknown) => {
      listedDirs.push(rel(root, [dir])[0]);
      readdir(dir, options, done);
    });
    const xml: string[] = [];
    const settings = await walkWorkspace(root, exclude, isAgentSettingsFile, (file) => xml.push(file));
    assert.deepEqual(rel(root, xml), ['Conf/a.xml', 'Runtime.xml']);
    assert.deepEqual(rel(root, settings), ['Conf/appsettings.json', 'Runtime/appsettings.agent.json', 'z/AppSettings.json']);
    assert.deepEqual([...listedDirs].sort(), ['', 'Conf', 'Runtime', 'Runtime/x', 'z']);
    t.mock.restoreAll();
    // The same files, in the same order, as the two walks it replaces.
    assert.deepEqual(xml, await listXmlFiles(root, exclude));
    const settingsText = '{ "Jobs": { "MaxTaskBatchSize": 3 } }';
    writeFileSync(path.join(root, 'Runtime', 'appsettings.agent.json'), settingsText);
    assert.deepEqual(await readAgentSettings([root], (f) => rel(root, [f])[0]), { maxTaskBatchSize: 3, source: 'Runtime/appsettings.agent.json' });
  });

  it('gives each XML file as soon as the folders before it in the order are listed, and settles once every folder is', async (t) => {
    const root = tree(['A/a.xml', 'B/1/b.xml', 'B/c.xml', 'C/d.xml', 'z/appsettings.json', 'z/last.xml']);
    const readdir = fs.readdir.bind(fs) as (dir: string, options: unknown, done: unknown) => void;
    // The listing of z/ is held back until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    t.mock.method(fs, 'readdir', (dir: string, options: unknown, done: unknown) => {
      if (rel(root, [dir])[0] === 'z') void held.then(() => readdir(dir, options, done));
      else readdir(dir, options, done);
    });
    const given: string[] = [];
    let settled = false;
    const walk = walkWorkspace(root, new GlobSet([]), isAgentSettingsFile, (file) => given.push(rel(root, [file])[0])).then((settings) => {
      settled = true;
      return settings;
    });
    for (let waited = 0; given.length < 4; waited += 5) {
      assert.ok(waited < 5_000, `the files before z/ come while z/ is not listed: ${JSON.stringify(given)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.deepEqual(given, ['A/a.xml', 'B/1/b.xml', 'B/c.xml', 'C/d.xml']);
    assert.equal(settled, false, 'the walk is not over before z/ is listed');
    release();
    assert.deepEqual(rel(root, await walk), ['z/appsettings.json']);
    assert.deepEqual(given, ['A/a.xml', 'B/1/b.xml', 'B/c.xml', 'C/d.xml', 'z/last.xml']);
    t.mock.restoreAll();
    assert.deepEqual(given, rel(root, await listXmlFiles(root)));
  });
});
