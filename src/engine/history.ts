import type {Day} from "./calendar";
import {daysBetween, isoDay, plusDays} from "./calendar";
import type {Maybe} from "./contract";
import {count, fraction, isBlank, list, number, plainText, quote, sameLength, shorten, show} from "./contract";
import {fail} from "./errors";
import type {Grade} from "./okr";
import {expectedProgress, keyResultProgress} from "./okr";
import {isStale, ReviewRules} from "./review";

/**
 * OKR history: when an owner is due a check-in, how a key result's check-ins
 * moved through the cycle, what its retrospective says, and a scorecard's weeks.
 * Pictures of the same data live in svg.ts; this module gives the data and the
 * words that describe it for readers who cannot see the colors.
 */

// ---------------------------------------------------------------- check-in discipline

export const DefaultCadenceDays = 7;
export const MaxCadenceDays = 90;

const CadenceWords: Record<string, number> = {
  daily: 1,
  weekly: 7,
  everyweek: 7,
  fortnightly: 14,
  biweekly: 14,
  everytwoweeks: 14,
  monthly: 30,
  everymonth: 30,
};

/** A cadence as days between check-ins, 1 to 90; blank gives undefined. */
export function cadenceDays(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return count("Cadence", value, 1, MaxCadenceDays);
  const text = plainText(String(value)).toLowerCase();
  if (!text) return undefined;
  const word = CadenceWords[text.replace(/[^a-z]/g, "")];
  if (word !== undefined && !/\d/.test(text)) return word;
  const m = /^(?:every\s+)?(\d{1,3})\s*(d|days?|w|weeks?)?$/.exec(text);
  if (m) return count("Cadence", Number(m[1]) * (m[2]?.startsWith("w") ? 7 : 1), 1, MaxCadenceDays);
  return fail(
    `Cadence ${quote(value)} is not a cadence: write weekly, every 2 weeks, monthly or a number of days from 1 to 90.`,
  );
}

export interface CheckInDue {
  /** Days since the last check-in, or since the cycle began when there is none. */
  daysSince?: number;
  due: boolean;
  /** The day the next check-in is due. */
  nextDue?: Day;
}

/**
 * Whether an owner is due a check-in: `cadence` days or more since the last one
 * (or since the cycle began, when there is none). With neither, it is due.
 */
export function checkInDue(
  lastCheckIn: Day | undefined,
  cycleStart: Day | undefined,
  cadence: number,
  asOf: Day,
): CheckInDue {
  const from = lastCheckIn ?? cycleStart;
  if (!from) return {due: true};
  const daysSince = daysBetween(from, asOf);
  return {daysSince, due: daysSince >= cadence, nextDue: plusDays(from, cadence)};
}

// ---------------------------------------------------------------- retrospective

/** At most this many confidences are shown in a path; the middle of a longer one is cut. */
export const PathLength = 8;

/** Scores and confidences in words are whole percents, as everywhere people read them. */
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Confidences in check-in order, as "70% → 50% → 40%"; blanks are skipped, a long path keeps its ends. */
export function confidencePath(confidences: readonly Maybe<number>[]): string {
  const shown = confidences.filter((c): c is number => !isBlank(c)).map(pct);
  if (shown.length <= PathLength) return shown.join(" → ");
  return [...shown.slice(0, 2), "…", ...shown.slice(-(PathLength - 3))].join(" → ");
}

/**
 * Whole weeks from `from` to `to` (both days counted) in which no check-in
 * falls, the first week left out: its check-in is due at its end.
 */
export function staleWeeks(checkIns: readonly Day[], from: Day, to: Day): number {
  const weeks = Math.floor((daysBetween(from, to) + 1) / 7);
  if (weeks <= 0) return 0;
  const seen = new Set<number>();
  for (const d of checkIns) {
    const offset = daysBetween(from, d);
    if (offset >= 0) seen.add(Math.floor(offset / 7));
  }
  let stale = 0;
  for (let w = 1; w < weeks; w++) if (!seen.has(w)) stale++;
  return stale;
}

export interface RetroFacts {
  progress?: number;
  confidence?: number;
  lastCheckIn?: Day;
  asOf: Day;
  /** False while the cycle runs: a score so far says nothing of sandbagging or overreach yet. */
  closed?: boolean;
}

/**
 * A key result's review findings, by the same rules as CycleReview: at or past
 * its target (set bolder ones), below 30% (overreach), stale, low confidence.
 * The first two are judged once the cycle has closed.
 */
