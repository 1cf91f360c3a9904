/**
 * The cold index's worker threads: every file's result comes back in the order of the files
 * whichever worker finishes first, equal to what the server thread builds; a failing worker
 * rejects the run with the results delivered so far kept. Files may still be coming (a feed the
 * workspace walk fills): indexing starts with the first whole batch. Asked to read the files again (the
 * command line's check pass), they keep a bounded number of texts ahead of the reader.
 */
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildFileEntry } from '../../server/src/index/fileEntry';
import { unpackEntry } from '../../server/src/index/entryCodec';
import { FileFeed, FileResult, IndexWorkers, READ_AHEAD_PER_WORKER, takeWorkersStarted } from '../../server/src/node/parallelIndexer';
import { INDEX_WORKER_SCRIPT, startThreads } from '../../server/src/node/workerThreads';
import { indexForServer } from '../../server/src/node/indexWorkerLoop';
import { readXmlFileSync } from '../../server/src/node/workspaceFiles';
import { tempDir } from '../helpers/cli';
import { conf } from '../helpers/cursor';
import { plainEntry } from '../helpers/plainEntry';

function tempFolder(files: Record<string, string | Buffer>): { root: string; paths: string[] } {
  const root = tempDir('usercube-workers-');
  const paths = Object.entries(files).map(([name, body]) => {
    const file = path.join(root, name);
    writeFileSync(file, body);
    return file;
  });
  return { root, paths };
}

/** Every file delivered in order, its entry what the server thread builds from it (or its read failure). */
function assertAsBuiltHere(results: readonly FileResult[], paths: readonly string[]): void {
  assert.deepEqual(
    results.map((r) => r.file),
    paths,
  );
  for (const r of results) {
    const read = readXmlFileSync(r.file);
    if (!read.ok) assert.deepEqual(r.failure, { reason: read.reason, message: read.message });
    else assert.deepStrictEqual(plainEntry(unpackEntry(r.entry!)), buildFileEntry(r.uri, read.text, read.encoding));
  }
}

/** `count` small task files, and one worker with this thread indexing a share (`here` lists the files it took). */
function workersWithShare(count: number, inFlight: number): { paths: string[]; items: { file: string; uri: string }[]; workers: IndexWorkers; here: string[] } {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`f${String(i).padStart(2, '0')}.xml`] = conf(`<ExportTask Identifier="T${i}" DisplayName_L1="t" Connection="C${i}" />`);
  const { paths } = tempFolder(files);
  const here: string[] = [];
  const workers = new IndexWorkers({
    workers: 1,
    inFlight,
    here: (uri, text, encoding) => {
      here.push(uri);
      return indexForServer(uri, text, encoding);
    },
  });
  const items = paths.map((file) => ({ file, uri: pathToFileURL(file).toString() }));
  return { paths, items, workers, here };
}

