import * as coda from "@codahq/packs-sdk";
import {mayHaveWritten} from "../api/client";
import type {RetrospectiveSchema} from "../../schemas/history";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay, plusDays} from "../engine/calendar";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import {quote} from "../engine/contract";
import type {Cycle} from "../engine/cycle";
import {cycleFromName, okrCycle} from "../engine/cycle";
import {confidencePath, keyResultFindings, staleWeeks} from "../engine/history";
import type {KeyResultRow} from "./okr_rows";
import {deriveKeyResults, keyResultRow, readKeyResultsNow} from "./okr_rows";
import type {ObjectiveRecord, TeamDocOptions, TeamOkrs} from "./okr_source";
import {readTeamOkrs, TeamDoc} from "./okr_source";
import {personRow} from "./people";
import {cell, compact, readOptionalTable, readTable, splitStableId, stableId, syncedRow} from "./source";
import {afterLanding, putKeyed, rowKey} from "./write";
import {CarriedObjectiveFields, CarryFields, HistoryTables, RetrospectiveFields} from "./tables";

/**
 * Closing the cycle: a retrospective row per key result, with the notes the
 * team writes in its own Retrospective table carried through, and CarryForward,
 * which copies a key result into the next cycle in its team doc.
 *
 * The team's notes live in the team doc, not in columns added to the sync
 * table: they are written where the team works, survive the sync table being
 * deleted or made again, and show in every doc that syncs the retrospective.
 */

export type RetrospectiveRow = coda.SchemaType<typeof RetrospectiveSchema>;

interface Notes {
  happened: string[];
  learnt: string[];
}

/** The team's notes by key result id; a doc without the table has none. */
async function teamNotes(
  context: coda.ExecutionContext,
  docId: string,
  tableName: string,
  okrs: TeamOkrs,
): Promise<Map<string, Notes>> {
  const table = await readOptionalTable(context, docId, tableName, RetrospectiveFields, {rowsOnly: true});
  const out = new Map<string, Notes>();
  if (!table) return out;
  const byName = new Map(okrs.keyResults.map(k => [normalize(k.name), k.id]));
  for (const row of table.rows) {
    const ref = cells.refs(cell(row, table.map, "KeyResult"))[0];
    if (!ref) continue;
    const id = ref.rowId ? stableId(docId, ref.rowId) : byName.get(normalize(ref.name));
    if (!id) continue;
    const notes = out.get(id) ?? {happened: [], learnt: []};
    const happened = cells.text(cell(row, table.map, "WhatHappened"));
    const learnt = cells.text(cell(row, table.map, "WhatWeLearnt"));
    if (happened) notes.happened.push(happened);
    if (learnt) notes.learnt.push(learnt);
    out.set(id, notes);
  }
  return out;
}

export interface RetroOptions {
  cycle: Cycle;
  teams?: readonly string[];
  asOf: Day;
  notesTable?: string;
}

