/**
 * Rename of an identifier (from its definition or from any reference to it): one workspace
 * edit that rewrites every definition and every reference of that kind and id, in every
 * file. Files that are not open are edited through the same edit, at the exact offsets the
 * index keeps for them; the server never writes to disk. A new name that is not a valid
 * identifier, or that another element of the same kind already has, is refused.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { FeatureContext } from '../languageService';
import { TASK_KIND, elementByKey, reservedWords } from '../schema/schema';
import { uriRelative } from '../util/uris';
import { symbolAt } from './locations';

export type RenameResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The kinds whose identifiers can be renamed, with the words messages use for them. */
const RENAMEABLE: ReadonlyMap<string, string> = new Map([
  [TASK_KIND, 'task'],
  ['Job', 'job'],
  ['Connector', 'connector'],
  ['Connection', 'connection'],
  ['EntityType', 'entity type'],
  ['ResourceType', 'resource type'],
  ['Agent', 'agent'],
  ['OpenIdClient', 'OpenIdClient'],
]);

const RESERVED_WORDS = new Set(reservedWords().map((w) => w.toLowerCase()));

/** Characters no identifier may hold: they would break the attribute or the XML around it. */
const FORBIDDEN = /[\s"'<>&]/;

interface Target {
  kind: string;
  id: string;
  what: string;
  start: number;
  end: number;
}

function refuse<T>(message: string): RenameResult<T> {
  return { ok: false, message };
}

function targetAt(ctx: FeatureContext, position: Position): RenameResult<Target> {
  const s = symbolAt(ctx, position);
  const kinds = [...RENAMEABLE.values()].join(', ');
  if (!s) return refuse(`Only the identifier of a ${kinds} can be renamed.`);
  const what = RENAMEABLE.get(s.kind);
  if (!what) return refuse(`${s.kind} identifiers cannot be renamed; only those of a ${kinds}.`);
  // The identifier's own characters: the index keeps them for definitions and references.
  const offset = ctx.doc.entry.lines.offsetAt(position);
  const entry = ctx.doc.entry;
  const def = entry.definitions.find((d) => d.kind === s.kind && d.idStart <= offset && offset <= d.idEnd);
  if (def) return { ok: true, value: { kind: s.kind, id: def.id, what, start: def.idStart, end: def.idEnd } };
  const ref = entry.references.find((r) => r.kind === s.kind && r.start <= offset && offset <= r.end);
  if (ref) return { ok: true, value: { kind: s.kind, id: ref.id, what, start: ref.start, end: ref.end } };
  return refuse(`'${s.id}' is not an identifier the index knows.`);
}

export function prepareRename(ctx: FeatureContext, position: Position): RenameResult<{ range: Range; placeholder: string }> {
  const t = targetAt(ctx, position);
  if (!t.ok) return t;
  return { ok: true, value: { range: ctx.doc.entry.lines.range(t.value.start, t.value.end), placeholder: t.value.id } };
}

/** Why `name` cannot be the identifier of an element of `kind`, if it cannot. */
export function invalidIdentifier(kind: string, name: string): string | undefined {
  if (name.length === 0) return 'The new name is empty.';
  if (FORBIDDEN.test(name)) return `'${name}' is not a valid identifier: no spaces, quotes, '<', '>' or '&'.`;
  const id = elementByKey(kind)?.attributes.Identifier;
  if (id?.pattern && !new RegExp(id.pattern).test(name)) {
    const rule = id.description?.split(';')[0];
    return `'${name}' is not a valid ${kind} identifier${rule ? `: ${rule}` : ''} (${id.pattern}).`;
  }
  if ((id as { reservedWords?: boolean } | undefined)?.reservedWords && RESERVED_WORDS.has(name.toLowerCase())) {
    return `'${name}' is a reserved word: not allowed as the identifier of an ${kind}.`;
  }
  return undefined;
}

export function doRename(ctx: FeatureContext, position: Position, newName: string): RenameResult<WorkspaceEdit> {
  const t = targetAt(ctx, position);
  if (!t.ok) return t;
  const { kind, id, what } = t.value;
  const invalid = invalidIdentifier(kind, newName);
  if (invalid) return refuse(invalid);
  const { index } = ctx;
  if (WorkspaceIndex.keyOf(kind, newName) !== WorkspaceIndex.keyOf(kind, id)) {
    const clash = index.definitions(kind, newName)[0];
    if (clash) {
      const where = `${clash.element} in ${uriRelative(clash.uri, ctx.roots)}`;
      return refuse(`${what[0].toUpperCase()}${what.slice(1)} '${clash.id}' already exists (${where}): choose another name.`);
    }
  }

  // Per file, one edit per span (keyed by its start offset).
  const spans = new Map<string, Map<number, number>>();
  const add = (uri: string, start: number, end: number) => {
    let byStart = spans.get(uri);
    if (!byStart) spans.set(uri, (byStart = new Map()));
    byStart.set(start, end);
  };
  for (const d of index.definitions(kind, id)) add(d.uri, d.idStart, d.idEnd);
  for (const r of index.references(kind, id)) add(r.uri, r.start, r.end);

  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, byStart] of spans) {
    const lines = index.file(uri)?.lines;
    if (!lines) continue;
    const starts = [...byStart.keys()].sort((a, b) => a - b);
    changes[uri] = starts.map((start) => ({ range: lines.range(start, byStart.get(start)!), newText: newName }));
  }
  return { ok: true, value: { changes } };
}
