import type * as coda from "@codahq/packs-sdk";
import type {ActionItemSchema, BackBriefSchema, DecisionSchema, IssueSchema} from "../../schemas/meetings";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {LaneAnswer} from "../engine/charter";
import {laneCheck} from "../engine/charter";
import {decisionCheck} from "../engine/meetings";
import type {Seat} from "../engine/seats";
import {noSeatFinding, seatOf} from "../engine/seats";
import type {PersonRow} from "./people";
import {personRows} from "./people";
import type {TableRows} from "./source";
import {cell, compact, stableId} from "./source";
import {actionSummary, decisionSummary, issueSummary} from "../agent/narrative";
import type {ActionFields, BackBriefFields, DecisionFields, IssueFields} from "./tables";

/**
 * The rows of the meeting doc's sync tables, built from its tables: the issues
 * list ranked for solving, the decision log, action items and back-briefs. The
 * actions that add a row return it through the same builders.
 */

const names = (value: unknown) => cells.people(value).map(p => p.name || p.email);
const text = (list: readonly string[]) => (list.length ? list.join(" ") : undefined);

export type IssueRow = coda.SchemaType<typeof IssueSchema>;
export type DecisionRow = coda.SchemaType<typeof DecisionSchema>;
export type ActionItemRow = coda.SchemaType<typeof ActionItemSchema>;
export type BackBriefRow = coda.SchemaType<typeof BackBriefSchema>;

/** A table of the meeting doc as the read path gives it. */

// ---------------------------------------------------------------- issues

export interface IssueRecord {
  id: string;
  name: string;
  priority: number;
  priorityLabel: string;
  owner?: PersonRow;
  /** The owner's name, also when typed without an email. */
  ownerName?: string;
  sourceKind: string;
  source: string;
  sourceLink?: string;
  raised?: Day;
  status: string;
  open: boolean;
  link: string;
  problems: string[];
  /** How many people voted for it, and who. */
  votes: number;
  voters: string[];
  horizon: IssueHorizon;
  /** How many meetings it was carried over. */
  carried?: number;
  /** Open and carried over at least StuckAfter meetings. */
  stuck: boolean;
}

export const IssueHorizons = ["This week", "Long term"] as const;
export type IssueHorizon = (typeof IssueHorizons)[number];
/** An open issue carried over this many meetings is stuck. */
export const StuckAfter = 3;

const HorizonWords: Record<string, IssueHorizon> = {
  thisweek: "This week",
  week: "This week",
  weekly: "This week",
  shortterm: "This week",
  now: "This week",
  longterm: "Long term",
  quarterly: "Long term",
  later: "Long term",
  parkinglot: "Long term",
  nextquarter: "Long term",
};

/** Votes from a people cell (one vote each) or a number cell (the count). */
function readVotes(value: unknown, problems: string[]): {votes: number; voters: string[]} {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0) return {votes: value, voters: []};
    problems.push(`Votes is ${value}: give the voters, or a whole number of votes.`);
    return {votes: 0, voters: []};
  }
  const voters = cells.people(value).flatMap(p =>
    p.email
      ? [p.name || p.email]
      : p.name
          .split(",")
          .map(n => n.trim())
          .filter(Boolean),
  );
  return {votes: new Set(voters).size, voters: [...new Set(voters)]};
}

const PriorityWords: Record<string, number> = {
  high: 1,
  urgent: 1,
  critical: 1,
  p1: 1,
  medium: 2,
  normal: 2,
  p2: 2,
  low: 3,
  p3: 3,
};
const ClosedWords = ["solved", "done", "closed", "resolved", "dropped", "parked"];

export function sourceKind(source: string): string {
  const s = source.toLowerCase();
  if (!s.trim()) return "Raised by hand";
  if (s.includes("metric")) return "Hot metric";
  if (s.includes("key result") || /\bkr\b/.test(s)) return "Off-track key result";
  return "Other";
}

