/**
 * "Usercube Jobs: Show job graph": a webview per job that draws it as a layered graph (the
 * webview's script is dist/media/jobGraph.js, built from client/webview). The panel asks for the
 * job's steps, turns them into boxes and arrows (jobGraphModel.ts), and redraws when the index
 * changes; a click on a box opens the task.
 */
import * as vscode from 'vscode';
import { graphModel, GraphModel } from './jobGraphModel';
import { graphPageHtml } from './jobGraphHtml';
import { JobServer } from './jobServer';
import { jobFromArg } from './jobPicker';
import type { JobNode } from './jobsView';
import type { Range } from 'vscode-languageserver-types';

export const SHOW_JOB_GRAPH_COMMAND = 'usercubeJobs.showJobGraph';

/** What the webview reports once it has drawn a job. */
export interface GraphRendered {
  job: string;
  boxes: number;
  columns: { level: number; x0: number; x1: number }[];
  error?: string;
}

type FromWebview = { type: 'ready' } | { type: 'open'; uri: string; range: Range } | ({ type: 'rendered' } & GraphRendered);

export class JobGraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly renderedEmitter = new vscode.EventEmitter<GraphRendered>();
  /** For tests: each drawing the webview reports. */
  readonly onRendered = this.renderedEmitter.event;
  private readonly media: vscode.Uri;

  constructor(
    private readonly server: JobServer,
    extensionUri: vscode.Uri,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
  }

  /** The HTML of the open panel of `job` (tests check its Content-Security-Policy). */
  html(job: string): string | undefined {
    return this.panels.get(job)?.webview.html;
  }

  show(job: string): void {
    const open = this.panels.get(job);
    if (open) {
      open.reveal();
      return;
    }
    // Beside the file being edited; alone when no file is open (no empty half).
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel('usercubeJobs.jobGraph', `Job graph: ${job}`, column, {
      enableScripts: true,
      localResourceRoots: [this.media],
    });
    this.panels.set(job, panel);
    const webview = panel.webview;
    webview.html = graphPageHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'jobGraph.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'jobGraph.css')).toString(),
      title: `Job ${job}`,
    });
    const subscriptions = [webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(panel, job, m)), this.server.onIndexChanged(() => void this.post(panel, job))];
    panel.onDidDispose(() => {
      this.panels.delete(job);
      for (const s of subscriptions) s.dispose();
    });
  }

  private async onMessage(panel: vscode.WebviewPanel, job: string, m: FromWebview): Promise<void> {
    if (m.type === 'ready') await this.post(panel, job);
    else if (m.type === 'rendered') this.renderedEmitter.fire({ job: m.job, boxes: m.boxes, columns: m.columns, error: m.error });
    else if (m.type === 'open') {
      // Beside the graph: the column of the graph stays.
      const column = panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
      await vscode.window.showTextDocument(this.server.uri(m.uri), { selection: this.server.range(m.range), viewColumn: column });
    }
  }

  private async post(panel: vscode.WebviewPanel, job: string): Promise<void> {
    const steps = await this.server.jobSteps(job).catch(() => null);
    const model: GraphModel = steps ? graphModel(steps) : { job, generatedBy: null, levels: 0, nodes: [], edges: [], notes: [`No job '${job}' in the workspace now.`] };
    await panel.webview.postMessage({ type: 'show', model });
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.renderedEmitter.dispose();
  }
}

export function registerJobGraph(context: vscode.ExtensionContext, server: JobServer): JobGraphPanels {
  const panels = new JobGraphPanels(server, context.extensionUri);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(SHOW_JOB_GRAPH_COMMAND, async (arg?: string | JobNode) => {
      const job = await jobFromArg(arg, server, 'Which job to draw?');
      if (job) panels.show(job);
    }),
  );
  return panels;
}
