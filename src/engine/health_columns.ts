import {addMonths} from "date-fns/addMonths";
import {addWeeks} from "date-fns/addWeeks";
import {UTCDate} from "@date-fns/utc";
import type {Day} from "./calendar";
import {daysBetween, isoDay} from "./calendar";
import {isInputError} from "./errors";
import type {HealthColor, HotCheck, Thresholds, Trend} from "./health";
import {healthStatus, healthTrend, hotCheck, thresholds} from "./health";

/**
 * The computed columns of a synced health metric: latest and previous readings,
 * status, trend, hot flag, staleness, and whether it should become an objective
 * next cycle.
 */

export interface DatedReading {
  date: Day;
  value: number;
}

export interface MetricInput {
  greenAt?: number;
  redAt?: number;
  cadence: string;
  readings: DatedReading[];
}

export interface MetricSummary {
  thresholds?: Thresholds;
  latest?: DatedReading;
  previous?: DatedReading;
  status?: HealthColor;
  trend?: Trend;
  hot?: HotCheck;
  stale: boolean;
  /** The latest 13 readings, oldest first: a quarter of weekly readings. */
  recent: number[];
}

export const RecentReadings = 13;

const Cadences: Record<string, (d: Day, n: number) => Day> = {
  weekly: (d, n) => addWeeks(new UTCDate(d.getTime()), n),
  monthly: (d, n) => addMonths(new UTCDate(d.getTime()), n),
  quarterly: (d, n) => addMonths(new UTCDate(d.getTime()), 3 * n),
};

const byDate = (a: DatedReading, b: DatedReading) => a.date.getTime() - b.date.getTime();

/**
 * The readings known on `asOf`, oldest first. One rule for every table that
 * judges a metric on a day (HealthMetrics, HotItems, OkrCandidates,
 * LeaderMetrics, the brief): a reading dated after it is not yet known.
 */
export function knownOn(readings: readonly DatedReading[], asOf: Day): DatedReading[] {
  return readings.filter(r => daysBetween(asOf, r.date) <= 0).sort(byDate);
}

export function summarizeMetric(
  input: MetricInput,
  asOf: Day,
  periods: number | undefined,
  problems: string[],
): MetricSummary {
  const sorted = knownOn(input.readings, asOf);
  const later = input.readings.filter(r => daysBetween(asOf, r.date) > 0).sort(byDate);
  if (later.length) {
    problems.push(
      `${later.length === 1 ? "1 reading is" : `${later.length} readings are`} dated after ${isoDay(asOf)}, the day judged on, and left out (the first on ${isoDay(later[0].date)}); judge on a later day, or fix the date.`,
    );
  }
  const latest = sorted[sorted.length - 1];
  const step = Cadences[input.cadence.trim().toLowerCase()] ?? Cadences.weekly;
  if (input.cadence && !Cadences[input.cadence.trim().toLowerCase()]) {
    problems.push(`Cadence "${input.cadence}" is not Weekly, Monthly or Quarterly; weekly is assumed.`);
  }
  const out: MetricSummary = {
    latest,
    previous: sorted[sorted.length - 2],
    stale: !latest || daysBetween(step(latest.date, 2), asOf) > 0,
    recent: sorted.slice(-RecentReadings).map(r => r.value),
  };
  if (!latest) problems.push("No readings yet.");
  // A blank threshold was already reported where it was read.
  if (input.greenAt === undefined || input.redAt === undefined) return out;
  try {
    out.thresholds = thresholds(input.greenAt, input.redAt);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(error.message.replace("greenAt", "Green At").replace("redAt", "Red At"));
    return out;
  }
  if (latest) {
    out.status = healthStatus(latest.value, out.thresholds);
    out.hot = hotCheck(
      sorted.map(r => r.value),
      out.thresholds,
      periods,
    );
  }
  if (sorted.length >= 2) out.trend = healthTrend(out.recent);
  return out;
}

/**
 * A trend in words, with the line's direction and slope first; the change from
 * the first reading to the last is added when it moves the same way, and called
 * out when it does not, so the words never contradict the trend.
 */
export function describeMove(trend: Trend): string {
  const sig = (x: number) => Number(x.toPrecision(3));
  const word = trend.direction.toLowerCase();
  const perReading = `(${trend.slope >= 0 ? "+" : ""}${sig(trend.slope)} per reading)`;
  const pc = trend.percentChange;
  if (pc === undefined || pc === 0) return `${word} ${perReading}`;
  const sameWay = Math.sign(pc) === (trend.direction === "Up" ? 1 : trend.direction === "Down" ? -1 : 0);
  if (sameWay) return `${word} ${sig(Math.abs(pc * 100))}% ${perReading}`;
  return `trending ${word} ${perReading}, though the latest reading is ${sig(Math.abs(pc * 100))}% ${pc > 0 ? "above" : "below"} the first`;
}

export interface Candidate {
  objective: string;
  keyResult: string;
  evidence: string;
}

/**
 * A metric that stayed red, or kept moving away from green, through the last
 * cycle becomes a candidate objective for the next one.
 */
export function okrCandidate(
  name: string,
  unit: string,
  input: MetricInput,
  summary: MetricSummary,
  asOf: Day,
  cycleMonths = 3,
): Candidate | undefined {
  const t = summary.thresholds;
  const latest = summary.latest;
  if (!t || !latest) return undefined;
  const since = addMonths(new UTCDate(asOf.getTime()), -cycleMonths);
  const window = knownOn(input.readings, asOf).filter(r => daysBetween(since, r.date) >= 0);
  if (window.length < 2) return undefined;
  const red = window.filter(r => healthStatus(r.value, t) === "Red").length;
  const trend = healthTrend(window.map(r => r.value));
  const worse = t.greenAt > t.redAt ? "Down" : "Up";
  const allRed = red === window.length;
  const worsening = trend.direction === worse && healthStatus(latest.value, t) !== "Green" && window.length >= 3;
  if (!allRed && !worsening) return undefined;
  const u = !unit ? "" : unit.startsWith("%") ? unit : ` ${unit}`;
  const moved = describeMove(trend);
  const span = `${window.length} readings since ${isoDay(window[0].date)}`;
  return {
    objective: `Bring ${name} back to green`,
    keyResult: `${name} from ${latest.value}${u} to ${t.greenAt}${u} or better`,
    evidence: allRed
      ? `Red in all ${span}; ${moved}.`
      : `Moving away from green over ${span}: ${moved}; red in ${red} of them.`,
  };
}
