import type {SampleEmulator} from "../../emulator/sample";
import type {SyncedRow} from "../../emulator/run";
import {docUrl, runSync} from "../../emulator/run";
import {cycleFromName, cycleToRow} from "../../src/engine/cycle";
import {pack} from "../../src/pack";
import type {CheckIn, Organization, Person} from "../../sample/types";

/**
 * Pulls the organization up through the pack's sync tables, the way a leadership
 * doc does, and turns the synced rows back into plain data for the briefing.
 */

/** A key result of the cycle as its KeyResults row has it, whether or not it can be scored. */
export interface CycleKeyResult {
  name: string;
  /** Blank when the row cannot be scored (no target, text in a number cell, …). */
  progress?: number;
  confidence?: number;
  lastCheckIn?: string;
  /** Blank when the key result's cycle is unknown (it measures no objective). */
  status?: string;
}

export interface SyncedOrganization {
  org: Organization;
  /** Every key result the KeyResults sync returned for the cycle, rows with problems too: the cycle's one population. */
  cycleKeyResults: CycleKeyResult[];
  /** The sync's own alignment notes, by objective code. */
  alignment: Map<string, string>;
  /** Rows whose source cells have problems, in words. */
  problems: string[];
  requests: number;
  rows: number;
}

const person = (p: {Name: string; Email: string} | undefined): Person => ({
  name: p?.Name ?? "Unassigned",
  email: p?.Email ?? "",
});

/**
 * `asOf` is the day of the latest data; `judgedOn` (default asOf) the day the
 * synced rows judge status and staleness on.
 */
export async function syncOrganization(
  env: SampleEmulator,
  cycle: string,
  asOf: string,
  judgedOn = asOf,
): Promise<SyncedOrganization> {
  const strategy = [docUrl(env.seeded.strategyDocId)];
  const teams = env.seeded.teamDocIds.map(docUrl);
  const when = new Date(`${judgedOn}T12:00:00Z`);
  const okr = [teams, cycle, undefined, undefined, undefined, undefined, when];
  const [imperatives, goals, objectives, keyResults, checkIns] = await Promise.all([
    runSync(env, pack, "StrategicImperatives", strategy),
    runSync(env, pack, "AnnualGoals", strategy),
    runSync(env, pack, "Objectives", okr),
    runSync(env, pack, "KeyResults", okr),
    runSync(env, pack, "CheckIns", [teams]),
  ]);
  const code = new Map<string, string>();
  for (const r of [...imperatives.rows, ...goals.rows, ...objectives.rows, ...keyResults.rows]) {
    code.set(r.Id, r.Code ?? r.Id);
  }
  const codeOf = (ref: SyncedRow | undefined) => (ref ? (code.get(ref.Id) ?? ref.Id) : "");

  const historyOf = new Map<string, CheckIn[]>();
  for (const c of checkIns.rows) {
    if (!c.KeyResult || c.Value === undefined || !c.Date) continue;
    const list = historyOf.get(c.KeyResult.Id) ?? [];
    list.push({date: c.Date, value: c.Value, confidence: c.Confidence ?? 0, note: c.Note ?? ""});
    historyOf.set(c.KeyResult.Id, list);
  }
  const teamNames = [...new Set(objectives.rows.map(o => o.Team as string))];
  const problems = [...objectives.rows, ...keyResults.rows]
    .filter(r => r.Problems)
    .map(r => `${r.Code ?? r.Id} ${r.Name} (${r.Team ?? "no team"}): ${r.Problems}`);
  const sound = keyResults.rows.filter(k => !k.Problems && k.Objective);
  const window = cycleToRow(cycleFromName(cycle));
  const org: Organization = {
    name: `${env.org.name} (synced from ${teams.length} team docs)`,
    asOf,
    cycle: {name: window.name, start: window.start, end: window.end},
    imperatives: imperatives.rows.map(i => ({
      id: codeOf(i),
      name: i.Name,
      owner: i.Owner?.Name ?? "",
      description: i.Description ?? "",
    })),
    goals: goals.rows.map(g => ({
      id: codeOf(g),
      name: g.Name,
      imperativeId: codeOf(g.Imperative),
      owner: g.Owner?.Name ?? "",
      fiscalYear: g.FiscalYear,
    })),
    teams: teamNames.map(name => ({id: name, name, lead: person(objectives.rows.find(o => o.Team === name)?.Owner)})),
    objectives: objectives.rows.map(o => ({
      id: codeOf(o),
      name: o.Name,
      teamId: o.Team,
      owner: person(o.Owner),
      cycle: o.Cycle,
      goalIds: (o.Goals ?? []).map(codeOf),
    })),
    keyResults: sound.map(k => {
      const history = (historyOf.get(k.Id) ?? []).sort((a, b) => a.date.localeCompare(b.date));
      return {
        id: codeOf(k),
        name: k.Name,
        objectiveId: codeOf(k.Objective),
        owner: person(k.Owner),
        start: k.Start ?? 0,
        target: k.Target,
        current: k.Current,
        kind: k.Kind ?? "Auto",
        confidence: k.Confidence ?? 1,
        weight: k.Weight ?? 1,
        unit: k.Unit ?? "",
        checkIns: history,
      };
    }),
  };
  const runs = [imperatives, goals, objectives, keyResults, checkIns];
  return {
    org,
    cycleKeyResults: keyResults.rows.map(k => ({
      name: k.Name,
      progress: k.Progress,
      confidence: k.Confidence,
      lastCheckIn: k.LastCheckIn,
      status: k.Status,
    })),
    alignment: new Map(objectives.rows.filter(o => o.Alignment).map(o => [codeOf(o), o.Alignment as string])),
    problems,
    requests: runs.reduce((n, r) => n + r.log.requests, 0),
    rows: runs.reduce((n, r) => n + r.rows.length, 0),
  };
}
