import type {FieldSpec} from "../engine/columns";

/**
 * The registry of every table the pack reads in a doc, and of where each sync
 * table goes: the one list SetupCheck, the facilitator's guide, its picture and
 * the starter tables are made from, and the names and columns every area reads
 * its tables by. A new table is its columns and one entry in `Tables`; a new
 * sync table is one entry in `SyncPlacements`. It imports no other module of
 * the pack, so reading it costs a sync table's first use nothing else.
 */

/** The steps of the setup, each giving something of its own: 1 the first meeting, 4 the executive program. */
export type Tier = 1 | 2 | 3 | 4;

/** The docs an organization keeps. */
export const DocKinds = ["Strategy", "Team", "Leadership", "Meeting", "Metrics"] as const;
export type DocKind = (typeof DocKinds)[number];

/**
 * The kind of column a facilitator creates: what Coda calls its column format.
 * `text` and `select` take anything; the others are checked against the API's
 * column format.
 */
export type ColumnKind = "text" | "select" | "number" | "percent" | "date" | "person" | "lookup" | "checkbox";

/** The API's column formats each kind accepts. */
export const AcceptedFormats: Partial<Record<ColumnKind, readonly string[]>> = {
  number: ["number", "currency", "percent", "slider", "scale", "duration"],
  percent: ["percent", "number", "slider", "scale"],
  date: ["date", "dateTime"],
  person: ["person", "email"],
  lookup: ["lookup", "text"],
  checkbox: ["checkbox"],
};

/** What a facilitator names the column when creating it in Coda. */
export const KindLabel: Record<ColumnKind, string> = {
  text: "Text",
  select: "Select list",
  number: "Number",
  percent: "Percent",
  date: "Date",
  person: "People",
  lookup: "Lookup",
  checkbox: "Checkbox",
};

export interface ColumnEntry {
  /** The column's exact name. */
  name: string;
  /** The FieldSpec field the pack maps it to. */
  field: string;
  kind: ColumnKind;
  /** For lookups: the key of the table it looks up. */
  lookup?: string;
  /** Needed although the sync can do without it (the Key an action writes). */
  needed?: boolean;
}

export interface TableEntry {
  /** A stable key for the registry. */
  key: string;
  doc: DocKind;
  /** The default name the pack looks for. */
  name: string;
  /** The column specs the pack maps the table with (above). */
  fields: readonly FieldSpec[];
  /** The columns to create, in order. */
  columns: readonly ColumnEntry[];
  /** The pack works without it (a sync or action that needs it says so). */
  optional: boolean;
  /** The sync tables, formulas and actions that read or write it. */
  readBy: readonly string[];
  /** Not created by hand: this sync table of the pack, added to the doc, is the table. */
  syncedFrom?: string;
  /** What the table is for, in a sentence. */
  purpose: string;
  /** The step of the setup that adds it: 1 for the first meeting, up to 4. */
  tier: Tier;
  /** What the pack shows once it is there, after "Add a … table to see": a few words. */
  shows: string;
}

export interface SyncPlacement {
  /** The sync table's name in the pack. */
  syncTable: string;
  /** The docs it is added to. */
  placeIn: readonly DocKind[];
  /** The docs it reads. */
  reads: readonly DocKind[];
  /** Its parameters, as the facilitator fills them in. */
  parameters: string;
  /** The step of the setup that adds it. */
  tier: Tier;
}

/*
 * The tables' names and columns, with the names people commonly give them:
 * each area reads its tables through these, and the entries below list them.
 * Matching ignores case, spaces and punctuation; the `columns` parameter maps
 * anything else (`Target=Goal value; Owner=DRI`).
 */

// ---- the OKR docs

/**
 * The column that holds the key of each row the pack writes, so a retried write
 * updates the row it made instead of adding another.
 */
export const KeyField = {field: "Key", names: ["Row Key", "Request Key", "Sync Key"]} as const satisfies FieldSpec;

const owner: FieldSpec = {field: "Owner", names: ["DRI", "Lead", "Accountable", "Responsible", "Assignee"]};
const code: FieldSpec = {field: "Code", names: ["Key", "Ref", "Number", "Short name"]};

export const ImperativeFields = [
  {field: "Name", names: ["Imperative", "Strategic Imperative", "Title"], required: true},
  code,
  owner,
  {field: "Description", names: ["Details", "Why", "Summary"]},
] as const satisfies readonly FieldSpec[];

export const GoalFields = [
  {field: "Name", names: ["Goal", "Annual Goal", "Title"], required: true},
  code,
  {
    field: "Imperative",
    names: ["Strategic Imperative", "Imperatives", "Supports"],
    lookupTo: ["Strategic Imperatives", "Imperatives"],
  },
  owner,
  {field: "FiscalYear", names: ["Fiscal Year", "Year", "FY"]},
] as const satisfies readonly FieldSpec[];

/** The stable id column of a synced AnnualGoals table in a team doc. */
export const SyncedGoalFields = [
  {field: "Name", names: ["Goal", "Annual Goal", "Title"], required: true},
  {field: "GoalId", names: ["Goal Id", "Stable Id", "Id"]},
] as const satisfies readonly FieldSpec[];

export const ObjectiveFields = [
  {field: "Name", names: ["Objective", "Title"], required: true},
  code,
  owner,
  {field: "Team", names: ["Department", "Group", "Squad"]},
  {field: "Cycle", names: ["Quarter", "Period", "OKR Cycle"]},
  {field: "Goals", names: ["Annual Goals", "Annual Goal", "Goal", "Supports"], lookupTo: ["Annual Goals", "Goals"]},
] as const satisfies readonly FieldSpec[];

export const KeyResultFields = [
  {field: "Name", names: ["Key Result", "KR", "Title"], required: true},
  code,
  {field: "Objective", names: ["Parent", "Parent Objective"], required: true, lookupTo: ["Objectives"]},
  owner,
  {field: "Start", names: ["Baseline", "Starting Value", "Initial", "Start Value"]},
  {field: "Target", names: ["Goal", "Desired", "Target Value"], required: true},
  {field: "Current", names: ["Actual", "Value", "Latest", "Current Value"], required: true},
  {field: "Kind", names: ["Type", "Direction", "Measure"]},
  {field: "Confidence", names: ["Likelihood", "Confidence Level"]},
  {field: "Weight", names: ["Importance"]},
  {field: "Unit", names: ["Units", "Measure Unit"]},
] as const satisfies readonly FieldSpec[];

export const CheckInFields = [
  {field: "KeyResult", names: ["Key Result", "KR"], required: true, lookupTo: ["Key Results"]},
  {field: "Date", names: ["When", "Checked In", "Check-in Date", "Week"], required: true},
  {field: "Value", names: ["Current", "Actual", "Reading"], required: true},
  {field: "Confidence", names: ["Likelihood"]},
  {field: "Note", names: ["Notes", "Comment", "Update"]},
  KeyField,
] as const satisfies readonly FieldSpec[];

export const DefaultTableNames = {
  imperatives: "Strategic Imperatives",
  goals: "Annual Goals",
  objectives: "Objectives",
  keyResults: "Key Results",
  checkIns: "Check-ins",
} as const;

// ---- the metrics doc

