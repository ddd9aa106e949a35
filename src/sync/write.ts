import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {CellEdit, CellValue} from "../api/client";
import {upsertRows, writeLanded} from "../api/client";
import * as cells from "../engine/cells";
import {SetupHint, type FieldSpec} from "../engine/columns";
import type {SourceTable} from "./source";
import {readTable} from "./source";

/**
 * The one write path: every row the pack adds carries a key, written to the
 * source table, and goes in as an upsert on that key, so a retried action
 * updates the row it made instead of adding a second one. Writes are paced and
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

/** Whether a rich text cell is plain text (served in backticks), so it can serve as an upsert key. */
export function isPlainText(value: unknown): boolean {
  return typeof value === "string" && /^```[\s\S]*```$/.test(value);
}

export interface KeyedWrite {
  /** The column name that identifies the row, and its value. */
  keyColumn: string;
  key: string;
  cells: CellEdit[];
  requestId: string;
}

/**
 * Adds a row, or updates the row with the same key; the key goes in the
 * table's Key column. A table without one is refused before anything is
 * written: a name is no key, since an upsert on it would rewrite every row of
 * that name.
 */
export async function putKeyed<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F | "Key">,
  values: ReadonlyArray<[F, CellValue | undefined]>,
  key: string,
): Promise<KeyedWrite> {
  const cells: CellEdit[] = [];
  for (const [field, value] of values) {
    const column = table.map[field];
    if (column && value !== undefined && value !== "") cells.push({column: column.name, value});
  }
  if (!table.map.Key) {
    throw new coda.UserVisibleError(`Add a text column named Key to the table ${table.name} in the doc ${table.docId}: it keeps a retried write from adding a second row. ${SetupHint}`);
  }
  const keyColumn = table.map.Key.name;
  cells.push({column: keyColumn, value: key});
  const requestId = await upsertRows(context, table.docId, table.ref, [cells], [keyColumn]);
  return {keyColumn, key, cells, requestId};
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
  if (!(await writeLanded(context, write.requestId, LandingBudgetMs))) {
    throw new coda.UserVisibleError(`The ${what} is queued in the doc ${table.docId} but has not landed yet (the Docs API applies writes seconds later). Run the action again to see it; it never adds a second row.`);
  }
  let fresh = await readTable(context, table.docId, table.ref, specs, {fresh: true});
  let row = fresh.rows.find(r => sameKey(r.values[write.keyColumn], write.key));
  if (!row) {
    // A read can trail a write that has just landed: look once more.
    fresh = await readTable(context, table.docId, table.ref, specs, {fresh: true});
    row = fresh.rows.find(r => sameKey(r.values[write.keyColumn], write.key));
  }
  if (!row) throw new coda.UserVisibleError(`The ${what} was written to the doc ${table.docId} but cannot be found there now; it may have been deleted or filtered. Sync the table to check.`);
  return {table: fresh, row};
}

/** How long an action waits for its write to land, leaving time to read it back. */
const LandingBudgetMs = 35_000;

const sameKey = (value: unknown, key: string) => cells.text(value) === key.trim();
