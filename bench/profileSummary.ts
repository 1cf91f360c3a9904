/**
 * Summarizes a V8 .cpuprofile (from `npm run bench -- --profile`): the functions with the
 * most self time and the most inclusive time, with their source place (mapped back to the
 * TypeScript sources through the bundle's source map; open the profile in Chrome DevTools for
 * the full tree).
 *   node out/bench/profileSummary.js bench/.data/profiles/100mb-bench/<file>.cpuprofile [top]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarizeProfile(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i], (selfUs.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0));

  const maps = new Map<string, SourceMap | undefined>();
  const place = (f: ProfileNode['callFrame']): string => {
    if (!f.url) return '';
    if (!maps.has(f.url)) {
      let map: SourceMap | undefined;
      try {
        const mapFile = `${f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url}.map`;
        if (existsSync(mapFile)) map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
      } catch {
        map = undefined;
      }
      maps.set(f.url, map);
    }
    // An empty object where the map has no entry.
    const found = maps.get(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    const entry = found && 'originalSource' in found ? found : undefined;
    if (entry?.originalSource) return `${entry.originalSource.replace(/^.*?(server\/src|node_modules)\//, '$1/')}:${(entry.originalLine ?? 0) + 1}`;
    return `${path.basename(f.url)}:${f.lineNumber + 1}`;
  };
  const labels = new Map<number, string>();
  const label = (n: ProfileNode): string => {
    let l = labels.get(n.id);
    if (l === undefined) labels.set(n.id, (l = `${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame)}`));
    return l;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    self.set(label(byId.get(id)!), (self.get(label(byId.get(id)!)) ?? 0) + us);
    // Each function once per stack, so recursion is not counted twice.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  const total = (p.endTime - p.startTime) / 1000;
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((us / 1000 / total) * 100).toFixed(1).padStart(5)}%  ${l}`)
      .join('\n');
  return `${path.basename(file)}: ${total.toFixed(0)} ms profiled\nSelf time:\n${fmt(self)}\nInclusive time:\n${fmt(inclusive)}`;
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node out/bench/profileSummary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(summarizeProfile(file, top ? Number(top) : 25));
}