export function readIssues(
  {docId, rows, map}: TableRows<FieldName<typeof IssueFields>>,
  timezone?: string,
): IssueRecord[] {
  const records = rows.map(row => {
    const problems: string[] = [];
    const get = (f: FieldName<typeof IssueFields>) => cell(row, map, f);
    const rawPriority = cells.text(get("Priority"));
    const asNumber = Number(rawPriority);
    let priority =
      PriorityWords[normalize(rawPriority)] ??
      (Number.isInteger(asNumber) && asNumber >= 1 ? Math.min(asNumber, 3) : undefined);
    if (priority === undefined) {
      if (rawPriority) problems.push(`Priority "${rawPriority}" is not High, Medium, Low or 1–3; Medium is assumed.`);
      priority = 2;
    }
    const source = cells.text(get("Source"));
    const link = cells.url(get("Source"));
    const raised = cells.date(get("Raised"), "Raised", timezone);
    if (raised.problem) problems.push(raised.problem);
    const status = cells.text(get("Status")) || "Open";
    const open = !ClosedWords.includes(status.toLowerCase());
    const {votes, voters} = readVotes(get("Votes"), problems);
    const rawHorizon = cells.text(get("Horizon"));
    const horizon = rawHorizon ? HorizonWords[normalize(rawHorizon)] : "This week";
    if (!horizon) {
      problems.push(`Horizon "${rawHorizon.slice(0, 30)}" is not This week or Long term; This week is assumed.`);
    }
    const carriedCell = cells.number(get("Carried"), "Carried");
    let carried = carriedCell.value;
    if (carriedCell.problem) problems.push(carriedCell.problem);
    if (carried !== undefined && !(Number.isInteger(carried) && carried >= 0)) {
      problems.push(`Carried is ${carried}: give the whole number of meetings it was carried over.`);
      carried = undefined;
    }
    return {
      id: stableId(docId, row.id),
      name: cells.text(get("Name")) || cells.text(row.name),
      priority,
      priorityLabel: ["High", "Medium", "Low"][priority - 1],
      owner: personRows(get("Owner"))[0],
      ownerName: cells.people(get("Owner"))[0]?.name,
      sourceKind: sourceKind(source),
      source,
      sourceLink: link,
      raised: raised.value,
      status,
      open,
      link: row.browserLink,
      problems: [
        ...problems,
        ...(cells.people(get("Owner")).length
          ? []
          : ["No owner: every issue needs one person to bring it to the meeting."]),
      ],
      votes,
      voters,
      horizon: horizon ?? "This week",
      carried,
      stuck: open && (carried ?? 0) >= StuckAfter,
    };
  });
  // Ordered for solving: open issues first, then by priority, then what the health
  // dashboard and the OKRs raised, then the oldest.
  const urgency = (i: IssueRecord) => ["Hot metric", "Off-track key result"].indexOf(i.sourceKind) + 1 || 3;
  return records.sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      a.priority - b.priority ||
      urgency(a) - urgency(b) ||
      (a.raised && b.raised ? a.raised.getTime() - b.raised.getTime() : 0),
  );
}

export function issueRows(records: readonly IssueRecord[], asOf: Day): IssueRow[] {
  return records.map((i, index): IssueRow =>
    compact({
      Id: i.id,
      Name: i.name,
      Summary: issueSummary({
        name: i.name,
        priority: i.priorityLabel,
        owner: i.ownerName,
        source: i.sourceKind,
        raised: i.raised && isoDay(i.raised),
        ageDays: i.raised && Math.max(0, daysBetween(i.raised, asOf)),
        status: i.status,
        open: i.open,
      }),
      Rank: index + 1,
      Priority: i.priorityLabel,
      Owner: i.owner,
      Source: i.sourceKind,
      SourceDetail: i.source || undefined,
      SourceLink: i.sourceLink,
      Raised: i.raised ? isoDay(i.raised) : undefined,
      AgeDays: i.raised ? Math.max(0, daysBetween(i.raised, asOf)) : undefined,
      Status: i.status,
      Open: i.open,
      Problems: text(i.problems),
      Votes: i.votes,
      Voters: i.voters.join(", ") || undefined,
      Horizon: i.horizon,
      Carried: i.carried,
      Stuck: i.stuck,
      Findings: i.stuck ? stuckFinding(i.carried!) : undefined,
      Link: i.link,
    }),
  );
}

