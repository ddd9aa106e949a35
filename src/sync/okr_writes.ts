import type {FieldName} from "../engine/columns";
import {SetupHint} from "../engine/columns";
import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {CellEdit} from "../api/client";
import {ApiError, mayHaveWritten, updateRow} from "../api/client";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {quote} from "../engine/contract";
import {isInputError} from "../engine/errors";
import {fraction} from "../engine/numbers";
import type {DerivedKeyResult, KeyResultRow} from "./okr_rows";
import {keyResultRow, readKeyResultsNow} from "./okr_rows";
import type {TeamDocOptions} from "./okr_source";
import {readTeamOkrs, TeamDoc} from "./okr_source";
import type {SourceTable} from "./source";
import {cell, splitStableId, stableId, syncedRow} from "./source";
import type {KeyedWrite} from "./write";
import {columnType, hasLanded, planWrite, putPlanned, rowKey} from "./write";
import type {KeyResultFields} from "./tables";

/**
 * Writing back to team docs: two-way edits of key results, compared with the
 * source before they are written, and check-ins that end whole or not at all.
 */

type KrTable = SourceTable<FieldName<typeof KeyResultFields>>;

/** The fields of a key result that a two-way edit may change. */
const Editable = ["Current", "Confidence"] as const;
type Editable = (typeof Editable)[number];

function checkedFraction(name: string, value: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return fraction(name, value);
  } catch (error) {
    if (isInputError(error)) throw new coda.UserVisibleError(error.message);
    throw error;
  }
}

/** A cell's number as the sync shows it. */
const sourceValue = (field: Editable, value: unknown): number | undefined => cells.number(value, field).value;

const same = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

const ChangedByNames = ["Modified by", "Updated by", "Last edited by", "Edited by"];

/** Who last changed a row, when the table keeps a column that says so, and when. */
function changedBy(row: Row): string {
  const column = Object.keys(row.values).find(k => ChangedByNames.some(n => n.toLowerCase() === k.toLowerCase()));
  const who = column ? cells.people(row.values[column])[0]?.name || cells.text(row.values[column]) : "";
  const when = row.updatedAt ? ` at ${row.updatedAt.slice(0, 16).replace("T", " ")} UTC` : "";
  return `${who ? ` by ${who}` : ""}${when}`;
}

export interface KeyResultEdit {
  previous: Partial<KeyResultRow>;
  next: KeyResultRow;
  fields: readonly string[];
}

const Deleted = "The key result was deleted in its doc since the last sync: sync again.";

/** An edit checked against its source row and ready to write, then written. */
interface PlannedEdit {
  index: number;
  rowId: string;
  /** The key result's name when the edit was checked: another name once it has landed means it was renamed meanwhile. */
  name: string;
  fields: Editable[];
  cells: CellEdit[];
  requestId?: string;
}

