import type {Maybe} from "./contract";
import {isBlank, list, quote, sameLength, score as readScore, shorten, weight} from "./contract";
import {fail} from "./errors";
import {tidy} from "./numbers";

/**
 * The OKR tree: each node names the nodes it supports (its parents). Parent lists
 * are comma-separated, because an objective may support several goals. Every
 * operation here builds its indexes once and is linear in nodes plus links.
 */

export function parseParents(entry: Maybe<string>): string[] {
  if (isBlank(entry)) return [];
  const text = String(entry);
  if (!text.includes(",")) {
    const id = text.trim();
    return id ? [id] : [];
  }
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const id = part.trim();
    if (id) seen.add(id);
  }
  return [...seen];
}

/**
 * The graph in compressed form: for node v, its parents inside the list are
 * parentList[parentStart[v] .. parentStart[v + 1]). Flat typed arrays keep large
 * organizations cheap for the garbage collector, so time per node stays flat.
 */
interface Graph {
  /** Distinct ids in order of first appearance. */
  ids: string[];
  /** The first row with each id. */
  rowOf: Int32Array;
  parentStart: Int32Array;
  parentList: Int32Array;
  /** Parents that are not in the list, for the few nodes that have them. */
  outside: Map<number, string[]>;
  /** How many rows carry each id, for ids on more than one row. */
  duplicates: Map<string, number>;
}

