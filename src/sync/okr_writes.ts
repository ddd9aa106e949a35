import {SetupHint} from "../engine/columns";
import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {CellEdit} from "../api/client";
import {mayHaveWritten, updateRow, upsertRows} from "../api/client";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {isInputError} from "../engine/errors";
import {fraction} from "../engine/numbers";
import type {FieldName} from "./fields";
import type {KeyResultFields} from "./fields";
import type {KeyResultRow} from "./okr_rows";
import {deriveKeyResults, keyResultRow} from "./okr_rows";
import type {TeamDocOptions} from "./okr_source";
import {readTeamOkrs, TeamDoc} from "./okr_source";
import type {SourceTable} from "./source";
import {cell, splitStableId, stableId} from "./source";
import {columnType, isPlainText, planWrite, putPlanned, rowKey} from "./write";

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

const same = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

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

/**
 * Applies a batch of two-way edits. Each edit is compared with its source row
 * first: if the team doc changed since the last sync, the edit is kept out and
 * the row fails with the newer value. The rest go in one write per source
 * table when the key results' names identify their rows, else one per row.
 */
export async function editKeyResults(context: coda.ExecutionContext, edits: readonly KeyResultEdit[], asOf: Day, options: TeamDocOptions): Promise<Array<KeyResultRow | Error>> {
  const results: Array<KeyResultRow | Error> = edits.map(() => new Error("Not written."));
  const groups = new Map<string, number[]>();
  edits.forEach((e, i) => {
    const key = `${splitStableId(e.next.Id).docId}|${e.next.SourceTable ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indexes of groups.values()) {
    try {
      await editOneTable(context, edits, indexes, results, asOf, options);
    } catch (error) {
      for (const i of indexes) results[i] = error instanceof Error ? error : new Error(String(error));
    }
  }
  return results;
}

async function editOneTable(
  context: coda.ExecutionContext,
  edits: readonly KeyResultEdit[],
  indexes: number[],
  results: Array<KeyResultRow | Error>,
  asOf: Day,
  options: TeamDocOptions,
): Promise<void> {
  const {docId} = splitStableId(edits[indexes[0]].next.Id);
  const source = edits[indexes[0]].next.SourceTable;
  if (!source) throw new coda.UserVisibleError("This row does not say which table it came from; sync the table again before editing.");
  const team = new TeamDoc(context, docId, {...options, keyResultsTable: source});
  const table = await team.keyResultsTable(true);
  const byId = new Map(table.rows.map(r => [r.id, r]));
  const writes: Array<{index: number; row: Row; cells: CellEdit[]}> = [];
  for (const i of indexes) {
    const edit = edits[i];
    const row = byId.get(splitStableId(edit.next.Id).rowId);
    if (!row) {
      results[i] = new coda.UserVisibleError(`${edit.next.Name} is no longer in the team doc ${docId}; sync again.`);
      continue;
    }
    try {
      writes.push({index: i, row, cells: cellsFor(edit, row, table)});
    } catch (error) {
      results[i] = error instanceof Error ? error : new Error(String(error));
    }
  }
  if (!writes.length) return;
  const failed = await writeEdits(context, table, writes);
  for (const [i, error] of failed) results[i] = error;
  const written = writes.filter(w => !failed.has(w.index));
  if (!written.length) return;
  for (const w of written) results[w.index] = edits[w.index].next;
  // The team doc shows the edits seconds later; the rows returned show them now, computed again.
  let okrs;
  try {
    okrs = await readTeamOkrs(context, docId, {...options, keyResultsTable: source}, {checkIns: true, goals: true});
  } catch {
    return; // Written; the next sync computes the rest.
  }
  for (const w of written) {
    const edit = edits[w.index];
    const record = okrs.keyResults.find(k => k.id === edit.next.Id);
    if (!record) continue;
    if (edit.fields.includes("Current")) record.current = edit.next.Current;
    if (edit.fields.includes("Confidence")) record.confidence = edit.next.Confidence;
  }
  const derived = new Map(deriveKeyResults(okrs, asOf).map(d => [d.record.id, d]));
  for (const w of written) {
    const d = derived.get(edits[w.index].next.Id);
    if (d) results[w.index] = keyResultRow(d);
  }
}

/** The cells an edit writes, after checking the source still holds what the edit started from. */
function cellsFor(edit: KeyResultEdit, row: Row, table: KrTable): CellEdit[] {
  const out: CellEdit[] = [];
  for (const field of Editable) {
    if (!edit.fields.includes(field)) continue;
    const column = table.map[field];
    if (!column) throw new coda.UserVisibleError(`The team's ${table.name} table has no ${field} column to write to. ${SetupHint}`);
    const now = sourceValue(field, row.values[column.name]);
    const before = edit.previous[field];
    if (!same(now, before ?? undefined)) {
      const shown = now === undefined ? "blank" : String(now);
      throw new coda.UserVisibleError(`Not written: the team doc changed ${field} of ${edit.next.Name} to ${shown}${changedBy(row)}. Sync to see it, then edit again.`);
    }
    const value = edit.next[field];
    if (field === "Current" && (value === undefined || value === null)) throw new coda.UserVisibleError("Current cannot be blank: type the latest value.");
    out.push({column: column.name, value: field === "Confidence" ? (checkedFraction("Confidence", value) ?? "") : (value ?? "")});
  }
  return out;
}

/**
 * One upsert keyed on the name column when every edited row's name is plain
 * text and unique in the table; otherwise one update per row. Answers the
 * edits that failed, by index.
 */
async function writeEdits(context: coda.ExecutionContext, table: KrTable, writes: Array<{index: number; row: Row; cells: CellEdit[]}>): Promise<Map<number, Error>> {
  const failed = new Map<number, Error>();
  const nameColumn = table.map.Name?.name;
  const plainName = (row: Row) => (nameColumn && isPlainText(row.values[nameColumn]) ? String(row.values[nameColumn]).slice(3, -3) : undefined);
  const names = new Map<string, number>();
  for (const r of table.rows) {
    const name = plainName(r);
    if (name !== undefined) names.set(name, (names.get(name) ?? 0) + 1);
  }
  const keyed = nameColumn !== undefined && writes.length > 1 && writes.every(w => names.get(plainName(w.row) ?? "") === 1);
  if (keyed) {
    try {
      await upsertRows(context, table.docId, table.ref, writes.map(w => [{column: nameColumn, value: plainName(w.row)!}, ...w.cells]), [nameColumn]);
    } catch (error) {
      for (const w of writes) failed.set(w.index, error instanceof Error ? error : new Error(String(error)));
    }
    return failed;
  }
  for (const w of writes) {
    try {
      await updateRow(context, table.docId, table.ref, w.row.id, w.cells);
    } catch (error) {
      failed.set(w.index, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return failed;
}

export interface CheckInInput {
  keyResultId: string;
  value: number;
  confidence?: number;
  note?: string;
  date: Day;
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
 */
export async function recordCheckIn(context: coda.ExecutionContext, input: CheckInInput): Promise<KeyResultRow> {
  const {docId, rowId} = splitStableId(input.keyResultId);
  if (!Number.isFinite(input.value)) throw new coda.UserVisibleError("The check-in's value must be a number.");
  const confidence = checkedFraction("confidence", input.confidence);
  const options: TeamDocOptions = {keyResultsTable: input.keyResultsTable, checkInsTable: input.checkInsTable, fiscalYearStartMonth: input.fiscalYearStartMonth};
  const team = new TeamDoc(context, docId, {...options, primary: "checkIns"});
  const [krTable, ciTable] = await Promise.all([team.keyResultsTable(true), team.checkInsTable(true)]);
  const row = krTable.rows.find(r => r.id === rowId);
  if (!row) throw new coda.UserVisibleError(`The key result ${input.keyResultId} is not in the team doc's ${krTable.name} table; sync the KeyResults table again.`);
  if (!ciTable) throw new coda.UserVisibleError(`The doc ${docId} has no ${team.tableName("checkIns")} table to add the check-in to. ${SetupHint}`);

  const day = isoDay(input.date);
  // The tables just read, as the sync reads them: which check-ins are this key result's on this day.
  const read = await readTeamOkrs(context, docId, options, {checkIns: true, goals: false});
  const sameDay = new Set(read.checkIns.filter(c => c.keyResultId === input.keyResultId && c.date && isoDay(c.date) === day).map(c => c.id));
  // A lookup column takes the key result's row; a text one, as a CSV import leaves it, its name.
  const lookup = (await columnType(context, ciTable, "KeyResult")) === "lookup";
  const checkIn = planWrite(
    ciTable,
    [
      ["KeyResult", lookup ? rowId : cells.text(cell(row, krTable.map, "Name")) || cells.text(row.name), "blank"],
      ["Date", day, "blank"],
      ["Value", input.value],
      ["Confidence", confidence],
      ["Note", input.note],
    ],
    rowKey("checkin", rowId, day),
    {what: "check-in", same: r => sameDay.has(stableId(docId, r.id))},
  );

  const krCells: CellEdit[] = [{column: krTable.map.Current!.name, value: input.value}];
  if (confidence !== undefined && krTable.map.Confidence) krCells.push({column: krTable.map.Confidence.name, value: confidence});
  const before: CellEdit[] = krCells.map(c => ({column: c.column, value: rawValue(row.values[c.column])}));
  await updateRow(context, docId, krTable.ref, rowId, krCells);
  try {
    await putPlanned(context, ciTable, checkIn);
  } catch (error) {
    if (mayHaveWritten(error)) {
      // The check-in may have been queued: undoing the key result could leave the check-in alone.
      throw new coda.UserVisibleError(`The check-in may be only partly saved: ${reason(error)} Run CheckIn again to complete it; it never adds a second check-in.`);
    }
    try {
      await updateRow(context, docId, krTable.ref, rowId, before);
    } catch {
      throw new coda.UserVisibleError(`The key result's value was saved but its check-in was not: ${reason(error)} Run CheckIn again to complete it; it never adds a second check-in.`);
    }
    throw new coda.UserVisibleError(`Nothing was saved: ${reason(error)}`);
  }

  const okrs = await readTeamOkrs(context, docId, options, {checkIns: true, goals: true});
  const record = okrs.keyResults.find(k => k.id === input.keyResultId);
  if (!record) throw new coda.UserVisibleError(`The key result ${input.keyResultId} is no longer in the team doc; sync again.`);
  record.current = input.value;
  if (confidence !== undefined) record.confidence = confidence;
  const checkIns = [
    ...okrs.checkIns.filter(c => !(c.keyResultId === record.id && c.date && isoDay(c.date) === day)),
    {id: `${docId}/pending`, keyResultId: record.id, keyResultName: record.name, date: input.date, value: input.value, confidence, note: input.note ?? "", link: record.link, problems: []},
  ];
  return keyResultRow(deriveKeyResults({objectives: okrs.objectives, keyResults: [record], checkIns}, input.date)[0]);
}

/** A rich cell as a value to write back. */
function rawValue(value: unknown): CellEdit["value"] {
  if (value === undefined || value === null || value === "") return "";
  if (typeof value === "number" || typeof value === "boolean") return value;
  return cells.text(value);
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, "") + ".";
