/**
 * Runs every rule over one file, with the severities configured for it and the file's own
 * suppression comments; one finding per rule and place.
 */
import { RULES } from './registry';
import { ElementRule, Finding, IndexRule, IndexRuleContext, Rule, Severity, SeveritySetting, TreeRule } from './rule';
import { elementFindings } from './elementFindings';
import { ElementSchemas, RuleContext } from './ruleContext';
import { readSuppressions } from './suppressions';
import { generatedTaskSpans } from './generatedTasks';
import { ROOT_RULES } from './structureRules';

/** Severity overrides by rule id (`.usercube-jobs.json`, the `usercubeJobs.rules` setting, `--rule`). */
export type RuleSettings = Readonly<Record<string, SeveritySetting>>;

export interface RuleFinding extends Finding {
  rule: string;
  severity: Severity;
}

/** Rules checked element by element, their findings kept per element (elementFindings.ts). */
const ELEMENT_RULES = RULES.filter((r): r is ElementRule => r.checkElement !== undefined);
const TREE_RULES = RULES.filter((r): r is TreeRule => r.checkTree !== undefined);
/** Rules that read the file alone, its start tags or its elements (rules/localCheck.ts). */
const LOCAL_RULES: readonly Rule[] = [...ELEMENT_RULES, ...TREE_RULES];
/** Rules over index facts only, whose findings the caller may keep between keystrokes. */
const INDEX_RULES = RULES.filter((r): r is IndexRule => r.checkIndex !== undefined);
const ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const SKIPS_GENERATED = new Set(RULES.filter((r) => r.skipsGenerated).map((r) => r.id));

/** A finding of an index rule (its index in INDEX_RULES), whatever the rule's severity setting. */
export interface IndexFinding extends Finding {
  rule: number;
}

export interface RuleRun {
  /** In document order; at one offset, in the registry's order. */
  findings: RuleFinding[];
  /** What the index rules found, to give back to runRules while their facts and `indexRulesOn` are unchanged. */
  indexFindings: IndexFinding[];
  /** Which index rules ran (the others are off): kept findings hold only for the same ones. */
  indexRulesOn: string;
}

/** Every rule at its own severity: one object, so that what a check derives from it is derived once. */
export const NO_OVERRIDES: RuleSettings = Object.freeze({});

/** The severity of `rule` under these settings. */
function severityOf(settings: RuleSettings, rule: Rule): SeveritySetting {
  return settings[rule.id] ?? rule.severity;
}

/** What runRules derives from a settings object, once per object (files of one folder share theirs). */
interface SettingsView {
  local: readonly SeveritySetting[];
  localOn: boolean;
  indexOn: string;
}

const settingsViews = new WeakMap<RuleSettings, SettingsView>();

function settingsView(settings: RuleSettings): SettingsView {
  let view = settingsViews.get(settings);
  if (!view) {
    const local = LOCAL_RULES.map((rule) => severityOf(settings, rule));
    view = { local, localOn: local.some((s) => s !== 'off'), indexOn: indexRulesOn(settings) };
    settingsViews.set(settings, view);
  }
  return view;
}

/** One character per index rule: 1 when it runs under these settings, 0 when it is off. */
export function indexRulesOn(settings: RuleSettings): string {
  let on = '';
  for (const rule of INDEX_RULES) on += severityOf(settings, rule) === 'off' ? '0' : '1';
  return on;
}

/** What index rules see of the file: its entry's facts and the index's, never its text. */
function indexRuleContext(ctx: RuleContext): IndexRuleContext {
  const { entry, index } = ctx;
  return {
    entry,
    index,
    jobs: () => ctx.jobs(),
    lineOf: (d) => index.file(d.uri)?.lines.positionAt(d.generatedBy ? d.start : d.idStart).line,
  };
}

/** Every index rule that is on (`on`: see indexRulesOn) over the file. */
function indexFindingsOf(ctx: RuleContext, on: string): IndexFinding[] {
  const out: IndexFinding[] = [];
  const view = indexRuleContext(ctx);
  INDEX_RULES.forEach((rule, i) => {
    if (on[i] === '1') rule.checkIndex(view, (f) => out.push({ ...f, rule: i }));
  });
  return out;
}

