/**
 * The VS Code client: starts the language server for XML files, then adds what an editor can
 * show of the job model, one registration per feature. Snippets and the grammar are contributed
 * declaratively in package.json. `activate` returns an API object the editor tests use.
 */
import { ExtensionContext, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ShippedDocs } from './shippedDocs';
import { serverModule } from './serverModule';
import { JobServer } from './jobServer';
import { JobsView, registerJobsView } from './jobsView';
import { JobGraphPanels, registerJobGraph } from './jobGraph';
import { JobRunner, registerJobRunner } from './runJob';
import { registerRunLens } from './runLens';
import { registerStatusItem } from './statusItem';
import { RestartingErrorHandler, registerServerCommands } from './serverRestarts';
import { registerNewCompleteJob } from './newCompleteJob';
import { SERVER_NODE_OPTIONS } from '../../server/src/protocol/serverProcess';

export interface UsercubeJobsApi {
  client: LanguageClient;
  server: JobServer;
  jobsView: JobsView;
  jobGraph: JobGraphPanels;
  runner: JobRunner;
  status: { readonly text: string; readonly busy: boolean; readonly command: string | undefined };
  restarts: RestartingErrorHandler;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<UsercubeJobsApi> {
  const docs = ShippedDocs.register(context);
  let module: string;
  try {
    module = serverModule(context.extensionPath);
  } catch (e) {
    // Shown to the user, and the activation fails with the same words.
    void window.showErrorMessage((e as Error).message);
    throw e;
  }
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6010'] } },
  };
  const restarts = new RestartingErrorHandler();
  const clientOptions: LanguageClientOptions = {
    // The built-in `xml` language: we sit beside Red Hat XML rather than replacing it.
    documentSelector: [
      { scheme: 'file', language: 'xml' },
      { scheme: 'untitled', language: 'xml' },
    ],
    synchronize: { configurationSection: ['usercubeJobs', 'files'] },
    errorHandler: restarts,
    // Rule links open the rules page shipped in the extension, offline.
    middleware: { handleDiagnostics: docs.handleDiagnostics },
  };
  client = new LanguageClient('usercubeJobs', 'Usercube Jobs', serverOptions, clientOptions);
  restarts.attach(client);
  const server = new JobServer(client);
  context.subscriptions.push(server);

  registerServerCommands(context, client, restarts);
  const statusItem = registerStatusItem(context, server);
  const jobsView = registerJobsView(context, server);
  const jobGraph = registerJobGraph(context, server);
  const runner = registerJobRunner(context, server);
  registerRunLens(context, server);
  registerNewCompleteJob(context, server);

  await client.start();
  return {
    client,
    server,
    jobsView,
    jobGraph,
    runner,
    status: {
      get text() {
        return statusItem.text;
      },
      get busy() {
        return statusItem.busy;
      },
      get command() {
        return statusItem.command?.command;
      },
    },
    restarts,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
