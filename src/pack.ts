/* eslint-disable @typescript-eslint/no-require-imports -- each area's module is required on first use (see lazy.ts) */
import * as coda from "@codahq/packs-sdk";
import type * as Alignment from "../formulas/alignment";
import type * as AlignmentSync from "../formulas/alignment_sync";
import type * as CoachingSync from "../formulas/coaching_sync";
import type * as DecisionSync from "../formulas/decision_sync";
import type * as DiagnosisSync from "../formulas/diagnosis_sync";
import type * as DisciplineSync from "../formulas/discipline_sync";
import type * as Health from "../formulas/health";
import type * as HealthSync from "../formulas/health_sync";
import type * as History from "../formulas/history";
import type * as HistorySync from "../formulas/history_sync";
import type * as Meetings from "../formulas/meetings";
import type * as MeetingsSync from "../formulas/meetings_sync";
import type * as Okr from "../formulas/okr";
import type * as OkrSync from "../formulas/okr_sync";
import type * as Setup from "../formulas/setup";
import type * as Skills from "./agent/skills";
import type * as Client from "./api/client";
import {NetworkDomain} from "./api/address";
import {area} from "./lazy";

/**
 * Leadership OS. This file only registers building blocks; each lives in its own
 * module under formulas/ and schemas/, and the logic in src/engine/ and src/sync/.
 * Each area is named here and required on first use, so an execution builds only
 * its own area (test/lazy_test.ts holds these names to the modules').
 */
export const pack = coda.newPack();
pack.setVersion("0.2.0");

pack.addNetworkDomain(NetworkDomain);
pack.setUserAuthentication({
  type: coda.AuthenticationType.CodaApiHeaderBearerToken,
  shouldAutoAuthSetup: true,
  networkDomain: NetworkDomain,
  getConnectionName: async function (context) {
    return (await (require("./api/client") as typeof Client).whoami(context)).name;
  },
});

const okr = area(() => ({formulas: (require("../formulas/okr") as typeof Okr).okrFormulas}), {
  formulas: [
    "KeyResultProgress",
    "KeyResultGrade",
    "ExpectedProgress",
    "KeyResultStatus",
    "ObjectiveScore",
    "ForecastValue",
    "OkrCycle",
    "AlignmentFindings",
    "RollUp",
    "CycleReview",
  ],
});
const health = area(() => ({formulas: (require("../formulas/health") as typeof Health).healthFormulas}), {
  formulas: ["HealthStatus", "HealthTrend", "IsHotItem", "HotReason", "Sparkline", "ProgressBar", "DashboardReview"],
});
const meetings = area(() => ({formulas: (require("../formulas/meetings") as typeof Meetings).meetingFormulas}), {
  formulas: ["AgendaTimes", "MeetingMix", "MeetingDates", "RolloutPhase", "LeadershipAlignment", "DecisionCheck"],
});
const history = area(() => ({formulas: (require("../formulas/history") as typeof History).historyFormulas}), {
  formulas: ["ProgressHistory", "ProgressDescription", "Scorecard", "ScorecardDescription"],
});
const alignment = area(() => ({formulas: (require("../formulas/alignment") as typeof Alignment).alignmentFormulas}), {
  formulas: ["TriggerSyntax", "PreworkDue"],
});
const okrSync = area(
  () => {
    const m = require("../formulas/okr_sync") as typeof OkrSync;
    return {formulas: m.okrActions, syncTables: m.okrSyncTables};
  },
  {formulas: ["CheckIn"], syncTables: ["StrategicImperatives", "AnnualGoals", "Objectives", "KeyResults", "CheckIns"]},
);
const meetingsSync = area(
  () => {
    const m = require("../formulas/meetings_sync") as typeof MeetingsSync;
    return {formulas: m.meetingActions, syncTables: m.meetingSyncTables};
  },
  {
    formulas: ["RaiseIssue", "RecordDecision", "AssignAction"],
    syncTables: ["Issues", "Decisions", "ActionItems", "BackBriefs", "MeetingAgenda", "Cadence", "Playbook"],
  },
);
const historySync = area(
  () => {
    const m = require("../formulas/history_sync") as typeof HistorySync;
    return {formulas: m.historyActions, syncTables: m.historySyncTables};
  },
  {formulas: ["CarryForward"], syncTables: ["CheckInsDue", "Retrospective"]},
);
const setup = area(() => ({formulas: (require("../formulas/setup") as typeof Setup).setupFormulas}), {
  formulas: ["SetupCheck", "CreateTeamDoc"],
});
const healthSync = area(
  () => ({syncTables: (require("../formulas/health_sync") as typeof HealthSync).healthSyncTables}),
  {syncTables: ["HealthMetrics", "HotItems", "OkrCandidates"]},
);
const disciplineSync = area(
  () => ({syncTables: (require("../formulas/discipline_sync") as typeof DisciplineSync).disciplineSyncTables}),
  {syncTables: ["Seats", "MeetingHealth"]},
);
const alignmentSync = area(
  () => ({syncTables: (require("../formulas/alignment_sync") as typeof AlignmentSync).alignmentSyncTables}),
  {syncTables: ["Charter", "Risks", "Dependencies", "SessionReadiness", "ExecutiveProgram"]},
);
const diagnosisSync = area(
  () => {
    const m = require("../formulas/diagnosis_sync") as typeof DiagnosisSync;
    return {formulas: m.diagnosisFormulas, syncTables: m.diagnosisSyncTables};
  },
  {
    formulas: ["ConstraintHeatmap", "ConstraintHeatmapWords"],
    syncTables: ["Interviews", "Bottlenecks", "FlowEfficiency"],
  },
);
const decisionSync = area(
  () => {
    const m = require("../formulas/decision_sync") as typeof DecisionSync;
    return {formulas: m.decisionFormulas, syncTables: m.decisionSyncTables};
  },
  {formulas: ["ChoosePath", "ExecutiveBrief"], syncTables: ["PathDecision", "Roadmap"]},
);
const coachingSync = area(
  () => ({syncTables: (require("../formulas/coaching_sync") as typeof CoachingSync).coachingSyncTables}),
  {syncTables: ["OneOnOnes", "LeaderMetrics"]},
);

const agent = area(() => ({skills: (require("./agent/skills") as typeof Skills).skills}), {
  skills: [
    "PrepareWeeklyMeeting",
    "DebriefMeeting",
    "FindDecisions",
    "CheckInKeyResults",
    "ReviewDraftOkrs",
    "BriefOnHealth",
    "RunCycleRetrospective",
    "CheckLeadershipAlignment",
    "DraftBoardMemo",
    "LeadershipChat",
  ],
});

/** Every area, in the order the pack lists its formulas and its sync tables. */
export const areas = {
  okr,
  health,
  meetings,
  history,
  alignment,
  okrSync,
  healthSync,
  meetingsSync,
  disciplineSync,
  historySync,
  setup,
  alignmentSync,
  diagnosisSync,
  decisionSync,
  coachingSync,
  agent,
};

for (const a of Object.values(areas)) {
  pack.formulas.push(...a.formulas);
  pack.syncTables.push(...a.syncTables);
  for (const skill of a.skills) pack.addSkill(skill);
}
