import * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import {resolveDocId} from "../api/client";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldSpec} from "../engine/columns";
import {normalize} from "../engine/columns";
import {quote, shorten} from "../engine/contract";
import type {ActionItemRow, DecisionRow, IssueRow} from "./meeting_rows";
import {actionRows, decisionRows, issueRows, readIssues} from "./meeting_rows";
import {readLaneTable} from "./charter_rows";
import {loadSeats} from "./seat_rows";
import type {SourceTable} from "./source";
import {cell, readTable, stableId} from "./source";
import type {Put, SameThing} from "./write";
import {afterLanding, columnType, putKeyed, rowKey} from "./write";
import {ActionFields, DecisionFields, IssueFields, MeetingTables} from "./tables";

/**
 * Writes to the meeting doc: one keyed row per action, so a refused write
 * leaves nothing behind and a retried one updates the row it made. A row the
 * pack did not write (typed, or imported from a CSV file, its Key blank) that
 * holds the same thing is updated by its row id instead of doubled: an open
 * issue of the same title, a decision of the same words, an action of the same
 * words and owner, words compared as normalize compares names. What the action
 * is given is written; its defaults, and what names the row (its words, and
 * the day or the action's owner), fill only blank cells. Each returns the row as the sync table shows it,
 * built by the same builder.
 */

async function meetingTable<F extends string>(
  context: coda.ExecutionContext,
  meetingDoc: string,
  tableName: string,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
): Promise<SourceTable<F>> {
  return readTable(context, await resolveDocId(context, meetingDoc), tableName, specs);
}

async function writeRow<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F | "Key">,
  specs: ReadonlyArray<FieldSpec & {field: F | "Key"}>,
  values: ReadonlyArray<Put<F>>,
  key: string,
  imported: SameThing,
): Promise<{table: SourceTable<F | "Key">; rowId: string}> {
  const write = await putKeyed(context, table, values, key, imported);
  const landed = await afterLanding(context, table, specs, write, imported.what);
  return {table: landed.table, rowId: landed.row.id};
}

const required = (value: string | undefined, what: string) => {
  if (!value || !value.trim()) throw new coda.UserVisibleError(`${what} is blank: give it a value.`);
  return value.trim();
};

/** Whether two texts name the same thing, as the pack compares names; words that normalize to nothing name nothing. */
const sameWords = (a: string, b: string) => normalize(a) !== "" && normalize(a) === normalize(b);

/** A row's words, as the sync tables read them. */
const words = <F extends string>(table: SourceTable<F | "Name">, row: Row) =>
  cells.text(cell(row, table.map, "Name")) || cells.text(row.name);

const EmailPattern = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** What identifies a person: an email (any case), or a name as normalize compares names. */
const personId = (text: string) => (EmailPattern.test(text.trim()) ? text.trim().toLowerCase() : normalize(text));

/** Whether a cell (a People cell, or text as a CSV import leaves it) holds the person typed, by email or by name. */
function holdsPerson(value: unknown, typed: string): boolean {
  const wanted = personId(typed);
  return (
    wanted !== "" && cells.people(value).some(p => [p.email, p.name].some(s => s !== "" && personId(s) === wanted))
  );
}

/**
 * A person as every action writes one, owner or approver alike. An email is a
 * person in any column. A plain name goes into a text column as typed; a
 * People column needs an email to find the person, so a name is refused before
 * anything is written, with the email to type when the column holds one person
 * of that name.
 */
async function person<F extends string>(
  context: coda.ExecutionContext,
  table: SourceTable<F>,
  field: F,
  typed: string,
  role: string,
): Promise<string> {
  const text = typed.trim();
  if (EmailPattern.test(text) || (await columnType(context, table, field)) !== "person") return text;
  const first = (name: string) => name.trim().split(/\s+/)[0];
  const emails = new Set(
    table.rows
      .flatMap(r => cells.people(cell(r, table.map, field)))
      .filter(p => p.email && (sameWords(p.name, text) || sameWords(first(p.name), text)))
      .map(p => p.email.toLowerCase()),
  );
  const example = emails.size === 1 ? `, such as ${shorten([...emails][0], 40)}` : "";
  throw new coda.UserVisibleError(
    `Nothing was written: ${quote(text)} could not be resolved to a person, since ${shorten(table.map[field]?.name ?? field, 24)} in ${shorten(table.name, 24)} is a People column. Type the ${role}'s email${example}.`,
  );
}

/** The row a builder made for the row just written. */
function theRow<R extends {Id: string}>(rows: readonly R[], docId: string, rowId: string): R {
  const row = rows.find(r => r.Id === stableId(docId, rowId));
  if (!row) {
    throw new coda.UserVisibleError("The row was written but could not be read back; sync the table to see it.");
  }
  return row;
}

