/**
 * Cycles of the TaskDependsOnTask graph, in time linear in the graph and without recursion
 * (chains of thousands of tasks are real). Per index generation, shared by every file's check:
 *
 * - Tarjan's strongly connected components, run iteratively and resumed from the new roots each
 *   file brings, so that the whole graph is walked once per generation, not once per file;
 * - per group of tasks that depend on each other, one hub and two breadth-first trees: the
 *   shortest way from each task to the hub, and from the hub to each task. The cycle of a
 *   link `task → parent` is then parent ⇝ hub ⇝ task, found without searching.
 *
 * A cycle of thousands of tasks is named by its first and last tasks, so that each message
 * stays short and the work per link constant.
 */
import { IndexView } from '../index/indexFacts';

/** Tasks shown in full up to this many; longer cycles show the first and last few. */
const SHOWN_IN_FULL = 16;
const SHOWN_EACH_END = 6;

export interface DependencyCycle {
  /** The tasks of the cycle from the dependent task back to it (first = last), when shown in full. */
  tasks?: string[];
  /** The message's words for the cycle: `A → B → C → A`, or the ends of a long one. */
  text: string;
  /** Links in the cycle (tasks in it). */
  length: number;
}

/**
 * A breadth-first tree of one group around its hub: from each task, the next task toward the
 * hub along the tree, and the distance. `anchor`: for tasks at least SHOWN_EACH_END links away,
 * the task of their way at exactly that distance, so that the end of a long way is found
 * without walking it.
 */
interface HubTree {
  step: Map<string, string>;
  distance: Map<string, number>;
  anchor: Map<string, string>;
}

interface GroupPaths {
  hub: string;
  /** Along the links: the way from each task to the hub. */
  toHub: HubTree;
  /** Against the links: the way from the hub to each task, walked backwards. */
  fromHub: HubTree;
}

/** What Tarjan's algorithm knows of a task it entered: one record, one look-up per task met. */
interface Visited {
  id: string;
  order: number;
  low: number;
  onStack: boolean;
  /** The group of a task that belongs to a group of two tasks or more; -1 otherwise. */
  group: number;
}

class CycleAnalysis {
  private readonly visited = new Map<string, Visited>();
  private readonly stack: Visited[] = [];
  /** The walk's own stacks (see visit): the tasks being walked, the next parent of each, their parents. */
  private readonly nodes: Visited[] = [];
  private readonly nexts: number[] = [];
  private readonly parentLists: (readonly string[])[] = [];
  private readonly members: string[][] = [];
  private readonly paths = new Map<number, GroupPaths>();
  private counter = 0;

  constructor(
    readonly generation: number,
    private readonly index: IndexView,
  ) {
    counts.analyses++;
  }

  private parents(id: string): readonly string[] {
    counts.parentLookups++;
    return this.index.task(id)?.parents ?? [];
  }

  /** Whether both tasks are in one group (then the link between them closes a cycle). */
  sameGroup(a: string, b: string): boolean {
    this.visit(a);
    const g = this.groupOf(a);
    return g >= 0 && this.groupOf(b) === g;
  }

  private groupOf(id: string): number {
    return this.visited.get(id)?.group ?? -1;
  }

  /**
   * Tarjan's algorithm from `root`, with explicit stacks of the tasks being walked, the next
   * parent to look at of each, and their parents (three lists rather than a tuple per task).
   */
  private visit(root: string): void {
    if (this.visited.has(root)) return;
    // Each task's parents are looked up once, when it is entered. The walk's lists are the
    // analysis's own, empty between walks: a walk is started for every task a file names.
    const { nodes, nexts, parentLists } = this;
    nodes.push(this.enter(root));
    nexts.push(0);
    parentLists.push(this.parents(root));
    while (nodes.length > 0) {
      const top = nodes.length - 1;
      const node = nodes[top];
      const parents = parentLists[top];
      const next = nexts[top];
      if (next < parents.length) {
        nexts[top] = next + 1;
        const p = parents[next];
        const seen = this.visited.get(p);
        if (!seen) {
          nodes.push(this.enter(p));
          nexts.push(0);
          parentLists.push(this.parents(p));
        } else if (seen.onStack) node.low = Math.min(node.low, seen.order);
        continue;
      }
      nodes.pop();
      nexts.pop();
      parentLists.pop();
      if (top > 0) {
        const caller = nodes[top - 1];
        caller.low = Math.min(caller.low, node.low);
      }
      if (node.low !== node.order) continue;
      // The group is this task and those above it on the stack; most tasks are a group of one,
      // which needs no list.
      const stack = this.stack;
      const from = stack.lastIndexOf(node);
      if (from < stack.length - 1) {
        const group = this.members.length;
        const members: string[] = [];
        // From the top of the stack down: this task, the group's hub (groupPaths), comes last.
        for (let k = stack.length - 1; k >= from; k--) {
          stack[k].group = group;
          members.push(stack[k].id);
        }
        this.members.push(members);
      }
      for (let k = from; k < stack.length; k++) stack[k].onStack = false;
      stack.length = from;
    }
  }

  private enter(id: string): Visited {
    const node: Visited = { id, order: this.counter, low: this.counter++, onStack: true, group: -1 };
    this.visited.set(id, node);
    this.stack.push(node);
    return node;
  }

