import * as coda from "@codahq/packs-sdk";
import type {Column, Row, TableReference} from "../../schemas/api";
import {
  all,
  ApiError,
  getTable,
  listColumnsPage,
  listRowsPage,
  listTablesPage,
  once,
  resolveRowLink,
} from "../api/client";
import type {Page} from "../api/client";
import type {ColumnInfo, ColumnMap, FieldSpec} from "../engine/columns";
import {listWithin, mapColumns, MessageRoom, normalize, SetupHint} from "../engine/columns";
import {isInputError} from "../engine/errors";

/**
 * The one read path of every sync area: a source table found by name, read
 * whole with the API's page tokens, checked for changes made while it was
 * read, deduplicated by row id, and its columns mapped to the fields a sync
 * needs. Each table is read once per execution, however many areas ask.
 *
 * Rows come keyed by column name, so reading a table takes one request per page
 * and nothing more; the table's details are asked for only when it spans
 * several pages (to see whether it changed meanwhile, at a cost of three more
 * requests) and its columns only when a field must be found by its format or
 * the table is empty.
 */

export interface SourceTable<F extends string> {
  docId: string;
  /** The table's id when it had to be looked up, else its name: what API paths take. */
  ref: string;
  name: string;
  columns: readonly ColumnInfo[];
  map: ColumnMap<F>;
  rows: Row[];
}

/** What a row builder needs of a table read: its doc, rows and column map. */
export type TableRows<F extends string> = Pick<SourceTable<F>, "docId" | "rows" | "map">;

export interface ReadOptions {
  /** Explicit column names for this table (`Field=Column; …`). */
  columns?: string;
  /** Fields of other tables the same `columns` text may name. */
  otherFields?: readonly string[];
  /**
   * Read again even if this execution has read the table already, and ask for
   * the doc's latest version: before comparing a value to write, and after a write.
   */
  fresh?: boolean;
  /**
   * Only the rows matter (notes read on the side): an empty table is taken as
   * it is, without asking for its columns to check them.
   */
  rowsOnly?: boolean;
}

/** Attempts at reading a multi-page table that changes while it is read. */
const ConsistentReadAttempts = 3;

export function toColumnInfo(c: Column): ColumnInfo {
  return {
    id: c.id,
    name: c.name,
    type: c.format.type,
    isArray: Boolean(c.format.isArray),
    lookupTable: c.format.table ? {id: c.format.table.id, name: c.format.table.name} : undefined,
  };
}

export function docTables(context: coda.ExecutionContext, docId: string): Promise<TableReference[]> {
  return once(context, `tables:${docId}`, () => all(token => listTablesPage(context, docId, token)));
}

/** The table with this id or name (case, spacing and punctuation ignored), or undefined. */
export function findTable(tables: readonly TableReference[], name: string): TableReference | undefined {
  return (
    tables.find(t => t.id === name) ??
    tables.find(t => t.name === name) ??
    tables.find(t => normalize(t.name) === normalize(name))
  );
}

/** Whether the doc holds a table of this name (case, spacing and punctuation aside). */
export async function holdsTable(context: coda.ExecutionContext, docId: string, name: string): Promise<boolean> {
  return Boolean(findTable(await docTables(context, docId), name));
}

/** Every table whose name is this name, case, spacing and punctuation ignored: more than one is a setup mistake. */
export function sameNameTables(tables: readonly TableReference[], name: string): TableReference[] {
  return tables.filter(t => normalize(t.name) === normalize(name));
}

/** A table a sync needs is not in the doc: the table's name says which, for a sync to say what adding it would give. */
export class MissingTableError extends coda.UserVisibleError {
  constructor(
    message: string,
    readonly table: string,
  ) {
    super(message);
  }
}

function missingTable(docId: string, name: string, tables: readonly TableReference[]): MissingTableError {
  const said = `The doc ${docId} has no table named "${name.slice(0, 40)}". Its tables are: `;
  const fix = `Name yours in the sync's table parameter. ${SetupHint}`;
  return new MissingTableError(
    `${said}${listWithin(
      tables.map(t => t.name),
      MessageRoom + 28 - said.length - fix.length - 2,
    )}. ${fix}`,
    name,
  );
}

