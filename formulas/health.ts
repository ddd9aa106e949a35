import * as coda from "@codahq/packs-sdk";
import {Ranges} from "../src/engine/contract";
import {dashboardReview, healthStatus, healthTrend, hotCheck, thresholds} from "../src/engine/health";
import {progressBarSvg, sparklineSvg} from "../src/engine/svg";
import {DashboardReviewSchema, TrendSchema} from "../schemas/health";
import {handleError} from "./errors";
import {svgImage} from "./pictures";

/** Health-metric formulas: status, trend, hot items, the dashboard's shape, and pictures. */

const ValuesParam = coda.makeParameter({
  type: coda.ParameterType.SparseNumberArray,
  name: "values",
  description: `The metric's readings, oldest first, each ${Ranges.number} in the metric's own unit; ${Ranges.list}. Blanks are missed readings.`,
});
const GreenAtParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "greenAt",
  description: `Green from this value on, in the readings' unit: ${Ranges.number}. Above redAt when higher is better, below it when lower is better.`,
});
const RedAtParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "redAt",
  description: `Red from this value on, in the readings' unit and not equal to greenAt: ${Ranges.number}.`,
});
const PeriodsParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "periods",
  description:
    "How many consecutive periods of moving away from green make a metric hot: a whole number, 1 or more. Default 3.",
  optional: true,
});

const none = coda.ConnectionRequirement.None;

export const HealthStatus = coda.makeFormula({
  name: "HealthStatus",
  description:
    "Green, Yellow or Red for a reading. When greenAt is above redAt higher is better: Green at or above greenAt, Red at or below redAt, Yellow between. When greenAt is below redAt lower is better, mirrored.",
  parameters: [
    coda.makeParameter({type: coda.ParameterType.Number, name: "value", description: `The reading: ${Ranges.number}.`}),
    GreenAtParam,
    RedAtParam,
  ],
  resultType: coda.ValueType.String,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [112, 110, 95], result: "Green"},
    {params: [101, 110, 95], result: "Yellow"},
    {params: [9, 5, 8], result: "Red"},
  ],
  execute: async function ([value, greenAt, redAt]) {
    return healthStatus(value, thresholds(greenAt, redAt));
  },
});

export const HealthTrend = coda.makeFormula({
  name: "HealthTrend",
  description:
    "The trend of a metric: Direction (Up, Down or Flat), Slope (least squares per period), PercentChange (last against first) and Streak (moves in a row in the latest direction), over the last `periods` readings or all of them. Direction follows the least-squares line: Flat when the line moves less than 1% of the window's mean size.",
  parameters: [
    ValuesParam,
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "periods",
      description: "How many of the latest readings to look at: a whole number, 2 or more. Default: all.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: TrendSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [[100, 104, 103, 107, 110]], result: {Direction: "Up", Slope: 2.3, PercentChange: 0.1, Streak: 2}},
    {
      params: [[50, 50.2, 49.9, 50.1], 3],
      result: {Direction: "Flat", Slope: -0.05, PercentChange: -0.0019920319, Streak: 1},
    },
    {params: [[100, 90, 80, 70, 105]], result: {Direction: "Down", Slope: -1, PercentChange: 0.05, Streak: 1}},
  ],
  execute: async function ([values, periods]) {
    const t = healthTrend(values, periods);
    return {Direction: t.direction, Slope: t.slope, PercentChange: t.percentChange, Streak: t.streak};
  },
});

export const IsHotItem = coda.makeFormula({
  name: "IsHotItem",
  description:
    "True when a metric needs the leadership meeting's attention: its latest reading is Red, it has moved away from green for `periods` periods in a row (default 3, an early warning even while it is still Green), or it has just left Green.",
  parameters: [ValuesParam, GreenAtParam, RedAtParam, PeriodsParam],
  resultType: coda.ValueType.Boolean,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [[120, 118, 117], 110, 95], result: false},
    {params: [[112, 108, 104, 101], 110, 95], result: true},
    {params: [[4.1, 4.4, 4.2], 5, 8], result: false},
  ],
  execute: async function ([values, greenAt, redAt, periods]) {
    return hotCheck(values, thresholds(greenAt, redAt), periods).hot;
  },
});

