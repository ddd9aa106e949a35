import * as coda from "@codahq/packs-sdk";
import type {UnionType} from "@codahq/packs-sdk/dist/api_types";
import type {ObjectSchemaDefinitionType} from "@codahq/packs-sdk/dist/schema";
import {resolveDocId} from "../src/api/client";
import type {Day} from "../src/engine/calendar";
import {distinctDocs, syncAcrossDocs} from "../src/sync/multidoc";
import {handleError} from "./errors";
import {withNotices} from "./notices";
import {dayOrToday} from "./params";

/**
 * The one way a sync table is made. An area declares its parameters (in the
 * order the doc shows them), its schema (which names its identity), and how to build its rows
 * from named arguments; the factory does the rest the same way for every table:
 *
 * - the doc the table reads (`doc` or `meetingDoc`) arrives as a doc id, its link
 *   resolved once here; team docs (`docs`) are read one at a time by
 *   `syncAcrossDocs`, so one unreadable doc never hides the others;
 * - `table` arrives as the name to read, the area's default when left blank;
 * - `asOf` arrives as a calendar day in the doc's time zone (today when blank);
 * - the account is required unless the table is laid out from its parameters alone;
 * - errors go through the pack's one error rule, and a table of a tier the doc has
 *   not reached shows one row saying what adding it gives (formulas/notices.ts).
 */

type Def = coda.ParamDef<UnionType>;
type Value<D extends Def> = coda.ParamValues<[D]>[0];

/** The arguments of a sync table by parameter name, as the area's row builder receives them. */
export type Args<P extends readonly Def[]> = Omit<{[D in P[number] as D["name"]]: Value<D>}, "asOf" | "table"> & {
  /** The doc the table reads, as a doc id ("" for a table that reads no doc). */
  docId: string;
  /** The table's name: the `table` argument, else the area's default. */
  table: string;
  /** The day to judge on: the `asOf` argument, else today in the doc's time zone. */
  asOf: Day;
};

type Row<K extends string, L extends string, S extends coda.ObjectSchemaDefinition<K, L>> = ObjectSchemaDefinitionType<
  K,
  L,
  S
>;

/** A row's schema that names its identity: the one place the identity is spelled. */
type IdentifiedSchema<K extends string, L extends string> = coda.ObjectSchemaDefinition<K, L> & {
  identity: {name: string};
};

/** A row edited in the doc: the row as synced, the row as edited, and the properties the user changed. */
export interface Edit<R> {
  previous: R;
  next: R;
  fields: string[];
}

export interface SyncArea<
  K extends string,
  L extends string,
  S extends IdentifiedSchema<K, L>,
  P extends coda.ParamDefs,
> {
  /** A plural noun. The formula is `Sync<name>`. */
  name: string;
  description: string;
  /** The sync formula's own description, when it says more than the table's. */
  formulaDescription?: string;
  /** The row's schema; its identity names the table's rows in references. */
  schema: S;
  parameters: P;
  /** The default name of the table the `table` parameter names. */
  table?: string;
  /** Laid out from its parameters alone: no account needed. */
  offline?: boolean;
  /** The rows, from the arguments. */
  rows?: (args: Args<P>, context: coda.SyncExecutionContext) => Promise<Array<Row<K, L, S>>> | Array<Row<K, L, S>>;
  /** Or: the rows of each team doc of the `docs` parameter, read one doc at a time. */
  eachDoc?: {
    /** What the rows are, for a message naming an unreadable doc ("key results"). */
    label: string;
    rows: (docId: string, args: Args<P>, context: coda.SyncExecutionContext) => Promise<Array<Row<K, L, S>>>;
  };
  /** Two-way edits: the rows edited in the doc, written back to their source. */
  update?: {
    maxBatch: number;
    execute: (
      args: Args<P>,
      edits: Array<Edit<Row<K, L, S>>>,
      context: coda.SyncExecutionContext,
    ) => Promise<coda.GenericSyncUpdateResult["result"]>;
  };
}

/** The parameters that name the one doc a table reads; its link is resolved before the rows are built. */
const DocParams = ["doc", "meetingDoc"];

async function argsOf<P extends coda.ParamDefs>(
  parameters: P,
  values: readonly unknown[],
  area: {table?: string},
  context: coda.ExecutionContext,
): Promise<Args<P>> {
  const named: Record<string, unknown> = {};
  parameters.forEach((p, i) => (named[p.name] = values[i]));
  const docParam = DocParams.find(name => typeof named[name] === "string");
  const docId = docParam ? await resolveDocId(context, named[docParam] as string) : "";
  if (docParam) named[docParam] = docId;
  const table = typeof named.table === "string" && named.table.trim() ? named.table : (area.table ?? "");
  const asOf = dayOrToday("asOf", named.asOf as Date | undefined, context);
  return {...named, docId, table, asOf} as Args<P>;
}

export function syncTable<
  K extends string,
  L extends string,
  S extends IdentifiedSchema<K, L>,
  const P extends coda.ParamDefs,
>(area: SyncArea<K, L, S, P>) {
  const {rows, eachDoc, update} = area;
  const table = coda.makeSyncTable({
    name: area.name,
    description: area.description,
    identityName: area.schema.identity.name,
    connectionRequirement: area.offline ? coda.ConnectionRequirement.None : coda.ConnectionRequirement.Required,
    schema: area.schema,
    formula: {
      name: `Sync${area.name}`,
      description: area.formulaDescription ?? area.description,
      parameters: area.parameters,
      onError: handleError,
      execute: async function (values, context) {
        const args = await argsOf(area.parameters, values, area, context);
        if (eachDoc) {
          const docs = distinctDocs((args as {docs?: string[]}).docs, "team");
          return syncAcrossDocs(context, docs, docId => eachDoc.rows(docId, args, context), eachDoc.label);
        }
        return {result: rows ? await rows(args, context) : []};
      },
      ...(update && {
        maxUpdateBatchSize: update.maxBatch,
        executeUpdate: async function (values, updates, context) {
          // The platform hands back rows of this table's own schema.
          const edits = updates.map(u => ({
            previous: u.previousValue as Row<K, L, S>,
            next: u.newValue as Row<K, L, S>,
            fields: u.updatedFields,
          }));
          return {result: await update.execute(await argsOf(area.parameters, values, area, context), edits, context)};
        },
      }),
    },
  });
  return withNotices(table);
}
