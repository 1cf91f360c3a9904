/**
 * A rule: a stable id, a default severity, an explanation with its source (documentation pages by name),
 * the quick fixes its findings may offer, and a check over one file, of one of four kinds (what
 * it may read decides how long its findings are kept: see docs/architecture.md, "Adding a rule").
 * Checks report offsets in that file; the service turns them into LSP diagnostics.
 */
import type { DefinitionFacts, EntryFacts, IndexView, JobFacts } from '../index/indexFacts';
import type { XmlAttribute } from '../model/xmlScanner';
import type { XmlElement } from '../model/xmlTree';
import type { ElementSchema } from '../schema/schema';
import type { FixDataOf, FixKind } from '../fixes/fixData';
import type { RuleContext } from './ruleContext';

export type { FixKind } from '../fixes/fixData';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

const SEVERITY_SETTINGS: ReadonlySet<unknown> = new Set<SeveritySetting>(['off', 'info', 'warning', 'error']);

/** What a settings file, the editor setting or `--rule` may give a rule. */
export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return SEVERITY_SETTINGS.has(value);
}

/** A problem at offsets of the checked file; `K`: the fixes its rule declares. */
export interface Finding<K extends FixKind = FixKind> {
  start: number;
  end: number;
  message: string;
  /** The quick fixes it offers, with the facts their edits need (never parsed back from the message). */
  fixes?: readonly FixDataOf<K>[];
}

export type Report<K extends FixKind = FixKind> = (f: Finding<K>) => void;

/**
 * `safe`: the run stays the same (a spelling the product reads either way, or reads only once
 * fixed as it was meant): applied by fix-all on save and by `--fix`. `suggestion`: it changes
 * what a job does (a dependency, `ContinueOnError`, a mode…): offered as a quick fix, applied
 * on the command line only with `--fix-type suggestion`.
 */
export type FixSafety = 'safe' | 'suggestion';

/** Set by fileRule, elementRule and indexRule only: the compiler accepts no rule declared another way. */
const DECLARED: unique symbol = Symbol('declared by fileRule, elementRule or indexRule');

interface RuleInfo {
  readonly [DECLARED]: true;
  id: string;
  severity: Severity;
  /** One paragraph: what is wrong and why. */
  explanation: string;
  /** Where the rule comes from: the documentation pages, by name. */
  source: string;
  /**
   * Not reported on the tasks the product generates (see generatedTasks.ts): the rule says what
   * a hand-written task must give, and the product fills that in for its own.
   */
  skipsGenerated?: boolean;
  /** The quick fixes its findings may offer, each safe or a suggestion (docs/rules.md shows them). */
  fixes?: Readonly<Partial<Record<FixKind, FixSafety>>>;
}

/**
 * What an element rule sees of an element: its start tag, and its parent's. Findings are kept
 * per element between keystrokes (elementFindings.ts) and found again when the element's start
 * tag or its parent's changes, so the children, the end tag and the rest of the file are out
 * of reach.
 */
export interface StartTagView {
  readonly name: string;
  readonly start: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** False while the start tag is being typed (no `>` yet). */
  readonly startTagComplete: boolean;
  readonly attributes: XmlAttribute[];
  /** Undefined for the root. */
  readonly parent: ParentTagView | undefined;
}

export interface ParentTagView {
  readonly name: string;
  readonly attributes: XmlAttribute[];
  /** Its catalog entry (undefined for the root, and for an element the catalog does not know). */
  readonly schema: ElementSchema | undefined;
}

/** A job an index rule sees: its facts and the identifiers of the tasks it runs (inline, by Steps, generated). */
export interface JobMembership {
  readonly job: JobFacts;
  readonly ids: ReadonlySet<string>;
}

/**
 * What an index rule sees: the facts of the file's entry and of the index that the editor
 * compares before keeping its findings (index/indexFacts.ts). No text, no element tree, no
 * attribute values but the job plan's.
 */
