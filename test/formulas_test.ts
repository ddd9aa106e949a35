import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {pack} from "../src/pack";

/** Runs a formula the way Coda does and returns the error a user would see. */
async function userError(name: string, params: unknown[]): Promise<Error> {
  try {
    await executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>);
  } catch (error) {
    const cause = (error as {cause?: unknown}).cause ?? error;
    assert.instanceOf(cause, coda.UserVisibleError, `${name} should fail with a message for the user`);
    return cause as Error;
  }
  assert.fail(`${name} should have failed for ${JSON.stringify(params)}`);
}

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("formulas: bad input gives a clear message", function () {
  const cases: Array<[string, unknown[], RegExp]> = [
    ["KeyResultProgress", [5, 5, 5], /Start and target are both 5/],
    ["KeyResultProgress", [0, 10, 5, "Upward"], /Unknown key result kind "Upward"/],
    ["KeyResultGrade", [0.5, 0.2, 0.6], /yellowAt/],
    ["ExpectedProgress", [d("2026-03-31"), d("2026-01-01")], /must end after it starts/],
    [
      "KeyResultStatus",
      [0.5, d("2026-01-01"), d("2026-03-31"), d("2026-02-01"), 2],
      /Confidence must be between 0 and 1/,
    ],
    [
      "KeyResultStatus",
      [-0.5, d("2026-01-01"), d("2026-03-31")],
      /Progress must be between 0 and 1.5 \(0–150%\), not -0.5/,
    ],
    ["ObjectiveScore", [[0.5, 0.6], [1]], /scores has 2 entries but weights has 1/],
    ["ObjectiveScore", [[0.5], [-1]], /must not be negative/],
    [
      "ObjectiveScore",
      [
        [0.5, 0.4],
        [0, 0],
      ],
      /All weights are zero/,
    ],
    ["ObjectiveScore", [[]], /no scores/],
    ["ForecastValue", [[d("2026-01-01")], [3], d("2026-02-01")], /at least two check-ins/],
    ["OkrCycle", [d("2026-01-01"), 5], /divide the year/],
    [
      "RollUp",
      [
        ["A", "B"],
        ["B", "A"],
        [1, 1],
      ],
      /loop/,
    ],
    ["CycleReview", [[]], /no scores/],
    ["HealthStatus", [3, 5, 5], /greenAt and redAt are both 5/],
    ["HealthTrend", [[1]], /at least two values/],
    ["IsHotItem", [[], 5, 8], /no values/],
    ["HotReason", [[1, 2], 5, 8, 0], /periods must be a whole number of at least 1/],
    ["Sparkline", [[undefined]], /no values to draw/],
    ["Sparkline", [[1, 2], 5], /redAt is blank/],
    ["ProgressBar", [-1], /Progress must be between 0 and 1.5/],
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
    assert.equal(
      await executeFormulaFromPackDef(pack, "ExpectedProgress", [start, end] as coda.ParamValues<coda.ParamDefs>),
      1,
    );
    assert.equal(
      await executeFormulaFromPackDef(pack, "KeyResultStatus", [0.5, start, end] as coda.ParamValues<coda.ParamDefs>),
      "Missed",
    );
  });

  it("reads a date in the doc's time zone, east or west of UTC", async function () {
    // Midnight of 2026-11-21 in Tokyo (UTC+9) and in Los Angeles (UTC-8), each passed from a doc in that zone.
    const cases: Array<[string, Date]> = [
      ["Asia/Tokyo", new Date("2026-11-20T15:00:00Z")],
      ["America/Los_Angeles", new Date("2026-11-21T08:00:00Z")],
    ];
    for (const [timezone, date] of cases) {
      const cycle = await executeFormulaFromPackDef(
        pack,
        "OkrCycle",
        [date, 1] as coda.ParamValues<coda.ParamDefs>,
        newMockExecutionContext({timezone}),
      );
      assert.deepInclude(cycle, {Name: "FY2026 C11", Start: "2026-11-01", End: "2026-11-30"});
    }
  });
});

