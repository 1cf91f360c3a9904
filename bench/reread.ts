/**
 * `npm run bench:reread`: the memory the index keeps when the same configuration is read again
 * and again, as a server does while files change all day. Each round reads every file of the
 * bench's generated configuration and files it into one language service (the path of a file
 * read in the server's own thread, whose strings go through the shared string table), then
 * collects garbage and prints the heap, the resident memory and the values the string table
 * holds. Then the same rounds again with every identifier changed in each (as after edits): a
 * table bounded by the entries alive ends each round where the first did, one that kept every
 * string read would grow by a round's worth each time.
 *
 *   npm run bench:reread                 # the 100 MB configuration, three rounds
 *   npm run bench:reread -- --size 10 --rounds 5
 */
import { pathToFileURL } from 'node:url';
import { internedCount } from '../server/src/index/interning';
import { LanguageService } from '../server/src/languageService';
import { listXmlFiles, readXmlFileSync } from '../server/src/node/workspaceFiles';
import { ensureWorkspace } from './generator/workspace';
import { machineFacts } from './measure/machine';
import { positiveOption } from './argv';
import { DATA_DIR } from './paths';

const MB = 1024 * 1024;

/** Collects until the finalizers that release table values have run (they run after a collection, in a later task). */
async function settle(collect: () => void): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function main(): Promise<void> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench:reread does)');
  const size = positiveOption('size', 100);
  const rounds = positiveOption('rounds', 3);
  const m = machineFacts();
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; load average ${m.loadAverage.join(' ')}`);
  const { root, manifest } = ensureWorkspace(DATA_DIR, size, 42, (s) => console.log(s));
  const files = await listXmlFiles(root);
  console.log(`Configuration: ${files.length} files, ${(manifest.totalBytes / MB).toFixed(1)} MB (${root})`);

  const service = new LanguageService();
  service.setWorkspaceRoots([pathToFileURL(root).href]);
  await settle(collect);
  const report = (label: string, ms?: number) => {
    const heap = process.memoryUsage().heapUsed / MB;
    const rss = process.memoryUsage().rss / MB;
    const time = ms === undefined ? '' : `, ${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${label.padEnd(10)} heap ${heap.toFixed(0).padStart(5)} MB, RSS ${rss.toFixed(0).padStart(5)} MB, string table ${internedCount().toLocaleString('en').padStart(9)} values${time}`,
    );
  };
  report('before');
  const round = (edit: (text: string) => string) => {
    const started = performance.now();
    for (const file of files) {
      const read = readXmlFileSync(file);
      if (read.ok) service.setFileText(pathToFileURL(file).href, edit(read.text), read.encoding);
    }
    return performance.now() - started;
  };
  for (let i = 1; i <= rounds; i++) {
    const ms = round((text) => text);
    await settle(collect);
    report(`same ${i}`, ms);
  }
  for (let i = 1; i <= rounds; i++) {
    const ms = round((text) => text.replace(/(Identifier|ParentTask)="([^"]*)"/g, `$1="$2_${i}"`));
    await settle(collect);
    report(`renamed ${i}`, ms);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
