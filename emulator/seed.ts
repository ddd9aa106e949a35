import type {AlignmentSample} from "../sample/alignment";
import {sampleAlignment} from "../sample/alignment";
import type {MetricsSample} from "../sample/health";
import type {DisciplineSample, MeetingRecordSample} from "../sample/meeting_history";
import type {MeetingSample} from "../sample/meetings";
import type {Organization, Person} from "../sample/types";
import type {
  Cell,
  ColumnDef,
  ColumnType,
  DocRecord,
  FormattedText,
  PersonCell,
  RowRecord,
  TableRecord,
  TextRun,
} from "./model";
import {links} from "./model";
import type {TableBuilder} from "./seed_alignment";
import {alignmentTables} from "./seed_alignment";
import {coachingTables} from "./seed_coaching";
import {decisionTables} from "./seed_decision";
import {diagnosisTables} from "./seed_diagnosis";

/**
 * Lays an organization out as real docs: one strategy doc, one doc per team and a
 * leadership doc, with the tables and columns a facilitator would build. Some
 * doc ids hold `_` and `-`, and a few names carry formatting, as real docs do.
 */

export interface SeededOrganization {
  docs: DocRecord[];
  strategyDocId: string;
  leadershipDocId: string;
  teamDocIds: string[];
  /** A doc the organization's token may not open: it answers 404. */
  restrictedDocId: string;
  /** The CEO dashboard's doc, when metrics were given. */
  metricsDocId?: string;
  /** The leadership meeting's doc, when meetings were given. */
  meetingDocId?: string;
  people: PersonCell[];
}

const Created = "2026-09-15T09:00:00.000Z";

/** Ids such as `grid-st0001`, `c-st0002`: a kind, a prefix and a counter. */
export class Ids {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(kind: "grid" | "c" | "i" | "canvas"): string {
    this.n++;
    return `${kind}-${this.prefix}${this.n.toString(36).padStart(4, "0")}`;
  }
}

type ColumnSpec = [name: string, type: ColumnType, extra?: Partial<ColumnDef>];

function makeTable(ids: Ids, name: string, pageName: string, specs: ColumnSpec[]): TableRecord {
  const columns = specs.map(([columnName, type, extra], i) => ({
    id: ids.next("c"),
    name: columnName,
    type,
    display: i === 0,
    ...extra,
  }));
  return {
    id: ids.next("grid"),
    name,
    tableType: "table",
    pageId: ids.next("canvas"),
    pageName,
    columns,
    rows: [],
    createdAt: Created,
    updatedAt: Created,
  };
}

function addRow(
  ids: Ids,
  table: TableRecord,
  values: Record<string, Cell | undefined>,
  createdAt = Created,
): RowRecord {
  const map = new Map<string, Cell>();
  for (const [name, value] of Object.entries(values)) {
    const column = table.columns.find(c => c.name === name);
    if (!column) throw new Error(`Seed error: no column ${name} in ${table.name}`);
    if (value !== undefined) map.set(column.id, value);
  }
  const row = {id: ids.next("i"), values: map, createdAt, updatedAt: createdAt};
  table.rows.push(row);
  return row;
}

/**
 * Gives a table the Key column the pack writes each added row's key to, so a
 * retried write updates its row. Added after the rows, its id keeps the others'.
 */
function withKeyColumn(table: TableRecord): TableRecord {
  table.columns.push({id: `c-${table.id.replace(/^grid-/, "")}key`, name: "Key", type: "text"});
  return table;
}

/**
 * The Key Results columns that check-in reminders and carrying key results
 * forward use: how often each is checked in, the key result it was carried
 * from, and the Key column. Added after the rows, so every other id stays.
 */
function withHistoryColumns(table: TableRecord, org: Organization): TableRecord {
  const base = table.id.replace(/^grid-/, "");
  const cadence = {id: `c-${base}cad`, name: "Cadence", type: "text" as ColumnType};
  table.columns.push(cadence, {id: `c-${base}cfr`, name: "Carried From", type: "text"});
  const codeColumn = table.columns.find(c => c.name === "Code")!.id;
  for (const row of table.rows) {
    const kr = org.keyResults.find(k => k.id === row.values.get(codeColumn));
    if (kr?.cadence) row.values.set(cadence.id, kr.cadence);
  }
  return withKeyColumn(table);
}

