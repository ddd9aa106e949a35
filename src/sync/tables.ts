import * as coda from "@codahq/packs-sdk";
import type {Column, Row, TableReference} from "../../schemas/api";
import {all, listColumnsPage, listRowsPage, listTablesPage} from "../api/client";
import type {ColumnInfo, ColumnMap, FieldSpec} from "../engine/columns";
import {mapColumns, normalize} from "../engine/columns";
import {isInputError} from "../engine/errors";

/** Finding a doc's tables and reading them with their columns mapped to fields. */

export function toColumnInfo(c: Column): ColumnInfo {
  return {id: c.id, name: c.name, type: c.format.type, isArray: Boolean(c.format.isArray), lookupTable: c.format.table ? {id: c.format.table.id, name: c.format.table.name} : undefined};
}

export async function docTables(context: coda.ExecutionContext, docId: string): Promise<TableReference[]> {
  return all(token => listTablesPage(context, docId, token));
}

/** The table with this name (case and spacing ignored), or undefined. */
export function findTable(tables: readonly TableReference[], name: string): TableReference | undefined {
  return tables.find(t => t.id === name) ?? tables.find(t => normalize(t.name) === normalize(name));
}

export function requireTable(tables: readonly TableReference[], name: string, docId: string, docLabel = docId): TableReference {
  const table = findTable(tables, name);
  if (!table) {
    throw new coda.UserVisibleError(
      `The doc ${docLabel} has no table named "${name}". Its tables are: ${tables.map(t => t.name).join(", ") || "none"}. Name the table in the sync's table parameter.`,
    );
  }
  return table;
}

/** Maps a table's columns, turning a mapping problem into a message for the user. */
export async function mappedColumns<F extends string>(
  context: coda.ExecutionContext,
  docId: string,
  table: TableReference,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  columnsParam?: string,
  otherFields: readonly string[] = [],
): Promise<ColumnMap<F>> {
  const columns = (await all(token => listColumnsPage(context, docId, table, token))).map(toColumnInfo);
  return mapReadColumns(docId, table, columns, specs, columnsParam, otherFields);
}

/** Maps columns already read, turning a mapping problem into a message for the user. */
export function mapReadColumns<F extends string>(
  docId: string,
  table: TableReference,
  columns: readonly ColumnInfo[],
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  columnsParam?: string,
  otherFields: readonly string[] = [],
): ColumnMap<F> {
  try {
    return mapColumns(table.name, columns, specs, columnsParam, otherFields);
  } catch (error) {
    if (isInputError(error)) throw new coda.UserVisibleError(`In the doc ${docId}: ${error.message}`);
    throw error;
  }
}

export async function allRows(context: coda.ExecutionContext, docId: string, table: TableReference, query?: string): Promise<Row[]> {
  return all(token => listRowsPage(context, docId, table, token ? {pageToken: token} : {query}));
}

/** The value of a mapped field in a row (undefined when the column is not there). */
export function cell<F extends string>(row: Row, map: ColumnMap<F>, field: F): unknown {
  const column = map[field];
  return column ? row.values[column.id] : undefined;
}

export const stableId = (docId: string, rowId: string) => `${docId}/${rowId}`;

export function splitStableId(id: string): {docId: string; rowId: string} {
  const at = id.indexOf("/");
  if (at <= 0 || at === id.length - 1) {
    throw new coda.UserVisibleError(`"${id}" is not a synced row id (doc id/row id). Use the Id column of a Leadership OS sync table.`);
  }
  return {docId: id.slice(0, at), rowId: id.slice(at + 1)};
}

/** Drops undefined properties: a blank cell is an absent property in a sync row. */
export function compact<T extends Record<string, unknown>>(row: T): T {
  for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
  return row;
}
