import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {Identity} from "../schemas/identities";
import {HotItemSchema, MetricSchema, OkrCandidateSchema} from "../schemas/health";
import {DefaultMetricTables} from "../src/sync/fields";
import {readMetricsDoc} from "../src/sync/health_source";
import {candidateRows, hotItemRows, metricRow, summarize} from "../src/sync/health_rows";
import {handleError} from "./errors";
import {svgImage} from "./health";
import {AsOfParam, dayOrToday} from "./params";
import {ColumnsParam, Connected, DocParam} from "./sync_params";

/** The health sync tables: the CEO dashboard, this week's hot items, and next cycle's candidate objectives. */

function metricsTableParam(name: "definitionsTable" | "readingsTable", fallback: string, what: string) {
  return coda.makeParameter({
    type: coda.ParameterType.String,
    name,
    description: `The table of ${what}. Default: ${fallback}.`,
    optional: true,
  });
}

const DefinitionsParam = metricsTableParam(
  "definitionsTable",
  DefaultMetricTables.definitions,
  "metric definitions (name, area, owner, unit, green and red thresholds, cadence)",
);
const ReadingsParam = metricsTableParam(
  "readingsTable",
  DefaultMetricTables.readings,
  "readings: long form (metric, date, value) or wide form (a date column and one column per metric)",
);

async function summarized(
  context: coda.ExecutionContext,
  doc: string,
  definitionsTable: string | undefined,
  readingsTable: string | undefined,
  columns: string | undefined,
  asOf: Date | undefined,
  periods?: number,
) {
  const docId = await resolveDocId(context, doc);
  const metrics = await readMetricsDoc(context, docId, {definitionsTable, readingsTable, columns});
  const day = dayOrToday("asOf", asOf, context);
  return {items: summarize(metrics, day, periods, svgImage), day};
}

export const HealthMetrics = coda.makeSyncTable({
  name: "HealthMetrics",
  description:
    "The CEO dashboard: one row per health metric with its latest reading, status, trend, hot flag, staleness and a sparkline.",
  identityName: Identity.HealthMetric,
  connectionRequirement: Connected,
  schema: MetricSchema,
  formula: {
    name: "SyncHealthMetrics",
    description: "Pulls the health metrics and their readings from a metrics doc.",
    parameters: [DocParam, DefinitionsParam, ReadingsParam, ColumnsParam, AsOfParam],
    onError: handleError,
    execute: async function ([doc, definitionsTable, readingsTable, columns, asOf], context) {
      const {items} = await summarized(context, doc, definitionsTable, readingsTable, columns, asOf);
      return {result: items.map(metricRow)};
    },
  },
});

export const HotItems = coda.makeSyncTable({
  name: "HotItems",
  description: "Only the metrics that need this week's leadership meeting, most urgent first, each with the reason.",
  identityName: Identity.HotItem,
  connectionRequirement: Connected,
  schema: HotItemSchema,
  formula: {
    name: "SyncHotItems",
    description: "Pulls the hot metrics from a metrics doc.",
    parameters: [
      DocParam,
      DefinitionsParam,
      ReadingsParam,
      ColumnsParam,
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "periods",
        description:
          "Periods in a row of moving away from green that make a metric hot: a whole number, 1 or more. Default 3.",
        optional: true,
      }),
      AsOfParam,
    ],
    onError: handleError,
    execute: async function ([doc, definitionsTable, readingsTable, columns, periods, asOf], context) {
      const {items} = await summarized(context, doc, definitionsTable, readingsTable, columns, asOf, periods);
      return {result: hotItemRows(items)};
    },
  },
});

export const OkrCandidates = coda.makeSyncTable({
  name: "OkrCandidates",
  description:
    "Metrics that stayed red or kept worsening for a whole cycle, proposed as objectives for the next OKR cycle, with the evidence.",
  identityName: Identity.OkrCandidate,
  connectionRequirement: Connected,
  schema: OkrCandidateSchema,
  formula: {
    name: "SyncOkrCandidates",
    description: "Proposes next cycle's objectives from a metrics doc.",
    parameters: [
      DocParam,
      DefinitionsParam,
      ReadingsParam,
      ColumnsParam,
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "cycleMonths",
        description: "The length of the cycle to look back over: a whole number of months from 1 to 12. Default 3.",
        optional: true,
      }),
      AsOfParam,
    ],
    onError: handleError,
    execute: async function ([doc, definitionsTable, readingsTable, columns, cycleMonths, asOf], context) {
      if (cycleMonths !== undefined && (!Number.isInteger(cycleMonths) || cycleMonths < 1 || cycleMonths > 12)) {
        throw new coda.UserVisibleError(
          `cycleMonths must be a whole number of months from 1 to 12, not ${cycleMonths}.`,
        );
      }
      const {items, day} = await summarized(context, doc, definitionsTable, readingsTable, columns, asOf);
      return {result: candidateRows(items, day, cycleMonths)};
    },
  },
});

export const healthSyncTables = [HealthMetrics, HotItems, OkrCandidates];
