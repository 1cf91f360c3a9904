/**
 * A rule: a stable id, a default severity, an explanation with its source (documentation pages by name),
 * and a check over one file. Checks report offsets in that file; the service turns them into
 * LSP diagnostics and quick fixes key on the same ids (see server/src/fixes/).
 */
import type { FileEntry } from '../index/fileEntry';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { XmlElement } from '../model/xmlTree';
import type { ElementSchema } from '../schema/schema';
import type { JobView } from './jobModel';
import type { RuleContext } from './ruleContext';

/** What a rule that reads only index facts sees: no text, no element tree (see Rule.checkIndex). */
export interface IndexRuleContext {
  readonly entry: FileEntry;
  readonly index: WorkspaceIndex;
  jobs(): JobView[];
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

const SEVERITY_SETTINGS: ReadonlySet<unknown> = new Set<SeveritySetting>(['off', 'info', 'warning', 'error']);

/** What a settings file, the editor setting or `--rule` may give a rule. */
export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return SEVERITY_SETTINGS.has(value);
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Facts for quick fixes (never parsed back from the message). */
  data?: Record<string, unknown>;
}

/**
 * The quick fixes there are (server/src/fixes/quickFixes.ts gives each its edits). A finding
 * names the one it offers in `data.fix`; a rule whose findings name none offers every fix it
 * declares.
 */
export type FixKind =
  | 'set-attribute'
  | 'remove-attribute'
  | 'rename-attribute'
  | 'set-mode'
  | 'set-type'
  | 'add-dependency'
  | 'change-identifier'
  | 'create-task'
  | 'rename-element';

/**
 * `safe`: the run stays the same (a spelling the product reads either way, or reads only once
 * fixed as it was meant): applied by fix-all on save and by `--fix`. `suggestion`: it changes
 * what a job does (a dependency, `ContinueOnError`, a mode…): offered as a quick fix, applied
 * on the command line only with `--fix-type suggestion`.
 */
export type FixSafety = 'safe' | 'suggestion';

interface RuleInfo {
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
  /** The quick fixes its findings offer, each safe or a suggestion. */
  fixes?: Readonly<Partial<Record<FixKind, FixSafety>>>;
}

/** A rule that looks at the whole file (its entry, the index, the element tree, the text). */
export interface FileRule extends RuleInfo {
  check(ctx: RuleContext, report: (f: Finding) => void): void;
  checkElement?: undefined;
  checkIndex?: undefined;
}

/**
 * A rule that looks at one element at a time (its name, its start tag's attributes and its
 * catalog entry), whose findings lie in that start tag: they are kept per element between
 * keystrokes and found again only for the elements that changed (see elementFindings.ts).
 */
export interface ElementRule extends RuleInfo {
  checkElement(el: XmlElement, schema: ElementSchema | undefined, report: (f: Finding) => void): void;
  check?: undefined;
  checkIndex?: undefined;
}

/**
 * A rule that reads only the file's entry and the index (identifiers, references,
 * dependencies, job membership; not attribute values nor display names). While what it reads
 * stays the same (the index generation), the editor keeps its findings (see
 * languageService.ts) instead of checking again.
 */
export interface IndexRule extends RuleInfo {
  checkIndex(ctx: IndexRuleContext, report: (f: Finding) => void): void;
  check?: undefined;
  checkElement?: undefined;
}

export type Rule = FileRule | ElementRule | IndexRule;

/** Declares an index rule (gives its check the parameter types). */
export function indexRule(rule: IndexRule): Rule {
  return rule;
}

/** Declares an element rule (gives its check the parameter types). */
export function elementRule(rule: ElementRule): Rule {
  return rule;
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
