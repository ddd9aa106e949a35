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
import {
  MaxSvgBytes,
  ProgressHistoryLayout,
  ProgressHistorySize,
  progressHistorySvg,
  scorecardSvg,
  textWidth,
  utf8Bytes,
} from "../src/engine/svg";
import {svgImage} from "../formulas/pictures";
import {pack} from "../src/pack";
import {checkPicture, MaxPicture} from "../emulator/fuzz_cases";

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
    assert.throws(
      () => cadenceDays("whenever"),
      InputError,
      /Cadence "whenever" is not a cadence: write weekly, every 2 weeks, monthly or a number of days from 1 to 90\./,
    );
    assert.throws(() => cadenceDays(0), InputError, /Cadence must be a whole number from 1 to 90, not 0\./);
    assert.throws(() => cadenceDays("20 weeks"), InputError, /from 1 to 90, not 140/);
  });

  it("is due once the cadence has passed since the last check-in, or since the cycle began", function () {
    const asOf = day("2026-11-24");
    assert.deepEqual(checkInDue(day("2026-11-19"), cycleStart, 7, asOf), {
      daysSince: 5,
      due: false,
      nextDue: day("2026-11-26"),
    });
    assert.include(checkInDue(day("2026-11-17"), cycleStart, 7, asOf), {daysSince: 7, due: true});
    assert.include(checkInDue(undefined, cycleStart, 7, asOf), {daysSince: 54, due: true});
    assert.include(checkInDue(undefined, day("2026-11-20"), 7, asOf), {daysSince: 4, due: false});
    assert.deepEqual(checkInDue(undefined, undefined, 7, asOf), {due: true});
  });
});

describe("engine: the retrospective", function () {
  it("writes the confidence path in check-in order, blanks skipped, a long one cut in the middle", function () {
    assert.equal(confidencePath([0.7, undefined, 0.5, 0.4]), "70% → 50% → 40%");
    assert.equal(confidencePath([]), "");
    assert.equal(
      confidencePath([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]),
      "90% → 80% → … → 50% → 40% → 30% → 20% → 10%",
    );
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
    assert.match(
      keyResultFindings({progress: 1.1, lastCheckIn: day("2026-12-24"), asOf})[0],
      /^Sandbagging\? It reached 100% or more/,
    );
    assert.match(
      keyResultFindings({progress: 0.2, lastCheckIn: day("2026-12-24"), asOf})[0],
      /^Overreach\? It scored 20%, below 30%/,
    );
    assert.deepEqual(keyResultFindings({progress: 0.5, lastCheckIn: day("2026-12-01"), asOf}), [
      "Stale: no check-in in the last 14 days (last 2026-12-01).",
    ]);
    assert.deepEqual(keyResultFindings({asOf}), ["Never checked in."]);
    assert.deepEqual(
      keyResultFindings({progress: 0.1, lastCheckIn: day("2026-12-30"), asOf, closed: false}),
      [],
      "no overreach while the cycle runs",
    );
    assert.deepEqual(keyResultFindings({progress: 0.5, confidence: 0.3, lastCheckIn: day("2026-12-30"), asOf}), [
      "Low confidence: 30% at the end.",
    ]);
  });
});

