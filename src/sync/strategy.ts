import type * as coda from "@codahq/packs-sdk";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import type {GoalRow, ImperativeRow} from "./okr_rows";
import {personRow} from "./people";
import {cell, compact, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {DefaultTableNames, GoalFields, ImperativeFields} from "./tables";

/** Reads a strategy doc: its strategic imperatives and annual goals, as sync rows. */

export async function imperativeRows(
  context: coda.ExecutionContext,
  docId: string,
  tableName: string,
  columns?: string,
): Promise<ImperativeRow[]> {
  const {rows, map} = await readTable(context, docId, tableName, ImperativeFields, {columns});
  return rows.map(row =>
    compact({
      Id: stableId(docId, row.id),
      Name: cells.text(cell(row, map, "Name")) || cells.text(row.name),
      Code: cells.text(cell(row, map, "Code")) || undefined,
      Owner: personRow(cell(row, map, "Owner")),
      Description: cells.text(cell(row, map, "Description")) || undefined,
      Link: row.browserLink,
    }),
  );
}

/**
 * The imperatives of the doc by name and code, read only when a goal names its
 * imperative as text (as a CSV import leaves the column).
 */
async function imperativesByName(
  context: coda.ExecutionContext,
  docId: string,
): Promise<Map<string, {Id: string; Name: string}>> {
  const table = await readOptionalTable(context, docId, DefaultTableNames.imperatives, relaxed(ImperativeFields));
  const byName = new Map<string, {Id: string; Name: string}>();
  for (const row of table?.rows ?? []) {
    const name = cells.text(cell(row, table!.map, "Name")) || cells.text(row.name);
    const imperative = {Id: stableId(docId, row.id), Name: name};
    for (const key of [name, cells.text(cell(row, table!.map, "Code"))].filter(Boolean)) {
      byName.set(normalize(key), imperative);
    }
  }
  return byName;
}

export async function goalRows(
  context: coda.ExecutionContext,
  docId: string,
  tableName: string,
  columns?: string,
): Promise<GoalRow[]> {
  const {rows, map} = await readTable(context, docId, tableName, GoalFields, {columns});
  const refs = rows.map(row => cells.refs(cell(row, map, "Imperative"))[0]);
  const byName = refs.some(ref => ref && !ref.rowId)
    ? await imperativesByName(context, docId)
    : new Map<string, {Id: string; Name: string}>();
  return rows.map((row, i) => {
    const problems: string[] = [];
    // A lookup into the same doc's imperatives keeps the row id; a name typed as text is matched to the imperative's row.
    const ref = refs[i];
    const imperative = ref?.rowId
      ? {Id: stableId(docId, ref.rowId), Name: ref.name || "Not found"}
      : ref
        ? byName.get(normalize(ref.name))
        : undefined;
    if (!ref) problems.push("Serves no strategic imperative: link the imperative it serves.");
    else if (!imperative) {
      problems.push(
        `No strategic imperative is named "${ref.name.slice(0, 40)}": give one's name or code, as the Strategic Imperatives table spells it.`,
      );
    }
    const year = cells.number(cell(row, map, "FiscalYear"), "Fiscal Year");
    if (year.problem) problems.push(year.problem);
    return compact({
      Id: stableId(docId, row.id),
      Name: cells.text(cell(row, map, "Name")) || cells.text(row.name),
      Code: cells.text(cell(row, map, "Code")) || undefined,
      Imperative: imperative,
      ImperativeName: ref?.name || undefined,
      Owner: personRow(cell(row, map, "Owner")),
      FiscalYear: year.value,
      Problems: problems.length ? problems.join(" ") : undefined,
      Link: row.browserLink,
    });
  });
}
