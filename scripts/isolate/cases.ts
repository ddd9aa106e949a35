import {docUrl} from "../../emulator/run";
import type {SampleEmulator, startSampleEmulator} from "../../emulator/sample";
import {MetricsAsOf} from "../../sample/health";
import {NextMeeting} from "../../sample/meetings";

/**
 * What the isolate run syncs, against the sample organization in the local
 * emulator. One row per sync table: its parameters (a function of the seeded
 * emulator, since doc ids come from the seed) and, where it matters, emulator
 * options. Adjust here when the sync parameters or the emulator change; every
 * sync table in the built pack must have a row, or the run fails.
 *
 * Rows are not written down here: each sync runs in Node through the SDK harness
 * too, and the isolate's rows must equal those.
 */

export type EmulatorOptions = NonNullable<Parameters<typeof startSampleEmulator>[0]>;

export interface SyncCase {
  table: string;
  params: (env: SampleEmulator) => unknown[];
  emulator?: EmulatorOptions;
  /** The sync must take more than one execution, to exercise continuations in the isolate. */
  continues?: boolean;
}

const at = (day: string) => new Date(`${day}T08:00:00Z`);
const okrAsOf = at("2026-11-20");
const healthAsOf = at(MetricsAsOf);
const meetingDay = at(NextMeeting);

const strategy = (e: SampleEmulator) => docUrl(e.seeded.strategyDocId);
const teams = (e: SampleEmulator) => e.seeded.teamDocIds.map(docUrl);
const metrics = (e: SampleEmulator) => docUrl(e.seeded.metricsDocId!);
const meeting = (e: SampleEmulator) => docUrl(e.seeded.meetingDocId!);

/** Objectives and KeyResults: docs, cycle, teams, statuses, table, columns, asOf. */
export const okrParams = (docs: string[], cycle?: string) => [
  docs,
  cycle,
  undefined,
  undefined,
  undefined,
  undefined,
  okrAsOf,
];

export const Syncs: SyncCase[] = [
  {table: "StrategicImperatives", params: e => [strategy(e)]},
  {table: "AnnualGoals", params: e => [strategy(e)]},
  {table: "Objectives", params: e => okrParams(teams(e), "FY2026 Q4")},
  // Small pages and the bad rows: many executions, each resuming from a continuation.
  {
    table: "KeyResults",
    params: e => okrParams(teams(e)),
    emulator: {withBadRows: true, maxRowLimit: 4},
    continues: true,
  },
  {table: "CheckIns", params: e => [teams(e)]},
  {table: "HealthMetrics", params: e => [metrics(e), undefined, undefined, undefined, healthAsOf]},
  {table: "HotItems", params: e => [metrics(e), undefined, undefined, undefined, undefined, healthAsOf]},
  {table: "OkrCandidates", params: e => [metrics(e), undefined, undefined, undefined, undefined, healthAsOf]},
  {table: "Issues", params: e => [meeting(e), undefined, undefined, healthAsOf]},
  {table: "Decisions", params: e => [meeting(e), undefined, undefined, healthAsOf]},
  {table: "ActionItems", params: e => [meeting(e), undefined, undefined, healthAsOf]},
  {table: "BackBriefs", params: e => [meeting(e)]},
  {table: "MeetingAgenda", params: e => [meeting(e), meetingDay, 90, teams(e), metrics(e)]},
  {table: "Cadence", params: () => [at("2026-10-06")]},
  {table: "Playbook", params: () => [at("2026-11-02")]},
  {table: "Seats", params: e => [meeting(e), undefined, undefined, undefined, meetingDay]},
  {table: "MeetingHealth", params: e => [meeting(e), undefined, undefined, meetingDay], emulator: {withBadRows: true}},
  {
    table: "CheckInsDue",
    params: e => [teams(e), undefined, undefined, undefined, undefined, undefined, at("2026-11-24")],
    emulator: {withBadRows: true},
  },
  {table: "Retrospective", params: e => [teams(e), "FY2026 Q4", undefined, undefined, at("2026-11-24")]},
  {table: "Charter", params: e => [meeting(e)]},
  {table: "Risks", params: e => [meeting(e), metrics(e), teams(e), undefined, undefined, meetingDay]},
  {table: "Dependencies", params: e => [meeting(e), teams(e), undefined, undefined, meetingDay]},
  {table: "SessionReadiness", params: e => [meeting(e), undefined, undefined, meetingDay]},
  {table: "ExecutiveProgram", params: () => [at("2026-10-13")]},
  {table: "Interviews", params: e => [meeting(e), undefined, undefined, okrAsOf], emulator: {withBadRows: true}},
  {
    table: "Bottlenecks",
    params: e => [meeting(e), undefined, "Money per year", 120, undefined, undefined, okrAsOf],
  },
  {table: "FlowEfficiency", params: e => [meeting(e), undefined, undefined, okrAsOf]},
  {table: "PathDecision", params: e => [meeting(e), undefined, undefined, meetingDay]},
  {table: "Roadmap", params: e => [meeting(e), at("2026-11-16"), undefined, undefined, meetingDay]},
  {table: "OneOnOnes", params: e => [meeting(e), teams(e), metrics(e), undefined, undefined, undefined, meetingDay]},
  {table: "LeaderMetrics", params: e => [meeting(e), metrics(e), teams(e), undefined, undefined, meetingDay]},
];

/** The two-way sync edit: sync, change one cell of one row, write it back, sync again. */
export const Update = {
  table: "KeyResults",
  params: (e: SampleEmulator) => okrParams(teams(e).slice(0, 1)),
  row: (r: Record<string, unknown>) => r.Code === "KR2",
  edit: {Current: 25} as Record<string, unknown>,
};
