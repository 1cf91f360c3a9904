/**
 * Code actions: the quick fixes of the diagnostics in the requested range, and
 * `source.fixAll.usercube` with every safe fix of the document.
 */
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { FixContext, FixTarget, SAFE_ONLY, fixAllEdits as fixAllOf, fixesFor } from '../fixes/quickFixes';
import { FixSafety } from '../rules/rule';
import { fixesOfData } from '../fixes/fixData';
import { jobCodeActions } from './jobActions';
import { OffsetEdit } from '../fixes/textEdits';
import type { FeatureContext } from '../languageService';
import { DIAGNOSTIC_SOURCE } from '../rules/rule';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.usercube`;

function toTarget(ctx: FeatureContext, d: Diagnostic): FixTarget | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string') return undefined;
  const lines = ctx.doc.entry.lines;
  return { rule: d.code, start: lines.offsetAt(d.range.start), end: lines.offsetAt(d.range.end), fixes: fixesOfData(d.data) };
}

function toTextEdits(ctx: FeatureContext, edits: readonly OffsetEdit[]): TextEdit[] {
  const lines = ctx.doc.entry.lines;
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

function fixContext(ctx: FeatureContext): FixContext {
  return { text: ctx.doc.text, tree: ctx.doc.tree, index: ctx.index };
}

export function getCodeActions(
  ctx: FeatureContext,
  range: Range,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
  allDiagnostics: () => Diagnostic[],
): CodeAction[] {
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      const target = toTarget(ctx, d);
      if (!target) continue;
      for (const fix of fixesFor(fixContext(ctx), target)) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: { changes: { [ctx.doc.uri]: toTextEdits(ctx, fix.edits) } },
        });
      }
    }
  }
  if (wants(CodeActionKind.Refactor)) out.push(...jobCodeActions(ctx, range, (edits) => ({ changes: { [ctx.doc.uri]: toTextEdits(ctx, edits) } })));
  // Fix-all only when asked for by kind (as on save), never among the quick fixes of a range.
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(ctx, allDiagnostics());
    if (edits.length > 0) out.push({ title: 'Fix all safe Usercube problems', kind: FIX_ALL_KIND, edit: { changes: { [ctx.doc.uri]: toTextEdits(ctx, edits) } } });
  }
  return out;
}

/** The edits of fix-all: the safe fixes (on save), and the preferred suggestions when `safeties` asks for them. */
export function fixAllEdits(ctx: FeatureContext, diagnostics: readonly Diagnostic[], safeties: ReadonlySet<FixSafety> = SAFE_ONLY): OffsetEdit[] {
  const targets = diagnostics.map((d) => toTarget(ctx, d)).filter((t): t is FixTarget => t !== undefined);
  return fixAllOf(fixContext(ctx), targets, safeties);
}
