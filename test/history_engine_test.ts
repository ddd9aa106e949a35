import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import fc from "fast-check";
import {day, plusDays} from "../src/engine/calendar";
import {InputError} from "../src/engine/errors";
import {
  cadenceDays,
  checkInDue,
  confidencePath,
  keyResultFindings,
  progressDescription,
  progressHistory,
  scorecard,
  scorecardDescription,
  ScorecardRows,
  staleWeeks,
} from "../src/engine/history";
import {MaxSvgBytes, progressHistorySvg, scorecardSvg, utf8Bytes} from "../src/engine/svg";
import {svgImage} from "../formulas/health";
import {pack} from "../src/pack";
import {checkPicture, MaxPicture} from "./support/fuzz";

const cycleStart = day("2026-10-01");
const cycleEnd = day("2026-12-31");

/** n weekly check-ins from the cycle's start, moving from 74 toward 60 with some noise, confidence drifting down. */
function series(n: number) {
  const dates = Array.from({length: n}, (_, i) => plusDays(cycleStart, 7 * (i + 1)));
  const values = dates.map((_, i) => 74 - (14 * i) / Math.max(1, n) + (i % 3) - 1);
  const confidences = dates.map((_, i) => Math.max(0, 0.8 - (0.5 * i) / Math.max(1, n)));
  return {dates, values, confidences};
}

describe("engine: check-in discipline", function () {
  it("reads cadences as days: words, weeks, days and numbers", function () {
    assert.deepEqual(
      ["Weekly", "every 2 weeks", "Fortnightly", "Monthly", "10 days", "3w", 14, "", undefined].map(cadenceDays),
      [7, 14, 14, 30, 10, 21, 14, undefined, undefined],
    );
  });

  it("refuses a cadence it cannot read, or one outside 1-90 days, saying what to write", function () {
    assert.throws(() => cadenceDays("whenever"), InputError, /Cadence "whenever" is not a cadence: write weekly, every 2 weeks, monthly or a number of days from 1 to 90\./);
    assert.throws(() => cadenceDays(0), InputError, /Cadence must be a whole number from 1 to 90, not 0\./);
    assert.throws(() => cadenceDays("20 weeks"), InputError, /from 1 to 90, not 140/);
  });

  it("is due once the cadence has passed since the last check-in, or since the cycle began", function () {
    const asOf = day("2026-11-24");
    assert.deepEqual(checkInDue(day("2026-11-19"), cycleStart, 7, asOf), {daysSince: 5, due: false, nextDue: day("2026-11-26")});
    assert.include(checkInDue(day("2026-11-17"), cycleStart, 7, asOf), {daysSince: 7, due: true});
    assert.include(checkInDue(undefined, cycleStart, 7, asOf), {daysSince: 54, due: true});
    assert.include(checkInDue(undefined, day("2026-11-20"), 7, asOf), {daysSince: 4, due: false});
    assert.deepEqual(checkInDue(undefined, undefined, 7, asOf), {due: true});
  });
});

describe("engine: the retrospective", function () {
  it("writes the confidence path in check-in order, blanks skipped, a long one cut in the middle", function () {
    assert.equal(confidencePath([0.7, undefined, 0.5, 0.4]), "0.7 → 0.5 → 0.4");
    assert.equal(confidencePath([]), "");
    assert.equal(confidencePath([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]), "0.9 → 0.8 → … → 0.5 → 0.4 → 0.3 → 0.2 → 0.1");
  });

  it("counts whole weeks without a check-in, the first week left out", function () {
    const weekly = Array.from({length: 7}, (_, i) => plusDays(cycleStart, 7 * (i + 1)));
    assert.equal(staleWeeks(weekly, cycleStart, day("2026-11-20")), 0);
    assert.equal(staleWeeks(weekly.slice(0, 2), cycleStart, day("2026-11-20")), 4);
    assert.equal(staleWeeks([], cycleStart, day("2026-10-05")), 0);
    assert.equal(staleWeeks([], cycleStart, cycleEnd), 12);
  });

  it("finds sandbagging, overreach, staleness, no check-in and low confidence, by the review's rules", function () {
    const asOf = day("2026-12-31");
    assert.deepEqual(keyResultFindings({progress: 0.8, confidence: 0.7, lastCheckIn: day("2026-12-24"), asOf}), []);
    assert.match(keyResultFindings({progress: 1.1, lastCheckIn: day("2026-12-24"), asOf})[0], /^Sandbagging\? It reached 100% or more/);
    assert.match(keyResultFindings({progress: 0.2, lastCheckIn: day("2026-12-24"), asOf})[0], /^Overreach\? It scored 0.2, below 0.3/);
    assert.deepEqual(keyResultFindings({progress: 0.5, lastCheckIn: day("2026-12-01"), asOf}), ["Stale: no check-in in the last 14 days (last 2026-12-01)."]);
    assert.deepEqual(keyResultFindings({asOf}), ["Never checked in."]);
    assert.deepEqual(keyResultFindings({progress: 0.1, lastCheckIn: day("2026-12-30"), asOf, closed: false}), [], "no overreach while the cycle runs");
    assert.deepEqual(keyResultFindings({progress: 0.5, confidence: 0.3, lastCheckIn: day("2026-12-30"), asOf}), ["Low confidence: 30% at the end."]);
  });
});

