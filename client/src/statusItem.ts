/**
 * The index's state in the status bar, as a language status item of XML files: "Indexing
 * 120/1,180" while the server reads the workspace, then "Usercube: 1,180 files · 4,494 jobs ·
 * 3 errors". Its link opens the server's output; it says when the server has stopped.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { JobServer } from './jobServer';
import { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './serverRestarts';
import { statusText } from './statusText';

export function registerStatusItem(context: vscode.ExtensionContext, server: JobServer): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('usercubeJobs.status', [
    { language: 'xml', scheme: 'file' },
    { language: 'xml', scheme: 'untitled' },
  ]);
  item.name = 'Usercube Jobs';
  item.text = 'Usercube: starting';
  item.busy = true;
  item.command = { title: 'Show output', command: SHOW_OUTPUT_COMMAND, tooltip: "The language server's output" };
  context.subscriptions.push(
    item,
    server.onStatus((s) => {
      item.text = statusText(s);
      item.busy = s.indexing;
      item.detail = s.indexing ? 'reading the configuration files' : 'errors counted in the open files';
      item.severity = vscode.LanguageStatusSeverity.Information;
    }),
    server.client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) {
        item.text = 'Usercube: server stopped';
        item.detail = undefined;
        item.busy = false;
        item.severity = vscode.LanguageStatusSeverity.Error;
        item.command = { title: 'Restart server', command: RESTART_SERVER_COMMAND };
      } else if (e.newState === State.Starting) {
        item.text = 'Usercube: starting';
        item.busy = true;
        item.severity = vscode.LanguageStatusSeverity.Information;
        item.command = { title: 'Show output', command: SHOW_OUTPUT_COMMAND, tooltip: "The language server's output" };
      }
    }),
  );
  return item;
}
