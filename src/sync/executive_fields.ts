import type {FieldSpec} from "../engine/columns";

/**
 * The columns of the executive sessions' working tables, kept in the
 * leadership meeting doc, with the names people commonly give them: the
 * current state (interviews, the bottleneck register, the flow of work items,
 * constraints), the path (options and the criteria they are scored on), and the
 * leaders' development (the 1:1 log and each leader's few key metrics).
 */

export const ExecutiveTables = {
  interviews: "Interviews",
  bottlenecks: "Bottlenecks",
  flow: "Flow",
  constraints: "Constraints",
  options: "Options",
  criteria: "Criteria",
  oneOnOnes: "One-on-ones",
  leaderMetrics: "Leader Metrics",
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
