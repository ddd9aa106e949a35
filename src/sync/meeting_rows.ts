import type * as coda from "@codahq/packs-sdk";
import type {ActionItemSchema, BackBriefSchema, DecisionSchema, IssueSchema} from "../../schemas/meetings";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import type {LaneAnswer} from "../engine/charter";
import {laneCheck} from "../engine/charter";
import {decisionCheck} from "../engine/meetings";
import type {FieldName} from "./fields";
import type {ActionFields, BackBriefFields, DecisionFields, IssueFields} from "./fields";
import type {SourceTable} from "./source";
import {cell, compact, stableId} from "./source";

/**
 * The rows of the meeting doc's sync tables, built from its tables: the issues
 * list ranked for solving, the decision log, action items and back-briefs. The
 * actions that add a row return it through the same builders.
 */

type PersonRow = {Name: string; Email: string};
const personRows = (value: unknown): PersonRow[] => cells.people(value).filter(p => p.email).map(p => ({Name: p.name || p.email, Email: p.email}));
const names = (value: unknown) => cells.people(value).map(p => p.name || p.email);
const text = (list: readonly string[]) => (list.length ? list.join(" ") : undefined);

export type IssueRow = coda.SchemaType<typeof IssueSchema>;
export type DecisionRow = coda.SchemaType<typeof DecisionSchema>;
export type ActionItemRow = coda.SchemaType<typeof ActionItemSchema>;
export type BackBriefRow = coda.SchemaType<typeof BackBriefSchema>;

/** A table of the meeting doc as the read path gives it. */
type Table<F extends string> = Pick<SourceTable<F>, "docId" | "rows" | "map">;

// ---------------------------------------------------------------- issues

export interface IssueRecord {
  id: string;
  name: string;
  priority: number;
  priorityLabel: string;
  owner?: PersonRow;
  sourceKind: string;
  source: string;
  sourceLink?: string;
  raised?: Day;
  status: string;
  open: boolean;
  link: string;
  problems: string[];
}

const PriorityWords: Record<string, number> = {high: 1, urgent: 1, critical: 1, p1: 1, medium: 2, normal: 2, p2: 2, low: 3, p3: 3};
const ClosedWords = ["solved", "done", "closed", "resolved", "dropped", "parked"];

export function sourceKind(source: string): string {
  const s = source.toLowerCase();
  if (!s.trim()) return "Raised by hand";
  if (s.includes("metric")) return "Hot metric";
  if (s.includes("key result") || /\bkr\b/.test(s)) return "Off-track key result";
  return "Other";
}

export function readIssues({docId, rows, map}: Table<FieldName<typeof IssueFields>>): IssueRecord[] {
  const records = rows.map(row => {
    const problems: string[] = [];
    const get = (f: FieldName<typeof IssueFields>) => cell(row, map, f);
    const rawPriority = cells.text(get("Priority"));
    const asNumber = Number(rawPriority);
    let priority = PriorityWords[normalize(rawPriority)] ?? (Number.isInteger(asNumber) && asNumber >= 1 ? Math.min(asNumber, 3) : undefined);
    if (priority === undefined) {
      if (rawPriority) problems.push(`Priority "${rawPriority}" is not High, Medium, Low or 1–3; Medium is assumed.`);
      priority = 2;
    }
    const source = cells.text(get("Source"));
    const link = /(https?:\/\/\S+)/.exec(source)?.[1];
    const raised = cells.date(get("Raised"), "Raised");
    if (raised.problem) problems.push(raised.problem);
    const status = cells.text(get("Status")) || "Open";
    return {
      id: stableId(docId, row.id),
      name: cells.text(get("Name")) || cells.text(row.name),
      priority,
      priorityLabel: ["High", "Medium", "Low"][priority - 1],
      owner: personRows(get("Owner"))[0],
      sourceKind: sourceKind(source),
      source,
      sourceLink: link,
      raised: raised.value,
      status,
      open: !ClosedWords.includes(status.toLowerCase()),
      link: row.browserLink,
      problems: [...problems, ...(personRows(get("Owner")).length ? [] : ["No owner: every issue needs one person to bring it to the meeting."])],
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
      Link: i.link,
    }),
  );
}

