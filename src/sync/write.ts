import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {CellEdit, CellValue} from "../api/client";
import {upsertRows, writeLanded} from "../api/client";
import type {FieldSpec} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {SourceTable} from "./source";
import {readTable} from "./source";

/**
 * The one write path: every row the pack adds carries a key, written to the
 * source table, and goes in as an upsert on that key, so a retried action
 * updates the row it made instead of adding a second one. Writes are paced and
 * retried by the API module.
 */

/** A short, stable fingerprint of some text (FNV-1a), for keys. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** A key from the parts that make a row the same row: kind, date, and the words that name it. */
export function rowKey(kind: string, ...parts: string[]): string {
  return [kind, ...parts.map(p => (p.length > 24 || /\s/.test(p) ? fingerprint(normalize(p)) : p))].join("-");
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
 * Adds a row, or updates the row with the same key. The key goes in the table's
 * Key column when it has one, else in `fallbackKeyColumn` (its name column),
 * whose value then is the key.
 */
export async function putKeyed<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F | "Key">,
  values: ReadonlyArray<[F, CellValue | undefined]>,
  key: string,
  fallbackKey?: {field: F; value: string},
): Promise<KeyedWrite> {
  const cells: CellEdit[] = [];
  for (const [field, value] of values) {
    const column = table.map[field];
    if (column && value !== undefined && value !== "") cells.push({column: column.name, value});
  }
  let keyColumn: string;
  if (table.map.Key) {
    keyColumn = table.map.Key.name;
    key = key.slice(0, 200);
    cells.push({column: keyColumn, value: key});
  } else if (fallbackKey && table.map[fallbackKey.field]) {
    keyColumn = table.map[fallbackKey.field]!.name;
    key = fallbackKey.value;
  } else {
    throw new coda.UserVisibleError(`The table ${table.name} in the doc ${table.docId} needs a text column named Key, so a retried write never adds a second row. Add it and try again.`);
  }
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
  if (!(await writeLanded(context, write.requestId))) {
    throw new coda.UserVisibleError(`The ${what} is queued in the doc ${table.docId} but has not landed yet (the Docs API applies writes seconds later). Run the action again to see it; it never adds a second row.`);
  }
  const fresh = await readTable(context, table.docId, table.ref, specs, {fresh: true});
  const row = fresh.rows.find(r => sameKey(r.values[write.keyColumn], write.key));
  if (!row) throw new coda.UserVisibleError(`The ${what} was written to the doc ${table.docId} but cannot be found there now; it may have been deleted or filtered. Sync the table to check.`);
  return {table: fresh, row};
}

function sameKey(value: unknown, key: string): boolean {
  const text = typeof value === "string" ? value.replace(/^```([\s\S]*)```$/, "$1") : String(value ?? "");
  return text.trim() === key.trim();
}
