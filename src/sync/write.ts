import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {CellEdit, CellValue} from "../api/client";
import {updateRow, upsertRows, writeLanded} from "../api/client";
import * as cells from "../engine/cells";
import type {FieldSpec} from "../engine/columns";
import {SetupHint} from "../engine/columns";
import {Contract, shorten} from "../engine/contract";
import type {SourceTable} from "./source";
import {readTable, typedColumns} from "./source";

/**
 * The one write path: every row the pack adds carries a key, written to the
 * source table, and goes in as an upsert on that key, so a retried action
 * updates the row it made instead of adding a second one. A row that is there
 * already is updated by its row id: the row holding the key, or else the one
 * row the pack did not write (its Key blank, or the table without Key, as a
 * CSV import leaves it) that holds the same thing. Writes are paced and
 * retried by the API module.
 */

/** FNV-1a over UTF-16 code units from a seed. */
function fnv(text: string, seed: number): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0");
}

/**
 * A stable fingerprint of some words, for keys: case and runs of spaces do not
 * count, every other character does (any script), over 64 bits.
 */
export function fingerprint(text: string): string {
  const words = text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return fnv(words, 0x811c9dc5) + fnv(words, 0x050c5d1f);
}

/** A key from the parts that make a row the same row: its kind, a day, and the words that name it. */
export function rowKey(kind: string, ...parts: string[]): string {
  return [kind, ...parts.map(p => (/^[A-Za-z0-9-]{1,24}$/.test(p) ? p : fingerprint(p)))].join("-");
}

/**
 * A cell to write. One marked "blank" (a default, or the words and day that
 * name the row) goes into a new row, and into a row that is there already only
 * where its cell is blank, so nothing typed or imported gives way to a default.
 */
export type Put<F extends string> = readonly [field: F, value: CellValue | undefined, only?: "blank"];

/** How to tell a row the pack did not write that holds the same thing, and what that thing is called in messages. */
export interface SameThing {
  what: string;
  same: (row: Row) => boolean;
}

export interface KeyedWrite {
  key: string;
  /** Where it goes: the row that is there already, by its id, or a new row keyed in the Key column. */
  to: {rowId: string} | {keyColumn: string};
  cells: CellEdit[];
  /** The write's request once sent; none when the row held every value already. */
  requestId?: string;
}

/**
 * Decides a keyed write without writing: the row that holds the key; else,
 * given how to tell it, the one row the pack did not write that holds the same
 * thing; else a new row. Two such rows are refused, as is a new row in a table
 * without a Key column: a name is no key, since an upsert on it could add a
 * row, or rewrite every row of that name.
 */
export function planWrite<F extends string>(
  table: SourceTable<F | "Key">,
  values: ReadonlyArray<Put<F>>,
  key: string,
  imported?: SameThing,
): KeyedWrite {
  const keyColumn = table.map.Key?.name;
  const target = rowFor(table, key, imported);
  const to = target ? {rowId: target.id} : keyColumn ? {keyColumn} : undefined;
  if (!to) {
    throw new coda.UserVisibleError(
      `Add a text column named Key to the table ${table.name} in the doc ${table.docId}: it keeps a retried write from adding a second row. ${SetupHint}`,
    );
  }
  const edits: CellEdit[] = [];
  for (const [field, value, only] of values) {
    const column = table.map[field];
    if (!column || value === undefined || value === "") continue;
    if (target && only === "blank" && cells.text(target.values[column.name]) !== "") continue;
    edits.push({column: column.name, value});
  }
  if (keyColumn && !(target && sameKey(target.values[keyColumn], key))) edits.push({column: keyColumn, value: key});
  return {key, to, cells: edits};
}

