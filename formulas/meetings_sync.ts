import * as coda from "@codahq/packs-sdk";
import {isoDay, plusDays, toDay} from "../src/engine/calendar";
import {operatingCalendar, playbook} from "../src/engine/cadence";
import {okrCycle} from "../src/engine/cycle";
import {Weekdays} from "../src/engine/meetings";
import {
  ActionItemSchema,
  AgendaItemSchema,
  BackBriefSchema,
  CadenceEventSchema,
  DecisionSchema,
  IssueSchema,
  PlaybookTaskSchema,
} from "../schemas/meetings";
import {meetingAgenda} from "../src/sync/agenda_rows";
import {readLaneTable} from "../src/sync/charter_rows";
import {actionRows, backBriefRows, decisionRows, issueRows, readIssues} from "../src/sync/meeting_rows";
import {assignAction, raiseIssue, recordDecision} from "../src/sync/meeting_writes";
import {loadSeats} from "../src/sync/seat_rows";
import {compact, readTable} from "../src/sync/source";
import {handleError} from "./errors";
import {svgImage} from "./pictures";
import {AsOfParam, dayOrToday, param, DecidedOnParam} from "./params";
import {
  ColumnsParam,
  Connected,
  countParam,
  FiscalYearStartParam,
  MeetingDocParam,
  MetricsDocParam,
  OkrDocsParam,
  startDateParam,
  tableParam,
} from "./sync_params";
import {syncTable} from "./sync_table";
import {ActionFields, BackBriefFields, DecisionFields, IssueFields, MeetingTables} from "../src/sync/tables";

/** The leadership meeting's sync tables and actions. */

export const Issues = syncTable({
  name: "Issues",
  description: "The leadership team's issues list, ranked for solving: open first, then by priority, then the oldest.",
  schema: IssueSchema,
  table: MeetingTables.issues,
  parameters: [MeetingDocParam, tableParam(MeetingTables.issues), ColumnsParam, AsOfParam],
  rows: async (a, context) => {
    const table = await readTable(context, a.docId, a.table, IssueFields, {columns: a.columns});
    return issueRows(readIssues(table, context.timezone), a.asOf);
  },
});

export const Decisions = syncTable({
  name: "Decisions",
  description:
    "The decision log: each decision with its one accountable owner, rationale, rejected alternatives, assumptions, failure conditions and review date, checked for ownership problems and, when the doc has a Lanes table, for decisions outside their owner's lane.",
  schema: DecisionSchema,
  table: MeetingTables.decisions,
  parameters: [MeetingDocParam, tableParam(MeetingTables.decisions), ColumnsParam, AsOfParam],
  rows: async (a, context) => {
    const [source, lanes, seats] = await Promise.all([
      readTable(context, a.docId, a.table, DecisionFields, {columns: a.columns}),
      readLaneTable(context, a.docId),
      loadSeats(context, a.docId),
    ]);
    return decisionRows(source, a.asOf, {lanes, seats}, context.timezone);
  },
});

export const ActionItems = syncTable({
  name: "ActionItems",
  description: "Action items with owner, due date and status, overdue flags and each owner's completion rate.",
  schema: ActionItemSchema,
  table: MeetingTables.actions,
  parameters: [MeetingDocParam, tableParam(MeetingTables.actions), ColumnsParam, AsOfParam],
  rows: async (a, context) => {
    const [source, seats] = await Promise.all([
      readTable(context, a.docId, a.table, ActionFields, {columns: a.columns}),
      loadSeats(context, a.docId),
    ]);
    return actionRows(source, a.asOf, seats, context.timezone);
  },
});

export const BackBriefs = syncTable({
  name: "BackBriefs",
  description:
    "Each leader's back-brief on the strategic intent (what they will do, how, what they need), with the gaps flagged.",
  schema: BackBriefSchema,
  table: MeetingTables.backBriefs,
  parameters: [MeetingDocParam, tableParam(MeetingTables.backBriefs), ColumnsParam, AsOfParam],
  rows: async (a, context) =>
    backBriefRows(await readTable(context, a.docId, a.table, BackBriefFields, {columns: a.columns})),
});

export const MeetingAgenda = syncTable({
  name: "MeetingAgenda",
  description:
    "The next meeting's agenda built from live data: check-in, hot metrics, off-track and at-risk key results, the top issues (most of the time), decisions due for review, overdue actions, messages to cascade and close. Time boxes add up to the meeting's length.",
  formulaDescription: "Builds the next leadership meeting's agenda.",
  schema: AgendaItemSchema,
  parameters: [
    MeetingDocParam,
    param({
      type: coda.ParameterType.Date,
      name: "meetingDate",
      description: "The meeting's day: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
      optional: true,
    }),
    countParam("lengthMinutes", "The meeting's length: a whole number of minutes from 30 to 480. Default 90."),
    OkrDocsParam,
    MetricsDocParam,
    FiscalYearStartParam,
  ],
  rows: (a, context) =>
    meetingAgenda(
      context,
      {...a, meetingDate: dayOrToday("meetingDate", a.meetingDate, context), lengthMinutes: a.lengthMinutes ?? 90},
      svgImage,
    ),
});

