import {normalize} from "./columns";
import {quote} from "./contract";
import {said} from "./names";

/**
 * Seats, not titles: the leadership team is the people who hold its seats. A
 * seat has three to five responsibilities, reports to another seat, and is
 * required in some kinds of meeting. Owners of work elsewhere (key results,
 * decisions, action items, risks) may name a seat or the person in it; `seatOf`
 * resolves either.
 */

export const MeetingTypes = ["Weekly", "Monthly", "Quarterly", "Offsite", "Executive session"] as const;
export type MeetingType = (typeof MeetingTypes)[number];

const TypeWords: Record<string, MeetingType> = {
  weekly: "Weekly",
  weeklyleadership: "Weekly",
  monthly: "Monthly",
  monthlyexecutivereview: "Monthly",
  quarterly: "Quarterly",
  quarterlycheckin: "Quarterly",
  offsite: "Offsite",
  annual: "Offsite",
  annualoffsite: "Offsite",
  executivesession: "Executive session",
  executive: "Executive session",
  exec: "Executive session",
  execsession: "Executive session",
};

/** The meeting type a word names (case, spacing and punctuation aside), or undefined. */
export function parseMeetingType(text: string): MeetingType | undefined {
  return TypeWords[normalize(text)];
}

/** Responsibilities are 3 to 5 a seat. */
export const SeatRules = {minResponsibilities: 3, maxResponsibilities: 5, defaultSeatLimit: 2} as const;

export interface SeatPerson {
  name: string;
  email: string;
}

export interface Seat {
  name: string;
  person?: SeatPerson;
  responsibilities: readonly string[];
  reportsTo?: string;
  requiredIn: readonly MeetingType[];
}

/** An owner as a cell gives it: a person, or text naming a seat or a person. */
export type Owner = string | {name?: string; email?: string};

const samePerson = (p: SeatPerson | undefined, name: string, email: string) =>
  Boolean(p && ((email && p.email.toLowerCase() === email) || (name && normalize(p.name) === name)));

/** Every seat an owner names: the seat itself by name, or the seats the person holds (by email or name). */
export function seatsOf(owner: Owner, seats: readonly Seat[]): Seat[] {
  const name = normalize(typeof owner === "string" ? owner : (owner.name ?? ""));
  const email = (typeof owner === "string" ? (owner.includes("@") ? owner : "") : (owner.email ?? ""))
    .trim()
    .toLowerCase();
  if (!name && !email) return [];
  const bySeat = seats.filter(s => name && normalize(s.name) === name);
  if (bySeat.length) return bySeat;
  return seats.filter(s => samePerson(s.person, name, email));
}

/** The seat an owner names (the first, when a person holds several), or undefined when the owner has no seat. */
export function seatOf(owner: Owner, seats: readonly Seat[]): Seat | undefined {
  return seatsOf(owner, seats)[0];
}

/** The person in the seat an owner names, or the owner's own name when it names no seat. */
export function holderOf(owner: Owner, seats: readonly Seat[]): string | undefined {
  const seat = seatOf(owner, seats);
  if (seat?.person) return seat.person.name || seat.person.email;
  return typeof owner === "string" ? owner.trim() || undefined : owner.name || owner.email || undefined;
}

const personKey = (p: SeatPerson) => p.email.toLowerCase() || normalize(p.name);

/** How many seats each person holds, keyed by email (or name when there is no email). */
export function seatCounts(seats: readonly Seat[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of seats) if (s.person) counts.set(personKey(s.person), (counts.get(personKey(s.person)) ?? 0) + 1);
  return counts;
}

/**
 * The reporting cycles among the seats (A reports to B, B reports to A), each
 * named by its seats in order, starting from the first of them reached by
 * following the bosses from the top of the list. Linear in the seats.
 */
export function reportingCycles(seats: readonly Seat[]): string[][] {
  // Seats by index; a name given twice stands for its first seat.
  const first = new Map<string, number>();
  seats.forEach((s, i) => {
    const key = normalize(s.name);
    if (!first.has(key)) first.set(key, i);
  });
  const boss = seats.map(s => (s.reportsTo ? first.get(normalize(s.reportsTo)) : undefined));
  const Open = 1;
  const Done = 2;
  const state = new Uint8Array(seats.length);
  const cycles: string[][] = [];
  for (const start of first.values()) {
    const path: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && !state[at]) {
      state[at] = Open;
      path.push(at);
      at = boss[at];
    }
    if (at !== undefined && state[at] === Open) cycles.push(path.slice(path.indexOf(at)).map(i => seats[i].name));
    for (const i of path) state[i] = Done;
  }
  return cycles;
}

/** A reporting cycle of at most this many seats is named in full on each seat in it. */
const CycleShown = 4;

/**
 * A reporting cycle's findings: on its first seat, and on each other seat in
 * it. A short cycle is named in full on each seat; a longer one is named once,
 * in short, on its first seat, and each other seat refers to that one, so the
 * findings grow with the number of seats and not with its square.
 */
function cycleFindings(cycle: readonly string[]): {first: string; other: string} {
  const fix = "One seat in it must report outside it.";
  if (cycle.length <= CycleShown) {
    const full = `Reporting cycle: ${[...cycle, cycle[0]].map(said).join(" → ")}. ${fix}`;
    return {first: full, other: full};
  }
  const size = `${cycle.length.toLocaleString("en-US")} seats`;
  const head = cycle
    .slice(0, CycleShown - 1)
    .map(said)
    .join(" → ");
  return {
    first: `Reporting cycle of ${size}: ${head} → … → ${said(cycle[cycle.length - 1])} → ${said(cycle[0])}. ${fix}`,
    other: `In a reporting cycle of ${size} through ${said(cycle[0])}; see the seat ${said(cycle[0])}.`,
  };
}

