import type * as coda from "@codahq/packs-sdk";
import type {AgendaItemSchema} from "../../schemas/meetings";
import {resolveDocId} from "../api/client";
import type {AgendaItem, AgendaSource} from "../engine/agenda";
import {buildAgenda, issuesForAgenda, nextFacilitator} from "../engine/agenda";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay, today} from "../engine/calendar";
import * as cells from "../engine/cells";
import {okrCycle} from "../engine/cycle";
import {normalize} from "../engine/columns";
import {ActionFields, DecisionFields, IssueFields, LeaderFields, MeetingFields, MeetingTables, MessageFields} from "./fields";
import {readMetricsDoc} from "./health_source";
import {firedRisks} from "./risks";
import {summarize} from "./health_rows";
import {agendaDiscipline} from "./meeting_health";
import {actionRows, decisionRows, readIssues} from "./meeting_rows";
import {deriveKeyResults} from "./okr_rows";
import {readTeamOkrs} from "./okr_source";
import {cell, compact, readOptionalTable, readTable} from "./source";

/**
 * Gathers everything the next meeting should see (hot metrics, key results off
 * track or at risk, the open issues, decisions due for review, overdue actions,
 * messages) and lays it out as a time-boxed agenda.
 */

export interface AgendaRequest {
  meetingDoc: string;
  meetingDate: Day;
  lengthMinutes: number;
  okrDocs: readonly string[];
  metricsDoc?: string;
  fiscalYearStartMonth?: number;
}

const firstName = (value: unknown) => cells.people(value)[0]?.name;

export type AgendaItemRow = coda.SchemaType<typeof AgendaItemSchema>;

export async function meetingAgenda(context: coda.ExecutionContext, request: AgendaRequest, image: (svg: string) => string): Promise<AgendaItemRow[]> {
  const docId = await resolveDocId(context, request.meetingDoc);
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

  const hotItems: AgendaSource[] = [];
  if (request.metricsDoc) {
    const metricsDocId = await resolveDocId(context, request.metricsDoc);
    const summarized = summarize(await readMetricsDoc(context, metricsDocId, {}), at, undefined, image);
    for (const s of summarized.filter(x => x.summary.hot?.hot).sort((a, b) => b.summary.hot!.severity - a.summary.hot!.severity)) {
      hotItems.push({name: s.metric.name, detail: s.summary.hot!.reason.replace(/\.$/, ""), owner: s.metric.owner?.name, link: s.metric.link});
    }
  }

  const keyResults: AgendaSource[] = [];
  const cycle = okrCycle(at, 3, request.fiscalYearStartMonth).name;
  for (const doc of request.okrDocs) {
    const okrs = await readTeamOkrs(context, await resolveDocId(context, doc), {fiscalYearStartMonth: request.fiscalYearStartMonth}, {checkIns: false, goals: false});
    // Judged on today (or the meeting day, if it is past), as the KeyResults table judges them.
    for (const k of deriveKeyResults(okrs, judged)) {
      if (normalize(k.objective?.cycleName ?? "") !== normalize(cycle)) continue;
      if (k.derived.status !== "Off track" && k.derived.status !== "At risk") continue;
      keyResults.push({name: k.record.name, detail: `${k.derived.status}, ${k.team ?? ""}`.replace(/, $/, ""), owner: k.record.owner?.name, link: k.record.link});
    }
  }
  keyResults.sort((a, b) => Number(b.detail?.startsWith("Off")) - Number(a.detail?.startsWith("Off")));

  const fired = (await firedRisks(context, {meetingDoc: docId, okrDocs: request.okrDocs, metricsDoc: request.metricsDoc, asOf: judged, fiscalYearStartMonth: request.fiscalYearStartMonth})).map(r => ({
    name: r.Name,
    detail: r.Trigger,
    owner: r.MitigationOwner,
    link: r.Link,
  }));

  const longTermMeeting = discipline.type === "Quarterly" || discipline.type === "Offsite";
  const openIssues = issuesForAgenda(
    readIssues(issues)
      .filter(i => i.open)
      .map(i => ({...i, longTerm: i.horizon === "Long term"})),
    longTermMeeting,
  ).map(i => ({
    name: i.name,
    detail: [i.priorityLabel, i.votes ? `${i.votes} vote${i.votes === 1 ? "" : "s"}` : "", i.stuck ? `stuck: carried over ${i.carried} meetings` : ""].filter(Boolean).join(", "),
    owner: i.owner?.Name,
    link: i.link,
  }));
  const due = decisionRows(decisions ?? none, at)
    .filter(d => d.DueForReview)
    .sort((a, b) => Number(Boolean(b.Hot)) - Number(Boolean(a.Hot)))
    .map(d => ({name: d.Hot ? `${d.Name} (a failure condition is met)` : d.Name, owner: d.Owner?.Name, link: d.Link}));
  const overdue = actionRows(actions ?? none, at)
    .filter(a => a.Overdue)
    .sort((a, b) => (b.DaysOverdue ?? 0) - (a.DaysOverdue ?? 0))
    .map(a => ({name: a.Name, detail: `${a.DaysOverdue} days late`, owner: a.Owner?.Name, link: a.Link}));
  const toCascade = (messages?.rows ?? [])
    .filter(r => {
      const d = cells.date(cell(r, messages!.map, "MeetingDate"), "Meeting Date").value;
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
      date: cells.date(cell(r, past!.map, "Date"), "Date").value,
      facilitator: firstName(cell(r, past!.map, "Facilitator")),
    }))
    .filter((m): m is {date: Day; facilitator: string} => Boolean(m.date && m.facilitator) && daysBetween(m.date!, at) > 0)
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
  return agenda.map(
    (item): AgendaItemRow =>
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
  );
}
