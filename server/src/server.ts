/**
 * Entry point of the language server: `node dist/server.js --stdio` (or the transport the
 * VS Code client chooses). Everything else is in protocol/ (lspServer.ts wires it) and the service.
 */
import { LSPErrorCodes, ProposedFeatures, RequestMessage, ResponseMessage, createConnection } from 'vscode-languageserver/node';
import { LspServer } from './protocol/lspServer';
import { ExitWatchdog, clientProcessIdArgument, parentIsClient } from './node/exitWatchdog';

const watchdog = new ExitWatchdog(parentIsClient(process.argv), clientProcessIdArgument(process.argv));
const connection = createConnection(ProposedFeatures.all, {
  // A request cancelled while it still waits in the queue is answered at once, never run.
  cancelUndispatched: (message): ResponseMessage => ({
    jsonrpc: '2.0',
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'Cancelled.' },
  }),
});
const server = new LspServer(connection, { clientProcessId: (pid) => watchdog.watchClient(pid) });
// Nothing may end the process but the client: what escapes a handler is logged.
process.on('uncaughtException', (e) => server.internalError('the server', e));
process.on('unhandledRejection', (e) => server.internalError('the server', e));
server.listen();
