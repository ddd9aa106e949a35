import * as coda from "@codahq/packs-sdk";
import {card, date, flag, id, link, number, percent, PersonSchema, problems, text} from "./common";

/** Development, woven through: the coaching one-to-ones and each leader's few key metrics. */

const unreadable = text(
  "The docs that could not be read (team docs, the metrics doc), each with why: what this row says was judged without them. Blank when every doc was read.",
);

export const OneOnOneSchema = coda.makeObjectSchema({
  description:
    "A leader and one of their reports: their one-to-ones, when the next is due and whether it is overdue, what was committed last time, and coaching questions from the report's own data.",
  properties: {
    Id: id,
    Name: {...text("The leader and the report, as Leader → Report."), required: true},
    Summary: text("The pair in a sentence: last one-to-one, cadence, next due, what is carried and what to ask."),
    Kind: text("One-to-one for a leader–report pair; Incomplete row for a row of the log with no leader or no report."),
    Leader: {...PersonSchema, description: "The leader who holds the one-to-ones."},
    LeaderName: text("The leader's name, also when the cell names someone without an email."),
    Report: {...PersonSchema, description: "The person they coach."},
    ReportName: text("The report's name, also when the cell names someone without an email."),
    Meetings: number("One-to-ones on record for the pair (one per day)."),
    LastOneOnOne: date("The day of their last one-to-one."),
    CadenceDays: number("Days between their one-to-ones, 1 to 90."),
    CadenceFrom: text(
      "Where the cadence comes from: Declared (the log's Cadence column), Observed (the median days between their one-to-ones) or Default (the sync's cadenceDays, else 14 days).",
    ),
    NextDue: date("When the next one-to-one is due: the planned Next day, else the last one plus the cadence."),
    Overdue: flag("True when the next one-to-one is past due."),
    DaysOverdue: number("Days past due, or 0."),
    Commitments: text(
      "What the last one-to-one committed to and is not marked done ([x], a tick or done): carried into the next, one a line.",
    ),
    LastNotes: text("The notes of the last one-to-one."),
    Prompts: text("Coaching questions to open the next one-to-one, most important first, one a line."),
    PromptCount: number("How many coaching questions there are, 0 to 5."),
    KeyMetrics: text(
      "When the report keeps key metrics in the Leader Metrics table: each with its latest value and status, one a line.",
    ),
    Findings: text("What to act on: an overdue one-to-one, a one-to-one with no date. Blank when sound."),
    Unreadable: unreadable,
    Problems: problems,
    Link: {...link, description: "A link to the pair's last one-to-one in the log."},
  },
  ...card,
  featuredProperties: ["NextDue", "Overdue", "Commitments", "Prompts"],
  identity: {name: "OneOnOne"},
  index: {
    properties: ["Summary", "Prompts", "Commitments", "LastNotes", "Findings"],
    contextProperties: ["Name", "LeaderName", "ReportName"],
    filterableProperties: ["Leader", "Report", "Overdue", "NextDue"],
  },
});

export const LeaderMetricSchema = coda.makeObjectSchema({
  description:
    "One of a leader's few key metrics, linked to the health metric or key result behind it with its latest value and status; a leader with none has a row saying so.",
  properties: {
    Id: id,
    Name: {...text("The metric's short name, else the metric; for a leader with none, the leader."), required: true},
    Summary: text("The metric in a sentence: whose, what it links to, where it stands, and what to fix."),
    Kind: text(
      "Key metric, or No key metrics for the row of a leader who keeps none (from the Leaders and Seats tables).",
    ),
    Leader: {...PersonSchema, description: "The leader who keeps the metric."},
    LeaderName: text("The leader's name, also when the cell names someone without an email."),
    Metric: text("The metric as the leader names it."),
    ShortName: text("The short name the team remembers it by: at most 3 words."),
    LinkedTo: text("The health metric or key result it links to, as written."),
    LinkedKind: text("Health metric, Key result, or Not found when the link matches nothing; blank with no link."),
    Linked: text("The health metric or key result linked, by its own name."),
    Value: number("The linked metric's latest reading, or the key result's current value, in its unit."),
    Unit: text("The unit of Value."),
    AsOf: date("The day of the latest reading, or the key result's last check-in."),
    Status: text(
      "Green, Yellow or Red for a health metric; Not started, On track, At risk, Off track, Done or Missed for a key result.",
    ),
    Progress: percent("For a key result: its progress from 0 to 1.5 (150%)."),
    MetricsKept: number("How many key metrics the leader keeps; at most 5."),
    Findings: text(
      "What to fix: a leader with no key metrics or more than 5, a short name too long, missing or used twice, a link that matches nothing (with the nearest name), a leader not on the roster. Blank when sound.",
    ),
    Unreadable: unreadable,
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Leader", "ShortName", "Linked", "Status", "Findings"],
  identity: {name: "LeaderMetric"},
  index: {
    properties: ["Summary", "Findings"],
    contextProperties: ["Name", "Metric", "LeaderName", "Linked"],
    filterableProperties: ["Leader", "Kind", "LinkedKind", "Status"],
  },
});
