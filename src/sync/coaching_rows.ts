import type * as coda from "@codahq/packs-sdk";
import type {LeaderMetricSchema, OneOnOneSchema} from "../../schemas/coaching";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {PersonValue} from "../engine/cells";
import type {
  CoachingPrompt,
  OneOnOneInput,
  OneOnOnePair,
  ReportAction,
  ReportKeyResult,
  ReportRating,
} from "../engine/coaching";
import {coachingPrompts, leaderMetrics, oneOnOnes} from "../engine/coaching";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import {plainText, quote, show} from "../engine/contract";
import {isInputError} from "../engine/errors";
import {cadenceDays} from "../engine/history";
import {readRating} from "../engine/meeting_health";
import {said} from "../engine/names";
import type {Seat} from "../engine/seats";
import {seatsOf} from "../engine/seats";
import type {SummarizedMetric} from "./health_rows";
import {summarize} from "./health_rows";
import {readMetricsDoc} from "./health_source";
import {readMeetings, readRatings} from "./meeting_health_rows";
import {actionRows} from "./meeting_rows";
import type {UnreadableDoc} from "./multidoc";
import {readEachDoc} from "./multidoc";
import type {DerivedKeyResult} from "./okr_rows";
import {deriveKeyResults} from "./okr_rows";
import {readTeamOkrs} from "./okr_source";
import {loadSeats} from "./seat_rows";
import type {SourceTable, TableRows} from "./source";
import {cell, compact, holdsTable, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {
  ActionFields,
  CoachingTables,
  DefaultMetricTables,
  DefaultTableNames,
  DisciplineTables,
  LeaderFields,
  LeaderMetricFields,
  MeetingRecordFields,
  MeetingTables,
  OneOnOneFields,
  RatingFields,
} from "./tables";

/**
 * Development, woven through: the meeting doc's one-to-one log read into each
 * leader–report pair's rhythm, with coaching questions drawn from the report's
 * own data (their key results in the team docs, their action items, their
 * meeting ratings since the pair last met, the seats they hold, and their own
 * key metrics when they keep some); and the Leader Metrics table, each metric's
 * link resolved to a health metric or key result with where it stands. The
 * rules are the engine's (src/engine/coaching.ts); this file reads the tables
 * and builds the typed rows. Team docs and the metrics doc are read one at a
 * time, so one that cannot be read hides none and is named on the rows.
 */

export type OneOnOneRow = coda.SchemaType<typeof OneOnOneSchema>;
export type LeaderMetricRow = coda.SchemaType<typeof LeaderMetricSchema>;

const lines = (list: readonly string[]) => (list.length ? list.join("\n") : undefined);
const sentences = (list: readonly string[]) => (list.length ? list.join(" ") : undefined);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------- people

/** A person as the pack names them: the name, else the email. */
interface Who {
  name: string;
  email: string;
}

const label = (p: Who) => p.name || p.email;

/**
 * The people met in the doc's tables, so a leader typed as an email in one
 * table and picked as a person in another is one leader: each person is kept
 * under their email and their name, the first name given winning.
 */
class Directory {
  private byEmail = new Map<string, Who>();
  private byName = new Map<string, Who>();

  add(p: PersonValue | undefined): Who | undefined {
    if (!p) return undefined;
    const email = p.email.trim().toLowerCase();
    const typedEmail = Boolean(email) && p.name.trim().toLowerCase() === email;
    const name = typedEmail ? "" : plainText(p.name);
    const known = (email && this.byEmail.get(email)) || (name && this.byName.get(normalize(name))) || undefined;
    if (known) {
      if (!known.name && name) known.name = name;
      if (!known.email && p.email) known.email = p.email.trim();
      this.index(known);
      return known;
    }
    if (!name && !email) return undefined;
    const who: Who = {name, email: p.email.trim()};
    this.index(who);
    return who;
  }

  private index(who: Who) {
    if (who.email && !this.byEmail.has(who.email.toLowerCase())) this.byEmail.set(who.email.toLowerCase(), who);
    if (normalize(who.name) && !this.byName.has(normalize(who.name))) this.byName.set(normalize(who.name), who);
  }
}

/** Whether a cell's person (or a seat named in it) is this person: by email, else by name. */
function isPerson(p: {name?: string; email?: string} | undefined, who: Who): boolean {
  if (!p) return false;
  const email = (p.email ?? "").trim().toLowerCase();
  if (email && who.email && email === who.email.toLowerCase()) return true;
  const name = normalize(p.name ?? "");
  return Boolean(name) && (name === normalize(who.name) || name === normalize(who.email));
}

function owns(owner: PersonValue | undefined, who: Who, seats: readonly Seat[]): boolean {
  if (!owner) return false;
  if (isPerson(owner, who)) return true;
  return seatsOf(owner, seats).some(s => isPerson(s.person, who));
}

/** A row whose every mapped cell is blank, as a table's trailing empty rows are: nothing to read or report. */
function blankRow<F extends string>(row: SourceTable<F>["rows"][number], map: TableRows<F>["map"]): boolean {
  const blank = (v: unknown) => !cells.text(v) && !cells.people(v).length;
  return Object.values<{name: string} | undefined>(map).every(c => !c || blank(row.values[c.name]));
}

const personCell = (p: Who | undefined) => (p?.email ? {Name: p.name || p.email, Email: p.email} : undefined);

// ---------------------------------------------------------------- the docs drawn on

export interface SourceRequest {
  /** The meeting doc. */
  docId: string;
  okrDocs: readonly string[];
  metricsDoc?: string;
  asOf: Day;
  fiscalYearStartMonth?: number;
}

interface Sources {
  keyResults: DerivedKeyResult[];
  metrics: SummarizedMetric[];
  /** Whether team docs and a metrics doc were there to read (given, or the meeting doc holding them). */
  hadOkrDocs: boolean;
  hadMetricsDoc: boolean;
  unreadable: UnreadableDoc[];
}

/** The team docs to read: those given, else the meeting doc when it holds a Key Results table. */
async function okrDocsOf(context: coda.ExecutionContext, r: SourceRequest): Promise<readonly string[]> {
  const given = [...new Set(r.okrDocs.map(d => (d ?? "").trim()).filter(Boolean))];
  if (given.length) return given;
  return (await holdsTable(context, r.docId, DefaultTableNames.keyResults)) ? [r.docId] : [];
}

/** The metrics doc to read: the one given, else the meeting doc when it holds the metrics' tables. */
async function metricsDocOf(context: coda.ExecutionContext, r: SourceRequest): Promise<string | undefined> {
  if (r.metricsDoc) return r.metricsDoc;
  const holds =
    (await holdsTable(context, r.docId, DefaultMetricTables.definitions)) &&
    (await holdsTable(context, r.docId, DefaultMetricTables.readings));
  return holds ? r.docId : undefined;
}

async function readSources(
  context: coda.ExecutionContext,
  r: SourceRequest,
  need: {keyResults: boolean; metrics: boolean},
): Promise<Sources> {
  const out: Sources = {keyResults: [], metrics: [], hadOkrDocs: false, hadMetricsDoc: false, unreadable: []};
  if (need.keyResults) {
    const docs = await okrDocsOf(context, r);
    out.hadOkrDocs = docs.length > 0;
    const read = await readEachDoc(context, docs, docId =>
      readTeamOkrs(context, docId, {fiscalYearStartMonth: r.fiscalYearStartMonth}, {checkIns: false, goals: false}),
    );
    out.unreadable.push(...read.unreadable);
    // A doc listed twice (by its link and by its id, say) gives its key results once.
    const seen = new Set<string>();
    for (const okrs of read.read) {
      for (const k of deriveKeyResults(okrs, r.asOf)) {
        if (!seen.has(k.record.id)) out.keyResults.push(k);
        seen.add(k.record.id);
      }
    }
  }
  if (need.metrics) {
    const doc = await metricsDocOf(context, r);
    out.hadMetricsDoc = Boolean(doc);
    const read = await readEachDoc(context, doc ? [doc] : [], docId => readMetricsDoc(context, docId, {}));
    out.unreadable.push(...read.unreadable);
    out.metrics = summarize(read.read.flat(), r.asOf, undefined, () => "");
  }
  return out;
}

/** What a key metric links to, with where it stands. */
interface Target {
  kind: "Health metric" | "Key result";
  name: string;
  value?: number;
  unit?: string;
  asOf?: Day;
  status?: string;
  progress?: number;
  expected?: number;
  /** A key result's id, so one the report owns is asked about once. */
  keyResultId?: string;
}

interface Targets {
  /** By name (case, spacing and punctuation aside). */
  byKey: Map<string, Target>;
  /** The names as written, for the engine to match links against and suggest from. */
  names: string[];
}

/** Every health metric and key result a link may name, by name (and a key result also by its code). */
function targetsOf(sources: Sources): Targets {
  const byKey = new Map<string, Target>();
  const names: string[] = [];
  const put = (name: string, t: Target) => {
    if (normalize(name) && !byKey.has(normalize(name))) {
      byKey.set(normalize(name), t);
      names.push(name);
    }
  };
  for (const {metric: m, summary: s} of sources.metrics) {
    put(m.name, {
      kind: "Health metric",
      name: m.name,
      value: s.latest?.value,
      unit: m.unit || undefined,
      asOf: s.latest?.date,
      status: s.status,
    });
  }
  const krs = sources.keyResults.map(({record: k, derived: d}): Target => ({
    kind: "Key result",
    name: k.name,
    value: k.current,
    unit: k.unit || undefined,
    status: d.status,
    progress: d.progress,
    expected: d.expected,
    keyResultId: k.id,
  }));
  for (const t of krs) put(t.name, t);
  sources.keyResults.forEach((k, i) => put(k.record.code, krs[i]));
  return {byKey, names};
}

/** Where a target stands, in words: "63.2 % on 2026-11-20, Red". */
function standing(t: Target): string {
  const value = t.value === undefined ? "" : `${show(t.value)}${t.unit ? ` ${t.unit}` : ""}`;
  const parts = [
    value && t.asOf ? `${value} on ${isoDay(t.asOf)}` : value,
    t.progress !== undefined ? `${Math.round(t.progress * 100)}% of the way` : "",
    t.status ?? "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no reading yet";
}

// ---------------------------------------------------------------- key metrics

interface KeyMetric {
  row: SourceTable<FieldName<typeof LeaderMetricFields>>["rows"][number];
  leader?: Who;
  metric: string;
  shortName: string;
  linkedTo: string;
  problems: string[];
}

function readKeyMetrics(table: TableRows<FieldName<typeof LeaderMetricFields>>, people: Directory): KeyMetric[] {
  return table.rows
    .filter(row => !blankRow(row, table.map))
    .map(row => {
      const get = (f: FieldName<typeof LeaderMetricFields>) => cell(row, table.map, f);
      const problems: string[] = [];
      const leader = people.add(cells.people(get("Leader"))[0]);
      const metric = plainText(cells.text(get("Metric")));
      if (!leader || !normalize(label(leader))) problems.push("No leader: name the leader who keeps this metric.");
      if (!normalize(metric)) problems.push("No metric: name the metric.");
      return {
        row,
        leader,
        metric,
        shortName: plainText(cells.text(get("ShortName"))),
        linkedTo: plainText(cells.text(get("LinkedTo"))),
        problems,
      };
    });
}

interface ResolvedMetric {
  input: KeyMetric;
  /** The health metric or key result it links to, when its link names one. */
  linked?: Target;
  findings: string[];
}

interface ResolvedMetrics {
  metrics: ResolvedMetric[];
  leaders: ReturnType<typeof leaderMetrics>["leaders"];
}

function resolveKeyMetrics(
  inputs: readonly KeyMetric[],
  targets: Targets,
  roster: readonly string[],
  sources: Sources,
): ResolvedMetrics {
  const complete = inputs.filter(m => !m.problems.length);
  const checked = leaderMetrics(
    complete.map(m => ({leader: label(m.leader!), metric: m.metric, shortName: m.shortName, linkedTo: m.linkedTo})),
    targets.names,
    roster,
  );
  const byInput = new Map(complete.map((m, i) => [m, checked.rows[i]]));
  const missing = [
    ...(sources.hadMetricsDoc ? [] : [{doc: "a metrics doc", param: "metricsDoc", kind: "a health metric"}]),
    ...(sources.hadOkrDocs ? [] : [{doc: "team docs", param: "okrDocs", kind: "a key result"}]),
  ];
  const metrics = inputs.map((input): ResolvedMetric => {
    const row = byInput.get(input);
    if (!row) return {input, findings: []};
    const linked = row.linked ? targets.byKey.get(normalize(row.linked)) : undefined;
    let findings = row.findings;
    if (input.linkedTo && !linked && missing.length) {
      const unfound = /matches no health metric or key result/;
      const hint =
        `${quote(input.linkedTo)} was looked up without ${missing.map(m => m.doc).join(" or ")}: ` +
        `give the sync ${missing.map(m => m.param).join(" and ")} if it names ${missing.map(m => m.kind).join(" or ")}.`;
      findings = targets.names.length ? [...findings, hint] : [...findings.filter(f => !unfound.test(f)), hint];
    }
    return {input, linked, findings};
  });
  return {metrics, leaders: checked.leaders};
}

/** A key metric in a line: "Margin: Gross margin, 63.2 % on 2026-11-20, Red". */
function keyMetricLine(m: ResolvedMetric): string {
  const name = m.input.shortName || m.input.metric;
  const what = m.linked
    ? `${m.linked.name}, ${standing(m.linked)}`
    : m.input.linkedTo
      ? "link not found"
      : "not linked";
  return `${name}: ${what}`;
}

/** The unreadable docs in words, for the rows judged without them. */
const unreadableText = (docs: readonly UnreadableDoc[]) =>
  docs.length ? docs.map(u => `Not read: ${u.message}`).join(" ") : undefined;

// ---------------------------------------------------------------- one-to-ones

export interface OneOnOneRequest extends SourceRequest {
  table: string;
  columns?: string;
  /** The cadence of a pair that declares none and has met once: 1 to 90 days. */
  defaultCadence?: number;
}

interface LogEntry {
  row: SourceTable<FieldName<typeof OneOnOneFields>>["rows"][number];
  leader?: Who;
  report?: Who;
  /** The one-to-one as the engine takes it, but for the names: set when the row has a leader and a report. */
  details?: Omit<OneOnOneInput, "leader" | "report">;
  date?: Day;
  problems: string[];
}

/** The engine's input, named once every table has been read, so a person met first by email has their name. */
const inputOf = (e: LogEntry): OneOnOneInput => ({...e.details!, leader: label(e.leader!), report: label(e.report!)});

const pairKey = (leader: string, report: string) => `${normalize(leader)}/${normalize(report)}`;
/** A pair as its row is named. */
const pairName = (leader: string, report: string) => `${leader} → ${report}`;

function readLog(table: TableRows<FieldName<typeof OneOnOneFields>>, people: Directory, timezone?: string): LogEntry[] {
  return table.rows
    .filter(row => !blankRow(row, table.map))
    .map(row => {
      const get = (f: FieldName<typeof OneOnOneFields>) => cell(row, table.map, f);
      const problems: string[] = [];
      const leader = people.add(cells.people(get("Leader"))[0]);
      const report = people.add(cells.people(get("Report"))[0]);
      const date = cells.date(get("Date"), "Date", timezone);
      const next = cells.date(get("Next"), "Next", timezone);
      if (next.problem) problems.push(next.problem);
      let cadence: number | undefined;
      const rawCadence = get("Cadence");
      if (!cells.isEmpty(rawCadence)) {
        const n = cells.number(rawCadence, "Cadence");
        try {
          cadence = cadenceDays(n.value ?? cells.text(rawCadence));
        } catch (error) {
          if (!isInputError(error)) throw error;
          problems.push(error.message);
        }
      }
      if (date.problem) problems.push(date.problem);
      else if (!date.value) problems.push("Date is blank: give the day the one-to-one took place.");
      const when = date.value ? `The one-to-one of ${isoDay(date.value)}` : "A one-to-one with no date";
      const stated = problems.map(p => `${when}: ${p}`);
      if (!leader) stated.push("No leader: name who holds the one-to-one.");
      if (!report) stated.push("No report: name whom the one-to-one is with.");
      return {
        row,
        leader,
        report,
        date: date.value,
        problems: stated,
        details:
          leader && report
            ? {
                date: date.value,
                notes: cells.text(get("Notes")),
                commitments: cells.text(get("Commitments")),
                next: next.value,
                cadence,
              }
            : undefined,
      };
    });
}

export interface ReportSources {
  keyResults: readonly DerivedKeyResult[];
  actions: Array<{owner?: PersonValue; action: ReportAction}>;
  ratings: Array<{attendee?: PersonValue; date?: Day; rating: ReportRating}>;
  seats: readonly Seat[];
  keyMetrics: readonly ResolvedMetric[];
}

/** The report's own data, as the engine's coaching prompts take it. */
function reportData(
  who: Who,
  since: Day,
  asOf: Day,
  s: ReportSources,
): {prompts: CoachingPrompt[]; keyMetrics: ResolvedMetric[]} {
  const ownKrs = s.keyResults.filter(
    k =>
      owns(k.record.owner, who, s.seats) &&
      (!k.objective?.cycle || (k.objective.cycle.start <= asOf && asOf <= k.objective.cycle.end)),
  );
  const owned = new Set(ownKrs.map(k => k.record.id));
  const keyMetrics = s.keyMetrics.filter(m => m.input.leader && isPerson(m.input.leader, who));
  const keyResults: ReportKeyResult[] = [
    ...ownKrs.map(k => ({
      name: k.record.name,
      status: k.derived.status,
      progress: k.derived.progress,
      expected: k.derived.expected,
    })),
    // The report's own key metrics, when they keep some: a red metric asks like an off-track key result.
    ...keyMetrics
      .filter(m => m.linked && !(m.linked.keyResultId && owned.has(m.linked.keyResultId)))
      .map(m => ({
        name: m.input.shortName || m.input.metric,
        status: m.linked!.status,
        progress: m.linked!.progress,
        expected: m.linked!.expected,
      })),
  ];
  const seats = s.seats
    .filter(seat => isPerson(seat.person, who))
    .map(seat => ({...seat, person: {name: label(who), email: who.email}}));
  const prompts = coachingPrompts(
    {
      report: label(who),
      keyResults,
      actionItems: s.actions.filter(a => owns(a.owner, who, s.seats)).map(a => a.action),
      // Ratings of the meetings held since the pair last met.
      ratings: s.ratings
        .filter(r => isPerson(r.attendee, who) && r.date && daysBetween(since, r.date) > 0 && r.date <= asOf)
        .map(r => r.rating),
      seats,
    },
    asOf,
  );
  return {prompts, keyMetrics};
}

/** Said at the end of a summary judged without a doc that could not be read. */
const without = (docs: readonly UnreadableDoc[]) =>
  docs.length ? ` Judged without ${plural(docs.length, "doc")} that could not be read.` : "";

function pairSummary(p: OneOnOnePair, prompts: number, cadenceFrom: string, unread: readonly UnreadableDoc[]): string {
  const cadence = `every ${plural(p.cadenceDays, "day")} (${cadenceFrom.toLowerCase()})`;
  const due = p.overdue
    ? `next due ${isoDay(p.nextDue)}, ${plural(p.daysOverdue, "day")} overdue`
    : `next due ${isoDay(p.nextDue)}`;
  const carried = p.carried.length ? ` ${plural(p.carried.length, "commitment")} carried.` : "";
  const asks = prompts ? ` ${plural(prompts, "coaching question")} to open with.` : "";
  return `${pairName(p.leader, p.report)}: last one-to-one ${isoDay(p.last)}, ${cadence}; ${due}.${carried}${asks}${without(unread)}`;
}

export async function oneOnOneRows(context: coda.ExecutionContext, r: OneOnOneRequest): Promise<OneOnOneRow[]> {
  const {docId, asOf} = r;
  const tz = context.timezone;
  const [log, seatList, actionsTable, ratingsTable, metricsTable] = await Promise.all([
    readTable(context, docId, r.table, OneOnOneFields, {columns: r.columns}),
    loadSeats(context, docId),
    readOptionalTable(context, docId, MeetingTables.actions, relaxed(ActionFields)),
    readOptionalTable(context, docId, DisciplineTables.ratings, relaxed(RatingFields)),
    readOptionalTable(context, docId, CoachingTables.leaderMetrics, relaxed(LeaderMetricFields)),
  ]);
  const meetingsTable =
    ratingsTable?.map.Rating && ratingsTable.rows.length
      ? await readOptionalTable(context, docId, DisciplineTables.meetings, relaxed(MeetingRecordFields))
      : undefined;
  const seats = seatList ?? [];
  const people = new Directory();
  for (const s of seats) people.add(s.person);
  const entries = readLog(log, people, tz);
  const keyMetricInputs =
    metricsTable?.map.Leader && metricsTable.map.Metric ? readKeyMetrics(metricsTable, people) : [];
  const sources = await readSources(context, r, {
    keyResults: true,
    metrics: keyMetricInputs.some(m => m.linkedTo),
  });
  const targets = targetsOf(sources);
  const resolved = resolveKeyMetrics(keyMetricInputs, targets, [], sources);

  const actionList = actionsTable?.map.Name ? actionsTable : undefined;
  const judged = actionList ? actionRows(actionList, asOf, undefined, tz) : [];
  const actions = (actionList?.rows ?? []).map((row, i) => ({
    owner: cells.people(cell(row, actionList!.map, "Owner"))[0],
    action: {
      action: judged[i].Name,
      due: cells.date(cell(row, actionList!.map, "Due"), "Due", tz).value,
      done: Boolean(judged[i].Done),
    },
  }));
  const meetings = meetingsTable?.map.Date ? readMeetings(meetingsTable, tz) : [];
  const dateOf = new Map(meetings.map(m => [m.id, m]));
  const ratings =
    ratingsTable?.map.Rating && meetings.length
      ? readRatings(ratingsTable, meetings).flatMap(x => {
          const meeting = x.meetingId ? dateOf.get(x.meetingId) : undefined;
          const rating = readRating(x.rating).value;
          return meeting && rating !== undefined
            ? [{attendee: x.attendee, date: meeting.date, rating: {meeting: meeting.name, rating, reason: x.reason}}]
            : [];
        })
      : [];
  const own: ReportSources = {keyResults: sources.keyResults, actions, ratings, seats, keyMetrics: resolved.metrics};

  const complete = entries.filter(e => e.details);
  const {pairs, findings} = oneOnOnes(complete.map(inputOf), asOf, r.defaultCadence);
  const byPair = new Map<string, LogEntry[]>();
  for (const e of complete) {
    const key = pairKey(label(e.leader!), label(e.report!));
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  const unread = unreadableText(sources.unreadable);
  const rows: OneOnOneRow[] = [];
  for (const p of pairs) {
    const key = pairKey(p.leader, p.report);
    const logged = byPair.get(key) ?? [];
    byPair.delete(key);
    if (!logged.length) continue;
    const last = logged.filter(e => e.date && e.date.getTime() === p.last.getTime()).at(-1);
    const report = logged[0].report!;
    const leader = logged[0].leader!;
    const problems = logged.flatMap(e => e.problems);
    let prompts: CoachingPrompt[] = [];
    let keyMetrics: ResolvedMetric[] = [];
    try {
      ({prompts, keyMetrics} = reportData(report, p.last, asOf, own));
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems.push(`No coaching questions: ${error.message}`);
    }
    const cadenceFrom = p.cadenceFrom === "Median" ? "Observed" : p.cadenceFrom;
    const overdue = findings.filter(f => f.startsWith(`${said(p.leader)}'s one-to-one with ${said(p.report)} `));
    const undated = logged.filter(e => !e.date).length;
    rows.push(
      compact({
        Id: stableId(docId, `one-on-one/${key}`),
        Name: pairName(p.leader, p.report),
        Summary: pairSummary(p, prompts.length, cadenceFrom, sources.unreadable),
        Kind: "One-to-one",
        Leader: personCell(leader),
        LeaderName: p.leader,
        Report: personCell(report),
        ReportName: p.report,
        Meetings: p.meetings,
        LastOneOnOne: isoDay(p.last),
        CadenceDays: p.cadenceDays,
        CadenceFrom: cadenceFrom,
        NextDue: isoDay(p.nextDue),
        Overdue: p.overdue,
        DaysOverdue: p.daysOverdue,
        Commitments: lines(p.carried),
        LastNotes: p.lastNotes || undefined,
        Prompts: lines(prompts.map(q => q.question)),
        PromptCount: prompts.length,
        KeyMetrics: lines(keyMetrics.map(keyMetricLine)),
        Findings: sentences([
          ...overdue,
          ...(undated
            ? [`${plural(undated, "one-to-one")} of the pair has no date: give each the day it took place.`]
            : []),
        ]),
        Unreadable: unread,
        Problems: sentences(problems),
        Link: last?.row.browserLink,
      }),
    );
  }
  // Pairs whose every one-to-one lacks a date: named, never dropped.
  for (const [key, logged] of byPair) {
    const {leader, report} = logged[0];
    rows.push(
      compact({
        Id: stableId(docId, `one-on-one/${key}`),
        Name: pairName(label(leader!), label(report!)),
        Summary: `${pairName(label(leader!), label(report!))}: no dated one-to-one yet.`,
        Kind: "One-to-one",
        Leader: personCell(leader),
        LeaderName: label(leader!),
        Report: personCell(report),
        ReportName: label(report!),
        Meetings: 0,
        Findings: `${plural(logged.length, "one-to-one")} of the pair has no date: give each the day it took place.`,
        Problems: sentences(logged.flatMap(e => e.problems)),
        Link: logged[0].row.browserLink,
      }),
    );
  }
  // Rows of the log with no leader or no report.
  for (const e of entries.filter(x => !x.details)) {
    const when = e.date ? ` of ${isoDay(e.date)}` : "";
    const name = `One-to-one${when}: ${e.leader ? label(e.leader) : "no leader"} → ${e.report ? label(e.report) : "no report"}`;
    const lacks = [e.leader ? "" : "a leader", e.report ? "" : "a report"].filter(Boolean).join(" or ");
    rows.push(
      compact({
        Id: stableId(docId, e.row.id),
        Name: name,
        Summary: `${name}: a row of the one-to-one log without ${lacks}, left out of every pair until it names one.`,
        Kind: "Incomplete row",
        Leader: personCell(e.leader),
        LeaderName: e.leader ? label(e.leader) : undefined,
        Report: personCell(e.report),
        ReportName: e.report ? label(e.report) : undefined,
        LastOneOnOne: e.date ? isoDay(e.date) : undefined,
        Problems: sentences(e.problems),
        Link: e.row.browserLink,
      }),
    );
  }
  return rows;
}

// ---------------------------------------------------------------- leader metrics

export interface LeaderMetricRequest extends SourceRequest {
  table: string;
  columns?: string;
}

function metricSummary(m: ResolvedMetric, leader: string, unread: readonly UnreadableDoc[]): string {
  const name = m.input.shortName || m.input.metric;
  const what = m.input.shortName && m.input.shortName !== m.input.metric ? ` ${said(m.input.metric)}` : "";
  const link = m.linked
    ? ` links to the ${m.linked.kind.toLowerCase()} ${said(m.linked.name)}: ${standing(m.linked)}.`
    : m.input.linkedTo
      ? ` links to ${said(m.input.linkedTo)}, which matches no health metric or key result.`
      : " is not linked to a health metric or key result.";
  const fix = m.findings.length ? ` ${plural(m.findings.length, "finding")} to fix.` : "";
  const judged = m.input.linkedTo && !m.linked ? without(unread) : "";
  return `${name}: ${said(leader)}'s key metric${what}${link}${fix}${judged}`;
}

export async function leaderMetricRows(
  context: coda.ExecutionContext,
  r: LeaderMetricRequest,
): Promise<LeaderMetricRow[]> {
  const {docId} = r;
  const [table, leadersTable, seatList] = await Promise.all([
    readTable(context, docId, r.table, LeaderMetricFields, {columns: r.columns}),
    readOptionalTable(context, docId, MeetingTables.leaders, relaxed(LeaderFields)),
    loadSeats(context, docId),
  ]);
  const people = new Directory();
  const roster: Who[] = [];
  for (const row of leadersTable?.map.Leader ? leadersTable.rows : []) {
    const who = people.add(cells.people(cell(row, leadersTable!.map, "Leader"))[0]);
    if (who) roster.push(who);
  }
  for (const s of seatList ?? []) {
    const who = people.add(s.person);
    if (who) roster.push(who);
  }
  const inputs = readKeyMetrics(table, people);
  const sources = await readSources(context, r, {
    keyResults: inputs.some(m => m.linkedTo),
    metrics: inputs.some(m => m.linkedTo),
  });
  const targets = targetsOf(sources);
  const rosterNames = [...new Set(roster.map(label))];
  const resolved = resolveKeyMetrics(inputs, targets, rosterNames, sources);
  const leaderFindings = new Map(resolved.leaders.map(l => [normalize(l.leader), l]));
  const unread = unreadableText(sources.unreadable);
  const rows: LeaderMetricRow[] = resolved.metrics.map(m => {
    const leader = m.input.leader ? label(m.input.leader) : undefined;
    const name = m.input.shortName || m.input.metric || cells.text(m.input.row.name) || "Unnamed metric";
    const summary = leader ? leaderFindings.get(normalize(leader)) : undefined;
    const findings = [...m.findings, ...(summary?.findings ?? [])];
    const unresolved = Boolean(m.input.linkedTo) && !m.linked;
    return compact({
      Id: stableId(docId, m.input.row.id),
      Name: name,
      Summary:
        leader && m.input.metric
          ? metricSummary({...m, findings}, leader, sources.unreadable)
          : `${name}: a row of the Leader Metrics table without ${leader ? "a metric" : "a leader"}, counted for no leader until it names one.`,
      Kind: "Key metric",
      Leader: personCell(m.input.leader),
      LeaderName: leader,
      Metric: m.input.metric || undefined,
      ShortName: m.input.shortName || undefined,
      LinkedTo: m.input.linkedTo || undefined,
      LinkedKind: m.linked ? m.linked.kind : unresolved ? "Not found" : undefined,
      Linked: m.linked?.name,
      Value: m.linked?.value,
      Unit: m.linked?.value !== undefined ? m.linked.unit : undefined,
      AsOf: m.linked?.asOf ? isoDay(m.linked.asOf) : undefined,
      Status: m.linked?.status,
      Progress: m.linked?.progress,
      MetricsKept: summary?.metrics,
      Findings: sentences(findings),
      Unreadable: unresolved ? unread : undefined,
      Problems: sentences(m.input.problems),
      Link: m.input.row.browserLink,
    });
  });
  // A leader on the roster who keeps no key metric: a row of their own.
  for (const l of resolved.leaders.filter(x => x.metrics === 0)) {
    const who = roster.find(p => normalize(label(p)) === normalize(l.leader));
    rows.push(
      compact({
        Id: stableId(docId, `leader/${normalize(l.leader)}`),
        Name: l.leader,
        Summary: `${l.leader} keeps no key metrics yet.`,
        Kind: "No key metrics",
        Leader: personCell(who),
        LeaderName: l.leader,
        MetricsKept: 0,
        Findings: sentences(l.findings),
      }),
    );
  }
  return rows;
}
