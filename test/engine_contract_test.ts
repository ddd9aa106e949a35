import {assert} from "chai";
import {day, isoDay, toDay, today} from "../src/engine/calendar";
import {count, fraction, list, minutes, number, plainText, quote, score, shorten, weight} from "../src/engine/contract";
import {InputError} from "../src/engine/errors";
import {okrCycle} from "../src/engine/cycle";
import {meetingDates, rolloutPhase} from "../src/engine/meetings";

/** The input contract (src/engine/contract.ts): one rule per kind of parameter. */

describe("engine: the input contract for numbers", function () {
  it("reads fractions from 0 to 1 and refuses a whole-number percent with the fix", function () {
    assert.equal(fraction("Confidence", 0.35), 0.35);
    assert.equal(fraction("Confidence", 1), 1);
    assert.throws(
      () => fraction("Confidence", 35),
      InputError,
      /^Confidence must be between 0 and 1 \(0–100%\): 35 looks like 35%, so use 0.35 or a Percent column\.$/,
    );
    assert.throws(() => fraction("Confidence", 1.2), InputError, /1.2 looks like 1.2%, so use 0.012/);
    assert.throws(
      () => fraction("Confidence", -0.1),
      InputError,
      /^Confidence must be between 0 and 1 \(0–100%\), not -0.1\.$/,
    );
    assert.throws(() => fraction("Confidence", 250), InputError, /not 250\.$/);
  });

  it("reads scores up to 1.5 for over-achievement, and the same percent rule", function () {
    assert.equal(score("Progress", 1.3), 1.3);
    assert.throws(
      () => score("Progress", 35),
      InputError,
      /^Progress must be between 0 and 1.5 \(0–150%\): 35 looks like 35%, so use 0.35 or a Percent column\.$/,
    );
    assert.throws(() => score("Progress", 58), InputError, /use 0.58/);
  });

  it("keeps every other number within ±1e15 and refuses blanks, infinities and text", function () {
    assert.equal(number("Value", -1e15), -1e15);
    assert.throws(() => number("Value", 1e308), InputError, /^Value is 1e\+308: numbers run from -1e15 to 1e15\.$/);
    assert.throws(() => number("Value", Infinity), InputError, /finite number/);
    assert.throws(() => number("Value", undefined), InputError, /Value is blank/);
    assert.throws(() => number("Value", "12" as unknown as number), InputError, /must be a number, not "12"/);
  });

  it("reads weights, counts, minutes and list lengths by one rule each", function () {
    assert.equal(weight("Weight 1", undefined), 1);
    assert.throws(() => weight("Weight 1", -1), InputError, /must not be negative/);
    assert.equal(count("count", undefined, 1, 520, 4), 4);
    assert.throws(() => count("count", 2.5, 1, 520), InputError, /count must be a whole number from 1 to 520, not 2.5/);
    assert.throws(() => minutes("Item 1", 1441), InputError, /0 to 1,440 minutes/);
    assert.throws(
      () => list("values", new Array(200_001)),
      InputError,
      /values has 200,001 entries; give at most 200,000/,
    );
  });
});

describe("engine: the input contract for text", function () {
  it("drops control characters and never splits an emoji when it shortens", function () {
    assert.equal(plainText("Ship\u0000 the\u001f API\u0085"), "Ship the API");
    assert.equal(plainText("lone \ud800 surrogate"), "lone surrogate");
    assert.equal(shorten("Grow 👩🏽‍💻👩🏽‍💻👩🏽‍💻 teams", 7), "Grow 👩🏽‍💻…");
    assert.equal(shorten("short", 14), "short");
  });

  it("quotes at most 40 characters of a value in a message", function () {
    assert.equal(quote("x".repeat(10_000)), `"${"x".repeat(39)}…"`);
  });
});

describe("engine: the input contract for dates", function () {
  it("keeps years 1 to 99 in their own century and refuses years outside 1000 to 9999", function () {
    assert.throws(() => day("0050-03-01"), InputError, /falls in the year 50: dates run from the year 1000 to 9999/);
    assert.equal(isoDay(day("1000-01-01")), "1000-01-01");
    assert.equal(isoDay(day("9999-12-31")), "9999-12-31");
    assert.throws(
      () => toDay("date", new Date(8.64e15)),
      InputError,
      /^date falls in the year 275760: dates run from the year 1000 to 9999\.$/,
    );
  });

  it("refuses invalid and impossible dates with a message, not a RangeError", function () {
    assert.throws(() => toDay("date", new Date(NaN)), InputError, /date is not a date/);
    assert.throws(() => day("2026-02-30"), InputError, /is not a day of the calendar/);
  });

  it("reads a date in the doc's time zone, east and west of UTC", function () {
    // Midnight of 2026-01-01 in Auckland (UTC+13 in summer) and in Apia (UTC+13), Kiritimati (UTC+14) and Honolulu (UTC-10).
    assert.equal(isoDay(toDay("date", new Date("2025-12-31T11:00:00Z"), "Pacific/Auckland")), "2026-01-01");
    assert.equal(isoDay(toDay("date", new Date("2025-12-31T10:00:00Z"), "Pacific/Kiritimati")), "2026-01-01");
    assert.equal(isoDay(toDay("date", new Date("2026-01-01T10:00:00Z"), "Pacific/Honolulu")), "2026-01-01");
    // ISO text names its day in any zone; an instant at exactly midnight UTC is, like any instant, its day in the zone.
    assert.equal(isoDay(toDay("date", "2026-01-01", "Pacific/Auckland")), "2026-01-01");
    assert.equal(isoDay(toDay("date", new Date("2026-01-01T00:00:00Z"), "America/Los_Angeles")), "2025-12-31");
    assert.equal(isoDay(toDay("date", new Date("1965-03-04T00:00:00Z"), "America/Los_Angeles")), "1965-03-03");
    assert.equal(isoDay(toDay("date", new Date("1965-03-04T00:00:00Z"), "Asia/Kolkata")), "1965-03-04");
    // An unknown zone falls back to the nearest UTC midnight.
    assert.equal(isoDay(toDay("date", new Date("2026-01-01T08:00:00Z"), "Mars/Olympus")), "2026-01-01");
    assert.equal(isoDay(today("Pacific/Auckland", new Date("2025-12-31T11:00:00Z"))), "2026-01-01");
  });

  it("computes dates only inside the calendar it reads", function () {
    assert.throws(() => meetingDates("Annual", day("9990-01-05"), 20), InputError, /year 10009/);
    assert.throws(
      () => rolloutPhase(day("9999-12-01"), day("9999-12-31")),
      InputError,
      /The next milestone falls in the year 10000/,
    );
    assert.throws(() => okrCycle(day("9999-11-01"), 6, 7), InputError, /fiscal year 10000/);
    assert.equal(okrCycle(day("1000-01-15")).name, "FY1000 Q1");
  });
});
