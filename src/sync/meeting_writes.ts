import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../api/client";
import type {CellValue} from "../api/client";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import type {FieldSpec} from "../engine/columns";
import {ActionFields, DecisionFields, IssueFields, MeetingTables} from "./fields";
import type {ActionItemRow, DecisionRow, IssueRow} from "./meeting_rows";
import {actionRows, decisionRows, issueRows, readIssues} from "./meeting_rows";
import {readLaneTable} from "./charter";
import {loadSeats} from "./seats";
import type {SourceTable} from "./source";
import {readTable, stableId} from "./source";
import {afterLanding, putKeyed, rowKey} from "./write";

/**
 * Writes to the meeting doc: one keyed row per action, so a refused write
 * leaves nothing behind and a retried one updates the row it made. Each returns
 * the row as the sync table shows it, built by the same builder.
 */

async function addRow<F extends string>(
  context: coda.ExecutionContext,
  meetingDoc: string,
  tableName: string,
  specs: ReadonlyArray<FieldSpec & {field: F | "Key"}>,
  values: ReadonlyArray<[F, CellValue | undefined]>,
  key: string,
  what: string,
): Promise<{table: SourceTable<F | "Key">; rowId: string}> {
  const docId = await resolveDocId(context, meetingDoc);
  const table = await readTable(context, docId, tableName, specs);
  const write = await putKeyed(context, table, values, key);
  const landed = await afterLanding(context, table, specs, write, what);
  return {table: landed.table, rowId: landed.row.id};
}

const required = (value: string | undefined, what: string) => {
  if (!value || !value.trim()) throw new coda.UserVisibleError(`${what} is blank: give it a value.`);
  return value.trim();
};

/** The row a builder made for the row just written. */
function theRow<R extends {Id: string}>(rows: readonly R[], docId: string, rowId: string): R {
  const row = rows.find(r => r.Id === stableId(docId, rowId));
  if (!row) throw new coda.UserVisibleError("The row was written but could not be read back; sync the table to see it.");
  return row;
}

export async function raiseIssue(context: coda.ExecutionContext, a: {meetingDoc: string; title: string; source?: string; owner?: string; priority?: string; today: Day}): Promise<IssueRow> {
  const title = required(a.title, "The issue's title");
  const priority = a.priority?.trim() || "Medium";
  if (!["high", "medium", "low", "1", "2", "3"].includes(priority.toLowerCase())) {
    throw new coda.UserVisibleError(`Priority "${priority.slice(0, 20)}" is not High, Medium or Low.`);
  }
  const raised = isoDay(a.today);
  const {table, rowId} = await addRow(
    context,
    a.meetingDoc,
    MeetingTables.issues,
    IssueFields,
    [
      ["Name", title],
      ["Source", a.source],
      ["Owner", a.owner],
      ["Priority", priority],
      ["Raised", raised],
      ["Status", "Open"],
    ],
    rowKey("issue", raised, title),
    "issue",
  );
  return theRow(issueRows(readIssues(table), a.today), table.docId, rowId);
}

export async function recordDecision(
  context: coda.ExecutionContext,
  a: {meetingDoc: string; decision: string; owner: string; approvers?: string[]; lane?: string; kind?: string; rationale?: string; reviewDate?: Day; today: Day},
): Promise<DecisionRow> {
  const decision = required(a.decision, "The decision");
  const owner = required(a.owner, "The decision's owner");
  const date = isoDay(a.today);
  const {table, rowId} = await addRow(
    context,
    a.meetingDoc,
    MeetingTables.decisions,
    DecisionFields,
    [
      ["Name", decision],
      ["Owner", owner],
      ["Approvers", a.approvers?.length ? a.approvers : undefined],
      ["Lane", a.lane],
      ["Kind", a.kind],
      ["Date", date],
      ["Rationale", a.rationale],
      ["ReviewDate", a.reviewDate ? isoDay(a.reviewDate) : undefined],
    ],
    rowKey("decision", date, decision),
    "decision",
  );
  // Judged by seat and lane as the Decisions sync table judges it.
  const [lanes, seats] = await Promise.all([readLaneTable(context, table.docId), loadSeats(context, table.docId)]);
  return theRow(decisionRows(table, a.today, {lanes, seats}), table.docId, rowId);
}

export async function assignAction(context: coda.ExecutionContext, a: {meetingDoc: string; action: string; owner: string; due: Day; source?: string; today: Day}): Promise<ActionItemRow> {
  const action = required(a.action, "The action");
  const owner = required(a.owner, "The action's owner");
  const due = isoDay(a.due);
  const {table, rowId} = await addRow(
    context,
    a.meetingDoc,
    MeetingTables.actions,
    ActionFields,
    [
      ["Name", action],
      ["Owner", owner],
      ["Due", due],
      ["Status", "Open"],
      ["Source", a.source],
    ],
    rowKey("action", owner, action),
    "action item",
  );
  return theRow(actionRows(table, a.today, await loadSeats(context, table.docId)), table.docId, rowId);
}
