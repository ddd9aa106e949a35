import * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {generateMetrics, MetricsAsOf} from "../sample/health";
import {pack} from "../src/pack";
import {docUrl, runSync, rejection, useEmulator} from "./support/emulator";

const asOf = new Date(`${MetricsAsOf}T08:00:00Z`);
const metricsParams = (doc: string, o: {readings?: string; columns?: string} = {}) => [
  doc,
  undefined,
  o.readings,
  o.columns,
  asOf,
];

describe("health sync tables over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let doc: string;
  beforeEach(function () {
    doc = docUrl(env.seeded.metricsDocId!);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("syncs one row per metric with status, trend, hot flag, staleness and a sparkline", async function () {
    const run = await runSync(env, pack, "HealthMetrics", metricsParams(doc));
    assert.lengthOf(run.rows, 15);
    const byName = new Map(run.rows.map(r => [r.Name, r]));
    const margin = byName.get("Gross margin")!;
    assert.include(margin, {
      Area: "Finance",
      Status: "Red",
      Trend: "Down",
      Hot: true,
      Stale: false,
      LatestDate: MetricsAsOf,
      GreenAt: 75,
      RedAt: 65,
    });
    assert.equal(margin.HotReason, "Red: 62.8 is past the red line of 65.");
    assert.lengthOf(margin.Readings, 13);
    assert.match(margin.Sparkline, /^data:image\/svg\+xml;supportsDarkMode=1;base64,/);
    assert.isBelow(margin.Sparkline.length, 4096);
    assert.deepEqual(margin.Owner, {Name: "Grace Mbeki", Email: "grace@northstar.example.com"});
    assert.include(byName.get("Uptime")!, {Status: "Green", Hot: false});
    assert.notProperty(byName.get("Uptime")!, "Problems");
  });

  it("reports a bad reading on its metric and keeps the rest", async function () {
    const run = await runSync(env, pack, "HealthMetrics", metricsParams(doc));
    const experiments = run.rows.find(r => r.Name === "Experiments shipped")!;
    assert.equal(experiments.Problems, 'Reading of 2026-11-06: Value holds text ("n/a"), not a number.');
    assert.isNumber(experiments.Latest);
  });

  it("judges on the as-of day: a later reading is left out and said so on its metric's row", async function () {
    const weekBefore = new Date(asOf.getTime() - 7 * 86_400_000);
    const day = weekBefore.toISOString().slice(0, 10);
    const params = metricsParams(doc);
    params[4] = weekBefore;
    const run = await runSync(env, pack, "HealthMetrics", params);
    const margin = run.rows.find(r => r.Name === "Gross margin")!;
    assert.equal(margin.LatestDate, day);
    assert.notEqual(margin.Latest, 62.8);
    assert.include(
      margin.Problems,
      `1 reading is dated after ${day}, the day judged on, and left out (the first on ${MetricsAsOf})`,
    );
    const today = (await runSync(env, pack, "HealthMetrics", metricsParams(doc))).rows.find(
      r => r.Name === "Gross margin",
    )!;
    assert.deepEqual(margin.Readings.slice(1), today.Readings.slice(0, -1), "the same readings, one week earlier");
  });

  it("reads readings in wide form: a date column and one column per metric", async function () {
    const run = await runSync(env, pack, "HealthMetrics", metricsParams(doc, {readings: "Weekly Scorecard"}));
    const byName = new Map(run.rows.map(r => [r.Name, r]));
    assert.include(byName.get("Pipeline coverage")!, {Latest: 2.45, LatestDate: MetricsAsOf});
    assert.match(byName.get("Uptime")!.Problems, /The readings table Weekly Scorecard has no column named Uptime\./);
    assert.include(byName.get("Uptime")!, {Stale: true});
  });

  it("lists only the hot items, most urgent first, with reasons", async function () {
    const hot = await runSync(env, pack, "HotItems", [doc, undefined, undefined, undefined, undefined, asOf]);
    assert.deepEqual(
      hot.rows.map(r => r.Name),
      ["Support backlog", "Gross margin", "Experiments shipped", "Cash runway"],
    );
    assert.equal(hot.rows[3].Reason, "Moving away from green for 3 periods in a row.");
    const severities = hot.rows.map(r => r.Severity);
    assert.deepEqual(
      severities,
      [...severities].sort((a, b) => b - a),
    );
  });

  it("proposes next cycle's objectives from metrics red or worsening all cycle", async function () {
    const run = await runSync(env, pack, "OkrCandidates", [doc, undefined, undefined, undefined, undefined, asOf]);
    const names = run.rows.map(r => r.MetricName);
    assert.includeMembers(names, [
      "Gross margin",
      "Support backlog",
      "Employee NPS",
      "Regretted attrition",
      "Pipeline coverage",
    ]);
    assert.notInclude(names, "Uptime");
    const margin = run.rows.find(r => r.MetricName === "Gross margin")!;
    assert.equal(margin.Name, "Bring Gross margin back to green");
    assert.equal(margin.KeyResult, "Gross margin from 62.8% to 75% or better");
    assert.match(margin.Evidence, /^Red in all 14 readings since 2026-08-21; down [\d.]+% \(-[\d.]+ per reading\)\.$/);
    assert.equal(margin.Metric.Id, run.rows.find(r => r.MetricName === "Gross margin")!.Id);
  });

  it("gives clear errors for a missing table, a doc off limits and a bad cycle length", async function () {
    const missing = await rejection(runSync(env, pack, "HealthMetrics", [doc, "KPIs"]));
    assert.match(
      missing.message,
      /has no table named "KPIs"\. Its tables are: Metric Definitions, Metric Readings, Weekly Scorecard\./,
    );
    const denied = await rejection(runSync(env, pack, "HealthMetrics", [docUrl(env.seeded.restrictedDocId)]));
    assert.instanceOf(denied, coda.UserVisibleError);
    assert.match(
      denied.message,
      /^The doc NsBoard01 does not exist or is not shared with the account this pack is connected as\. Share it|^Access denied \(reading the table Metric Definitions in the doc NsBoard01\)/,
    );
    const months = await rejection(runSync(env, pack, "OkrCandidates", [doc, undefined, undefined, undefined, 1.5]));
    assert.match(months.message, /cycleMonths must be a whole number of months from 1 to 12, not 1.5/);
  });

  it("says which thresholds are missing on the metric's row", async function () {
    const defs = env.emulator.doc(env.seeded.metricsDocId!)!.tables.find(t => t.name === "Metric Definitions")!;
    const redAt = defs.columns.find(c => c.name === "Red At")!;
    defs.rows[0].values.delete(redAt.id);
    const run = await runSync(env, pack, "HealthMetrics", metricsParams(doc));
    const first = run.rows.find(r => r.Name === "Net new ARR")!;
    assert.equal(first.Problems, "Red At is blank: give the metric its Red At threshold.");
    assert.notProperty(first, "Status");
  });

  describe("with a large dashboard", function () {
    // This describe's own emulator, serving 60 metrics of 104 readings each.
    const env = useEmulator(() => ({metrics: generateMetrics(60, 104)}));
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("syncs a large dashboard in one execution and within a few requests", async function () {
      const run = await runSync(env, pack, "HealthMetrics", [
        docUrl(env.seeded.metricsDocId!),
        undefined,
        undefined,
        undefined,
        asOf,
      ]);
      assert.lengthOf(run.rows, 60);
      assert.equal(run.executions, 1);
      assert.isAtMost(env.emulator.stats.requests, 1 + 2 + 1 + Math.ceil((60 * 104) / 500));
    });
  });
});
