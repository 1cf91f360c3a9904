/**
 * Entry point of the language server: `node dist/server.js --stdio` (or the transport the
 * VS Code client chooses). Everything else is in protocol/lspServer.ts and the service.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { LspServer } from './protocol/lspServer';

new LspServer(createConnection(ProposedFeatures.all)).listen();
