/**
 * The floor the cold index is compared with: finding every XML file, reading it and decoding
 * it to a string, measured in the bench process, the same way the server does it (its own
 * listing, reading and decoding functions, 16 reads in flight) and with plain synchronous
 * reads; the faster of the two is the floor.
 */
import { performance } from 'node:perf_hooks';
import { forEachLimited, listXmlFiles, readXmlFile, readXmlFileSync } from '../../server/src/node/workspaceFiles';

export interface FloorSample {
  asyncMs: number;
  syncMs: number;
  /** CPU time of the bench process (all its threads) for each way. */
  asyncCpuMs: number;
  syncCpuMs: number;
  files: number;
  chars: number;
}

export async function measureFloor(root: string): Promise<FloorSample> {
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(from);
    return (c.user + c.system) / 1000;
  };
  let cpu = process.cpuUsage();
  let t = performance.now();
  let chars = 0;
  const files = await listXmlFiles(root);
  await forEachLimited(files, 16, async (f) => {
    const r = await readXmlFile(f);
    if (r.ok) chars += r.text.length;
  });
  const asyncMs = performance.now() - t;
  const asyncCpuMs = cpuMs(cpu);

  cpu = process.cpuUsage();
  t = performance.now();
  let syncChars = 0;
  for (const f of await listXmlFiles(root)) {
    const read = readXmlFileSync(f);
    if (read.ok) syncChars += read.text.length;
  }
  const syncMs = performance.now() - t;
  const syncCpuMs = cpuMs(cpu);
  if (syncChars !== chars) throw new Error(`floor: the two reads disagree (${chars} vs ${syncChars} characters)`);
  return { asyncMs, syncMs, asyncCpuMs, syncCpuMs, files: files.length, chars };
}
