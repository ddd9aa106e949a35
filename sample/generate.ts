import {round, seeded} from "./random";

export interface GeneratedTree {
  ids: string[];
  parentIds: string[];
  scores: Array<number | undefined>;
  weights: Array<number | undefined>;
  rootIds: string[];
  counts: {imperatives: number; goals: number; objectives: number; keyResults: number};
}

/**
 * An organization of any size for benchmarks: about four key results per
 * objective, twenty objectives per annual goal and five goals per imperative.
 * One objective in a hundred supports two goals and one in two hundred is
 * misaligned, as in real organizations.
 */
export function generateTree(keyResults: number, seed = 7): GeneratedTree {
  const random = seeded(seed);
  const objectives = Math.max(1, Math.round(keyResults / 4));
  const goals = Math.max(3, Math.round(objectives / 20));
  const imperatives = Math.max(2, Math.round(goals / 5));
  const tree: GeneratedTree = {ids: [], parentIds: [], scores: [], weights: [], rootIds: [], counts: {imperatives, goals, objectives, keyResults}};
  const add = (id: string, parent: string, score?: number, weight?: number) => {
    tree.ids.push(id);
    tree.parentIds.push(parent);
    tree.scores.push(score);
    tree.weights.push(weight);
  };
  const pick = (n: number) => Math.floor(random() * n);
  for (let i = 0; i < imperatives; i++) add(`SI${i}`, "");
  for (let i = 0; i < goals; i++) {
    add(`AG${i}`, `SI${pick(imperatives)}`);
    tree.rootIds.push(`AG${i}`);
  }
  for (let i = 0; i < objectives; i++) {
    const r = random();
    const parent = r < 0.005 ? "" : r < 0.01 ? "AG-retired" : r < 0.02 ? `AG${pick(goals)},AG${pick(goals)}` : `AG${pick(goals)}`;
    add(`O${i}`, parent);
  }
  for (let i = 0; i < keyResults; i++) add(`KR${i}`, `O${i % objectives}`, round(random() * 1.1, 3), 1 + pick(3));
  return tree;
}
