import type * as coda from "@codahq/packs-sdk";
import {CoachingRules} from "../src/engine/coaching";
import {count} from "../src/engine/contract";
import {MaxCadenceDays} from "../src/engine/history";
import {LeaderMetricSchema, OneOnOneSchema} from "../schemas/coaching";
import {leaderMetricRows, oneOnOneRows} from "../src/sync/coaching_rows";
import {AsOfParam} from "./params";
import {
  ColumnsParam,
  countParam,
  FiscalYearStartParam,
  MeetingDocParam,
  MetricsDocParam,
  OkrDocsParam,
  tableParam,
} from "./sync_params";
import {syncTable} from "./sync_table";
import {CoachingTables} from "../src/sync/tables";

/** Development, woven through: the OneOnOnes and LeaderMetrics sync tables. */

export const OneOnOnes = syncTable({
  name: "OneOnOnes",
  description:
    "Each leader–report pair's one-to-ones: the last one, the cadence (declared or observed), when the next is due and by how many days it is overdue, the commitments carried from the last one, and coaching questions drawn from the report's own key results, action items, meeting ratings, seats and key metrics.",
  formulaDescription:
    "Reads the meeting doc's One-on-ones log and asks coaching questions from each report's own data in the meeting doc and the team docs.",
  schema: OneOnOneSchema,
  table: CoachingTables.oneOnOnes,
  parameters: [
    MeetingDocParam,
    OkrDocsParam,
    MetricsDocParam,
    countParam(
      "cadenceDays",
      `The days between one-to-ones for a pair that declares no cadence and has met once: a whole number of days, 1 to ${MaxCadenceDays}. Default ${CoachingRules.defaultCadenceDays}.`,
    ),
    tableParam(CoachingTables.oneOnOnes),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ],
  rows: (a, context) =>
    oneOnOneRows(context, {
      ...a,
      okrDocs: a.okrDocs ?? [],
      defaultCadence: count("cadenceDays", a.cadenceDays, 1, MaxCadenceDays, CoachingRules.defaultCadenceDays),
    }),
});

export const LeaderMetrics = syncTable({
  name: "LeaderMetrics",
  description:
    "Each leader's few key metrics, each linked to the health metric or key result behind it with its latest value and status, and what to fix: a leader with none or more than five, a short name too long or used twice, a link that matches nothing (with the nearest name).",
  formulaDescription:
    "Reads the meeting doc's Leader Metrics table and resolves each link in the metrics doc and the team docs.",
  schema: LeaderMetricSchema,
  table: CoachingTables.leaderMetrics,
  parameters: [
    MeetingDocParam,
    MetricsDocParam,
    OkrDocsParam,
    tableParam(CoachingTables.leaderMetrics),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ],
  rows: (a, context) => leaderMetricRows(context, {...a, okrDocs: a.okrDocs ?? []}),
});

export const coachingSyncTables: coda.SyncTable[] = [OneOnOnes, LeaderMetrics];
