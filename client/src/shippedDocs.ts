/**
 * The documentation that ships inside the extension (docs/rules.md, README.md), opened in the
 * editor with no network: a read-only Markdown document served under `usercube-jobs-docs:`.
 *
 * The server links each diagnostic to the rules page as a file: URL (what any LSP client can
 * open). VS Code opens a clicked rule link (hover, Problems view) as an editor, and selects the
 * line a `#L<n>` fragment names; it does not run command: links from diagnostics. So the
 * middleware here turns those file: links into links to the served page at the rule's heading.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  Diagnostic,
  ExtensionContext,
  Range,
  TextDocumentContentProvider,
  TextEditor,
  TextEditorRevealType,
  TextEditorSelectionChangeKind,
  Uri,
  commands,
  window,
  workspace,
} from 'vscode';
import { HandleDiagnosticsSignature } from 'vscode-languageclient/node';
import { anchorLine } from './markdownAnchors';

export const DOCS_SCHEME = 'usercube-jobs-docs';
/** `usercubeJobs.openDocs(page = 'docs/rules.md', anchor?)`: the walkthrough's buttons use it. */
export const OPEN_DOCS_COMMAND = 'usercubeJobs.openDocs';
const RULES_PAGE = 'docs/rules.md';

export class ShippedDocs implements TextDocumentContentProvider {
  /** Text and anchor lines by page: the shipped files do not change while the extension runs. */
  private readonly pages = new Map<string, { text: string; lines: Map<string, number | undefined> }>();

  constructor(private readonly root: string) {}

  static register(context: ExtensionContext): ShippedDocs {
    const docs = new ShippedDocs(context.extensionPath);
    context.subscriptions.push(
      workspace.registerTextDocumentContentProvider(DOCS_SCHEME, docs),
      commands.registerCommand(OPEN_DOCS_COMMAND, (page?: string, anchor?: string) => docs.open(page ?? RULES_PAGE, anchor)),
      // A page opened at a heading shows that heading on top, not mid-screen.
      window.onDidChangeActiveTextEditor((e) => e && revealOnTop(e)),
      // Opening a link selects the heading with no kind (a navigation); the command selects it by the API.
      window.onDidChangeTextEditorSelection((e) => (e.kind === undefined || e.kind === TextEditorSelectionChangeKind.Command) && revealOnTop(e.textEditor)),
    );
    return docs;
  }

  /** The page's path inside the extension (`docs/rules.md`) if `file` is a shipped Markdown page. */
  pageOf(file: string): string | undefined {
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel) || !rel.toLowerCase().endsWith('.md')) return undefined;
    return rel.split(path.sep).join('/');
  }

  async provideTextDocumentContent(uri: Uri): Promise<string> {
    const page = this.pageOf(path.join(this.root, uri.path));
    if (!page) return `${uri.path} is not a page of the Usercube Jobs documentation.`;
    return readFile(this.fileOf(page), 'utf8').catch(() => `${page} is missing from this installation of Usercube Jobs.`);
  }

  /** The page's file; the packaged extension names the README `readme.md`, hence the case-blind match. */
  private fileOf(page: string): string {
    const exact = path.join(this.root, page);
    if (existsSync(exact)) return exact;
    const dir = path.dirname(exact);
    const name = path.basename(exact).toLowerCase();
    try {
      const found = readdirSync(dir).find((f) => f.toLowerCase() === name);
      return found ? path.join(dir, found) : exact;
    } catch {
      return exact;
    }
  }

  /** The served page, with a `#L<n>` fragment (1-based) for the anchor's heading when it has one. */
  pageUri(page: string, anchor = ''): Uri {
    const line = this.anchorLine(page, anchor);
    return Uri.from({ scheme: DOCS_SCHEME, path: `/${page}`, fragment: line === undefined ? '' : `L${line + 1}` });
  }

  /** Opens a page at an anchor (the command behind the walkthrough's documentation buttons). */
  async open(page: string, anchor?: string): Promise<void> {
    const line = this.anchorLine(page, anchor ?? '') ?? 0;
    const at = new Range(line, 0, line, 0);
    const editor = await window.showTextDocument(this.pageUri(page), { selection: at, preview: true });
    editor.revealRange(at, TextEditorRevealType.AtTop);
  }

  /**
   * Middleware: a diagnostic's file: link to a shipped page becomes a link to the served page.
   * Synchronous, so that diagnostics reach the editor in the order the server sent them.
   */
  readonly handleDiagnostics = (uri: Uri, diagnostics: Diagnostic[], next: HandleDiagnosticsSignature): void => {
    for (const d of diagnostics) this.relink(d);
    next(uri, diagnostics);
  };

  /** Changes the diagnostic in place: the client keeps the server's `data` on the same object. */
  private relink(d: Diagnostic): void {
    const code = d.code;
    if (typeof code !== 'object' || code.target.scheme !== 'file') return;
    const page = this.pageOf(code.target.fsPath);
    if (page) d.code = { value: code.value, target: this.pageUri(page, code.target.fragment) };
  }

  /** A page is read once, on the first link to it; each anchor is looked up once. */
  private anchorLine(page: string, anchor: string): number | undefined {
    if (!anchor) return undefined;
    let known = this.pages.get(page);
    if (!known) {
      let text = '';
      try {
        text = readFileSync(this.fileOf(page), 'utf8');
      } catch {
        // A missing page opens without a selection (and says it is missing).
      }
      this.pages.set(page, (known = { text, lines: new Map() }));
    }
    if (!known.lines.has(anchor)) known.lines.set(anchor, anchorLine(known.text, anchor));
    return known.lines.get(anchor);
  }
}

/** Scrolls a served page so that the selected heading is the first line shown. */
function revealOnTop(editor: TextEditor): void {
  if (editor.document.uri.scheme !== DOCS_SCHEME || editor.selection.active.line === 0) return;
  editor.revealRange(new Range(editor.selection.active, editor.selection.active), TextEditorRevealType.AtTop);
}