export interface SeatFindings {
  /** The findings of each seat, in the order of the seats given. */
  perSeat: string[][];
  /** How many seats each seat's person holds (0 for an empty seat). */
  seatsHeld: number[];
  cycles: string[][];
}

/**
 * The findings on a set of seats: an empty seat, a person holding more seats
 * than `seatLimit`, fewer than 3 or more than 5 responsibilities, a seat that
 * reports to no seat of the set, and a reporting cycle (on each seat in it:
 * named in full when short, and once in short when long).
 */
export function seatFindings(seats: readonly Seat[], seatLimit: number = SeatRules.defaultSeatLimit): SeatFindings {
  const counts = seatCounts(seats);
  const cycles = reportingCycles(seats);
  const names = new Set(seats.map(s => normalize(s.name)));
  const cycleOf = new Map<string, {cycle: readonly string[]; first: string; other: string}>();
  for (const cycle of cycles) {
    const found = {cycle, ...cycleFindings(cycle)};
    for (const name of cycle) cycleOf.set(normalize(name), found);
  }
  const R = SeatRules;
  const perSeat = seats.map(s => {
    const out: string[] = [];
    if (!s.person) out.push("Empty seat: name the person who holds it.");
    const held = s.person ? counts.get(personKey(s.person))! : 0;
    if (held > seatLimit) {
      out.push(
        `${said(s.person!.name || s.person!.email)} holds ${held} seats, more than the limit of ${seatLimit}: hand one on.`,
      );
    }
    const n = s.responsibilities.length;
    if (n === 0) out.push("No responsibilities: list the 3 to 5 things this seat is accountable for.");
    else if (n < R.minResponsibilities) {
      out.push(
        `Only ${n} responsibilit${n === 1 ? "y" : "ies"}: a seat needs ${R.minResponsibilities} to ${R.maxResponsibilities}.`,
      );
    } else if (n > R.maxResponsibilities) {
      out.push(`${n} responsibilities, more than ${R.maxResponsibilities}: split the seat or hand some on.`);
    }
    if (s.reportsTo && !names.has(normalize(s.reportsTo))) {
      out.push(`Reports to ${quote(s.reportsTo)}, which is not a seat: name a seat of this table.`);
    }
    const inCycle = cycleOf.get(normalize(s.name));
    if (inCycle) out.push(s.name === inCycle.cycle[0] ? inCycle.first : inCycle.other);
    return out;
  });
  return {perSeat, seatsHeld: seats.map(s => (s.person ? counts.get(personKey(s.person))! : 0)), cycles};
}

/** The seats required in a kind of meeting whose holder is not among the attendees (an empty required seat counts as absent). */
export function absentSeats(kind: MeetingType, attendees: readonly Owner[], seats: readonly Seat[]): Seat[] {
  const present = (s: Seat) => Boolean(s.person) && attendees.some(a => seatsOf(a, [s]).length > 0);
  return seats.filter(s => s.requiredIn.includes(kind) && !present(s));
}

export interface OpenWork {
  owner: Owner;
  /** What it is, such as "action item" or "issue". */
  what: string;
}

/**
 * The owners of open work who hold no seat, each with what they own, such as
 * "Jonah Price (1 action item)". Work without an owner is left to its own table.
 */
export function unseatedOwners(work: readonly OpenWork[], seats: readonly Seat[]): string[] {
  const tally = new Map<string, Map<string, number>>();
  for (const w of work) {
    const name = typeof w.owner === "string" ? w.owner.trim() : w.owner.name || w.owner.email || "";
    if (!name || seatOf(w.owner, seats)) continue;
    const kinds = tally.get(name) ?? new Map<string, number>();
    kinds.set(w.what, (kinds.get(w.what) ?? 0) + 1);
    tally.set(name, kinds);
  }
  return [...tally].map(
    ([name, kinds]) =>
      `${said(name)} (${[...kinds].map(([what, n]) => `${n} ${what}${n === 1 ? "" : "s"}`).join(", ")})`,
  );
}

/** The finding for work whose owner holds no seat. */
export function noSeatFinding(owner: string): string {
  return `${said(owner)} holds no seat in the Seats table: give the work to a seat, or add ${said(owner)}'s seat.`;
}

/** The finding for work given to a seat nobody holds. */
export function emptySeatFinding(seat: string, what: string): string {
  return `The seat ${said(seat)} is empty: nobody owns this ${what}.`;
}

export interface OwnerJudged {
  /** The person doing the work and the seat or seats it is owned through, such as "Grace Mbeki (Finance)"; undefined without a seat. */
  holder?: string;
  /** Why the work has no one accountable: the owner holds no seat, or names an empty seat. */
  finding?: string;
}

/**
 * An owner of work judged against the seats: a seat named outright stands for
 * that seat alone; a person stands for every seat they hold. `what` names the
 * work in the finding, such as "mitigation".
 */
export function judgeOwner(owner: Owner, seats: readonly Seat[], what: string): OwnerJudged {
  const named = seatsOf(owner, seats);
  const name = typeof owner === "string" ? owner.trim() : owner.name || owner.email || "";
  if (!named.length) return name ? {finding: noSeatFinding(name)} : {};
  const held = named.filter(s => s.person);
  if (!held.length) return {finding: emptySeatFinding(named[0].name, what)};
  const person = held[0].person!;
  return {holder: `${person.name || person.email} (${held.map(s => s.name).join(", ")})`};
}
