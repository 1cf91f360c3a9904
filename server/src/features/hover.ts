import type { Hover, Position } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { TASK_KIND } from '../schema/schema';
import { uriRelative } from '../util/uris';
import { catalogHover } from './catalogHover';
import { cursorContext } from './cursorContext';

/**
 * On an identifier (reference or definition): the target's element type, display name and
 * file; for a task, the jobs that run it and its parent tasks.
 */
export function doHover(ctx: FeatureContext, position: Position): Hover | null {
  const offset = ctx.doc.entry.lines.offsetAt(position);
  const cursor = cursorContext(ctx.doc.tree, offset);
  const s = cursor?.symbol;
  // Not an identifier: the catalog's documentation of the element or attribute.
  if (!s || !s.id || !cursor.attribute) return catalogHover(ctx, offset, cursor);
  const range = ctx.doc.entry.lines.range(cursor.attribute.valueStart, cursor.attribute.valueEnd);
  const defs = ctx.index.definitions(s.kind, s.id);
  if (defs.length === 0) {
    const what = s.kind === TASK_KIND ? 'task' : s.kind;
    return { range, contents: { kind: MarkupKind.Markdown, value: `No ${what} \`${s.id}\` is defined in the workspace.` } };
  }
  const parts: string[] = [];
  for (const d of defs.slice(0, 3)) {
    const lines = [`**${d.element}** \`${d.id}\`${d.displayName ? ` — ${d.displayName}` : ''}`, '', `Defined in \`${uriRelative(d.uri, ctx.roots)}\``];
    if (d.kind === TASK_KIND) {
      const jobs = new Set(ctx.index.jobsOfTask(d.id).map((j) => j.id));
      if (jobs.size > 0) lines.push('', `Job: ${[...jobs].sort().map((j) => `\`${j}\``).join(', ')}`);
      if (d.task?.parents.length) lines.push('', `Depends on: ${d.task.parents.map((p) => `\`${p}\``).join(', ')}`);
    }
    parts.push(lines.join('\n'));
  }
  if (defs.length > 3) parts.push(`…and ${defs.length - 3} more definitions`);
  return { range, contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}
