import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {pack} from "../src/pack";

/** Runs a formula the way Coda does and returns the error a user would see. */
async function userError(name: string, params: unknown[]): Promise<Error> {
  try {
    await executeFormulaFromPackDef(pack, name, params as never);
  } catch (error) {
    const cause = (error as {cause?: unknown}).cause ?? error;
    assert.instanceOf(cause, coda.UserVisibleError, `${name} should fail with a message for the user`);
    return cause as Error;
  }
  assert.fail(`${name} should have failed for ${JSON.stringify(params)}`);
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("formulas: bad input gives a clear message", function () {
  const cases: Array<[string, unknown[], RegExp]> = [
    ["KeyResultProgress", [5, 5, 5], /Start and target are both 5/],
    ["KeyResultProgress", [0, 10, 5, "Upward"], /Unknown key result kind "Upward"/],
    ["KeyResultGrade", [0.5, 0.2, 0.6], /yellowAt/],
    ["ExpectedProgress", [d("2026-03-31"), d("2026-01-01")], /must end after it starts/],
    ["KeyResultStatus", [0.5, d("2026-01-01"), d("2026-03-31"), d("2026-02-01"), 2], /Confidence must be between 0 and 1/],
    ["KeyResultStatus", [-0.5, d("2026-01-01"), d("2026-03-31")], /Progress must not be negative/],
    ["ObjectiveScore", [[0.5, 0.6], [1]], /scores has 2 entries but weights has 1/],
    ["ObjectiveScore", [[0.5], [-1]], /must not be negative/],
    ["ObjectiveScore", [[0.5, 0.4], [0, 0]], /All weights are zero/],
    ["ObjectiveScore", [[]], /no scores/],
    ["ForecastValue", [[d("2026-01-01")], [3], d("2026-02-01")], /at least two check-ins/],
    ["OkrCycle", [d("2026-01-01"), 5], /divide the year/],
    ["RollUp", [["A", "B"], ["B", "A"], [1, 1]], /loop/],
    ["CycleReview", [[]], /no scores/],
    ["HealthStatus", [3, 5, 5], /greenAt and redAt are both 5/],
    ["HealthTrend", [[1]], /at least two values/],
    ["IsHotItem", [[], 5, 8], /no values/],
    ["HotReason", [[1, 2], 5, 8, 0], /periods must be a whole number of at least 1/],
    ["Sparkline", [[undefined]], /no values to draw/],
    ["Sparkline", [[1, 2], 5], /redAt is blank/],
    ["ProgressBar", [-1], /progress must not be negative/],
    ["DashboardReview", [["Growth"], ["Red", "Green"]], /areas has 1 entries but statuses has 2/],
    ["AgendaTimes", [[10], "noon-ish"], /not a time of day/],
    ["MeetingMix", [["Status", "Status"], [10]], /kinds has 2 entries but minutes has 1/],
    ["MeetingDates", ["Daily", d("2026-01-01"), 3], /not a cadence/],
    ["LeadershipAlignment", [["A, B"]], /at least two leaders/],
  ];
  for (const [name, params, message] of cases) {
    it(`${name} explains ${message.source}`, async function () {
      assert.match((await userError(name, params)).message, message);
    });
  }
});

describe("formulas: defaults", function () {
  it("judges against today when asOf is left out", async function () {
    const start = new Date(Date.now() - 400 * 86400e3);
    const end = new Date(Date.now() - 300 * 86400e3);
    assert.equal(await executeFormulaFromPackDef(pack, "ExpectedProgress", [start, end] as never), 1);
    assert.equal(await executeFormulaFromPackDef(pack, "KeyResultStatus", [0.5, start, end] as never), "Missed");
  });

  it("recovers the calendar day of a doc east or west of UTC", async function () {
    // Midnight of 2026-11-21 in Tokyo (UTC+9) and in Los Angeles (UTC-8).
    const tokyo = new Date("2026-11-20T15:00:00Z");
    const losAngeles = new Date("2026-11-21T08:00:00Z");
    for (const date of [tokyo, losAngeles]) {
      const cycle = await executeFormulaFromPackDef(pack, "OkrCycle", [date, 1] as never, newMockExecutionContext());
      assert.deepInclude(cycle, {Name: "FY2026 C11", Start: "2026-11-01", End: "2026-11-30"});
    }
  });
});
