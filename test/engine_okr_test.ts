import {assert} from "chai";
import {day} from "../src/engine/calendar";
import {okrCycle} from "../src/engine/cycle";
import {InputError} from "../src/engine/errors";
import {
  expectedProgress,
  forecastValue,
  keyResultGrade,
  keyResultProgress,
  keyResultStatus,
  objectiveScore,
  parseKind,
} from "../src/engine/okr";
import {cycleReview, isStale} from "../src/engine/review";

const q2 = {cycleStart: day("2026-04-01"), cycleEnd: day("2026-06-30")};

describe("engine: key results", function () {
  it("measures rising and falling key results", function () {
    assert.equal(keyResultProgress({start: 0, target: 200, current: 50}), 0.25);
    assert.equal(keyResultProgress({start: 40, target: 10, current: 25}), 0.5);
  });

  it("floors at 0 and caps at 1 unless over-achievement is allowed", function () {
    assert.equal(keyResultProgress({start: 10, target: 20, current: 5}), 0);
    assert.equal(keyResultProgress({start: 10, target: 20, current: 25}), 1);
    assert.equal(keyResultProgress({start: 10, target: 20, current: 25, allowOverachievement: true}), 1.5);
  });

  it("reads kinds in any case and spacing", function () {
    assert.equal(parseKind("stay above"), "StayAbove");
    assert.equal(parseKind("Stay-Below"), "StayBelow");
    assert.equal(parseKind(""), "Auto");
    assert.throws(
      () => parseKind("Sideways"),
      InputError,
      /Unknown key result kind "Sideways".*Auto, StayAbove, StayBelow/,
    );
  });

  it("explains a start equal to the target", function () {
    assert.throws(() => keyResultProgress({start: 5, target: 5, current: 5}), InputError, /StayAbove or StayBelow/);
  });

  it("refuses blanks and non-numbers", function () {
    assert.throws(
      () => keyResultProgress({start: 0, target: 1, current: undefined as unknown as number}),
      InputError,
      /Current is blank/,
    );
    assert.throws(
      () => keyResultProgress({start: 0, target: Infinity, current: 0}),
      InputError,
      /Target must be a finite number/,
    );
  });

  it("grades with the 0.7 / 0.4 bands and checks custom bands", function () {
    assert.equal(keyResultGrade(0.7), "Green");
    assert.equal(keyResultGrade(0.4), "Yellow");
    assert.equal(keyResultGrade(0.39), "Red");
    assert.throws(
      () => keyResultGrade(0.5, 0.3, 0.6),
      InputError,
      /yellowAt \(0.6\) must not be above greenAt \(0.3\)/,
    );
  });
});

describe("engine: time and status", function () {
  it("clamps expected progress to the cycle", function () {
    assert.equal(expectedProgress(q2.cycleStart, q2.cycleEnd, day("2026-03-01")), 0);
    assert.equal(expectedProgress(q2.cycleStart, q2.cycleEnd, day("2026-05-16")), 0.5);
    assert.equal(expectedProgress(q2.cycleStart, q2.cycleEnd, day("2026-09-01")), 1);
    assert.throws(
      () => expectedProgress(q2.cycleEnd, q2.cycleStart, q2.cycleEnd),
      InputError,
      /must end after it starts/,
    );
  });

  const at = (asOf: string, progress: number, confidence?: number) =>
    keyResultStatus({...q2, asOf: day(asOf), progress, confidence});

  it("applies every rule in order", function () {
    assert.equal(at("2026-03-15", 0), "Not started");
    assert.equal(at("2026-04-05", 0), "On track", "pace is not judged in the first 10%");
    assert.equal(at("2026-05-16", 0.48), "On track");
    assert.equal(at("2026-05-16", 0.4), "At risk");
    assert.equal(at("2026-05-16", 0.3), "Off track");
    assert.equal(at("2026-05-16", 0.6, 0.2), "Off track", "confidence below 0.3");
    assert.equal(at("2026-05-16", 0.6, 0.5), "At risk", "confidence below 0.6 caps at At risk");
    assert.equal(at("2026-05-16", 0.3, 0.5), "Off track", "low confidence never improves a status");
    assert.equal(at("2026-06-30", 1), "Done");
    assert.equal(at("2026-07-01", 0.99), "Missed");
    assert.equal(at("2026-07-01", 1.2), "Done");
  });

  it("refuses confidence outside 0–1", function () {
    assert.throws(() => at("2026-05-16", 0.5, 60), InputError, /Confidence must be between 0 and 1/);
  });
});

