import type {Maybe} from "./contract";
import {count, Contract, isBlank, list, number, quote, sameLength} from "./contract";
import {fail} from "./errors";
import {mean, tidy} from "./numbers";
import {leastSquares} from "./okr";

/**
 * Organizational health metrics: the status of a reading against its thresholds,
 * the trend of a series, and whether a metric needs the leadership meeting's
 * attention this week.
 */

export type HealthColor = "Green" | "Yellow" | "Red";

export interface Thresholds {
  greenAt: number;
  redAt: number;
}

export function thresholds(greenAt: Maybe<number>, redAt: Maybe<number>): Thresholds {
  const green = number("greenAt", greenAt);
  const red = number("redAt", redAt);
  if (green === red) {
    fail(
      `greenAt and redAt are both ${green}: set greenAt above redAt when higher is better, or below it when lower is better.`,
    );
  }
  return {greenAt: green, redAt: red};
}

const higherIsBetter = (t: Thresholds) => t.greenAt > t.redAt;

/** Green at or beyond greenAt, Red at or beyond redAt, Yellow between; mirrored when lower is better. */
export function healthStatus(value: number, t: Thresholds): HealthColor {
  const v = number("value", value);
  if (higherIsBetter(t)) return v >= t.greenAt ? "Green" : v <= t.redAt ? "Red" : "Yellow";
  return v <= t.greenAt ? "Green" : v >= t.redAt ? "Red" : "Yellow";
}

export type Direction = "Up" | "Down" | "Flat";

/**
 * One definition of a trend: the least-squares line through the window. Its
 * direction is the line's (so Up never comes with a falling slope), Flat when the
 * line moves less than 1% of the window's mean size from end to end.
 */
export interface Trend {
  direction: Direction;
  /** Least-squares change per period over the window. */
  slope: number;
  /** Last versus first value of the window; undefined when the first is 0 (or too small to divide by). */
  percentChange?: number;
  /** Consecutive moves, ending with the latest, in the latest move's direction. */
  streak: number;
  /** The values of the window, oldest first. */
  window: number[];
}

interface Point {
  index: number;
  value: number;
}

/** The non-blank values with their positions; blanks (missed readings) keep the spacing. */
function points(values: readonly Maybe<number>[]): Point[] {
  list("values", values);
  const out: Point[] = [];
  values.forEach((v, i) => {
    if (!isBlank(v)) out.push({index: i, value: number(`Value ${i + 1}`, v)});
  });
  return out;
}

function windowSize(periods: Maybe<number>, available: number): number {
  if (isBlank(periods)) return available;
  return Math.min(count("periods", periods, 2, Contract.maxMagnitude), available);
}

export function healthTrend(values: readonly Maybe<number>[], periods?: Maybe<number>): Trend {
  const all = points(values);
  if (all.length < 2) {
    fail(`A trend needs at least two values; there ${all.length === 1 ? "is 1" : `are ${all.length}`}.`);
  }
  const win = all.slice(all.length - windowSize(periods, all.length));
  const first = win[0].value;
  const last = win[win.length - 1].value;
  const magnitude = mean(win.map(p => Math.abs(p.value)));
  const line = leastSquares(
    win.map(p => p.index),
    win.map(p => p.value),
  );
  // The slope as the result shows it (float noise rounded away), so the direction never contradicts it.
  const slope = tidy(line?.slope ?? 0);
  // The line's change from the window's first reading to its last.
  const fitted = slope * (win[win.length - 1].index - win[0].index);
  const flat = fitted === 0 || Math.abs(fitted) < 0.01 * magnitude;
  const percentChange = first === 0 ? undefined : (last - first) / Math.abs(first);
  let streak = 0;
  const lastMove = Math.sign(last - win[win.length - 2].value);
  for (let i = win.length - 1; i > 0 && lastMove !== 0; i--) {
    if (Math.sign(win[i].value - win[i - 1].value) !== lastMove) break;
    streak++;
  }
  return {
    direction: flat ? "Flat" : fitted > 0 ? "Up" : "Down",
    slope,
    percentChange: percentChange === undefined || !Number.isFinite(percentChange) ? undefined : tidy(percentChange),
    streak,
    window: win.map(p => p.value),
  };
}

export interface HotCheck {
  hot: boolean;
  /** Why, in words for the agenda; empty when not hot. */
  reason: string;
  /** Higher is more urgent: 0 when not hot. */
  severity: number;
  status: HealthColor;
}

function periodsParam(periods: Maybe<number>): number {
  return count("periods", periods, 1, Contract.maxMagnitude, 3);
}

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/**
 * A metric is hot when its latest value is Red, when it has moved away from green
 * for `periods` periods in a row, or when it has just left Green.
 */
