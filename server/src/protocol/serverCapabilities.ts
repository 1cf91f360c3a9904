/** What the server announces in its `initialize` answer, given what the client said it supports. */
import { ClientCapabilities, CodeActionKind, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../features/codeActions';

export function initializeResult(caps: ClientCapabilities): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: ['"', "'", '<'], resolveProvider: true },
      definitionProvider: true,
      referencesProvider: true,
      hoverProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
      codeLensProvider: { resolveProvider: false },
      callHierarchyProvider: true,
      // Rename options only for clients that said they support prepareRename (LSP 3.17).
      renameProvider: caps.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'usercube-jobs' },
  };
}
