/**
 * What happens when the language server stops on its own: the client starts it again, at most
 * MAX_RESTARTS times in WINDOW_MS, and says so each time; past that it leaves it stopped and
 * offers "Restart server". The commands "Restart server" and "Show output" live here too.
 */
import * as vscode from 'vscode';
import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, LanguageClient } from 'vscode-languageclient/node';

export const RESTART_SERVER_COMMAND = 'usercubeJobs.restartServer';
export const SHOW_OUTPUT_COMMAND = 'usercubeJobs.showOutput';
const MAX_RESTARTS = 3;
const WINDOW_MS = 3 * 60_000;

export class RestartingErrorHandler implements ErrorHandler {
  private recent: number[] = [];
  /** Restarts after a crash since the extension started (tests read it). */
  restarts = 0;
  private client: LanguageClient | undefined;

  attach(client: LanguageClient): void {
    this.client = client;
  }

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream of them means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.recent = this.recent.filter((t) => now - t < WINDOW_MS);
    if (this.recent.length >= MAX_RESTARTS) {
      const message = `The Usercube language server stopped ${MAX_RESTARTS + 1} times in ${WINDOW_MS / 60_000} minutes: it stays stopped. Its output may say why.`;
      void vscode.window.showErrorMessage(message, 'Show Output', 'Restart Server').then((choice) => {
        if (choice === 'Show Output') this.client?.outputChannel.show();
        if (choice === 'Restart Server') void vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
      });
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    this.recent.push(now);
    this.restarts++;
    const message = `The Usercube language server stopped unexpectedly: restarting it (${this.recent.length} of ${MAX_RESTARTS}).`;
    void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => choice && this.client?.outputChannel.show());
    return { action: CloseAction.Restart, message, handled: true };
  }

  /** A restart the user asked for starts a fresh count. */
  reset(): void {
    this.recent = [];
  }
}

export function registerServerCommands(context: vscode.ExtensionContext, client: LanguageClient, handler: RestartingErrorHandler): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      handler.reset();
      await client.restart();
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client.outputChannel.show(true)),
  );
}