/** Midnight of an ISO day in a time zone, as Coda passes a date-only value from a doc in that zone. */
function midnight(iso: string, timezone: string): Date {
  const guess = new Date(`${iso}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find(p => p.type === type)!.value);
  const shown = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(guess.getTime() - (shown - guess.getTime()));
}

describe("formulas: the input contract, on the examples that used to go wrong", function () {
  const run = (name: string, params: unknown[], timezone?: string) =>
    executeFormulaFromPackDef(
      pack,
      name,
      params as coda.ParamValues<coda.ParamDefs>,
      timezone ? newMockExecutionContext({timezone}) : undefined,
    );

  const percents: Array<[string, unknown[], RegExp]> = [
    [
      "KeyResultGrade",
      [35],
      /^Score must be between 0 and 1.5 \(0–150%\): 35 looks like 35%, so use 0.35 or a Percent column\.$/,
    ],
    [
      "KeyResultStatus",
      [40, d("2026-04-01"), d("2026-06-30"), d("2026-05-16")],
      /Progress must be between 0 and 1.5 \(0–150%\): 40 looks like 40%, so use 0.4/,
    ],
    ["ProgressBar", [58], /Progress must be between 0 and 1.5 \(0–150%\): 58 looks like 58%, so use 0.58/],
    ["CycleReview", [[70, 50, 20]], /Score 1 must be between 0 and 1.5 \(0–150%\): 70 looks like 70%, so use 0.7/],
    [
      "KeyResultStatus",
      [0.4, d("2026-04-01"), d("2026-06-30"), d("2026-05-16"), 60],
      /Confidence must be between 0 and 1 \(0–100%\): 60 looks like 60%, so use 0.6/,
    ],
    ["ObjectiveScore", [[0.5, 80]], /Score 2 must be between 0 and 1.5/],
    [
      "RollUp",
      [
        ["O1", "KR1"],
        ["", "O1"],
        [undefined, 45],
      ],
      /The score of "KR1" must be between 0 and 1.5/,
    ],
  ];
  for (const [name, params, message] of percents) {
    it(`${name} refuses a whole-number percent and shows the fix`, async function () {
      assert.match((await userError(name, params)).message, message);
    });
  }

  it("reads a percent given as a fraction, as a Percent column gives it", async function () {
    assert.equal(await run("KeyResultGrade", [0.35]), "Red");
    assert.equal(await run("KeyResultStatus", [0.4, d("2026-04-01"), d("2026-06-30"), d("2026-05-16")]), "At risk");
  });

  it("reads a date-only value in the doc's zone, even at UTC+13 and UTC+14", async function () {
    const auckland = "Pacific/Auckland";
    assert.deepInclude(await run("OkrCycle", [midnight("2026-01-01", auckland)], auckland), {
      Name: "FY2026 Q1",
      Start: "2026-01-01",
    });
    // A Tuesday meeting date stays a Tuesday.
    assert.deepEqual(await run("MeetingDates", ["Weekly", midnight("2026-01-06", auckland), 2], auckland), [
      "2026-01-06",
      "2026-01-13",
    ]);
    const kiritimati = "Pacific/Kiritimati";
    assert.equal(
      await run(
        "ExpectedProgress",
        [midnight("2026-04-01", kiritimati), midnight("2026-06-30", kiritimati), midnight("2026-05-16", kiritimati)],
        kiritimati,
      ),
      0.5,
    );
    assert.deepInclude(
      await run("RolloutPhase", [midnight("2026-11-02", kiritimati), midnight("2026-11-20", kiritimati)], kiritimati),
      {Day: 19},
    );
    const honolulu = "Pacific/Honolulu";
    assert.deepInclude(await run("OkrCycle", [midnight("2026-01-01", honolulu)], honolulu), {Name: "FY2026 Q1"});
  });

  it("keeps years in their century and refuses dates outside 1000 to 9999", async function () {
    assert.match((await userError("OkrCycle", [new Date("0050-03-01T00:00:00Z")])).message, /falls in the year 50/);
    assert.match((await userError("OkrCycle", [new Date(8.64e15)])).message, /falls in the year 275760/);
    assert.match(
      (await userError("ExpectedProgress", [new Date(NaN), d("2026-06-30")])).message,
      /cycleStart is not a date/,
    );
  });

  it("runs an agenda past midnight instead of starting over at 00:00", async function () {
    assert.deepEqual(await run("AgendaTimes", [[600, 600], "8:00 PM"]), [
      "20:00–Day 2 06:00",
      "Day 2 06:00–Day 2 16:00",
    ]);
  });

  it("refuses numbers too large to compute with, and never answers Infinity", async function () {
    assert.match(
      (await userError("HotReason", [[1, -1e308], 5, 8])).message,
      /^Value 2 is -1e\+308: numbers run from -1e15 to 1e15\.$/,
    );
    const trend = (await run("HealthTrend", [[5e-324, 1e15]])) as {PercentChange?: number; Slope: number};
    assert.isUndefined(trend.PercentChange);
    assert.equal(trend.Slope, 1e15);
  });

  it("handles 125,000-item lists without overflowing the stack", async function () {
    const readings = Array.from({length: 125_000}, (_, i) => Math.sin(i / 500) * 100 + (i % 997 === 0 ? 400 : 0));
    const url = (await run("Sparkline", [readings, 300, -50])) as string;
    assert.isAtMost(url.length, 4096);
    const rankings = Array.from({length: 125_000}, (_, i) => (i % 2 ? "A, B, C" : "B, A, C"));
    assert.deepInclude(await run("LeadershipAlignment", [rankings]), {Leaders: 125_000, Items: 3});
  });

  it("quotes at most a short prefix of a long input", async function () {
    const error = await userError("KeyResultProgress", [0, 10, 5, "Upward".repeat(2000)]);
    assert.isBelow(error.message.length, 200);
    assert.include(error.message, '"UpwardUpwardUpward');
  });
});
