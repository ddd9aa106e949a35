import type * as coda from "@codahq/packs-sdk";
import {MissingTableError} from "../src/sync/source";
import {Tables} from "../src/sync/tables";
import {addTableHint} from "../src/sync/tiers";

/**
 * A sync table run in a doc that lacks one of its tables by the name the pack
 * looks for (a table of a tier the doc has not reached) shows one row saying
 * what adding the table would give, instead of failing. A table named in the
 * sync's own table parameter and missing is still an error: it was asked for.
 */

type AnySyncTable = coda.SyncTable;

/** The one row: the schema's id, display and other required text properties hold the hint. */
function hintRow(schema: coda.GenericObjectSchema, table: string, hint: string): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name === schema.idProperty) row[name] = `setup/${table}`;
    else if (name === schema.displayProperty || ((property as {required?: boolean}).required && property.type === "string")) row[name] = hint;
  }
  return row;
}

export function withTierHints<T extends AnySyncTable>(syncTable: T): T {
  const execute = syncTable.getter.execute;
  const schema = syncTable.schema as coda.GenericObjectSchema;
  syncTable.getter.execute = async function (params, context) {
    try {
      return await execute(params, context);
    } catch (error) {
      const entry = error instanceof MissingTableError ? Tables.find(t => t.name === error.table) : undefined;
      if (!entry) throw error;
      return {result: [hintRow(schema, entry.name, addTableHint(entry))]};
    }
  } as typeof execute;
  return syncTable;
}
