import {fail} from "./errors";
import type {Maybe} from "./numbers";
import {finite, isBlank, sameLength, tidy, weightedMean} from "./numbers";

/**
 * The OKR tree: each node names the nodes it supports (its parents). Parent lists
 * are comma-separated, because an objective may support several goals. Every
 * operation here builds its indexes once and is linear in nodes plus links.
 */

export function parseParents(entry: Maybe<string>): string[] {
  if (isBlank(entry)) return [];
  const seen = new Set<string>();
  for (const part of String(entry).split(",")) {
    const id = part.trim();
    if (id) seen.add(id);
  }
  return [...seen];
}

interface Graph {
  /** Distinct ids in order of first appearance. */
  ids: string[];
  /** Position in `ids` of the first row with each id. */
  rowOf: number[];
  index: Map<string, number>;
  /** For each node, the parents that are nodes themselves. */
  parents: number[][];
  /** For each node, the parents that are not nodes. */
  outside: string[][];
  /** How many rows carry each id, for ids on more than one row. */
  duplicates: Map<string, number>;
}

function buildGraph(ids: readonly Maybe<string>[], parentIds: readonly Maybe<string>[]): Graph {
  sameLength(["ids", "parentIds"], ids, parentIds);
  const graph: Graph = {ids: [], rowOf: [], index: new Map(), parents: [], outside: [], duplicates: new Map()};
  const rawParents: string[][] = [];
  ids.forEach((raw, row) => {
    if (isBlank(raw) || String(raw).trim() === "") return;
    const id = String(raw).trim();
    let node = graph.index.get(id);
    if (node === undefined) {
      node = graph.ids.length;
      graph.index.set(id, node);
      graph.ids.push(id);
      graph.rowOf.push(row);
      rawParents.push([]);
    } else {
      graph.duplicates.set(id, (graph.duplicates.get(id) ?? 1) + 1);
    }
    for (const p of parseParents(parentIds[row])) {
      if (!rawParents[node].includes(p)) rawParents[node].push(p);
    }
  });
  for (const list of rawParents) {
    const inside: number[] = [];
    const outside: string[] = [];
    for (const p of list) {
      const at = graph.index.get(p);
      if (at === undefined) outside.push(p);
      else inside.push(at);
    }
    graph.parents.push(inside);
    graph.outside.push(outside);
  }
  return graph;
}

/**
 * Strongly connected components of the parent links (Tarjan, iterative so deep
 * trees cannot overflow the stack). Returns the components that form loops.
 */
function loops(graph: Graph): number[][] {
  const n = graph.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  const work: Array<[number, number]> = [];
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    work.push([root, 0]);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0) {
        order[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const edges = graph.parents[v];
      if (i < edges.length) {
        frame[1] = i + 1;
        const w = edges[i];
        if (order[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || graph.parents[v].includes(v)) result.push(component);
      }
    }
  }
  return result;
}

/** One loop through the component's smallest id, the same whatever the input order. */
function describeLoop(graph: Graph, component: number[]): string {
  const members = new Set(component);
  const start = component.reduce((a, b) => (graph.ids[a] < graph.ids[b] ? a : b));
  const previous = new Map<number, number>();
  const queue = [start];
  let found = false;
  for (let q = 0; q < queue.length && !found; q++) {
    const v = queue[q];
    const next = graph.parents[v].filter(w => members.has(w)).sort((a, b) => (graph.ids[a] < graph.ids[b] ? -1 : 1));
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
  return [start, ...path].map(v => graph.ids[v]).join(" → ");
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
    const broken = graph.outside[v].filter(p => !roots.has(p));
    if (graph.parents[v].length === 0 && graph.outside[v].length === 0 && !roots.has(id)) {
      findings.push({id, problem: "Orphan", detail: `${id} supports nothing: link it to the goal or objective it serves.`});
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
    fail(`The id ${id} is used by ${count} rows: ids must be unique to roll up.`);
  }
  const n = graph.ids.length;
  const children: number[][] = Array.from({length: n}, () => []);
  const pending = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    for (const p of graph.parents[v]) children[p].push(v);
    pending[v] = graph.parents[v].length;
  }
  // Kahn's algorithm, parents before children.
  const order: number[] = [];
  const depth = new Int32Array(n);
  for (let v = 0; v < n; v++) if (pending[v] === 0) order.push(v);
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    for (const c of children[v]) {
      depth[c] = Math.max(depth[c], depth[v] + 1);
      if (--pending[c] === 0) order.push(c);
    }
  }
  if (order.length < n) {
    const [component] = loops(graph);
    fail(`The tree has a loop, so it cannot be rolled up: ${describeLoop(graph, component)}. Run AlignmentFindings to see every problem.`);
  }
  const weightOf = new Float64Array(n);
  const score: Array<number | undefined> = new Array(n);
  const leaves = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const row = graph.rowOf[v];
    const w = hasWeights && !isBlank(weights[row]) ? finite(`Weight of ${graph.ids[v]}`, weights[row]) : 1;
    if (w < 0) fail(`The weight of ${graph.ids[v]} is ${w}: weights must not be negative.`);
    weightOf[v] = w;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (children[v].length === 0) {
      const given = scores[graph.rowOf[v]];
      score[v] = isBlank(given) ? undefined : finite(`Score of ${graph.ids[v]}`, given);
      leaves[v] = 1;
      continue;
    }
    const values: number[] = [];
    const used: number[] = [];
    for (const c of children[v]) {
      leaves[v] += leaves[c];
      const s = score[c];
      if (s === undefined) continue;
      values.push(s);
      used.push(weightOf[c]);
    }
    const mean = weightedMean(values, used);
    score[v] = mean === undefined ? undefined : tidy(mean);
  }
  return graph.ids.map((id, v) => ({id, score: score[v], depth: depth[v], leaves: leaves[v]}));
}