export const MetricFields = [
  {field: "Name", names: ["Metric", "KPI", "Measure", "Title"], required: true},
  {field: "Area", names: ["Category", "Dimension", "Pillar"]},
  owner,
  {field: "Unit", names: ["Units"]},
  {field: "GreenAt", names: ["Green At", "Green", "Good", "Target"], required: true},
  {field: "RedAt", names: ["Red At", "Red", "Bad", "Threshold"], required: true},
  {field: "Cadence", names: ["Frequency", "Period", "Review Cadence"]},
] as const satisfies readonly FieldSpec[];

/** Readings in long form: one row per metric and date. */
export const ReadingFields = [
  {field: "Metric", names: ["KPI", "Measure"], lookupTo: ["Metric Definitions", "Metrics"]},
  {field: "Date", names: ["When", "Week", "Day", "Period"], required: true},
  {field: "Value", names: ["Reading", "Actual", "Result"]},
] as const satisfies readonly FieldSpec[];

export const DefaultMetricTables = {definitions: "Metric Definitions", readings: "Metric Readings"} as const;

// ---- the leadership meeting doc: issues, decisions, actions, back-briefs, leaders, meetings

export const IssueFields = [
  {field: "Name", names: ["Issue", "Title", "Problem", "Topic"], required: true},
  {field: "Priority", names: ["Urgency", "Rank"]},
  owner,
  {field: "Source", names: ["From", "Origin", "Raised From"]},
  {field: "Raised", names: ["Raised On", "Created", "Date", "Opened"]},
  {field: "Status", names: ["State"]},
  {field: "Votes", names: ["Voters", "Voted By", "Vote"]},
  {field: "Horizon", names: ["Term", "Timeframe", "List"]},
  {field: "Carried", names: ["Carried Over", "Times Carried", "Meetings Carried"]},
  KeyField,
] as const satisfies readonly FieldSpec[];

export const DecisionFields = [
  {field: "Name", names: ["Decision", "Title"], required: true},
  {field: "Owner", names: ["Decider", "Accountable", "DRI"]},
  {field: "Approvers", names: ["Approver", "Approved By"]},
  {field: "Consulted", names: ["Consult", "Input From"]},
  {field: "Lane", names: ["Decision Lane", "Type"]},
  {field: "Date", names: ["Decided", "Decided On", "Decision Date"]},
  {field: "Rationale", names: ["Why", "Reason", "Reasoning"]},
  {field: "RejectedAlternatives", names: ["Rejected Alternatives", "Alternatives", "Options Rejected"]},
  {field: "Assumptions", names: ["Assumption"]},
  {field: "ReviewDate", names: ["Review Date", "Review", "Revisit", "Review On"]},
  {field: "Issue", names: ["Issues", "Linked Issue"], lookupTo: ["Issues"]},
  {field: "Kind", names: ["Decision Kind", "Kind Of Decision", "Category"]},
  {field: "FailureConditions", names: ["Failure Conditions", "Failure Condition", "Kill Criteria"]},
  {field: "FailureMet", names: ["Failure Met", "Failure Condition Met", "Condition Met"]},
  KeyField,
] as const satisfies readonly FieldSpec[];

export const ActionFields = [
  {field: "Name", names: ["Action", "Action Item", "Task", "Title"], required: true},
  owner,
  {field: "Due", names: ["Due Date", "Deadline", "By"]},
  {field: "Status", names: ["State", "Done"]},
  {field: "Source", names: ["From", "Meeting", "Decision"]},
  KeyField,
] as const satisfies readonly FieldSpec[];

export const BackBriefFields = [
  {field: "Leader", names: ["Owner", "Who", "Name"], required: true},
  {field: "WillDo", names: ["Will Do", "What", "Intent", "What I Will Do"]},
  {field: "How", names: ["Approach", "How I Will Do It"]},
  {field: "Need", names: ["Needs", "What I Need", "Support Needed"]},
  {field: "Objective", names: ["Objectives", "Linked Objective", "OKR"]},
] as const satisfies readonly FieldSpec[];

export const LeaderFields = [
  {field: "Leader", names: ["Name", "Person", "Member"], required: true},
  {field: "Role", names: ["Title", "Position"]},
  {field: "Seniority", names: ["Level", "Rank"]},
] as const satisfies readonly FieldSpec[];

export const MeetingFields = [
  {field: "Date", names: ["Meeting Date", "When"], required: true},
  {field: "Facilitator", names: ["Facilitated By", "Chair"]},
] as const satisfies readonly FieldSpec[];

export const MessageFields = [
  {field: "Message", names: ["Messages", "What To Cascade", "Title"], required: true},
  {field: "Audience", names: ["To", "For"]},
  {field: "MeetingDate", names: ["Meeting Date", "Meeting", "Date"]},
] as const satisfies readonly FieldSpec[];

export const MeetingTables = {
  leaders: "Leaders",
  meetings: "Meetings",
  agendaItems: "Agenda Items",
  issues: "Issues",
  decisions: "Decisions",
  actions: "Action Items",
  backBriefs: "Back-briefs",
  rankings: "Priority Rankings",
  messages: "Messages",
} as const;

// ---- meeting discipline: seats, meetings and ratings, agenda items, the issues' history

export const DisciplineTables = {
  seats: "Seats",
  meetings: "Meetings",
  ratings: "Ratings",
  agendaItems: "Agenda Items",
} as const;

export const SeatFields = [
  {field: "Seat", names: ["Name", "Role", "Function", "Title"], required: true},
  {field: "Person", names: ["Holder", "Held By", "Who", "Leader"]},
  {field: "Responsibilities", names: ["Accountabilities", "Roles", "Duties"]},
  {field: "ReportsTo", names: ["Reports To", "Reports", "Parent Seat", "Parent"]},
  {field: "RequiredIn", names: ["Required In", "Required Meetings", "Meetings", "Attends"]},
] as const satisfies readonly FieldSpec[];

/** The Meetings table as meeting health reads it: the agenda reads its Date and Facilitator too. */
export const MeetingRecordFields = [
  {field: "Name", names: ["Meeting", "Title"]},
  {field: "Date", names: ["Meeting Date", "When"], required: true},
  {field: "Kind", names: ["Type", "Meeting Kind", "Meeting Type"]},
  {field: "Attendees", names: ["Attendance", "Attended", "Present", "Participants"]},
  {field: "StartedOnTime", names: ["Started On Time", "Start On Time", "On Time"]},
  {field: "EndedOnTime", names: ["Ended On Time", "End On Time", "Finished On Time"]},
] as const satisfies readonly FieldSpec[];

export const RatingFields = [
  {field: "Meeting", names: ["Meetings"], required: true, lookupTo: ["Meetings"]},
  {field: "Attendee", names: ["Rater", "Rated By", "Person", "Leader", "Who"], required: true},
  {field: "Rating", names: ["Score", "Rating 1-10"], required: true},
  {field: "Reason", names: ["Why", "Comment", "Note"]},
] as const satisfies readonly FieldSpec[];

export const AgendaItemFields = [
  {field: "Item", names: ["Agenda Item", "Name", "Title"], required: true},
  {field: "Meeting", names: ["Meetings", "Meeting Date"], required: true, lookupTo: ["Meetings"]},
  {field: "Kind", names: ["Type", "Category"], required: true},
  {field: "Minutes", names: ["Duration", "Time", "Time Box"], required: true},
] as const satisfies readonly FieldSpec[];

/** The issues as meeting health reads them: the issues list's columns, and when each was solved. */
export const IssueHistoryFields = [
  ...IssueFields,
  {field: "Solved", names: ["Solved On", "Resolved On", "Closed On"]},
] as const satisfies readonly FieldSpec[];

// ---- check-ins due and the retrospective (the team docs)

