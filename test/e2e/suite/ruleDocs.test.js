// The rules page and README ship in the extension and open in the editor from a diagnostic's
// rule link or the documentation command, as read-only documents, at the right heading.
const assert = require('node:assert');
const vscode = require('vscode');
const { codeOf, openDoc, waitForDiagnostics } = require('./helpers');

const DOCS_SCHEME = 'usercube-jobs-docs';
/** The 0-based line a `#L<n>` fragment names. */
const lineOf = (uri) => Number(/^L(\d+)$/.exec(uri.fragment)?.[1]) - 1;

describe('shipped documentation', () => {
  it("links a diagnostic's rule id to the rule's heading in the rules page the extension serves", async () => {
    // A mistake the other tests leave alone: they fix the broken reference and parent task.
    const doc = await openDoc('Conf/Broken/Broken Job.xml');
    const diags = await waitForDiagnostics(doc.uri, 'job/step-target-exists', (d) => d.some((x) => codeOf(x) === 'job/step-target-exists'));
    const target = diags.find((d) => codeOf(d) === 'job/step-target-exists').code.target;
    assert.strictEqual(`${target.scheme}:${target.path}`, `${DOCS_SCHEME}:/docs/rules.md`);
    const page = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.strictEqual(page.lineAt(lineOf(target)).text, '### `job/step-target-exists`');
    assert.strictEqual(page.languageId, 'markdown');
  });

  it('opens a shipped page at a section, and the CI page, with the command the walkthrough uses', async () => {
    await vscode.commands.executeCommand('usercubeJobs.openDocs', 'README.md', 'command-line');
    let editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.scheme, DOCS_SCHEME);
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '## Command line');
    await vscode.commands.executeCommand('usercubeJobs.openDocs', 'docs/ci.md');
    editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.path, '/docs/ci.md');
    assert.strictEqual(editor.document.lineAt(0).text, '# The checks in CI');
    // Served by the extension, not a file on disk: nothing the user types can change the shipped page.
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(DOCS_SCHEME), undefined);
  });
});