/** One team doc's retrospective: a row per key result of the cycle (and any whose objective is unknown, with the reason). */
export async function retrospective(
  context: coda.ExecutionContext,
  docId: string,
  options: TeamDocOptions,
  o: RetroOptions,
): Promise<RetrospectiveRow[]> {
  const okrs = await readTeamOkrs(context, docId, options, {checkIns: true, goals: false});
  const notes = await teamNotes(context, docId, o.notesTable || HistoryTables.retrospective, okrs);
  const closed = o.asOf.getTime() > o.cycle.end.getTime();
  const judged = closed ? o.cycle.end : o.asOf;
  const checkIns = okrs.checkIns
    .filter(c => c.date && c.date.getTime() <= judged.getTime())
    .sort((a, b) => a.date!.getTime() - b.date!.getTime());
  const out: RetrospectiveRow[] = [];
  // After the cycle, a key result short of its target has missed it: status is judged on asOf, the rest on the last day.
  for (const d of deriveKeyResults({...okrs, checkIns}, o.asOf)) {
    if (d.objective && normalize(d.objective.cycleName) !== normalize(o.cycle.name)) continue;
    if (o.teams?.length && !o.teams.some(t => normalize(t) === normalize(d.team ?? ""))) continue;
    const k = d.record;
    const mine = checkIns.filter(c => c.keyResultId === k.id && c.date!.getTime() >= o.cycle.start.getTime());
    const last = mine[mine.length - 1]?.date;
    const findings = keyResultFindings({
      progress: d.derived.progress,
      confidence: k.confidence,
      lastCheckIn: last,
      asOf: judged,
      closed,
    });
    const n = notes.get(k.id);
    out.push(
      compact({
        Id: k.id,
        Name: k.name,
        KeyResult: {Id: k.id, Name: k.name},
        Team: d.team || undefined,
        Cycle: o.cycle.name,
        Owner: personRow(k.owner),
        Progress: d.derived.progress,
        Grade: d.derived.grade,
        Status: d.derived.status,
        Confidence: k.confidence,
        LastCheckIn: last ? isoDay(last) : undefined,
        ConfidencePath: confidencePath([...mine.map(c => c.confidence)]) || undefined,
        CheckIns: mine.length,
        StaleWeeks: staleWeeks(
          mine.map(c => c.date!),
          o.cycle.start,
          judged,
        ),
        Findings: findings.length ? findings.join(" ") : "None",
        WhatHappened: n?.happened.join(" ") || undefined,
        WhatWeLearnt: n?.learnt.join(" ") || undefined,
        Closed: closed,
        Link: k.link,
        Problems: [...k.problems, ...(d.objective ? d.objective.problems : [])].join(" ") || undefined,
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- carrying a key result forward

export interface CarryInput {
  keyResultId: string;
  /** The target in the next cycle; the same target when blank. */
  target?: number;
  /** The cycle to carry it into; the one after its own when blank. */
  nextCycle?: string;
  asOf: Day;
  keyResultsTable?: string;
  objectivesTable?: string;
  fiscalYearStartMonth?: number;
}

const monthsOf = (c: Cycle) =>
  (c.end.getUTCFullYear() - c.start.getUTCFullYear()) * 12 + c.end.getUTCMonth() - c.start.getUTCMonth() + 1;

function nextCycleOf(cycle: Cycle, input: CarryInput): Cycle {
  const months = monthsOf(cycle);
  const next = input.nextCycle
    ? cycleFromName(input.nextCycle, input.fiscalYearStartMonth, months)
    : okrCycle(plusDays(cycle.end, 1), months, input.fiscalYearStartMonth);
  if (daysBetween(cycle.end, next.start) <= 0) {
    throw new coda.UserVisibleError(
      `${next.name} does not come after ${cycle.name}: carry a key result into a later cycle.`,
    );
  }
  return next;
}

/** A missing column's message with why CarryForward needs it; any other error as it is. */
const explained =
  (why: string) =>
  (error: unknown): never => {
    if (error instanceof coda.UserVisibleError) throw new coda.UserVisibleError(`${error.message} ${why}`);
    throw error;
  };

/**
 * The objective the carried key result goes under: the next cycle's objective
 * of the same code or name, written (keyed) when there is none, and then `made`.
 */
async function nextObjective(
  context: coda.ExecutionContext,
  team: TeamDoc,
  objectives: readonly ObjectiveRecord[],
  objective: ObjectiveRecord,
  next: Cycle,
): Promise<{rowId: string; made: boolean}> {
  const same = (o: ObjectiveRecord) =>
    (objective.code && o.code === objective.code) || normalize(o.name) === normalize(objective.name);
  const found = objectives.find(o => normalize(o.cycleName) === normalize(next.name) && same(o));
  if (found) return {rowId: splitStableId(found.id).rowId, made: false};
  const table = await readTable(context, team.docId, team.tableName("objectives"), CarriedObjectiveFields).catch(
    explained(`CarryForward adds ${objective.name} for ${next.name} with a Key so a retry never adds it twice.`),
  );
  const source = table.rows.find(r => stableId(team.docId, r.id) === objective.id);
  const goals = source
    ? cells
        .refs(cell(source, table.map, "Goals"))
        .map(r => r.rowId)
        .filter((id): id is string => Boolean(id))
    : [];
  const write = await putKeyed(
    context,
    table,
    [
      ["Name", objective.name],
      ["Code", objective.code || undefined],
      ["Owner", objective.owner?.email || undefined],
      ["Team", objective.team || undefined],
      ["Cycle", next.name],
      ["Goals", goals.length ? goals : undefined],
    ],
    rowKey("carry", splitStableId(objective.id).rowId, next.name),
  );
  return {
    rowId: (
      await afterLanding(context, table, CarriedObjectiveFields, write, `objective ${objective.name} for ${next.name}`)
    ).row.id,
    made: true,
  };
}

/**
 * Copies a key result into the next cycle in its team doc: under the next
 * cycle's objective of the same code or name (added when missing), starting
 * where it ended, with Carried From holding a link to the original. Both writes
 * are keyed on the original and the cycle, so running it again updates the copy
 * and never adds a second one. A copy refused at its own write, after the
 * objective went in, says the objective is left and how to finish or undo it.
 */
export async function carryForward(context: coda.ExecutionContext, input: CarryInput): Promise<KeyResultRow> {
  const {docId, rowId} = await syncedRow(context, input.keyResultId);
  if (input.target !== undefined && input.target !== null && !Number.isFinite(input.target)) {
    throw new coda.UserVisibleError("The target must be a number.");
  }
  const options: TeamDocOptions = {
    keyResultsTable: input.keyResultsTable,
    objectivesTable: input.objectivesTable,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
  };
  const team = new TeamDoc(context, docId, options);
  // Read the latest rows once: a retry must see the copy an earlier run made.
  await team.objectivesTable(true);
  const objectives = await team.objectives(false);
  const records = await team.keyResults(objectives, true);
  const record = records.find(k => k.id === stableId(docId, rowId));
  if (!record) {
    throw new coda.UserVisibleError(
      `The key result ${stableId(docId, rowId).slice(0, 60)} is not in the team doc's ${team.tableName("keyResults")} table; sync the KeyResults table again.`,
    );
  }
  const objective = objectives.find(o => o.id === record.objectiveId);
  if (!objective?.cycle) {
    throw new coda.UserVisibleError(
      `${record.name} has no objective with a cycle to carry it from: link it to an objective whose Cycle is set, such as FY2026 Q4.`,
    );
  }
  const next = nextCycleOf(objective.cycle, input);
  // The key results table's columns are checked before anything is written, so a missing one leaves no next-cycle objective behind.
  const table = await readTable(context, docId, team.tableName("keyResults"), CarryFields).catch(
    explained("CarryForward writes the link to the original there."),
  );
  const nextObjectiveRow = await nextObjective(context, team, objectives, objective, next);

  const source = table.rows.find(r => r.id === rowId);
  const cadence = source ? cells.text(cell(source, table.map, "Cadence")) : "";
  const holds = record.kind === "StayAbove" || record.kind === "StayBelow";
  const write = await putKeyed(
    context,
    table,
    [
      ["Name", record.name],
      ["Code", record.code || undefined],
      ["Objective", nextObjectiveRow.rowId],
      ["Owner", record.owner?.email || undefined],
      ["Start", holds ? record.start : (record.current ?? record.start)],
      ["Target", input.target ?? record.target],
      ["Current", record.current],
      ["Kind", record.kind],
      ["Weight", record.weight],
      ["Unit", record.unit || undefined],
      ["Cadence", cadence || undefined],
      ["CarriedFrom", record.link],
    ],
    rowKey("carry", rowId, next.name),
  ).catch((error: unknown): never => {
    // The objective went in first: a copy refused only at its own write leaves it behind, so say so, and how to finish.
    if (!nextObjectiveRow.made || !(error instanceof coda.UserVisibleError)) throw error;
    const said = error.message.replace(/\.?$/, ".");
    const added = `${quote(objective.name)} for ${next.name} was added to ${team.tableName("objectives")} first`;
    if (mayHaveWritten(error)) {
      throw new coda.UserVisibleError(
        `${said} ${added}: run CarryForward again to finish; it never adds a second copy.`,
      );
    }
    throw new coda.UserVisibleError(
      `Not carried: ${said} ${added}: fix this and run CarryForward again (it reuses that objective), or delete it.`,
    );
  });
  const landed = await afterLanding(context, table, CarryFields, write, `copy of ${record.name} for ${next.name}`);
  const copy = (await readKeyResultsNow(context, docId, options, input.asOf)).find(
    d => d.record.id === stableId(docId, landed.row.id),
  );
  if (!copy) {
    throw new coda.UserVisibleError(
      `The copy of ${record.name} was written to the doc ${docId} but cannot be read back; sync the KeyResults table to see it.`,
    );
  }
  return keyResultRow(copy);
}