function buildGraph(ids: readonly Maybe<string>[], parentIds: readonly Maybe<string>[]): Graph {
  list("ids", ids);
  sameLength(["ids", "parentIds"], ids, parentIds);
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const rows: number[] = [];
  const nodeOfRow = new Int32Array(ids.length).fill(-1);
  const duplicates = new Map<string, number>();
  ids.forEach((raw, row) => {
    if (isBlank(raw)) return;
    const id = String(raw).trim();
    if (!id) return;
    const known = index.get(id);
    if (known === undefined) {
      index.set(id, distinct.length);
      nodeOfRow[row] = distinct.length;
      distinct.push(id);
      rows.push(row);
    } else {
      nodeOfRow[row] = known;
      duplicates.set(id, (duplicates.get(id) ?? 1) + 1);
    }
  });
  const n = distinct.length;
  const edgeChild: number[] = [];
  const edgeParent: number[] = [];
  const outside = new Map<number, string[]>();
  const seen = duplicates.size ? new Set<string>() : undefined;
  for (let row = 0; row < ids.length; row++) {
    const v = nodeOfRow[row];
    if (v < 0) continue;
    for (const p of parseParents(parentIds[row])) {
      if (seen) {
        const key = `${v}\u0000${p}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      const at = index.get(p);
      if (at === undefined) {
        const list = outside.get(v);
        if (list) list.push(p);
        else outside.set(v, [p]);
      } else {
        edgeChild.push(v);
        edgeParent.push(at);
      }
    }
  }
  const parentStart = new Int32Array(n + 1);
  for (const v of edgeChild) parentStart[v + 1]++;
  for (let v = 0; v < n; v++) parentStart[v + 1] += parentStart[v];
  const fill = parentStart.slice(0, n);
  const parentList = new Int32Array(edgeChild.length);
  for (let e = 0; e < edgeChild.length; e++) parentList[fill[edgeChild[e]]++] = edgeParent[e];
  return {ids: distinct, rowOf: Int32Array.from(rows), parentStart, parentList, outside, duplicates};
}

function parentsOf(graph: Graph, v: number): Int32Array {
  return graph.parentList.subarray(graph.parentStart[v], graph.parentStart[v + 1]);
}

/**
 * Strongly connected components of the parent links (Tarjan, iterative so deep
 * trees cannot overflow the stack). Returns the components that form loops.
 */
function loops(graph: Graph): number[][] {
  const n = graph.ids.length;
  const {parentStart, parentList} = graph;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const next = new Int32Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    next[root] = parentStart[root];
    stack.push(root);
    onStack[root] = 1;
    work.push(root);
    while (work.length) {
      const v = work[work.length - 1];
      if (next[v] < parentStart[v + 1]) {
        const w = parentList[next[v]++];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          next[w] = parentStart[w];
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
        } else if (onStack[w] && order[w] < low[v]) {
          low[v] = order[w];
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const up = work[work.length - 1];
        if (low[v] < low[up]) low[up] = low[v];
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || parentsOf(graph, v).includes(v)) result.push(component);
      }
    }
  }
  return result;
}

/** How many ids of a loop a description names before it shortens the rest. */
const LoopShown = 5;

/**
 * One loop through the component's smallest id, the same whatever the input
 * order. A long loop is shortened: its first ids, "…", and the way back.
 */
function describeLoop(graph: Graph, component: number[], nameLength = 24): string {
  const members = new Set(component);
  const start = component.reduce((a, b) => (graph.ids[a] < graph.ids[b] ? a : b));
  const previous = new Map<number, number>();
  const queue = [start];
  let found = false;
  for (let q = 0; q < queue.length && !found; q++) {
    const v = queue[q];
    const next = [...parentsOf(graph, v)]
      .filter(w => members.has(w))
      .sort((a, b) => (graph.ids[a] < graph.ids[b] ? -1 : 1));
    for (const w of next) {
      if (w === start) {
        previous.set(start, v);
        found = true;
        break;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  const path = [start];
  for (let v = previous.get(start)!; v !== start; v = previous.get(v)!) path.push(v);
  path.reverse();
  const name = (v: number) => shorten(graph.ids[v], nameLength);
  if (path.length <= LoopShown) return [start, ...path].map(name).join(" → ");
  const head = [start, ...path.slice(0, LoopShown - 2)].map(name).join(" → ");
  return `${head} → … → ${name(start)} (${path.length.toLocaleString("en-US")} items)`;
}

export const Problems = ["Orphan", "Broken link", "Cycle", "Duplicate id"] as const;
export type Problem = (typeof Problems)[number];

export interface Finding {
  id: string;
  problem: Problem;
  detail: string;
}

/**
 * Checks that every item supports something: an item with no parent must be a
 * root (an annual goal), every parent must exist, nothing may support itself
 * through a loop, and ids are unique. Findings are sorted, so the result does not
 * depend on the order of the rows.
 */
export function alignmentFindings(
  ids: readonly Maybe<string>[],
  parentIds: readonly Maybe<string>[],
  rootIds: readonly Maybe<string>[] = [],
): Finding[] {
  const graph = buildGraph(ids, parentIds);
  const roots = new Set<string>();
  for (const r of rootIds) if (!isBlank(r) && String(r).trim()) roots.add(String(r).trim());
  const findings: Finding[] = [];
  for (const [id, count] of graph.duplicates) {
    findings.push({id, problem: "Duplicate id", detail: `${id} is used by ${count} rows; ids must be unique.`});
  }
  graph.ids.forEach((id, v) => {
    const outside = graph.outside.get(v) ?? [];
    const broken = outside.filter(p => !roots.has(p));
    if (graph.parentStart[v] === graph.parentStart[v + 1] && outside.length === 0 && !roots.has(id)) {
      findings.push({
        id,
        problem: "Orphan",
        detail: `${id} supports nothing: link it to the goal or objective it serves.`,
      });
    }
    for (const p of broken) {
      findings.push({id, problem: "Broken link", detail: `${id} supports ${p}, which does not exist.`});
    }
  });
  for (const component of loops(graph)) {
    const path = describeLoop(graph, component);
    for (const v of component) {
      findings.push({id: graph.ids[v], problem: "Cycle", detail: `Supports itself through a loop: ${path}.`});
    }
  }
  return findings.sort((a, b) => compare(a.id, b.id) || compare(a.problem, b.problem) || compare(a.detail, b.detail));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RolledUp {
  id: string;
  /** Undefined when nothing beneath the node has a score yet. */
  score: number | undefined;
  depth: number;
  /** Leaf nodes beneath (a leaf counts itself); a shared leaf counts once per path. */
  leaves: number;
}

/**
 * Rolls scores up the tree: a node without children keeps its own score; every
 * other node gets the weighted mean of its scored children (weight 1 unless
 * given). A child with several parents counts toward each. Roots have depth 0.
 */
export function rollUp(
  ids: readonly Maybe<string>[],
  parentIds: readonly Maybe<string>[],
  scores: readonly Maybe<number>[],
  weights?: readonly Maybe<number>[],
): RolledUp[] {
  sameLength(["ids", "scores"], ids, scores);
  const hasWeights = weights !== undefined && weights.length > 0;
  if (hasWeights) sameLength(["ids", "weights"], ids, weights);
  const graph = buildGraph(ids, parentIds);
  if (graph.duplicates.size) {
    const [id, count] = graph.duplicates.entries().next().value!;
    fail(`The id ${quote(id)} is used by ${count} rows: ids must be unique to roll up.`);
  }
  const n = graph.ids.length;
  const {parentStart, parentList} = graph;
  // Children in the same compressed form as parents.
  const childStart = new Int32Array(n + 1);
  for (let e = 0; e < parentList.length; e++) childStart[parentList[e] + 1]++;
  for (let v = 0; v < n; v++) childStart[v + 1] += childStart[v];
  const childList = new Int32Array(parentList.length);
  const fill = childStart.slice(0, n);
  for (let v = 0; v < n; v++) {
    for (let e = parentStart[v]; e < parentStart[v + 1]; e++) childList[fill[parentList[e]]++] = v;
  }
  // Kahn's algorithm, parents before children.
  const pending = new Int32Array(n);
  const order = new Int32Array(n);
  let ordered = 0;
  const depth = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pending[v] = parentStart[v + 1] - parentStart[v];
    if (pending[v] === 0) order[ordered++] = v;
  }
  for (let i = 0; i < ordered; i++) {
    const v = order[i];
    for (let e = childStart[v]; e < childStart[v + 1]; e++) {
      const c = childList[e];
      if (depth[v] + 1 > depth[c]) depth[c] = depth[v] + 1;
      if (--pending[c] === 0) order[ordered++] = c;
    }
  }
  if (ordered < n) {
    const [component] = loops(graph);
    fail(
      `The tree has a loop, so it cannot be rolled up: ${describeLoop(graph, component, 10)}. Run AlignmentFindings to see every problem.`,
    );
  }
  const weightOf = new Float64Array(n);
  const score: Array<number | undefined> = new Array(n);
  const leaves = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const row = graph.rowOf[v];
    weightOf[v] = hasWeights ? weight(`The weight of ${quote(graph.ids[v])}`, weights[row]) : 1;
  }
  for (let i = n - 1; i >= 0; i--) {
    const v = order[i];
    const first = childStart[v];
    const last = childStart[v + 1];
    if (first === last) {
      const given = scores[graph.rowOf[v]];
      score[v] = isBlank(given) ? undefined : readScore(`The score of ${quote(graph.ids[v])}`, given);
      leaves[v] = 1;
      continue;
    }
    let largest = 0;
    for (let e = first; e < last; e++) {
      const c = childList[e];
      leaves[v] += leaves[c];
      if (score[c] !== undefined && weightOf[c] > largest) largest = weightOf[c];
    }
    // Weights are scaled by the largest so tiny ones cannot underflow to a wrong 0.
    let sum = 0;
    let total = 0;
    if (largest > 0) {
      for (let e = first; e < last; e++) {
        const c = childList[e];
        const s = score[c];
        if (s === undefined) continue;
        const w = weightOf[c] / largest;
        sum += s * w;
        total += w;
      }
    }
    score[v] = total > 0 ? tidy(sum / total) : undefined;
  }
  return graph.ids.map((id, v) => ({id, score: score[v], depth: depth[v], leaves: leaves[v]}));
}
