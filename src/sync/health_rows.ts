import type * as coda from "@codahq/packs-sdk";
import type {HotItemSchema, MetricSchema, OkrCandidateSchema} from "../../schemas/health";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import type {MetricSummary} from "../engine/health_columns";
import {okrCandidate, summarizeMetric} from "../engine/health_columns";
import {sparklineSvg} from "../engine/svg";
import type {MetricRecord} from "./health_source";
import {compact} from "./source";
import {metricSummary} from "../agent/narrative";

/** Turns metric records into the rows of the health sync tables. */

export type MetricRow = coda.SchemaType<typeof MetricSchema>;
export type HotItemRow = coda.SchemaType<typeof HotItemSchema>;
export type OkrCandidateRow = coda.SchemaType<typeof OkrCandidateSchema>;

export interface SummarizedMetric {
  metric: MetricRecord;
  summary: MetricSummary;
  sparkline?: string;
}

/** `image` turns an SVG into the picture a cell shows (a data URL). */
export function summarize(
  metrics: readonly MetricRecord[],
  asOf: Day,
  periods: number | undefined,
  image: (svg: string) => string,
): SummarizedMetric[] {
  return metrics.map(metric => {
    const summary = summarizeMetric(metric, asOf, periods, metric.problems);
    const sparkline = summary.recent.length ? image(sparklineSvg(summary.recent, summary.thresholds)) : undefined;
    return {metric, summary, sparkline};
  });
}

const owner = (m: MetricRecord) =>
  m.owner?.email ? {Name: m.owner.name || m.owner.email, Email: m.owner.email} : undefined;

export function metricRow({metric: m, summary: s, sparkline}: SummarizedMetric): MetricRow {
  return compact({
    Id: m.id,
    Name: m.name,
    Summary: metricSummary({
      name: m.name,
      area: m.area,
      owner: owner(m)?.Name,
      unit: m.unit,
      greenAt: m.greenAt,
      redAt: m.redAt,
      latest: s.latest?.value,
      latestDate: s.latest && isoDay(s.latest.date),
      status: s.status,
      trend: s.trend?.direction,
      streak: s.trend?.streak,
      hot: s.hot?.hot,
      reason: s.hot?.reason,
      stale: s.stale,
    }),
    Area: m.area || undefined,
    Owner: owner(m),
    Unit: m.unit || undefined,
    GreenAt: m.greenAt,
    RedAt: m.redAt,
    Latest: s.latest?.value,
    LatestDate: s.latest ? isoDay(s.latest.date) : undefined,
    Previous: s.previous?.value,
    Status: s.status,
    Trend: s.trend?.direction,
    Slope: s.trend?.slope,
    PercentChange: s.trend?.percentChange,
    Streak: s.trend?.streak,
    Hot: s.hot?.hot ?? false,
    HotReason: s.hot?.reason || undefined,
    Severity: s.hot?.severity,
    Stale: s.stale,
    Readings: s.recent,
    Sparkline: sparkline,
    Problems: m.problems.length ? m.problems.join(" ") : undefined,
    Link: m.link,
  });
}

/** Hot metrics only, most urgent first. */
export function hotItemRows(items: readonly SummarizedMetric[]): HotItemRow[] {
  return items
    .filter(i => i.summary.hot?.hot)
    .sort((a, b) => b.summary.hot!.severity - a.summary.hot!.severity || a.metric.name.localeCompare(b.metric.name))
    .map(({metric: m, summary: s, sparkline}): HotItemRow =>
      compact({
        Id: m.id,
        Name: m.name,
        Metric: {Id: m.id, Name: m.name},
        Area: m.area || undefined,
        Owner: owner(m),
        Status: s.status,
        Reason: s.hot!.reason,
        Severity: s.hot!.severity,
        Latest: s.latest?.value,
        Sparkline: sparkline,
        Link: m.link,
      }),
    );
}

export function candidateRows(
  items: readonly SummarizedMetric[],
  asOf: Day,
  cycleMonths: number | undefined,
): OkrCandidateRow[] {
  const rows: OkrCandidateRow[] = [];
  for (const {metric: m, summary: s, sparkline} of items) {
    const c = okrCandidate(m.name, m.unit, m, s, asOf, cycleMonths);
    if (!c) continue;
    rows.push(
      compact({
        Id: m.id,
        Name: c.objective,
        Metric: {Id: m.id, Name: m.name},
        MetricName: m.name,
        Area: m.area || undefined,
        Owner: owner(m),
        KeyResult: c.keyResult,
        Evidence: c.evidence,
        Sparkline: sparkline,
        Link: m.link,
      }),
    );
  }
  return rows;
}
