import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {isoDay, plusDays, toDay} from "../src/engine/calendar";
import {operatingCalendar, playbook} from "../src/engine/cadence";
import {okrCycle} from "../src/engine/cycle";
import {Weekdays} from "../src/engine/meetings";
import {Identity} from "../schemas/identities";
import {
  ActionItemSchema,
  AgendaItemSchema,
  BackBriefSchema,
  CadenceEventSchema,
  DecisionSchema,
  IssueSchema,
  PlaybookTaskSchema,
} from "../schemas/meetings";
import {meetingAgenda} from "../src/sync/agenda";
import {readLaneTable} from "../src/sync/charter";
import {ActionFields, BackBriefFields, DecisionFields, IssueFields, MeetingTables} from "../src/sync/fields";
import type {ObjectSchemaDefinitionType} from "@codahq/packs-sdk/dist/schema";
import type {FieldSpec} from "../src/engine/columns";
import {actionRows, backBriefRows, decisionRows, issueRows, readIssues} from "../src/sync/meeting_rows";
import {assignAction, raiseIssue, recordDecision} from "../src/sync/meeting_writes";
import type {Seat} from "../src/engine/seats";
import {loadSeats} from "../src/sync/seats";
import type {SourceTable} from "../src/sync/source";
import {compact, readTable} from "../src/sync/source";
import {handleError} from "./errors";
import {svgImage} from "./health";
import {AsOfParam, dayOrToday} from "./params";
import {ColumnsParam, Connected, FiscalYearStartParam, MeetingDocParam, meetingTableParam} from "./sync_params";

/** The leadership meeting's sync tables and actions. */

/** A sync table read from one table of the meeting doc: the read path, then the table's row builder. */
function meetingTable<
  K extends string,
  L extends string,
  S extends coda.ObjectSchemaDefinition<K, L>,
  F extends string,
>(o: {
  name: string;
  description: string;
  identity: string;
  schema: S;
  table: string;
  specs: ReadonlyArray<FieldSpec & {field: F}>;
  rows: (
    table: SourceTable<F>,
    asOf: Date,
    seats?: Seat[],
    timezone?: string,
  ) => Array<ObjectSchemaDefinitionType<K, L, S>>;
  /** Judge owners against the doc's Seats table, when it has one. */
  withSeats?: boolean;
}) {
  return coda.makeSyncTable({
    name: o.name,
    description: o.description,
    identityName: o.identity,
    connectionRequirement: Connected,
    schema: o.schema,
    formula: {
      name: `Sync${o.name}`,
      description: o.description,
      parameters: [MeetingDocParam, meetingTableParam(o.table), ColumnsParam, AsOfParam],
      onError: handleError,
      execute: async function ([meetingDoc, table, columns, asOf], context) {
        const docId = await resolveDocId(context, meetingDoc);
        const [source, seats] = await Promise.all([
          readTable(context, docId, table || o.table, o.specs, {columns}),
          o.withSeats ? loadSeats(context, docId) : undefined,
        ]);
        return {result: o.rows(source, dayOrToday("asOf", asOf, context), seats, context.timezone)};
      },
    },
  });
}

export const Issues = meetingTable({
  name: "Issues",
  description: "The leadership team's issues list, ranked for solving: open first, then by priority, then the oldest.",
  identity: Identity.Issue,
  schema: IssueSchema,
  table: MeetingTables.issues,
  specs: IssueFields,
  rows: (table, asOf, _seats, timezone) => issueRows(readIssues(table, timezone), asOf),
});

const decisionsDescription =
  "The decision log: each decision with its one accountable owner, rationale, rejected alternatives, assumptions, failure conditions and review date, checked for ownership problems and, when the doc has a Lanes table, for decisions outside their owner's lane.";

export const Decisions = coda.makeSyncTable({
  name: "Decisions",
  description: decisionsDescription,
  identityName: Identity.Decision,
  connectionRequirement: Connected,
  schema: DecisionSchema,
  formula: {
    name: "SyncDecisions",
    description: decisionsDescription,
    parameters: [MeetingDocParam, meetingTableParam(MeetingTables.decisions), ColumnsParam, AsOfParam],
    onError: handleError,
    execute: async function ([meetingDoc, table, columns, asOf], context) {
      const docId = await resolveDocId(context, meetingDoc);
      const [source, lanes, seats] = await Promise.all([
        readTable(context, docId, table || MeetingTables.decisions, DecisionFields, {columns}),
        readLaneTable(context, docId),
        loadSeats(context, docId),
      ]);
      return {result: decisionRows(source, dayOrToday("asOf", asOf, context), {lanes, seats}, context.timezone)};
    },
  },
});

export const ActionItems = meetingTable({
  name: "ActionItems",
  description: "Action items with owner, due date and status, overdue flags and each owner's completion rate.",
  identity: Identity.ActionItem,
  schema: ActionItemSchema,
  table: MeetingTables.actions,
  specs: ActionFields,
  rows: actionRows,
  withSeats: true,
});

export const BackBriefs = meetingTable({
  name: "BackBriefs",
  description:
    "Each leader's back-brief on the strategic intent (what they will do, how, what they need), with the gaps flagged.",
  identity: Identity.BackBrief,
  schema: BackBriefSchema,
  table: MeetingTables.backBriefs,
  specs: BackBriefFields,
  rows: table => backBriefRows(table),
});

