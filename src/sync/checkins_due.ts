import type * as coda from "@codahq/packs-sdk";
import type {CheckInDueSchema} from "../../schemas/history";
import type {Day} from "../engine/calendar";
import {day, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import {isInputError} from "../engine/errors";
import {cadenceDays, checkInDue} from "../engine/history";
import type {DerivedKeyResult} from "./okr_rows";
import {deriveKeyResults} from "./okr_rows";
import type {TeamDocOptions} from "./okr_source";
import {readTeamOkrs, TeamDoc} from "./okr_source";
import {personRow} from "./people";
import {cell, compact, readTable} from "./source";
import {CheckInDueFields} from "./tables";

/**
 * Check-in discipline: the key results whose owners are due a check-in, read
 * from the team docs' OKR tables with each key result's own cadence when its
 * table has a Cadence column. A row that keeps a reminder from reaching anyone
 * (no owner, an owner typed as text, a cadence that cannot be read) is kept and
 * says so.
 */

export type CheckInDueRow = coda.SchemaType<typeof CheckInDueSchema>;

export interface DueOptions {
  /** Days between check-ins where a key result states none. */
  cadence: number;
  /** Only this cycle; else the cycles that contain asOf. */
  cycle?: string;
  teams?: readonly string[];
  asOf: Day;
}

function inScope(d: DerivedKeyResult, o: DueOptions): boolean {
  const objective = d.objective;
  if (o.teams?.length && !o.teams.some(t => normalize(t) === normalize(d.team ?? ""))) return false;
  if (!objective) return true; // Its problem is stated on the row; a reminder rule never hides it.
  if (o.cycle) return normalize(objective.cycleName) === normalize(o.cycle);
  const c = objective.cycle;
  return !c || (c.start.getTime() <= o.asOf.getTime() && o.asOf.getTime() <= c.end.getTime());
}

/** A key result's reminder row, or undefined when its owner is not due and nothing keeps a reminder from working. */
export function dueRow(d: DerivedKeyResult, cadenceCell: unknown, o: DueOptions): CheckInDueRow | undefined {
  const k = d.record;
  const problems: string[] = [];
  let cadence = o.cadence;
  try {
    cadence = cadenceDays(typeof cadenceCell === "number" ? cadenceCell : cells.text(cadenceCell)) ?? o.cadence;
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(`${error.message} Until then the sync's cadence of ${o.cadence} days applies.`);
  }
  if (!k.owner) {
    problems.push("No owner: pick the person who checks it in, in the Owner column, so the reminder reaches someone.");
  } else if (!k.owner.email) {
    problems.push(
      `Owner "${k.owner.name.slice(0, 40)}" has no email: type their email, or make Owner a People column and pick the person, so the reminder can reach them.`,
    );
  }
  const last = d.derived.lastCheckIn ? day(d.derived.lastCheckIn) : undefined;
  const due = checkInDue(last, d.objective?.cycle?.start, cadence, o.asOf);
  if (!due.due && !problems.length) return undefined;
  return compact({
    Id: k.id,
    Name: k.name,
    KeyResult: {Id: k.id, Name: k.name},
    Owner: personRow(k.owner),
    Team: d.team || undefined,
    Cycle: d.objective?.cycleName || undefined,
    CadenceDays: cadence,
    LastCheckIn: d.derived.lastCheckIn,
    DaysSince: due.daysSince,
    NextDue: due.nextDue ? isoDay(due.nextDue) : undefined,
    Due: due.due,
    Status: d.derived.status,
    Link: k.link,
    Problems: [...problems, ...k.problems].join(" ") || undefined,
  });
}

/** One team doc's reminder rows: its objectives, key results and check-ins, one rows request per page of each. */
export async function checkInsDue(
  context: coda.ExecutionContext,
  docId: string,
  options: TeamDocOptions,
  o: DueOptions,
): Promise<CheckInDueRow[]> {
  const okrs = await readTeamOkrs(context, docId, options, {checkIns: true, goals: false});
  // The same rows, already read: mapped again for the Cadence column.
  const table = await readTable(
    context,
    docId,
    new TeamDoc(context, docId, options).tableName("keyResults"),
    CheckInDueFields,
    {columns: options.columns},
  );
  const rowById = new Map(table.rows.map(r => [`${docId}/${r.id}`, r]));
  const out: CheckInDueRow[] = [];
  for (const d of deriveKeyResults(okrs, o.asOf)) {
    if (!inScope(d, o)) continue;
    const row = rowById.get(d.record.id);
    const built = dueRow(d, row ? cell(row, table.map, "Cadence") : undefined, o);
    if (built) out.push(built);
  }
  return out;
}