export function keyResultFindings(f: RetroFacts): string[] {
  const out: string[] = [];
  if (f.closed === false) f = {...f, progress: undefined};
  if (f.progress !== undefined && f.progress >= ReviewRules.sandbagAt) {
    out.push("Sandbagging? It reached 100% or more: set a bolder target next cycle.");
  }
  if (f.progress !== undefined && f.progress < ReviewRules.overreachBelow) {
    out.push(
      `Overreach? It scored ${pct(f.progress)}, below ${pct(ReviewRules.overreachBelow)}: commit to less next cycle or name what blocked it.`,
    );
  }
  if (!f.lastCheckIn) out.push("Never checked in.");
  else if (isStale(f.lastCheckIn, f.asOf)) {
    out.push(`Stale: no check-in in the last ${ReviewRules.staleAfterDays} days (last ${isoDay(f.lastCheckIn)}).`);
  }
  if (f.confidence !== undefined && f.confidence < ReviewRules.lowConfidenceBelow) {
    out.push(`Low confidence: ${pct(f.confidence)} at the end.`);
  }
  return out;
}

// ---------------------------------------------------------------- a key result's progress over its check-ins

export interface ProgressPoint {
  /** The entry's place in the lists given. */
  index: number;
  date: Day;
  value: number;
  progress: number;
  confidence?: number;
}

export interface ProgressHistory {
  /** The key result's name as plain text, or empty when not given. */
  name: string;
  start: number;
  target: number;
  cycleStart: Day;
  cycleEnd: Day;
  /** Check-ins in date order (entries with a blank date or value are left out). */
  points: ProgressPoint[];
}

/**
 * Check-ins as progress from start to target (0 to 1.5), in date order. Lists
 * side by side must have the same length; a blank date or value skips that entry.
 * The key result's name is optional.
 */
export function progressHistory(
  dates: readonly Maybe<Day>[],
  values: readonly Maybe<number>[],
  start: Maybe<number>,
  target: Maybe<number>,
  cycleStart: Day,
  cycleEnd: Day,
  confidences: readonly Maybe<number>[] = [],
  name?: Maybe<string>,
): ProgressHistory {
  list("dates", dates);
  sameLength(["dates", "values"], dates, values);
  if (confidences.length) sameLength(["dates", "confidences"], dates, confidences);
  const s = number("Start", start);
  const t = number("Target", target);
  if (s === t) fail(`Start and target are both ${show(s)}, so progress cannot be drawn: change the target.`);
  if (daysBetween(cycleStart, cycleEnd) <= 0) {
    fail("The cycle must end after it starts: check cycleStart and cycleEnd.");
  }
  const points: ProgressPoint[] = [];
  dates.forEach((date, i) => {
    const value = values[i];
    if (isBlank(date) || isBlank(value)) return;
    const v = number(`Value ${i + 1}`, value);
    const c = confidences[i];
    points.push({
      index: i,
      date,
      value: v,
      progress: keyResultProgress({start: s, target: t, current: v, allowOverachievement: true}),
      confidence: isBlank(c) ? undefined : fraction(`Confidence ${i + 1}`, c),
    });
  });
  points.sort((a, b) => a.date.getTime() - b.date.getTime() || a.index - b.index);
  return {name: isBlank(name) ? "" : plainText(String(name)), start: s, target: t, cycleStart, cycleEnd, points};
}

/** Green from 0.7, Yellow from 0.4, else Red: the confidence bands the pictures color by. */
export function confidenceGrade(confidence: number): Grade {
  return confidence >= 0.7 ? "Green" : confidence >= 0.4 ? "Yellow" : "Red";
}

/**
 * The progress picture in words: the key result's name when given, where it
 * stands against the pace line, and how confidence moved.
 */
export function progressDescription(h: ProgressHistory): string {
  const name = h.name ? `${shorten(h.name, 60)}: ` : "";
  const span = `from ${show(h.start)} to ${show(h.target)} over ${isoDay(h.cycleStart)} to ${isoDay(h.cycleEnd)}`;
  const last = h.points[h.points.length - 1];
  if (!last) return `${name}No check-ins yet; the pace line runs ${span}.`;
  const expected = expectedProgress(h.cycleStart, h.cycleEnd, last.date);
  const gap = Math.round((last.progress - expected) * 100);
  const against = gap === 0 ? "on pace" : gap > 0 ? `ahead of pace by ${gap} points` : `behind pace by ${-gap} points`;
  const confidences = h.points.map(p => p.confidence);
  const path = confidencePath(confidences);
  const lowest = h.points.reduce<ProgressPoint | undefined>(
    (low, p) => (p.confidence !== undefined && (!low || p.confidence < low.confidence!) ? p : low),
    undefined,
  );
  const confidence = path
    ? ` Confidence ${path}${lowest ? `, lowest ${pct(lowest.confidence!)} on ${isoDay(lowest.date)}` : ""}.`
    : " No confidence given.";
  const checkIns =
    h.points.length === 1 ? "1 check-in" : `${h.points.length} check-ins from ${isoDay(h.points[0].date)}`;
  return `${name}${pct(last.progress)} of the way ${span} on ${isoDay(last.date)}, against ${pct(expected)} expected: ${against}. ${checkIns}.${confidence}`;
}

// ---------------------------------------------------------------- a 13-week scorecard

export const ScorecardWeeks = 13;
/** The most metrics a scorecard picture shows; the rest are counted. */
export const ScorecardRows = 10;