describe("engine: objective score and forecast", function () {
  it("weights scores and skips blank ones", function () {
    assert.equal(objectiveScore([0.2, 0.8], [1, 3]), 0.65);
    assert.equal(objectiveScore([0.2, undefined, 0.8]), 0.5);
    assert.equal(objectiveScore([0.2, 0.8], [undefined, 1]), 0.5);
  });

  it("rejects every malformed input with a reason", function () {
    assert.throws(() => objectiveScore([0.2, 0.8], [1]), InputError, /scores has 2 entries but weights has 1/);
    assert.throws(() => objectiveScore([0.2], [-1]), InputError, /must not be negative/);
    assert.throws(() => objectiveScore([0.2, 0.3], [0, 0]), InputError, /All weights are zero/);
    assert.throws(() => objectiveScore([]), InputError, /no scores/);
    assert.throws(() => objectiveScore([undefined]), InputError, /no scores/);
  });

  it("projects a straight line, also backwards and between points", function () {
    const dates = [day("2026-01-01"), day("2026-01-11")];
    assert.equal(forecastValue(dates, [0, 10], day("2026-01-21")), 20);
    assert.equal(forecastValue(dates, [0, 10], day("2026-01-06")), 5);
    assert.equal(forecastValue([...dates, undefined], [0, 10, 99], day("2026-01-21")), 20);
  });

  it("needs two dated points on two dates", function () {
    assert.throws(
      () => forecastValue([day("2026-01-01")], [1], day("2026-02-01")),
      InputError,
      /at least two check-ins.*there is 1/,
    );
    assert.throws(
      () => forecastValue([day("2026-01-01"), day("2026-01-01")], [1, 2], day("2026-02-01")),
      InputError,
      /two different dates/,
    );
  });
});

describe("engine: cycles", function () {
  it("names quarters, halves, years and other lengths", function () {
    assert.equal(okrCycle(day("2026-11-21")).name, "FY2026 Q4");
    assert.equal(okrCycle(day("2026-11-21"), 6).name, "FY2026 H2");
    assert.equal(okrCycle(day("2026-11-21"), 12).name, "FY2026");
    assert.equal(okrCycle(day("2026-11-21"), 2).name, "FY2026 C6");
    assert.equal(okrCycle(day("2026-11-21"), 1).name, "FY2026 C11");
  });

  it("names a fiscal year by the calendar year it ends in", function () {
    const c = okrCycle(day("2026-02-15"), 3, 4);
    assert.deepInclude(c, {name: "FY2026 Q4", number: 4, fiscalYear: 2026});
    assert.equal(c.start.toISOString().slice(0, 10), "2026-01-01");
    assert.equal(c.end.toISOString().slice(0, 10), "2026-03-31");
    assert.equal(okrCycle(day("2026-04-01"), 3, 4).name, "FY2027 Q1");
  });

  it("ends cycles on the last day of the month, leap years included", function () {
    assert.equal(okrCycle(day("2028-02-10"), 1).end.toISOString().slice(0, 10), "2028-02-29");
  });

  it("refuses lengths that do not divide the year and impossible months", function () {
    assert.throws(() => okrCycle(day("2026-01-01"), 5), InputError, /1, 2, 3, 4, 6, 12/);
    assert.throws(() => okrCycle(day("2026-01-01"), 3, 13), InputError, /fiscalYearStartMonth/);
    assert.throws(() => okrCycle(day("2026-01-01"), 2.5), InputError, /whole number/);
  });
});

describe("engine: cycle review", function () {
  it("counts grades and flags overreach", function () {
    const r = cycleReview([0.1, 0.2, 0.9]);
    assert.deepInclude(r, {count: 3, green: 1, yellow: 0, red: 2});
    assert.match(r.flags, /^Overreach: 2 of the 3 scored key results scored below 30%/);
  });

  it("says None when there is nothing to flag", function () {
    assert.equal(cycleReview([0.7, 0.6, 0.8]).flags, "None");
  });

  it("treats a key result never checked in as stale", function () {
    const r = cycleReview([0.5, 0.5], [], [undefined, day("2026-03-30")], day("2026-03-31"));
    assert.equal(r.stale, 1);
  });

  it("needs asOf for check-ins and at least one score", function () {
    assert.throws(() => cycleReview([0.5], [], [day("2026-03-30")]), InputError, /asOf/);
    assert.throws(() => cycleReview([undefined]), InputError, /no scores/);
  });
});

describe("engine: staleness", function () {
  it("has one definition: no check-in in the 14 days up to asOf, or none at all", function () {
    const asOf = day("2026-03-31");
    assert.isFalse(isStale(day("2026-03-17"), asOf));
    assert.isTrue(isStale(day("2026-03-16"), asOf));
    assert.isTrue(isStale(undefined, asOf));
  });
});
