/**
 * A rule: a stable id (REFERENCE.md §7), a default severity, an explanation with its source,
 * and a check over one file. Checks report offsets in that file; the service turns them into
 * LSP diagnostics and quick fixes key on the same ids (see server/src/fixes/).
 */
import type { RuleContext } from './ruleContext';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Facts for quick fixes (never parsed back from the message). */
  data?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** One paragraph: what is wrong and why. */
  explanation: string;
  /** Where the rule comes from: a seed section or a documentation page. */
  source: string;
  check(ctx: RuleContext, report: (f: Finding) => void): void;
}

/** `sync-complete/order` → `sync-complete-order`: the anchor of a rule in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}
