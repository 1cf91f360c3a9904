/**
 * The language features over LSP: each request goes to the language service, with documents
 * under their canonical URI and answers in the client's spelling of it.
 */
import { Connection } from 'vscode-languageserver/node';
import type { LanguageService } from '../languageService';
import { answerOrRefuse } from './handlerGuard';
import type { HandlerAdapter } from './jobHandlers';

/** `editRangeDefault`: whether the client takes the edit range of completion items once for all. */
export function registerLanguageHandlers(c: Connection, service: LanguageService, { request, uris }: HandlerAdapter, editRangeDefault: () => boolean): void {
  const doc = (p: { textDocument: { uri: string } }) => uris.fromClient(p.textDocument.uri);
  c.onCompletion(request('completion', (p) => service.doComplete(doc(p), p.position, { editRangeDefault: editRangeDefault() })));
  c.onCompletionResolve(request('completionItem/resolve', (item) => service.resolveCompletionItem(item)));
  c.onDefinition(request('definition', (p) => uris.locations(service.findDefinition(doc(p), p.position))));
  c.onReferences(request('references', (p) => uris.locations(service.findReferences(doc(p), p.position, p.context.includeDeclaration))));
  c.onHover(request('hover', (p) => service.doHover(doc(p), p.position)));
  c.onDocumentSymbol(request('documentSymbol', (p) => service.findDocumentSymbols(doc(p))));
  c.onWorkspaceSymbol(request('workspace/symbol', (p) => service.findWorkspaceSymbols(p.query).map((s) => ({ ...s, location: uris.locations([s.location])[0] }))));
  c.onCodeAction(
    request('codeAction', (p) => service.getCodeActions(doc(p), p.range, p.context.diagnostics, p.context.only).map((a) => (a.edit ? { ...a, edit: uris.edit(a.edit) } : a))),
  );
  c.onPrepareRename(request('prepareRename', (p) => answerOrRefuse(service.prepareRename(doc(p), p.position))));
  c.onRenameRequest(
    request('rename', (p) => {
      const result = service.doRename(doc(p), p.position, p.newName);
      return answerOrRefuse(result.ok ? { ok: true, value: uris.edit(result.value) } : result);
    }),
  );
}