describe('index workers', () => {
  it('deliver every file in order, as the server thread would index it, failures included', async (t) => {
    const files: Record<string, string | Buffer> = {};
    // Sizes vary so that the workers finish out of order.
    for (let i = 0; i < 24; i++) {
      const tasks = Array.from({ length: (i % 5) * 40 + 1 }, (_, k) => `<ExportTask Identifier="T${i}_${k}" DisplayName_L1="t" Connection="C${i}" />`);
      files[`f${String(i).padStart(2, '0')}.xml`] = conf(tasks.join('\n'));
    }
    files['g-binary.xml'] = Buffer.from([0x3c, 0x61, 0x00, 0x3e]);
    files['h-other.xml'] = '<project><modelVersion>4.0.0</modelVersion></project>';
    const { paths } = tempFolder(files);
    const workers = new IndexWorkers({ workers: 2 });
    t.after(() => workers.close());

    const items = paths.map((file) => ({ file, uri: pathToFileURL(file).toString() }));
    const results: FileResult[] = [];
    await workers.run(items, (r) => results.push(r), 1);

    assertAsBuiltHere(results, paths);
    assert.equal(results.find((r) => r.file.endsWith('g-binary.xml'))?.failure?.reason, 'binary');
    assert.equal(unpackEntry(results.find((r) => r.file.endsWith('h-other.xml'))!.entry!).status, 'other-xml');
  });

  it('with the indexing function, this thread indexes a share: every file still in order, each entry the same', async (t) => {
    const { paths, items, workers, here } = workersWithShare(24, 2);
    t.after(() => workers.close());
    const results: FileResult[] = [];
    await workers.run(items, (r) => results.push(r), 1);

    assertAsBuiltHere(results, paths);
    // The worker has the first two batches before this thread takes any: it takes the third at least.
    assert.ok(here.includes(items[2].uri), here.join(', '));
    assert.ok(here.length < items.length, 'the worker indexed some files too');
  });

  it('index the files of a feed as they come, before the feed ends, every file in order, and end with it', async (t) => {
    const { paths, items, workers, here } = workersWithShare(11, 1);
    t.after(() => workers.close());
    const feed = new FileFeed();
    const results: FileResult[] = [];
    let settled = false;
    const run = workers.run(feed, (r) => results.push(r), 2).then(() => (settled = true));
    const until = async (what: string, done: () => boolean) => {
      for (let waited = 0; !done(); waited += 5) {
        assert.ok(waited < 10_000, what);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    // Three files: one whole batch goes out and comes back; the third waits for a fourth.
    items.slice(0, 3).forEach((f) => feed.push(f));
    await until('the first batch comes back before the feed ends', () => results.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(results.length, 2, 'a batch of one file is not sent while more may come');
    // The rest at once: the worker has room for one batch, this thread takes others.
    items.slice(3).forEach((f) => feed.push(f));
    await until('every whole batch comes back', () => results.length === 10);
    assert.equal(settled, false, 'the run waits for the end of the feed');
    feed.end();
    await run;
    assertAsBuiltHere(results, paths);
    assert.ok(here.length > 0 && here.length < items.length, `this thread and the worker both indexed: ${here.length} here`);
  });

  it('end at once with a feed that ends empty', async (t) => {
    const workers = new IndexWorkers({ workers: 1, here: indexForServer });
    t.after(() => workers.close());
    const feed = new FileFeed();
    const results: FileResult[] = [];
    const run = workers.run(feed, (r) => results.push(r));
    feed.end();
    await run;
    assert.deepEqual(results, []);
  });

  it("reject when this thread's share fails, keeping what was delivered before", async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`f${i}.xml`] = conf(`<ExportTask Identifier="T${i}" DisplayName_L1="t" />`);
    const { paths } = tempFolder(files);
    const workers = new IndexWorkers({
      workers: 1,
      inFlight: 2,
      here: () => {
        throw new Error('broken indexing');
      },
    });
    t.after(() => workers.close());
    const items = paths.map((file) => ({ file, uri: pathToFileURL(file).toString() }));
    const delivered: string[] = [];
    await assert.rejects(
      workers.run(items, (r) => delivered.push(r.uri), 1),
      /broken indexing/,
    );
    // Only the worker's batches before the third (this thread's first) can have been delivered.
    assert.deepEqual(
      delivered,
      items.slice(0, delivered.length).map((i) => i.uri),
    );
    assert.ok(delivered.length <= 2, delivered.join(', '));
  });

  it('index with threads started beforehand (the server starts them with its process), starting none of their own', async (t) => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.xml`] = conf(`<ExportTask Identifier="T${i}" DisplayName_L1="t" Connection="C${i}" />`);
    const { paths } = tempFolder(files);
    const threads = startThreads(INDEX_WORKER_SCRIPT, 1);
    assert.equal(threads.length, 1);
    takeWorkersStarted();
    const workers = new IndexWorkers({ threads, here: indexForServer });
    t.after(() => workers.close());
    assert.equal(workers.size, 1);
    assert.equal(takeWorkersStarted(), 0, 'no thread started besides the one given');
    const results: FileResult[] = [];
    await workers.run(
      paths.map((file) => ({ file, uri: pathToFileURL(file).toString() })),
      (r) => results.push(r),
      2,
    );
    assertAsBuiltHere(results, paths);
  });

  // Were the failure lost, the run would wait for the dead thread forever: the timeout makes that a failure.
  it('reject at once when a thread started beforehand failed before it was used', { timeout: 10_000 }, async (t) => {
    const { root, paths } = tempFolder({ 'worker.js': "throw new Error('broken at start');" });
    const threads = startThreads(paths[0], 1);
    // Its error comes while nothing but the started thread listens: kept, not thrown here.
    await new Promise((resolve) => threads[0].worker.once('exit', resolve));
    assert.match(String(threads[0].failure), /broken at start/);
    const workers = new IndexWorkers({ threads, here: indexForServer });
    t.after(() => workers.close());
    const delivered: string[] = [];
    await assert.rejects(
      workers.run([{ file: path.join(root, 'a.xml'), uri: 'file:///a.xml' }], (r) => delivered.push(r.uri)),
      /broken at start/,
    );
    assert.deepEqual(delivered, []);
  });

  it('reject when a worker fails, keeping what was delivered', async (t) => {
    const { root, paths } = tempFolder({
      'a.xml': conf('<ExportTask Identifier="A" DisplayName_L1="a" />'),
      // A worker that answers the first batch, holds the second, and dies at the third, which is
      // sent only once the first answer was taken: the failure cannot overtake that answer.
      'worker.js':
        "const { parentPort } = require('node:worker_threads'); let n = 0;\n" +
        "parentPort.on('message', (m) => { n++; if (n === 3) throw new Error('broken worker'); if (n === 1) parentPort.postMessage({ batch: m.batch, results: m.files.map((f) => ({ ...f, failure: { reason: 'unreadable', message: 'x' } })) }); });",
    });
    const workers = new IndexWorkers({ workers: 1, script: paths[1], inFlight: 2 });
    t.after(() => workers.close());
    const items = ['a', 'b', 'c'].map((n) => ({ file: path.join(root, `${n}.xml`), uri: `file:///${n}.xml` }));
    const delivered: string[] = [];
    await assert.rejects(
      workers.run(items, (r) => delivered.push(r.uri), 1),
      /broken worker/,
    );
    assert.deepEqual(delivered, ['file:///a.xml']);
  });

  it('read files again in order, each as the server thread reads it, and no more than READ_AHEAD_PER_WORKER batches per worker ahead of the reader', async (t) => {
    const ahead = READ_AHEAD_PER_WORKER;
    const files: Record<string, string | Buffer> = {};
    // Zero-padded: the folder lists them in this order.
    const name = (i: number) => `f${String(i).padStart(3, '0')}.xml`;
    for (let i = 0; i < ahead + 8; i++) files[name(i)] = conf(`<ExportTask Identifier="Tâche${i}" DisplayName_L1="t" />`);
    files['g-binary.xml'] = Buffer.from([0x3c, 0x61, 0x00, 0x3e]);
    const { paths } = tempFolder(files);
    const workers = new IndexWorkers({ workers: 1 });
    t.after(() => workers.close());
    const items = paths.map((file) => ({ file, uri: pathToFileURL(file).toString() }));

    const reader = workers.readAhead(items, 1);
    // Nothing taken yet: the worker reads the first files only; the others are gone when it comes to them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const file of paths.slice(ahead, ahead + 8)) rmSync(file);
    const got = [];
    for (let i = 0; i < items.length; i++) got.push(await reader.next());
    assert.deepEqual(
      got.map((r) => r.file),
      paths,
    );
    const first = readXmlFileSync(paths[0]);
    assert.ok(first.ok);
    assert.equal(got[0].text, first.text);
    assert.ok(got[ahead - 1].text?.includes(`Tâche${ahead - 1}`));
    assert.deepEqual(
      got.slice(ahead, ahead + 8).map((r) => r.failure?.reason),
      Array(8).fill('unreadable'),
    );
    assert.equal(got[ahead + 8].failure?.reason, 'binary');
    await assert.rejects(reader.next(), /No file left/);
  });

  it('reject a read when its worker fails, after what was read before', async (t) => {
    const { root, paths } = tempFolder({
      // A worker that answers the first request with a text and dies at the second.
      'worker.js':
        "const { parentPort } = require('node:worker_threads'); let n = 0;\n" +
        "parentPort.on('message', (m) => { if (++n === 2) throw new Error('broken reader'); parentPort.postMessage({ batch: m.batch, results: m.files.map((f) => ({ ...f, text: 'read' })) }); });",
    });
    const workers = new IndexWorkers({ workers: 1, script: paths[0] });
    t.after(() => workers.close());
    const ahead = workers.readAhead(
      ['a', 'b', 'c'].map((n) => ({ file: path.join(root, `${n}.xml`), uri: `file:///${n}.xml` })),
      1,
    );
    assert.equal((await ahead.next()).text, 'read');
    await assert.rejects(ahead.next(), /broken reader/);
  });
});