/** The team's retrospective notes, one row per key result, in a table of their own (ids of its own too). */
function retrospectiveTable(t: number, keyResults: TableRecord, org: Organization): TableRecord {
  const ids = new Ids(`r${t.toString(36)}`);
  const table = makeTable(ids, "Retrospective", "OKRs", [
    ["Key Result", "lookup"],
    ["What Happened", "text"],
    ["What We Learnt", "text"],
  ]);
  table.columns[0].lookupTable = keyResults.id;
  const codeColumn = keyResults.columns.find(c => c.name === "Code")!.id;
  for (const note of org.retrospective ?? []) {
    const row = keyResults.rows.find(r => r.values.get(codeColumn) === note.keyResultId);
    if (row) {
      addRow(ids, table, {
        "Key Result": {rowId: row.id},
        "What Happened": note.happened,
        "What We Learnt": note.learnt,
      });
    }
  }
  return table;
}

const cellOf = (p: Person): PersonCell => ({name: p.name, email: p.email});

/** Names a maker formatted in the doc: served as Markdown in the rich format. */
const Formatting: Record<string, Omit<TextRun, "text">> = {
  "Grow ARR from $38M to $52M": {bold: true, link: "https://northstar.example.com/board/fy2026-plan"},
  "Make onboarding self-serve": {italic: true},
  "The director hiring pipeline is thin": {bold: true},
};

/** A name as the doc holds it: formatted if a maker formatted it, else plain text. */
function styled(name: string): string | FormattedText {
  const format = Formatting[name];
  return format ? {runs: [{text: name, ...format}]} : name;
}

/** Team doc ids: the second and fourth hold `_` and `-`; the first stays NsTeam001, which formula examples name. */
function teamDocId(t: number): string {
  if (t === 1) return "Ns_Team-002";
  if (t === 3) return "NsTeam-0_04";
  return `NsTeam${String(t + 1).padStart(3, "0")}`;
}

function doc(id: string, name: string, owner: Person, tables: TableRecord[]): DocRecord {
  return {id, name, owner: cellOf(owner), tables, createdAt: Created, updatedAt: Created};
}

export interface SeedOptions {
  /** Add rows with problems (text in a number column, a missing target, a lookup to nothing). */
  withBadRows?: boolean;
  /** The CEO dashboard's metrics and readings, served as a metrics doc. */
  metrics?: MetricsSample;
  /** The leadership meeting's records, served as a meeting doc. */
  meetings?: MeetingSample;
  /** The charter, risks, dependencies and executive sessions of the meeting doc; the sample's by default. */
  alignment?: AlignmentSample;
}