/** The Key Results columns this area reads: the usual ones and an optional Cadence. */
export const CheckInDueFields = [
  ...KeyResultFields,
  {field: "Cadence", names: ["Check-in Cadence", "Check-in Frequency", "Frequency"]},
] as const satisfies readonly FieldSpec[];

export const HistoryTables = {retrospective: "Retrospective"} as const;

/** The team's notes: one row per key result. */
export const RetrospectiveFields = [
  {field: "KeyResult", names: ["Key Result", "KR"], required: true, lookupTo: ["Key Results"]},
  {field: "WhatHappened", names: ["What Happened", "Happened", "What Went On"]},
  {field: "WhatWeLearnt", names: ["What We Learnt", "What We Learned", "Learnt", "Learned", "Lessons"]},
] as const satisfies readonly FieldSpec[];

/** The Key Results columns a carried key result is written to; Key and Carried From are needed. */
export const CarryFields = [
  ...CheckInDueFields,
  {...KeyField, required: true},
  {field: "CarriedFrom", names: ["Carried From", "Carried Over From", "Previous Key Result"], required: true},
] as const satisfies readonly FieldSpec[];

/** The Objectives columns a carried objective is written to. */
export const CarriedObjectiveFields = [
  ...ObjectiveFields,
  {...KeyField, required: true},
] as const satisfies readonly FieldSpec[];

// ---- the leaders' charter

export const CharterTables = {
  outcomes: "Shared Outcomes",
  tolerance: "Risk Tolerance",
  redLines: "Red Lines",
  expertise: "Expertise",
  lanes: "Lanes",
} as const;

const leader: FieldSpec = {field: "Leader", names: ["Name", "Person", "Member", "Who"]};

export const SharedOutcomeFields = [
  {field: "Outcome", names: ["Shared Outcome", "What We Own Together", "Title"], required: true},
  {field: "Agreed", names: ["Agree", "Agreed By", "Agrees"]},
  {field: "NotYet", names: ["Not Yet", "Not Agreed", "Disagree"]},
  {field: "Note", names: ["Notes", "Why Not Yet", "Comment"]},
] as const satisfies readonly FieldSpec[];

export const RiskToleranceFields = [
  {...leader, required: true},
  {field: "Area", names: ["Domain", "Function"], required: true},
  {field: "AtRisk", names: ["At Risk", "What Is At Risk", "Risk"]},
  {field: "Failure", names: ["Failure Looks Like", "Failure", "What Failure Looks Like"]},
  {field: "Cascades", names: ["Cascades To", "Cascade", "Knock-on"]},
  {field: "Tolerance", names: ["Risk Tolerance", "Appetite", "Score"]},
] as const satisfies readonly FieldSpec[];

export const RedLineFields = [
  {...leader, required: true},
  {field: "RedLine", names: ["Red Line", "Non-negotiable", "Cannot Compromise On"], required: true},
  {field: "Grounds", names: ["Grounded In", "Because", "Why"]},
] as const satisfies readonly FieldSpec[];

export const ExpertiseFields = [
  {...leader, required: true},
  {field: "DefersTo", names: ["Defers To", "Expert", "Trusts"], required: true},
  {field: "Domain", names: ["In", "Area", "Topic"]},
] as const satisfies readonly FieldSpec[];

export const LaneFields = [
  {...leader, required: true},
  {field: "Decision", names: ["Kind Of Decision", "Decision Kind", "Outcome", "Kind"], required: true},
  {field: "Authority", names: ["Decides", "Mode", "Lane"], required: true},
  {field: "With", names: ["Coordinates With", "Coordinate With", "With Whom"]},
] as const satisfies readonly FieldSpec[];

// ---- dependencies and milestones

export const DependencyTables = {dependencies: "Dependencies", milestones: "Milestones"} as const;

export const DependencyFields = [
  {field: "Item", names: ["Downstream", "Waits", "Milestone", "Key Result"], required: true},
  {field: "DependsOn", names: ["Depends On", "Upstream", "Waits On", "Blocked By"], required: true},
  {field: "NeededBy", names: ["Needed By", "Need By", "Needed On"]},
  {field: "Note", names: ["Notes", "Why"]},
] as const satisfies readonly FieldSpec[];

export const MilestoneFields = [
  {field: "Name", names: ["Milestone", "Title"], required: true},
  {field: "Team", names: ["Department", "Group"]},
  {field: "Owner", names: ["DRI", "Lead"]},
  {field: "Due", names: ["Due Date", "Date", "Target Date"]},
  {field: "Status", names: ["State"]},
  {field: "Days", names: ["Duration", "Days Left", "Work Days"]},
] as const satisfies readonly FieldSpec[];

// ---- executive sessions and their pre-work

export const SessionTables = {sessions: "Sessions", prework: "Pre-work"} as const;

export const SessionFields = [
  {field: "Name", names: ["Session", "Title"], required: true},
  {field: "Kind", names: ["Type", "Session Kind"]},
  {field: "Date", names: ["When", "Session Date"], required: true},
  {field: "RequiredSeats", names: ["Required Seats", "Seats", "Must Attend"]},
  {field: "Confirmed", names: ["Confirmed Seats", "Attending"]},
  {field: "PreworkDue", names: ["Pre-work Due", "Prework Due"]},
  {field: "ExpectedOutputs", names: ["Expected Outputs", "Outputs"]},
  {field: "OutputsDelivered", names: ["Outputs Delivered", "Delivered", "Outputs Recorded"]},
] as const satisfies readonly FieldSpec[];

export const PreworkFields = [
  {field: "Input", names: ["Pre-work", "Prework", "Item", "Title"], required: true},
  {field: "Session", names: ["For Session", "Meeting"], lookupTo: ["Sessions"], required: true},
  {field: "From", names: ["Owner", "Who", "Requested From"]},
  {field: "Due", names: ["Due Date", "By"]},
  {field: "Received", names: ["Done", "In", "Status"]},
] as const satisfies readonly FieldSpec[];

// ---- the leadership doc's teams

export const TeamsTable = "Teams";

export const TeamFields = [
  {field: "Team", names: ["Name"], required: true},
  {field: "Lead", names: ["Owner", "Leader", "Lead Email"]},
  {field: "TeamDoc", names: ["Team Doc", "Doc", "Link"]},
] as const satisfies readonly FieldSpec[];

// ---- the risk register

export const RiskTable = "Risks";

export const RiskFields = [
  {field: "Name", names: ["Risk", "Title"], required: true},
  {field: "Area", names: ["Category", "Domain"]},
  {field: "Likelihood", names: ["Probability", "Chance"]},
  {field: "Impact", names: ["Severity", "Consequence"]},
  {field: "Mitigation", names: ["Mitigation Plan", "Response"]},
  {field: "MitigationOwner", names: ["Mitigation Owner", "Owner", "Risk Owner"]},
  {field: "Trigger", names: ["Trigger Condition", "Early Warning", "Fires When"]},
  {field: "Status", names: ["State"]},
  {field: "ReviewDate", names: ["Review Date", "Review", "Next Review"]},
] as const satisfies readonly FieldSpec[];

// ---- the current state: interviews, bottlenecks, the flow of work, constraints

export const DiagnosisTables = {
  interviews: "Interviews",
  bottlenecks: "Bottlenecks",
  flow: "Flow",
  constraints: "Constraints",
} as const;

