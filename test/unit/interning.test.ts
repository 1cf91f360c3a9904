/**
 * The strings the index keeps are shared through one table (index/interning.ts), which must not
 * keep the values of files that were replaced: a server re-reads changed files all day.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { internedCount } from '../../server/src/index/interning';
import { conf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage until the table stops shrinking (finalizers run after the collection, on a later turn). */
async function settled(): Promise<number> {
  let last = Infinity;
  for (let round = 0; round < 20; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    const now = internedCount();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** A file of 20 tasks whose identifiers carry `version`. */
function tasks(file: number, version: string): string {
  const ids = Array.from({ length: 20 }, (_, i) => `Task_${version}_${file}_${i}`);
  return conf(ids.map((id) => `<UpdateEntityPropertyExpressionsTask Identifier="${id}" DisplayName_L1="${id} display name" />`).join('\n'));
}

describe('the string table of the index', () => {
  it('keeps the values of the files read, and lets go of those of the files replaced', async () => {
    const files = Array.from({ length: 10 }, (_, i) => `f${i}.xml`);
    const service = workspace(Object.fromEntries(files.map((f, i) => [f, tasks(i, 'first')])));
    const first = await settled();
    // 10 files × 20 identifiers and display names of their own.
    assert.ok(first >= 400, `${first} values after reading the files`);
    for (let version = 0; version < 3; version++) {
      files.forEach((f, i) => service.setFileText(uriOf(f), tasks(i, `v${version}`)));
      // Every value of the previous version is gone: the table holds what the index holds now.
      assert.equal(await settled(), first, `values after version ${version}`);
    }
    assert.equal(service.index.definitions('Task', 'Task_v2_3_7')[0]?.displayName, 'Task_v2_3_7 display name');
  });
});