export const HotReason = coda.makeFormula({
  name: "HotReason",
  description: "Why a metric is hot, in words for the agenda; empty when it is not hot (see IsHotItem).",
  parameters: [ValuesParam, GreenAtParam, RedAtParam, PeriodsParam],
  resultType: coda.ValueType.String,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [[112, 108, 104, 101], 110, 95], result: "Moving away from green for 3 periods in a row."},
    {params: [[6, 7, 9.5], 5, 8], result: "Red: 9.5 is past the red line of 8."},
    {params: [[112, 108], 110, 95], result: "Just left green."},
    {params: [[120, 118, 117], 110, 95], result: ""},
  ],
  execute: async function ([values, greenAt, redAt, periods]) {
    return hotCheck(values, thresholds(greenAt, redAt), periods).reason;
  },
});

export const Sparkline = coda.makeFormula({
  name: "Sparkline",
  description:
    "A small line picture of a metric's readings, with the green and red zones shaded when thresholds are given and the latest reading marked in its status color. Under 4 KB at any length: a long series is drawn as buckets of their lowest and highest readings.",
  parameters: [
    ValuesParam,
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "greenAt",
      description: `Where green starts, in the readings' unit: ${Ranges.number}. Optional; give redAt with it.`,
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "redAt",
      description: `Where red starts, in the readings' unit: ${Ranges.number}. Optional; give greenAt with it.`,
      optional: true,
    }),
  ],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.ImageReference,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: [[3, 5, 4, 6]],
      result:
        "data:image/svg+xml;supportsDarkMode=1;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMjAiIGhlaWdodD0iMzIiIHZpZXdCb3g9IjAgMCAxMjAgMzIiIHJvbGU9ImltZyIgYXJpYS1sYWJlbD0iVHJlbmQgb2YgNCByZWFkaW5ncywgbGF0ZXN0IDYiPjxzdHlsZT4ubHtmaWxsOm5vbmU7c3Ryb2tlOiMzNzQxNTE7c3Ryb2tlLXdpZHRoOjEuNTtzdHJva2UtbGluZWpvaW46cm91bmR9LmR7ZmlsbDojMzc0MTUxfS5ne2ZpbGw6IzJlOWQ1YjtvcGFjaXR5Oi4xNX0ucntmaWxsOiNkNjQ1NDU7b3BhY2l0eTouMTV9I0RhcmtNb2RlOnRhcmdldCAubHtzdHJva2U6I2U1ZTdlYn0jRGFya01vZGU6dGFyZ2V0IC5ke2ZpbGw6I2U1ZTdlYn0jRGFya01vZGU6dGFyZ2V0IC5nLCNEYXJrTW9kZTp0YXJnZXQgLnJ7b3BhY2l0eTouM308L3N0eWxlPjxnIGlkPSJEYXJrTW9kZSI+PHBvbHlsaW5lIGNsYXNzPSJsIiBwb2ludHM9IjMsMjkgNDEsMTEuNyA3OSwyMC4zIDExNywzIi8+PGNpcmNsZSBjeD0iMTE3IiBjeT0iMyIgcj0iMi41IiBjbGFzcz0iZCIvPjwvZz48L3N2Zz4=",
    },
  ],
  execute: async function ([values, greenAt, redAt]) {
    const bands = greenAt === undefined && redAt === undefined ? undefined : thresholds(greenAt, redAt);
    return svgImage(sparklineSvg(values, bands));
  },
});

