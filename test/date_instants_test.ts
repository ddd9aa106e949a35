import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import fc from "fast-check";
import {isoDay, toDay} from "../src/engine/calendar";
import * as cells from "../src/engine/cells";
import {pack} from "../src/pack";

/**
 * One rule for date instants: an instant is its calendar day in the doc's time
 * zone, an instant at exactly midnight UTC included, for every year from 1000 to
 * 9999, before 1970 too; a date cell holding a Unix time follows the same rule.
 */

const Zones = ["America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "UTC"];
const DayMs = 86_400_000;
/** Instants whose day is within 1000 to 9999 in every zone: a day's margin at each end. */
const First = Date.UTC(1000, 0, 2);
const Last = Date.UTC(9999, 11, 30);
/** Unix seconds of the last second of 9999: a number beyond it is read as milliseconds. */
const LastUnixSecond = 253_402_300_799;

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** A zone's offset from UTC at an instant, in ms, to the second as local mean time has it. */
function offsetMs(t: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    offsetFormats.set(zone, (format = new Intl.DateTimeFormat("en-US", {timeZone: zone, timeZoneName: "longOffset"})));
  }
  const name = format.formatToParts(t).find(p => p.type === "timeZoneName")!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  assert.exists(m, `an offset such as GMT-07:52:58, not ${name}`);
  return m![1] ? (m![1] === "-" ? -1 : 1) * (Number(m![2]) * 3600 + Number(m![3]) * 60 + Number(m![4] ?? 0)) * 1000 : 0;
}

/** The calendar day of an instant in a zone, found another way than the pack's: the instant plus the zone's offset, read as a UTC date. */
function calendarDayIn(t: number, zone: string): string {
  const local = new Date(t + offsetMs(t, zone));
  return `${String(local.getUTCFullYear()).padStart(4, "0")}-${String(local.getUTCMonth() + 1).padStart(2, "0")}-${String(local.getUTCDate()).padStart(2, "0")}`;
}

/** Midnight of a day (counted from 1970-01-01) in a zone, as Coda passes a date-only value from a doc in that zone. */
function midnightIn(day: number, zone: string): number {
  const utc = day * DayMs;
  return utc - offsetMs(utc - offsetMs(utc, zone), zone);
}

const zone = fc.constantFrom(...Zones);
const anyInstant = fc.integer({min: First, max: Last});
const utcMidnight = fc.integer({min: Math.ceil(First / DayMs), max: Math.floor(Last / DayMs)}).map(d => d * DayMs);
const before1970 = fc.integer({min: First, max: -1});

describe("date instants: one rule, the calendar day in the doc's time zone", function () {
  it("reads any instant from 1000 to 9999 as its day in the zone, midnight UTC and years before 1970 included", function () {
    fc.assert(
      fc.property(
        fc.oneof(
          anyInstant,
          utcMidnight,
          before1970,
          before1970.map(t => t - (t % DayMs)),
        ),
        zone,
        (t, z) => {
          assert.equal(
            isoDay(toDay("date", new Date(t), z)),
            calendarDayIn(t, z),
            `${new Date(t).toISOString()} in ${z}`,
          );
        },
      ),
      {numRuns: 2000},
    );
  });

  it("reads midnight in the zone, as Coda passes a date-only value, as that day", function () {
    const days = fc.integer({min: Math.ceil(First / DayMs), max: Math.floor(Last / DayMs)});
    fc.assert(
      fc.property(days, zone, (d, z) => {
        const t = midnightIn(d, z);
        const day = calendarDayIn(t, z);
        assert.equal(isoDay(toDay("date", t, z)), day);
        assert.equal(day, isoDay(new Date(d * DayMs)), "midnight in the zone is on that day");
      }),
      {numRuns: 300},
    );
  });

  it("reads a date cell holding a Unix time in seconds or milliseconds as its day in the zone", function () {
    const seconds = anyInstant.map(t => Math.floor(t / 1000));
    const millis = anyInstant.filter(t => Math.abs(t) > LastUnixSecond);
    fc.assert(
      fc.property(seconds, zone, (s, z) => {
        assert.equal(isoDay(cells.date(s, "Date", z).value!), calendarDayIn(s * 1000, z));
      }),
      {numRuns: 1000},
    );
    fc.assert(
      fc.property(millis, zone, (ms, z) => {
        assert.equal(isoDay(cells.date(ms, "Date", z).value!), calendarDayIn(ms, z));
      }),
      {numRuns: 1000},
    );
  });

  it("reads the values recorded traffic shows in a date cell", function () {
    const day = (cell: unknown, z?: string) => {
      const read = cells.date(cell, "Date", z);
      return read.value ? isoDay(read.value) : read.problem;
    };
    // 1772582400 is 2026-03-04T00:00:00Z: 7 pm on March 3 in New York, 5:30 am on March 4 in Kolkata.
    assert.equal(day(1772582400, "America/New_York"), "2026-03-03");
    assert.equal(day(1772582400, "Asia/Kolkata"), "2026-03-04");
    assert.equal(day(1772582400000, "America/New_York"), "2026-03-03");
    assert.equal(day(1772582400), "2026-03-04", "without a zone, the nearest UTC midnight");
    // A timestamp carries the doc's offset: it names its day in any zone the pack runs in.
    for (const z of Zones) assert.equal(day("2026-03-04T00:00:00.000-05:00", z), "2026-03-04");
    assert.equal(day("```2026-03-04```"), "2026-03-04");
    assert.equal(day(NaN), 'Date is not a date: "NaN".');
    assert.match(day(1e15)!, /^Date falls in the year \d{5}: dates run from the year 1000 to 9999\.$/);
  });

  it("reads select, canvas and reaction cells fenced in the rich format as typed, a value outside the options included", function () {
    assert.equal(cells.text("```Small```"), "Small");
    assert.equal(cells.text("```Someday```"), "Someday");
    assert.equal(cells.text(["```Open```", "```Blocked```"]), "Open, Blocked");
    assert.equal(cells.text("```Ana Lima,Jonah Berg```"), "Ana Lima,Jonah Berg");
    assert.equal(cells.text("```Line one\nline two```"), "Line one\nline two");
  });
});

describe("formulas: a date before 1970 in a zone west of UTC is not a day late", function () {
  const run = (name: string, params: unknown[], timezone: string) =>
    executeFormulaFromPackDef(
      pack,
      name,
      params as coda.ParamValues<coda.ParamDefs>,
      newMockExecutionContext({timezone}),
    );

  it("OkrCycle reads an instant at midnight UTC as its day in the doc's zone", async function () {
    // 1965-04-01T00:00Z is the evening of March 31 in Los Angeles and Pago Pago: the first quarter.
    for (const timezone of ["America/Los_Angeles", "Pacific/Pago_Pago"]) {
      assert.deepInclude(
        await run("OkrCycle", [new Date("1965-04-01T00:00:00Z")], timezone),
        {Name: "FY1965 Q1", End: "1965-03-31"},
        timezone,
      );
    }
    assert.deepInclude(await run("OkrCycle", [new Date("1965-04-01T00:00:00Z")], "Asia/Kolkata"), {Name: "FY1965 Q2"});
  });

  it("RolloutPhase counts days in the doc's zone", async function () {
    // Started at midnight on March 1 in Los Angeles; 1965-03-03T00:00Z is still March 2 there: day 2.
    const start = new Date("1965-03-01T08:00:00Z");
    assert.deepInclude(await run("RolloutPhase", [start, new Date("1965-03-03T00:00:00Z")], "America/Los_Angeles"), {
      Day: 2,
    });
  });
});
