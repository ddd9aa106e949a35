import {assert} from "chai";
import fc from "fast-check";
import {InputError} from "../src/engine/errors";
import {dashboardReview, healthStatus, healthTrend, hotCheck, thresholds} from "../src/engine/health";
import {escapeXml, progressBarSvg, sparklineSvg} from "../src/engine/svg";

const up = thresholds(110, 95);
const down = thresholds(5, 8);

describe("engine: health status and trend", function () {
  it("mirrors the bands when lower is better", function () {
    assert.deepEqual(
      [115, 110, 100, 95, 90].map(v => healthStatus(v, up)),
      ["Green", "Green", "Yellow", "Red", "Red"],
    );
    assert.deepEqual(
      [4, 5, 6, 8, 9].map(v => healthStatus(v, down)),
      ["Green", "Green", "Yellow", "Red", "Red"],
    );
  });

  it("refuses equal thresholds with a way out", function () {
    assert.throws(
      () => thresholds(5, 5),
      InputError,
      /greenAt and redAt are both 5: set greenAt above redAt when higher is better/,
    );
  });

  it("calls a change under 1% of the mean size flat", function () {
    assert.equal(healthTrend([100, 100.5, 100.9]).direction, "Flat");
    assert.equal(healthTrend([100, 100.5, 101.2]).direction, "Up");
    assert.equal(healthTrend([0, 0, 0]).direction, "Flat");
    assert.isUndefined(healthTrend([0, 2]).percentChange);
  });

  it("counts the streak of moves in the latest direction and reads a window", function () {
    assert.equal(healthTrend([5, 4, 5, 6, 7]).streak, 3);
    assert.equal(healthTrend([5, 6, 6]).streak, 0);
    const t = healthTrend([1, 100, 2, 3, 4], 3);
    assert.deepEqual(t.window, [2, 3, 4]);
    assert.equal(t.slope, 1);
  });

  it("keeps the spacing of missed readings in the slope", function () {
    assert.equal(healthTrend([0, undefined, 4]).slope, 2);
  });

  it("needs two values and a sensible window", function () {
    assert.throws(() => healthTrend([7]), InputError, /at least two values; there is 1/);
    assert.throws(() => healthTrend([1, 2, 3], 1), InputError, /periods must be a whole number of at least 2/);
  });

  it("a trend's direction agrees with the sign of its slope", function () {
    fc.assert(
      fc.property(fc.array(fc.double({min: -1e3, max: 1e3, noNaN: true}), {minLength: 2, maxLength: 30}), values => {
        const t = healthTrend(values);
        if (t.direction === "Up") assert.isAbove(t.slope, 0);
        if (t.direction === "Down") assert.isBelow(t.slope, 0);
        assert.isAtMost(t.streak, values.length - 1);
      }),
    );
  });

  it("follows the line, not the last reading against the first", function () {
    // The readings fall all along, then the last one jumps above the first.
    const t = healthTrend([100, 90, 80, 70, 105]);
    assert.deepInclude(t, {direction: "Down", slope: -1, percentChange: 0.05});
  });
});

describe("engine: hot items", function () {
  it("flags red, worsening and just-left-green, and says why", function () {
    assert.deepInclude(hotCheck([100, 96, 94], up), {hot: true, status: "Red"});
    assert.equal(hotCheck([100, 96, 94], up).reason, "Red: 94 is past the red line of 95.");
    assert.equal(hotCheck([120, 118, 116, 114], up).reason, "Moving away from green for 3 periods in a row.");
    assert.equal(hotCheck([120, 118, 116, 114], up, 4).reason, "");
    assert.equal(hotCheck([4, 6], down).reason, "Just left green.");
    assert.deepInclude(hotCheck([120, 121], up), {hot: false, reason: "", severity: 0});
  });

  it("ranks a deep red above a metric that just left green", function () {
    assert.isAbove(hotCheck([100, 80], up).severity, hotCheck([112, 108], up).severity);
  });
});

describe("engine: dashboard review", function () {
  it("flags a dashboard too granular for a CEO", function () {
    const areas = [...Array(5).fill("Growth"), ...Array(12).fill("finance")];
    const review = dashboardReview(
      areas,
      areas.map(() => "Green"),
    );
    assert.isTrue(review.tooGranular);
    assert.equal(review.perArea, "Growth 5, Finance 12");
    assert.match(
      review.verdict,
      /^17 metrics is more than a CEO can review weekly; keep 15 or fewer; Growth, Finance have more than 4/,
    );
  });

  it("reports missing areas and a red share, and refuses unknown statuses", function () {
    const review = dashboardReview(["Growth", "Talent", "Custom"], ["Red", "Red", "Green"]);
    assert.equal(review.missingAreas, "Operations, Finance, Culture, Innovation");
    assert.closeTo(review.shareRed, 2 / 3, 1e-9);
    assert.equal(review.perArea, "Growth 1, Talent 1, Custom 1");
    assert.throws(() => dashboardReview(["Growth"], ["Blue"]), InputError, /use Green, Yellow or Red/);
    assert.throws(() => dashboardReview([""], ["Red"]), InputError, /Metric 1 has no area/);
  });
});

describe("engine: pictures", function () {
  it("escapes any text it draws", function () {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const svg = progressBarSvg(0.5, "<b>R&D</b>");
    assert.notInclude(svg, "<b>");
    assert.include(svg, "&lt;b&gt;R&amp;D&lt;/b&gt;");
  });

  it("draws any label as plain text, cut without splitting an emoji, at any length", function () {
    const svg = progressBarSvg(0.5, "Ship\u0000 the 👩🏽‍💻👩🏽‍💻👩🏽‍💻👩🏽‍💻 API" + "x".repeat(10_000));
    assert.notInclude(svg, "\u0000");
    assert.include(svg, ">50% Ship the…<", "cut to its box, never inside an emoji");
    assert.isBelow(svg.length, 1500);
  });

  it("keeps a long series under 4 KB with its peaks", function () {
    const values = Array.from({length: 100_000}, (_, i) => (i === 61_234 ? 500 : Math.sin(i / 1000)));
    const svg = sparklineSvg(values);
    assert.isBelow(Buffer.byteLength(svg) * 1.34 + 50, 4096);
    // The single peak is drawn at the top edge.
    assert.match(svg, /,3 /);
  });

  it("stays under 4 KB for two years of weekly readings", function () {
    const values = Array.from({length: 104}, (_, i) => 1000 + Math.sin(i / 3) * 250.123);
    assert.isBelow(sparklineSvg(values, thresholds(1100, 900)).length, 4096);
  });

  it("breaks the line at missed readings and refuses nothing to draw", function () {
    const svg = sparklineSvg([1, 2, undefined, 3, 4]);
    assert.lengthOf(svg.match(/<polyline/g)!, 2);
    assert.throws(() => sparklineSvg([undefined, undefined]), InputError, /no values to draw/);
    assert.throws(() => progressBarSvg(-0.1), InputError, /Progress must be between 0 and 1.5 \(0–150%\), not -0.1/);
    assert.throws(
      () => progressBarSvg(0.5, undefined, 2),
      InputError,
      /Expected must be between 0 and 1 \(0–100%\): 2 looks like 2%, so use 0.02/,
    );
  });
});
