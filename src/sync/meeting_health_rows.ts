import type * as coda from "@codahq/packs-sdk";
import type {MeetingHealthSchema} from "../../schemas/discipline";
import type {AgendaSource} from "../engine/agenda";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {
  ActionInput,
  AgendaMinutes,
  IssueInput,
  MeetingHealth,
  MeetingInput,
  RatingInput,
} from "../engine/meeting_health";
import {HealthRules, healthHotItem, lastBefore, meetingHealth} from "../engine/meeting_health";
import type {MeetingType, Seat} from "../engine/seats";
import {parseMeetingType} from "../engine/seats";
import {actionRows, readIssues} from "./meeting_rows";
import {loadSeats} from "./seat_rows";
import type {TableRows} from "./source";
import {cell, compact, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {
  ActionFields,
  AgendaItemFields,
  DisciplineTables,
  IssueHistoryFields,
  MeetingRecordFields,
  MeetingTables,
  RatingFields,
} from "./tables";

/**
 * The MeetingHealth sync area: the Meetings, Ratings and Agenda Items tables
 * with the action items, issues and seats, read into the engine's plain data
 * and built into one typed row per meeting. A low-health meeting also becomes a
 * hot item on the next agenda.
 */

export type MeetingHealthRow = coda.SchemaType<typeof MeetingHealthSchema>;

function flag(value: unknown, column: string, problems: string[]): boolean | undefined {
  const read = cells.flag(value, column, {yes: ["on time", "ontime"], no: ["late"]});
  if (read.problem) problems.push(read.problem);
  return read.value;
}

export function readMeetings(
  {docId, rows, map}: TableRows<FieldName<typeof MeetingRecordFields>>,
  timezone?: string,
): Array<MeetingInput & {link: string}> {
  return rows.map(row => {
    const get = (f: FieldName<typeof MeetingRecordFields>) => cell(row, map, f);
    const problems: string[] = [];
    const date = cells.date(get("Date"), "Date", timezone);
    if (date.problem) problems.push(date.problem);
    const started = flag(get("StartedOnTime"), "Started On Time", problems);
    const ended = flag(get("EndedOnTime"), "Ended On Time", problems);
    const name =
      cells.text(get("Name")) ||
      cells.text(row.name) ||
      (date.value ? `Meeting ${isoDay(date.value)}` : "Unnamed meeting");
    return {
      id: stableId(docId, row.id),
      name,
      date: date.value,
      kind: cells.text(get("Kind")),
      attendees: cells.people(get("Attendees")),
      startedOnTime: started,
      endedOnTime: ended,
      problems,
      link: row.browserLink,
    };
  });
}

/** The meeting a lookup cell names: by row, else by the meeting's name or date. */
function meetingOf(value: unknown, meetings: ReadonlyArray<MeetingInput>, docId: string): string | undefined {
  const ref = cells.refs(value)[0];
  if (!ref) return undefined;
  if (ref.rowId) return meetings.find(m => m.id === stableId(docId, ref.rowId!))?.id;
  const byName = meetings.filter(
    m => normalize(m.name) === normalize(ref.name) || (m.date && isoDay(m.date) === ref.name.trim()),
  );
  return byName.length === 1 ? byName[0].id : undefined;
}

export function readRatings(
  {docId, rows, map}: TableRows<FieldName<typeof RatingFields>>,
  meetings: ReadonlyArray<MeetingInput>,
): Array<RatingInput & {meetingText: string}> {
  return rows.map(row => {
    const get = (f: FieldName<typeof RatingFields>) => cell(row, map, f);
    const raw = get("Rating");
    const read = cells.number(raw, "Rating");
    return {
      meetingId: meetingOf(get("Meeting"), meetings, docId),
      meetingText: cells.text(get("Meeting")),
      attendee: cells.people(get("Attendee"))[0],
      rating: read.value ?? (cells.isEmpty(raw) ? undefined : cells.text(raw)),
      reason: cells.text(get("Reason")),
    };
  });
}

function agendaMinutes(
  {docId, rows, map}: TableRows<FieldName<typeof AgendaItemFields>>,
  meetings: ReadonlyArray<MeetingInput>,
): Map<string, AgendaMinutes> {
  const out = new Map<string, {kinds: string[]; minutes: number[]}>();
  for (const row of rows) {
    const id = meetingOf(cell(row, map, "Meeting"), meetings, docId);
    if (!id) continue;
    const m = out.get(id) ?? {kinds: [], minutes: []};
    m.kinds.push(cells.text(cell(row, map, "Kind")));
    // A minutes cell that is not a number goes in as NaN, which the mix reports as the item's problem.
    m.minutes.push(cells.number(cell(row, map, "Minutes"), "Minutes").value ?? NaN);
    out.set(id, m);
  }
  return out;
}

export interface HealthSources {
  meetings: TableRows<FieldName<typeof MeetingRecordFields>>;
  ratings?: TableRows<FieldName<typeof RatingFields>>;
  items?: TableRows<FieldName<typeof AgendaItemFields>>;
  actions?: TableRows<FieldName<typeof ActionFields>>;
  issues?: TableRows<FieldName<typeof IssueHistoryFields>>;
  seats?: Seat[];
}

export interface AssessedMeetings {
  health: MeetingHealth[];
  links: Map<string, string>;
  /** Ratings that name no meeting of the table. */
  unmatched: string[];
}

export function assessMeetings(
  sources: HealthSources,
  asOf: Day,
  threshold?: number,
  timezone?: string,
): AssessedMeetings {
  const meetings = readMeetings(sources.meetings, timezone);
  const ratings = sources.ratings ? readRatings(sources.ratings, meetings) : [];
  const actions: ActionInput[] = (sources.actions ? actionRows(sources.actions, asOf, undefined, timezone) : []).map(
    a => ({
      owner: a.Owner?.Name,
      due: a.Due ? cells.date(a.Due, "Due", timezone).value : undefined,
      done: Boolean(a.Done),
    }),
  );
  const issues: IssueInput[] = [];
  if (sources.issues) {
    const solvedOf = new Map(
      sources.issues.rows.map(r => [
        stableId(sources.issues!.docId, r.id),
        cells.date(cell(r, sources.issues!.map, "Solved"), "Solved", timezone).value,
      ]),
    );
    for (const i of readIssues(sources.issues, timezone)) {
      issues.push({raised: i.raised, solved: solvedOf.get(i.id), open: i.open});
    }
  }
  const health = meetingHealth(meetings, ratings, actions, issues, {
    threshold,
    seats: sources.seats,
    items: sources.items ? agendaMinutes(sources.items, meetings) : undefined,
  });
  const unmatched = ratings
    .filter(r => !r.meetingId)
    .map(r => `${r.attendee?.name || "A rating"} for "${r.meetingText.slice(0, 40) || "no meeting"}"`);
  return {health, links: new Map(meetings.map(m => [m.id, m.link])), unmatched};
}

export function meetingHealthRows(assessed: AssessedMeetings, docId: string): MeetingHealthRow[] {
  const rows = assessed.health.map((h): MeetingHealthRow =>
    compact({
      Id: h.meeting.id,
      Name: h.meeting.name,
      Date: h.meeting.date ? isoDay(h.meeting.date) : undefined,
      Kind: h.type,
      Attendees: h.meeting.attendees.map(a => a.name || a.email).join(", ") || undefined,
      AverageRating: h.average,
      LowestRating: h.lowest,
      Ratings: h.ratings,
      MissingRatings: h.missingRatings.join(", ") || undefined,
      RequiredSeatsAbsent: h.absentSeats.join(", ") || undefined,
      StartedOnTime: h.meeting.startedOnTime,
      EndedOnTime: h.meeting.endedOnTime,
      ActionsDue: h.actionsDue,
      ActionsDone: h.actionsDone,
      DoneShare: h.doneShare,
      MeetsDoneTarget: h.doneShare === undefined ? undefined : h.doneShare >= HealthRules.doneTarget,
      DoneByOwner: h.doneByOwner.join("; ") || undefined,
      ProblemSolving: h.mix?.problemSolving,
      Status: h.mix?.status,
      Mix: h.mix?.verdict,
      IssuesSolved: h.issuesSolved,
      IssuesCarried: h.issuesCarried,
      RatingTrend: h.trend,
      TrendDetail: h.trendDetail,
      Healthy: h.healthy,
      Findings: h.findings.join(" ") || undefined,
      Problems: h.problems.join(" ") || undefined,
      Link: assessed.links.get(h.meeting.id),
    }),
  );
  if (assessed.unmatched.length) {
    rows.push({
      Id: `${docId}/ratings-without-a-meeting`,
      Name: "Ratings without a meeting",
      Healthy: false,
      Problems: `These ratings name no meeting of the Meetings table: ${assessed.unmatched.join("; ")}. Pick the meeting in each rating's Meeting column.`,
    });
  }
  return rows;
}

export interface HealthRequest {
  docId: string;
  columns?: string;
  threshold?: number;
  asOf: Day;
}

/**
 * The tables meeting health reads. The agenda reads them on the side: it leaves
 * out the agenda items, which its rule does not need, and takes a Ratings table
 * without the columns it needs as no ratings, so it never fails on them.
 */
async function readSources(
  context: coda.ExecutionContext,
  docId: string,
  columns?: string,
  forAgenda = false,
): Promise<HealthSources | undefined> {
  const [meetings, ratings, items, actions, issues, seats] = await Promise.all([
    readOptionalTable(context, docId, DisciplineTables.meetings, MeetingRecordFields, {
      columns,
      otherFields: RatingFields.map(f => f.field),
    }),
    readOptionalTable(context, docId, DisciplineTables.ratings, forAgenda ? relaxed(RatingFields) : RatingFields, {
      columns,
      otherFields: MeetingRecordFields.map(f => f.field),
    }),
    forAgenda ? undefined : readOptionalTable(context, docId, DisciplineTables.agendaItems, AgendaItemFields),
    readOptionalTable(context, docId, MeetingTables.actions, ActionFields),
    readOptionalTable(context, docId, MeetingTables.issues, IssueHistoryFields),
    loadSeats(context, docId),
  ]);
  const usable = ratings && ratings.map.Meeting && ratings.map.Attendee && ratings.map.Rating ? ratings : undefined;
  return meetings ? {meetings, ratings: usable, items, actions, issues, seats} : undefined;
}

export async function syncMeetingHealth(
  context: coda.ExecutionContext,
  request: HealthRequest,
): Promise<MeetingHealthRow[]> {
  // The Meetings table is required: read it first for its clear message when it is missing.
  await readTable(context, request.docId, DisciplineTables.meetings, MeetingRecordFields, {
    columns: request.columns,
    otherFields: RatingFields.map(f => f.field),
  });
  const sources = (await readSources(context, request.docId, request.columns))!;
  return meetingHealthRows(assessMeetings(sources, request.asOf, request.threshold, context.timezone), request.docId);
}

export interface AgendaDiscipline {
  /** The kind of the meeting on the agenda's day, from its row in Meetings (Weekly when it has none). */
  type: MeetingType;
  /** The last meeting's health, when it was low: the next agenda's hot item. */
  hotItems: AgendaSource[];
}

/**
 * What meeting discipline adds to an agenda: the meeting's kind, and a hot item
 * when the last meeting before it was low-health. Only docs that keep a Ratings
 * table are judged; others get a weekly meeting and no item.
 */
export async function agendaDiscipline(
  context: coda.ExecutionContext,
  docId: string,
  meetingDate: Day,
): Promise<AgendaDiscipline> {
  const sources = await readSources(context, docId, undefined, true);
  const none: AgendaDiscipline = {type: "Weekly", hotItems: []};
  if (!sources) return none;
  const meetings = readMeetings(sources.meetings, context.timezone);
  const today = meetings.find(m => m.date && daysBetween(m.date, meetingDate) === 0);
  const type = (today && parseMeetingType(today.kind || "Weekly")) || "Weekly";
  if (!sources.ratings) return {...none, type};
  const assessed = assessMeetings(sources, meetingDate, undefined, context.timezone);
  const last = lastBefore(assessed.health, meetingDate);
  const hot = last && healthHotItem(last);
  return {
    type,
    hotItems: hot
      ? [{name: hot.name, detail: hot.detail, owner: undefined, link: assessed.links.get(last.meeting.id)}]
      : [],
  };
}
