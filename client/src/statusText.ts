/** The words of the status item, from the server's index status. No vscode import. */
import type { IndexStatus } from './protocol';
import { plural } from './words';

/** "Indexing 120/1,180" while indexing, then "Usercube: 1,180 files · 4,494 jobs · 3 errors". */
export function statusText(s: IndexStatus): string {
  if (s.indexing) return `Indexing ${s.done.toLocaleString('en-US')}/${s.total.toLocaleString('en-US')}`;
  return `Usercube: ${plural(s.files, 'file')} · ${plural(s.jobs, 'job')} · ${plural(s.errors, 'error')}`;
}