/** The finding on a stuck issue, on its row and on the agenda. */
export function stuckFinding(carried: number): string {
  return `Stuck: carried over ${carried} meetings. Break it into a smaller issue, decide it, or drop it.`;
}

// ---------------------------------------------------------------- decisions

/** The "owner has no seat" problem, when the doc has a Seats table and the owner holds none of its seats. */
function seatProblem(owner: PersonRow | undefined, seats: readonly Seat[] | undefined): string[] {
  if (!seats || !owner) return [];
  return seatOf({name: owner.Name, email: owner.Email}, seats) ? [] : [noSeatFinding(owner.Name)];
}

export function decisionRows(
  {docId, rows, map}: TableRows<FieldName<typeof DecisionFields>>,
  asOf: Day,
  judge: {seats?: readonly Seat[]; lanes?: readonly LaneAnswer[]} = {},
  timezone?: string,
): DecisionRow[] {
  return rows.map((row): DecisionRow => {
    const get = (f: FieldName<typeof DecisionFields>) => cell(row, map, f);
    const problems: string[] = [];
    const review = cells.date(get("ReviewDate"), "Review Date", timezone);
    const date = cells.date(get("Date"), "Date", timezone);
    for (const r of [review, date]) if (r.problem) problems.push(r.problem);
    for (const p of personRows(get("Owner"))) problems.push(...seatProblem(p, judge.seats));
    const kind = cells.text(get("Kind"));
    const checks = [
      ...decisionCheck(names(get("Owner")), names(get("Approvers")), names(get("Consulted"))),
      ...laneCheck(
        {owners: names(get("Owner")), approvers: names(get("Approvers")), consulted: names(get("Consulted")), kind},
        judge.lanes ?? [],
      ),
    ];
    const met = get("FailureMet");
    const failureMet = cells.flag(met, "Failure Met", {yes: ["met"]}).value ?? false;
    const dueForReview = review.value ? daysBetween(review.value, asOf) >= 0 : false;
    const issue = cells.refs(get("Issue"))[0];
    return compact({
      Id: stableId(docId, row.id),
      Name: cells.text(get("Name")) || cells.text(row.name),
      Summary: decisionSummary({
        name: cells.text(get("Name")) || cells.text(row.name),
        owners: names(get("Owner")),
        approvers: names(get("Approvers")),
        lane: cells.text(get("Lane")),
        date: date.value && isoDay(date.value),
        reviewDate: review.value && isoDay(review.value),
        dueForReview,
        problems: checks,
      }),
      Owner: personRows(get("Owner"))[0],
      Owners:
        personRows(get("Owner")).length > 1
          ? personRows(get("Owner"))
              .map(p => p.Name)
              .join(", ")
          : undefined,
      Approvers: names(get("Approvers")).join(", ") || undefined,
      Consulted: names(get("Consulted")).join(", ") || undefined,
      Lane: cells.text(get("Lane")) || undefined,
      Date: date.value ? isoDay(date.value) : undefined,
      Rationale: cells.text(get("Rationale")) || undefined,
      RejectedAlternatives: cells.text(get("RejectedAlternatives")) || undefined,
      Assumptions: cells.text(get("Assumptions")) || undefined,
      ReviewDate: review.value ? isoDay(review.value) : undefined,
      DueForReview: dueForReview,
      Issue: issue?.rowId ? {Id: stableId(docId, issue.rowId), Name: issue.name || "Not found"} : undefined,
      Kind: kind || undefined,
      FailureConditions: cells.text(get("FailureConditions")) || undefined,
      // Shown only when true, so a log without failure conditions reads as before.
      FailureMet: failureMet || undefined,
      Hot: (dueForReview && failureMet) || undefined,
      Check: text(checks),
      Problems: text(problems),
      Link: row.browserLink,
    });
  });
}

// ---------------------------------------------------------------- action items

const DoneWords = ["done", "complete", "completed", "closed", "true", "yes"];