export function hotCheck(values: readonly Maybe<number>[], t: Thresholds, periods?: Maybe<number>): HotCheck {
  const n = periodsParam(periods);
  const series = points(values).map(p => p.value);
  if (!series.length) fail("There are no values: give at least one reading.");
  const latest = series[series.length - 1];
  const status = healthStatus(latest, t);
  const reasons: string[] = [];
  let severity = 0;
  const span = Math.abs(t.greenAt - t.redAt);
  if (status === "Red") {
    reasons.push(`Red: ${fmt(latest)} is past the red line of ${fmt(t.redAt)}`);
    severity += 3 + Math.min(2, Math.abs(latest - t.redAt) / span);
  }
  const worse = higherIsBetter(t) ? -1 : 1;
  let worsening = 0;
  for (let i = series.length - 1; i > 0 && Math.sign(series[i] - series[i - 1]) === worse; i--) worsening++;
  if (worsening >= n) {
    reasons.push(`moving away from green for ${worsening} periods in a row`);
    severity += 1 + Math.min(1, worsening / (2 * n));
  }
  if (series.length >= 2 && status !== "Green" && healthStatus(series[series.length - 2], t) === "Green") {
    reasons.push("just left green");
    severity += 2;
  }
  const reason = reasons.length ? reasons[0][0].toUpperCase() + reasons.join("; ").slice(1) + "." : "";
  return {hot: reasons.length > 0, reason, severity: Math.round(severity * 100) / 100, status};
}

export const HealthAreas = ["Growth", "Operations", "Finance", "Talent", "Culture", "Innovation"] as const;

export interface DashboardReview {
  metrics: number;
  perArea: string;
  missingAreas: string;
  shareRed: number;
  tooGranular: boolean;
  verdict: string;
}

export const DashboardLimits = {metrics: 15, perArea: 4} as const;

/**
 * Reviews a CEO dashboard: how many metrics each area has, which of the six areas
 * have none, the share that is red, and whether it has grown too granular for a
 * CEO (more than 15 metrics, or more than 4 in one area).
 */
export function dashboardReview(areas: readonly Maybe<string>[], statuses: readonly Maybe<string>[]): DashboardReview {
  list("areas", areas);
  sameLength(["areas", "statuses"], areas, statuses);
  const counts = new Map<string, number>();
  let red = 0;
  let metrics = 0;
  areas.forEach((raw, i) => {
    const text = isBlank(raw) ? "" : String(raw).trim();
    if (!text) fail(`Metric ${i + 1} has no area: give it one of ${HealthAreas.join(", ")}.`);
    const area = HealthAreas.find(a => a.toLowerCase() === text.toLowerCase()) ?? text;
    counts.set(area, (counts.get(area) ?? 0) + 1);
    metrics++;
    const status = isBlank(statuses[i]) ? "" : String(statuses[i]).trim().toLowerCase();
    if (!["green", "yellow", "red", ""].includes(status)) {
      fail(`Status ${i + 1} is ${quote(statuses[i])}; use Green, Yellow or Red.`);
    }
    if (status === "red") red++;
  });
  if (!metrics) fail("There are no metrics to review.");
  const ordered = [
    ...HealthAreas.filter(a => counts.has(a)),
    ...[...counts.keys()].filter(a => !(HealthAreas as readonly string[]).includes(a)),
  ];
  const missing = HealthAreas.filter(a => !counts.has(a));
  const crowded = ordered.filter(a => counts.get(a)! > DashboardLimits.perArea);
  const tooGranular = metrics > DashboardLimits.metrics || crowded.length > 0;
  const notes: string[] = [];
  if (metrics > DashboardLimits.metrics) {
    notes.push(`${metrics} metrics is more than a CEO can review weekly; keep ${DashboardLimits.metrics} or fewer`);
  }
  if (crowded.length) {
    notes.push(
      `${crowded.join(", ")} ${crowded.length === 1 ? "has" : "have"} more than ${DashboardLimits.perArea}; keep the ones that change decisions`,
    );
  }
  if (missing.length) notes.push(`no metric covers ${missing.join(", ")}`);
  const shareRed = tidy(red / metrics);
  if (shareRed > 0.25) notes.push(`${Math.round(shareRed * 100)}% of metrics are red`);
  return {
    metrics,
    perArea: ordered.map(a => `${a} ${counts.get(a)}`).join(", "),
    missingAreas: missing.join(", "),
    shareRed,
    tooGranular,
    verdict: notes.length
      ? notes[0][0].toUpperCase() + notes.join("; ").slice(1) + "."
      : "A focused dashboard: every area covered, none crowded.",
  };
}
