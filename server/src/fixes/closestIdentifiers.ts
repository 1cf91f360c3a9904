/** Identifiers of a kind closest to a misspelt one, by edit distance (case-insensitive). */
import { WorkspaceIndex } from '../index/workspaceIndex';

export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** No identifier is this long by mistake: past it, suggestions would cost seconds (length × length) for nothing. */
const MAX_COMPARED_LENGTH = 200;

export function closestIdentifiers(index: WorkspaceIndex, kind: string, id: string, count: number): string[] {
  if (id.length > MAX_COMPARED_LENGTH) return [];
  const limit = Math.max(2, Math.floor(id.length / 3));
  const target = id.toLowerCase();
  const scored: [number, string][] = [];
  index.forEachIdentifier(kind, (defs) => {
    const candidate = defs[0].id;
    const d = editDistance(target, candidate.toLowerCase(), limit);
    if (d <= limit && candidate !== id) scored.push([d, candidate]);
  });
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    .slice(0, count)
    .map(([, c]) => c);
}
