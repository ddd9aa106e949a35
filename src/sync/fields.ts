import type {FieldSpec} from "../engine/columns";

/**
 * The columns each OKR table needs, with the names people commonly give them.
 * Matching ignores case, spaces and punctuation; the `columns` parameter maps
 * anything else (`Target=Goal value; Owner=DRI`).
 */

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

export type FieldName<T extends readonly FieldSpec[]> = T[number]["field"];

export const DefaultTableNames = {
  imperatives: "Strategic Imperatives",
  goals: "Annual Goals",
  objectives: "Objectives",
  keyResults: "Key Results",
  checkIns: "Check-ins",
} as const;

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

// ---------------------------------------------------------------- the leadership meeting doc

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