export const InterviewFields = [
  {field: "Person", names: ["Interviewee", "Stakeholder", "Name", "Who"], required: true},
  {field: "Group", names: ["Interview Group", "Stakeholder Group", "Role", "Function"], required: true},
  {field: "Date", names: ["Interview Date", "When"]},
  {field: "Done", names: ["Completed", "Held", "Status"]},
  {field: "Findings", names: ["Finding", "Notes", "What We Heard", "Summary"]},
] as const satisfies readonly FieldSpec[];

export const BottleneckFields = [
  {field: "Name", names: ["Bottleneck", "Constraint", "Title"], required: true},
  {field: "Function", names: ["Team", "Area", "Department"]},
  {field: "Stage", names: ["Step", "Phase", "Where"]},
  {field: "Hours", names: ["Hours Per Week", "Hours/Week", "Hours Lost", "Hours Lost Per Week"]},
  {field: "Money", names: ["Cost Per Year", "Cost", "Money", "Annual Cost", "Dollars"]},
  {field: "DelayDays", names: ["Delay Days", "Days Of Delay", "Delay", "Days Delayed"]},
  {field: "Evidence", names: ["Source", "Data", "Proof"]},
  {field: "Owner", names: ["DRI", "Who"]},
  {field: "Status", names: ["State"]},
  {field: "LastStage", names: ["Last Stage", "Stage Last Review", "Previous Stage", "Was At"]},
  {field: "LastFunction", names: ["Last Function", "Function Last Review", "Previous Function"]},
  {field: "LastRank", names: ["Last Rank", "Rank Last Review", "Previous Rank"]},
] as const satisfies readonly FieldSpec[];

export const FlowFields = [
  {field: "Item", names: ["Work Item", "Ticket", "Name", "Title"], required: true},
  {field: "Stage", names: ["Step", "Phase"], required: true},
  {field: "Entered", names: ["Start", "Started", "From", "In"], required: true},
  {field: "Left", names: ["End", "Ended", "To", "Out"]},
  {field: "Kind", names: ["Work Or Wait", "Type", "Time"]},
  {field: "Overhead", names: ["Non-delivery", "Non Delivery", "Is Overhead"]},
] as const satisfies readonly FieldSpec[];

export const ConstraintFields = [
  {field: "Name", names: ["Constraint", "Title"], required: true},
  {field: "Function", names: ["Team", "Area", "Department"], required: true},
  {field: "Kind", names: ["Type", "Category"], required: true},
  {field: "Severity", names: ["Level", "Impact"], required: true},
] as const satisfies readonly FieldSpec[];

// ---- the path: options and the criteria they are scored on

export const PathTables = {
  options: "Options",
  criteria: "Criteria",
} as const;

/** The Options table: an option, its pathway, its execution risks, and one column of scores per criterion. */
export const OptionFields = [
  {field: "Name", names: ["Option", "Path", "Title"], required: true},
  {field: "Pathway", names: ["Pathway Type", "Kind", "Type"]},
  {field: "RiskProbability", names: ["Risk Probability", "Execution Risk Probability", "Probability"]},
  {field: "RiskImpact", names: ["Risk Impact", "Execution Risk Impact", "Impact"]},
  {field: "Notes", names: ["Description", "Summary"]},
] as const satisfies readonly FieldSpec[];

export const CriterionFields = [
  {field: "Name", names: ["Criterion", "Criteria", "Title"], required: true},
  {field: "Weight", names: ["Importance"], required: true},
  {field: "Better", names: ["Direction", "Better When", "Higher Or Lower"]},
] as const satisfies readonly FieldSpec[];

// ---- the leaders' development: one-to-ones and key metrics

export const CoachingTables = {
  oneOnOnes: "One-on-ones",
  leaderMetrics: "Leader Metrics",
} as const;

export const OneOnOneFields = [
  {field: "Leader", names: ["Manager", "Coach"], required: true},
  {field: "Report", names: ["Direct Report", "Person", "Coachee"], required: true},
  {field: "Date", names: ["When", "Held On"], required: true},
  {field: "Notes", names: ["Note", "Discussed"]},
  {field: "Commitments", names: ["Commitment", "Agreed", "Actions"]},
  {field: "Next", names: ["Next 1:1", "Next Date", "Next Meeting"]},
  {field: "Cadence", names: ["Every", "Frequency", "Rhythm"]},
] as const satisfies readonly FieldSpec[];

export const LeaderMetricFields = [
  {field: "Leader", names: ["Owner", "Who"], required: true},
  {field: "Metric", names: ["Measure", "Key Metric"], required: true},
  {field: "ShortName", names: ["Short Name", "Nickname", "Call It"]},
  {field: "LinkedTo", names: ["Linked To", "Health Metric", "Key Result", "Source"]},
] as const satisfies readonly FieldSpec[];

// ---- tables read only by formulas in the doc

export const RankingFields = [
  {field: "Leader", names: ["Name", "Who"], required: true},
  {field: "Ranking", names: ["Priorities", "Order", "Rank"], required: true},
] as const satisfies readonly FieldSpec[];

const c = (name: string, field: string, kind: ColumnKind, extra: Partial<ColumnEntry> = {}): ColumnEntry => ({
  name,
  field,
  kind,
  ...extra,
});