export type CellStatus = Grade | undefined;

export interface Scorecard {
  metrics: string[];
  /** The first day of each week, oldest first; the last week ends on the latest reading's day. */
  weeks: Day[];
  /** One row per metric, one cell per week: the status of its latest reading that week. */
  cells: CellStatus[][];
  /** Metrics beyond ScorecardRows, left out of the picture. */
  more: number;
}

/**
 * Whole days from one Day to another. Days are UTC midnights, so this is
 * daysBetween without building two dates per call: a scorecard of 200,000
 * readings calls it for each.
 */
const gapDays = (from: Day, to: Day) => Math.round((to.getTime() - from.getTime()) / 86_400_000);

function readStatus(value: Maybe<string>, i: number): CellStatus {
  if (isBlank(value)) return undefined;
  const s = plainText(String(value)).toLowerCase();
  if (s === "") return undefined;
  if (s === "green") return "Green";
  if (s === "yellow") return "Yellow";
  if (s === "red") return "Red";
  return fail(`Status ${i + 1} is ${quote(value)}: give Green, Yellow or Red (HealthStatus), or leave it blank.`);
}

/**
 * Readings in long form (metric, date, status: one entry each) laid out as the
 * last 13 weeks of each metric. Entries with a blank metric or date are skipped;
 * a week's cell takes the status of that metric's latest reading in the week.
 */
export function scorecard(
  metrics: readonly Maybe<string>[],
  dates: readonly Maybe<Day>[],
  statuses: readonly Maybe<string>[],
): Scorecard {
  list("metrics", metrics);
  sameLength(["metrics", "dates"], metrics, dates);
  sameLength(["metrics", "statuses"], metrics, statuses);
  const known = new Map<string, CellStatus>();
  const read = statuses.map((v, i) => {
    const key = String(v);
    if (!known.has(key)) known.set(key, readStatus(v, i));
    return known.get(key);
  });
  let latest: Day | undefined;
  for (let i = 0; i < metrics.length; i++) {
    const d = dates[i];
    if (!isBlank(d) && !isBlank(metrics[i]) && (!latest || d.getTime() > latest.getTime())) latest = d;
  }
  if (!latest) fail("There are no readings to lay out: give each metric name a date.");
  const names: string[] = [];
  /** Rows by a metric's name as given and as shown. */
  const rowOf = new Map<string, number>();
  const when: number[][] = [];
  const cells: CellStatus[][] = [];
  for (let i = 0; i < metrics.length; i++) {
    const d = dates[i];
    if (isBlank(d) || isBlank(metrics[i])) continue;
    const raw = String(metrics[i]);
    let row = rowOf.get(raw);
    if (row === undefined) {
      const name = plainText(raw);
      if (!name) continue;
      row = rowOf.get(name);
      if (row === undefined) {
        row = names.length;
        rowOf.set(name, row);
        names.push(name);
        when.push(new Array<number>(ScorecardWeeks).fill(-Infinity));
        cells.push(new Array<CellStatus>(ScorecardWeeks).fill(undefined));
      }
      rowOf.set(raw, row);
    }
    const week = ScorecardWeeks - 1 - Math.floor(gapDays(d, latest) / 7);
    if (week < 0 || read[i] === undefined) continue;
    if (d.getTime() >= when[row][week]) {
      when[row][week] = d.getTime();
      cells[row][week] = read[i];
    }
  }
  const weeks = Array.from({length: ScorecardWeeks}, (_, w) => plusDays(latest, -7 * (ScorecardWeeks - w) + 1));
  return {
    metrics: names.slice(0, ScorecardRows),
    weeks,
    cells: cells.slice(0, ScorecardRows),
    more: Math.max(0, names.length - ScorecardRows),
  };
}

/** The scorecard in words: each metric's weeks by status and its latest status. */
export function scorecardDescription(card: Scorecard): string {
  const end = plusDays(card.weeks[card.weeks.length - 1], 6);
  const lines = card.metrics.map((name, r) => {
    const row = card.cells[r];
    const n = (g: Grade) => row.filter(c => c === g).length;
    const missing = row.filter(c => c === undefined).length;
    const latest = [...row].reverse().find(c => c !== undefined);
    const parts = [`${n("Green")} green`, `${n("Yellow")} yellow`, `${n("Red")} red`];
    if (missing) parts.push(`${missing} without a reading`);
    return `${shorten(name, 40)}: ${parts.join(", ")}; ${latest ? `latest ${latest.toLowerCase()}` : "no reading in these weeks"}.`;
  });
  const total = card.metrics.length + card.more;
  const more = card.more ? ` ${card.more} more ${card.more === 1 ? "metric is" : "metrics are"} not shown.` : "";
  return `${total} ${total === 1 ? "metric" : "metrics"} over the ${ScorecardWeeks} weeks to ${isoDay(end)}. ${lines.join(" ")}${more}`;
}
