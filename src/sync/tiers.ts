import type {DocKind, SyncPlacement, TableEntry, Tier} from "./tables";
import {DocKinds, SyncPlacements, Tables} from "./tables";

/**
 * The setup in four tiers, each worth having on its own: the first meeting on
 * day 1, OKRs across teams in month 1, health and discipline in quarter 1, the
 * executive program after. Which table and sync table belongs to which tier is
 * said once, on its entry in the registry; this module only reads it.
 */

export const TierList: readonly Tier[] = [1, 2, 3, 4];

export interface TierInfo {
  tier: Tier;
  name: string;
  when: string;
  /** What the tier gives, after "It gives". */
  gives: string;
}

export const Tiers: Record<Tier, TierInfo> = {
  1: {
    tier: 1,
    name: "The first meeting",
    when: "day 1",
    gives: "a time-boxed weekly agenda that opens on the hot metrics, then the top issues and the overdue action items",
  },
  2: {
    tier: 2,
    name: "OKRs across teams",
    when: "month 1",
    gives: "the strategy cascaded into every team's objectives and key results, with check-ins and decisions",
  },
  3: {
    tier: 3,
    name: "Health and discipline",
    when: "quarter 1",
    gives: "health history, seats, meeting health, back-briefs and the cycle's retrospective",
  },
  4: {
    tier: 4,
    name: "The executive program",
    when: "after quarter 1",
    gives: "the leaders' charter, risks with live triggers, dependency gates and the executive sessions",
  },
};

/** Where a table is imported at a tier: every tier-1 table goes in the one doc of the first meeting. */
export type StarterDoc = "Leadership doc" | "Strategy doc" | "Team doc";

export function starterDoc(entry: Pick<TableEntry, "tier" | "doc">): StarterDoc {
  if (entry.tier === 1) return "Leadership doc";
  return entry.doc === "Strategy" ? "Strategy doc" : entry.doc === "Team" ? "Team doc" : "Leadership doc";
}

/** The docs of the registry that a starter doc stands for: the leadership doc holds the meeting and metrics tables. */
const StarterKinds: Record<StarterDoc, readonly DocKind[]> = {
  "Leadership doc": ["Meeting", "Metrics", "Leadership"],
  "Strategy doc": ["Strategy"],
  "Team doc": ["Team"],
};

/** The tables a facilitator imports at this tier (a synced table is added as a sync table, not imported). */
export function tierImports(tier: Tier): TableEntry[] {
  return Tables.filter(t => t.tier === tier && !t.syncedFrom);
}

/** The docs first made at this tier: the first meeting's one doc, then the strategy doc and one team doc to copy. */
export function tierDocs(tier: Tier): StarterDoc[] {
  const before = new Set(Tables.filter(t => t.tier < tier && !t.syncedFrom).map(starterDoc));
  return [...new Set(tierImports(tier).map(starterDoc))].filter(d => !before.has(d));
}

/** Each sync table of the tier in each starter doc it goes in (a team doc's copies carry it with them). */
export function tierSyncs(tier: Tier): Array<{placement: SyncPlacement; doc: StarterDoc}> {
  const docsFor = (p: SyncPlacement): StarterDoc[] =>
    tier === 1
      ? ["Leadership doc"]
      : (Object.keys(StarterKinds) as StarterDoc[]).filter(d => p.placeIn.some(k => StarterKinds[d].includes(k)));
  return SyncPlacements.filter(p => p.tier === tier).flatMap(placement =>
    docsFor(placement).map(doc => ({placement, doc})),
  );
}

/** The manual steps of a tier, counted from the registry and the sync tables' own parameters. */
export interface TierSteps {
  tier: Tier;
  /** Installing the pack and signing in: once, at tier 1. */
  pack: number;
  docs: number;
  imports: number;
  renames: number;
  retypes: number;
  syncTables: number;
  parameters: number;
  /** Steps for each team beyond the first: a click on the team's row. */
  perTeam: number;
  steps: number;
}

/**
 * Counts a tier's steps. `requiredParameters` says how many parameters of a
 * sync table have no default (from the pack's own definition). An imported
 * file is named after its table and every column reads as text, so nothing is
 * renamed or retyped.
 */