describe("engine: progress history", function () {
  it("turns check-ins into progress in date order and describes them against the pace line", function () {
    const h = progressHistory(
      [day("2026-10-15"), day("2026-10-08"), undefined],
      [70, 72, 5],
      74,
      60,
      cycleStart,
      cycleEnd,
      [0.5, 0.7, 0.1],
    );
    assert.deepEqual(
      h.points.map(p => [p.value, p.confidence]),
      [
        [72, 0.7],
        [70, 0.5],
      ],
    );
    assert.equal(
      progressDescription(h),
      "29% of the way from 74 to 60 over 2026-10-01 to 2026-12-31 on 2026-10-15, against 15% expected: ahead of pace by 13 points. 2 check-ins from 2026-10-08. Confidence 70% → 50%, lowest 50% on 2026-10-15.",
    );
    assert.equal(
      progressDescription(progressHistory([], [], 0, 10, cycleStart, cycleEnd)),
      "No check-ins yet; the pace line runs from 0 to 10 over 2026-10-01 to 2026-12-31.",
    );
  });

  it("refuses lists of different lengths, equal start and target, and a cycle that ends before it starts", function () {
    assert.throws(
      () => progressHistory([cycleStart], [1, 2], 0, 10, cycleStart, cycleEnd),
      InputError,
      /dates has 1 entries but values has 2/,
    );
    assert.throws(
      () => progressHistory([cycleStart], [1], 0, 10, cycleStart, cycleEnd, [0.5, 0.5]),
      InputError,
      /dates has 1 entries but confidences has 2/,
    );
    assert.throws(() => progressHistory([], [], 5, 5, cycleStart, cycleEnd), InputError, /Start and target are both 5/);
    assert.throws(
      () => progressHistory([], [], 0, 5, cycleEnd, cycleStart),
      InputError,
      /The cycle must end after it starts/,
    );
    assert.throws(
      () => progressHistory([cycleStart], [1], 0, 5, cycleStart, cycleEnd, [35]),
      InputError,
      /Confidence 1 must be between 0 and 1.*looks like 35%/,
    );
  });

  it("marks each check-in's confidence in its band's color, grey without one", function () {
    const svg = progressHistorySvg(
      progressHistory(
        [day("2026-10-08"), day("2026-10-15"), day("2026-10-22"), day("2026-10-29")],
        [72, 70, 69, 68],
        74,
        60,
        cycleStart,
        cycleEnd,
        [0.8, 0.5, 0.2, undefined],
      ),
    );
    for (const cls of ["cg", "cy", "cr", "cn"]) {
      assert.match(
        svg,
        new RegExp(`<path class="${cls}" d="M[\\d.]+ [\\d.]+h0M[\\d.]+ 107h0"/>`),
        `${cls}, with its legend dot`,
      );
    }
    assert.include(svg, '<path class="p" d="M4 76L236 20M', "the pace line runs corner to corner");
  });

  it("names the key result in its description when given", function () {
    const h = progressHistory(
      [day("2026-10-08")],
      [72],
      74,
      60,
      cycleStart,
      cycleEnd,
      [],
      " Average sales\u0000cycle ",
    );
    assert.equal(h.name, "Average sales cycle");
    assert.match(progressDescription(h), /^Average sales cycle: 14% of the way from 74 to 60 /);
    assert.match(
      progressDescription(progressHistory([], [], 0, 10, cycleStart, cycleEnd, [], "Bookings")),
      /^Bookings: No check-ins yet; /,
    );
  });
});

/** The texts a picture draws, unescaped, by class, with where they start or end. */
function texts(svg: string) {
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return [...svg.matchAll(/<text class="(\w+)" x="([\d.]+)" y="[\d.]+"( text-anchor="end")?>([^<]*)<\/text>/g)].map(
    m => ({cls: m[1], x: Number(m[2]), end: Boolean(m[3]), text: unescape(m[4])}),
  );
}

/** Each text's estimated width stays inside the picture. */
function assertTextsFit(svg: string) {
  const {width} = ProgressHistorySize;
  const {pad, titleSize, textSize} = ProgressHistoryLayout;
  for (const t of texts(svg)) {
    const w = textWidth(t.text, t.cls === "h" ? titleSize : textSize);
    if (t.end) assert.isAtLeast(t.x - w, pad - 0.01, t.text);
    else assert.isAtMost(t.x + w, width - pad + 0.01, t.text);
  }
}

