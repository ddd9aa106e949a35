import {subBusinessDays} from "date-fns";
import {UTCDate} from "@date-fns/utc";
import type {Day} from "./calendar";
import {daysBetween, utcDay} from "./calendar";
import {normalize} from "./columns";

/**
 * Executive sessions' readiness: before a session, the pre-work still missing
 * and from whom, and the required seats that have not confirmed; after it, the
 * outputs not yet recorded, and a decision session that ended with no decision.
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
}

/** A decision session: its kind or name says it decides. */
export function isDecisionSession(s: Pick<SessionFacts, "kind" | "name">): boolean {
  return /\bdecision|\bdecide|\bselect|\bchoose/i.test(`${s.kind} ${s.kind ? "" : s.name}`);
}

const inList = (list: readonly string[], x: string) => list.some(y => normalize(y) === normalize(x));

export function sessionReadiness(s: SessionFacts, asOf: Day): Readiness {
  const upcoming = !s.date || daysBetween(asOf, s.date) >= 0;
  const due = s.preworkDue ?? (s.date ? preworkDue(s.date) : undefined);
  const missing = s.prework.filter(p => !p.received);
  const late = (p: PreworkItem) => {
    const d = p.due ?? due;
    return d !== undefined && daysBetween(d, asOf) > 0;
  };
  const missingPrework = missing.map(p => `${p.input}${p.from ? ` (from ${p.from})` : " (from nobody named)"}`);
  const unconfirmedSeats = s.requiredSeats.filter(seat => !inList(s.confirmed, seat));
  const missingOutputs = upcoming ? [] : s.expectedOutputs.filter(o => !inList(s.deliveredOutputs, o));
  const noDecision = !upcoming && isDecisionSession(s) && s.decisions === 0;
  const findings: string[] = [];
  if (upcoming) {
    if (missing.length) findings.push(`Pre-work missing: ${missingPrework.join("; ")}${missing.some(late) ? " — past its due date" : ""}.`);
    if (unconfirmedSeats.length) findings.push(`Seats not confirmed: ${unconfirmedSeats.join(", ")}. Without them the session degrades fast.`);
    if (!s.requiredSeats.length) findings.push("No required seats named: say who must attend.");
  } else {
    if (missingOutputs.length) findings.push(`Outputs not recorded: ${missingOutputs.join("; ")}.`);
    if (noDecision) findings.push("A decision session that recorded no decision: you leave with a decision. Record it in the decision log, dated on the session's day.");
  }
  if (!s.date) findings.push("No date: give the session its date.");
  const ready = upcoming ? !missing.length && !unconfirmedSeats.length && s.requiredSeats.length > 0 : !missingOutputs.length && !noDecision;
  return {upcoming, preworkDue: due, missingPrework, preworkOverdue: upcoming && missing.some(late), unconfirmedSeats, missingOutputs, noDecision, ready, findings};
}

/** Splits a list written in one cell: commas, semicolons or new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map(x => x.trim())
    .filter(Boolean);
}