describe("engine: progress history", function () {
  it("turns check-ins into progress in date order and describes them against the pace line", function () {
    const h = progressHistory([day("2026-10-15"), day("2026-10-08"), undefined], [70, 72, 5], 74, 60, cycleStart, cycleEnd, [0.5, 0.7, 0.1]);
    assert.deepEqual(h.points.map(p => [p.value, p.confidence]), [[72, 0.7], [70, 0.5]]);
    assert.equal(
      progressDescription(h),
      "29% of the way from 74 to 60 over 2026-10-01 to 2026-12-31 on 2026-10-15, against 15% expected: ahead of pace by 13 points. 2 check-ins from 2026-10-08. Confidence 0.7 → 0.5, lowest 50% on 2026-10-15.",
    );
    assert.equal(progressDescription(progressHistory([], [], 0, 10, cycleStart, cycleEnd)), "No check-ins yet; the pace line runs from 0 to 10 over 2026-10-01 to 2026-12-31.");
  });

  it("refuses lists of different lengths, equal start and target, and a cycle that ends before it starts", function () {
    assert.throws(() => progressHistory([cycleStart], [1, 2], 0, 10, cycleStart, cycleEnd), InputError, /dates has 1 entries but values has 2/);
    assert.throws(() => progressHistory([cycleStart], [1], 0, 10, cycleStart, cycleEnd, [0.5, 0.5]), InputError, /dates has 1 entries but confidences has 2/);
    assert.throws(() => progressHistory([], [], 5, 5, cycleStart, cycleEnd), InputError, /Start and target are both 5/);
    assert.throws(() => progressHistory([], [], 0, 5, cycleEnd, cycleStart), InputError, /The cycle must end after it starts/);
    assert.throws(() => progressHistory([cycleStart], [1], 0, 5, cycleStart, cycleEnd, [35]), InputError, /Confidence 1 must be between 0 and 1.*looks like 35%/);
  });

  it("marks each check-in's confidence in its band's color, grey without one", function () {
    const svg = progressHistorySvg(progressHistory([day("2026-10-08"), day("2026-10-15"), day("2026-10-22"), day("2026-10-29")], [72, 70, 69, 68], 74, 60, cycleStart, cycleEnd, [0.8, 0.5, 0.2, undefined]));
    for (const cls of ["cg", "cy", "cr", "cn"]) assert.match(svg, new RegExp(`<path class="${cls}" d="M[\\d.]+ [\\d.]+h0"/>`), cls);
    assert.include(svg, '<path class="p" d="M4 56L196 4"/>', "the pace line runs corner to corner");
  });
});

describe("engine: the scorecard", function () {
  const metrics = ["Margin", "Margin", "Margin", "NPS", "NPS"];
  const dates = ["2026-08-01", "2026-11-09", "2026-11-16", "2026-11-10", "2026-11-12"].map(d => day(d));

  it("lays readings out as 13 weeks per metric, a week taking its latest reading's status", function () {
    const card = scorecard(metrics, dates, ["Red", "green", "Yellow", "Red", "Green"]);
    assert.deepEqual(card.metrics, ["Margin", "NPS"]);
    assert.deepEqual(card.weeks.map(w => w.toISOString().slice(0, 10)).slice(-2), ["2026-11-03", "2026-11-10"]);
    assert.deepEqual(card.cells[0].slice(-2), ["Green", "Yellow"]);
    assert.deepEqual(card.cells[1].slice(-2), [undefined, "Green"], "two readings in one week: the later one counts");
    assert.equal(card.cells[0].filter(c => c).length, 2, "a reading older than 13 weeks is left out");
    assert.equal(
      scorecardDescription(card),
      "2 metrics over the 13 weeks to 2026-11-16. Margin: 1 green, 1 yellow, 0 red, 11 without a reading; latest yellow. NPS: 1 green, 0 yellow, 0 red, 12 without a reading; latest green.",
    );
  });

  it("dates the picture's footer from the first week's first day to the last week's last day, as its description does", function () {
    const card = scorecard(metrics, dates, ["Red", "green", "Yellow", "Red", "Green"]);
    assert.include(scorecardSvg(card), "13 weeks from 2026-08-18 to 11-16<");
    assert.include(scorecardDescription(card), "to 2026-11-16.");
  });

  it("refuses an unknown status and lists of different lengths", function () {
    assert.throws(() => scorecard(metrics, dates, ["Red", "Blue", "Red", "Red", "Red"]), InputError, /Status 2 is "Blue": give Green, Yellow or Red/);
    assert.throws(() => scorecard(metrics, dates.slice(1), ["Red"]), InputError, /metrics has 5 entries but dates has 4/);
    assert.throws(() => scorecard(["A"], [undefined], ["Red"]), InputError, /no readings to lay out/);
  });

  it("shows at most 10 metrics and counts the rest", function () {
    const names = Array.from({length: 14}, (_, i) => `Metric ${i + 1}`);
    const card = scorecard(names, names.map(() => day("2026-11-16")), names.map(() => "Green"));
    assert.lengthOf(card.metrics, ScorecardRows);
    assert.equal(card.more, 4);
    assert.match(scorecardDescription(card), /4 more metrics are not shown\.$/);
  });
});

