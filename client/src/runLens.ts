/**
 * Code lenses "Run job" above every job and job scaffolding of a file, and "Run this task" above
 * each task (or Step) a written job runs. Where they go comes from the server (the jobs of the
 * file, then each job's steps in it): the client reads no XML.
 */
import * as vscode from 'vscode';
import { JobServer } from './jobServer';
import { RUN_JOB_COMMAND, RUN_TASK_COMMAND } from './runJob';

export class RunLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly server: JobServer) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!vscode.workspace.getConfiguration('usercubeJobs', doc).get<boolean>('codeLens.run', true)) return [];
    const jobs = (await this.server.jobs()).filter((j) => this.server.sameDocument(j.uri, doc.uri));
    const lenses: vscode.CodeLens[] = [];
    for (const job of jobs) {
      lenses.push(
        new vscode.CodeLens(this.server.range(job.range), {
          title: '$(play) Run job',
          tooltip: `Usercube-Invoke-Job -j ${job.job}`,
          command: RUN_JOB_COMMAND,
          arguments: [job.job],
        }),
      );
      // The tasks of a scaffolding all sit on the scaffolding: "Run job" there is enough.
      if (job.generatedBy) continue;
      const steps = await this.server.jobSteps(job.job);
      for (const s of steps?.steps ?? []) {
        if (!s.task || s.generatedBy || !this.server.sameDocument(s.uri, doc.uri)) continue;
        lenses.push(
          new vscode.CodeLens(this.server.range(s.range), {
            title: '$(play) Run this task',
            tooltip: `Usercube-Invoke-Job -j ${job.job} -t ${s.task}`,
            command: RUN_TASK_COMMAND,
            arguments: [job.job, s.task],
          }),
        );
      }
    }
    return lenses;
  }
}

export function registerRunLens(context: vscode.ExtensionContext, server: JobServer): RunLensProvider {
  const provider = new RunLensProvider(server);
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ language: 'xml', scheme: 'file' }, provider),
    server.onIndexChanged(() => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('usercubeJobs.codeLens.run') && provider.refresh()),
  );
  return provider;
}