export function tierSteps(tier: Tier, requiredParameters: (syncTable: string) => number): TierSteps {
  const syncs = tierSyncs(tier);
  const counts = {
    tier,
    pack: tier === 1 ? 1 : 0,
    docs: tierDocs(tier).length,
    imports: tierImports(tier).length,
    renames: 0,
    retypes: 0,
    syncTables: syncs.length,
    parameters: syncs.reduce((n, s) => n + requiredParameters(s.placement.syncTable), 0),
    perTeam: tier === 2 ? 1 : 0,
  };
  return {...counts, steps: counts.pack + counts.docs + counts.imports + counts.syncTables + counts.parameters};
}

/**
 * The same steps as the guide counted them before the tiers: every doc, every
 * table imported, renamed and typed by hand, every sync table with its
 * parameters.
 */
export function allAtOnceSteps(requiredParameters: (syncTable: string) => number): Omit<TierSteps, "tier"> {
  const imported = Tables.filter(t => !t.syncedFrom);
  const syncs = SyncPlacements.flatMap(p => p.placeIn.map(doc => ({p, doc})));
  const retypes = (tables: readonly TableEntry[]) =>
    tables.reduce((n, t) => n + t.columns.filter(c => c.kind !== "text").length, 0);
  const team = imported.filter(t => t.doc === "Team");
  const teamSyncs = SyncPlacements.filter(p => p.placeIn.includes("Team"));
  const counts = {
    pack: 1,
    docs: DocKinds.length,
    imports: imported.length,
    renames: imported.length,
    retypes: retypes(imported),
    syncTables: syncs.length,
    parameters: syncs.reduce((n, s) => n + requiredParameters(s.p.syncTable), 0),
    // Another team: its doc, its tables imported, renamed and typed, its sync tables, and its link pasted in the leaders' syncs.
    perTeam:
      1 + 2 * team.length + retypes(team) + teamSyncs.reduce((n, p) => n + 1 + requiredParameters(p.syncTable), 0) + 1,
  };
  return {
    ...counts,
    steps:
      counts.pack +
      counts.docs +
      counts.imports +
      counts.renames +
      counts.retypes +
      counts.syncTables +
      counts.parameters,
  };
}

/** The one line a sync table or formula says for a table of a higher tier that is missing. */
export function addTableHint(entry: Pick<TableEntry, "name" | "shows" | "tier">): string {
  return `Add ${/^[AEIOU]/i.test(entry.name) ? "an" : "a"} ${entry.name} table (tier ${entry.tier}) to see ${entry.shows}.`;
}

/** Where `npm run starter -- --out DIR` writes a table's file: named after the table, so the import needs no rename. */
export function starterPath(entry: Pick<TableEntry, "tier" | "doc" | "name">): string {
  return `tier-${entry.tier}/${starterDoc(entry)}/${entry.name}.csv`;
}

/** A table as a doc holds it, judged: found with what the pack needs, or not. */
export interface TableState {
  entry: TableEntry;
  ready: boolean;
  /** What to do when it is not ready. */
  fix: string;
}

export interface Readiness {
  /** The highest tier whose tables (and every lower tier's) this doc holds; 0 when not even tier 1's. */
  tier: Tier | 0;
  /** The next one to three steps towards the next tier, in words. */
  next: string[];
}

/**
 * The tier a doc is ready for, from its tables judged one by one, and the next
 * steps: the next tier's tables to import or fix, then its sync tables to add.
 */
export function readiness(states: readonly TableState[], placeIn: readonly DocKind[]): Readiness {
  const blocking = (t: Tier) => states.filter(s => s.entry.tier === t && !s.ready && !s.entry.syncedFrom);
  const ready = TierList.filter(t => TierList.filter(u => u <= t).every(u => !blocking(u).length));
  const tier = ready.length ? ready[ready.length - 1] : 0;
  const nextTier = TierList.find(t => t > tier);
  if (!nextTier) return {tier, next: []};
  const imports = blocking(nextTier).map(s =>
    s.fix ? `${s.entry.name}: ${s.fix}` : `Import ${starterPath(s.entry)}, to see ${s.entry.shows}.`,
  );
  const syncs = SyncPlacements.filter(p => p.tier === nextTier && p.placeIn.some(k => placeIn.includes(k))).map(
    p => `Add the ${p.syncTable} sync table (${p.parameters}).`,
  );
  return {tier, next: [...imports, ...syncs].slice(0, 3)};
}