/** The leadership meeting as a doc: leaders, meetings and their items, issues, decisions, actions, back-briefs. */
function meetingDoc(org: Organization, sample: MeetingSample, remember: (p: Person) => PersonCell): DocRecord {
  const ids = new Ids("mt");
  const leaders = makeTable(ids, "Leaders", "Team", [
    ["Leader", "person"],
    ["Role", "text"],
    ["Seniority", "number"],
  ]);
  for (const l of sample.leaders) {
    addRow(ids, leaders, {Leader: remember(l.person), Role: l.role, Seniority: l.seniority});
  }
  const meetings = makeTable(ids, "Meetings", "Meetings", [
    ["Meeting", "text"],
    ["Date", "date"],
    ["Facilitator", "person"],
  ]);
  const items = makeTable(ids, "Agenda Items", "Meetings", [
    ["Item", "text"],
    ["Meeting", "lookup"],
    ["Kind", "select"],
    ["Minutes", "number"],
  ]);
  items.columns[1].lookupTable = meetings.id;
  for (const m of sample.meetings) {
    const row = addRow(ids, meetings, {
      Meeting: `Leadership meeting ${m.date}`,
      Date: m.date,
      Facilitator: remember(m.facilitator),
    });
    for (const [item, kind, minutes] of m.items) {
      addRow(ids, items, {Item: item, Meeting: {rowId: row.id}, Kind: kind, Minutes: minutes});
    }
  }
  const issues = makeTable(ids, "Issues", "Issues", [
    ["Issue", "text"],
    ["Priority", "select", {options: ["High", "Medium", "Low"]}],
    ["Owner", "person"],
    ["Source", "text"],
    ["Raised", "date"],
    ["Status", "select"],
  ]);
  const issueRow = new Map<string, string>();
  for (const i of sample.issues) {
    issueRow.set(
      i.title,
      addRow(
        ids,
        issues,
        {
          Issue: styled(i.title),
          Priority: i.priority,
          Owner: remember(i.owner),
          Source: i.source || undefined,
          Raised: i.raised,
          Status: i.status,
        },
        `${i.raised}T16:00:00.000Z`,
      ).id,
    );
  }
  const decisions = makeTable(ids, "Decisions", "Decisions", [
    ["Decision", "text"],
    ["Owner", "person", {isArray: true}],
    ["Approvers", "person", {isArray: true}],
    ["Consulted", "person", {isArray: true}],
    ["Lane", "select"],
    ["Date", "date"],
    ["Rationale", "canvas"],
    ["Rejected Alternatives", "text"],
    ["Assumptions", "text"],
    ["Review Date", "date"],
    ["Issue", "lookup"],
  ]);
  decisions.columns[10].lookupTable = issues.id;
  const decisionRow = new Map<string, string>();
  for (const d of sample.decisions) {
    const row = addRow(ids, decisions, {
      Decision: d.decision,
      Owner: d.owners.map(remember),
      Approvers: d.approvers.map(remember),
      Consulted: d.consulted.map(remember),
      Lane: d.lane,
      Date: d.date,
      Rationale: d.rationale,
      "Rejected Alternatives": d.rejected,
      Assumptions: d.assumptions,
      "Review Date": d.review,
      Issue: d.issue ? {rowId: issueRow.get(d.issue)!} : undefined,
    });
    decisionRow.set(d.decision, row.id);
  }
  // Statuses typed as Open are not among the options, as in a select whose options were changed since.
  const actions = makeTable(ids, "Action Items", "Actions", [
    ["Action", "text"],
    ["Owner", "person"],
    ["Due", "date"],
    ["Status", "select", {options: ["Not started", "In progress", "Done"]}],
    ["Source", "text"],
  ]);
  for (const a of sample.actions) {
    addRow(ids, actions, {Action: a.action, Owner: remember(a.owner), Due: a.due, Status: a.status, Source: a.source});
  }
  const backBriefs = makeTable(ids, "Back-briefs", "Alignment", [
    ["Leader", "person"],
    ["Will Do", "text"],
    ["How", "text"],
    ["Need", "text"],
    ["Objective", "text"],
  ]);
  for (const b of sample.backBriefs) {
    addRow(ids, backBriefs, {
      Leader: remember(b.leader),
      "Will Do": b.will,
      How: b.how,
      Need: b.need || undefined,
      Objective: b.objective || undefined,
    });
  }
  const rankings = makeTable(ids, "Priority Rankings", "Alignment", [
    ["Leader", "person"],
    ["Ranking", "text"],
  ]);
  for (const r of sample.rankings) addRow(ids, rankings, {Leader: remember(r.leader), Ranking: r.ranking});
  const messages = makeTable(ids, "Messages", "Meetings", [
    ["Message", "text"],
    ["Audience", "text"],
    ["Meeting Date", "date"],
  ]);
  for (const m of sample.messages) {
    addRow(ids, messages, {Message: m.message, Audience: m.audience, "Meeting Date": m.meeting});
  }
  return doc("NsMeet001", `${org.name} Leadership Meeting`, org.teams[0].lead, [
    leaders,
    meetings,
    items,
    withKeyColumn(issues),
    withKeyColumn(decisions),
    withKeyColumn(actions),
    backBriefs,
    rankings,
    messages,
  ]);
}

/**
 * Meeting discipline in the meeting doc: the Seats and Ratings tables, the
 * Meetings table's kind, attendance and timekeeping (and thirteen weeks of
 * meetings), the issues' votes, horizon, meetings carried and day solved, and
 * older action items and issues. With bad rows: a meeting with no date whose
 * ratings are out of range, not numbers, or low without a reason.
 */