export const MeetingAgenda = coda.makeSyncTable({
  name: "MeetingAgenda",
  description:
    "The next meeting's agenda built from live data: check-in, hot metrics, off-track and at-risk key results, the top issues (most of the time), decisions due for review, overdue actions, messages to cascade and close. Time boxes add up to the meeting's length.",
  identityName: Identity.AgendaItem,
  connectionRequirement: Connected,
  schema: AgendaItemSchema,
  formula: {
    name: "SyncMeetingAgenda",
    description: "Builds the next leadership meeting's agenda.",
    parameters: [
      MeetingDocParam,
      coda.makeParameter({
        type: coda.ParameterType.Date,
        name: "meetingDate",
        description:
          "The meeting's day: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
        optional: true,
      }),
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "lengthMinutes",
        description: "The meeting's length: a whole number of minutes from 30 to 480. Default 90.",
        optional: true,
      }),
      coda.makeParameter({
        type: coda.ParameterType.StringArray,
        name: "okrDocs",
        description:
          "Team docs whose off-track and at-risk key results come up. Default: the meeting doc, when it holds a Key Results table.",
        optional: true,
      }),
      coda.makeParameter({
        type: coda.ParameterType.String,
        name: "metricsDoc",
        description:
          "The metrics doc whose hot items come up. Default: the meeting doc, when it holds a Metric Definitions table.",
        optional: true,
      }),
      FiscalYearStartParam,
    ],
    onError: handleError,
    execute: async function (
      [meetingDoc, meetingDate, lengthMinutes, okrDocs, metricsDoc, fiscalYearStartMonth],
      context,
    ) {
      const rows = await meetingAgenda(
        context,
        {
          meetingDoc,
          meetingDate: dayOrToday("meetingDate", meetingDate, context),
          lengthMinutes: lengthMinutes ?? 90,
          okrDocs,
          metricsDoc,
          fiscalYearStartMonth,
        },
        svgImage,
      );
      return {result: rows};
    },
  },
});

export const Cadence = coda.makeSyncTable({
  name: "Cadence",
  description:
    "The operating calendar: weekly leadership meetings, a monthly executive review, OKR planning, retrospectives and quarterly check-ins aligned to the OKR cycles, and the annual offsite.",
  identityName: Identity.CadenceEvent,
  schema: CadenceEventSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  formula: {
    name: "SyncCadence",
    description: "Lays out the operating calendar from a start date.",
    parameters: [
      coda.makeParameter({
        type: coda.ParameterType.Date,
        name: "startDate",
        description: "The first day of the calendar: a date from the year 1000 to 9999, read in the doc's time zone.",
      }),
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "months",
        description: "How many months to lay out: a whole number from 1 to 36. Default 12.",
        optional: true,
      }),
      coda.makeParameter({
        type: coda.ParameterType.String,
        name: "weekday",
        description: "The day of the weekly meeting. Default Tuesday.",
        optional: true,
        autocomplete: [...Weekdays],
      }),
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "fiscalYearStartMonth",
        description: "The month the fiscal year starts, a whole number from 1 (January) to 12. Default 1.",
        optional: true,
      }),
    ],
    onError: handleError,
    execute: async function ([startDate, months, weekday, fiscalYearStartMonth], context) {
      const events = operatingCalendar(
        toDay("startDate", startDate, context.timezone),
        months,
        weekday,
        fiscalYearStartMonth,
      );
      return {
        result: events.map(e => ({
          Id: e.date,
          Name: e.kind,
          Date: e.date,
          Cycle: okrCycle(toDay("date", e.date), 3, fiscalYearStartMonth).name,
          Detail: e.detail,
        })),
      };
    },
  },
});

export const Playbook = coda.makeSyncTable({
  name: "Playbook",
  description:
    "The 90-day rollout as dated tasks: Clarity, Alignment and Cadence, then Develop and maintain, each with the signal that tells the phase worked.",
  identityName: Identity.PlaybookTask,
  schema: PlaybookTaskSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  formula: {
    name: "SyncPlaybook",
    description: "Lays out the 90-day rollout from its start date.",
    parameters: [
      coda.makeParameter({
        type: coda.ParameterType.Date,
        name: "startDate",
        description: "Day 1 of the rollout: a date from the year 1000 to 9999, read in the doc's time zone.",
      }),
    ],
    onError: handleError,
    execute: async function ([startDate], context) {
      const start = toDay("startDate", startDate, context.timezone);
      return {
        result: playbook().map(t =>
          compact({
            Id: `${t.phase}/${t.day}`,
            Name: t.task,
            Phase: t.phase,
            Day: t.day,
            Date: isoDay(plusDays(start, t.day - 1)),
            Tools: t.tool || undefined,
            Signal: t.signal,
          }),
        ),
      };
    },
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
  schema: coda.withIdentity(IssueSchema, Identity.Issue),
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
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "date",
      description:
        "The day it was decided: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "kind",
      description:
        "The kind of decision, as the Lanes table names it (such as Pricing and discounts), so it is checked against the owner's lane. Optional.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: coda.withIdentity(DecisionSchema, Identity.Decision),
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
  schema: coda.withIdentity(ActionItemSchema, Identity.ActionItem),
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
