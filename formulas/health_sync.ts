import type * as coda from "@codahq/packs-sdk";
import {show} from "../src/engine/contract";
import {fail} from "../src/engine/errors";
import {HotItemSchema, MetricSchema, OkrCandidateSchema} from "../schemas/health";
import {readMetricsDoc} from "../src/sync/health_source";
import {candidateRows, hotItemRows, metricRow, summarize} from "../src/sync/health_rows";
import {svgImage} from "./pictures";
import {AsOfParam} from "./params";
import {ColumnsParam, countParam, DocParam, otherTableParam} from "./sync_params";
import {syncTable} from "./sync_table";
import {DefaultMetricTables} from "../src/sync/tables";

/** The health sync tables: the CEO dashboard, this week's hot items, and next cycle's candidate objectives. */

const DefinitionsParam = otherTableParam(
  "definitionsTable",
  `The table of metric definitions (name, area, owner, unit, green and red thresholds, cadence). Default: ${DefaultMetricTables.definitions}.`,
);
const ReadingsParam = otherTableParam(
  "readingsTable",
  `The table of readings: long form (metric, date, value) or wide form (a date column and one column per metric). Default: ${DefaultMetricTables.readings}.`,
);

interface MetricsArgs {
  docId: string;
  definitionsTable?: string;
  readingsTable?: string;
  columns?: string;
  asOf: Date;
}

async function summarized(context: coda.ExecutionContext, a: MetricsArgs, periods?: number) {
  const metrics = await readMetricsDoc(context, a.docId, a);
  return summarize(metrics, a.asOf, periods, svgImage);
}

export const HealthMetrics = syncTable({
  name: "HealthMetrics",
  description:
    "The CEO dashboard: one row per health metric with its latest reading, status, trend, hot flag, staleness and a sparkline.",
  formulaDescription: "Pulls the health metrics and their readings from a metrics doc.",
  schema: MetricSchema,
  parameters: [DocParam, DefinitionsParam, ReadingsParam, ColumnsParam, AsOfParam],
  rows: async (a, context) => (await summarized(context, a)).map(metricRow),
});

export const HotItems = syncTable({
  name: "HotItems",
  description: "Only the metrics that need this week's leadership meeting, most urgent first, each with the reason.",
  formulaDescription: "Pulls the hot metrics from a metrics doc.",
  schema: HotItemSchema,
  parameters: [
    DocParam,
    DefinitionsParam,
    ReadingsParam,
    ColumnsParam,
    countParam(
      "periods",
      "Periods in a row of moving away from green that make a metric hot: a whole number, 1 or more. Default 3.",
    ),
    AsOfParam,
  ],
  rows: async (a, context) => hotItemRows(await summarized(context, a, a.periods)),
});

export const OkrCandidates = syncTable({
  name: "OkrCandidates",
  description:
    "Metrics that stayed red or kept worsening for a whole cycle, proposed as objectives for the next OKR cycle, with the evidence.",
  formulaDescription: "Proposes next cycle's objectives from a metrics doc.",
  schema: OkrCandidateSchema,
  parameters: [
    DocParam,
    DefinitionsParam,
    ReadingsParam,
    ColumnsParam,
    countParam(
      "cycleMonths",
      "The length of the cycle to look back over: a whole number of months from 1 to 12. Default 3.",
    ),
    AsOfParam,
  ],
  rows: async (a, context) => {
    const months = a.cycleMonths;
    if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > 12)) {
      fail(`cycleMonths must be a whole number of months from 1 to 12, not ${show(months)}.`);
    }
    return candidateRows(await summarized(context, a), a.asOf, months);
  },
});

export const healthSyncTables = [HealthMetrics, HotItems, OkrCandidates];
