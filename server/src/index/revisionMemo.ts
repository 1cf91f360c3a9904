/**
 * Values derived from the whole index, computed once per index revision (any change of any
 * entry moves it): what every file's check would otherwise compute again (the view of a job
 * that reaches many files, the resource types of the configuration) is computed once for the
 * whole command-line run, and again after each keystroke in the editor.
 */

/** Anything that says when it last changed. */
export interface Revisioned {
  readonly revision: number;
}

interface Table<K, V> {
  revision: number;
  values: Map<K, V>;
}

/**
 * `compute(index, key)`, kept per index and key until the index's revision moves, or the
 * narrower revision `revisionOf` gives (one that moves only with the facts `compute` reads).
 */
export function revisionMemo<I extends Revisioned, K, V>(compute: (index: I, key: K) => V, revisionOf: (index: I) => number = (index) => index.revision): (index: I, key: K) => V {
  const tables = new WeakMap<I, Table<K, V>>();
  return (index, key) => {
    let table = tables.get(index);
    const revision = revisionOf(index);
    if (!table || table.revision !== revision) tables.set(index, (table = { revision, values: new Map() }));
    let value = table.values.get(key);
    if (value === undefined && !table.values.has(key)) table.values.set(key, (value = compute(index, key)));
    return value as V;
  };
}