export function actionRows(
  {docId, rows, map}: TableRows<FieldName<typeof ActionFields>>,
  asOf: Day,
  seats?: readonly Seat[],
  timezone?: string,
): ActionItemRow[] {
  const items = rows.map(row => {
    const get = (f: FieldName<typeof ActionFields>) => cell(row, map, f);
    const problems: string[] = [];
    const due = cells.date(get("Due"), "Due", timezone);
    if (due.problem) problems.push(due.problem);
    const statusCell = get("Status");
    const status = typeof statusCell === "boolean" ? (statusCell ? "Done" : "Open") : cells.text(statusCell) || "Open";
    const done = DoneWords.includes(status.toLowerCase());
    const owner = personRows(get("Owner"))[0];
    // A name typed without an email is an owner too; the person column needs the email.
    const ownerName = owner?.Name ?? cells.people(get("Owner"))[0]?.name;
    if (!ownerName) problems.push("No owner: every action needs one person.");
    problems.push(...seatProblem(owner, seats));
    if (!due.value && !due.problem) problems.push("No due date.");
    return {row, owner, ownerName, status, done, due: due.value, problems, source: cells.text(get("Source"))};
  });
  const byOwner = new Map<string, {done: number; total: number}>();
  const ownerKey = (i: (typeof items)[number]) => i.owner?.Email ?? (i.ownerName ? normalize(i.ownerName) : undefined);
  for (const i of items) {
    const key = ownerKey(i);
    if (!key) continue;
    const s = byOwner.get(key) ?? {done: 0, total: 0};
    s.total++;
    if (i.done) s.done++;
    byOwner.set(key, s);
  }
  return items.map((i): ActionItemRow => {
    const key = ownerKey(i);
    const rate = key ? byOwner.get(key)! : undefined;
    return compact({
      Id: stableId(docId, i.row.id),
      Name: cells.text(cell(i.row, map, "Name")) || cells.text(i.row.name),
      Summary: actionSummary({
        name: cells.text(cell(i.row, map, "Name")) || cells.text(i.row.name),
        owner: i.ownerName,
        due: i.due && isoDay(i.due),
        status: i.status,
        done: i.done,
        daysOverdue: i.due && daysBetween(i.due, asOf),
        source: i.source,
      }),
      Owner: i.owner,
      Due: i.due ? isoDay(i.due) : undefined,
      Status: i.status,
      Done: i.done,
      Overdue: !i.done && i.due !== undefined && daysBetween(i.due, asOf) > 0,
      DaysOverdue:
        !i.done && i.due !== undefined && daysBetween(i.due, asOf) > 0 ? daysBetween(i.due, asOf) : undefined,
      Source: i.source || undefined,
      OwnerCompletionRate: rate ? rate.done / rate.total : undefined,
      Problems: text(i.problems),
      Link: i.row.browserLink,
    });
  });
}

// ---------------------------------------------------------------- back-briefs

export function backBriefRows({docId, rows, map}: TableRows<FieldName<typeof BackBriefFields>>): BackBriefRow[] {
  return rows.map((row): BackBriefRow => {
    const get = (f: FieldName<typeof BackBriefFields>) => cell(row, map, f);
    const leader = personRows(get("Leader"))[0];
    const will = cells.text(get("WillDo"));
    const need = cells.text(get("Need"));
    const objective = cells.text(get("Objective"));
    const gaps: string[] = [];
    if (!will) gaps.push("No intent stated: what will you do?");
    if (!cells.text(get("How"))) gaps.push("No approach: how will you do it?");
    if (!need) gaps.push("No need stated: what do you need from the team?");
    if (!objective) gaps.push("No linked objective: which objective does this serve?");
    return compact({
      Id: stableId(docId, row.id),
      Name: `${leader?.Name ?? (cells.text(get("Leader")) || "Unnamed leader")}: ${will || "no intent stated"}`,
      Leader: leader,
      WillDo: will || undefined,
      How: cells.text(get("How")) || undefined,
      Need: need || undefined,
      Objective: objective || undefined,
      Gaps: text(gaps),
      Complete: gaps.length === 0,
      Link: row.browserLink,
    });
  });
}