/** The edits of one source table, and once it is read, those ready to write. */
interface TableEdits {
  docId: string;
  options: TeamDocOptions;
  indexes: number[];
  ref?: string;
  planned: PlannedEdit[];
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Applies a batch of two-way edits, each to the row it edits by its row id,
 * never by an upsert that could add a row. Each edit is compared with its source
 * row first: a row deleted or renamed since the sync, or whose value the team
 * doc changed since, fails with the reason and is not written. The rest are
 * written one update a row, paced under the write limit, then confirmed through
 * their mutation status: a write still queued when the run's time is spent is
 * that row's outcome, in words. Landed rows are read back and returned as the
 * next sync shows them.
 */
export async function editKeyResults(
  context: coda.ExecutionContext,
  edits: readonly KeyResultEdit[],
  asOf: Day,
  options: TeamDocOptions,
): Promise<Array<KeyResultRow | Error>> {
  const results: Array<KeyResultRow | Error> = edits.map(() => new Error("Not written."));
  const groups = new Map<string, TableEdits>();
  edits.forEach((e, i) => {
    const {docId} = splitStableId(e.next.Id);
    const key = `${docId}|${e.next.SourceTable ?? ""}`;
    const group = groups.get(key) ?? {
      docId,
      options: {...options, keyResultsTable: e.next.SourceTable},
      indexes: [],
      planned: [],
    };
    group.indexes.push(i);
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    let table: KrTable;
    try {
      if (!edits[group.indexes[0]].next.SourceTable) {
        throw new coda.UserVisibleError(
          "This row does not say which table it came from; sync the table again before editing.",
        );
      }
      table = await new TeamDoc(context, group.docId, group.options).keyResultsTable(true);
    } catch (error) {
      for (const i of group.indexes) results[i] = asError(error);
      continue;
    }
    group.ref = table.ref;
    for (const i of group.indexes) {
      try {
        group.planned.push(planEdit(edits[i], i, table));
      } catch (error) {
        results[i] = asError(error);
      }
    }
  }
  for (const {docId, ref, planned} of groups.values()) {
    if (!ref) continue; // The table could not be read: nothing is planned.
    for (const p of planned) {
      try {
        p.requestId = await updateRow(context, docId, ref, p.rowId, p.cells);
      } catch (error) {
        results[p.index] = rowGone(error) ? new coda.UserVisibleError(Deleted) : asError(error);
      }
    }
  }
  for (const group of groups.values()) {
    const landed: PlannedEdit[] = [];
    for (const p of group.planned.filter(p => p.requestId)) {
      if (await hasLanded(context, p.requestId)) landed.push(p);
      else {
        results[p.index] = new coda.UserVisibleError(
          `Queued, not yet applied: the doc ${group.docId} has not applied this edit yet. Sync in a minute to see it.`,
        );
      }
    }
    if (landed.length) await readBack(context, group, landed, edits, results, asOf);
  }
  return results;
}

/** The name of a key result's row, as the sync reads it. */
const nameOf = (row: Row, table: KrTable) => cells.text(cell(row, table.map, "Name")) || cells.text(row.name);

/** An edit ready to write to its row, after checking the row is still the one the sync showed and still holds what the edit started from. */
function planEdit(edit: KeyResultEdit, index: number, table: KrTable): PlannedEdit {
  const rowId = splitStableId(edit.next.Id).rowId;
  const row = table.rows.find(r => r.id === rowId);
  if (!row) throw new coda.UserVisibleError(Deleted);
  const name = nameOf(row, table);
  const synced = edit.previous.Name ?? edit.next.Name;
  if (name !== synced) {
    throw new coda.UserVisibleError(
      `Not written: the key result was renamed to ${quote(name)} since the last sync. Sync again, then edit it.`,
    );
  }
  const fields = Editable.filter(f => edit.fields.includes(f));
  return {index, rowId, name, fields, cells: cellsFor(edit, fields, row, table)};
}

/** A write refused because its row is not there: deleted between the read and the write. */
const rowGone = (error: unknown) => error instanceof ApiError && error.status === 404 && !error.docNotShared;

/**
 * Reads a table's landed edits back from the doc and answers each row as the
 * next sync shows it, or what became of it: deleted or renamed meanwhile, or
 * changed again by someone else.
 */
async function readBack(
  context: coda.ExecutionContext,
  group: TableEdits,
  landed: readonly PlannedEdit[],
  edits: readonly KeyResultEdit[],
  results: Array<KeyResultRow | Error>,
  asOf: Day,
): Promise<void> {
  let now: Map<string, DerivedKeyResult>;
  try {
    now = new Map((await readKeyResultsNow(context, group.docId, group.options, asOf)).map(d => [d.record.id, d]));
  } catch (error) {
    for (const p of landed) {
      results[p.index] = new coda.UserVisibleError(
        `${written(p.fields)} written, but reading it back failed: ${reason(error)} Sync to see it.`,
      );
    }
    return;
  }
  // The table as just read, for who changed a value since.
  const table = await new TeamDoc(context, group.docId, group.options).keyResultsTable();
  for (const p of landed) {
    const d = now.get(stableId(group.docId, p.rowId));
    const row = table.rows.find(r => r.id === p.rowId);
    if (!d || !row) {
      results[p.index] = new coda.UserVisibleError(Deleted);
      continue;
    }
    const edit = edits[p.index];
    const changed = p.fields.find(
      f => !same(f === "Current" ? d.record.current : d.record.confidence, edit.next[f] ?? undefined),
    );
    if (changed) {
      const value = changed === "Current" ? d.record.current : d.record.confidence;
      results[p.index] = new coda.UserVisibleError(
        `The team doc holds ${changed} ${value ?? "blank"} now${changedBy(row)}, not this edit's value. Sync to see it, then edit again.`,
      );
    } else if (d.record.name !== p.name) {
      results[p.index] = new coda.UserVisibleError(
        `${written(p.fields)} written, but the key result was renamed to ${quote(d.record.name)} since the last sync. Sync again to see it.`,
      );
    } else {
      results[p.index] = keyResultRow(d);
    }
  }
}

const written = (fields: readonly string[]) => `${fields.join(" and ")} ${fields.length > 1 ? "were" : "was"}`;

/** The cells an edit writes, after checking the source still holds what the edit started from. */
function cellsFor(edit: KeyResultEdit, fields: readonly Editable[], row: Row, table: KrTable): CellEdit[] {
  const out: CellEdit[] = [];
  for (const field of fields) {
    const column = table.map[field];
    if (!column) {
      throw new coda.UserVisibleError(
        `The team's ${table.name} table has no ${field} column to write to. ${SetupHint}`,
      );
    }
    const now = sourceValue(field, row.values[column.name]);
    const before = edit.previous[field];
    if (!same(now, before ?? undefined)) {
      const shown = now === undefined ? "blank" : String(now);
      throw new coda.UserVisibleError(
        `Not written: the team doc changed ${field} of ${quote(edit.next.Name)} to ${shown}${changedBy(row)}. Sync to see it, then edit again.`,
      );
    }
    const value = edit.next[field];
    if (field === "Current" && (value === undefined || value === null)) {
      throw new coda.UserVisibleError("Current cannot be blank: type the latest value.");
    }
    out.push({
      column: column.name,
      value: field === "Confidence" ? (checkedFraction("Confidence", value) ?? "") : (value ?? ""),
    });
  }
  return out;
}

export interface CheckInInput {
  keyResultId: string;
  value: number;
  confidence?: number;
  note?: string;
  date: Day;
  /** The day the returned row is judged on, as the KeyResults sync judges it: today in the doc's time zone unless given. */
  asOf: Day;
  keyResultsTable?: string;
  checkInsTable?: string;
  fiscalYearStartMonth?: number;
}

/**
 * Checks in a key result: sets its current value (and confidence) in the team
 * doc, then writes the day's check-in row, keyed by key result and day. The
 * row is the one that holds the key, or else the one check-in the pack did not
 * write (typed, or imported from a CSV file, its Key blank) that the sync reads
 * as this key result's on this day, so a key result keeps at most one
 * check-in a day. Everything that could refuse the check-in is checked before
 * anything is written; if the check-in cannot be written the key result is set
 * back, so the check-in ends whole or absent. Both writes are idempotent, so
 * running it again completes it and never adds a second check-in for the day.
 * It returns once both writes have landed, with the key result read back as
 * the KeyResults sync shows it on `asOf`; writes still queued when the run's
 * time is spent are reported as such.
 */
export async function recordCheckIn(context: coda.ExecutionContext, input: CheckInInput): Promise<KeyResultRow> {
  const {docId, rowId} = await syncedRow(context, input.keyResultId);
  const keyResultId = stableId(docId, rowId);
  if (!Number.isFinite(input.value)) throw new coda.UserVisibleError("The check-in's value must be a number.");
  const confidence = checkedFraction("confidence", input.confidence);
  const options: TeamDocOptions = {
    keyResultsTable: input.keyResultsTable,
    checkInsTable: input.checkInsTable,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
  };
  const team = new TeamDoc(context, docId, {...options, primary: "checkIns"});
  const [krTable, ciTable] = await Promise.all([team.keyResultsTable(true), team.checkInsTable(true)]);
  const row = krTable.rows.find(r => r.id === rowId);
  if (!row) {
    throw new coda.UserVisibleError(
      `The key result ${keyResultId.slice(0, 60)} is not in the team doc's ${krTable.name} table; sync the KeyResults table again.`,
    );
  }
  if (!ciTable) {
    throw new coda.UserVisibleError(
      `The doc ${docId} has no ${team.tableName("checkIns")} table to add the check-in to. ${SetupHint}`,
    );
  }

  const day = isoDay(input.date);
  // The tables just read, as the sync reads them: which check-ins are this key result's on this day.
  const read = await readTeamOkrs(context, docId, options, {checkIns: true, goals: false});
  const sameDay = new Set(
    read.checkIns.filter(c => c.keyResultId === keyResultId && c.date && isoDay(c.date) === day).map(c => c.id),
  );
  // A lookup column takes the key result's row; a text one, as a CSV import leaves it, its name.
  const lookup = (await columnType(context, ciTable, "KeyResult")) === "lookup";
  const name = nameOf(row, krTable);
  const checkIn = planWrite(
    ciTable,
    [
      ["KeyResult", lookup ? rowId : name, "blank"],
      ["Date", day, "blank"],
      ["Value", input.value],
      ["Confidence", confidence],
      ["Note", input.note],
    ],
    rowKey("checkin", rowId, day),
    {what: "check-in", same: r => sameDay.has(stableId(docId, r.id))},
  );

  const krCells: CellEdit[] = [{column: krTable.map.Current!.name, value: input.value}];
  if (confidence !== undefined && krTable.map.Confidence) {
    krCells.push({column: krTable.map.Confidence.name, value: confidence});
  }
  const before: CellEdit[] = krCells.map(c => ({column: c.column, value: rawValue(row.values[c.column])}));
  const valueWrite = await updateRow(context, docId, krTable.ref, rowId, krCells);
  let checkInWrite: KeyedWrite;
  try {
    checkInWrite = await putPlanned(context, ciTable, checkIn);
  } catch (error) {
    if (mayHaveWritten(error)) {
      // The check-in may have been queued: undoing the key result could leave the check-in alone.
      throw new coda.UserVisibleError(
        `The check-in may be only partly saved: ${reason(error)} Run CheckIn again to complete it; it never adds a second check-in.`,
      );
    }
    try {
      await updateRow(context, docId, krTable.ref, rowId, before);
    } catch {
      throw new coda.UserVisibleError(
        `The key result's value was saved but its check-in was not: ${reason(error)} Run CheckIn again to complete it; it never adds a second check-in.`,
      );
    }
    throw new coda.UserVisibleError(`Nothing was saved: ${reason(error)}`);
  }
  // The doc applies writes in order: the check-in lands after the key result's value.
  if (!(await hasLanded(context, valueWrite)) || !(await hasLanded(context, checkInWrite.requestId))) {
    throw new coda.UserVisibleError(
      `Queued, not yet applied: the check-in of ${quote(name)} waits in the doc ${docId}. Run CheckIn again in a minute to confirm it; it never adds a second check-in.`,
    );
  }
  const now = (await readKeyResultsNow(context, docId, options, input.asOf)).find(d => d.record.id === keyResultId);
  if (!now) {
    throw new coda.UserVisibleError(`${Deleted} Its check-in of ${day} stays in ${ciTable.name}: delete it there.`);
  }
  return keyResultRow(now);
}

/** A rich cell as a value to write back. */
function rawValue(value: unknown): CellEdit["value"] {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "number" || typeof value === "boolean") return value;
  return cells.text(value);
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, "") + ".";
