import type * as coda from "@codahq/packs-sdk";
import * as cells from "../engine/cells";
import {GoalFields, ImperativeFields} from "./fields";
import type {GoalRow, ImperativeRow} from "./okr_rows";
import {personRow} from "./people";
import {cell, compact, readTable, stableId} from "./source";

/** Reads a strategy doc: its strategic imperatives and annual goals, as sync rows. */

export async function imperativeRows(context: coda.ExecutionContext, docId: string, tableName: string, columns?: string): Promise<ImperativeRow[]> {
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

export async function goalRows(context: coda.ExecutionContext, docId: string, tableName: string, columns?: string): Promise<GoalRow[]> {
  const {rows, map} = await readTable(context, docId, tableName, GoalFields, {columns});
  return rows.map(row => {
    const problems: string[] = [];
    // A lookup into the same doc's imperatives keeps the row id, which makes the imperative's stable id.
    const ref = cells.refs(cell(row, map, "Imperative"))[0];
    const imperative = ref?.rowId ? {Id: stableId(docId, ref.rowId), Name: ref.name || "Not found"} : undefined;
    if (!ref) problems.push("Serves no strategic imperative: link the imperative it serves.");
    else if (!imperative) problems.push(`The imperative "${ref.name.slice(0, 60)}" is typed as text; link the imperative's row instead.`);
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
