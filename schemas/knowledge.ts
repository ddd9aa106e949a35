import type * as coda from "@codahq/packs-sdk";

/**
 * How Superhuman Go indexes each synced table as knowledge (the SDK's
 * `CustomIndexDefinition`, schema.d.ts). Each schema attaches its entry with one
 * line, `index: Knowledge.<Table>`, beside its `titleProperty` and `linkProperty`,
 * so answers cite the row by name and link to it in its source doc.
 *
 * - `properties`: the long text that carries meaning (rationale, notes, findings),
 *   and the row's `Summary` where the source holds none: chunked and searched.
 * - `contextProperties`: short text repeated in every chunk so a search finds it.
 * - `filterableProperties`: at most 5 (`AgentLimits.filterableProperties`), picked
 *   for the questions leaders ask: whose, which cycle, which team, what status. The
 *   owner (a Person) is always one, so "what does Grace own?" is a filter, not a guess.
 *
 * A new table adds its entry here and its one line in its schema; the readiness test
 * (test/readiness_test.ts) then checks it. A sync table that is not indexed is named
 * in `Unindexed` with the reason.
 */
export const Knowledge = {
  StrategicImperatives: {
    properties: ["Description"],
    contextProperties: ["Name", "Code"],
    filterableProperties: ["Owner"],
  },
  AnnualGoals: {
    properties: ["Name"],
    contextProperties: ["Code", "ImperativeName"],
    filterableProperties: ["Owner", "FiscalYear"],
  },
  Objectives: {
    properties: ["Summary", "Alignment", "Problems"],
    contextProperties: ["Name", "Team", "Cycle"],
    filterableProperties: ["Owner", "Team", "Cycle", "Status", "Grade"],
  },
  KeyResults: {
    properties: ["Summary", "Alignment", "Problems"],
    contextProperties: ["Name", "ObjectiveName", "Team", "Cycle"],
    filterableProperties: ["Owner", "Team", "Cycle", "Status", "Stale"],
  },
  CheckIns: {
    properties: ["Note"],
    contextProperties: ["KeyResultName", "Date"],
    filterableProperties: ["KeyResultName", "Date"],
  },
  HealthMetrics: {
    properties: ["Summary", "HotReason", "Problems"],
    contextProperties: ["Name", "Area"],
    filterableProperties: ["Owner", "Area", "Status", "Hot", "Trend"],
  },
  OkrCandidates: {
    properties: ["Evidence", "KeyResult"],
    contextProperties: ["Name", "MetricName", "Area"],
    filterableProperties: ["Owner", "Area", "MetricName"],
  },
  Issues: {
    properties: ["Summary", "SourceDetail", "Problems"],
    contextProperties: ["Name", "Priority"],
    filterableProperties: ["Owner", "Priority", "Status", "Open", "Source"],
  },
  Decisions: {
    properties: ["Summary", "Rationale", "RejectedAlternatives", "Assumptions", "Check"],
    contextProperties: ["Name", "Lane"],
    filterableProperties: ["Owner", "Lane", "DueForReview", "Date", "ReviewDate"],
  },
  ActionItems: {
    properties: ["Summary", "Problems"],
    contextProperties: ["Name", "Source"],
    filterableProperties: ["Owner", "Status", "Overdue", "Due"],
  },
  BackBriefs: {
    properties: ["WillDo", "How", "Need", "Gaps"],
    contextProperties: ["Name", "Objective"],
    filterableProperties: ["Leader", "Objective", "Complete"],
  },
  Seats: {
    properties: ["Responsibilities", "Findings", "Problems"],
    contextProperties: ["Name", "Holder", "ReportsTo"],
    filterableProperties: ["Person", "Kind", "RequiredIn"],
  },
  MeetingHealth: {
    properties: ["Findings", "TrendDetail", "DoneByOwner", "Problems"],
    contextProperties: ["Name", "Kind"],
    filterableProperties: ["Date", "Kind", "Healthy", "RatingTrend"],
  },
  CheckInsDue: {
    properties: ["Problems"],
    contextProperties: ["Name", "Team", "Cycle"],
    filterableProperties: ["Owner", "Team", "Cycle", "Due"],
  },
  Retrospective: {
    properties: ["Findings", "WhatHappened", "WhatWeLearnt", "ConfidencePath", "Problems"],
    contextProperties: ["Name", "Team", "Cycle"],
    filterableProperties: ["Owner", "Team", "Cycle", "Grade"],
  },
  Charter: {
    properties: ["Answer", "Findings", "Problems"],
    contextProperties: ["Name", "Question", "Subject"],
    filterableProperties: ["Leader", "Question", "Open"],
  },
  Risks: {
    properties: ["Mitigation", "Findings", "TriggerReading", "Problems"],
    contextProperties: ["Name", "Area", "Trigger", "MitigationOwner"],
    filterableProperties: ["Area", "Status", "TriggerState", "Hot", "ReviewOverdue"],
  },
  Dependencies: {
    properties: ["BlockedReason", "CriticalPath", "Problems"],
    contextProperties: ["Name", "Downstream", "Upstream"],
    filterableProperties: ["Blocked", "UpstreamStatus", "NeededBy"],
  },
  SessionReadiness: {
    properties: ["Findings", "MissingPrework", "UnconfirmedSeats", "MissingOutputs", "Problems"],
    contextProperties: ["Name", "Kind"],
    filterableProperties: ["Date", "Kind", "Ready", "Upcoming", "NoDecision"],
  },
} satisfies Record<string, coda.CustomIndexDefinition>;

/**
 * Sync tables left out of the index on purpose, each with the reason. Every other
 * sync table must have an index: the readiness test fails on one that has neither.
 */
export const Unindexed: Record<string, string> = {
  MeetingAgenda:
    "Built for one meeting date from the indexed tables; the PrepareWeeklyMeeting skill builds it from them.",
  HotItems: "The hot rows of HealthMetrics, which is indexed with the hot flag filterable.",
  Cadence: "A calendar computed from a start date; OkrCycle and the skills' prompts cover it.",
  ExecutiveProgram:
    "The four sessions laid out from one date; SessionReadiness, which is indexed, holds the sessions as the doc keeps them.",
  Playbook: "A fixed 90-day plan computed from a start date; RolloutPhase answers where it stands.",
};
