import type * as coda from "@codahq/packs-sdk";
import type {SessionReadinessSchema} from "../../schemas/alignment";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {Seat} from "../engine/seats";
import type {PreworkItem} from "../engine/sessions";
import {sessionReadiness} from "../engine/sessions";
import {loadSeats} from "./seat_rows";
import type {TableRows} from "./source";
import {cell, compact, readOptionalTable, readTable, stableId} from "./source";
import {DecisionFields, MeetingTables, PreworkFields, SessionFields, SessionTables} from "./tables";

/**
 * Executive sessions' readiness, from the leadership meeting doc's Sessions and
 * Pre-work tables and its decision log, with required seats judged against its
 * Seats table when it keeps one.
 */

export type SessionReadinessRow = coda.SchemaType<typeof SessionReadinessSchema>;

const ReceivedWords = {yes: ["received", "in", "submitted", "complete"]};
/** A list cell: people, lookups or text separated by commas, semicolons or lines. */
const listOf = (value: unknown) =>
  (Array.isArray(value) ? value.map(v => cells.text(v)) : cells.list(cells.text(value))).flatMap(x => cells.list(x));

export function readinessRows(
  sessions: TableRows<FieldName<typeof SessionFields>>,
  prework: TableRows<FieldName<typeof PreworkFields>> | undefined,
  decisions: TableRows<FieldName<typeof DecisionFields>> | undefined,
  asOf: Day,
  seats?: readonly Seat[],
  timezone?: string,
): SessionReadinessRow[] {
  const decisionDays = (decisions?.rows ?? [])
    .map(r => cells.date(cell(r, decisions!.map, "Date"), "Date", timezone).value)
    .filter((d): d is Day => d !== undefined);
  const byRow = new Map<string, number>();
  const byName = new Map<string, number>();
  sessions.rows.forEach((r, i) => {
    byRow.set(r.id, i);
    byName.set(normalize(cells.text(cell(r, sessions.map, "Name")) || cells.text(r.name)), i);
  });
  const items: PreworkItem[][] = sessions.rows.map(() => []);
  const orphans: string[] = [];
  for (const r of prework?.rows ?? []) {
    const get = (f: FieldName<typeof PreworkFields>) => cell(r, prework!.map, f);
    const ref = cells.refs(get("Session"))[0];
    const at = ref ? ((ref.rowId ? byRow.get(ref.rowId) : undefined) ?? byName.get(normalize(ref.name))) : undefined;
    const input = cells.text(get("Input")) || cells.text(r.name);
    if (at === undefined) {
      orphans.push(input);
      continue;
    }
    const received = get("Received");
    const person = cells.people(get("From"))[0];
    items[at].push({
      input,
      from: person ? person.name || person.email : undefined,
      due: cells.date(get("Due"), "Due", timezone).value,
      received: cells.flag(received, "Received", ReceivedWords).value ?? false,
    });
  }
  return sessions.rows.map((r, i): SessionReadinessRow => {
    const get = (f: FieldName<typeof SessionFields>) => cell(r, sessions.map, f);
    const problems: string[] = [];
    const date = cells.date(get("Date"), "Date", timezone);
    const due = cells.date(get("PreworkDue"), "Pre-work Due", timezone);
    for (const d of [date, due]) if (d.problem) problems.push(d.problem);
    const name = cells.text(get("Name")) || cells.text(r.name);
    const kind = cells.text(get("Kind"));
    const facts = {
      name,
      kind,
      date: date.value,
      preworkDue: due.value,
      requiredSeats: listOf(get("RequiredSeats")),
      confirmed: listOf(get("Confirmed")),
      expectedOutputs: listOf(get("ExpectedOutputs")),
      deliveredOutputs: listOf(get("OutputsDelivered")),
      prework: items[i],
      decisions: date.value ? decisionDays.filter(d => daysBetween(d, date.value!) === 0).length : 0,
      seats,
    };
    const ready = sessionReadiness(facts, asOf);
    problems.push(...ready.problems);
    if (i === 0 && orphans.length) {
      problems.push(
        `Pre-work names no session in ${SessionTables.sessions}: ${orphans.slice(0, 3).join("; ")}${orphans.length > 3 ? ` and ${orphans.length - 3} more` : ""}.`,
      );
    }
    return compact({
      Id: stableId(sessions.docId, r.id),
      Name: name,
      Kind: kind || undefined,
      Date: date.value ? isoDay(date.value) : undefined,
      Upcoming: ready.upcoming,
      PreworkDue: ready.preworkDue ? isoDay(ready.preworkDue) : undefined,
      MissingPrework: ready.upcoming && ready.missingPrework.length ? ready.missingPrework.join("; ") : undefined,
      PreworkOverdue: ready.preworkOverdue,
      UnconfirmedSeats: ready.upcoming && ready.unconfirmedSeats.length ? ready.unconfirmedSeats.join(", ") : undefined,
      MissingOutputs: ready.missingOutputs.length ? ready.missingOutputs.join("; ") : undefined,
      DecisionsRecorded: ready.upcoming ? undefined : facts.decisions,
      NoDecision: ready.noDecision,
      Ready: ready.ready,
      Findings: ready.findings.length ? ready.findings.join(" ") : undefined,
      Problems: problems.length ? problems.join(" ") : undefined,
      Link: r.browserLink,
    });
  });
}

export async function sessionReadinessRows(
  context: coda.ExecutionContext,
  {docId, table, columns, asOf}: {docId: string; table?: string; columns?: string; asOf: Day},
): Promise<SessionReadinessRow[]> {
  const [sessions, prework, decisions, seats] = await Promise.all([
    readTable(context, docId, table || SessionTables.sessions, SessionFields, {columns}),
    readOptionalTable(context, docId, SessionTables.prework, PreworkFields),
    readOptionalTable(context, docId, MeetingTables.decisions, DecisionFields),
    loadSeats(context, docId),
  ]);
  return readinessRows(sessions, prework, decisions, asOf, seats, context.timezone);
}
