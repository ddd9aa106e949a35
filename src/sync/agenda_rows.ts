import type * as coda from "@codahq/packs-sdk";
import type {AgendaItemSchema} from "../../schemas/meetings";
import type {AgendaItem, AgendaSource} from "../engine/agenda";
import {buildAgenda, issuesForAgenda, nextFacilitator} from "../engine/agenda";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay, today} from "../engine/calendar";
import * as cells from "../engine/cells";
import {okrCycle} from "../engine/cycle";
import {normalize} from "../engine/columns";
import {readMetricsDoc} from "./health_source";
import {readEachDoc} from "./multidoc";
import {firedRisks} from "./risks";
import {summarize} from "./health_rows";
import {agendaDiscipline} from "./meeting_health_rows";
import {actionRows, decisionRows, readIssues} from "./meeting_rows";
import {deriveKeyResults} from "./okr_rows";
import {readTeamOkrs} from "./okr_source";
import {cell, compact, readOptionalTable, readTable} from "./source";
import type {TableEntry} from "./tables";
import {
  ActionFields,
  DecisionFields,
  IssueFields,
  LeaderFields,
  MeetingFields,
  MeetingTables,
  MessageFields,
  tableByKey,
} from "./tables";
import {addTableHint} from "./tiers";

/**
 * Gathers everything the next meeting should see (hot metrics, key results off
 * track or at risk, the open issues, decisions due for review, overdue actions,
 * messages) and lays it out as a time-boxed agenda.
 */

export interface AgendaRequest {
  /** The meeting doc. */
  docId: string;
  meetingDate: Day;
  lengthMinutes: number;
  /** Blank: the meeting doc, when it holds key results. */
  okrDocs?: readonly string[];
  /** Blank: the meeting doc, when it holds metrics. */
  metricsDoc?: string;
  fiscalYearStartMonth?: number;
}

const firstName = (value: unknown) => cells.people(value)[0]?.name;

export type AgendaItemRow = coda.SchemaType<typeof AgendaItemSchema>;

