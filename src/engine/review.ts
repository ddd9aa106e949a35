import type {Day} from "./calendar";
import {daysBetween} from "./calendar";
import type {Maybe} from "./contract";
import {fraction, isBlank, list, sameLength, score} from "./contract";
import {fail} from "./errors";
import {mean, tidy} from "./numbers";
import {keyResultGrade} from "./okr";

export const ReviewRules = {
  sandbagAt: 1,
  overreachBelow: 0.3,
  staleAfterDays: 14,
  lowConfidenceBelow: 0.5,
} as const;

/**
 * One definition of stale, for formulas, sync rows and the briefing alike: no
 * check-in in the 14 days up to asOf, or none at all.
 */
export function isStale(lastCheckIn: Maybe<Day>, asOf: Day): boolean {
  return isBlank(lastCheckIn) || daysBetween(lastCheckIn, asOf) > ReviewRules.staleAfterDays;
}

export interface CycleReview {
  count: number;
  mean: number;
  green: number;
  yellow: number;
  red: number;
  stale: number;
  lowConfidence: number;
  flags: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The evidence for a cycle retrospective. Scores are graded with the usual
 * 0.7 / 0.4 bands; most key results at or above 1.0 suggests targets were set
 * too low (sandbagging), most below 30% suggests overreach. Key results without a
 * check-in for 14 days are stale.
 */
export function cycleReview(
  scores: readonly Maybe<number>[],
  confidences: readonly Maybe<number>[] = [],
  lastCheckIns: readonly Maybe<Day>[] = [],
  asOf?: Day,
): CycleReview {
  list("scores", scores);
  if (confidences.length) sameLength(["scores", "confidences"], scores, confidences);
  if (lastCheckIns.length) {
    sameLength(["scores", "lastCheckIns"], scores, lastCheckIns);
    if (!asOf) fail("asOf is needed to judge how recent the check-ins are.");
  }
  const scored: number[] = [];
  let green = 0;
  let yellow = 0;
  let red = 0;
  let high = 0;
  let low = 0;
  let stale = 0;
  let lowConfidence = 0;
  scores.forEach((raw, i) => {
    if (isBlank(raw)) return;
    const s = score(`Score ${i + 1}`, raw);
    scored.push(s);
    const grade = keyResultGrade(s);
    if (grade === "Green") green++;
    else if (grade === "Yellow") yellow++;
    else red++;
    if (s >= ReviewRules.sandbagAt) high++;
    if (s < ReviewRules.overreachBelow) low++;
    if (confidences.length && !isBlank(confidences[i])) {
      if (fraction(`Confidence ${i + 1}`, confidences[i]) < ReviewRules.lowConfidenceBelow) lowConfidence++;
    }
    if (lastCheckIns.length && asOf) {
      if (isStale(lastCheckIns[i], asOf)) stale++;
    }
  });
  if (scored.length === 0) fail("There are no scores to review: give at least one key result score.");
  const count = scored.length;
  const flags: string[] = [];
  if (high * 2 > count) {
    flags.push(
      `Sandbagging: ${high} of the ${count} scored key results reached 100% or more; set bolder targets next cycle`,
    );
  }
  if (low * 2 > count) {
    flags.push(
      `Overreach: ${low} of the ${count} scored key results scored below ${ReviewRules.overreachBelow * 100}%; commit to fewer or smaller key results next cycle`,
    );
  }
  if (stale) {
    flags.push(`Stale: ${plural(stale, "key result")} had no check-in in the last ${ReviewRules.staleAfterDays} days`);
  }
  if (lowConfidence) {
    flags.push(
      `Low confidence: ${plural(lowConfidence, "key result")} below ${ReviewRules.lowConfidenceBelow * 100}% confidence`,
    );
  }
  return {
    count,
    mean: tidy(mean(scored)),
    green,
    yellow,
    red,
    stale,
    lowConfidence,
    flags: flags.length ? flags.join(". ") + "." : "None",
  };
}
