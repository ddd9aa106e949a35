import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {today} from "../src/engine/calendar";
import {okrCycle} from "../src/engine/cycle";
import {Statuses} from "../src/engine/okr";
import {docTables} from "../src/sync/source";
import {param} from "./params";

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

export const DocParam = param({
  type: coda.ParameterType.String,
  name: "doc",
  description: "The link (or id) of the doc that holds the table.",
});

export const DocsParam = param({
  type: coda.ParameterType.StringArray,
  name: "docs",
  description: "The links (or ids) of the team docs to pull from.",
});

export const MeetingDocParam = param({
  type: coda.ParameterType.String,
  name: "meetingDoc",
  description: "The link (or id) of the leadership meeting's doc.",
});

/** The team docs a meeting-doc table also reads; each is read on its own, so one unreadable doc hides none. */
export const OkrDocsParam = param({
  type: coda.ParameterType.StringArray,
  name: "okrDocs",
  description:
    "The links (or ids) of the team docs whose key results come up. Default: the meeting doc, when it holds a Key Results table.",
  optional: true,
});

export const MetricsDocParam = param({
  type: coda.ParameterType.String,
  name: "metricsDoc",
  description:
    "The link (or id) of the metrics doc whose health metrics come up. Default: the meeting doc, when it holds a Metric Definitions table.",
  optional: true,
});

/** The name of the table read in the doc (or in each doc), with the doc's tables offered. */
export function tableParam(defaultName: string) {
  return param({
    type: coda.ParameterType.String,
    name: "table",
    description: `The table's name. Default: ${defaultName}.`,
    optional: true,
    autocomplete: async function (context, search, args) {
      const params = args as {doc?: string; docs?: string[]; meetingDoc?: string};
      return tableOptions(context, search, params.doc ?? params.meetingDoc ?? params.docs);
    },
  });
}

export const ColumnsParam = param({
  type: coda.ParameterType.String,
  name: "columns",
  description:
    'Only when a column has an unusual name: map fields to your column names as "Field=Column name; Field=Column name", e.g. "Target=Goal value; Owner=DRI".',
  optional: true,
});

export const CycleParam = param({
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

export const TeamsParam = param({
  type: coda.ParameterType.StringArray,
  name: "teams",
  description: "Only these teams (the objectives' Team column). All teams when blank.",
  optional: true,
});

export const StatusesParam = param({
  type: coda.ParameterType.StringArray,
  name: "statuses",
  description: `Only these statuses: ${Statuses.join(", ")}. All when blank.`,
  optional: true,
  autocomplete: [...Statuses],
});

export const FiscalYearStartParam = param({
  type: coda.ParameterType.Number,
  name: "fiscalYearStartMonth",
  description: "The month your fiscal year starts, 1 (January) to 12, to read cycle names. Default 1.",
  optional: true,
});

/** A date a table is laid out from, such as a calendar's first day. */
export function startDateParam<const N extends string>(name: N, description: string) {
  return param({
    type: coda.ParameterType.Date,
    name,
    description: `${description}: a date from the year 1000 to 9999, read in the doc's time zone.`,
  });
}

/** An optional whole number a table is tuned with; its description states the range and default. */
export function countParam<const N extends string>(name: N, description: string) {
  return param({type: coda.ParameterType.Number, name, description, optional: true});
}

/** An optional table name besides the main one, such as a definitions or notes table. */
export function otherTableParam<const N extends string>(name: N, description: string) {
  return param({type: coda.ParameterType.String, name, description, optional: true});
}

/**
 * Every action that reaches the Docs API needs the user's account. Made objects
 * pushed onto the pack keep the requirement they were made with, so each states it.
 */
export const Connected = coda.ConnectionRequirement.Required;