export const Tables: readonly TableEntry[] = [
  // The strategy doc.
  {
    key: "imperatives",
    tier: 2,
    shows: "the strategic imperatives every team's goals serve",
    doc: "Strategy",
    name: DefaultTableNames.imperatives,
    fields: ImperativeFields,
    columns: [
      c("Imperative", "Name", "text"),
      c("Code", "Code", "text"),
      c("Owner", "Owner", "person"),
      c("Description", "Description", "text"),
    ],
    optional: false,
    readBy: ["StrategicImperatives", "AnnualGoals"],
    purpose: "The few strategic imperatives the annual goals serve.",
  },
  {
    key: "goals",
    tier: 2,
    shows: "which annual goal each team objective serves",
    doc: "Strategy",
    name: DefaultTableNames.goals,
    fields: GoalFields,
    columns: [
      c("Goal", "Name", "text"),
      c("Code", "Code", "text"),
      c("Imperative", "Imperative", "lookup", {lookup: "imperatives"}),
      c("Owner", "Owner", "person"),
      c("Fiscal Year", "FiscalYear", "number"),
    ],
    optional: false,
    readBy: ["AnnualGoals"],
    purpose: "This year's goals, each serving one imperative.",
  },
  // A team doc.
  {
    key: "syncedGoals",
    tier: 2,
    shows: "which goal each of this team's objectives serves",
    doc: "Team",
    name: DefaultTableNames.goals,
    fields: SyncedGoalFields,
    columns: [c("Name", "Name", "text"), c("Id", "GoalId", "text")],
    optional: true,
    readBy: ["Objectives", "KeyResults"],
    syncedFrom: "AnnualGoals",
    purpose: "The strategy's goals, synced into the team doc so objectives can link the goal they serve.",
  },
  {
    key: "objectives",
    tier: 2,
    shows: "each team's objectives and how they roll up",
    doc: "Team",
    name: DefaultTableNames.objectives,
    fields: [...ObjectiveFields, KeyField],
    columns: [
      c("Objective", "Name", "text"),
      c("Code", "Code", "text"),
      c("Owner", "Owner", "person"),
      c("Team", "Team", "text"),
      c("Cycle", "Cycle", "text"),
      c("Goals", "Goals", "lookup", {lookup: "goals"}),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: false,
    readBy: ["Objectives", "KeyResults", "MeetingAgenda", "CheckInsDue", "Retrospective", "CarryForward"],
    purpose: "The team's objectives for each cycle, each linked to the annual goals it supports.",
  },
  {
    key: "keyResults",
    tier: 2,
    shows: "off-track and at-risk key results in the agenda",
    doc: "Team",
    name: DefaultTableNames.keyResults,
    // CarryForward alone needs Key and Carried From; the columns say so.
    fields: CarryFields.map(f => (f.field === "Key" || f.field === "CarriedFrom" ? {...f, required: false} : f)),
    columns: [
      c("Key Result", "Name", "text"),
      c("Code", "Code", "text"),
      c("Objective", "Objective", "lookup", {lookup: "objectives"}),
      c("Owner", "Owner", "person"),
      c("Start", "Start", "number"),
      c("Target", "Target", "number"),
      c("Current", "Current", "number"),
      c("Kind", "Kind", "select"),
      c("Confidence", "Confidence", "percent"),
      c("Weight", "Weight", "number"),
      c("Unit", "Unit", "text"),
      c("Cadence", "Cadence", "select"),
      c("Carried From", "CarriedFrom", "text", {needed: true}),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: false,
    readBy: [
      "KeyResults",
      "Objectives",
      "CheckIns",
      "CheckIn",
      "MeetingAgenda",
      "CheckInsDue",
      "Retrospective",
      "CarryForward",
    ],
    purpose: "The measurable results of each objective, checked in weekly (or at the row's Cadence).",
  },
  {
    key: "retrospective",
    tier: 3,
    shows: "the team's own words beside each key result's final grade",
    doc: "Team",
    name: HistoryTables.retrospective,
    fields: RetrospectiveFields,
    columns: [
      c("Key Result", "KeyResult", "lookup", {lookup: "keyResults"}),
      c("What Happened", "WhatHappened", "text"),
      c("What We Learnt", "WhatWeLearnt", "text"),
    ],
    optional: true,
    readBy: ["Retrospective"],
    purpose: "The team's words on each key result at the cycle's end: what happened and what it learnt.",
  },
  {
    key: "checkIns",
    tier: 2,
    shows: "forecasts, staleness and the check-ins that are due",
    doc: "Team",
    name: DefaultTableNames.checkIns,
    fields: CheckInFields,
    columns: [
      c("Key Result", "KeyResult", "lookup", {lookup: "keyResults"}),
      c("Date", "Date", "date"),
      c("Value", "Value", "number"),
      c("Confidence", "Confidence", "percent"),
      c("Note", "Note", "text"),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: true,
    readBy: ["CheckIns", "KeyResults", "CheckIn"],
    purpose: "Each weekly check-in of a key result: it feeds forecasts and staleness.",
  },
  // The leadership doc's list of teams, each with the team doc CreateTeamDoc makes for it.
  {
    key: "teams",
    tier: 2,
    shows: "a button on each team's row that makes its team doc",
    doc: "Leadership",
    name: TeamsTable,
    fields: TeamFields,
    columns: [c("Team", "Team", "text"), c("Lead", "Lead", "person"), c("Team Doc", "TeamDoc", "text", {needed: true})],
    optional: true,
    readBy: ["CreateTeamDoc"],
    purpose: "The teams that keep OKRs, each with its lead and the link of its team doc.",
  },
  // The leadership meeting doc.
  {
    key: "leaders",
    tier: 3,
    shows: "who facilitates next, in turn",
    doc: "Meeting",
    name: MeetingTables.leaders,
    fields: LeaderFields,
    columns: [c("Leader", "Leader", "person"), c("Role", "Role", "text"), c("Seniority", "Seniority", "number")],
    optional: true,
    readBy: ["MeetingAgenda"],
    purpose: "The leadership team, in the order they take turns facilitating; 1 is the most senior.",
  },
  {
    key: "meetings",
    tier: 3,
    shows: "each meeting's health and who facilitated last",
    doc: "Meeting",
    name: MeetingTables.meetings,
    fields: [...MeetingRecordFields, ...MeetingFields.filter(f => f.field !== "Date")],
    columns: [
      c("Meeting", "Name", "text"),
      c("Date", "Date", "date"),
      c("Facilitator", "Facilitator", "person"),
      c("Kind", "Kind", "select"),
      c("Attendees", "Attendees", "person"),
      c("Started On Time", "StartedOnTime", "checkbox"),
      c("Ended On Time", "EndedOnTime", "checkbox"),
    ],
    optional: true,
    readBy: ["MeetingAgenda", "MeetingHealth"],
    purpose:
      "Past and planned meetings: their kind, facilitator, attendees and whether they started and ended on time.",
  },
  {
    key: "agendaItems",
    tier: 3,
    shows: "the meeting's mix of problem solving and status",
    doc: "Meeting",
    name: MeetingTables.agendaItems,
    fields: AgendaItemFields,
    columns: [
      c("Item", "Item", "text"),
      c("Meeting", "Meeting", "lookup", {lookup: "meetings"}),
      c("Kind", "Kind", "select"),
      c("Minutes", "Minutes", "number"),
    ],
    optional: true,
    readBy: ["MeetingMix", "AgendaTimes", "MeetingHealth"],
    purpose: "Each meeting's items with their kind and minutes, for the meeting mix.",
  },
  {
    key: "issues",
    tier: 1,
    shows: "the issues the meeting solves, top three first",
    doc: "Meeting",
    name: MeetingTables.issues,
    fields: IssueHistoryFields,
    columns: [
      c("Issue", "Name", "text"),
      c("Priority", "Priority", "select"),
      c("Owner", "Owner", "person"),
      c("Source", "Source", "text"),
      c("Raised", "Raised", "date"),
      c("Status", "Status", "select"),
      c("Votes", "Votes", "person"),
      c("Horizon", "Horizon", "select"),
      c("Carried", "Carried", "number"),
      c("Solved", "Solved", "date"),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: false,
    readBy: ["Issues", "MeetingAgenda", "RaiseIssue", "MeetingHealth"],
    purpose: "The issues list the meeting solves, most pressing first.",
  },
  {
    key: "decisions",
    tier: 2,
    shows: "decisions due for review, each with one owner",
    doc: "Meeting",
    name: MeetingTables.decisions,
    fields: DecisionFields,
    columns: [
      c("Decision", "Name", "text"),
      c("Owner", "Owner", "person"),
      c("Approvers", "Approvers", "person"),
      c("Consulted", "Consulted", "person"),
      c("Lane", "Lane", "select"),
      c("Date", "Date", "date"),
      c("Rationale", "Rationale", "text"),
      c("Rejected Alternatives", "RejectedAlternatives", "text"),
      c("Assumptions", "Assumptions", "text"),
      c("Review Date", "ReviewDate", "date"),
      c("Issue", "Issue", "lookup", {lookup: "issues"}),
      c("Kind", "Kind", "select"),
      c("Failure Conditions", "FailureConditions", "text"),
      c("Failure Met", "FailureMet", "checkbox"),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: true,
    readBy: ["Decisions", "MeetingAgenda", "RecordDecision", "DecisionCheck", "Seats", "SessionReadiness"],
    purpose: "The decision log, one owner per decision.",
  },
  {
    key: "actions",
    tier: 1,
    shows: "overdue action items and each owner's done rate",
    doc: "Meeting",
    name: MeetingTables.actions,
    fields: ActionFields,
    columns: [
      c("Action", "Name", "text"),
      c("Owner", "Owner", "person"),
      c("Due", "Due", "date"),
      c("Status", "Status", "select"),
      c("Source", "Source", "text"),
      c("Key", "Key", "text", {needed: true}),
    ],
    optional: true,
    readBy: ["ActionItems", "MeetingAgenda", "AssignAction"],
    purpose: "Action items with their owner and due date.",
  },
  {
    key: "backBriefs",
    tier: 3,
    shows: "each leader's back-brief and its gaps",
    doc: "Meeting",
    name: MeetingTables.backBriefs,
    fields: BackBriefFields,
    columns: [
      c("Leader", "Leader", "person"),
      c("Will Do", "WillDo", "text"),
      c("How", "How", "text"),
      c("Need", "Need", "text"),
      c("Objective", "Objective", "text"),
    ],
    optional: true,
    readBy: ["BackBriefs"],
    purpose: "Each leader's back-brief: what they will do, how, and what they need.",
  },
  {
    key: "rankings",
    tier: 3,
    shows: "how far the leaders' priorities agree",
    doc: "Meeting",
    name: MeetingTables.rankings,
    fields: RankingFields,
    columns: [c("Leader", "Leader", "person"), c("Ranking", "Ranking", "text")],
    optional: true,
    readBy: ["LeadershipAlignment"],
    purpose: "Each leader's ranking of the same priorities, most important first, separated by commas.",
  },
  {
    key: "seats",
    tier: 3,
    shows: "which seats are empty or overloaded",
    doc: "Meeting",
    name: DisciplineTables.seats,
    fields: SeatFields,
    columns: [
      c("Seat", "Seat", "text"),
      c("Person", "Person", "person"),
      c("Responsibilities", "Responsibilities", "text"),
      c("Reports To", "ReportsTo", "text"),
      c("Required In", "RequiredIn", "select"),
    ],
    optional: true,
    readBy: ["Seats", "MeetingHealth", "Decisions", "ActionItems", "MeetingAgenda", "Risks", "SessionReadiness"],
    purpose:
      "The seats of the leadership team: who holds each, its 3 to 5 responsibilities, whom it reports to and the meetings it must attend.",
  },
  {
    key: "ratings",
    tier: 3,
    shows: "each meeting's rating and its trend",
    doc: "Meeting",
    name: DisciplineTables.ratings,
    fields: RatingFields,
    columns: [
      c("Meeting", "Meeting", "lookup", {lookup: "meetings"}),
      c("Attendee", "Attendee", "person"),
      c("Rating", "Rating", "number"),
      c("Reason", "Reason", "text"),
    ],
    optional: true,
    readBy: ["MeetingHealth", "MeetingAgenda"],
    purpose: "Each attendee's rating of a meeting from 1 to 10, with a reason below 8.",
  },
  {
    key: "messages",
    tier: 2,
    shows: "what the leaders agreed to cascade",
    doc: "Meeting",
    name: MeetingTables.messages,
    fields: MessageFields,
    columns: [
      c("Message", "Message", "text"),
      c("Audience", "Audience", "text"),
      c("Meeting Date", "MeetingDate", "date"),
    ],
    optional: true,
    readBy: ["MeetingAgenda"],
    purpose: "What the leaders agreed to cascade, and to whom.",
  },
  // The leaders' charter, the risk register, dependency gates and executive sessions, in the meeting doc.
  {
    key: "sharedOutcomes",
    tier: 4,
    shows: "the outcomes the leaders own together",
    doc: "Meeting",
    name: CharterTables.outcomes,
    fields: SharedOutcomeFields,
    columns: [
      c("Outcome", "Outcome", "text"),
      c("Agreed", "Agreed", "person"),
      c("Not Yet", "NotYet", "person"),
      c("Note", "Note", "text"),
    ],
    optional: true,
    readBy: ["Charter"],
    purpose: "What the leaders own together, with who has agreed and who not yet.",
  },
  {
    key: "riskTolerance",
    tier: 4,
    shows: "where the leaders' risk tolerance differs most",
    doc: "Meeting",
    name: CharterTables.tolerance,
    fields: RiskToleranceFields,
    columns: [
      c("Leader", "Leader", "person"),
      c("Area", "Area", "select"),
      c("At Risk", "AtRisk", "text"),
      c("Failure Looks Like", "Failure", "text"),
      c("Cascades To", "Cascades", "text"),
      c("Tolerance", "Tolerance", "number"),
    ],
    optional: true,
    readBy: ["Charter"],
    purpose: "What is at risk in each leader's area, how it cascades, and their risk tolerance from 1 to 5.",
  },
  {
    key: "redLines",
    tier: 4,
    shows: "each leader's non-negotiables",
    doc: "Meeting",
    name: CharterTables.redLines,
    fields: RedLineFields,
    columns: [c("Leader", "Leader", "person"), c("Red Line", "RedLine", "text"), c("Grounded In", "Grounds", "select")],
    optional: true,
    readBy: ["Charter"],
    purpose: "Each leader's non-negotiables and what they rest on.",
  },
  {
    key: "expertise",
    tier: 4,
    shows: "whose expertise each leader defers to",
    doc: "Meeting",
    name: CharterTables.expertise,
    fields: ExpertiseFields,
    columns: [c("Leader", "Leader", "person"), c("Defers To", "DefersTo", "person"), c("Domain", "Domain", "text")],
    optional: true,
    readBy: ["Charter"],
    purpose: "Whose expertise each leader defers to, in which domain.",
  },
  {
    key: "lanes",
    tier: 4,
    shows: "decisions taken outside their owner's lane",
    doc: "Meeting",
    name: CharterTables.lanes,
    fields: LaneFields,
    columns: [
      c("Leader", "Leader", "person"),
      c("Decision", "Decision", "text"),
      c("Authority", "Authority", "select"),
      c("Coordinates With", "With", "person"),
    ],
    optional: true,
    readBy: ["Charter", "Decisions", "DecisionCheck"],
    purpose: "Each leader's decision lanes: decides alone, coordinates (with whom) or owns outright.",
  },
  {
    key: "risks",
    tier: 4,
    shows: "risks whose live triggers have fired",
    doc: "Meeting",
    name: RiskTable,
    fields: RiskFields,
    columns: [
      c("Risk", "Name", "text"),
      c("Area", "Area", "select"),
      c("Likelihood", "Likelihood", "number"),
      c("Impact", "Impact", "number"),
      c("Mitigation", "Mitigation", "text"),
      c("Mitigation Owner", "MitigationOwner", "person"),
      c("Trigger", "Trigger", "text"),
      c("Status", "Status", "select"),
      c("Review Date", "ReviewDate", "date"),
    ],
    optional: true,
    readBy: ["Risks", "MeetingAgenda", "Seats"],
    purpose: "The risk register: each risk with its mitigation, owner, live trigger and review date.",
  },
  {
    key: "milestones",
    tier: 4,
    shows: "milestones a dependency gate waits on",
    doc: "Meeting",
    name: DependencyTables.milestones,
    fields: MilestoneFields,
    columns: [
      c("Milestone", "Name", "text"),
      c("Team", "Team", "select"),
      c("Owner", "Owner", "person"),
      c("Due", "Due", "date"),
      c("Status", "Status", "select"),
      c("Days", "Days", "number"),
    ],
    optional: true,
    readBy: ["Dependencies", "Roadmap", "ExecutiveBrief"],
    purpose: "Roadmap milestones that gates can wait on, with their due date, status and days of work left.",
  },
  {
    key: "dependencies",
    tier: 4,
    shows: "blocked gates and the critical path",
    doc: "Meeting",
    name: DependencyTables.dependencies,
    fields: DependencyFields,
    columns: [
      c("Item", "Item", "text"),
      c("Depends On", "DependsOn", "text"),
      c("Needed By", "NeededBy", "date"),
      c("Note", "Note", "text"),
    ],
    optional: true,
    readBy: ["Dependencies", "Roadmap", "ExecutiveBrief"],
    purpose: "Which milestone or key result waits on which, and by when it is needed.",
  },
  {
    key: "sessions",
    tier: 4,
    shows: "whether each executive session is ready",
    doc: "Meeting",
    name: SessionTables.sessions,
    fields: SessionFields,
    columns: [
      c("Session", "Name", "text"),
      c("Kind", "Kind", "select"),
      c("Date", "Date", "date"),
      c("Required Seats", "RequiredSeats", "text"),
      c("Confirmed", "Confirmed", "text"),
      c("Expected Outputs", "ExpectedOutputs", "text"),
      c("Outputs Delivered", "OutputsDelivered", "text"),
    ],
    optional: true,
    readBy: ["SessionReadiness"],
    purpose:
      "The executive sessions: their date, required seats, who confirmed, and the outputs expected and delivered.",
  },
  {
    key: "prework",
    tier: 4,
    shows: "missing and late pre-work for each session",
    doc: "Meeting",
    name: SessionTables.prework,
    fields: PreworkFields,
    columns: [
      c("Input", "Input", "text"),
      c("Session", "Session", "lookup", {lookup: "sessions"}),
      c("From", "From", "person"),
      c("Due", "Due", "date"),
      c("Received", "Received", "checkbox"),
    ],
    optional: true,
    readBy: ["SessionReadiness"],
    purpose: "The pre-work each session asks for: what, from whom, by when, and whether it came in.",
  },
  // The executive sessions' working tables and the leaders' development, in the meeting doc.
  {
    key: "interviews",
    tier: 4,
    shows: "which stakeholder groups the interviews cover and which findings lack evidence",
    doc: "Meeting",
    name: DiagnosisTables.interviews,
    fields: InterviewFields,
    columns: [
      c("Person", "Person", "text"),
      c("Group", "Group", "select"),
      c("Date", "Date", "date"),
      c("Done", "Done", "checkbox"),
      c("Findings", "Findings", "text"),
    ],
    optional: true,
    readBy: ["Interviews"],
    purpose:
      "The stakeholder interviews of the current-state diagnosis: who, from which group, when, and what was heard.",
  },
  {
    key: "bottlenecks",
    tier: 4,
    shows: "the bottlenecks ranked by what they cost",
    doc: "Meeting",
    name: DiagnosisTables.bottlenecks,
    fields: BottleneckFields,
    columns: [
      c("Bottleneck", "Name", "text"),
      c("Function", "Function", "select"),
      c("Stage", "Stage", "select"),
      c("Hours Per Week", "Hours", "number"),
      c("Cost Per Year", "Money", "number"),
      c("Delay Days", "DelayDays", "number"),
      c("Evidence", "Evidence", "text"),
      c("Owner", "Owner", "person"),
      c("Status", "Status", "select"),
      c("Last Stage", "LastStage", "text"),
      c("Last Rank", "LastRank", "number"),
    ],
    optional: true,
    readBy: ["Bottlenecks"],
    purpose:
      "The bottleneck register: each bottleneck's function, stage, impact in hours, money or days of delay, evidence and owner.",
  },
  {
    key: "flow",
    tier: 4,
    shows: "the flow efficiency of each stage and where work waits longest",
    doc: "Meeting",
    name: DiagnosisTables.flow,
    fields: FlowFields,
    columns: [
      c("Item", "Item", "text"),
      c("Stage", "Stage", "select"),
      c("Entered", "Entered", "date"),
      c("Left", "Left", "date"),
      c("Kind", "Kind", "select"),
      c("Overhead", "Overhead", "checkbox"),
    ],
    optional: true,
    readBy: ["FlowEfficiency"],
    purpose: "Work items' time in each stage, marked as work or waiting, and whether the item is overhead.",
  },
  {
    key: "constraints",
    tier: 4,
    shows: "the constraints by function and kind, as a heatmap",
    doc: "Meeting",
    name: DiagnosisTables.constraints,
    fields: ConstraintFields,
    columns: [
      c("Constraint", "Name", "text"),
      c("Function", "Function", "select"),
      c("Kind", "Kind", "select"),
      c("Severity", "Severity", "select"),
    ],
    optional: true,
    readBy: ["ConstraintHeatmap", "ExecutiveBrief"],
    purpose:
      "The regulatory, legal, talent, platform, budget and change-capacity constraints, by function and severity.",
  },
  {
    key: "options",
    tier: 4,
    shows: "each pathway option's weighted and risk-adjusted score, and what would flip the choice",
    doc: "Meeting",
    name: PathTables.options,
    fields: OptionFields,
    columns: [
      c("Option", "Name", "text"),
      c("Pathway", "Pathway", "select"),
      c("Risk Probability", "RiskProbability", "percent"),
      c("Risk Impact", "RiskImpact", "percent"),
      c("Notes", "Notes", "text"),
    ],
    optional: true,
    readBy: ["PathDecision", "ChoosePath", "ExecutiveBrief"],
    purpose:
      "The pathway options of the decision session, with their execution risk and one column of scores per criterion, named as the criterion.",
  },
  {
    key: "criteria",
    tier: 4,
    shows: "the criteria the options are weighed on",
    doc: "Meeting",
    name: PathTables.criteria,
    fields: CriterionFields,
    columns: [c("Criterion", "Name", "text"), c("Weight", "Weight", "number"), c("Better", "Better", "select")],
    optional: true,
    readBy: ["PathDecision", "ChoosePath", "ExecutiveBrief"],
    purpose: "The decision criteria with their weights, and whether a higher or a lower score is better.",
  },
  {
    key: "oneOnOnes",
    tier: 4,
    shows: "each leader's 1:1s, the overdue ones, and coaching prompts from the report's own data",
    doc: "Meeting",
    name: CoachingTables.oneOnOnes,
    fields: OneOnOneFields,
    columns: [
      c("Leader", "Leader", "person"),
      c("Report", "Report", "person"),
      c("Date", "Date", "date"),
      c("Notes", "Notes", "text"),
      c("Commitments", "Commitments", "text"),
      c("Next", "Next", "date"),
      c("Cadence", "Cadence", "select"),
    ],
    optional: true,
    readBy: ["OneOnOnes"],
    purpose:
      "The coaching 1:1 log: leader, report, date, notes, commitments, the next 1:1, and the pair's cadence (weekly, every 2 weeks, or days).",
  },
  {
    key: "leaderMetrics",
    tier: 4,
    shows: "the few key metrics each leader keeps in front of the team",
    doc: "Meeting",
    name: CoachingTables.leaderMetrics,
    fields: LeaderMetricFields,
    columns: [
      c("Leader", "Leader", "person"),
      c("Metric", "Metric", "text"),
      c("Short Name", "ShortName", "text"),
      c("Linked To", "LinkedTo", "text"),
    ],
    optional: true,
    readBy: ["LeaderMetrics", "OneOnOnes"],
    purpose:
      "Each leader's key metrics, with a short name the team remembers and the health metric or key result behind it.",
  },
  // The metrics doc.
  {
    key: "metrics",
    tier: 1,
    shows: "the hot metrics that open the meeting",
    doc: "Metrics",
    name: DefaultMetricTables.definitions,
    fields: MetricFields,
    columns: [
      c("Metric", "Name", "text"),
      c("Area", "Area", "select"),
      c("Owner", "Owner", "person"),
      c("Unit", "Unit", "text"),
      c("Green At", "GreenAt", "number"),
      c("Red At", "RedAt", "number"),
      c("Cadence", "Cadence", "select"),
    ],
    optional: false,
    readBy: ["HealthMetrics", "HotItems", "OkrCandidates", "MeetingAgenda"],
    purpose: "Each health metric with its area, owner and green and red thresholds.",
  },
  {
    key: "readings",
    tier: 1,
    shows: "each metric's latest reading and its trend",
    doc: "Metrics",
    name: DefaultMetricTables.readings,
    fields: ReadingFields,
    columns: [
      c("Metric", "Metric", "lookup", {lookup: "metrics"}),
      c("Date", "Date", "date"),
      c("Value", "Value", "number"),
    ],
    optional: false,
    readBy: ["HealthMetrics", "HotItems", "OkrCandidates", "MeetingAgenda"],
    purpose: "Every reading of every metric (or a wide table: a date column and one column per metric).",
  },
];

export const SyncPlacements: readonly SyncPlacement[] = [
  {
    syncTable: "StrategicImperatives",
    tier: 2,
    placeIn: ["Leadership"],
    reads: ["Strategy"],
    parameters: "doc: the strategy doc's link",
  },
  {
    syncTable: "AnnualGoals",
    tier: 2,
    placeIn: ["Team", "Leadership"],
    reads: ["Strategy"],
    parameters: "doc: the strategy doc's link",
  },
  {
    syncTable: "Objectives",
    tier: 2,
    placeIn: ["Leadership"],
    reads: ["Team"],
    parameters: "docs: the Teams table's links, as the formula Teams.[Team Doc]; cycle, such as FY2026 Q4",
  },
  {
    syncTable: "KeyResults",
    tier: 2,
    placeIn: ["Leadership"],
    reads: ["Team"],
    parameters: "docs: the Teams table's links, as the formula Teams.[Team Doc]; cycle, such as FY2026 Q4",
  },
  {
    syncTable: "CheckIns",
    tier: 2,
    placeIn: ["Leadership"],
    reads: ["Team"],
    parameters: "docs: the Teams table's links, as the formula Teams.[Team Doc]",
  },
  {
    syncTable: "HealthMetrics",
    tier: 3,
    placeIn: ["Leadership"],
    reads: ["Metrics"],
    parameters: "doc: the metrics doc's link",
  },
  {
    syncTable: "HotItems",
    tier: 2,
    placeIn: ["Leadership", "Meeting"],
    reads: ["Metrics"],
    parameters: "doc: the metrics doc's link",
  },
  {
    syncTable: "OkrCandidates",
    tier: 3,
    placeIn: ["Leadership"],
    reads: ["Metrics"],
    parameters: "doc: the metrics doc's link",
  },
  {
    syncTable: "Issues",
    tier: 2,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "Decisions",
    tier: 2,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "ActionItems",
    tier: 2,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "BackBriefs",
    tier: 3,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "MeetingAgenda",
    tier: 1,
    placeIn: ["Meeting"],
    reads: ["Meeting", "Team", "Metrics"],
    parameters:
      "meetingDoc: the meeting doc's link; the rest may stay blank (meetingDate: today; okrDocs and metricsDoc: the meeting doc)",
  },
  {
    syncTable: "Seats",
    tier: 3,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link; seatLimit: most seats one person may hold (default 2)",
  },
  {
    syncTable: "MeetingHealth",
    tier: 3,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters:
      "meetingDoc: the meeting doc's link; ratingThreshold: the rating below which a reason is due (default 8)",
  },
  {
    syncTable: "CheckInsDue",
    tier: 2,
    placeIn: ["Leadership"],
    reads: ["Team"],
    parameters:
      "docs: the Teams table's links, as the formula Teams.[Team Doc]; cadenceDays: days between check-ins where a key result states none (default 7)",
  },
  {
    syncTable: "Retrospective",
    tier: 3,
    placeIn: ["Leadership"],
    reads: ["Team"],
    parameters:
      "docs: the Teams table's links, as the formula Teams.[Team Doc]; cycle: blank for this quarter, or a name such as FY2026 Q4",
  },
  {
    syncTable: "Charter",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "Risks",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting", "Metrics", "Team"],
    parameters:
      "meetingDoc: the meeting doc's link; metricsDoc: the metrics doc's link; okrDocs: the team docs' links (both only when triggers name metrics or key results)",
  },
  {
    syncTable: "Dependencies",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting", "Team"],
    parameters: "meetingDoc: the meeting doc's link; okrDocs: the team docs' links",
  },
  {
    syncTable: "SessionReadiness",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "ExecutiveProgram",
    tier: 4,
    placeIn: ["Meeting"],
    reads: [],
    parameters: "firstSession: the first session's date",
  },
  {
    syncTable: "Interviews",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "Bottlenecks",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters:
      "meetingDoc: the meeting doc's link; unit: Hours per week (default), Money per year or Days of delay, the one unit the register is ranked in",
  },
  {
    syncTable: "FlowEfficiency",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "PathDecision",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "Roadmap",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting"],
    parameters: "meetingDoc: the meeting doc's link",
  },
  {
    syncTable: "OneOnOnes",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting", "Metrics", "Team"],
    parameters:
      "meetingDoc: the meeting doc's link; okrDocs: the team docs' links, for the reports' key results; metricsDoc: the metrics doc's link, when key metrics link to health metrics",
  },
  {
    syncTable: "LeaderMetrics",
    tier: 4,
    placeIn: ["Meeting"],
    reads: ["Meeting", "Metrics", "Team"],
    parameters:
      "meetingDoc: the meeting doc's link; metricsDoc: the metrics doc's link; okrDocs: the team docs' links (both only when key metrics link to health metrics or key results)",
  },
  {
    syncTable: "Cadence",
    tier: 3,
    placeIn: ["Meeting"],
    reads: [],
    parameters: "startDate: the first day of the calendar",
  },
  {syncTable: "Playbook", tier: 3, placeIn: ["Meeting"], reads: [], parameters: "startDate: day 1 of the rollout"},
];

/**
 * The kinds of doc SetupCheck inspects: each doc kind with tables, the
 * leadership doc of the tiered setup (the meeting's and the metrics' tables in
 * one doc), and one doc holding them all.
 */
export const OneDoc = "One doc";
export const CheckKinds = [
  ...DocKinds.filter(k => k === "Leadership" || Tables.some(t => t.doc === k)),
  OneDoc,
] as const;

/** The doc kinds whose tables the leadership doc of the tiered setup holds. */
export const LeadershipHolds: readonly DocKind[] = ["Leadership", "Meeting", "Metrics"];

/**
 * The tables a doc of this kind holds. One doc holds every table created by
 * hand; its objectives link the strategy's goals directly, so it needs no synced
 * copy of them.
 */
export function tablesOf(kind: string): TableEntry[] {
  if (kind === OneDoc) return Tables.filter(t => !t.syncedFrom);
  if (kind === "Leadership") return Tables.filter(t => LeadershipHolds.includes(t.doc));
  return Tables.filter(t => t.doc === kind);
}

export function tableByKey(key: string): TableEntry | undefined {
  return Tables.find(t => t.key === key);
}
