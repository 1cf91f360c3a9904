/**
 * Running jobs from the editor: "Run job", "Run this task" and "Deploy configuration (simulate
 * only)" build the command line of the Usercube executable (commandLine.ts) and type it into a
 * new terminal. The API secret is asked once per API URL and client, kept in VS Code's secret
 * storage, and reaches the program through an environment variable of that terminal: it is
 * never in the settings, a log, or the line the terminal echoes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Option, SECRET_ENV, commandLine, deployOptions, executableName, invokeJobOptions, shellKindOf } from './commandLine';
import { JobServer } from './jobServer';
import { jobFromArg } from './jobPicker';
import type { JobNode } from './jobsView';

export const RUN_JOB_COMMAND = 'usercubeJobs.runJob';
export const RUN_TASK_COMMAND = 'usercubeJobs.runTask';
export const DEPLOY_COMMAND = 'usercubeJobs.deployConfiguration';
const RUNTIME_SETTING = 'usercubeJobs.runtime.path';
const API_URL_SETTING = 'usercubeJobs.apiUrl';

/** What a run command did: the tests read it, a user sees the terminal or a message. */
export type RunResult = { ran: true; terminal: string; commandLine: string; cwd: string } | { ran: false; reason: string };

function notRun(reason: string, setting?: string): RunResult {
  const actions = setting ? ['Open Setting'] : [];
  // Not awaited: the command returns while the message waits for a click.
  void vscode.window.showErrorMessage(reason, ...actions).then((choice) => {
    // In a remote window the executables are on the remote machine: its settings tab shows the machine settings.
    if (choice) void vscode.commands.executeCommand(vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings', { query: setting });
  });
  return { ran: false, reason };
}

/** The runtime folder of the settings, made absolute against the first workspace folder. */
function runtimeFolder(): string | undefined {
  const value = vscode.workspace.getConfiguration().get<string>(RUNTIME_SETTING)?.trim();
  if (!value) return undefined;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return path.isAbsolute(value) || !root ? value : path.join(root, value);
}

/** Where a secret is kept: one per API URL and OpenId client. The list of these names (not the secrets) is kept in globalState to offer them to "Forget". */
const SECRET_NAMES = 'usercubeJobs.apiSecretNames';
const secretName = (apiUrl: string, clientId: string) => `${clientId} at ${apiUrl}`;

export class JobRunner {
  constructor(
    private readonly server: JobServer,
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  private names(): string[] {
    return this.state.get<string[]>(SECRET_NAMES, []);
  }

  /** Stores the secret of a client at an API URL (the secret prompt does the same). */
  async setSecret(apiUrl: string, clientId: string, secret: string): Promise<void> {
    const name = secretName(apiUrl, clientId);
    await this.secrets.store(`usercubeJobs.apiSecret:${name}`, secret);
    if (!this.names().includes(name)) await this.state.update(SECRET_NAMES, [...this.names(), name]);
  }

  /** Offers the stored secrets and deletes the chosen one: the next run asks for it again. */
  async forgetSecret(): Promise<void> {
    const name = await vscode.window.showQuickPick(this.names(), { placeHolder: 'Forget the API secret of which client? The next run asks for it again.' });
    if (!name) return;
    await this.secrets.delete(`usercubeJobs.apiSecret:${name}`);
    await this.state.update(
      SECRET_NAMES,
      this.names().filter((n) => n !== name),
    );
  }

  private async secretFor(apiUrl: string, clientId: string): Promise<string | undefined> {
    const stored = await this.secrets.get(`usercubeJobs.apiSecret:${secretName(apiUrl, clientId)}`);
    if (stored) return stored;
    const typed = await vscode.window.showInputBox({
      title: 'Usercube API secret',
      prompt: `The secret of the OpenId client '${clientId}' at ${apiUrl}. VS Code keeps it in its secret storage, not in the settings.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (typed) await this.setSecret(apiUrl, clientId, typed);
    return typed || undefined;
  }

  /** The executable's path, or why it cannot run (with the setting to fix). */
  private executable(base: string): { file: string; folder: string } | RunResult {
    const folder = runtimeFolder();
    if (!folder) return notRun(`Set the folder of the Usercube executables (${RUNTIME_SETTING}) to run ${base}.`, RUNTIME_SETTING);
    const file = path.join(folder, executableName(base, process.platform));
    if (!fs.existsSync(file)) return notRun(`No ${path.basename(file)} in ${folder}: set ${RUNTIME_SETTING} to the folder that holds the Usercube executables.`, RUNTIME_SETTING);
    return { file, folder };
  }

  private apiUrl(): string | RunResult {
    const url = vscode.workspace.getConfiguration().get<string>(API_URL_SETTING)?.trim();
    return url || notRun(`Set the URL of the Identity Manager server (${API_URL_SETTING}).`, API_URL_SETTING);
  }

  private launch(name: string, exe: { file: string; folder: string }, options: Option[], env: Record<string, string>): RunResult {
    const line = commandLine(shellKindOf(vscode.env.shell, process.platform), exe.file, options);
    // The executables read their appsettings from the folder they run in.
    const terminal = vscode.window.createTerminal({ name, cwd: exe.folder, env });
    terminal.show();
    terminal.sendText(line, true);
    return { ran: true, terminal: name, commandLine: line, cwd: exe.folder };
  }

  /** `Usercube-Invoke-Job -j <job> [-t <task>]` with the API URL, the job's OpenIdClient and the stored secret. */
  async run(job: string, task?: string): Promise<RunResult> {
    const exe = this.executable('Usercube-Invoke-Job');
    if (!('file' in exe)) return exe;
    const apiUrl = this.apiUrl();
    if (typeof apiUrl !== 'string') return apiUrl;
    const steps = await this.server.jobSteps(job);
    if (!steps) return notRun(`No job '${job}' in the workspace.`);
    const clientId = vscode.workspace.getConfiguration().get<string>('usercubeJobs.apiClientId')?.trim() || steps.openIdClient;
    if (!clientId) return notRun(`No task of ${job} names an OpenIdClient: set usercubeJobs.apiClientId.`, 'usercubeJobs.apiClientId');
    const secret = await this.secretFor(apiUrl, clientId);
    if (!secret) return { ran: false, reason: 'no API secret given' };
    const name = task ? `Usercube: ${job} / ${task}` : `Usercube: ${job}`;
    return this.launch(name, exe, invokeJobOptions({ job, task, apiUrl, clientId }), { [SECRET_ENV]: secret });
  }

  /** `Usercube-Deploy-Configuration -d <Conf folder> --simulate-only --api-url <url>`. */
  async deploy(confFolder?: string): Promise<RunResult> {
    const exe = this.executable('Usercube-Deploy-Configuration');
    if (!('file' in exe)) return exe;
    const apiUrl = this.apiUrl();
    if (typeof apiUrl !== 'string') return apiUrl;
    const folder = confFolder ?? (await pickConfFolder());
    if (!folder) return { ran: false, reason: 'no configuration folder' };
    return this.launch('Usercube: deploy (simulate only)', exe, deployOptions(folder, apiUrl), {});
  }
}

/** The `Conf` folders of the workspace (the folders above its configuration XML files); a pick when there are several. */
async function pickConfFolder(): Promise<string | undefined> {
  const files = await vscode.workspace.findFiles('**/Conf/**/*.xml', '**/node_modules/**', 1000);
  const folders = new Set<string>();
  for (const f of files) {
    const root = vscode.workspace.getWorkspaceFolder(f)?.uri.fsPath;
    if (!root) continue;
    const parts = path.relative(root, f.fsPath).split(path.sep);
    folders.add(path.join(root, ...parts.slice(0, parts.indexOf('Conf') + 1)));
  }
  if (folders.size === 0) {
    void vscode.window.showErrorMessage('No Conf folder of XML files in the workspace to deploy.');
    return undefined;
  }
  if (folders.size === 1) return [...folders][0];
  return vscode.window.showQuickPick([...folders].sort(), { placeHolder: 'Which configuration folder to deploy (simulate only)?' });
}

export function registerJobRunner(context: vscode.ExtensionContext, server: JobServer): JobRunner {
  const runner = new JobRunner(server, context.secrets, context.globalState);
  context.subscriptions.push(
    vscode.commands.registerCommand(RUN_JOB_COMMAND, async (arg?: string | JobNode) => {
      const job = await jobFromArg(arg, server, 'Which job to run?');
      return job ? runner.run(job) : { ran: false, reason: 'no job chosen' };
    }),
    vscode.commands.registerCommand(RUN_TASK_COMMAND, (job: string, task: string) => runner.run(job, task)),
    vscode.commands.registerCommand(DEPLOY_COMMAND, (confFolder?: string) => runner.deploy(typeof confFolder === 'string' ? confFolder : undefined)),
    vscode.commands.registerCommand('usercubeJobs.forgetApiSecret', () => runner.forgetSecret()),
  );
  return runner;
}