const title = (svg: string) => texts(svg).find(t => t.cls === "h")?.text;
const LoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("engine: the progress picture explains itself", function () {
  const dates = ["2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29"].map(d => day(d));
  const draw = (name?: string, confidences: Array<number | undefined> = [0.8, 0.5, 0.2, undefined]) =>
    progressHistorySvg(progressHistory(dates, [72, 70, 69, 68], 74, 60, cycleStart, cycleEnd, confidences, name));

  it("titles the picture with the key result's name, labels the target on its line, dates the time axis and explains the dots and the pace line", function () {
    const svg = draw("Average sales cycle in days");
    assert.equal(title(svg), "Average sales cycle in days");
    assert.include(
      svg,
      'aria-label="Average sales cycle in days: progress 43% at the last of 4 check-ins, against the pace line to target 60"',
    );
    assert.include(svg, '<path class="t" d="M4 20H236M4 76H236"/>', "the target's line, then the start's");
    assert.include(svg, '<text class="x" x="6" y="30">Target 60</text>', "just under the target's line");
    assert.include(
      svg,
      '<text class="x" x="4" y="87">1 Oct 2026</text><text class="x" x="236" y="87" text-anchor="end">31 Dec 2026</text>',
    );
    assert.deepEqual(
      texts(svg)
        .filter(t => t.x < 200 && t.cls === "x" && !/Target|2026/.test(t.text))
        .map(t => t.text),
      [
        "Pace: start to target over the cycle",
        "Dots: check-ins, colored by confidence",
        "70%+",
        "40%+",
        "under 40%",
        "none",
      ],
    );
    assertTextsFit(svg);
  });

  it("leaves out the title without a name, and grey from the legend when every confidence is given", function () {
    const svg = draw(undefined, [0.8, 0.5, 0.2, 0.9]);
    assert.isUndefined(title(svg));
    assert.include(svg, 'aria-label="Progress 43% at the last of 4 check-ins');
    assert.notInclude(svg, ">none<");
    assert.notInclude(draw("  \u0000 "), 'class="h"');
  });

  it("dates the axis from the earliest to the latest of the cycle and its check-ins", function () {
    const svg = progressHistorySvg(
      progressHistory([day("2026-09-20"), day("2027-01-04")], [72, 66], 74, 60, cycleStart, cycleEnd),
    );
    assert.include(svg, ">20 Sep 2026</text>");
    assert.include(svg, ">4 Jan 2027</text>");
  });

  it("says that each dot of a long history is the lowest confidence of its stretch", function () {
    const s = series(10_000);
    const svg = progressHistorySvg(
      progressHistory(s.dates, s.values, 74, 60, cycleStart, cycleEnd, s.confidences, "Bookings"),
    );
    assert.include(svg, ">Dots: lowest confidence in ~417 check-ins</text>");
    assertTextsFit(svg);
    const even = series(48);
    assert.include(
      progressHistorySvg(progressHistory(even.dates, even.values, 74, 60, cycleStart, cycleEnd, even.confidences)),
      ">Dots: lowest confidence in 2 check-ins</text>",
    );
    const huge = series(30_001);
    assert.include(
      progressHistorySvg(progressHistory(huge.dates, huge.values, 74, 60, cycleStart, cycleEnd, huge.confidences)),
      ">Dots: lowest confidence in each stretch</text>",
      "a count too wide to fit",
    );
  });

  it("says when there are no check-ins yet, with the target and the cycle's dates", function () {
    const svg = progressHistorySvg(progressHistory([], [], 0, 4_200_000, cycleStart, cycleEnd, [], "New bookings"));
    assert.include(svg, ">No check-ins yet</text>");
    assert.include(svg, ">Target 4200000</text>");
    assert.include(svg, 'aria-label="New bookings: no check-ins yet: the pace line alone, to target 4200000"');
    assertTextsFit(svg);
  });

  it("shortens a long name with an ellipsis to fit the title, in any script, never splitting a character", function () {
    const segmenter = new Intl.Segmenter(undefined, {granularity: "grapheme"});
    const names = [
      "Close the quarter with record mid-market bookings across every region we sell in",
      "新規の中堅企業からの受注額を四半期で過去最高にし、すべての地域で達成する",
      "Сократить средний цикл сделки до шестидесяти дней во всех регионах",
      "زيادة الحجوزات الجديدة في السوق المتوسطة إلى مستوى قياسي هذا الربع",
      "👨‍👩‍👧‍👦🚀🇯🇵👩🏽‍💻".repeat(20),
      "Ŝ̷̛̤h̶i̴p̵ ̸t̷h̷e̸ ̵A̷P̶I̸ ".repeat(20),
      "𝐁𝐨𝐨𝐤𝐢𝐧𝐠𝐬 𠀀𠀁𠀂".repeat(20),
      `<&"'> `.repeat(40),
    ];
    for (const name of names) {
      const svg = draw(name);
      const t = title(svg)!;
      assert.isTrue(t.endsWith("…"), t);
      assert.notMatch(t, LoneSurrogate);
      const kept = t.slice(0, -1);
      const bounds = [...segmenter.segment(name)].map(g => g.index);
      assert.isTrue(
        name.startsWith(kept.trimEnd()) && bounds.includes(kept.trimEnd().length),
        `${t} is whole characters of ${name}`,
      );
      assertTextsFit(svg);
      assert.isAtMost(svgImage(svg).length, MaxPicture);
    }
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
    assert.throws(
      () => scorecard(metrics, dates, ["Red", "Blue", "Red", "Red", "Red"]),
      InputError,
      /Status 2 is "Blue": give Green, Yellow or Red/,
    );
    assert.throws(
      () => scorecard(metrics, dates.slice(1), ["Red"]),
      InputError,
      /metrics has 5 entries but dates has 4/,
    );
    assert.throws(() => scorecard(["A"], [undefined], ["Red"]), InputError, /no readings to lay out/);
  });

  it("shows at most 10 metrics and counts the rest", function () {
    const names = Array.from({length: 14}, (_, i) => `Metric ${i + 1}`);
    const card = scorecard(
      names,
      names.map(() => day("2026-11-16")),
      names.map(() => "Green"),
    );
    assert.lengthOf(card.metrics, ScorecardRows);
    assert.equal(card.more, 4);
    assert.match(scorecardDescription(card), /4 more metrics are not shown\.$/);
  });
});