export async function meetingAgenda(
  context: coda.ExecutionContext,
  request: AgendaRequest,
  image: (svg: string) => string,
): Promise<AgendaItemRow[]> {
  const {docId} = request;
  const at = request.meetingDate;
  const now = today(context.timezone);
  const judged = at.getTime() < now.getTime() ? at : now;
  const none = {docId, rows: [], map: {}};
  const [leaders, past, issues, decisions, actions, messages, discipline] = await Promise.all([
    readOptionalTable(context, docId, MeetingTables.leaders, LeaderFields),
    readOptionalTable(context, docId, MeetingTables.meetings, MeetingFields),
    readTable(context, docId, MeetingTables.issues, IssueFields),
    readOptionalTable(context, docId, MeetingTables.decisions, DecisionFields),
    readOptionalTable(context, docId, MeetingTables.actions, ActionFields),
    readOptionalTable(context, docId, MeetingTables.messages, MessageFields),
    agendaDiscipline(context, docId, at),
  ]);

  // A doc left blank is the meeting doc, read only when it holds the tables: a missing one is a next step, not an error.
  const missing: TableEntry[] = [];
  const here = async (key: string) => {
    const entry = tableByKey(key)!;
    const found = Boolean(await readOptionalTable(context, docId, entry.name, [], {rowsOnly: true}));
    if (!found) missing.push(entry);
    return found;
  };
  const metricsDoc = request.metricsDoc || ((await here("metrics")) && (await here("readings")) ? docId : undefined);
  const okrDocs = request.okrDocs?.length ? request.okrDocs : (await here("keyResults")) ? [docId] : [];
  for (const [key, table] of [
    ["actions", actions],
    ["decisions", decisions],
    ["messages", messages],
    ["meetings", past],
    ["leaders", leaders],
  ] as const) {
    if (!table) missing.push(tableByKey(key)!);
  }

  // A team or metrics doc that cannot be read never costs the meeting its agenda: it is said after the close.
  const metricsRead = await readEachDoc(context, metricsDoc ? [metricsDoc] : [], id =>
    readMetricsDoc(context, id, {}).then(records => ({id, records})),
  );
  const okrsRead = await readEachDoc(context, okrDocs, id =>
    readTeamOkrs(
      context,
      id,
      {fiscalYearStartMonth: request.fiscalYearStartMonth},
      {checkIns: false, goals: false},
    ).then(okrs => ({id, okrs})),
  );
  const unreadable = [...metricsRead.unreadable, ...okrsRead.unreadable];
  const metricsDocId = metricsRead.read[0]?.id;
  const okrDocIds = okrsRead.read.map(r => r.id);

  const hotItems: AgendaSource[] = [];
  for (const {records} of metricsRead.read) {
    const summarized = summarize(records, at, undefined, image);
    for (const s of summarized
      .filter(x => x.summary.hot?.hot)
      .sort((a, b) => b.summary.hot!.severity - a.summary.hot!.severity)) {
      hotItems.push({
        name: s.metric.name,
        detail: s.summary.hot!.reason.replace(/\.$/, ""),
        owner: s.metric.owner?.name,
        link: s.metric.link,
      });
    }
  }

  const keyResults: AgendaSource[] = [];
  const cycle = okrCycle(at, 3, request.fiscalYearStartMonth).name;
  for (const {okrs} of okrsRead.read) {
    // Judged on today (or the meeting day, if it is past), as the KeyResults table judges them.
    for (const k of deriveKeyResults(okrs, judged)) {
      if (normalize(k.objective?.cycleName ?? "") !== normalize(cycle)) continue;
      if (k.derived.status !== "Off track" && k.derived.status !== "At risk") continue;
      keyResults.push({
        name: k.record.name,
        detail: `${k.derived.status}, ${k.team ?? ""}`.replace(/, $/, ""),
        owner: k.record.owner?.name,
        link: k.record.link,
      });
    }
  }
  keyResults.sort((a, b) => Number(b.detail?.startsWith("Off")) - Number(a.detail?.startsWith("Off")));

  const fired = (
    await firedRisks(context, {
      docId,
      okrDocs: okrDocIds,
      metricsDoc: metricsDocId,
      asOf: judged,
      fiscalYearStartMonth: request.fiscalYearStartMonth,
    })
  ).map(r => ({
    name: r.Name,
    detail: r.Trigger,
    owner: r.MitigationOwner,
    link: r.Link,
  }));

  const longTermMeeting = discipline.type === "Quarterly" || discipline.type === "Offsite";
  const openIssues = issuesForAgenda(
    readIssues(issues, context.timezone)
      .filter(i => i.open)
      .map(i => ({...i, longTerm: i.horizon === "Long term"})),
    longTermMeeting,
  ).map(i => ({
    name: i.name,
    detail: [
      i.priorityLabel,
      i.votes ? `${i.votes} vote${i.votes === 1 ? "" : "s"}` : "",
      i.stuck ? `stuck: carried over ${i.carried} meetings` : "",
    ]
      .filter(Boolean)
      .join(", "),
    owner: i.ownerName,
    link: i.link,
  }));
  const due = decisionRows(decisions ?? none, at, {}, context.timezone)
    .filter(d => d.DueForReview)
    .sort((a, b) => Number(Boolean(b.Hot)) - Number(Boolean(a.Hot)))
    .map(d => ({name: d.Hot ? `${d.Name} (a failure condition is met)` : d.Name, owner: d.Owner?.Name, link: d.Link}));
  const overdue = actionRows(actions ?? none, at, undefined, context.timezone)
    .filter(a => a.Overdue)
    .sort((a, b) => (b.DaysOverdue ?? 0) - (a.DaysOverdue ?? 0))
    .map(a => ({name: a.Name, detail: `${a.DaysOverdue} days late`, owner: a.Owner?.Name, link: a.Link}));
  const toCascade = (messages?.rows ?? [])
    .filter(r => {
      const d = cells.date(cell(r, messages!.map, "MeetingDate"), "Meeting Date", context.timezone).value;
      return !d || daysBetween(d, at) === 0;
    })
    .map(r => ({name: cells.text(cell(r, messages!.map, "Message")) || cells.text(r.name)}));

  const roster = (leaders?.rows ?? []).map(r => ({
    name: firstName(cell(r, leaders!.map, "Leader")) ?? cells.text(r.name),
    role: cells.text(cell(r, leaders!.map, "Role")),
    seniority: cells.number(cell(r, leaders!.map, "Seniority"), "Seniority").value,
  }));
  const history = (past?.rows ?? [])
    .map(r => ({
      date: cells.date(cell(r, past!.map, "Date"), "Date", context.timezone).value,
      facilitator: firstName(cell(r, past!.map, "Facilitator")),
    }))
    .filter(
      (m): m is {date: Day; facilitator: string} => Boolean(m.date && m.facilitator) && daysBetween(m.date!, at) > 0,
    )
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .map(m => m.facilitator);
  const facilitator = nextFacilitator(roster, history);

  const agenda: AgendaItem[] = buildAgenda({
    length: request.lengthMinutes,
    facilitator,
    hotItems,
    keyResults,
    issues: openIssues,
    decisionsDue: due,
    overdueActions: overdue,
    messages: toCascade,
    meetingHealth: discipline.hotItems,
    firedRisks: fired,
  });
  const when = isoDay(at);
  return [
    ...agenda.map((item): AgendaItemRow =>
      compact({
        Id: `${docId}/${when}/${item.order}`,
        Name: item.item,
        Order: item.order,
        Kind: item.kind,
        Minutes: item.minutes,
        TimeBox: item.timeBox,
        Owner: item.owner,
        Source: item.source,
        SourceLink: item.link,
        Facilitator: facilitator,
        MeetingDate: when,
      }),
    ),
    ...[
      ...unreadable.map(u => ({key: `unreadable-${u.docId.slice(0, 40)}`, name: u.message})),
      ...nextSteps(missing).map(entry => ({key: entry.key, name: addTableHint(entry)})),
    ].map((step, i): AgendaItemRow => ({
      Id: `${docId}/${when}/next-${step.key}`,
      Name: step.name,
      Order: agenda.length + i + 1,
      Kind: NextStepKind,
      Minutes: 0,
      Source: "Setup",
      MeetingDate: when,
    })),
  ];
}

/** The kind of the rows after the close that say what a missing table would add. */
export const NextStepKind = "Next step";

/** What to add next: the missing tables of the lowest tier missing, two at most, as rows after the agenda. */
function nextSteps(missing: readonly TableEntry[]): TableEntry[] {
  const lowest = Math.min(...missing.map(t => t.tier));
  return missing.filter(t => t.tier === lowest).slice(0, 2);
}
