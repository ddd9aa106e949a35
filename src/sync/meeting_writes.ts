import * as coda from "@codahq/packs-sdk";
import type {CellEdit} from "../api/client";
import {insertRow, mutationApplied, resolveDocId} from "../api/client";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import type {FieldSpec} from "../engine/columns";
import {decisionCheck} from "../engine/meetings";
import {ActionFields, DecisionFields, IssueFields, MeetingTables} from "./fields";
import {sourceKind} from "./meeting_source";
import {compact, docTables, mappedColumns, requireTable, stableId} from "./tables";

/**
 * Writes to the meeting doc: one row per action, so a refused write leaves
 * nothing behind. Each returns the row as the sync table shows it.
 */

async function addRow<F extends string>(
  context: coda.ExecutionContext,
  meetingDoc: string,
  tableName: string,
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  values: Partial<Record<F, CellEdit["value"] | undefined>>,
) {
  const docId = await resolveDocId(context, meetingDoc);
  const table = requireTable(await docTables(context, docId), tableName, docId);
  const map = await mappedColumns(context, docId, table, specs);
  const cells: CellEdit[] = [];
  for (const [field, value] of Object.entries(values) as Array<[F, CellEdit["value"] | undefined]>) {
    if (value === undefined || value === "") continue;
    const column = map[field];
    if (!column) continue; // The doc does without this column.
    cells.push({column: column.id, value});
  }
  const added = await insertRow(context, docId, table, cells);
  await mutationApplied(context, added.requestId);
  return {docId, rowId: added.rowId ?? "", link: `https://docs.superhuman.com/d/_d${docId}`};
}

const required = (value: string | undefined, what: string) => {
  if (!value || !value.trim()) throw new coda.UserVisibleError(`${what} is blank: give it a value.`);
  return value.trim();
};

const person = (who: string | undefined) => (who && who.includes("@") ? {Name: who, Email: who} : undefined);

export async function raiseIssue(context: coda.ExecutionContext, a: {meetingDoc: string; title: string; source?: string; owner?: string; priority?: string; today: Day}) {
  const title = required(a.title, "The issue's title");
  const priority = a.priority?.trim() || "Medium";
  if (!["high", "medium", "low", "1", "2", "3"].includes(priority.toLowerCase())) {
    throw new coda.UserVisibleError(`Priority "${a.priority}" is not High, Medium or Low.`);
  }
  const row = await addRow(context, a.meetingDoc, MeetingTables.issues, IssueFields, {
    Name: title,
    Source: a.source,
    Owner: a.owner,
    Priority: priority,
    Raised: isoDay(a.today),
    Status: "Open",
  });
  return compact({
    Id: stableId(row.docId, row.rowId),
    Name: title,
    Priority: priority,
    Owner: person(a.owner),
    Source: sourceKind(a.source ?? ""),
    SourceDetail: a.source || undefined,
    Raised: isoDay(a.today),
    AgeDays: 0,
    Status: "Open",
    Open: true,
    Link: row.link,
  });
}

export async function recordDecision(
  context: coda.ExecutionContext,
  a: {meetingDoc: string; decision: string; owner: string; approvers?: string[]; lane?: string; rationale?: string; reviewDate?: Day; today: Day},
) {
  const decision = required(a.decision, "The decision");
  const owner = required(a.owner, "The decision's owner");
  const check = decisionCheck([owner], a.approvers ?? []);
  const row = await addRow(context, a.meetingDoc, MeetingTables.decisions, DecisionFields, {
    Name: decision,
    Owner: owner,
    Approvers: a.approvers?.length ? a.approvers : undefined,
    Lane: a.lane,
    Date: isoDay(a.today),
    Rationale: a.rationale,
    ReviewDate: a.reviewDate ? isoDay(a.reviewDate) : undefined,
  });
  return compact({
    Id: stableId(row.docId, row.rowId),
    Name: decision,
    Owner: person(owner),
    Approvers: a.approvers?.join(", ") || undefined,
    Lane: a.lane,
    Date: isoDay(a.today),
    Rationale: a.rationale,
    ReviewDate: a.reviewDate ? isoDay(a.reviewDate) : undefined,
    DueForReview: false,
    Check: check.length ? check.join(" ") : undefined,
    Link: row.link,
  });
}

export async function assignAction(context: coda.ExecutionContext, a: {meetingDoc: string; action: string; owner: string; due: Day; source?: string}) {
  const action = required(a.action, "The action");
  const owner = required(a.owner, "The action's owner");
  const row = await addRow(context, a.meetingDoc, MeetingTables.actions, ActionFields, {Name: action, Owner: owner, Due: isoDay(a.due), Status: "Open", Source: a.source});
  return compact({Id: stableId(row.docId, row.rowId), Name: action, Owner: person(owner), Due: isoDay(a.due), Status: "Open", Done: false, Overdue: false, Source: a.source, Link: row.link});
}