/** The row a keyed write updates, if any; refuses two rows the pack did not write that both hold the same thing. */
function rowFor<F extends string>(
  table: SourceTable<F | "Key">,
  key: string,
  imported: SameThing | undefined,
): Row | undefined {
  const keyColumn = table.map.Key?.name;
  const keyed = keyColumn ? table.rows.find(r => sameKey(r.values[keyColumn], key)) : undefined;
  if (keyed || !imported) return keyed;
  const matches = table.rows.filter(r => (!keyColumn || cells.text(r.values[keyColumn]) === "") && imported.same(r));
  if (matches.length > 1) {
    const [a, b] = matches.map(r => table.rows.indexOf(r) + 1);
    const more = matches.length > 2 ? ` and ${matches.length - 2} more` : "";
    const say = (names: string[]) =>
      `Rows ${a} ("${names[0]}") and ${b} ("${names[1]}")${more} of ${shorten(table.name, 24)} in the doc ${table.docId} hold the same ${imported.what}, so nothing was written: delete one, then run the action again.`;
    // Each row's name gets half the room the rest of the message leaves.
    const room = Math.min(
      Contract.quoteLength,
      Math.max(12, Math.floor((Contract.maxMessage - say(["", ""]).length) / 2)),
    );
    throw new coda.UserVisibleError(say(matches.map(r => shorten(cells.text(r.name) || "blank", room))));
  }
  return matches[0];
}

/** Sends a planned write: an update of the row by its id, or an upsert on the key. */
export async function putPlanned<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F>,
  write: KeyedWrite,
): Promise<KeyedWrite> {
  if (!write.cells.length) return write;
  const requestId =
    "rowId" in write.to
      ? await updateRow(context, table.docId, table.ref, write.to.rowId, write.cells)
      : await upsertRows(context, table.docId, table.ref, [write.cells], [write.to.keyColumn]);
  return {...write, requestId};
}

/**
 * Adds a row, or updates the row with the same key (or, given how to tell it,
 * the one unkeyed row that holds the same thing); the key goes in the table's
 * Key column.
 */
export async function putKeyed<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F | "Key">,
  values: ReadonlyArray<Put<F>>,
  key: string,
  imported?: SameThing,
): Promise<KeyedWrite> {
  return putPlanned(context, table, planWrite(table, values, key, imported));
}

/** The format of the column a field maps to (text, person, lookup, …), asking for the table's columns when its rows did not tell. */
export async function columnType<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F>,
  field: F,
): Promise<string | undefined> {
  const column = table.map[field];
  if (!column || column.type) return column?.type;
  return (await typedColumns(context, table.docId, table.ref)).find(c => c.name === column.name)?.type;
}

/**
 * Waits until a keyed write has landed, then reads the table again and returns
 * it with the written row. A write still queued when the execution's time runs
 * out is reported, and running the action again is safe.
 */
export async function afterLanding<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F>,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  write: KeyedWrite,
  what: string,
): Promise<{table: SourceTable<F>; row: Row}> {
  if (!(await hasLanded(context, write.requestId))) {
    throw new coda.UserVisibleError(
      `The ${what} is queued in the doc ${table.docId} but has not landed yet (the Docs API applies writes seconds later). Run the action again to see it; it never adds a second row.`,
    );
  }
  const written = (r: Row) =>
    "rowId" in write.to ? r.id === write.to.rowId : sameKey(r.values[write.to.keyColumn], write.key);
  let fresh = await readTable(context, table.docId, table.ref, specs, {fresh: true});
  let row = fresh.rows.find(written);
  if (!row) {
    // A read can trail a write that has just landed: look once more.
    fresh = await readTable(context, table.docId, table.ref, specs, {fresh: true});
    row = fresh.rows.find(written);
  }
  if (!row) {
    throw new coda.UserVisibleError(
      `The ${what} was written to the doc ${table.docId} but cannot be found there now; it may have been deleted or filtered. Sync the table to check.`,
    );
  }
  return {table: fresh, row};
}

/** How long an action waits for its writes to land, leaving time to read them back. */
const LandingBudgetMs = 35_000;

/**
 * Whether a write has landed, asking its mutation status until the landing
 * budget is spent. A status the API would not give counts as not landed, so the
 * write is reported as queued rather than done.
 */
export async function hasLanded(context: coda.ExecutionContext, requestId: string | undefined): Promise<boolean> {
  if (!requestId) return true;
  try {
    return await writeLanded(context, requestId, LandingBudgetMs);
  } catch (error) {
    if (error instanceof coda.UserVisibleError) return false;
    throw error;
  }
}

const sameKey = (value: unknown, key: string) => cells.text(value) === key.trim();
