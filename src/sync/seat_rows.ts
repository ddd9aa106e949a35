import type * as coda from "@codahq/packs-sdk";
import type {SeatSchema} from "../../schemas/discipline";
import type {Day} from "../engine/calendar";
import {daysBetween} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {MeetingType, OpenWork, Seat} from "../engine/seats";
import {MeetingTypes, parseMeetingType, seatFindings, unseatedOwners} from "../engine/seats";
import {actionRows, decisionRows, readIssues} from "./meeting_rows";
import {openRiskOwners} from "./risk_status";
import type {TableRows} from "./source";
import {cell, compact, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {
  ActionFields,
  DecisionFields,
  DisciplineTables,
  IssueFields,
  MeetingTables,
  RiskFields,
  RiskTable,
  SeatFields,
} from "./tables";
import type {FieldName} from "../engine/columns";

/**
 * The Seats sync area: the meeting doc's Seats table read into seats (the
 * engine's plain data), typed rows with their findings, and the owners of open
 * work who hold no seat.
 */

export type SeatRow = coda.SchemaType<typeof SeatSchema>;

export interface SeatRecord {
  seat: Seat;
  id: string;
  link: string;
  problems: string[];
}

export function readSeats({docId, rows, map}: TableRows<FieldName<typeof SeatFields>>): SeatRecord[] {
  return rows.map(row => {
    const get = (f: FieldName<typeof SeatFields>) => cell(row, map, f);
    const problems: string[] = [];
    const person = cells.people(get("Person")).find(p => p.name || p.email);
    const required: MeetingType[] = [];
    for (const word of cells.list(cells.text(get("RequiredIn")))) {
      const type = parseMeetingType(word);
      if (type) required.push(type);
      else problems.push(`Required In names "${word.slice(0, 30)}", not one of ${MeetingTypes.join(", ")}.`);
    }
    const name = cells.text(get("Seat")) || cells.text(row.name);
    if (!name) problems.push("No seat name: name the seat.");
    return {
      seat: {
        name: name || "Unnamed seat",
        person: person ? {name: person.name, email: person.email} : undefined,
        responsibilities: cells.list(cells.text(get("Responsibilities")), "before capitals"),
        reportsTo: cells.text(get("ReportsTo")) || undefined,
        requiredIn: [...new Set(required)],
      },
      id: stableId(docId, row.id),
      link: row.browserLink,
      problems,
    };
  });
}

/**
 * The seats of a meeting doc, or undefined when it has no Seats table, or a
 * table of that name without a Seat column (a seating plan, say): work is then
 * never judged by seat, and the sync that asked goes on.
 */
export async function loadSeats(context: coda.ExecutionContext, docId: string): Promise<Seat[] | undefined> {
  const table = await readOptionalTable(context, docId, DisciplineTables.seats, relaxed(SeatFields));
  return table?.map.Seat ? readSeats(table).map(r => r.seat) : undefined;
}

export function seatRows(
  records: readonly SeatRecord[],
  seatLimit: number,
  unseated: readonly string[],
  docId: string,
): SeatRow[] {
  const found = seatFindings(
    records.map(r => r.seat),
    seatLimit,
  );
  const rows = records.map((r, i): SeatRow =>
    compact({
      Id: r.id,
      Name: r.seat.name,
      Kind: "Seat",
      Person: r.seat.person?.email
        ? {Name: r.seat.person.name || r.seat.person.email, Email: r.seat.person.email}
        : undefined,
      Holder: r.seat.person ? r.seat.person.name || r.seat.person.email : undefined,
      SeatsHeld: found.seatsHeld[i],
      Responsibilities: r.seat.responsibilities.join("; ") || undefined,
      ResponsibilityCount: r.seat.responsibilities.length,
      ReportsTo: r.seat.reportsTo,
      RequiredIn: r.seat.requiredIn.join(", ") || undefined,
      Findings: found.perSeat[i].join(" ") || undefined,
      Problems: r.problems.join(" ") || undefined,
      Link: r.link,
    }),
  );
  if (unseated.length) {
    rows.push({
      Id: `${docId}/owners-without-a-seat`,
      Name: "Owners without a seat",
      Kind: "Owners without a seat",
      Findings: `Owners of open work who hold no seat: ${unseated.join("; ")}. Give the work to a seat, or add their seats.`,
    });
  }
  return rows;
}

/** Open work, by owner: action items not done, open issues, decisions not yet past their review, and the mitigations of open risks. */
export function openWork(
  actions: TableRows<FieldName<typeof ActionFields>> | undefined,
  issues: TableRows<FieldName<typeof IssueFields>> | undefined,
  decisions: TableRows<FieldName<typeof DecisionFields>> | undefined,
  asOf: Day,
  risks?: TableRows<FieldName<typeof RiskFields>>,
  timezone?: string,
): OpenWork[] {
  const work: OpenWork[] = [];
  for (const a of actions ? actionRows(actions, asOf, undefined, timezone) : []) {
    if (!a.Done && a.Owner) work.push({owner: {name: a.Owner.Name, email: a.Owner.Email}, what: "action item"});
  }
  for (const i of issues ? readIssues(issues, timezone) : []) {
    if (i.open && i.owner) work.push({owner: {name: i.owner.Name, email: i.owner.Email}, what: "issue"});
  }
  for (const d of decisions ? decisionRows(decisions, asOf, {}, timezone) : []) {
    const current = !d.ReviewDate || daysBetween(asOf, cells.date(d.ReviewDate, "Review Date", timezone).value!) >= 0;
    if (current && d.Owner) work.push({owner: {name: d.Owner.Name, email: d.Owner.Email}, what: "decision"});
  }
  if (risks) work.push(...openRiskOwners(risks));
  return work;
}

export interface SeatsRequest {
  docId: string;
  table?: string;
  columns?: string;
  seatLimit: number;
  asOf: Day;
}

export async function syncSeats(context: coda.ExecutionContext, request: SeatsRequest): Promise<SeatRow[]> {
  const {docId} = request;
  const [seats, actions, issues, decisions, risks] = await Promise.all([
    readTable(context, docId, request.table || DisciplineTables.seats, SeatFields, {columns: request.columns}),
    readOptionalTable(context, docId, MeetingTables.actions, ActionFields),
    readOptionalTable(context, docId, MeetingTables.issues, IssueFields),
    readOptionalTable(context, docId, MeetingTables.decisions, DecisionFields),
    // Read on the side: a register whose columns do not map never fails the Seats sync.
    readOptionalTable(context, docId, RiskTable, relaxed(RiskFields)),
  ]);
  const records = readSeats(seats);
  const unseated = unseatedOwners(
    openWork(actions, issues, decisions, request.asOf, risks, context.timezone),
    records.map(r => r.seat),
  );
  return seatRows(records, request.seatLimit, unseated, docId);
}
