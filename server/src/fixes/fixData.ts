/**
 * The quick fixes there are, each with the facts its edits need. A finding lists the fixes it
 * offers (`Finding.fixes`, among those its rule declares); they travel to the editor in the
 * diagnostic's `data` and come back with a code action request, so they are read back checked.
 */

export type FixData =
  | { fix: 'set-attribute'; attribute: string; value: string }
  | { fix: 'remove-attribute'; attribute: string }
  | { fix: 'rename-attribute'; to: string }
  /** SynchronizationMode="Complete". */
  | { fix: 'set-mode' }
  /** The Type of the prepare task; 'None' removes it. */
  | { fix: 'set-type'; type: string }
  /** One fix per candidate parent, the first preferred. */
  | { fix: 'add-dependency'; candidates: string[] }
  /** The closest identifiers of `kind` to `id`. */
  | { fix: 'change-identifier'; kind: string; id: string }
  /** A task named `id`, before the task that depends on it. */
  | { fix: 'create-task'; id: string }
  | { fix: 'rename-element'; name: string };

export type FixKind = FixData['fix'];

type FixDataByKind = { [D in FixData as D['fix']]: D };

/** The data of fixes of kind K. */
export type FixDataOf<K extends FixKind> = FixDataByKind[K];

/** What Diagnostic.data carries. */
export interface DiagnosticData {
  fixes?: FixData[];
}

/** The type of each field of each fix kind: the compiler checks this table against FixData. */
const FIELDS: { [K in FixKind]: { [F in Exclude<keyof FixDataOf<K>, 'fix'>]: 'string' | 'strings' } } = {
  'set-attribute': { attribute: 'string', value: 'string' },
  'remove-attribute': { attribute: 'string' },
  'rename-attribute': { to: 'string' },
  'set-mode': {},
  'set-type': { type: 'string' },
  'add-dependency': { candidates: 'strings' },
  'change-identifier': { kind: 'string', id: 'string' },
  'create-task': { id: 'string' },
  'rename-element': { name: 'string' },
};

function isFixData(x: unknown): x is FixData {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  if (typeof o.fix !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, o.fix)) return false;
  const fields: Record<string, 'string' | 'strings'> = FIELDS[o.fix as FixKind];
  return Object.entries(fields).every(([name, type]) =>
    type === 'string' ? typeof o[name] === 'string' : Array.isArray(o[name]) && (o[name] as unknown[]).every((s) => typeof s === 'string'),
  );
}

/** The fixes a diagnostic's data offers, as the editor sent it back; what is not a fix is left out. */
export function fixesOfData(data: unknown): FixData[] {
  const fixes = typeof data === 'object' && data !== null ? (data as { fixes?: unknown }).fixes : undefined;
  return Array.isArray(fixes) ? fixes.filter(isFixData) : [];
}