function disciplineTables(
  meeting: DocRecord,
  sample: DisciplineSample,
  remember: (p: Person) => PersonCell,
  withBadRows: boolean,
): void {
  const ids = new Ids("md");
  const table = (name: string) => meeting.tables.find(t => t.name === name)!;
  const column = (t: TableRecord, name: string, type: ColumnType, extra: Partial<ColumnDef> = {}) =>
    t.columns.push({id: ids.next("c"), name, type, ...extra});
  const set = (t: TableRecord, row: RowRecord, values: Record<string, Cell | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined) row.values.set(t.columns.find(c => c.name === name)!.id, value);
    }
  };
  const plain = (cell: Cell | undefined) =>
    typeof cell === "string"
      ? cell
      : cell && typeof cell === "object" && "runs" in cell
        ? cell.runs.map(r => r.text).join("")
        : "";

  const seats = makeTable(ids, "Seats", "Team", [
    ["Seat", "text"],
    ["Person", "person"],
    ["Responsibilities", "text"],
    ["Reports To", "text"],
    ["Required In", "text"],
  ]);
  for (const s of sample.seats) {
    addRow(ids, seats, {
      Seat: s.seat,
      Person: s.person ? remember(s.person) : undefined,
      Responsibilities: s.responsibilities.join("\n"),
      "Reports To": s.reportsTo || undefined,
      "Required In": s.requiredIn.join(", "),
    });
  }

  const meetings = table("Meetings");
  const items = table("Agenda Items");
  column(meetings, "Kind", "select");
  column(meetings, "Attendees", "person", {isArray: true});
  column(meetings, "Started On Time", "checkbox");
  column(meetings, "Ended On Time", "checkbox");
  const dateOf = (row: RowRecord) => String(row.values.get(meetings.columns.find(c => c.name === "Date")!.id) ?? "");
  const ratings = makeTable(ids, "Ratings", "Meetings", [
    ["Meeting", "lookup"],
    ["Attendee", "person"],
    ["Rating", "number"],
    ["Reason", "text"],
  ]);
  ratings.columns[0].lookupTable = meetings.id;
  const record = (name: string, date: string | undefined, m: Omit<MeetingRecordSample, "date">) => {
    let row = date ? meetings.rows.find(r => dateOf(r) === date) : undefined;
    if (!row) {
      row = addRow(ids, meetings, {
        Meeting: name,
        Date: date,
        Facilitator: m.facilitator ? remember(m.facilitator) : undefined,
      });
      for (const [item, kind, minutes] of m.items ?? []) {
        addRow(ids, items, {Item: item, Meeting: {rowId: row.id}, Kind: kind, Minutes: minutes});
      }
    }
    set(meetings, row, {
      Kind: m.kind,
      Attendees: m.attendees.map(remember),
      "Started On Time": m.startedOnTime,
      "Ended On Time": m.endedOnTime,
    });
    return row;
  };
  for (const m of sample.meetings) {
    if (m.ratings.length !== m.attendees.length) {
      throw new Error(
        `Seed error: the meeting of ${m.date} has ${m.ratings.length} ratings for ${m.attendees.length} attendees`,
      );
    }
    const row = record(`${m.kind === "Weekly" ? "Leadership meeting" : `${m.kind} check-in`} ${m.date}`, m.date, m);
    m.ratings.forEach((rating, i) => {
      if (rating !== null) {
        addRow(ids, ratings, {
          Meeting: {rowId: row.id},
          Attendee: remember(m.attendees[i]),
          Rating: rating,
          Reason: rating < 8 ? m.reason : undefined,
        });
      }
    });
  }
  if (withBadRows) {
    const [ceo, finance, sales, product] = [sample.seats[0], sample.seats[2], sample.seats[1], sample.seats[4]].map(
      s => s.person!,
    );
    const row = record("Board prep session", undefined, {
      kind: "Executive session",
      attendees: [ceo, finance, sales, product],
      startedOnTime: true,
      endedOnTime: true,
      ratings: [],
      reason: "",
    });
    const bad: Array<[Person, Cell, string | undefined]> = [
      [ceo, 0, "Started without the numbers"],
      [finance, 11, undefined],
      [sales, "8/10", undefined],
      [product, 6, undefined],
    ];
    for (const [who, rating, reason] of bad) {
      addRow(ids, ratings, {Meeting: {rowId: row.id}, Attendee: remember(who), Rating: rating, Reason: reason});
    }
  }
  // Meetings as a doc lists them: the one without a date first, then by date.
  meetings.rows.sort((a, b) => dateOf(a).localeCompare(dateOf(b)));

  const issues = table("Issues");
  column(issues, "Votes", "person", {isArray: true});
  column(issues, "Horizon", "select");
  column(issues, "Carried", "number");
  column(issues, "Solved", "date");
  const issueName = issues.columns.find(c => c.name === "Issue")!.id;
  for (const row of issues.rows) {
    const extra = sample.issues[plain(row.values.get(issueName))];
    if (extra) {
      set(issues, row, {
        Votes: extra.votes.map(remember),
        Horizon: extra.horizon,
        Carried: extra.carried,
        Solved: extra.solved,
      });
    }
  }
  for (const i of sample.olderIssues) {
    addRow(
      ids,
      issues,
      {
        Issue: i.title,
        Priority: i.priority,
        Owner: remember(i.owner),
        Raised: i.raised,
        Status: "Solved",
        Horizon: "This week",
        Carried: i.carried,
        Solved: i.solved,
      },
      `${i.raised}T16:00:00.000Z`,
    );
  }
  const actions = table("Action Items");
  for (const a of sample.olderActions) {
    addRow(ids, actions, {Action: a.action, Owner: remember(a.owner), Due: a.due, Status: a.status, Source: a.source});
  }
  meeting.tables.push(seats, ratings);
}

