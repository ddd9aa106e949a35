import type * as coda from "@codahq/packs-sdk";
import type {
  CheckInSchema,
  GoalSchema,
  ImperativeSchema,
  KeyResultSchema,
  ObjectiveSchema,
} from "../../schemas/okr_sync";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import {normalize} from "../engine/columns";
import type {KeyResultDerived, ObjectiveDerived} from "../engine/okr_columns";
import {deriveKeyResult, deriveObjective} from "../engine/okr_columns";
import type {CheckInRecord, KeyResultRecord, ObjectiveRecord, TeamDocOptions, TeamOkrs} from "./okr_source";
import {readTeamOkrs, TeamDoc} from "./okr_source";
import {personRow} from "./people";
import {compact} from "./source";
import {keyResultSummary, objectiveSummary} from "../agent/narrative";

/** Turns OKR records into the rows of the sync tables' schemas: one builder per table, shared by its actions. */

export type ImperativeRow = coda.SchemaType<typeof ImperativeSchema>;
export type GoalRow = coda.SchemaType<typeof GoalSchema>;
export type ObjectiveRow = coda.SchemaType<typeof ObjectiveSchema>;
export type KeyResultRow = coda.SchemaType<typeof KeyResultSchema>;
export type CheckInRow = coda.SchemaType<typeof CheckInSchema>;

const text = (list: readonly string[]) => (list.length ? list.join(" ") : undefined);

export interface OkrFilters {
  cycle?: string;
  teams?: readonly string[];
  statuses?: readonly string[];
}

/**
 * Whether a row passes the filters. A key result whose objective is unknown has
 * no cycle, so a cycle filter keeps it (with its problem stated) rather than
 * dropping it unseen.
 */
function matches(
  filters: OkrFilters,
  objective: ObjectiveRecord | undefined,
  status: string | undefined,
  team = objective?.team,
): boolean {
  if (filters.cycle && objective && normalize(objective.cycleName) !== normalize(filters.cycle)) return false;
  if (filters.teams?.length && !filters.teams.some(t => normalize(t) === normalize(team ?? ""))) return false;
  if (filters.statuses?.length && !filters.statuses.some(s => normalize(s) === normalize(status ?? ""))) return false;
  return true;
}

export interface DerivedKeyResult {
  record: KeyResultRecord;
  objective?: ObjectiveRecord;
  derived: KeyResultDerived;
  team?: string;
}

export function deriveKeyResults({objectives, keyResults, checkIns}: TeamOkrs, asOf: Day): DerivedKeyResult[] {
  const objectiveById = new Map(objectives.map(o => [o.id, o]));
  const pointsByKr = new Map<string, Array<{date: Day; value: number}>>();
  for (const c of checkIns) {
    if (!c.keyResultId || !c.date || c.value === undefined) continue;
    const list = pointsByKr.get(c.keyResultId) ?? [];
    list.push({date: c.date, value: c.value});
    pointsByKr.set(c.keyResultId, list);
  }
  // A key result without an objective still belongs to its doc's team when the doc has one team.
  const teams = new Set(objectives.map(o => o.team).filter(Boolean));
  const docTeam = teams.size === 1 ? [...teams][0] : undefined;
  return keyResults.map(record => {
    const objective = record.objectiveId ? objectiveById.get(record.objectiveId) : undefined;
    const derived = deriveKeyResult(record, objective?.cycle, asOf, pointsByKr.get(record.id) ?? [], record.problems);
    return {record, objective, derived, team: objective?.team || docTeam};
  });
}

/**
 * A team doc's key results as a sync run now would derive them, judged on
 * `asOf`: its tables read afresh, at the doc's latest version. An action that
 * wrote to the doc returns its row from these once its writes have landed, so
 * it returns what the next sync shows that day, whatever the doc did with the
 * write.
 */
export async function readKeyResultsNow(
  context: coda.ExecutionContext,
  docId: string,
  options: TeamDocOptions,
  asOf: Day,
): Promise<DerivedKeyResult[]> {
  const team = new TeamDoc(context, docId, options);
  await Promise.all([team.objectivesTable(true), team.keyResultsTable(true), team.checkInsTable(true)]);
  return deriveKeyResults(await readTeamOkrs(context, docId, options, {checkIns: true, goals: true}), asOf);
}

