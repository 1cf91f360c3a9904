/**
 * `npm run bench:stress`: the inputs that used to take minutes or crash (docs/reliability.md),
 * timed on this machine. The language service is called directly; the last figure is the
 * built server over stdio. A measurement, not a test: the tests assert the answers and
 * generous bounds (test/unit/largeInputs.test.ts, dependencyCycles.test.ts, …).
 */
import { fixText } from '../server/src/cli/fixer';
import { LanguageService } from '../server/src/languageService';
import { cursor } from '../test/helpers/cursor';
import { LspClient, TempWorkspace } from '../test/helpers/lspClient';
import { cycleConf, duplicatesConf, findingsConf, fixesConf, nestedConf, timed } from '../test/helpers/stressInputs';
import { machineFacts } from './measure/machine';

const URI = 'file:///stress/Conf/File.xml';

function service(): LanguageService {
  const s = new LanguageService();
  s.setWorkspaceRoots(['file:///stress']);
  return s;
}

function validateFromDisk(label: string, text: string): void {
  const s = service();
  const [found, ms] = timed(() => {
    s.setFileText(URI, text);
    return s.validate(URI);
  });
  console.log(`${label}: ${ms} ms to index and check (${found.length} diagnostics, ${(text.length / 1048576).toFixed(1)} MB)`);
}

async function publishTimes(): Promise<void> {
  const ws = TempWorkspace.fromFiles({ 'Conf/Agents.xml': findingsConf(1) });
  const client = LspClient.spawn();
  try {
    await client.initialize({ folders: [ws.root] });
    await client.waitForIndexing(1);
    const uri = ws.uri('Conf/Agents.xml');
    const text = findingsConf(100_000);
    let started = performance.now();
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (_d, p) => p.version === 1, 600_000);
    console.log(
      `100,000 findings (${(text.length / 1048576).toFixed(1)} MB), server: ${Math.round(performance.now() - started)} ms from didOpen to publishDiagnostics (${published.length} sent)`,
    );
    const edits: number[] = [];
    for (let v = 2; v <= 6; v++) {
      started = performance.now();
      await client.change(uri, v, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } }, text: ' ' }]);
      await client.waitForDiagnostics(uri, (_d, p) => p.version === v, 600_000);
      edits.push(Math.round(performance.now() - started));
    }
    console.log(`100,000 findings, server: ${edits.join(', ')} ms per edit (didChange to publishDiagnostics)`);
  } finally {
    await client.stop();
    ws.dispose();
  }
}

async function main(): Promise<void> {
  const m = machineFacts();
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage.join(' ')}`);
  for (const n of [1_000, 5_000, 20_000]) validateFromDisk(`Dependency cycle of ${n.toLocaleString('en')} tasks`, cycleConf(n));
  validateFromDisk('32,000 duplicates of one identifier', duplicatesConf(32_000));

  const [fixed, fixMs] = timed(() => fixText(service(), URI, fixesConf(8_000)));
  console.log(`8,000 fixes (--fix on one file): ${fixMs} ms (${fixed.fixes} applied)`);

  const deep = cursor(nestedConf(100_000));
  const s = service();
  const [, openMs] = timed(() => s.openDocument(URI, deep.text, 1));
  const [items, completionMs] = timed(() => s.doComplete(URI, deep.position)?.items.length);
  const [, hoverMs] = timed(() => s.doHover(URI, deep.position));
  const [locations, definitionMs] = timed(() => s.findDefinition(URI, deep.position).length);
  console.log(
    `Nesting 100,000 deep: open ${openMs} ms; completion ${completionMs} ms (${items} items), hover ${hoverMs} ms, definition ${definitionMs} ms (${locations} location)`,
  );
  await publishTimes();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
