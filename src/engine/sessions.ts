import {subBusinessDays} from "date-fns/subBusinessDays";
import {UTCDate} from "@date-fns/utc";
import type {Day} from "./calendar";
import {daysBetween, utcDay} from "./calendar";
import {normalize} from "./columns";
import {quote} from "./contract";
import type {Seat} from "./seats";
import {seatsOf} from "./seats";
import {nearestName, said} from "./names";

/**
 * Executive sessions' readiness: before a session, the pre-work still missing
 * and from whom, and the required seats that have not confirmed; after it, the
 * outputs not yet recorded, and a decision session that ended with no decision.
 * When the doc keeps seats, required seats are the Seats table's: a session
 * naming none takes the seats required in executive sessions, and a seat is
 * confirmed by its name or its holder's.
 */

/** Pre-work is due this many business days before its session unless a date is given. */
export const PreworkBusinessDays = 5;

/** The day pre-work is due: `days` business days (Monday to Friday) before the session. */
export function preworkDue(session: Day, days = PreworkBusinessDays): Day {
  const d = subBusinessDays(new UTCDate(session.getTime()), days);
  return utcDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export interface PreworkItem {
  input: string;
  from?: string;
  due?: Day;
  received: boolean;
}

export interface SessionFacts {
  name: string;
  kind: string;
  date?: Day;
  preworkDue?: Day;
  requiredSeats: readonly string[];
  confirmed: readonly string[];
  expectedOutputs: readonly string[];
  deliveredOutputs: readonly string[];
  prework: readonly PreworkItem[];
  decisions: number;
  /** The doc's seats, when it keeps a Seats table. */
  seats?: readonly Seat[];
}

export interface Readiness {
  upcoming: boolean;
  preworkDue?: Day;
  missingPrework: string[];
  preworkOverdue: boolean;
  unconfirmedSeats: string[];
  missingOutputs: string[];
  noDecision: boolean;
  ready: boolean;
  findings: string[];
  /** Cells that do not read: a required seat that is not a seat of the Seats table. */
  problems: string[];
}

/** A required seat not confirmed, and whether it is empty. */
interface Unconfirmed {
  name: string;
  empty: boolean;
}

interface SeatsJudged {
  required: string[];
  unconfirmed: Unconfirmed[];
  problems: string[];
}

/**
 * The required seats judged against the Seats table: blank takes the seats
 * required in executive sessions; a name that is no seat is a problem (and is
 * then matched as written); an empty seat cannot confirm.
 */
function judgeSeats(s: SessionFacts, seats: readonly Seat[]): SeatsJudged {
  const problems: string[] = [];
  const unconfirmed: Unconfirmed[] = [];
  const required = s.requiredSeats.length
    ? [...s.requiredSeats]
    : seats.filter(x => x.requiredIn.includes("Executive session")).map(x => x.name);
  for (const name of required) {
    const seat = seats.find(x => normalize(x.name) === normalize(name));
    if (!seat) {
      const near = nearestName(
        name,
        seats.map(x => x.name),
      );
      problems.push(
        `Required Seats names ${quote(name)}, which is not a seat in the Seats table${near ? `; did you mean ${quote(near)}?` : ": name a seat of that table."}`,
      );
      if (!inList(s.confirmed, name)) unconfirmed.push({name, empty: false});
    } else if (!seat.person) unconfirmed.push({name: seat.name, empty: true});
    else if (!s.confirmed.some(c => seatsOf(c, [seat]).length > 0)) unconfirmed.push({name: seat.name, empty: false});
  }
  return {required, unconfirmed, problems};
}

/** A decision session: its kind or name says it decides. */
export function isDecisionSession(s: Pick<SessionFacts, "kind" | "name">): boolean {
  return /\bdecision|\bdecide|\bselect|\bchoose/i.test(`${s.kind} ${s.kind ? "" : s.name}`);
}

const inList = (list: readonly string[], x: string) => list.some(y => normalize(y) === normalize(x));

/** A piece of pre-work not received, and from whom, its names given as `name` gives them. */
const preworkText = (p: PreworkItem, name: (text: string) => string) =>
  `${name(p.input)}${p.from ? ` (from ${name(p.from)})` : " (from nobody named)"}`;
const unconfirmedText = (u: Unconfirmed, name: (text: string) => string) =>
  `${name(u.name)}${u.empty ? " (empty seat)" : ""}`;
const asGiven = (text: string) => text;

export function sessionReadiness(s: SessionFacts, asOf: Day): Readiness {
  const upcoming = !s.date || daysBetween(asOf, s.date) >= 0;
  const due = s.preworkDue ?? (s.date ? preworkDue(s.date) : undefined);
  const missing = s.prework.filter(p => !p.received);
  const late = (p: PreworkItem) => {
    const d = p.due ?? due;
    return d !== undefined && daysBetween(d, asOf) > 0;
  };
  const missingPrework = missing.map(p => preworkText(p, asGiven));
  const judged: SeatsJudged = s.seats
    ? judgeSeats(s, s.seats)
    : {
        required: [...s.requiredSeats],
        unconfirmed: s.requiredSeats.filter(seat => !inList(s.confirmed, seat)).map(name => ({name, empty: false})),
        problems: [],
      };
  const unconfirmedSeats = judged.unconfirmed.map(u => unconfirmedText(u, asGiven));
  const missingOutputs = upcoming ? [] : s.expectedOutputs.filter(o => !inList(s.deliveredOutputs, o));
  const noDecision = !upcoming && isDecisionSession(s) && s.decisions === 0;
  const findings: string[] = [];
  if (upcoming) {
    if (missing.length) {
      findings.push(
        `Pre-work missing: ${missing.map(p => preworkText(p, said)).join("; ")}${missing.some(late) ? " — past its due date" : ""}.`,
      );
    }
    if (unconfirmedSeats.length) {
      findings.push(
        `Seats not confirmed: ${judged.unconfirmed.map(u => unconfirmedText(u, said)).join(", ")}. Without them the session degrades fast.`,
      );
    }
    if (!judged.required.length) {
      findings.push(
        `No required seats named: say who must attend${s.seats ? ", or mark seats Required In Executive session in the Seats table" : ""}.`,
      );
    }
  } else {
    if (missingOutputs.length) findings.push(`Outputs not recorded: ${missingOutputs.map(said).join("; ")}.`);
    if (noDecision) {
      findings.push(
        "A decision session that recorded no decision: you leave with a decision. Record it in the decision log, dated on the session's day.",
      );
    }
  }
  if (!s.date) findings.push("No date: give the session its date.");
  const ready = upcoming
    ? !missing.length && !unconfirmedSeats.length && judged.required.length > 0
    : !missingOutputs.length && !noDecision;
  return {
    upcoming,
    preworkDue: due,
    missingPrework,
    preworkOverdue: upcoming && missing.some(late),
    unconfirmedSeats,
    missingOutputs,
    noDecision,
    ready,
    findings,
    problems: judged.problems,
  };
}