/**
 * A key result row. A key result whose objective cannot be found is always kept,
 * with its problem stated, so no row disappears silently from a filtered sync.
 */
export function keyResultRow({record: k, objective: o, derived: d, team}: DerivedKeyResult): KeyResultRow {
  return compact({
    Id: k.id,
    Name: k.name,
    Summary: keyResultSummary({
      name: k.name,
      owner: k.owner?.name || k.owner?.email,
      team,
      cycle: o?.cycleName,
      unit: k.unit,
      start: k.start,
      target: k.target,
      current: k.current,
      confidence: k.confidence,
      ...d,
    }),
    Code: k.code || undefined,
    Objective: o ? {Id: o.id, Name: o.name} : undefined,
    ObjectiveName: o?.name,
    Team: team || undefined,
    Cycle: o?.cycleName || undefined,
    Owner: personRow(k.owner),
    Start: k.start ?? 0,
    Target: k.target,
    Current: k.current,
    Kind: k.kind,
    Confidence: k.confidence,
    Weight: k.weight ?? 1,
    Unit: k.unit || undefined,
    Progress: d.progress,
    Grade: d.grade,
    Status: d.status,
    Expected: d.expected,
    Forecast: d.forecast,
    LastCheckIn: d.lastCheckIn,
    Stale: d.stale,
    Alignment: o ? text(o.alignment) : undefined,
    Problems: text([...k.problems, ...(o ? o.problems : [])]),
    Link: k.link,
    SourceTable: k.tableId,
  });
}

export function keyResultRows(items: readonly DerivedKeyResult[], filters: OkrFilters): KeyResultRow[] {
  return items.filter(i => matches(filters, i.objective, i.derived.status, i.team)).map(keyResultRow);
}

export function objectiveRows(
  objectives: readonly ObjectiveRecord[],
  keyResults: readonly DerivedKeyResult[],
  filters: OkrFilters,
): ObjectiveRow[] {
  const byObjective = new Map<string, DerivedKeyResult[]>();
  for (const k of keyResults) {
    if (!k.objective) continue;
    byObjective.set(k.objective.id, [...(byObjective.get(k.objective.id) ?? []), k]);
  }
  return objectives
    .map(o => {
      const problems = [...o.problems];
      const krs = byObjective.get(o.id) ?? [];
      const derived: ObjectiveDerived = deriveObjective(
        krs.map(k => ({progress: k.derived.progress, weight: k.record.weight, status: k.derived.status})),
        problems,
      );
      return {o, derived, problems};
    })
    .filter(({o, derived}) => matches(filters, o, derived.status))
    .map(({o, derived, problems}): ObjectiveRow =>
      compact({
        Id: o.id,
        Name: o.name,
        Summary: objectiveSummary({
          name: o.name,
          owner: o.owner?.name || o.owner?.email,
          team: o.team,
          cycle: o.cycleName,
          ...derived,
          alignment: o.alignment,
        }),
        Code: o.code || undefined,
        Team: o.team || undefined,
        Owner: personRow(o.owner),
        Cycle: o.cycleName || undefined,
        Goals: o.goalIds.map(id => ({Id: id, Name: "Not found"})),
        Score: derived.score,
        Grade: derived.grade,
        Status: derived.status,
        KeyResults: derived.keyResults,
        Alignment: text(o.alignment),
        Problems: text(problems),
        Link: o.link,
      }),
    );
}

export function checkInRow(c: CheckInRecord): CheckInRow {
  const when = c.date ? isoDay(c.date) : "no date";
  return compact({
    Id: c.id,
    Summary: `${c.keyResultName || "Unknown key result"} on ${when}`,
    KeyResult: c.keyResultId ? {Id: c.keyResultId, Name: c.keyResultName || "Not found"} : undefined,
    KeyResultName: c.keyResultName || undefined,
    Date: c.date ? isoDay(c.date) : undefined,
    Value: c.value,
    Confidence: c.confidence,
    Note: c.note || undefined,
    Problems: text(c.problems),
    Link: c.link,
  });
}
