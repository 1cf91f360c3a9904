/**
 * The Usercube language service: plain TypeScript over the workspace index, with no editor
 * or connection imports. The LSP server and the command line are two thin front ends to it.
 *
 * Files reach it two ways: as text from the editor (open documents, kept with their element
 * tree) or as decoded text from disk (only their index entry is kept).
 */
import type {
  CallHierarchyIncomingCall,
  CallHierarchyItem,
  CallHierarchyOutgoingCall,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  SymbolInformation,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FileEntry, FileStatus, buildFileEntry, emptyEntry, entryBuilder, entryFromTree } from './index/fileEntry';
import { TextChange, changedSpan, patchValueEdit } from './model/valueEdit';
import { AgentSettings, WorkspaceIndex } from './index/workspaceIndex';
import { LineTable } from './model/lineTable';
import { XmlTree, bothHandlers, treeBuilder, walkXml } from './model/xmlTree';
import { CompletionOptions, doComplete, resolveCompletionItem } from './features/completion';
import { findDefinition } from './features/definition';
import { findReferences } from './features/references';
import { doHover } from './features/hover';
import { findDocumentSymbols } from './features/documentSymbols';
import { findWorkspaceSymbols } from './features/workspaceSymbols';
import { fixAllEdits, getCodeActions } from './features/codeActions';
import { OffsetEdit } from './fixes/textEdits';
import { RenameResult, doRename, prepareRename } from './features/rename';
import { JobSteps, JobSummary, jobSummaries, toJobSteps } from './features/jobSteps';
import { findCodeLenses } from './features/codeLens';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/callHierarchy';
import { createCompleteJobEdit } from './features/jobActions';
import { planJob } from './jobs/jobPlan';
import { DIAGNOSTIC_SOURCE, FixSafety, Severity, ruleDocUrl } from './rules/rule';
import { RuleContext, StrictVerdict } from './rules/ruleContext';
import type { LocalCheck } from './rules/localCheck';
import { IndexFinding, NO_OVERRIDES, RuleFinding, RuleSettings, runRootRules, runRules } from './rules/validation';
import { forgetElementFindings } from './rules/elementFindings';
import type { DiagnosticData } from './fixes/fixData';

export interface OpenDocument {
  uri: string;
  version: number;
  text: string;
  tree: XmlTree;
  entry: FileEntry;
  /** What the index rules found at the last check, and the index generation it holds for. */
  indexFindings?: { generation: number; findings: IndexFinding[]; indexRulesOn: string };
  /** The strict parser's verdict on this version's text (the debounced pass asks for every open document). */
  strict?: StrictVerdict;
  /** Whether the last strict check of this document, whatever its version, found an error. */
  strictFailed?: boolean;
}

/** What a feature needs: the document under the cursor and the index. */
export interface FeatureContext {
  doc: OpenDocument;
  index: WorkspaceIndex;
  /** Workspace folder URIs, to show paths relative to them. */
  roots: readonly string[];
}

export interface ValidateOptions {
  /** Run the strict XML parser too (default true; the editor's keystroke path skips it). */
  strictXml?: boolean;
  maxDiagnostics?: number;
  /** The text of a file on disk, read again by the command line (the service keeps none). */
  text?: string;
  /** What the command line's index workers checked in that text without the index (rules/localCheck.ts). */
  local?: LocalCheck;
}

