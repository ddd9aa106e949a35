import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {today} from "../src/engine/calendar";
import {okrCycle} from "../src/engine/cycle";
import {Statuses} from "../src/engine/okr";
import {docTables} from "../src/sync/source";

/** Parameters shared by the sync tables, defined once. */

async function tableOptions(context: coda.ExecutionContext, search: string, doc: string | string[] | undefined) {
  const first = Array.isArray(doc) ? doc[0] : doc;
  if (!first) return [];
  const tables = await docTables(context, await resolveDocId(context, first));
  return coda.simpleAutocomplete(
    search,
    tables.map(t => t.name),
  );
}

export const DocParam = coda.makeParameter({
  type: coda.ParameterType.String,
  name: "doc",
  description: "The link (or id) of the doc that holds the table.",
});

export const DocsParam = coda.makeParameter({
  type: coda.ParameterType.StringArray,
  name: "docs",
  description: "The links (or ids) of the team docs to pull from.",
});

export function tableParam(defaultName: string) {
  return coda.makeParameter({
    type: coda.ParameterType.String,
    name: "table",
    description: `The table's name in each doc. Default: ${defaultName}.`,
    optional: true,
    autocomplete: async function (context, search, args) {
      const params = args as {doc?: string; docs?: string[]};
      return tableOptions(context, search, params.doc ?? params.docs);
    },
  });
}

export const MeetingDocParam = coda.makeParameter({
  type: coda.ParameterType.String,
  name: "meetingDoc",
  description: "The link (or id) of the leadership meeting's doc.",
});

/** The table's name in the leadership meeting's doc, for a sync table that reads one there. */
export function meetingTableParam(fallback: string) {
  return coda.makeParameter({
    type: coda.ParameterType.String,
    name: "table",
    description: `The table's name. Default: ${fallback}.`,
    optional: true,
  });
}

export const ColumnsParam = coda.makeParameter({
  type: coda.ParameterType.String,
  name: "columns",
  description:
    'Only when a column has an unusual name: map fields to your column names as "Field=Column name; Field=Column name", e.g. "Target=Goal value; Owner=DRI".',
  optional: true,
});

export const CycleParam = coda.makeParameter({
  type: coda.ParameterType.String,
  name: "cycle",
  description: "Only this OKR cycle, by name (such as FY2026 Q4). All cycles when blank.",
  optional: true,
  autocomplete: async function (context, search, args) {
    const now = today(context.timezone);
    const startMonth = (args as {fiscalYearStartMonth?: number}).fiscalYearStartMonth;
    const names = [-1, 0, 1, 2].map(
      q => okrCycle(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + q * 3, 1)), 3, startMonth).name,
    );
    return coda.simpleAutocomplete(search, names);
  },
});

export const TeamsParam = coda.makeParameter({
  type: coda.ParameterType.StringArray,
  name: "teams",
  description: "Only these teams (the objectives' Team column). All teams when blank.",
  optional: true,
});

export const StatusesParam = coda.makeParameter({
  type: coda.ParameterType.StringArray,
  name: "statuses",
  description: `Only these statuses: ${Statuses.join(", ")}. All when blank.`,
  optional: true,
  autocomplete: [...Statuses],
});

export const FiscalYearStartParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "fiscalYearStartMonth",
  description: "The month your fiscal year starts, 1 (January) to 12, to read cycle names. Default 1.",
  optional: true,
});

/**
 * Every sync table and action that reaches the Docs API needs the user's account.
 * Made objects pushed onto the pack keep the requirement they were made with, so
 * each states it.
 */
export const Connected = coda.ConnectionRequirement.Required;