export interface IndexRuleContext {
  readonly entry: EntryFacts;
  readonly index: IndexView;
  /** Jobs that run a task of this file, wherever the job is written (Steps reach across files). */
  jobs(): readonly JobMembership[];
  /** The line (from 0) a definition is shown at: its Identifier's, or its scaffolding's for a generated one. */
  readonly lineOf: (d: DefinitionFacts) => number | undefined;
}

/**
 * A rule that looks at the whole file (its entry, the index, the element tree, the text): checked
 * again every time. The command line checks a file without tasks, jobs, syntax faults, lost
 * accents or suppression comments without its text (localCheck.ts checkLocallyIfEnough): a file
 * rule that reads the text or the tree of such a file must widen that test.
 */
export interface FileRule extends RuleInfo {
  check(ctx: RuleContext, report: Report): void;
  checkElement?: undefined;
  checkIndex?: undefined;
  checkTree?: undefined;
}

/** A rule that looks at one start tag at a time (see StartTagView), with its catalog entry. */
export interface ElementRule extends RuleInfo {
  checkElement(tag: StartTagView, schema: ElementSchema | undefined, report: Report): void;
  check?: undefined;
  checkIndex?: undefined;
  checkTree?: undefined;
}

/**
 * A rule that reads the file's elements and nothing else (no index, no text): like element
 * rules, the command line's index workers run it while they hold the file (rules/localCheck.ts).
 */
export interface TreeRule extends RuleInfo {
  /** Every element of the file but the root, in document order. */
  checkTree(elements: readonly XmlElement[], report: Report): void;
  check?: undefined;
  checkElement?: undefined;
  checkIndex?: undefined;
}

/**
 * A rule that reads only index facts (identifiers, references, dependencies, job membership
 * and levels): while they stay the same (the index generation), the editor keeps its findings
 * instead of checking again (see IndexRuleContext).
 */
export interface IndexRule extends RuleInfo {
  checkIndex(ctx: IndexRuleContext, report: Report): void;
  check?: undefined;
  checkElement?: undefined;
  checkTree?: undefined;
}

export type Rule = FileRule | ElementRule | TreeRule | IndexRule;

/** A declaration: the fixes it declares (K) are the only ones its findings may offer. */
type Declared<K extends FixKind> = Omit<RuleInfo, 'fixes' | typeof DECLARED> & { fixes?: { readonly [k in K]: FixSafety } };

/** Declares a rule over the whole file. */
export function fileRule<K extends FixKind = never>(rule: Declared<K> & { check(ctx: RuleContext, report: Report<K>): void }): FileRule {
  return { ...rule, [DECLARED]: true };
}

/** Declares a rule over one start tag at a time (see StartTagView). */
export function elementRule<K extends FixKind = never>(
  rule: Declared<K> & { checkElement(tag: StartTagView, schema: ElementSchema | undefined, report: Report<K>): void },
): ElementRule {
  return { ...rule, [DECLARED]: true };
}

/** Declares a rule over the file's elements only (see TreeRule). */
export function treeRule<K extends FixKind = never>(rule: Declared<K> & { checkTree(elements: readonly XmlElement[], report: Report<K>): void }): TreeRule {
  return { ...rule, [DECLARED]: true };
}

/** Declares a rule over index facts only (see IndexRuleContext). */
export function indexRule<K extends FixKind = never>(rule: Declared<K> & { checkIndex(ctx: IndexRuleContext, report: Report<K>): void }): IndexRule {
  return { ...rule, [DECLARED]: true };
}

/** `sync-complete/order` → `sync-complete-order`: the anchor of a rule in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/** The `source` of every diagnostic of the rules. */
export const DIAGNOSTIC_SOURCE = 'usercube';

/** Where a rule is documented: its section of the rules page at `base` (where docs/rules.md is). */
export function ruleDocUrl(id: string, base: string): string {
  return `${base}#${ruleAnchor(id)}`;
}