export const Cadence = syncTable({
  name: "Cadence",
  description:
    "The operating calendar: weekly leadership meetings, a monthly executive review, OKR planning, retrospectives and quarterly check-ins aligned to the OKR cycles, and the annual offsite.",
  formulaDescription: "Lays out the operating calendar from a start date.",
  schema: CadenceEventSchema,
  offline: true,
  parameters: [
    startDateParam("startDate", "The first day of the calendar"),
    countParam("months", "How many months to lay out: a whole number from 1 to 36. Default 12."),
    param({
      type: coda.ParameterType.String,
      name: "weekday",
      description: "The day of the weekly meeting. Default Tuesday.",
      optional: true,
      autocomplete: [...Weekdays],
    }),
    FiscalYearStartParam,
  ],
  rows: (a, context) => {
    const start = toDay("startDate", a.startDate, context.timezone);
    return operatingCalendar(start, a.months, a.weekday, a.fiscalYearStartMonth).map(e => ({
      Id: e.date,
      Name: e.kind,
      Date: e.date,
      Cycle: okrCycle(toDay("date", e.date), 3, a.fiscalYearStartMonth).name,
      Detail: e.detail,
    }));
  },
});

export const Playbook = syncTable({
  name: "Playbook",
  description:
    "The 90-day rollout as dated tasks: Clarity, Alignment and Cadence, then Develop and maintain, each with the signal that tells the phase worked.",
  formulaDescription: "Lays out the 90-day rollout from its start date.",
  schema: PlaybookTaskSchema,
  offline: true,
  parameters: [startDateParam("startDate", "Day 1 of the rollout")],
  rows: (a, context) => {
    const start = toDay("startDate", a.startDate, context.timezone);
    return playbook().map(t =>
      compact({
        Id: `${t.phase}/${t.day}`,
        Name: t.task,
        Phase: t.phase,
        Day: t.day,
        Date: isoDay(plusDays(start, t.day - 1)),
        Tools: t.tool || undefined,
        Signal: t.signal,
      }),
    );
  },
});

export const RaiseIssue = coda.makeFormula({
  name: "RaiseIssue",
  description:
    "Adds an issue to the meeting doc's issues list and returns it: a button beside a hot metric or an off-track key result turns it into an issue in one click. Safe to run again: the row is keyed on its words and the day raised, so running it again updates that issue and never adds a second; an open issue of the same title imported without a Key is updated, not doubled.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    MeetingDocParam,
    coda.makeParameter({type: coda.ParameterType.String, name: "title", description: "The issue, in a sentence."}),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "source",
      description: 'What raised it, such as "Hot metric: Gross margin", or a link to it.',
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "owner",
      description: "The owner's email (a name alone only when the Owner column is text).",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "priority",
      description: "High, Medium (default) or Low.",
      optional: true,
      autocomplete: ["High", "Medium", "Low"],
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "raised",
      description:
        "The day it was raised: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: IssueSchema,
  onError: handleError,
  examples: [
    {
      params: [
        "NsMeet001",
        "Gross margin keeps sliding",
        "Hot metric: Gross margin",
        "grace@northstar.example.com",
        "High",
        "2026-11-20",
      ],
      result: {
        Id: "NsMeet001/i-new0001",
        Name: "Gross margin keeps sliding",
        Summary:
          'Issue "Gross margin keeps sliding" (High priority, owner Grace Mbeki) raised by a hot metric on 2026-11-20, today: Open, still to solve.',
        Rank: 3,
        Priority: "High",
        Owner: {
          Name: "Grace Mbeki",
          Email: "grace@northstar.example.com",
        },
        Source: "Hot metric",
        SourceDetail: "Hot metric: Gross margin",
        Raised: "2026-11-20",
        AgeDays: 0,
        Status: "Open",
        Open: true,
        Votes: 0,
        Horizon: "This week",
        Stuck: false,
        Link: "https://docs.superhuman.com/d/_dNsMeet001/#Issues_tmt001k/_rui-new0001",
      },
    },
  ],
  execute: async function ([meetingDoc, title, source, owner, priority, raised], context) {
    return raiseIssue(context, {
      meetingDoc,
      title,
      source,
      owner,
      priority,
      today: dayOrToday("raised", raised, context),
    });
  },
});

