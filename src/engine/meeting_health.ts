import type {Day} from "./calendar";
import {daysBetween, isoDay, plusDays} from "./calendar";
import {show} from "./contract";
import {isInputError} from "./errors";
import type {Direction} from "./health";
import {healthTrend} from "./health";
import type {MeetingMix} from "./meetings";
import {meetingMix} from "./meetings";
import {tidy} from "./numbers";
import {leastSquares} from "./okr";
import type {MeetingType, Seat, SeatPerson} from "./seats";
import {absentSeats, MeetingTypes, parseMeetingType} from "./seats";

/**
 * Meeting health: how the attendees rated a meeting (1 to 10, a reason below
 * the threshold), who was missing, whether the action items due since the last
 * meeting (on or after its day, before this one) were done (90 % is the target), how the time split between problem
 * solving and status, which issues were solved or carried, and where the rating
 * is heading over the last 13 meetings.
 */

export const HealthRules = {
  /** A rating below this needs a reason, and an average below it marks the meeting low-health. */
  threshold: 8,
  /** The share of action items due that should be done by the meeting. */
  doneTarget: 0.9,
  /** The meetings the trend looks back over. */
  trendMeetings: 13,
  /** A rating is a whole number from the lowest to the highest. */
  lowestRating: 1,
  highestRating: 10,
  /** The window for action items due before the first meeting on record. */
  firstWindowDays: 7,
} as const;

export interface MeetingInput {
  id: string;
  name: string;
  date?: Day;
  /** The Kind cell as written; blank is a weekly meeting. */
  kind: string;
  attendees: readonly SeatPerson[];
  startedOnTime?: boolean;
  endedOnTime?: boolean;
  /** Problems already found in the meeting's own cells. */
  problems: readonly string[];
}

export interface RatingInput {
  /** The meeting's id, or undefined when the rating names no meeting that exists. */
  meetingId?: string;
  attendee?: SeatPerson;
  /** A number, or the text the cell held instead. */
  rating?: number | string;
  reason: string;
}

export interface ActionInput {
  owner?: string;
  due?: Day;
  done: boolean;
}

export interface IssueInput {
  raised?: Day;
  /** When it was solved, if the table says. */
  solved?: Day;
  open: boolean;
}

export interface AgendaMinutes {
  kinds: readonly string[];
  minutes: readonly number[];
}

export interface HealthOptions {
  threshold?: number;
  seats?: readonly Seat[];
  /** The time each meeting spent on each kind of item, by meeting id. */
  items?: ReadonlyMap<string, AgendaMinutes>;
}

export interface MeetingHealth {
  meeting: MeetingInput;
  type: MeetingType;
  average?: number;
  lowest?: number;
  ratings: number;
  missingRatings: string[];
  absentSeats: string[];
  actionsDue: number;
  actionsDone: number;
  doneShare?: number;
  doneByOwner: string[];
  mix?: MeetingMix;
  issuesSolved?: number;
  issuesCarried?: number;
  trend?: Direction;
  trendDetail?: string;
  healthy: boolean;
  findings: string[];
  problems: string[];
}

/** A rating read by the rule: a whole number from 1 to 10. */
export function readRating(value: number | string | undefined): {value?: number; problem?: string} {
  if (value === undefined || value === "") return {problem: "is blank: give a whole number from 1 to 10."};
  if (typeof value === "string") {
    return {problem: `is "${value.slice(0, 20)}", not a number: give a whole number from 1 to 10.`};
  }
  if (!Number.isInteger(value) || value < HealthRules.lowestRating || value > HealthRules.highestRating) {
    return {problem: `is ${show(value)}: give a whole number from 1 to 10.`};
  }
  return {value};
}