export const ProgressBar = coda.makeFormula({
  name: "ProgressBar",
  description:
    "A progress bar for a key result, in its grade color (Green from 70%, Yellow from 40%), with a marker where it should be by now when `expected` is given.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "progress",
      description: `The progress (KeyResultProgress), ${Ranges.score}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "label",
      description:
        "A short label drawn after the percentage: any text, drawn smaller or shortened with an ellipsis to fit the picture.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "expected",
      description: `The expected progress by now (ExpectedProgress), drawn as a marker: ${Ranges.fraction}.`,
      optional: true,
    }),
  ],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.ImageReference,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: [0.45, "Pipeline", 0.5],
      result:
        "data:image/svg+xml;supportsDarkMode=1;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyMDAiIGhlaWdodD0iMjAiIHZpZXdCb3g9IjAgMCAyMDAgMjAiIHJvbGU9ImltZyIgYXJpYS1sYWJlbD0iUGlwZWxpbmU6IDQ1JSBkb25lLCA1MCUgZXhwZWN0ZWQiPjxzdHlsZT4udHtmaWxsOiNlNWU3ZWJ9Lm17ZmlsbDojMzc0MTUxfS54e2ZvbnQ6MTFweCBzYW5zLXNlcmlmO2ZpbGw6IzM3NDE1MX0jRGFya01vZGU6dGFyZ2V0IC50e2ZpbGw6IzRiNTU2M30jRGFya01vZGU6dGFyZ2V0IC5tLCNEYXJrTW9kZTp0YXJnZXQgLnh7ZmlsbDojZTVlN2VifTwvc3R5bGU+PGcgaWQ9IkRhcmtNb2RlIj48cmVjdCBjbGFzcz0idCIgeD0iMCIgeT0iNSIgd2lkdGg9IjEwMCIgaGVpZ2h0PSIxMCIgcng9IjUiLz48cmVjdCB4PSIwIiB5PSI1IiB3aWR0aD0iNDUiIGhlaWdodD0iMTAiIHJ4PSI1IiBmaWxsPSIjZDlhNDAwIi8+PHJlY3QgY2xhc3M9Im0iIHg9IjUwIiB5PSIxIiB3aWR0aD0iMiIgaGVpZ2h0PSIxOCIvPjx0ZXh0IGNsYXNzPSJ4IiB4PSIxMDYiIHk9IjEzLjkiPjQ1JSBQaXBlbGluZTwvdGV4dD48L2c+PC9zdmc+",
    },
  ],
  execute: async function ([progress, label, expected]) {
    return svgImage(progressBarSvg(progress, label, expected));
  },
});

export const DashboardReview = coda.makeFormula({
  name: "DashboardReview",
  description:
    "Reviews the CEO dashboard: metrics per area, which of the six areas (growth, operations, finance, talent, culture, innovation) have none, the share that is red, and a flag when it is too granular for a CEO (more than 15 metrics, or more than 4 in one area).",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "areas",
      description: `Each metric's area; ${Ranges.list}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "statuses",
      description: "Each metric's status, one per area: Green, Yellow, Red or blank.",
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: DashboardReviewSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: [
        ["Growth", "Growth", "Finance", "Talent"],
        ["Green", "Red", "Yellow", "Green"],
      ],
      result: {
        Metrics: 4,
        PerArea: "Growth 2, Finance 1, Talent 1",
        MissingAreas: "Operations, Culture, Innovation",
        ShareRed: 0.25,
        TooGranular: false,
        Verdict: "No metric covers Operations, Culture, Innovation.",
      },
    },
  ],
  execute: async function ([areas, statuses]) {
    const r = dashboardReview(areas, statuses);
    return {
      Metrics: r.metrics,
      PerArea: r.perArea,
      MissingAreas: r.missingAreas,
      ShareRed: r.shareRed,
      TooGranular: r.tooGranular,
      Verdict: r.verdict,
    };
  },
});

export const healthFormulas = [
  HealthStatus,
  HealthTrend,
  IsHotItem,
  HotReason,
  Sparkline,
  ProgressBar,
  DashboardReview,
];