// ---------------------------------------------------------------- decisions

export function decisionRows({docId, rows, map}: Table<FieldName<typeof DecisionFields>>, asOf: Day, lanes: readonly LaneAnswer[] = []): DecisionRow[] {
  return rows.map((row): DecisionRow => {
    const get = (f: FieldName<typeof DecisionFields>) => cell(row, map, f);
    const problems: string[] = [];
    const review = cells.date(get("ReviewDate"), "Review Date");
    const date = cells.date(get("Date"), "Date");
    for (const r of [review, date]) if (r.problem) problems.push(r.problem);
    const kind = cells.text(get("Kind"));
    const checks = [
      ...decisionCheck(names(get("Owner")), names(get("Approvers")), names(get("Consulted"))),
      ...laneCheck({owners: names(get("Owner")), approvers: names(get("Approvers")), consulted: names(get("Consulted")), kind}, lanes),
    ];
    const met = get("FailureMet");
    const failureMet = typeof met === "boolean" ? met : ["true", "yes", "met"].includes(cells.text(met).toLowerCase());
    const dueForReview = review.value ? daysBetween(review.value, asOf) >= 0 : false;
    const issue = cells.refs(get("Issue"))[0];
    return compact({
      Id: stableId(docId, row.id),
      Name: cells.text(get("Name")) || cells.text(row.name),
      Owner: personRows(get("Owner"))[0],
      Owners: personRows(get("Owner")).length > 1 ? personRows(get("Owner")).map(p => p.Name).join(", ") : undefined,
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

export function actionRows({docId, rows, map}: Table<FieldName<typeof ActionFields>>, asOf: Day): ActionItemRow[] {
  const items = rows.map(row => {
    const get = (f: FieldName<typeof ActionFields>) => cell(row, map, f);
    const problems: string[] = [];
    const due = cells.date(get("Due"), "Due");
    if (due.problem) problems.push(due.problem);
    const statusCell = get("Status");
    const status = typeof statusCell === "boolean" ? (statusCell ? "Done" : "Open") : cells.text(statusCell) || "Open";
    const done = DoneWords.includes(status.toLowerCase());
    const owner = personRows(get("Owner"))[0];
    if (!owner) problems.push("No owner: every action needs one person.");
    if (!due.value && !due.problem) problems.push("No due date.");
    return {row, owner, status, done, due: due.value, problems, source: cells.text(get("Source"))};
  });
  const byOwner = new Map<string, {done: number; total: number}>();
  for (const i of items) {
    if (!i.owner) continue;
    const s = byOwner.get(i.owner.Email) ?? {done: 0, total: 0};
    s.total++;
    if (i.done) s.done++;
    byOwner.set(i.owner.Email, s);
  }
  return items.map((i): ActionItemRow => {
    const rate = i.owner ? byOwner.get(i.owner.Email)! : undefined;
    return compact({
      Id: stableId(docId, i.row.id),
      Name: cells.text(cell(i.row, map, "Name")) || cells.text(i.row.name),
      Owner: i.owner,
      Due: i.due ? isoDay(i.due) : undefined,
      Status: i.status,
      Done: i.done,
      Overdue: !i.done && i.due !== undefined && daysBetween(i.due, asOf) > 0,
      DaysOverdue: !i.done && i.due !== undefined && daysBetween(i.due, asOf) > 0 ? daysBetween(i.due, asOf) : undefined,
      Source: i.source || undefined,
      OwnerCompletionRate: rate ? rate.done / rate.total : undefined,
      Problems: text(i.problems),
      Link: i.row.browserLink,
    });
  });
}

// ---------------------------------------------------------------- back-briefs

export function backBriefRows({docId, rows, map}: Table<FieldName<typeof BackBriefFields>>): BackBriefRow[] {
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
