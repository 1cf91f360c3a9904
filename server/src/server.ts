/**
 * Entry point of the language server: `node dist/server.js --stdio` (or the transport the
 * VS Code client chooses). Everything else is in protocol/ (lspServer.ts wires it) and the service.
 */
// First: the index worker threads start while the rest of the server loads (earlyIndexThreads.ts).
import { earlyIndexThreads } from './node/earlyIndexThreads';
import { LSPErrorCodes, Message, ProposedFeatures, RequestMessage, ResponseMessage, createConnection } from 'vscode-languageserver/node';
import { LspServer } from './protocol/lspServer';
import { ExitWatchdog, clientProcessIdArgument, parentIsClient } from './node/exitWatchdog';
import { consoleToClient, stdoutWriter } from './protocol/stdioWriter';

const watchdog = new ExitWatchdog(parentIsClient(process.argv), clientProcessIdArgument(process.argv));
const strategy = {
  // A request cancelled while it still waits in the queue is answered at once, never run.
  cancelUndispatched: (message: Message): ResponseMessage => ({
    jsonrpc: '2.0',
    id: (message as RequestMessage).id,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'Cancelled.' },
  }),
};
const stdio = process.argv.includes('--stdio');
// Over stdio the server writes with its own encoder (stdioWriter.ts). stdin is still given as a
// stream (the typings want two streams, or a reader and a writer): vscode-languageserver then
// ends the process when it closes, as with `--stdio` alone.
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin, stdoutWriter() as unknown as NodeJS.WritableStream, strategy)
  : createConnection(ProposedFeatures.all, strategy);
if (stdio) consoleToClient(connection.console);
const server = new LspServer(connection, { clientProcessId: (pid) => watchdog.watchClient(pid), indexThreads: earlyIndexThreads });
// Nothing may end the process but the client: what escapes a handler is logged.
process.on('uncaughtException', (e) => server.internalError('the server', e));
process.on('unhandledRejection', (e) => server.internalError('the server', e));
server.listen();