  /**
   * The cycle closed by the link `task → parent` (both in one group): task, then the way
   * parent ⇝ hub ⇝ task. Its length is known from the distances; only the tasks shown are walked.
   */
  cycle(task: string, parent: string): DependencyCycle {
    const { toHub, fromHub } = this.groupPaths(this.groupOf(task));
    const links = toHub.distance.get(parent)! + fromHub.distance.get(task)! + 1;
    if (links <= SHOWN_IN_FULL) {
      const way = wayFrom(toHub, parent, Infinity).concat(wayFrom(fromHub, task, Infinity).reverse().slice(1));
      const tasks = [task, ...withoutLoops(way)];
      return { tasks, text: tasks.join(' → '), length: tasks.length - 1 };
    }
    const k = SHOWN_EACH_END;
    // The first k tasks of the way: toward the hub from the parent, then on from the hub if it came first.
    let head = wayFrom(toHub, parent, k);
    if (head.length < k)
      head = head.concat(
        wayNearHub(fromHub, task, k - head.length + 1)
          .reverse()
          .slice(1),
      );
    // The last k: back from the task toward the hub, then the end of the parent's way if the hub came first.
    const back = wayFrom(fromHub, task, k + 1);
    let tail = (back.length > k ? back.slice(0, k) : back.slice(0, -1)).reverse();
    if (tail.length < k) tail = wayNearHub(toHub, parent, k - tail.length).concat(tail);
    return { text: `${[task, ...head].join(' → ')} → … → ${tail.join(' → ')}`, length: links };
  }

  private groupPaths(g: number): GroupPaths {
    let paths = this.paths.get(g);
    if (paths) return paths;
    const members = this.members[g];
    const inGroup = (id: string) => this.groupOf(id) === g;
    const hub = members[members.length - 1];
    // Dependents of each task inside the group: the links walked backwards.
    const dependents = new Map<string, string[]>();
    for (const id of members) {
      for (const p of this.parents(id)) {
        if (!inGroup(p)) continue;
        const list = dependents.get(p);
        if (list) list.push(id);
        else dependents.set(p, [id]);
      }
    }
    paths = {
      hub,
      toHub: breadthFirst(hub, (id) => dependents.get(id) ?? []),
      fromHub: breadthFirst(hub, (id) => this.parents(id).filter(inGroup)),
    };
    this.paths.set(g, paths);
    return paths;
  }
}

/** The tree of the tasks reached from `hub` along `next` (each one's step leads back to the hub). */
function breadthFirst(hub: string, next: (id: string) => readonly string[]): HubTree {
  const tree: HubTree = { step: new Map(), distance: new Map([[hub, 0]]), anchor: new Map() };
  const queue = [hub];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    const d = tree.distance.get(id)!;
    // In breadth-first order the step of a task is settled before it.
    if (d === SHOWN_EACH_END) tree.anchor.set(id, id);
    else if (d > SHOWN_EACH_END) tree.anchor.set(id, tree.anchor.get(tree.step.get(id)!)!);
    for (const n of next(id)) {
      if (tree.distance.has(n)) continue;
      tree.distance.set(n, d + 1);
      tree.step.set(n, id);
      queue.push(n);
    }
  }
  return tree;
}

/** The first `max` tasks of the way from `from` to the hub (the hub included when reached). */
function wayFrom(tree: HubTree, from: string, max: number): string[] {
  const out = [from];
  for (let id = from; tree.distance.get(id)! > 0 && out.length < max;) {
    id = tree.step.get(id)!;
    out.push(id);
  }
  return out;
}

/** The last `count` tasks of the way from `from` to the hub, the hub last (count ≤ SHOWN_EACH_END + 1). */
function wayNearHub(tree: HubTree, from: string, count: number): string[] {
  const way = wayFrom(tree, tree.anchor.get(from) ?? from, Infinity);
  return way.slice(Math.max(0, way.length - count));
}

/** A walk made a path: each time a task comes back, the loop since its first visit is cut. */
function withoutLoops(walk: readonly string[]): string[] {
  const out: string[] = [];
  const at = new Map<string, number>();
  for (const id of walk) {
    const seen = at.get(id);
    if (seen !== undefined) {
      for (let i = seen + 1; i < out.length; i++) at.delete(out[i]);
      out.length = seen + 1;
    } else {
      at.set(id, out.length);
      out.push(id);
    }
  }
  return out;
}

const analyses = new WeakMap<IndexView, CycleAnalysis>();

/** How much work the analyses did since the last reset: tests bound it (a count, not a timer). */
const counts = { analyses: 0, parentLookups: 0 };

/** The counts since the last call, reset to zero. */
export function takeCycleAnalysisCounts(): { analyses: number; parentLookups: number } {
  const taken = { ...counts };
  counts.analyses = 0;
  counts.parentLookups = 0;
  return taken;
}

/** The analysis of the index as it is now (one per index generation). */
export function dependencyCycles(index: IndexView): { sameGroup(a: string, b: string): boolean; cycle(task: string, parent: string): DependencyCycle } {
  let analysis = analyses.get(index);
  if (!analysis || analysis.generation !== index.generation) {
    analysis = new CycleAnalysis(index.generation, index);
    analyses.set(index, analysis);
  }
  return analysis;
}