/** The CEO dashboard as a doc: definitions, readings in long form, and a weekly scorecard in wide form. */
function metricsDoc(org: Organization, sample: MetricsSample, remember: (p: Person) => PersonCell): DocRecord {
  const ids = new Ids("mx");
  const definitions = makeTable(ids, "Metric Definitions", "Dashboard", [
    ["Metric", "text"],
    ["Area", "select"],
    ["Owner", "person"],
    ["Unit", "text"],
    ["Green At", "number"],
    ["Red At", "number"],
    ["Cadence", "select"],
  ]);
  const readings = makeTable(ids, "Metric Readings", "Dashboard", [
    ["Metric", "lookup"],
    ["Date", "date"],
    ["Value", "number"],
  ]);
  readings.columns[0].lookupTable = definitions.id;
  const rowOf = new Map<string, string>();
  for (const m of sample.definitions) {
    const row = addRow(ids, definitions, {
      Metric: m.name,
      Area: m.area,
      Owner: remember(m.owner),
      Unit: m.unit,
      "Green At": m.greenAt,
      "Red At": m.redAt,
      Cadence: m.cadence,
    });
    rowOf.set(m.id, row.id);
  }
  for (const r of sample.readings) {
    addRow(
      ids,
      readings,
      {Metric: {rowId: rowOf.get(r.metricId)!}, Date: r.date, Value: r.value},
      `${r.date}T18:00:00.000Z`,
    );
  }
  // The same first three metrics as a wide weekly scorecard: a date column and one column per metric.
  const wideMetrics = sample.definitions.slice(0, 3);
  const scorecard = makeTable(ids, "Weekly Scorecard", "Dashboard", [
    ["Week", "date"],
    ...wideMetrics.map(m => [m.name, "number"] as ColumnSpec),
  ]);
  const dates = [...new Set(sample.readings.map(r => r.date))].sort();
  for (const date of dates) {
    const values: Record<string, Cell | undefined> = {Week: date};
    for (const m of wideMetrics) {
      values[m.name] = sample.readings.find(r => r.metricId === m.id && r.date === date)?.value;
    }
    addRow(ids, scorecard, values);
  }
  return doc("Ns_Health-1", `${org.name} Health Dashboard`, org.teams[0].lead, [definitions, readings, scorecard]);
}