/** A finding of a rule that reads the file alone (its index in LOCAL_RULES), at offsets in the file. */
export interface LocalFinding extends Finding {
  rule: number;
}

/**
 * What every element and tree rule finds in the file, whatever its severity setting: they read
 * its elements, never the index, and the command line's index workers find it while they hold
 * the text (rules/localCheck.ts). `keep`: the tree outlives this check (see elementFindings).
 */
export function localFindings({ elements, schemas, parentSchemas }: ElementSchemas, keep: boolean): LocalFinding[] {
  const out: LocalFinding[] = [];
  for (let i = 0; i < elements.length; i++) {
    const at = elements[i].start;
    // Kept findings count from their element's start; an element rule's index is its LOCAL_RULES index.
    for (const f of elementFindings(elements[i], schemas[i], parentSchemas[i], ELEMENT_RULES, keep)) out.push({ ...f, start: at + f.start, end: at + f.end });
  }
  TREE_RULES.forEach((rule, i) => rule.checkTree(elements, (f) => out.push({ ...f, rule: ELEMENT_RULES.length + i })));
  return out;
}

/**
 * `kept`: what the index rules found at an earlier run, given back while the index generation
 * holds; used only when the same index rules are on.
 */
export function runRules(ctx: RuleContext, settings: RuleSettings = NO_OVERRIDES, kept?: { findings: readonly IndexFinding[]; indexRulesOn: string }): RuleRun {
  const out: RuleFinding[] = [];
  const seen = new Set<string>();
  const suppressions = readSuppressions(ctx.text, () => ctx.elements());
  const severity = (rule: Rule): SeveritySetting => severityOf(settings, rule);
  const add = (rule: Rule, setting: Severity, f: Finding) => {
    const key = `${rule.id}@${f.start}:${f.end}`;
    if (seen.has(key) || suppressions.isSuppressed(rule.id, f.start)) return;
    seen.add(key);
    out.push({ ...f, rule: rule.id, severity: setting });
  };
  const { local: localSettings, localOn, indexOn: on } = settingsView(settings);
  if (localOn) {
    // `add` writes the rule's id over the finding's index.
    for (const f of ctx.localFindings ?? localFindings(ctx.elementSchemas(), ctx.treeOutlivesCheck)) {
      const setting = localSettings[f.rule];
      if (setting !== 'off') add(LOCAL_RULES[f.rule], setting, f);
    }
  }
  const indexFindings = kept && kept.indexRulesOn === on ? [...kept.findings] : indexFindingsOf(ctx, on);
  for (const { rule: i, ...f } of indexFindings) {
    const setting = severity(INDEX_RULES[i]);
    if (setting !== 'off') add(INDEX_RULES[i], setting, f);
  }
  for (const rule of RULES) {
    const setting = severity(rule);
    if (setting !== 'off' && rule.check) rule.check(ctx, (f) => add(rule, setting, f));
  }
  out.sort((a, b) => a.start - b.start || ORDER.get(a.rule)! - ORDER.get(b.rule)!);
  return { findings: withoutGenerated(ctx, out), indexFindings, indexRulesOn: on };
}

/** Drops the findings of rules that skip generated tasks, where they lie in such a task. */
function withoutGenerated(ctx: RuleContext, findings: RuleFinding[]): RuleFinding[] {
  if (!findings.some((f) => SKIPS_GENERATED.has(f.rule))) return findings;
  const spans = generatedTaskSpans(ctx);
  if (spans.length === 0) return findings;
  return findings.filter((f) => !SKIPS_GENERATED.has(f.rule) || !spans.some((t) => t.start <= f.start && f.end <= t.end));
}

/**
 * The checks of a file that is not read as configuration (status `other-xml`): only whether
 * it should have been (file/root, file/namespace); its content is not checked.
 */
export function runRootRules(ctx: RuleContext, settings: RuleSettings = NO_OVERRIDES): RuleFinding[] {
  const out: RuleFinding[] = [];
  const suppressions = readSuppressions(ctx.text, () => ctx.elements());
  for (const rule of ROOT_RULES) {
    const setting = severityOf(settings, rule);
    if (setting === 'off' || !rule.check) continue;
    rule.check(ctx, (f) => {
      if (!suppressions.isSuppressed(rule.id, f.start)) out.push({ ...f, rule: rule.id, severity: setting });
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
