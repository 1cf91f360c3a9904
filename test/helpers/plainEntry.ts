/** An entry as plain objects, whatever the codec left packed, to compare an unpacked entry with one built here. */
import { Definition, FileEntry } from '../../server/src/index/fileEntry';

export function plainEntry(e: FileEntry): FileEntry {
  // Spreading reads every accessor: packed references, tasks and jobs are made here.
  return { ...e, definitions: e.definitions.map(plainDefinition) };
}

function plainDefinition(d: Definition): Definition {
  const task = d.task;
  return task ? { ...d, task } : { ...d };
}