export function seedOrganization(org: Organization, options: SeedOptions = {}): SeededOrganization {
  const people = new Map<string, PersonCell>();
  const remember = (p: Person) => {
    people.set(p.email, cellOf(p));
    return cellOf(p);
  };

  // Strategy doc.
  const strategyId = "NsStrat01";
  const sIds = new Ids("st");
  const imperativesTable = makeTable(sIds, "Strategic Imperatives", "Strategy", [
    ["Imperative", "text"],
    ["Code", "text"],
    ["Owner", "person"],
    ["Description", "text"],
  ]);
  const goalsTable = makeTable(sIds, "Annual Goals", "Strategy", [
    ["Goal", "text"],
    ["Code", "text"],
    ["Imperative", "lookup"],
    ["Owner", "person"],
    ["Fiscal Year", "number"],
  ]);
  goalsTable.columns[2].lookupTable = imperativesTable.id;
  const imperativeRow = new Map<string, string>();
  for (const i of org.imperatives) {
    const owner = [...org.teams.map(t => t.lead)].find(p => p.name === i.owner) ?? {
      name: i.owner,
      email: `${i.owner.split(" ")[0].toLowerCase()}@northstar.example.com`,
    };
    imperativeRow.set(
      i.id,
      addRow(sIds, imperativesTable, {
        Imperative: i.name,
        Code: i.id,
        Owner: remember(owner),
        Description: i.description,
      }).id,
    );
  }
  const goalRow = new Map<string, string>();
  for (const g of org.goals) {
    const owner = org.teams.map(t => t.lead).find(p => p.name === g.owner) ?? {
      name: g.owner,
      email: `${g.owner.split(" ")[0].toLowerCase()}@northstar.example.com`,
    };
    const row = addRow(sIds, goalsTable, {
      Goal: styled(g.name),
      Code: g.id,
      Imperative: {rowId: imperativeRow.get(g.imperativeId)!},
      Owner: remember(owner),
      "Fiscal Year": g.fiscalYear,
    });
    goalRow.set(g.id, row.id);
  }
  const strategy = doc(strategyId, `${org.name} Strategy`, org.teams[0].lead, [imperativesTable, goalsTable]);

  // Team docs.
  const teamDocs: DocRecord[] = [];
  org.teams.forEach((team, t) => {
    const docId = teamDocId(t);
    const ids = new Ids(`t${t.toString(36)}`);
    // The team's copy of the strategy: the pack's AnnualGoals sync table.
    const synced = makeTable(ids, "Annual Goals", "Strategy", [
      ["Goal", "text"],
      ["Goal Id", "text"],
      ["Code", "text"],
    ]);
    const localGoal = new Map<string, string>();
    for (const g of org.goals) {
      localGoal.set(
        g.id,
        addRow(ids, synced, {Goal: g.name, "Goal Id": `${strategyId}/${goalRow.get(g.id)}`, Code: g.id}).id,
      );
    }
    const objectives = makeTable(ids, "Objectives", "OKRs", [
      ["Objective", "text"],
      ["Code", "text"],
      ["Owner", "person"],
      ["Team", "text"],
      ["Cycle", "text"],
      ["Goals", "lookup", {isArray: true}],
    ]);
    objectives.columns[5].lookupTable = synced.id;
    const keyResults = makeTable(ids, "Key Results", "OKRs", [
      ["Key Result", "text"],
      ["Code", "text"],
      ["Objective", "lookup"],
      ["Owner", "person"],
      ["Start", "number"],
      ["Target", "number"],
      ["Current", "number"],
      ["Kind", "select"],
      ["Confidence", "percent"],
      ["Weight", "number"],
      ["Unit", "text"],
    ]);
    keyResults.columns[2].lookupTable = objectives.id;
    const checkIns = makeTable(ids, "Check-ins", "OKRs", [
      ["Note", "text"],
      ["Key Result", "lookup"],
      ["Date", "date"],
      ["Value", "number"],
      ["Confidence", "percent"],
    ]);
    checkIns.columns[1].lookupTable = keyResults.id;

    const objectiveRow = new Map<string, string>();
    for (const o of org.objectives.filter(x => x.teamId === team.id)) {
      const goals = o.goalIds
        .map(g => localGoal.get(g))
        .filter((x): x is string => Boolean(x))
        .map(rowId => ({rowId}));
      const broken = o.goalIds.filter(g => !localGoal.has(g));
      // A goal that no longer exists in the strategy doc survives only as text in the lookup.
      const cell: Cell = goals.length || broken.length ? [...goals, ...broken] : null;
      objectiveRow.set(
        o.id,
        addRow(ids, objectives, {
          Objective: styled(o.name),
          Code: o.id,
          Owner: remember(o.owner),
          Team: team.name,
          Cycle: o.cycle,
          Goals: cell,
        }).id,
      );
    }
    for (const k of org.keyResults.filter(x => objectiveRow.has(x.objectiveId))) {
      const row = addRow(ids, keyResults, {
        "Key Result": k.name,
        Code: k.id,
        Objective: {rowId: objectiveRow.get(k.objectiveId)!},
        Owner: remember(k.owner),
        Start: k.start,
        Target: k.target,
        Current: k.current,
        Kind: k.kind,
        Confidence: k.confidence,
        Weight: k.weight,
        Unit: k.unit,
      });
      for (const c of k.checkIns) {
        addRow(
          ids,
          checkIns,
          {Note: c.note, "Key Result": {rowId: row.id}, Date: c.date, Value: c.value, Confidence: c.confidence},
          `${c.date}T17:00:00.000Z`,
        );
      }
    }
    if (options.withBadRows && t === 1) {
      const objective = objectives.rows[0];
      addRow(ids, keyResults, {
        "Key Result": "Webinar attendees",
        Code: "KR-X1",
        Objective: {rowId: objective.id},
        Owner: remember(team.lead),
        Start: 0,
        Target: 500,
        Current: "about 40",
        Kind: "Auto",
        Confidence: 0.6,
        Weight: 1,
        Unit: "people",
      });
      addRow(ids, keyResults, {
        "Key Result": "Analyst briefings held",
        Code: "KR-X2",
        Objective: {rowId: objective.id},
        Owner: remember(team.lead),
        Start: 0,
        Current: 2,
        Kind: "Auto",
        Confidence: 0.7,
        Weight: 1,
        Unit: "briefings",
      });
      addRow(ids, keyResults, {
        "Key Result": "Case studies published",
        Code: "KR-X3",
        Objective: null,
        Owner: remember(team.lead),
        Start: 0,
        Target: 6,
        Current: 1,
        Kind: "Auto",
        Confidence: 0.5,
        Weight: 1,
        Unit: "stories",
      });
    }
    teamDocs.push(
      doc(docId, `${team.name} OKRs`, team.lead, [
        synced,
        withKeyColumn(objectives),
        withHistoryColumns(keyResults, org),
        withKeyColumn(checkIns),
        retrospectiveTable(t, keyResults, org),
      ]),
    );
  });

  // Leadership doc: where the leaders pull everything up.
  const lIds = new Ids("ld");
  const teamList = makeTable(lIds, "Teams", "Setup", [
    ["Team", "text"],
    ["Lead", "person"],
    ["Team Doc", "text"],
  ]);
  org.teams.forEach((team, t) =>
    addRow(lIds, teamList, {Team: team.name, Lead: remember(team.lead), "Team Doc": links.address(teamDocs[t])}),
  );
  const leadership = doc("NsLead001", `${org.name} Leadership Team`, org.teams[0].lead, [teamList]);

  const metrics = options.metrics ? metricsDoc(org, options.metrics, remember) : undefined;
  const meeting = options.meetings ? meetingDoc(org, options.meetings, remember) : undefined;
  if (meeting && options.meetings?.discipline) {
    disciplineTables(meeting, options.meetings.discipline, remember, Boolean(options.withBadRows));
  }
  if (meeting) {
    const aIds = new Ids("al");
    const build = {
      table: (name: string, page: string, specs: ColumnSpec[]) => makeTable(aIds, name, page, specs),
      row: (t: TableRecord, v: Record<string, Cell | undefined>) => addRow(aIds, t, v),
      person: remember,
    };
    meeting.tables.push(
      ...alignmentTables(
        options.alignment ?? sampleAlignment(),
        build,
        meeting.tables.find(t => t.name === "Decisions"),
      ),
    );
    // The executive sessions' working tables, each area with ids of its own so no other id moves.
    const builder = (prefix: string): TableBuilder => {
      const ids = new Ids(prefix);
      return {
        table: (name, page, specs) => makeTable(ids, name, page, specs),
        row: (t, v) => addRow(ids, t, v),
        person: remember,
      };
    };
    meeting.tables.push(
      ...diagnosisTables(builder("dx")),
      ...decisionTables(builder("dc"), meeting.tables),
      ...coachingTables(builder("co")),
    );
  }

  const restricted = doc("NsBoard01", "Board Minutes", org.teams[0].lead, [
    makeTable(new Ids("bd"), "Minutes", "Board", [["Title", "text"]]),
  ]);

  return {
    docs: [strategy, ...teamDocs, leadership, ...(metrics ? [metrics] : []), ...(meeting ? [meeting] : []), restricted],
    strategyDocId: strategyId,
    leadershipDocId: leadership.id,
    teamDocIds: teamDocs.map(d => d.id),
    restrictedDocId: restricted.id,
    metricsDocId: metrics?.id,
    meetingDocId: meeting?.id,
    people: [...people.values()],
  };
}
