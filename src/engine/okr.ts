import type {Day} from "./calendar";
import {daysBetween} from "./calendar";
import type {Maybe} from "./contract";
import {Contract, fraction, isBlank, list, number, quote, sameLength, score, weight} from "./contract";
import {fail} from "./errors";
import {clamp, tidy, weightedMean} from "./numbers";

// ---------------------------------------------------------------- progress

export const KeyResultKinds = ["Auto", "StayAbove", "StayBelow"] as const;
export type KeyResultKind = (typeof KeyResultKinds)[number];

/** Accepts a kind in any case and spacing ("stay above", "Stay-Above"). */
export function parseKind(kind: Maybe<string>): KeyResultKind {
  if (isBlank(kind) || kind.trim() === "") return "Auto";
  const key = kind.replace(/[\s_-]+/g, "").toLowerCase();
  const match = KeyResultKinds.find(k => k.toLowerCase() === key);
  if (!match) fail(`Unknown key result kind ${quote(kind)}. Use one of: ${KeyResultKinds.join(", ")}.`);
  return match;
}

export interface ProgressInput {
  start: number;
  target: number;
  current: number;
  kind?: Maybe<string>;
  allowOverachievement?: Maybe<boolean>;
}

/**
 * How far a key result has come from its start toward its target. Auto works for
 * increasing and decreasing key results alike; StayAbove and StayBelow are
 * thresholds that are either held (1) or not (0). Progress is capped at 1, or at
 * the contract's 1.5 (150 %) when over-achievement is allowed, so it is always a
 * valid score for every other formula.
 */
export function keyResultProgress(input: ProgressInput): number {
  const start = number("Start", input.start);
  const target = number("Target", input.target);
  const current = number("Current", input.current);
  const kind = parseKind(input.kind);
  let progress: number;
  switch (kind) {
    case "StayAbove":
      progress = current >= target ? 1 : 0;
      break;
    case "StayBelow":
      progress = current <= target ? 1 : 0;
      break;
    case "Auto":
      if (start === target) {
        fail(
          `Start and target are both ${start}, so progress cannot be measured. Change the target, or use the kind StayAbove or StayBelow.`,
        );
      }
      progress = (current - start) / (target - start);
      break;
  }
  return tidy(clamp(progress, 0, input.allowOverachievement ? Contract.scoreMax : 1));
}

// ---------------------------------------------------------------- grade

export type Grade = "Green" | "Yellow" | "Red";
export const DefaultGreenAt = 0.7;
export const DefaultYellowAt = 0.4;

/** The grade of a score (0 to 1.5); the bands are fractions (0 to 1). */
export function keyResultGrade(
  value: number,
  greenAt: Maybe<number> = DefaultGreenAt,
  yellowAt: Maybe<number> = DefaultYellowAt,
): Grade {
  const s = score("Score", value);
  const green = isBlank(greenAt) ? DefaultGreenAt : fraction("greenAt", greenAt);
  const yellow = isBlank(yellowAt) ? DefaultYellowAt : fraction("yellowAt", yellowAt);
  if (yellow > green) fail(`yellowAt (${yellow}) must not be above greenAt (${green}).`);
  if (s >= green) return "Green";
  if (s >= yellow) return "Yellow";
  return "Red";
}

// ---------------------------------------------------------------- time

/** The fraction of the cycle elapsed on asOf, clamped to [0, 1]. */
export function expectedProgress(cycleStart: Day, cycleEnd: Day, asOf: Day): number {
  const length = daysBetween(cycleStart, cycleEnd);
  if (length <= 0) fail("The cycle must end after it starts: check the start and end dates.");
  return tidy(clamp(daysBetween(cycleStart, asOf) / length, 0, 1));
}

// ---------------------------------------------------------------- status

export const Statuses = ["Not started", "On track", "At risk", "Off track", "Done", "Missed"] as const;
export type Status = (typeof Statuses)[number];

