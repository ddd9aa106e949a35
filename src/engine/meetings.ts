import {UTCDate} from "@date-fns/utc";
import {addDays} from "date-fns/addDays";
import {addMonths} from "date-fns/addMonths";
import {addWeeks} from "date-fns/addWeeks";
import {getDay} from "date-fns/getDay";
import {getDaysInMonth} from "date-fns/getDaysInMonth";
import type {Day} from "./calendar";
import {daysBetween, inRange, plusDays, utcDay} from "./calendar";
import type {Maybe} from "./contract";
import {Contract, count, isBlank, list, minutes as readMinutes, quote, sameLength, someOf} from "./contract";
import {fail} from "./errors";
import {tidy} from "./numbers";

/**
 * The leadership meeting and its cadence: time boxes, the mix of problem solving
 * and status, meeting dates, the 90-day rollout, how aligned leaders' priorities
 * are, and whether a decision has one owner.
 */

// ------------------------------------------------------------------ time boxes

/** Reads a clock time such as 9:00, 09:30, 2:15 PM or 14:15 into minutes after midnight. */
export function parseClock(text: string): number {
  const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$/i.exec(text);
  if (!match) fail(`${quote(text)} is not a time of day such as 09:00 or 2:30 PM.`);
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase().replace(/\./g, "");
  if (meridiem) {
    if (hours < 1 || hours > 12) fail(`${quote(text)} has an hour of ${hours}; with AM or PM use 1 to 12.`);
    hours = (hours % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) fail(`${quote(text)} is not a time of day.`);
  return hours * 60 + minutes;
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** An offset from the start as elapsed time: 00:25, and 25:10 a day and an hour in. */
const elapsed = (minutes: number) => hhmm(Math.round(minutes));

/** A clock time on the meeting's first day (09:30), or on a later one (Day 2 09:30). */
const clock = (minutes: number) => {
  const m = Math.round(minutes);
  const dayIndex = Math.floor(m / 1440);
  return `${dayIndex > 0 ? `Day ${dayIndex + 1} ` : ""}${hhmm(m - dayIndex * 1440)}`;
};

/**
 * The time box of each agenda item, as offsets from the start or as clock times.
 * Each item lasts 0 to 1,440 minutes and the agenda at most 7 days; an agenda
 * that runs past midnight says which day a time falls on.
 */
export function agendaTimes(minutes: readonly Maybe<number>[], startTime?: Maybe<string>): string[] {
  list("minutes", minutes);
  if (!minutes.length) fail("There are no agenda items: give each item its minutes.");
  const start = isBlank(startTime) || String(startTime).trim() === "" ? undefined : parseClock(String(startTime));
  let at = 0;
  return minutes.map((raw, i) => {
    const m = readMinutes(`Item ${i + 1}`, raw);
    const from = at;
    at += m;
    if (at > Contract.agendaMinutes) {
      fail(`The items add up to more than 7 days (10,080 minutes) by item ${i + 1}: split the agenda.`);
    }
    return start === undefined ? `${elapsed(from)}–${elapsed(at)}` : `${clock(start + from)}–${clock(start + at)}`;
  });
}

// ------------------------------------------------------------------ meeting mix

export const MeetingKinds = ["Problem solving", "Decision", "Status", "Information", "Check-in"] as const;
export type MeetingKind = (typeof MeetingKinds)[number];

export function parseMeetingKind(text: Maybe<string>, position: number): MeetingKind {
  const key = (text ?? "")
    .toString()
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const kind = MeetingKinds.find(k => k.toLowerCase().replace(/[^a-z]/g, "") === key);
  if (!kind) fail(`Item ${position} is of kind ${quote(text)}; use one of: ${MeetingKinds.join(", ")}.`);
  return kind;
}

export interface MeetingMix {
  totalMinutes: number;
  problemSolving: number;
  decision: number;
  status: number;
  information: number;
  checkIn: number;
  verdict: string;
}

/** The share of meeting time on each kind of item; status above a quarter of the time is called out. */
export function meetingMix(kinds: readonly Maybe<string>[], minutes: readonly Maybe<number>[]): MeetingMix {
  list("kinds", kinds);
  sameLength(["kinds", "minutes"], kinds, minutes);
  const totals = new Map<MeetingKind, number>(MeetingKinds.map(k => [k, 0]));
  let total = 0;
  kinds.forEach((k, i) => {
    const m = readMinutes(`Item ${i + 1}`, minutes[i]);
    const kind = parseMeetingKind(k, i + 1);
    totals.set(kind, totals.get(kind)! + m);
    total += m;
  });
  if (total === 0) fail("The items add up to no time: give them minutes.");
  const share = (k: MeetingKind) => tidy(totals.get(k)! / total);
  const mix = {
    totalMinutes: total,
    problemSolving: share("Problem solving"),
    decision: share("Decision"),
    status: share("Status"),
    information: share("Information"),
    checkIn: share("Check-in"),
  };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const solving = mix.problemSolving + mix.decision;
  const verdict =
    mix.status > 0.25
      ? `Status updates take ${pct(mix.status)} of the meeting, more than a quarter: move them to a written pre-read and spend the time solving problems.`
      : solving >= 0.5
        ? `A problem-solving meeting: ${pct(solving)} of the time goes to problems and decisions.`
        : `Only ${pct(solving)} of the time goes to problems and decisions; aim for more than half.`;
  return {...mix, verdict};
}

// ------------------------------------------------------------------ dates

export const Cadences = ["Weekly", "Biweekly", "Monthly", "Quarterly", "Annual"] as const;
export type Cadence = (typeof Cadences)[number];
export const Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export function parseCadence(text: string): Cadence {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const cadence =
    Cadences.find(c => c.toLowerCase() === key) ??
    (key === "fortnightly" ? "Biweekly" : key === "yearly" ? "Annual" : undefined);
  if (!cadence) fail(`${quote(text)} is not a cadence; use one of: ${Cadences.join(", ")}.`);
  return cadence;
}

export function parseWeekday(text: Maybe<string>): number | undefined {
  if (isBlank(text) || String(text).trim() === "") return undefined;
  const key = String(text).trim().toLowerCase();
  const index = Weekdays.findIndex(d => d.toLowerCase() === key || d.toLowerCase().slice(0, 3) === key);
  if (index < 0) fail(`${quote(text)} is not a day of the week such as Tuesday.`);
  return index;
}

const utc = (d: Date) => new UTCDate(d.getTime());

/** The nth (1-based; 5 or more means the last) weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  const first = utcDay(year, month, 1);
  const offset = (weekday - getDay(first) + 7) % 7;
  let date = 1 + offset + (n - 1) * 7;
  while (date > getDaysInMonth(first)) date -= 7;
  return utcDay(year, month, date);
}

/** The first day on or after `from` that falls on `weekday`. */
function onOrAfter(from: Day, weekday: number): Day {
  return addDays(utc(from), (weekday - getDay(utc(from)) + 7) % 7);
}

/**
 * The next `count` meeting dates from `from`: weekly and biweekly on a weekday,
 * monthly, quarterly and annual on the same weekday of the month (the first
 * Tuesday, the third Thursday) as the first meeting.
 */
export function meetingDates(
  cadenceText: string,
  from: Day,
  howMany: Maybe<number>,
  weekdayText?: Maybe<string>,
): Day[] {
  const cadence = parseCadence(cadenceText);
  const n = count("count", howMany, 1, 520);
  const weekday = parseWeekday(weekdayText) ?? getDay(utc(from));
  const first = onOrAfter(from, weekday);
  const out: Day[] = [];
  if (cadence === "Weekly" || cadence === "Biweekly") {
    const step = cadence === "Weekly" ? 1 : 2;
    for (let i = 0; i < n; i++) out.push(addWeeks(first, i * step));
    return checked(out);
  }
  const months = cadence === "Monthly" ? 1 : cadence === "Quarterly" ? 3 : 12;
  const ordinal = Math.ceil(first.getUTCDate() / 7);
  for (let i = 0; i < n; i++) {
    const month = addMonths(utcDay(first.getUTCFullYear(), first.getUTCMonth(), 1), i * months);
    out.push(nthWeekday(month.getUTCFullYear(), month.getUTCMonth(), weekday, ordinal));
  }
  return checked(out);
}

/** Dates a formula computes stay in the years 1000 to 9999 too. */
function checked(dates: Day[]): Day[] {
  if (dates.length) inRange(`Meeting ${dates.length}`, dates[dates.length - 1]);
  return dates;
}

// ------------------------------------------------------------------ the 90-day rollout

export const RolloutPhases = [
  {
    name: "Clarity",
    from: 1,
    to: 30,
    milestone: "Clarity complete: the leadership team shares one answer to the core strategy questions",
  },
  {
    name: "Alignment",
    from: 31,
    to: 60,
    milestone: "Alignment complete: every leader has back-briefed the strategic intent",
  },
  {
    name: "Cadence",
    from: 61,
    to: 90,
    milestone: "Cadence in place: the meeting rhythm runs and the first quarterly check-in is held",
  },
] as const;

export interface RolloutStatus {
  phase: string;
  day: number;
  nextMilestone: string;
  milestoneDate: Day;
}

/** Where the 90-day rollout stands: day 1 is the start date. */
export function rolloutPhase(start: Day, asOf: Day): RolloutStatus {
  const day = daysBetween(start, asOf) + 1;
  if (day < 1) {
    return {
      phase: "Not started",
      day: 0,
      nextMilestone: "The rollout begins with the clarity work",
      milestoneDate: start,
    };
  }
  const phase = RolloutPhases.find(p => day <= p.to);
  if (phase) {
    return {
      phase: phase.name,
      day,
      nextMilestone: phase.milestone,
      milestoneDate: inRange("The next milestone", plusDays(start, phase.to - 1)),
    };
  }
  // After day 90: quarterly check-ins every 90 days, and an annual offsite each year.
  const nextCheckIn = Math.ceil((day - 1) / 90) * 90 + 1;
  const nextOffsite = Math.ceil((day - 1) / 365) * 365 + 1;
  const offsite = nextOffsite <= nextCheckIn;
  const at = offsite ? nextOffsite : nextCheckIn;
  return {
    phase: "Develop and maintain",
    day,
    nextMilestone: offsite
      ? "Annual offsite: a deep refresh of clarity and alignment"
      : "Quarterly check-in: revisit clarity and alignment",
    milestoneDate: inRange("The next milestone", plusDays(start, at - 1)),
  };
}

// ------------------------------------------------------------------ alignment of priorities

export interface AlignmentResult {
  w: number;
  leaders: number;
  items: number;
  consensus: string;
  disagreements: string;
  verdict: string;
}

/**
 * Kendall's coefficient of concordance W over each leader's ranking of the same
 * priorities (best first): 1 when every leader ranks them alike, 0 when there is
 * no agreement at all. The items whose ranks spread most are where to talk.
 */
export const MaxPriorities = 100;
/** Leaders × priorities: what one call can rank well within a formula's time. */
export const MaxRanks = 2_000_000;

export function leadershipAlignment(rankings: readonly Maybe<string>[]): AlignmentResult {
  list("rankings", rankings);
  const given = (r: Maybe<string>) => !isBlank(r) && String(r).trim() !== "";
  const parse = (r: Maybe<string>) =>
    String(r)
      .split(/[,;\n]/)
      .map(x => x.trim())
      .filter(Boolean);
  let m = 0;
  for (const r of rankings) if (given(r)) m++;
  if (m < 2) fail(`Alignment needs the rankings of at least two leaders; there ${m === 1 ? "is 1" : `are ${m}`}.`);
  const items = parse(rankings.find(given));
  const key = (x: string) => x.toLowerCase();
  const indexOf = new Map(items.map((x, i) => [key(x), i]));
  if (indexOf.size !== items.length) fail(`Ranking 1 lists an item twice: each priority appears once per ranking.`);
  if (items.length < 2) fail("Alignment needs at least two priorities to rank.");
  if (items.length > MaxPriorities) fail(`Ranking 1 lists ${items.length} priorities; rank at most ${MaxPriorities}.`);
  const n = items.length;
  if (m * n > MaxRanks) {
    fail(`${m} rankings of ${n} priorities is ${(m * n).toLocaleString("en-US")} ranks; give at most 2,000,000.`);
  }
  // Each priority's ranks, kept as running totals so a million rankings take little memory.
  const sum = new Float64Array(n);
  const sumSq = new Float64Array(n);
  const low = new Float64Array(n).fill(Infinity);
  const high = new Float64Array(n).fill(-Infinity);
  let i = 0;
  for (const raw of rankings) {
    if (!given(raw)) continue;
    i++;
    const ranking = parse(raw);
    if (ranking.length > 2 * MaxPriorities) {
      fail(`Ranking ${i} lists ${ranking.length} priorities; rank the same ${n} as ranking 1.`);
    }
    const seen = new Set(ranking.map(key));
    if (seen.size !== ranking.length) fail(`Ranking ${i} lists an item twice: each priority appears once per ranking.`);
    const missing = items.filter(x => !seen.has(key(x)));
    const extra = ranking.filter(x => !indexOf.has(key(x)));
    if (missing.length || extra.length) {
      const what = [
        missing.length ? `leaves out ${someOf(missing, 2)}` : "",
        extra.length ? `adds ${someOf(extra, 2)}` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      fail(`Ranking ${i} ${what}: every leader ranks the same priorities as ranking 1.`);
    }
    ranking.forEach((x, position) => {
      const at = indexOf.get(key(x))!;
      const rank = position + 1;
      sum[at] += rank;
      sumSq[at] += rank * rank;
      if (rank < low[at]) low[at] = rank;
      if (rank > high[at]) high[at] = rank;
    });
  }
  const meanSum = (m * (n + 1)) / 2;
  let s = 0;
  for (let k = 0; k < n; k++) s += (sum[k] - meanSum) ** 2;
  const w = tidy((12 * s) / (m * m * (n ** 3 - n)));
  const spread = items.map((item, k) => {
    const mean = sum[k] / m;
    return {
      item,
      mean,
      variance: low[k] === high[k] ? 0 : Math.max(0, sumSq[k] / m - mean * mean),
      low: low[k],
      high: high[k],
    };
  });
  const consensus = [...spread].sort((a, b) => a.mean - b.mean || a.item.localeCompare(b.item)).map(x => x.item);
  const contested = [...spread]
    .filter(x => x.variance > 0)
    .sort((a, b) => b.variance - a.variance || a.item.localeCompare(b.item))
    .slice(0, 3)
    .map(x => `${x.item} (ranked ${x.low} to ${x.high})`);
  const verdict =
    w >= 0.7
      ? "Strong agreement: the team shares its priorities."
      : w >= 0.5
        ? "Moderate agreement: settle the contested priorities before they split the team's effort."
        : w >= 0.3
          ? "Weak agreement: leaders are pulling in different directions; work through the contested priorities together."
          : "Little or no agreement: the team does not share its priorities yet; make this the next offsite's first topic.";
  return {
    w,
    leaders: m,
    items: n,
    consensus: consensus.join(", "),
    disagreements: contested.join("; ") || "None",
    verdict,
  };
}

// ------------------------------------------------------------------ decisions

export const MaxApprovers = 2;

/** What is wrong with how a decision is owned; empty when one person owns it and few need to approve. */
export function decisionCheck(
  owner: readonly Maybe<string>[],
  approvers: readonly Maybe<string>[] = [],
  consulted: readonly Maybe<string>[] = [],
): string[] {
  const names = (list: readonly Maybe<string>[]) => [
    ...new Set(
      list
        .filter(x => !isBlank(x))
        .map(x => String(x).trim())
        .filter(Boolean),
    ),
  ];
  const owners = names(owner);
  const approving = names(approvers);
  const consulting = names(consulted);
  const problems: string[] = [];
  if (!owners.length) problems.push("No owner: name the one person accountable for the decision.");
  if (owners.length > 1) {
    problems.push(
      `${owners.length} owners (${owners.join(", ")}): one person must be accountable; the others approve or are consulted.`,
    );
  }
  if (approving.length > MaxApprovers) {
    problems.push(
      `${approving.length} approvers is more than needed: over-collaboration slows decisions; keep at most ${MaxApprovers} and consult the rest.`,
    );
  }
  const lower = new Set(owners.map(o => o.toLowerCase()));
  const both = approving.filter(a => lower.has(a.toLowerCase()));
  if (both.length) {
    problems.push(
      `${both.join(", ")} both owns and approves the decision: the owner decides; approvers are other people.`,
    );
  }
  const overlap = consulting.filter(c => lower.has(c.toLowerCase()));
  if (overlap.length) {
    problems.push(`${overlap.join(", ")} is listed as the owner and as consulted: consult other people.`);
  }
  return problems;
}
