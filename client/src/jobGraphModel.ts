/**
 * A job as a layered graph: one box per step, one arrow per dependency (parent → child), the
 * effective levels as columns. `graphModel` turns the server's job steps into boxes and arrows;
 * `elkGraph` asks ELK's layered algorithm to keep each level in its own band of columns, in level
 * order (ELK's partitioning). No vscode or DOM import: shared by the extension, the webview and
 * the unit tests.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { JobSteps } from './protocol';
import { taskKindLabel } from './taskKinds';

export interface GraphNode {
  id: string;
  /** The task's identifier (a parent's, for a parent the job does not run). */
  label: string;
  /** "Export", "Prepare Synchronization"…; for a missing parent, why it is missing. */
  kind: string;
  type: string | null;
  /** The effective level: the column band the box goes in. */
  level: number;
  generated: boolean;
  /** Set when the box stands for something that is not there: a parent outside the job, a Step's undefined task. */
  missing: 'parent-not-in-job' | 'undefined-task' | null;
  /** Where a click goes; none for a parent outside the job. */
  location: { uri: string; range: JobSteps['range'] } | null;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  /** The parent runs at the same or a later level than its child. */
  late: boolean;
}

export interface GraphModel {
  job: string;
  generatedBy: string | null;
  levels: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes: string[];
}

export function graphModel(steps: JobSteps): GraphModel {
  const nodes: GraphNode[] = steps.steps.map((s) => ({
    id: `step${s.order}`,
    label: s.task ?? '(no identifier)',
    kind: taskKindLabel(s.type),
    type: s.type,
    level: s.effectiveLevel,
    generated: s.generatedBy !== null,
    missing: s.type === null ? 'undefined-task' : null,
    location: { uri: s.uri, range: s.range },
  }));
  const byTask = new Map<string, GraphNode[]>();
  steps.steps.forEach((s, i) => s.task && byTask.set(s.task, [...(byTask.get(s.task) ?? []), nodes[i]]));
  const outside = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  steps.steps.forEach((s, i) => {
    const child = nodes[i];
    for (const parent of s.dependsOn) {
      let parents = byTask.get(parent);
      if (!parents) {
        // One red box per parent the job does not run, in the column of its first child.
        let box = outside.get(parent);
        if (!box) {
          box = {
            id: `parent${outside.size}`,
            label: parent,
            kind: 'not in this job',
            type: null,
            level: child.level,
            generated: false,
            missing: 'parent-not-in-job',
            location: null,
          };
          outside.set(parent, box);
        }
        box.level = Math.min(box.level, child.level);
        parents = [box];
      }
      for (const p of parents) edges.push({ id: `edge${edges.length}`, from: p.id, to: child.id, late: p.missing === null && p.level >= child.level });
    }
  });
  return { job: steps.job, generatedBy: steps.generatedBy, levels: steps.levels, nodes: [...nodes, ...outside.values()], edges, notes: steps.notes };
}

/** The ELK graph of a model: left to right, one partition per effective level, boxes of the given sizes. */
export function elkGraph(model: GraphModel, size: (node: GraphNode) => { width: number; height: number }): ElkNode {
  return {
    id: 'job',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      // Else each group of connected tasks is laid out on its own and the partitions do not line up.
      'elk.separateConnectedComponents': 'false',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '16',
      'elk.padding': '[top=40,left=16,bottom=16,right=16]',
    },
    children: model.nodes.map((n) => ({ id: n.id, ...size(n), layoutOptions: { 'elk.partitioning.partition': String(n.level) } })),
    edges: model.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
}

/** The horizontal extent of each level's boxes once laid out, for the column headers. */
export function levelColumns(model: GraphModel, laidOut: ElkNode): { level: number; x0: number; x1: number }[] {
  const at = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
  const columns = new Map<number, { level: number; x0: number; x1: number }>();
  for (const n of model.nodes) {
    const c = at.get(n.id);
    if (!c || c.x === undefined || c.width === undefined) continue;
    const col = columns.get(n.level);
    if (!col) columns.set(n.level, { level: n.level, x0: c.x, x1: c.x + c.width });
    else {
      col.x0 = Math.min(col.x0, c.x);
      col.x1 = Math.max(col.x1, c.x + c.width);
    }
  }
  return [...columns.values()].sort((a, b) => a.level - b.level);
}
