import {sampleOrganization} from "./organization";
import {round, seeded} from "./random";
import type {KeyResult, Objective, Organization, Team} from "./types";

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
  const tree: GeneratedTree = {
    ids: [],
    parentIds: [],
    scores: [],
    weights: [],
    rootIds: [],
    counts: {imperatives, goals, objectives, keyResults},
  };
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
    const parent =
      r < 0.005 ? "" : r < 0.01 ? "AG-retired" : r < 0.02 ? `AG${pick(goals)},AG${pick(goals)}` : `AG${pick(goals)}`;
    add(`O${i}`, parent);
  }
  for (let i = 0; i < keyResults; i++) add(`KR${i}`, `O${i % objectives}`, round(random() * 1.1, 3), 1 + pick(3));
  return tree;
}

/**
 * A whole organization of any size (teams, objectives, key results), for load
 * tests of the sync tables: every team gets its share of objectives and key
 * results, each key result a few weekly check-ins.
 */
export function generateOrganization(
  size: {teams: number; objectives: number; keyResults: number},
  seed = 11,
): Organization {
  const random = seeded(seed);
  const base = sampleOrganization();
  const cycle = base.cycle;
  const teams: Team[] = Array.from({length: size.teams}, (_, i) => {
    const name = `Team ${i + 1}`;
    return {id: `team${i + 1}`, name, lead: {name: `Lead ${i + 1}`, email: `lead${i + 1}@northstar.example.com`}};
  });
  const objectives: Objective[] = Array.from({length: size.objectives}, (_, i) => {
    const team = teams[i % teams.length];
    return {
      id: `O${i + 1}`,
      name: `Objective ${i + 1}`,
      teamId: team.id,
      owner: team.lead,
      cycle: cycle.name,
      goalIds: [base.goals[i % base.goals.length].id],
    };
  });
  const keyResults: KeyResult[] = Array.from({length: size.keyResults}, (_, i) => {
    const objective = objectives[i % objectives.length];
    const target = 100;
    const checkIns = [0, 1, 2].map(j => ({
      date: ["2026-10-15", "2026-10-29", "2026-11-12"][j],
      value: round(target * (0.1 + 0.2 * j + random() * 0.1), 1),
      confidence: 0.6,
      note: "Weekly update",
    }));
    return {
      id: `KR${i + 1}`,
      name: `Key result ${i + 1}`,
      objectiveId: objective.id,
      owner: teams[i % teams.length].lead,
      start: 0,
      target,
      current: checkIns[2].value,
      kind: "Auto",
      confidence: 0.6,
      weight: 1,
      unit: "%",
      checkIns,
    };
  });
  return {...base, name: "Generated Organization", teams, objectives, keyResults};
}