export const RecordDecision = coda.makeFormula({
  name: "RecordDecision",
  description:
    "Adds a decision to the meeting doc's decision log with its one owner, and returns it with any ownership problems. Safe to run again: the row is keyed on its words and the day decided, so running it again updates that decision and never adds a second; a decision of the same words imported without a Key is updated, not doubled.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    MeetingDocParam,
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "decision",
      description: "The decision, in a sentence.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "owner",
      description: "The email of the one person accountable (a name alone only when the Owner column is text).",
    }),
    coda.makeParameter({
      type: coda.ParameterType.StringArray,
      name: "approvers",
      description: "The approvers' emails (names alone only when the Approvers column is text).",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "lane",
      description: "Decided alone, or Coordinated.",
      optional: true,
      autocomplete: ["Decided alone", "Coordinated"],
    }),
    coda.makeParameter({type: coda.ParameterType.String, name: "rationale", description: "Why.", optional: true}),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "reviewDate",
      description: "The day to review it: a date from the year 1000 to 9999, read in the doc's time zone. Optional.",
      optional: true,
    }),
    DecidedOnParam,
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "kind",
      description:
        "The kind of decision, as the Lanes table names it (such as Pricing and discounts), so it is checked against the owner's lane. Optional.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: DecisionSchema,
  onError: handleError,
  examples: [
    {
      params: [
        "NsMeet001",
        "Renew hosting on a three-year term",
        "grace@northstar.example.com",
        ["maya@northstar.example.com"],
        "Coordinated",
        "Saves 9 points of margin",
        "2027-02-01",
        "2026-11-24",
      ],
      result: {
        Id: "NsMeet001/i-new0001",
        Name: "Renew hosting on a three-year term",
        Summary:
          'Decision "Renew hosting on a three-year term", owned by Grace Mbeki, decided 2026-11-24 (Coordinated), approved by Maya Lindqvist; review on 2027-02-01.',
        Owner: {
          Name: "Grace Mbeki",
          Email: "grace@northstar.example.com",
        },
        Approvers: "Maya Lindqvist",
        Lane: "Coordinated",
        Date: "2026-11-24",
        Rationale: "Saves 9 points of margin",
        ReviewDate: "2027-02-01",
        DueForReview: false,
        Link: "https://docs.superhuman.com/d/_dNsMeet001/#Decisions_tmt0024/_rui-new0001",
      },
    },
  ],
  execute: async function ([meetingDoc, decision, owner, approvers, lane, rationale, reviewDate, date, kind], context) {
    return recordDecision(context, {
      meetingDoc,
      decision,
      owner,
      approvers,
      lane,
      kind,
      rationale,
      reviewDate: reviewDate ? toDay("reviewDate", reviewDate, context.timezone) : undefined,
      today: dayOrToday("date", date, context),
    });
  },
});

export const AssignAction = coda.makeFormula({
  name: "AssignAction",
  description:
    "Adds an action item to the meeting doc with its owner and due date, and returns it. Safe to run again: the row is keyed on its owner and words, so running it again (say with a corrected due date) updates that action and never adds a second; an action of the same words and owner imported without a Key is updated, not doubled.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    MeetingDocParam,
    coda.makeParameter({type: coda.ParameterType.String, name: "action", description: "The action, in a sentence."}),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "owner",
      description: "The owner's email (a name alone only when the Owner column is text).",
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "due",
      description: "The day it is due: a date from the year 1000 to 9999, read in the doc's time zone.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "source",
      description: "The meeting or decision it comes from.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "assigned",
      description:
        "The day it was assigned, to judge whether it is overdue: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: ActionItemSchema,
  onError: handleError,
  examples: [
    {
      params: [
        "NsMeet001",
        "Send the renewal terms to the board",
        "grace@northstar.example.com",
        "2026-12-01",
        "Renew hosting on a three-year term",
        "2026-11-24",
      ],
      result: {
        Id: "NsMeet001/i-new0001",
        Name: "Send the renewal terms to the board",
        Summary:
          'Action "Send the renewal terms to the board" for Grace Mbeki, due 2026-12-01: Open; from Renew hosting on a three-year term.',
        Owner: {
          Name: "Grace Mbeki",
          Email: "grace@northstar.example.com",
        },
        Due: "2026-12-01",
        Status: "Open",
        Done: false,
        Overdue: false,
        Source: "Renew hosting on a three-year term",
        OwnerCompletionRate: 0.3333333333333333,
        Link: "https://docs.superhuman.com/d/_dNsMeet001/#Actions_tmt002f/_rui-new0001",
      },
    },
  ],
  execute: async function ([meetingDoc, action, owner, due, source, assigned], context) {
    return assignAction(context, {
      meetingDoc,
      action,
      owner,
      due: toDay("due", due, context.timezone),
      source,
      today: dayOrToday("assigned", assigned, context),
    });
  },
});

export const meetingSyncTables = [Issues, Decisions, ActionItems, BackBriefs, MeetingAgenda, Cadence, Playbook];
export const meetingActions = [RaiseIssue, RecordDecision, AssignAction];
