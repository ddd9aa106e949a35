/**
 * Dependency gates as a graph: items (milestones, key results) and the edges
 * "downstream waits on upstream". Everything here is iterative, so a graph of
 * tens of thousands of edges cannot exhaust the call stack: cycles by Tarjan's
 * algorithm with an explicit stack, earliest finishes in topological order
 * (Kahn's algorithm), and the critical path by walking back the predecessor
 * that finishes last.
 */

export interface GraphItem {
  /** Days since the epoch it is due, when it has a date. */
  due?: number;
  /** Days of work left after what it waits on is done; 0 when unknown. */
  duration: number;
  done: boolean;
}

/** An edge: `to` (downstream) waits on `from` (upstream), by their indexes. */
export interface Edge {
  from: number;
  to: number;
}

export interface GraphAnalysis {
  /** Each cycle as the indexes of its items in order, the first repeated at the end. */
  cycles: number[][];
  /** For each item, the index of the cycle it belongs to, or -1. */
  cycleOf: Int32Array;
  /** For each item, the earliest day (since the epoch) it can finish; NaN when it sits in or after a cycle. */
  earliestFinish: Float64Array;
  /** For each item, the open predecessor that finishes last, or -1. */
  critical: Int32Array;
}

function adjacency(n: number, edges: readonly Edge[]): {start: Int32Array; targets: Int32Array} {
  const start = new Int32Array(n + 1);
  for (const e of edges) start[e.from + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const targets = new Int32Array(edges.length);
  for (const e of edges) targets[fill[e.from]++] = e.to;
  return {start, targets};
}

/** Strongly connected components with more than one item, or one item that waits on itself, iteratively. */
function components(n: number, edges: readonly Edge[]): number[][] {
  const {start, targets} = adjacency(n, edges);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  const selfLoop = new Uint8Array(n);
  for (const e of edges) if (e.from === e.to) selfLoop[e.from] = 1;
  let counter = 0;
  const callNode: number[] = [];
  const callEdge: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(start[root]);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callNode.length) {
      const v = callNode[callNode.length - 1];
      const at = callEdge[callEdge.length - 1];
      if (at < start[v + 1]) {
        callEdge[callEdge.length - 1] = at + 1;
        const w = targets[at];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(start[w]);
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length) {
        const parent = callNode[callNode.length - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        if (members.length > 1 || selfLoop[v]) out.push(members);
      }
    }
  }
  return out;
}

/** One cycle through the component's first item, found by a breadth-first walk inside the component. */
function cycleThrough(members: readonly number[], start: Int32Array, targets: Int32Array): number[] {
  const inside = new Set(members);
  const s = Math.min(...members);
  const previous = new Map<number, number>();
  const queue = [s];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (let k = start[v]; k < start[v + 1]; k++) {
      const w = targets[k];
      if (!inside.has(w)) continue;
      if (w === s) {
        const path = [s];
        for (let x = v; x !== s; x = previous.get(x)!) path.push(x);
        path.push(s);
        // The walk is recorded backwards from the item that closes the cycle.
        return [s, ...path.slice(1, -1).reverse(), s];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [s, s];
}

/** Cycles, earliest finishes and critical predecessors of a dependency graph; `today` in days since the epoch. */
export function analyzeGraph(items: readonly GraphItem[], edges: readonly Edge[], today: number): GraphAnalysis {
  const n = items.length;
  const valid = edges.filter(e => e.from >= 0 && e.from < n && e.to >= 0 && e.to < n);
  const {start, targets} = adjacency(n, valid);
  const cycleOf = new Int32Array(n).fill(-1);
  const cycles = components(n, valid).map((members, c) => {
    for (const m of members) cycleOf[m] = c;
    return cycleThrough(members, start, targets);
  });
  const indegree = new Int32Array(n);
  for (const e of valid) indegree[e.to]++;
  const earliestFinish = new Float64Array(n).fill(NaN);
  const ready = new Float64Array(n).fill(today);
  const critical = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    const item = items[v];
    // An item finishes once what it waits on is done and its own work is; never before its planned date.
    earliestFinish[v] = item.done ? today : Math.max(ready[v] + Math.max(0, item.duration), item.due ?? -Infinity);
    for (let k = start[v]; k < start[v + 1]; k++) {
      const w = targets[k];
      if (!item.done && earliestFinish[v] > ready[w]) {
        ready[w] = earliestFinish[v];
        critical[w] = v;
      }
      if (--indegree[w] === 0) queue.push(w);
    }
  }
  return {cycles, cycleOf, earliestFinish, critical};
}

/** The chain of open items that sets an item's earliest finish, first upstream item first, ending with the item. */
export function criticalPath(analysis: GraphAnalysis, item: number): number[] {
  const path = [item];
  const seen = new Set(path);
  for (let v = analysis.critical[item]; v >= 0 && !seen.has(v); v = analysis.critical[v]) {
    path.push(v);
    seen.add(v);
  }
  return path.reverse();
}
