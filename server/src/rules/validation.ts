/**
 * Runs every rule over one file, with the severities configured for it and the file's own
 * suppression comments; one finding per rule and place.
 */
import { RULES } from './registry';
import { Finding, Severity, SeveritySetting } from './rule';
import { RuleContext } from './ruleContext';
import { readSuppressions } from './suppressions';

/** Severity overrides by rule id (`.usercube-jobs.json`, the `usercubeJobs.rules` setting, `--rule`). */
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export interface RuleFinding extends Finding {
  rule: string;
  severity: Severity;
}

export function runRules(ctx: RuleContext, settings: RuleSettings = {}): RuleFinding[] {
  const out: RuleFinding[] = [];
  const seen = new Set<string>();
  const suppressions = readSuppressions(ctx.text, () => ctx.elements());
  for (const rule of RULES) {
    const setting = settings[rule.id] ?? rule.severity;
    if (setting === 'off') continue;
    rule.check(ctx, (f) => {
      const key = `${rule.id}@${f.start}:${f.end}`;
      if (seen.has(key) || suppressions.isSuppressed(rule.id, f.start)) return;
      seen.add(key);
      out.push({ ...f, rule: rule.id, severity: setting });
    });
  }
  return out;
}