/** Two tables the pack could read for one name: it reads neither, and says which they are. */
export function twoTables(docId: string, name: string, tables: readonly TableReference[]): coda.UserVisibleError {
  const names = listWithin(
    tables.map(t => `"${t.name}"`),
    60,
  );
  return new coda.UserVisibleError(
    `The doc ${docId} has ${tables.length} tables named like "${name.slice(0, 30)}": ${names}. Rename or delete the one the pack should not read. ${SetupHint}`,
  );
}

interface RawTable {
  ref: string;
  name: string;
  rows: Row[];
}

/** The rows of a table, or undefined when the doc has no such table. */
function rawTable(
  context: coda.ExecutionContext,
  docId: string,
  name: string,
  fresh = false,
): Promise<RawTable | undefined> {
  return once(
    context,
    `rows:${docId}:${name}`,
    async () => {
      let ref = name;
      let found = name;
      let first: Page<Row>;
      try {
        first = await listRowsPage(context, docId, ref, {latest: fresh});
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404 || error.docNotShared) throw error;
        // Not found by its exact name: look for it among the doc's tables, refusing to guess between two.
        const tables = await docTables(context, docId);
        const table = findTable(tables, name);
        if (!table) return undefined;
        const alike = sameNameTables(tables, name);
        if (table.id !== name && alike.length > 1) throw twoTables(docId, name, alike);
        ref = table.id;
        found = table.name;
        first = await listRowsPage(context, docId, ref, {latest: fresh});
      }
      const rows = first.continuation ? await consistentRows(context, docId, ref, found, fresh) : first.items;
      return {ref, name: found, rows};
    },
    fresh,
  );
}

/** A table that changed each time it was read: worth reading again later, not a fault of the doc. */
export class TableKeptChangingError extends coda.UserVisibleError {}

/**
 * Reads a table of several pages whole. Rows added or removed between two pages
 * shift the pages, so every page is read between two looks at the table's row
 * count and last change; when either moved, or the rows read do not add up to
 * the count, the table is read again. The first look comes before the first
 * page: the first page as read before it, which only showed that the table
 * spans pages, is read again after it, since a row deleted from it in between
 * would go unseen while the next page skipped a row. So a read costs the
 * table's pages and three requests: that first page, then a look, the pages
 * and a look. Rows seen twice are kept once. A table whose last change keeps
 * moving while its rows add up (a formula that recalculates) is taken on the
 * last attempt.
 */
async function consistentRows(
  context: coda.ExecutionContext,
  docId: string,
  ref: string,
  name: string,
  latest: boolean,
): Promise<Row[]> {
  for (let attempt = 1; attempt <= ConsistentReadAttempts; attempt++) {
    const before = await getTable(context, docId, ref, latest);
    const rows = new Map<string, Row>();
    for (const row of await all(pageToken => listRowsPage(context, docId, ref, {pageToken, latest}))) {
      rows.set(row.id, row);
    }
    const after = await getTable(context, docId, ref, latest);
    const addsUp = rows.size === after.rowCount && before.rowCount === after.rowCount;
    if (addsUp && (after.updatedAt === before.updatedAt || attempt === ConsistentReadAttempts)) {
      return [...rows.values()];
    }
  }
  throw new TableKeptChangingError(
    `The table ${name} in the doc ${docId} kept changing while it was read. Sync again in a minute.`,
  );
}

/** The table's columns with their formats. */
export function typedColumns(context: coda.ExecutionContext, docId: string, ref: string): Promise<ColumnInfo[]> {
  return once(context, `columns:${docId}:${ref}`, async () =>
    (await all(token => listColumnsPage(context, docId, ref, token))).map(toColumnInfo),
  );
}

/** Column names as the rows show them. */
function namedColumns(rows: readonly Row[]): ColumnInfo[] {
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) names.add(key);
  return [...names].map(n => ({id: n, name: n, type: "", isArray: false}));
}

/** Maps columns already read, turning a mapping problem into a message for the user. */
export function mapOrExplain<F extends string>(
  docId: string,
  name: string,
  columns: readonly ColumnInfo[],
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  options: ReadOptions,
): ColumnMap<F> {
  try {
    return mapColumns(name, columns, specs, options.columns, options.otherFields);
  } catch (error) {
    if (isInputError(error)) throw new coda.UserVisibleError(`In the doc ${docId}: ${error.message}`);
    throw error;
  }
}

