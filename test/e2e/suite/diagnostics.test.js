// The broken fixture gets one diagnostic per mistake, with our rule ids and exact ranges, and
// they clear once the mistake is fixed (by hand, or by the server's quick fix).
const assert = require('node:assert');
const vscode = require('vscode');
const { codeOf, openDoc, rangeOf, waitForDiagnostics } = require('./helpers');

const BROKEN = 'Conf/Broken/Broken Job.xml';
const has = (code) => (diags) => diags.some((d) => codeOf(d) === code);
const lacks = (code) => (diags) => !diags.some((d) => codeOf(d) === code);
const span = (r) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

describe('diagnostics', () => {
  let doc;
  before(async () => {
    doc = await openDoc(BROKEN);
  });

  it('reports each mistake of the broken fixture with its rule id and range', async () => {
    const expected = [
      `dependency/parent-exists ${span(rangeOf(doc, 'AD_Export_Complet'))}`,
      `job/step-target-exists ${span(rangeOf(doc, 'All_ComputeAllProperty'))}`,
      `reference/unresolved ${span(rangeOf(doc, 'ADD'))}`,
    ];
    const shown = (diags) => diags.map((d) => `${codeOf(d)} ${span(d.range)}`);
    // Other rules may add findings of their own: these three must be there, as errors.
    const diags = await waitForDiagnostics(doc.uri, `[${expected.join(', ')}]`, (d) => expected.every((e) => shown(d).includes(e)));
    for (const d of diags.filter((d) => expected.includes(`${codeOf(d)} ${span(d.range)}`))) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, `${codeOf(d)} severity`);
    }
  });

  it('clears a diagnostic once the user fixes the reference', async () => {
    await waitForDiagnostics(doc.uri, 'reference/unresolved', has('reference/unresolved'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, 'Connector="ADD"'), 'Connector="AD"');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitForDiagnostics(doc.uri, 'reference/unresolved to clear', lacks('reference/unresolved'));
    // The other mistakes are still reported.
    assert.ok(has('dependency/parent-exists')(after) && has('job/step-target-exists')(after), after.map(codeOf).join(', '));
  });

  it('applies the quick fix for an unknown ParentTask and the diagnostic clears', async () => {
    const diags = await waitForDiagnostics(doc.uri, 'dependency/parent-exists', has('dependency/parent-exists'));
    const diag = diags.find((d) => codeOf(d) === 'dependency/parent-exists');
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value)) || [];
    const fixes = actions.filter(
      (a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && (!a.diagnostics || a.diagnostics.some((d) => codeOf(d) === 'dependency/parent-exists')),
    );
    assert.ok(fixes.length > 0, 'the server offers a quick fix for dependency/parent-exists');
    const fix = fixes.find((a) => a.isPreferred) || fixes[0];
    const before = doc.getText();
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), `applying "${fix.title}"`);
    assert.notStrictEqual(doc.getText(), before, `"${fix.title}" changed nothing`);
    await waitForDiagnostics(doc.uri, `dependency/parent-exists to clear after "${fix.title}"`, lacks('dependency/parent-exists'));
  });
});
