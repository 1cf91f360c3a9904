/**
 * The VS Code client: starts the language server for XML files and gets out of the way.
 * Snippets and the grammar are contributed declaratively in package.json.
 */
import * as path from 'node:path';
import { ExtensionContext } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ShippedDocs } from './shippedDocs';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const docs = ShippedDocs.register(context);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The built-in `xml` language: we sit beside Red Hat XML rather than replacing it.
    documentSelector: [
      { scheme: 'file', language: 'xml' },
      { scheme: 'untitled', language: 'xml' },
    ],
    synchronize: { configurationSection: ['usercubeJobs', 'files'] },
    // Rule links open the rules page shipped in the extension, offline.
    middleware: { handleDiagnostics: docs.handleDiagnostics },
  };
  client = new LanguageClient('usercubeJobs', 'Usercube Jobs', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