const who = (p: SeatPerson | undefined) => (p ? p.name || p.email : "Someone");
const key = (p: SeatPerson) => p.email.toLowerCase() || p.name.toLowerCase();
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One health row per meeting, in the order given; the trend and the windows follow the meetings' dates. */
export function meetingHealth(
  meetings: readonly MeetingInput[],
  ratings: readonly RatingInput[],
  actions: readonly ActionInput[],
  issues: readonly IssueInput[],
  options: HealthOptions = {},
): MeetingHealth[] {
  const threshold = options.threshold ?? HealthRules.threshold;
  const dated = meetings.filter(m => m.date).sort((a, b) => a.date!.getTime() - b.date!.getTime());
  const previous = new Map<string, Day>();
  dated.forEach((m, i) =>
    previous.set(m.id, i > 0 ? dated[i - 1].date! : plusDays(m.date!, -HealthRules.firstWindowDays)),
  );
  const byMeeting = new Map<string, RatingInput[]>();
  for (const r of ratings) if (r.meetingId) byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r]);

  const rows = meetings.map((m): MeetingHealth => {
    const problems = [...m.problems];
    const findings: string[] = [];
    let type = parseMeetingType(m.kind || "Weekly");
    if (!type) {
      problems.push(`Kind "${m.kind.slice(0, 30)}" is not one of ${MeetingTypes.join(", ")}; Weekly is assumed.`);
      type = "Weekly";
    }
    if (!m.date) {
      problems.push("No date: give the meeting its date, so its action items, issues and trend can be judged.");
    }

    // Ratings: one per attendee, a whole number from 1 to 10, a reason below the threshold.
    const values: number[] = [];
    const rated = new Set<string>();
    for (const r of byMeeting.get(m.id) ?? []) {
      const read = readRating(r.rating);
      if (read.problem) {
        problems.push(`${who(r.attendee)}'s rating ${read.problem}`);
        continue;
      }
      if (r.attendee && rated.has(key(r.attendee))) {
        problems.push(`${who(r.attendee)} rated the meeting twice: keep one rating; the first counts.`);
        continue;
      }
      if (r.attendee) rated.add(key(r.attendee));
      if (r.attendee && !m.attendees.some(a => key(a) === key(r.attendee!))) {
        problems.push(`${who(r.attendee)} rated the meeting but is not among its attendees.`);
      }
      if (read.value! < threshold && !r.reason.trim()) {
        problems.push(
          `${who(r.attendee)} rated ${read.value} without a reason: a rating below ${show(threshold)} needs one.`,
        );
      }
      values.push(read.value!);
    }
    const missingRatings = m.attendees.filter(a => !rated.has(key(a))).map(a => who(a));
    // Two decimals: a rating's average reads as 8.57, not 8.5714285714.
    const average = values.length
      ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100
      : undefined;
    const lowest = values.length ? Math.min(...values) : undefined;

    const absent = options.seats
      ? absentSeats(type, m.attendees, options.seats).map(s =>
          s.person ? `${s.name} (${who(s.person)})` : `${s.name} (empty)`,
        )
      : [];

    // Action items due since the previous meeting, and the share done.
    let due: ActionInput[] = [];
    if (m.date) {
      const from = previous.get(m.id)!;
      // Due on or after the previous meeting's day and before this one: what this meeting checks.
      due = actions.filter(a => a.due && daysBetween(from, a.due) >= 0 && daysBetween(a.due, m.date!) > 0);
    }
    const done = due.filter(a => a.done).length;
    const owners = new Map<string, {done: number; total: number}>();
    for (const a of due) {
      const o = owners.get(a.owner || "No owner") ?? {done: 0, total: 0};
      o.total++;
      if (a.done) o.done++;
      owners.set(a.owner || "No owner", o);
    }
    const doneShare = due.length ? tidy(done / due.length) : undefined;

    let mix: MeetingMix | undefined;
    const items = options.items?.get(m.id);
    if (items && items.kinds.length) {
      try {
        mix = meetingMix(items.kinds, items.minutes);
      } catch (error) {
        if (!isInputError(error)) throw error;
        problems.push(`Its agenda items: ${error.message}`);
      }
    }

    let issuesSolved: number | undefined;
    let issuesCarried: number | undefined;
    if (m.date && issues.length) {
      const from = previous.get(m.id)!;
      const at = m.date;
      issuesSolved = issues.filter(
        i => i.solved && daysBetween(from, i.solved) > 0 && daysBetween(i.solved, at) >= 0,
      ).length;
      issuesCarried = issues.filter(
        i => i.raised && daysBetween(i.raised, at) > 0 && (i.open || (i.solved && daysBetween(at, i.solved) > 0)),
      ).length;
    }

    if (average !== undefined && average < threshold) {
      findings.push(`Rated ${show(average)} on average, below ${show(threshold)}.`);
    }
    if (doneShare !== undefined && doneShare < HealthRules.doneTarget) {
      findings.push(
        `${done} of ${due.length} action item${due.length === 1 ? "" : "s"} due ${done === 1 ? "was" : "were"} done (${pct(doneShare)}), short of the ${pct(HealthRules.doneTarget)} target.`,
      );
    }
    if (absent.length) findings.push(`Required seat${absent.length === 1 ? "" : "s"} absent: ${absent.join(", ")}.`);
    const healthy = findings.length === 0;
    if (!values.length && m.attendees.length) {
      findings.push("No ratings yet: ask each attendee for a rating from 1 to 10.");
    }
    if (m.startedOnTime === false) findings.push("Started late.");
    if (m.endedOnTime === false) findings.push("Ended late.");

    return {
      meeting: m,
      type,
      average,
      lowest,
      ratings: values.length,
      missingRatings,
      absentSeats: absent,
      actionsDue: due.length,
      actionsDone: done,
      doneShare,
      doneByOwner: [...owners].map(([o, s]) => `${o} ${s.done}/${s.total}`),
      mix,
      issuesSolved,
      issuesCarried,
      healthy,
      findings,
      problems,
    };
  });

  // The trend of the average rating over the last 13 dated meetings up to each one.
  const averageOf = new Map(rows.map(r => [r.meeting.id, r.average]));
  for (const r of rows) {
    if (!r.meeting.date) continue;
    const upTo = dated.filter(m => m.date!.getTime() <= r.meeting.date!.getTime()).slice(-HealthRules.trendMeetings);
    const trend = ratingTrend(upTo.map(m => averageOf.get(m.id)));
    if (!trend) continue;
    r.trend = trend.direction;
    r.trendDetail = trend.detail;
  }
  return rows;
}