export async function raiseIssue(
  context: coda.ExecutionContext,
  a: {meetingDoc: string; title: string; source?: string; owner?: string; priority?: string; today: Day},
): Promise<IssueRow> {
  const title = required(a.title, "The issue's title");
  const given = a.priority?.trim();
  const priority = given || "Medium";
  if (!["high", "medium", "low", "1", "2", "3"].includes(priority.toLowerCase())) {
    throw new coda.UserVisibleError(`Priority "${priority.slice(0, 20)}" is not High, Medium or Low.`);
  }
  const raised = isoDay(a.today);
  const table = await meetingTable(context, a.meetingDoc, MeetingTables.issues, IssueFields);
  const owner = a.owner?.trim() ? await person(context, table, "Owner", a.owner, "owner") : undefined;
  const open = new Set(
    readIssues(table, context.timezone)
      .filter(i => i.open && sameWords(i.name, title))
      .map(i => i.id),
  );
  const written = await writeRow(
    context,
    table,
    IssueFields,
    [
      ["Name", title, "blank"],
      ["Source", a.source],
      ["Owner", owner],
      ["Priority", priority, given ? undefined : "blank"],
      ["Raised", raised, "blank"],
      ["Status", "Open", "blank"],
    ],
    rowKey("issue", raised, title),
    {what: "issue", same: r => open.has(stableId(table.docId, r.id))},
  );
  return theRow(issueRows(readIssues(written.table, context.timezone), a.today), written.table.docId, written.rowId);
}

export async function recordDecision(
  context: coda.ExecutionContext,
  a: {
    meetingDoc: string;
    decision: string;
    owner: string;
    approvers?: string[];
    lane?: string;
    kind?: string;
    rationale?: string;
    rejectedAlternatives?: string;
    assumptions?: string;
    failureConditions?: string;
    reviewDate?: Day;
    today: Day;
  },
): Promise<DecisionRow> {
  const decision = required(a.decision, "The decision");
  const typedOwner = required(a.owner, "The decision's owner");
  const date = isoDay(a.today);
  const table = await meetingTable(context, a.meetingDoc, MeetingTables.decisions, DecisionFields);
  const owner = await person(context, table, "Owner", typedOwner, "owner");
  const approvers: string[] = [];
  for (const typed of a.approvers ?? []) {
    if (typed?.trim()) approvers.push(await person(context, table, "Approvers", typed, "approver"));
  }
  const written = await writeRow(
    context,
    table,
    DecisionFields,
    [
      ["Name", decision, "blank"],
      ["Owner", owner],
      ["Approvers", approvers.length ? approvers : undefined],
      ["Lane", a.lane],
      ["Kind", a.kind],
      ["Date", date, "blank"],
      ["Rationale", a.rationale],
      ["RejectedAlternatives", a.rejectedAlternatives],
      ["Assumptions", a.assumptions],
      ["FailureConditions", a.failureConditions],
      ["ReviewDate", a.reviewDate ? isoDay(a.reviewDate) : undefined],
    ],
    rowKey("decision", date, decision),
    {what: "decision", same: r => sameWords(words(table, r), decision)},
  );
  // Judged by seat and lane as the Decisions sync table judges it.
  const docId = written.table.docId;
  const [lanes, seats] = await Promise.all([readLaneTable(context, docId), loadSeats(context, docId)]);
  return theRow(decisionRows(written.table, a.today, {lanes, seats}, context.timezone), docId, written.rowId);
}

export async function assignAction(
  context: coda.ExecutionContext,
  a: {meetingDoc: string; action: string; owner: string; due: Day; source?: string; today: Day},
): Promise<ActionItemRow> {
  const action = required(a.action, "The action");
  const typedOwner = required(a.owner, "The action's owner");
  const due = isoDay(a.due);
  const table = await meetingTable(context, a.meetingDoc, MeetingTables.actions, ActionFields);
  const owner = await person(context, table, "Owner", typedOwner, "owner");
  const written = await writeRow(
    context,
    table,
    ActionFields,
    [
      ["Name", action, "blank"],
      ["Owner", owner, "blank"],
      ["Due", due],
      ["Status", "Open", "blank"],
      ["Source", a.source],
    ],
    rowKey("action", owner, action),
    {
      what: "action item",
      same: r =>
        sameWords(words(table, r), action) && (!table.map.Owner || holdsPerson(cell(r, table.map, "Owner"), owner)),
    },
  );
  return theRow(
    actionRows(written.table, a.today, await loadSeats(context, written.table.docId), context.timezone),
    written.table.docId,
    written.rowId,
  );
}