describe("history pictures stay within 4 KB at any size", function () {
  const url = (svg: string) => svgImage(svg);

  const longNames = [
    "A key result with a very long name ".repeat(300),
    "中堅企業".repeat(2_500),
    "Выручка ".repeat(1_250),
    "الحجوزات ".repeat(1_100),
    "👨‍👩‍👧‍👦".repeat(1_000),
    `"&<>'`.repeat(2_000),
  ];

  for (const n of [13, 104, 10_000]) {
    it(`draws a progress history of ${n.toLocaleString("en-US")} check-ins under 4 KB, with or without a name of 10,000 characters`, function () {
      const s = series(n);
      for (const name of [undefined, "Average sales cycle in days", ...longNames]) {
        const svg = progressHistorySvg(
          progressHistory(s.dates, s.values, 74, 60, cycleStart, cycleEnd, s.confidences, name),
        );
        const picture = url(svg);
        assert.isUndefined(checkPicture(picture));
        assert.isAtMost(picture.length, MaxPicture);
        assertTextsFit(svg);
        if (name && name.length < 100) assert.equal(title(svg), name, "a short name is drawn whole");
      }
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

  it("keeps any progress history under 4 KB, named in any script or not, its texts inside the picture (fast-check)", function () {
    const point = fc.record({
      d: fc.integer({min: -30, max: 200}),
      v: fc.double({min: -1e6, max: 1e6, noNaN: true}),
      c: fc.option(fc.double({min: 0, max: 1, noNaN: true})),
    });
    const name = fc.option(
      fc.oneof(
        fc.string({unit: "grapheme", maxLength: 200}),
        fc.string({unit: "binary", maxLength: 200}),
        fc
          .tuple(fc.constantFrom(...longNames, "x", "👩🏽‍💻", "&", "\u0301"), fc.integer({min: 1, max: 10_000}))
          .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(point, {maxLength: 3000}),
        fc.double({min: -1e6, max: 1e6, noNaN: true}),
        name,
        (points, target, n) => {
          fc.pre(target !== 0);
          const h = progressHistory(
            points.map(p => plusDays(cycleStart, p.d)),
            points.map(p => p.v),
            0,
            target,
            cycleStart,
            cycleEnd,
            points.map(p => p.c ?? undefined),
            n,
          );
          const svg = progressHistorySvg(h);
          assert.isAtMost(utf8Bytes(svg), MaxSvgBytes);
          assert.isUndefined(checkPicture(url(svg)));
          assert.notMatch(svg, LoneSurrogate);
          assertTextsFit(svg);
        },
      ),
      {numRuns: 100},
    );
  });

  it("keeps any scorecard under 4 KB, names in any script included (fast-check)", function () {
    const reading = fc.record({
      m: fc.string({unit: "grapheme", maxLength: 60}),
      d: fc.integer({min: 0, max: 400}),
      s: fc.constantFrom("Green", "Yellow", "Red", undefined),
    });
    fc.assert(
      fc.property(fc.array(reading, {minLength: 1, maxLength: 3000}), readings => {
        fc.pre(readings.some(r => r.m.trim()));
        let svg: string;
        try {
          svg = scorecardSvg(
            scorecard(
              readings.map(r => r.m),
              readings.map(r => plusDays(cycleStart, r.d)),
              readings.map(r => r.s),
            ),
          );
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
    fc.assert(
      fc.property(fc.string({unit: "binary"}), s => assert.equal(utf8Bytes(s), Buffer.byteLength(s, "utf8"))),
      {numRuns: 300},
    );
  });
});

describe("history formulas", function () {
  it("refuses mismatched lists with a short message", async function () {
    const error = await executeFormulaFromPackDef(pack, "ProgressHistory", [
      [new Date("2026-10-08T12:00:00Z")],
      [1, 2],
      0,
      10,
      cycleStart,
      cycleEnd,
    ] as coda.ParamValues<coda.ParamDefs>).catch(e => e as Error);
    assert.match(String(error), /dates has 1 entries but values has 2: give one values entry for each dates entry\./);
    const card = await executeFormulaFromPackDef(pack, "ScorecardDescription", [
      ["A", "B"],
      [cycleStart],
      ["Red", "Red"],
    ] as coda.ParamValues<coda.ParamDefs>).catch(e => e as Error);
    assert.match(String(card), /metrics has 2 entries but dates has 1/);
  });
});
