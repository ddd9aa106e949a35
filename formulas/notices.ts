import type * as coda from "@codahq/packs-sdk";
import {unreadableDocs, unreadableRowId} from "../src/sync/multidoc";
import {MissingTableError} from "../src/sync/source";
import {Tables} from "../src/sync/tables";
import {addTableHint} from "../src/sync/tiers";

/**
 * Rows that say something in place of synced data, built from each sync
 * table's own schema, so every sync table gets them with no code of its own.
 *
 * A sync table run in a doc that lacks one of its tables by the name the pack
 * looks for (a table of a tier the doc has not reached) shows one row saying
 * what adding the table would give, instead of failing. A table named in the
 * sync's own table parameter and missing is still an error: it was asked for.
 *
 * An incremental sync across docs shows one row for each doc it could not
 * read, saying which, why and the fix (see src/sync/multidoc.ts).
 */

type AnySyncTable = coda.SyncTable;

/** A row whose id is `id` and whose display and other required text properties hold `text`. */
function noticeRow(schema: coda.GenericObjectSchema, id: string, text: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name === schema.idProperty) row[name] = id;
    else if (
      name === schema.displayProperty ||
      ((property as {required?: boolean}).required && property.type === "string")
    ) {
      row[name] = text;
    }
  }
  return row;
}

export function withNotices<T extends AnySyncTable>(syncTable: T): T {
  const execute = syncTable.getter.execute;
  const schema = syncTable.schema as coda.GenericObjectSchema;
  syncTable.getter.execute = async function (params, context) {
    let page: Awaited<ReturnType<typeof execute>>;
    try {
      page = await execute(params, context);
    } catch (error) {
      const entry = error instanceof MissingTableError ? Tables.find(t => t.name === error.table) : undefined;
      if (!entry) throw error;
      return {result: [noticeRow(schema, `setup/${entry.name}`, addTableHint(entry))]};
    }
    const unreadable = unreadableDocs(context).map(u => noticeRow(schema, unreadableRowId(u.docId), u.message));
    return unreadable.length ? {...page, result: [...page.result, ...unreadable]} : page;
  } as typeof execute;
  return syncTable;
}