export interface LanguageServiceOptions {
  /** Keep the text of files read from disk (the command line does, to check them fully). */
  retainText?: boolean;
  /**
   * Where the front end finds docs/rules.md (a URL); diagnostics link to `<rulesDocUrl>#<anchor>`.
   * Without it they carry no link: there is no page on the web to fall back to.
   */
  rulesDocUrl?: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export class LanguageService {
  readonly index = new WorkspaceIndex();
  private readonly open = new Map<string, OpenDocument>();
  private readonly diskText = new Map<string, string>();
  private roots: string[] = [];
  private ruleSettings: (uri: string) => RuleSettings = () => NO_OVERRIDES;

  constructor(private readonly options: LanguageServiceOptions = {}) {}

  /** Severity overrides for the file at `uri` (the front ends read them from settings files). */
  setRuleSettingsProvider(provider: (uri: string) => RuleSettings): void {
    this.ruleSettings = provider;
  }

  setWorkspaceRoots(roots: readonly string[]): void {
    this.roots = [...roots];
  }

  get workspaceRoots(): readonly string[] {
    return this.roots;
  }

  /** The agent's job settings (`Jobs.MaxTaskBatchSize`), read by the front ends from an appsettings.json. */
  setAgentSettings(settings: AgentSettings): void {
    this.index.agentSettings = settings;
  }

  // ---- Files from disk ---------------------------------------------------------------

  /** Indexes (or re-indexes) a file read from disk. Ignored while the file is open. */
  setFileText(uri: string, text: string, encoding?: string): FileEntry | undefined {
    if (this.options.retainText) this.diskText.set(uri, text);
    if (this.open.has(uri)) return undefined;
    const entry = buildFileEntry(uri, text, encoding);
    this.index.set(entry);
    return entry;
  }

  /**
   * Indexes an entry built elsewhere from a file on disk (an index worker, see
   * node/parallelIndexer.ts). Ignored while the file is open.
   */
  setFileEntry(entry: FileEntry): void {
    if (!this.open.has(entry.uri)) this.index.set(entry);
  }

  /** Records a file that could not be read as text, so that it is known but contributes nothing. */
  setFileStatus(uri: string, status: FileStatus): void {
    this.diskText.delete(uri);
    if (!this.open.has(uri)) this.index.set(emptyEntry(uri, status));
  }

  removeFile(uri: string): void {
    this.diskText.delete(uri);
    if (!this.open.has(uri)) this.index.delete(uri);
  }

  // ---- Open documents ----------------------------------------------------------------

  openDocument(uri: string, text: string, version: number): OpenDocument {
    // One walk of the text gives both the element tree and the index entry.
    const tree = treeBuilder();
    const entry = entryBuilder(uri, text, undefined, false);
    walkXml(text, bothHandlers(tree.handler, entry.handler));
    const doc: OpenDocument = { uri, version, text, tree: tree.tree, entry: entry.finish() };
    this.open.set(uri, doc);
    this.index.set(doc.entry, true);
    return doc;
  }

  /**
   * The editor's text replaces the file's contribution at once, for every other file too.
   * Typing inside an attribute value patches the element tree instead of parsing the text again.
   */
  changeDocument(uri: string, text: string, version: number): OpenDocument {
    const old = this.open.get(uri);
    const change = old?.entry.status === 'configuration' ? changedSpan(old.text, text) : undefined;
    const patched = old && change ? patchValueEdit(old.tree, old.text, text, change) : undefined;
    if (old && change && patched) {
      forgetElementFindings(patched.element);
      const doc: OpenDocument = { uri, version, text, tree: old.tree, entry: entryFromTree(uri, text, old.tree), strictFailed: old.strictFailed };
      this.open.set(uri, doc);
      this.index.set(doc.entry, true);
      doc.indexFindings = movedIndexFindings(old, this.index.generation, change);
      return doc;
    }
    const doc = this.openDocument(uri, text, version);
    doc.strictFailed = old?.strictFailed;
    return doc;
  }

  /**
   * Whether the last strict XML check of an open document found an error. The editor's keystroke
   * path skips that check, except while this holds, so that an existing error does not flicker.
   */
  strictXmlFailed(uri: string): boolean {
    return this.open.get(uri)?.strictFailed === true;
  }

  /**
   * After closing, the file's contribution comes from disk again: `diskText` is its current
   * content there, or undefined when it no longer exists (an unsaved new file).
   */
  closeDocument(uri: string, diskText?: string, encoding?: string): void {
    this.open.delete(uri);
    if (diskText === undefined) this.index.delete(uri);
    else this.setFileText(uri, diskText, encoding);
  }

  getOpenDocument(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  isConfigurationFile(uri: string): boolean {
    return this.index.file(uri)?.status === 'configuration';
  }

  // ---- Features ----------------------------------------------------------------------

  private context(uri: string): FeatureContext | undefined {
    const doc = this.open.get(uri);
    if (!doc || doc.entry.status !== 'configuration') return undefined;
    return { doc, index: this.index, roots: this.roots };
  }

  doComplete(uri: string, position: Position, options?: CompletionOptions): CompletionList | null {
    const ctx = this.context(uri);
    return ctx ? doComplete(ctx, position, options) : null;
  }

  /** Adds the documentation of a completion item the editor shows in detail. */
  resolveCompletionItem(item: CompletionItem): CompletionItem {
    return resolveCompletionItem({ index: this.index, roots: this.roots }, item);
  }

  findDefinition(uri: string, position: Position): Location[] {
    const ctx = this.context(uri);
    return ctx ? findDefinition(ctx, position) : [];
  }

  findReferences(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const ctx = this.context(uri);
    return ctx ? findReferences(ctx, position, includeDeclaration) : [];
  }

  doHover(uri: string, position: Position): Hover | null {
    const ctx = this.context(uri);
    return ctx ? doHover(ctx, position) : null;
  }

  findDocumentSymbols(uri: string): DocumentSymbol[] {
    const ctx = this.context(uri);
    return ctx ? findDocumentSymbols(ctx) : [];
  }

  findWorkspaceSymbols(query: string): SymbolInformation[] {
    return findWorkspaceSymbols(this.index, query);
  }

  /** Quick fixes for the diagnostics given, and the fix-all source action when asked for. */
  getCodeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
    const ctx = this.context(uri);
    return ctx ? getCodeActions(ctx, range, diagnostics, only, () => this.validate(uri)) : [];
  }

  /**
   * Every safe fix of an open document, as offset edits on its text (the command line's --fix);
   * with `suggestion` in `safeties`, the preferred suggestions too (`--fix-type suggestion`).
   */
  fixAll(uri: string, safeties?: ReadonlySet<FixSafety>): OffsetEdit[] {
    const ctx = this.context(uri);
    return ctx ? fixAllEdits(ctx, this.validate(uri), safeties) : [];
  }

  /** The identifier under the cursor and its range, or why it cannot be renamed. */
  prepareRename(uri: string, position: Position): RenameResult<{ range: Range; placeholder: string }> {
    const ctx = this.context(uri);
    return ctx ? prepareRename(ctx, position) : { ok: false, message: 'Not a Usercube configuration file.' };
  }

  /** One workspace edit renaming the identifier everywhere, or why the new name is refused. */
  doRename(uri: string, position: Position, newName: string): RenameResult<WorkspaceEdit> {
    const ctx = this.context(uri);
    return ctx ? doRename(ctx, position, newName) : { ok: false, message: 'Not a Usercube configuration file.' };
  }

  // ---- Jobs --------------------------------------------------------------------------

  /** Every job of the workspace (written, then generated by scaffoldings), with its size. */
  jobs(): JobSummary[] {
    return jobSummaries(this.index);
  }

  /** What job `job` will run, or null when no job has that identifier. */
  jobSteps(job: string): JobSteps | null {
    const plan = planJob(this.index, job);
    return plan ? toJobSteps(this.index, plan) : null;
  }

  findCodeLenses(uri: string): CodeLens[] {
    const ctx = this.context(uri);
    return ctx ? findCodeLenses(ctx) : [];
  }

  prepareCallHierarchy(uri: string, position: Position): CallHierarchyItem[] | null {
    const ctx = this.context(uri);
    return ctx ? prepareCallHierarchy(ctx, position) : null;
  }

  incomingCalls(item: CallHierarchyItem): CallHierarchyIncomingCall[] {
    return incomingCalls(this.index, this.roots, item);
  }

  outgoingCalls(item: CallHierarchyItem): CallHierarchyOutgoingCall[] {
    return outgoingCalls(this.index, this.roots, item);
  }

  /** Every connector, where it is defined (the "new complete synchronization job" command lists them). */
  connectors(): { id: string; name: string; uri: string; range: Range }[] {
    const out: { id: string; name: string; uri: string; range: Range }[] = [];
    this.index.forOwnDefinitions('Connector', (defs) => {
      const d = defs[0];
      const lines = this.index.file(d.uri)?.lines;
      if (lines) out.push({ id: d.id, name: d.displayName ?? d.id, uri: d.uri, range: lines.range(d.idStart, d.idEnd) });
    });
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * The edit that adds the complete-synchronization job of a connector to the file that defines
   * it, which must be open (the editor opens it first). Undefined when there is no such connector.
   */
  completeJobEdit(connector: string): { edit: WorkspaceEdit; job: string } | undefined {
    const d = this.index.ownDefinitions('Connector', connector)[0];
    const ctx = d && this.context(d.uri);
    const made = ctx && createCompleteJobEdit(ctx, d.id);
    if (!ctx || !made) return undefined;
    const lines = ctx.doc.entry.lines;
    return { job: made.job, edit: { changes: { [ctx.doc.uri]: [{ range: lines.range(made.edit.start, made.edit.end), newText: made.edit.newText }] } } };
  }

  // ---- Diagnostics -------------------------------------------------------------------

  /**
   * Diagnostics of one file: none for files that are not configuration files. With
   * `maxDiagnostics`, the first ones in document order and a last one that says how many more
   * there are (an editor cannot use 100,000 of them, and sending them takes seconds). With
   * `text`, a file on disk is checked against that text (the command line reads it again
   * instead of keeping every file's text); a text of another length than the indexed one is
   * indexed again first.
   */
  validate(uri: string, options: ValidateOptions = {}): Diagnostic[] {
    const doc = this.open.get(uri);
    const diagnostics = this.diagnostics(uri, doc, options);
    // The verdict stays with the document; a check that did not run the strict parser found nothing.
    if (doc && options.strictXml !== false) doc.strictFailed = !!doc.strict?.error;
    return diagnostics;
  }

  private diagnostics(uri: string, doc: OpenDocument | undefined, options: ValidateOptions): Diagnostic[] {
    let entry = doc?.entry ?? this.index.file(uri);
    if (!entry) return [];
    let local = doc ? undefined : options.local;
    if (!doc && options.text !== undefined && entry.status === 'configuration' && entry.lines.length !== options.text.length) {
      entry = this.setFileText(uri, options.text, entry.encoding)!;
      // Not the text the workers checked.
      local = undefined;
    }
    const strict = doc ? (doc.strict ??= {}) : local?.plain ? { error: null } : undefined;
    const text = doc?.text ?? options.text ?? this.diskText.get(uri);
    const docUrl = this.options.rulesDocUrl;
    const settings = this.ruleSettings(uri);
    if (entry.status === 'other-xml' && text !== undefined) {
      // Not read as configuration: only whether it should have been (its entry keeps no line table).
      const findings = runRootRules(new RuleContext(entry, this.index, text, doc?.tree, false), settings);
      return toDiagnostics(LineTable.fromText(text), findings, docUrl);
    }
    if (entry.status !== 'configuration') return [];
    const ctx = new RuleContext(entry, this.index, text, doc?.tree, options.strictXml ?? true, strict, local?.findings);
    const kept = doc?.indexFindings?.generation === this.index.generation ? doc.indexFindings : undefined;
    const { findings, indexFindings, indexRulesOn } = runRules(ctx, settings, kept);
    if (doc) doc.indexFindings = { generation: this.index.generation, findings: indexFindings, indexRulesOn };
    return toDiagnostics(entry.lines, findings, docUrl, options.maxDiagnostics);
  }

  /** The text the service holds for a file: the editor's for open documents, else the retained disk text. */
  textOf(uri: string): string | undefined {
    return this.open.get(uri)?.text ?? this.diskText.get(uri);
  }
}

/**
 * The index rules' findings of the document before a patched edit, moved with the text: they
 * still hold when the index generation did not change (the edit left what those rules read as
 * it was, and no other file changed it since) and the edit touched none of them.
 */
function movedIndexFindings(old: OpenDocument, generation: number, change: TextChange): OpenDocument['indexFindings'] {
  const kept = old.indexFindings;
  if (!kept || kept.generation !== generation) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const findings: IndexFinding[] = [];
  for (const f of kept.findings) {
    if (f.end <= change.start) findings.push(f);
    else if (f.start >= change.oldEnd) findings.push({ ...f, start: f.start + delta, end: f.end + delta });
    else return undefined;
  }
  return { generation, findings, indexRulesOn: kept.indexRulesOn };
}

/**
 * Diagnostics link to their rule's section of the rules page, when the front end knows where it
 * is; past `limit`, one last diagnostic counts the rest.
 */
function toDiagnostics(lines: LineTable, findings: readonly RuleFinding[], docUrl: string | undefined, limit = Infinity): Diagnostic[] {
  const hrefs = new Map<string, string>();
  const shown = (findings.length > limit ? findings.slice(0, limit) : findings).map((f) => {
    const d = toDiagnostic(lines, f.rule, f.severity, f.start, f.end, f.message, diagnosticData(f));
    if (docUrl) {
      let href = hrefs.get(f.rule);
      if (href === undefined) hrefs.set(f.rule, (href = ruleDocUrl(f.rule, docUrl)));
      d.codeDescription = { href };
    }
    return d;
  });
  if (findings.length > limit) shown.push(moreProblems(lines, findings[limit].start, findings.length - limit, limit));
  return shown;
}

/** The last diagnostic of a capped list, where the first one left out starts. */
function moreProblems(lines: LineTable, at: number, more: number, limit: number): Diagnostic {
  const position = lines.positionAt(at);
  return {
    range: { start: position, end: position },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `And ${more} more problems from here on, not shown: the editor lists the first ${limit} of a file. \`usercube-jobs check\` lists them all.`,
  };
}

/** The fixes a finding offers: the editor sends them back with a code action request. */
function diagnosticData(f: RuleFinding): DiagnosticData | undefined {
  return f.fixes?.length ? { fixes: [...f.fixes] } : undefined;
}

function toDiagnostic(lines: LineTable, code: string, severity: Severity, start: number, end: number, message: string, data?: DiagnosticData): Diagnostic {
  const d: Diagnostic = { range: lines.range(start, end), severity: SEVERITY[severity], code, source: DIAGNOSTIC_SOURCE, message };
  if (data !== undefined) d.data = data;
  return d;
}
