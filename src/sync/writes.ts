import * as coda from "@codahq/packs-sdk";
import type {TableReference} from "../../schemas/api";
import {deleteRow, getRow, insertRow, mutationApplied, updateRow} from "../api/client";
import type {CellEdit} from "../api/client";
import {isoDay} from "../engine/calendar";
import type {Day} from "../engine/calendar";
import * as cells from "../engine/cells";
import {cycleFromName} from "../engine/cycle";
import {isInputError} from "../engine/errors";
import {fraction} from "../engine/numbers";
import {deriveKeyResult} from "../engine/okr_rows";
import type {FieldName} from "./fields";
import {CheckInFields, KeyResultFields} from "./fields";
import {TeamDoc} from "./okr_source";
import {cell, mappedColumns, splitStableId} from "./tables";

/** Writing back to team docs: two-way edits of key results and check-ins. */

function checkedFraction(name: string, value: number | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return fraction(name, value);
  } catch (error) {
    if (isInputError(error)) throw new coda.UserVisibleError(error.message);
    throw error;
  }
}

export interface KeyResultEdit {
  Id: string;
  SourceTable?: string;
  Current?: number;
  Confidence?: number;
  Start?: number;
  Target?: number;
  Kind?: string;
  Cycle?: string;
  [key: string]: unknown;
}

/**
 * Writes a key result's Current and Confidence to its source row and returns the
 * row with its progress, grade and status computed again.
 */
/** Column maps shared by the edits of one batch, so each table's columns are read once. */
export type ColumnMaps = Map<string, ReturnType<typeof mappedColumns<FieldName<typeof KeyResultFields>>>>;

export async function writeKeyResult(
  context: coda.ExecutionContext,
  edit: KeyResultEdit,
  fields: readonly string[],
  asOf: Day,
  fiscalYearStartMonth?: number,
  maps: ColumnMaps = new Map(),
): Promise<KeyResultEdit> {
  const {docId, rowId} = splitStableId(edit.Id);
  if (!edit.SourceTable) throw new coda.UserVisibleError("This row does not say which table it came from; sync the table again before editing.");
  const table: TableReference = {id: edit.SourceTable, name: "Key Results"};
  const key = `${docId}/${table.id}`;
  if (!maps.has(key)) maps.set(key, mappedColumns(context, docId, table, KeyResultFields));
  const map = await maps.get(key)!;
  const edits: CellEdit[] = [];
  if (fields.includes("Current")) {
    if (edit.Current === undefined || edit.Current === null) throw new coda.UserVisibleError("Current cannot be blank: type the latest value.");
    edits.push({column: map.Current!.id, value: edit.Current});
  }
  if (fields.includes("Confidence")) {
    if (!map.Confidence) throw new coda.UserVisibleError("The team's Key Results table has no Confidence column to write to.");
    edits.push({column: map.Confidence.id, value: checkedFraction("Confidence", edit.Confidence) ?? ""});
  }
  if (!edits.length) return edit;
  const requestId = await updateRow(context, docId, table, rowId, edits);
  await mutationApplied(context, requestId);
  const problems: string[] = [];
  let cycle;
  try {
    cycle = edit.Cycle ? cycleFromName(edit.Cycle, fiscalYearStartMonth) : undefined;
  } catch {
    cycle = undefined;
  }
  const derived = deriveKeyResult({start: edit.Start, target: edit.Target, current: edit.Current, kind: edit.Kind, confidence: edit.Confidence}, cycle, asOf, [], problems);
  return {...edit, Progress: derived.progress, Grade: derived.grade, Status: derived.status};
}

export interface CheckInInput {
  keyResultId: string;
  value: number;
  confidence?: number;
  note?: string;
  date: Day;
  keyResultsTable?: string;
  checkInsTable?: string;
}

/**
 * Appends a check-in to the team doc and moves the key result's current value
 * (and confidence) to it. If the second write fails the first is taken back, so
 * nothing is left half-written.
 */
export async function recordCheckIn(context: coda.ExecutionContext, input: CheckInInput) {
  const {docId, rowId} = splitStableId(input.keyResultId);
  const confidence = checkedFraction("confidence", input.confidence);
  const team = await TeamDoc.open(context, docId, {keyResultsTable: input.keyResultsTable, checkInsTable: input.checkInsTable});
  const krTable = team.table("keyResults")!;
  const ciTable = team.table("checkIns")!;
  const [krMap, ciMap] = await Promise.all([mappedColumns(context, docId, krTable, KeyResultFields), mappedColumns(context, docId, ciTable, CheckInFields)]);
  const checkIn: CellEdit[] = [
    {column: ciMap.KeyResult!.id, value: rowId},
    {column: ciMap.Date!.id, value: isoDay(input.date)},
    {column: ciMap.Value!.id, value: input.value},
  ];
  if (confidence !== undefined && ciMap.Confidence) checkIn.push({column: ciMap.Confidence.id, value: confidence});
  if (input.note && ciMap.Note) checkIn.push({column: ciMap.Note.id, value: input.note});
  const added = await insertRow(context, docId, ciTable, checkIn);
  const current: CellEdit[] = [{column: krMap.Current!.id, value: input.value}];
  if (confidence !== undefined && krMap.Confidence) current.push({column: krMap.Confidence.id, value: confidence});
  try {
    await updateRow(context, docId, krTable, rowId, current);
  } catch (error) {
    if (added.rowId) {
      await mutationApplied(context, added.requestId);
      await deleteRow(context, docId, ciTable, added.rowId).catch(() => undefined);
    }
    throw error;
  }
  const applied = await mutationApplied(context, added.requestId);
  const row = await getRow(context, docId, krTable, rowId);
  const currentRead = cells.number(cell(row, krMap, "Current"), "Current");
  return {
    Id: input.keyResultId,
    Name: cells.text(cell(row, krMap, "Name")) || row.name,
    Current: applied ? currentRead.value : input.value,
    Confidence: confidence,
    LastCheckIn: isoDay(input.date),
    Stale: false,
  };
}
