/**
 * The VS Code client: starts the language server for XML files and gets out of the way.
 * Snippets and the grammar are contributed declaratively in package.json.
 */
import { ExtensionContext, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { serverModule } from './serverModule';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  let module: string;
  try {
    module = serverModule(context.extensionPath);
  } catch (e) {
    // Shown to the user, and the activation fails with the same words.
    void window.showErrorMessage((e as Error).message);
    throw e;
  }
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
  };
  client = new LanguageClient('usercubeJobs', 'Usercube Jobs', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
