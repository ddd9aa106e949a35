import type * as coda from "@codahq/packs-sdk";
import * as cells from "../engine/cells";
import {GoalFields, ImperativeFields} from "./fields";
import {allRows, cell, compact, docTables, findTable, mappedColumns, requireTable, stableId} from "./tables";

/** Reads a strategy doc: its strategic imperatives and annual goals. */

const personRow = (value: unknown) => {
  const p = cells.people(value)[0];
  return p && p.email ? {Name: p.name || p.email, Email: p.email} : undefined;
};

export async function imperativeRows(context: coda.ExecutionContext, docId: string, tableName: string, columns?: string) {
  const table = requireTable(await docTables(context, docId), tableName, docId);
  const [map, rows] = await Promise.all([mappedColumns(context, docId, table, ImperativeFields, columns), allRows(context, docId, table)]);
  return rows.map(row =>
    compact({
    Id: stableId(docId, row.id),
    Name: cells.text(cell(row, map, "Name")) || row.name,
    Code: cells.text(cell(row, map, "Code")) || undefined,
    Owner: personRow(cell(row, map, "Owner")),
    Description: cells.text(cell(row, map, "Description")) || undefined,
    Link: row.browserLink,
    }),
  );
}

export async function goalRows(context: coda.ExecutionContext, docId: string, tableName: string, columns?: string) {
  const tables = await docTables(context, docId);
  const table = requireTable(tables, tableName, docId);
  const [map, rows] = await Promise.all([mappedColumns(context, docId, table, GoalFields, columns), allRows(context, docId, table)]);
  return rows.map(row => {
    const problems: string[] = [];
    const ref = cells.refs(cell(row, map, "Imperative"))[0];
    // A lookup into the same doc's imperatives table keeps the row id, which is the imperative's stable id.
    const target = map.Imperative?.lookupTable ? findTable(tables, map.Imperative.lookupTable.id) : undefined;
    const imperative = ref?.rowId && (!ref.tableId || ref.tableId === target?.id) ? {Id: stableId(docId, ref.rowId), Name: ref.name || "Not found"} : undefined;
    if (!ref) problems.push("Serves no strategic imperative: link the imperative it serves.");
    else if (!imperative) problems.push(`The imperative "${ref.name}" is typed as text; link the imperative's row instead.`);
    const year = cells.number(cell(row, map, "FiscalYear"), "Fiscal Year");
    if (year.problem) problems.push(year.problem);
    return compact({
      Id: stableId(docId, row.id),
      Name: cells.text(cell(row, map, "Name")) || row.name,
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