describe("history pictures stay within 4 KB at any size", function () {
  const url = (svg: string) => svgImage(svg);

  for (const n of [13, 104, 10_000]) {
    it(`draws a progress history of ${n.toLocaleString("en-US")} check-ins under 4 KB`, function () {
      const s = series(n);
      const picture = url(progressHistorySvg(progressHistory(s.dates, s.values, 74, 60, cycleStart, cycleEnd, s.confidences)));
      assert.isUndefined(checkPicture(picture));
      assert.isAtMost(picture.length, MaxPicture);
    });

    it(`draws a scorecard of ${n.toLocaleString("en-US")} readings under 4 KB`, function () {
      const names = Array.from({length: n}, (_, i) => `A metric with a long, long name № ${i % 40}`);
      const statuses = names.map((_, i) => ["Green", "Red", "Yellow"][(i * 7) % 3]);
      const dates = names.map((_, i) => plusDays(cycleStart, i % 91));
      const picture = url(scorecardSvg(scorecard(names, dates, statuses)));
      assert.isUndefined(checkPicture(picture));
      assert.isAtMost(picture.length, MaxPicture);
    });
  }

  it("keeps any progress history under 4 KB (fast-check)", function () {
    const point = fc.record({d: fc.integer({min: -30, max: 200}), v: fc.double({min: -1e6, max: 1e6, noNaN: true}), c: fc.option(fc.double({min: 0, max: 1, noNaN: true}))});
    fc.assert(
      fc.property(fc.array(point, {maxLength: 3000}), fc.double({min: -1e6, max: 1e6, noNaN: true}), (points, target) => {
        fc.pre(target !== 0);
        const h = progressHistory(points.map(p => plusDays(cycleStart, p.d)), points.map(p => p.v), 0, target, cycleStart, cycleEnd, points.map(p => p.c ?? undefined));
        const svg = progressHistorySvg(h);
        assert.isAtMost(utf8Bytes(svg), MaxSvgBytes);
        assert.isUndefined(checkPicture(url(svg)));
      }),
      {numRuns: 60},
    );
  });

  it("keeps any scorecard under 4 KB, names in any script included (fast-check)", function () {
    const reading = fc.record({m: fc.string({unit: "grapheme", maxLength: 60}), d: fc.integer({min: 0, max: 400}), s: fc.constantFrom("Green", "Yellow", "Red", undefined)});
    fc.assert(
      fc.property(fc.array(reading, {minLength: 1, maxLength: 3000}), readings => {
        fc.pre(readings.some(r => r.m.trim()));
        let svg: string;
        try {
          svg = scorecardSvg(scorecard(readings.map(r => r.m), readings.map(r => plusDays(cycleStart, r.d)), readings.map(r => r.s)));
        } catch (error) {
          if (error instanceof InputError) return; // Names of control characters only: nothing to lay out.
          throw error;
        }
        assert.isAtMost(utf8Bytes(svg), MaxSvgBytes);
        assert.isUndefined(checkPicture(url(svg)));
      }),
      {numRuns: 60},
    );
  });

  it("counts UTF-8 bytes as Node does", function () {
    fc.assert(fc.property(fc.string({unit: "binary"}), s => assert.equal(utf8Bytes(s), Buffer.byteLength(s, "utf8"))), {numRuns: 300});
  });
});

describe("history formulas", function () {
  it("refuses mismatched lists with a short message", async function () {
    const error = await executeFormulaFromPackDef(pack, "ProgressHistory", [[new Date("2026-10-08T00:00:00Z")], [1, 2], 0, 10, cycleStart, cycleEnd] as coda.ParamValues<coda.ParamDefs>).catch(e => e as Error);
    assert.match(String(error), /dates has 1 entries but values has 2: give one values entry for each dates entry\./);
    const card = await executeFormulaFromPackDef(pack, "ScorecardDescription", [["A", "B"], [cycleStart], ["Red", "Red"]] as coda.ParamValues<coda.ParamDefs>).catch(e => e as Error);
    assert.match(String(card), /metrics has 2 entries but dates has 1/);
  });
});
