/**
 * The job model over LSP: code lenses on jobs and scaffoldings, the call hierarchy of tasks,
 * and the `usercubeJobs/*` requests an editor uses to show and create jobs. Each handler only
 * forwards to the language service.
 */
import {
  CallHierarchyIncomingCallsParams,
  CallHierarchyOutgoingCallsParams,
  CallHierarchyPrepareParams,
  CancellationToken,
  CodeLensParams,
  Connection,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import type { LanguageService } from '../languageService';
import type { ClientUris } from './clientUris';
import { JOB_REQUESTS } from './jobProtocol';

/** What the LSP server lends the job handlers: its error-safe request wrapper and its URI spellings. */
export interface HandlerAdapter {
  request: <P, R>(name: string, handler: (params: P) => R) => (params: P, token: CancellationToken) => R | ResponseError<void>;
  uris: ClientUris;
}

export function registerJobHandlers(connection: Connection, service: LanguageService, { request, uris }: HandlerAdapter): void {
  // Documents arrive under the client's spelling of their URI; answers go back in it.
  const doc = (p: { textDocument: { uri: string } }) => uris.fromClient(p.textDocument.uri);
  const item = <T extends { uri: string }>(i: T): T => ({ ...i, uri: uris.toClient(i.uri) });
  connection.onCodeLens(request('codeLens', (p: CodeLensParams) => service.findCodeLenses(doc(p))));
  connection.languages.callHierarchy.onPrepare(
    request('callHierarchy/prepare', (p: CallHierarchyPrepareParams) => service.prepareCallHierarchy(doc(p), p.position)?.map(item) ?? null),
  );
  connection.languages.callHierarchy.onIncomingCalls(
    request('callHierarchy/incomingCalls', (p: CallHierarchyIncomingCallsParams) => service.incomingCalls(p.item).map((c) => ({ ...c, from: item(c.from) }))),
  );
  connection.languages.callHierarchy.onOutgoingCalls(
    request('callHierarchy/outgoingCalls', (p: CallHierarchyOutgoingCallsParams) => service.outgoingCalls(p.item).map((c) => ({ ...c, to: item(c.to) }))),
  );
  // Each usercubeJobs/* request registered under its method, which also names it in errors.
  const onJobRequest = <P, R>(method: string, handler: (params: P) => R) => connection.onRequest(method, request(method, handler));
  onJobRequest(JOB_REQUESTS.jobs, () => service.jobs().map(item));
  onJobRequest(JOB_REQUESTS.jobSteps, (p: { job?: unknown }) => {
    const steps = typeof p?.job === 'string' ? service.jobSteps(p.job) : null;
    return steps && { ...item(steps), steps: steps.steps.map(item) };
  });
  onJobRequest(JOB_REQUESTS.connectors, () => service.connectors().map(item));
  onJobRequest(JOB_REQUESTS.completeJobEdit, (p: { connector?: unknown }) => {
    const connector = typeof p?.connector === 'string' ? p.connector : '';
    const made = service.completeJobEdit(connector);
    if (made) return { ...made, edit: uris.edit(made.edit) };
    return new ResponseError(LSPErrorCodes.RequestFailed, `No connector '${connector}' in an open configuration file: open the file that defines it first.`);
  });
}