/** Two decimals, as an average rating reads. */
const twoDecimals = (x: number) => Math.round(x * 100) / 100;

/**
 * The trend of the average rating over a window of meetings, oldest first (a
 * blank is a meeting nobody rated), or undefined with fewer than two rated. The
 * word is the direction of the least-squares line, as HealthTrend reads a
 * metric, and the two numbers shown are that same line at the first and the
 * last rated meeting, so an Up always rises between them and a Down always
 * falls, even when the last rating itself ends below the first.
 */
export function ratingTrend(
  averages: readonly (number | undefined)[],
): {direction: Direction; detail: string} | undefined {
  const at: number[] = [];
  const values: number[] = [];
  averages.forEach((v, i) => {
    if (v === undefined) return;
    at.push(i);
    values.push(v);
  });
  if (values.length < 2) return undefined;
  const trend = healthTrend(averages);
  const line = leastSquares(at, values)!;
  // The last is the first plus the line's change that the direction was judged on, so rounding cannot turn it around.
  const first = twoDecimals(line.intercept + line.slope * at[0]);
  const last = twoDecimals(first + trend.slope * (at[at.length - 1] - at[0]));
  const moves = trend.direction === "Up" ? "rises" : trend.direction === "Down" ? "falls" : "barely moves,";
  const lead = `${trend.direction} over the last ${averages.length} meetings: the least-squares line of the average rating ${moves}`;
  // A steep line over a short window can leave the rating scale: shown within it, or by its change a meeting when both ends leave it.
  const [low, high] = [HealthRules.lowestRating, HealthRules.highestRating];
  const within = (x: number) => Math.min(high, Math.max(low, x));
  if (trend.direction !== "Flat" && within(first) === within(last)) {
    return {direction: trend.direction, detail: `${lead} by ${show(twoDecimals(Math.abs(trend.slope)))} a meeting.`};
  }
  return {
    direction: trend.direction,
    detail: `${lead} from ${show(within(first))} at the first to ${show(within(last))} at the last.`,
  };
}

/** The hot item a low-health meeting puts on the next agenda: its name and why, or undefined when it was healthy. */
export function healthHotItem(h: MeetingHealth): {name: string; detail: string} | undefined {
  if (h.healthy) return undefined;
  const when = h.meeting.date ? isoDay(h.meeting.date) : h.meeting.name;
  return {name: `the meeting of ${when} was low-health`, detail: h.findings.slice(0, 3).join(" ").replace(/\.$/, "")};
}

/** The last dated meeting before a day, or undefined. */
export function lastBefore(rows: readonly MeetingHealth[], day: Day): MeetingHealth | undefined {
  let best: MeetingHealth | undefined;
  for (const r of rows) {
    const d = r.meeting.date;
    if (!d || daysBetween(d, day) <= 0) continue;
    if (!best || d.getTime() > best.meeting.date!.getTime()) best = r;
  }
  return best;
}