/** Maps columns by the names the rows show, asking for the columns' formats only when that is not enough. */
async function mapped<F extends string>(
  context: coda.ExecutionContext,
  docId: string,
  raw: RawTable,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  options: ReadOptions,
) {
  if (!raw.rows.length && options.rowsOnly) return {columns: [], map: {} as ColumnMap<F>};
  if (raw.rows.length) {
    const columns = namedColumns(raw.rows);
    try {
      return {columns, map: mapColumns(raw.name, columns, specs, options.columns, options.otherFields)};
    } catch (error) {
      if (!isInputError(error)) throw error;
    }
  }
  const columns = await typedColumns(context, docId, raw.ref);
  try {
    return {columns, map: mapOrExplain(docId, raw.name, columns, specs, options)};
  } catch (error) {
    // A table that lacks columns may be the wrong one of two alike: say so rather than what it lacks.
    const alike = sameNameTables(await docTables(context, docId), raw.name);
    throw alike.length > 1 ? twoTables(docId, raw.name, alike) : error;
  }
}

/** A source table read whole with its columns mapped; a clear error when the doc has no such table. */
export async function readTable<F extends string>(
  context: coda.ExecutionContext,
  docId: string,
  name: string,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  options: ReadOptions = {},
): Promise<SourceTable<F>> {
  const table = await readOptionalTable(context, docId, name, specs, options);
  if (!table) throw missingTable(docId, name, await docTables(context, docId));
  return table;
}

/** Like readTable, but undefined when the doc has no such table. */
export async function readOptionalTable<F extends string>(
  context: coda.ExecutionContext,
  docId: string,
  name: string,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  options: ReadOptions = {},
): Promise<SourceTable<F> | undefined> {
  const raw = await rawTable(context, docId, name, options.fresh);
  if (!raw) return undefined;
  const {columns, map} = await mapped(context, docId, raw, specs, options);
  return {docId, ref: raw.ref, name: raw.name, columns, map, rows: raw.rows};
}

/** The value of a mapped field in a row (undefined when the table has no such column). */
export function cell<F extends string>(row: Row, map: ColumnMap<F>, field: F): unknown {
  const column = map[field];
  return column ? row.values[column.name] : undefined;
}

export const stableId = (docId: string, rowId: string) => `${docId}/${rowId}`;

const IsLink = /^https?:\/\//i;

const notARow = (id: string) =>
  new coda.UserVisibleError(
    `"${(id ?? "").slice(0, 40)}" is not a synced row id (doc id/row id). Use the Id column of a Leadership OS sync table, or the row's link.`,
  );

export function splitStableId(id: string): {docId: string; rowId: string} {
  const at = (id ?? "").indexOf("/");
  if (IsLink.test(id ?? "") || at <= 0 || at === id.length - 1) throw notARow(id);
  return {docId: id.slice(0, at), rowId: id.slice(at + 1)};
}

/** A synced row's Id, or a row's browser link ("Copy link to row"), as the doc and row it names. */
export async function syncedRow(
  context: coda.ExecutionContext,
  input: string,
): Promise<{docId: string; rowId: string}> {
  const text = (input ?? "").trim();
  if (!IsLink.test(text)) return splitStableId(text);
  const row = await resolveRowLink(context, text);
  if (!row) {
    throw new coda.UserVisibleError(
      `The link "${text.slice(0, 40)}" is not a link to a row: use the Id column of a Leadership OS sync table, or the row's own link.`,
    );
  }
  return row;
}

/** Drops undefined properties: a blank cell is an absent property in a sync row. */
export function compact<T extends object>(row: T): T {
  for (const key of Object.keys(row) as Array<keyof T>) if (row[key] === undefined) delete row[key];
  return row;
}

/** Specs with nothing required: for a table read on the side, which must never fail the sync that reads it. */
export function relaxed<F extends string>(specs: ReadonlyArray<FieldSpec & {field: F}>): Array<FieldSpec & {field: F}> {
  return specs.map(s => ({...s, required: false}));
}