export const StatusRules = {
  onTrackPace: 0.95,
  atRiskPace: 0.75,
  graceFraction: 0.1,
  offTrackConfidence: 0.3,
  atRiskConfidence: 0.6,
} as const;

export const StatusRulesText =
  "Done when progress reaches 100%. Missed when the cycle has ended short of it. Not started before the cycle starts. " +
  "Otherwise pace = progress ÷ expected progress (the share of the cycle elapsed): " +
  "95% or more is On track, 75% or more At risk, below that Off track; pace is not judged in the first 10% of the cycle (On track). " +
  "Confidence below 30% makes it Off track; below 60% it is at best At risk.";

export interface StatusInput {
  progress: number;
  cycleStart: Day;
  cycleEnd: Day;
  asOf: Day;
  confidence?: Maybe<number>;
}

export function keyResultStatus(input: StatusInput): Status {
  const progress = score("Progress", input.progress);
  const confidence = isBlank(input.confidence) ? undefined : fraction("Confidence", input.confidence);
  const expected = expectedProgress(input.cycleStart, input.cycleEnd, input.asOf);
  if (progress >= 1) return "Done";
  if (daysBetween(input.cycleEnd, input.asOf) > 0) return "Missed";
  if (daysBetween(input.cycleStart, input.asOf) < 0) return "Not started";
  let status: Status;
  if (expected < StatusRules.graceFraction) {
    status = "On track";
  } else {
    const pace = progress / expected;
    status = pace >= StatusRules.onTrackPace ? "On track" : pace >= StatusRules.atRiskPace ? "At risk" : "Off track";
  }
  if (confidence !== undefined) {
    if (confidence < StatusRules.offTrackConfidence) return "Off track";
    if (confidence < StatusRules.atRiskConfidence && status === "On track") return "At risk";
  }
  return status;
}

// ---------------------------------------------------------------- objective score

/**
 * Weighted mean of key result scores. A blank score is left out together with its
 * weight (a key result not scored yet); a blank weight counts as 1.
 */
export function objectiveScore(scores: readonly Maybe<number>[], weights?: readonly Maybe<number>[]): number {
  list("scores", scores);
  if (weights && weights.length > 0) sameLength(["scores", "weights"], scores, weights);
  const values: number[] = [];
  const used: number[] = [];
  scores.forEach((s, i) => {
    const w = weights && weights.length > 0 ? weight(`Weight ${i + 1}`, weights[i]) : 1;
    if (isBlank(s)) return;
    values.push(score(`Score ${i + 1}`, s));
    used.push(w);
  });
  if (values.length === 0) fail("There are no scores to average: give at least one key result score.");
  const result = weightedMean(values, used);
  if (result === undefined) fail("All weights are zero: give at least one scored key result a weight above zero.");
  return tidy(result);
}

// ---------------------------------------------------------------- forecast

export interface Line {
  slope: number;
  intercept: number;
}

/** Least-squares straight line through (x, y) points. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): Line | undefined {
  const n = xs.length;
  if (n < 2) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return {slope, intercept: my - slope * mx};
}

/**
 * Projects a check-in history to a date with a least-squares line. Pairs with a
 * blank date or value are left out.
 */
export function forecastValue(dates: readonly Maybe<Day>[], values: readonly Maybe<number>[], atDate: Day): number {
  list("dates", dates);
  sameLength(["dates", "values"], dates, values);
  const xs: number[] = [];
  const ys: number[] = [];
  const origin = atDate;
  dates.forEach((d, i) => {
    if (isBlank(d) || isBlank(values[i])) return;
    xs.push(daysBetween(origin, d));
    ys.push(number(`Value ${i + 1}`, values[i]));
  });
  if (xs.length < 2) {
    fail(
      `A forecast needs at least two check-ins with a date and a value; there ${xs.length === 1 ? "is 1" : `are ${xs.length}`}.`,
    );
  }
  const line = leastSquares(xs, ys);
  if (!line) fail("All check-ins share one date: a forecast needs check-ins on at least two different dates.");
  return tidy(line.intercept);
}
