/**
 * "Usercube Jobs: New complete synchronization job…": pick a connector, and the server writes its
 * complete-synchronization job into the connector's file (the same edit as its code action
 * "Create the complete-synchronization job for <C>"). The file is opened first, as the server
 * needs it open; the edit is left unsaved, for review, with the new job selected.
 */
import * as vscode from 'vscode';
import { JobServer, fileLabel } from './jobServer';
import type { ConnectorSummary } from './protocol';

export const NEW_COMPLETE_SYNC_JOB_COMMAND = 'usercubeJobs.newCompleteSyncJob';

export interface NewJobResult {
  job: string;
  uri: string;
}

async function pickConnector(server: JobServer, connectors: ConnectorSummary[]): Promise<ConnectorSummary | undefined> {
  if (connectors.length === 0) {
    void vscode.window.showInformationMessage('No connector in this workspace: a complete synchronization job is built for a connector.');
    return undefined;
  }
  const items = connectors.map((c) => ({ label: c.id, description: c.name !== c.id ? c.name : undefined, detail: fileLabel(server.uri(c.uri), true), connector: c }));
  return (await vscode.window.showQuickPick(items, { placeHolder: 'New complete synchronization job for which connector?', matchOnDescription: true }))?.connector;
}

export async function newCompleteSyncJob(server: JobServer, connectorArg?: string): Promise<NewJobResult | undefined> {
  const connectors = await server.connectors();
  const connector = connectorArg === undefined ? await pickConnector(server, connectors) : connectors.find((c) => c.id === connectorArg);
  if (!connector) {
    if (connectorArg !== undefined) void vscode.window.showErrorMessage(`No connector '${connectorArg}' in the workspace.`);
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(server.uri(connector.uri), { preview: false });
  let made;
  try {
    made = await server.completeJobEdit(connector.id);
  } catch (e) {
    void vscode.window.showErrorMessage(`No complete synchronization job for ${connector.id}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const edit = await server.client.protocol2CodeConverter.asWorkspaceEdit(made.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`The complete synchronization job for ${connector.id} could not be written into ${fileLabel(editor.document.uri)}.`);
    return undefined;
  }
  // Select the new job's identifier: the inserted text says where it is.
  const inserted = edit.get(editor.document.uri)[0];
  const at = inserted ? inserted.newText.indexOf(`"${made.job}"`) : -1;
  if (inserted && at >= 0) {
    const start = editor.document.positionAt(editor.document.offsetAt(inserted.range.start) + at + 1);
    editor.selection = new vscode.Selection(start, start.translate(0, made.job.length));
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  void vscode.window.showInformationMessage(`Added ${made.job} to ${fileLabel(editor.document.uri)}: review it, then save.`);
  return { job: made.job, uri: editor.document.uri.toString() };
}

export function registerNewCompleteJob(context: vscode.ExtensionContext, server: JobServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_COMPLETE_SYNC_JOB_COMMAND, (connector?: string) => newCompleteSyncJob(server, typeof connector === 'string' ? connector : undefined)),
  );
}
