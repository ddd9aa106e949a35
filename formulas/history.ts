import * as coda from "@codahq/packs-sdk";
import {toDay} from "../src/engine/calendar";
import {Ranges} from "../src/engine/contract";
import {progressDescription, progressHistory, scorecard, scorecardDescription} from "../src/engine/history";
import {progressHistorySvg, scorecardSvg} from "../src/engine/svg";
import {handleError} from "./errors";
import {svgImage} from "./pictures";
import {CycleEndParam, CycleStartParam, daysOf} from "./params";

/**
 * History you can see: a key result's progress over its check-ins against the
 * pace line, and a 13-week scorecard of health metrics. Each picture has a
 * companion formula that says the same thing in words, for alt text and for
 * readers who cannot tell the colors apart.
 */

const none = coda.ConnectionRequirement.None;

const progressParams = [
  coda.makeParameter({
    type: coda.ParameterType.SparseDateArray,
    name: "dates",
    description: `The check-in dates, each ${Ranges.date}; ${Ranges.list}. A blank date skips its check-in.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.SparseNumberArray,
    name: "values",
    description: `The value checked in on each date, one per date: ${Ranges.number}. A blank value skips its check-in.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.Number,
    name: "start",
    description: `The key result's value when the cycle began: ${Ranges.number}.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.Number,
    name: "target",
    description: `The value that means fully achieved, not equal to start: ${Ranges.number}.`,
  }),
  CycleStartParam,
  CycleEndParam,
  coda.makeParameter({
    type: coda.ParameterType.SparseNumberArray,
    name: "confidences",
    description: `The owner's confidence at each check-in, one per date, each ${Ranges.fraction}. Optional; blanks are drawn grey.`,
    optional: true,
  }),
  coda.makeParameter({
    type: coda.ParameterType.String,
    name: "name",
    description: "The key result's name, the picture's title: any text, shortened with an ellipsis to fit. Optional.",
    optional: true,
  }),
] as const;

type ProgressArgs = [
  Array<Date | undefined>,
  Array<number | undefined>,
  number,
  number,
  Date,
  Date,
  Array<number | undefined>?,
  string?,
];

function historyOf(
  [dates, values, start, target, cycleStart, cycleEnd, confidences, name]: ProgressArgs,
  context: coda.ExecutionContext,
) {
  return progressHistory(
    daysOf("dates", "Date", dates, context),
    values,
    start,
    target,
    toDay("cycleStart", cycleStart, context.timezone),
    toDay("cycleEnd", cycleEnd, context.timezone),
    confidences ?? [],
    name,
  );
}

const progressExample = [
  ["2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29", "2026-11-05"],
  [72, 71, 70, 68, 67],
  74,
  60,
  "2026-10-01",
  "2026-12-31",
  [0.7, 0.6, 0.6, 0.5, 0.4],
  "Average sales cycle in days",
];

export const ProgressHistory = coda.makeFormula({
  name: "ProgressHistory",
  description:
    "A picture of a key result's progress over its check-ins against the pace line (start at the cycle's first day to target at its last), with each check-in's confidence marked: green from 70%, yellow from 40%, red below, grey when not given. It is titled with the key result's name, labels the target, dates the time axis and has a legend for the dots and the pace line. Under 4 KB at any length. ProgressDescription says the same in words.",
  parameters: [...progressParams],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.ImageReference,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: progressExample,
      result:
        "data:image/svg+xml;supportsDarkMode=1;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyNDAiIGhlaWdodD0iMTI0IiB2aWV3Qm94PSIwIDAgMjQwIDEyNCIgcm9sZT0iaW1nIiBhcmlhLWxhYmVsPSJBdmVyYWdlIHNhbGVzIGN5Y2xlIGluIGRheXM6IHByb2dyZXNzIDUwJSBhdCB0aGUgbGFzdCBvZiA1IGNoZWNrLWlucywgYWdhaW5zdCB0aGUgcGFjZSBsaW5lIHRvIHRhcmdldCA2MCI+PHN0eWxlPi5se2ZpbGw6bm9uZTtzdHJva2U6IzM3NDE1MTtzdHJva2Utd2lkdGg6MS41O3N0cm9rZS1saW5lam9pbjpyb3VuZH0ucHtmaWxsOm5vbmU7c3Ryb2tlOiMzNzQxNTE7c3Ryb2tlLXdpZHRoOjE7c3Ryb2tlLWRhc2hhcnJheTozIDI7b3BhY2l0eTouNn0udHtmaWxsOm5vbmU7c3Ryb2tlOiNlNWU3ZWI7c3Ryb2tlLXdpZHRoOjF9LngsLmh7ZmlsbDojMzc0MTUxfS54e2ZvbnQ6OXB4IHNhbnMtc2VyaWZ9Lmh7Zm9udDoxMXB4IHNhbnMtc2VyaWZ9LmNnLC5jeSwuY3IsLmNue2ZpbGw6bm9uZTtzdHJva2Utd2lkdGg6NTtzdHJva2UtbGluZWNhcDpyb3VuZH0uY2d7c3Ryb2tlOiMyZTlkNWJ9LmN5e3N0cm9rZTojZDlhNDAwfS5jcntzdHJva2U6I2Q2NDU0NX0uY257c3Ryb2tlOiM5Y2EzYWZ9I0RhcmtNb2RlOnRhcmdldCAubCwjRGFya01vZGU6dGFyZ2V0IC5we3N0cm9rZTojZTVlN2VifSNEYXJrTW9kZTp0YXJnZXQgLnR7c3Ryb2tlOiM0YjU1NjN9I0RhcmtNb2RlOnRhcmdldCAueCwjRGFya01vZGU6dGFyZ2V0IC5oe2ZpbGw6I2U1ZTdlYn08L3N0eWxlPjxnIGlkPSJEYXJrTW9kZSI+PHRleHQgY2xhc3M9ImgiIHg9IjQiIHk9IjEyIj5BdmVyYWdlIHNhbGVzIGN5Y2xlIGluIGRheXM8L3RleHQ+PHBhdGggY2xhc3M9InQiIGQ9Ik00IDIwSDIzNk00IDc2SDIzNiIvPjxwYXRoIGNsYXNzPSJwIiBkPSJNNCA3NkwyMzYgMjBNNCAxMThoMTQiLz48dGV4dCBjbGFzcz0ieCIgeD0iNiIgeT0iMzAiPlRhcmdldCA2MDwvdGV4dD48dGV4dCBjbGFzcz0ieCIgeD0iNCIgeT0iODciPjEgT2N0IDIwMjY8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjIzNiIgeT0iODciIHRleHQtYW5jaG9yPSJlbmQiPjMxIERlYyAyMDI2PC90ZXh0Pjx0ZXh0IGNsYXNzPSJ4IiB4PSIyMiIgeT0iMTIxIj5QYWNlOiBzdGFydCB0byB0YXJnZXQgb3ZlciB0aGUgY3ljbGU8L3RleHQ+PHBvbHlsaW5lIGNsYXNzPSJsIiBwb2ludHM9IjIxLjgsNjggMzkuNyw2NCA1Ny41LDYwIDc1LjQsNTIgOTMuMiw0OCIvPjx0ZXh0IGNsYXNzPSJ4IiB4PSI0IiB5PSI5OSI+RG90czogY2hlY2staW5zLCBjb2xvcmVkIGJ5IGNvbmZpZGVuY2U8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjEzIiB5PSIxMTAiPjcwJSs8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjYwLjUiIHk9IjExMCI+NDAlKzwvdGV4dD48dGV4dCBjbGFzcz0ieCIgeD0iMTA4IiB5PSIxMTAiPnVuZGVyIDQwJTwvdGV4dD48cGF0aCBjbGFzcz0iY2ciIGQ9Ik0yMS44IDY4aDBNNyAxMDdoMCIvPjxwYXRoIGNsYXNzPSJjeSIgZD0iTTM5LjcgNjRoME01Ny41IDYwaDBNNzUuNCA1MmgwTTkzLjIgNDhoME01NC41IDEwN2gwIi8+PHBhdGggY2xhc3M9ImNyIiBkPSJNMTAyIDEwN2gwIi8+PC9nPjwvc3ZnPg==",
    },
  ],
  execute: async function (args, context) {
    return svgImage(progressHistorySvg(historyOf(args as ProgressArgs, context)));
  },
});

export const ProgressDescription = coda.makeFormula({
  name: "ProgressDescription",
  description:
    "The ProgressHistory picture in words, for alt text: the key result's name, where it stands against the pace line at its last check-in, and how its confidence moved.",
  parameters: [...progressParams],
  resultType: coda.ValueType.String,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: progressExample,
      result:
        "Average sales cycle in days: 50% of the way from 74 to 60 over 2026-10-01 to 2026-12-31 on 2026-11-05, against 38% expected: ahead of pace by 12 points. 5 check-ins from 2026-10-08. Confidence 70% → 60% → 60% → 50% → 40%, lowest 40% on 2026-11-05.",
    },
    {
      params: progressExample.slice(0, 7),
      result:
        "50% of the way from 74 to 60 over 2026-10-01 to 2026-12-31 on 2026-11-05, against 38% expected: ahead of pace by 12 points. 5 check-ins from 2026-10-08. Confidence 70% → 60% → 60% → 50% → 40%, lowest 40% on 2026-11-05.",
    },
  ],
  execute: async function (args, context) {
    return progressDescription(historyOf(args as ProgressArgs, context));
  },
});

const scorecardParams = [
  coda.makeParameter({
    type: coda.ParameterType.SparseStringArray,
    name: "metrics",
    description: `The metric of each reading, one entry per reading (long form, as the Metric Readings table holds them); ${Ranges.list}. Blank entries are skipped.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.SparseDateArray,
    name: "dates",
    description: `The date of each reading, one per metric entry, each ${Ranges.date}. Blank entries are skipped.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.SparseStringArray,
    name: "statuses",
    description:
      "The status of each reading, one per metric entry: Green, Yellow or Red (HealthStatus), or blank for none.",
  }),
] as const;

type ScorecardArgs = [Array<string | undefined>, Array<Date | undefined>, Array<string | undefined>];

function cardOf([metrics, dates, statuses]: ScorecardArgs, context: coda.ExecutionContext) {
  return scorecard(metrics, daysOf("dates", "Date", dates, context), statuses);
}

const scorecardExample = [
  ["Gross margin", "Gross margin", "Gross margin", "NPS", "NPS", "NPS"],
  ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-02", "2026-11-09", "2026-11-16"],
  ["Green", "Yellow", "Red", "Green", "Green", "Yellow"],
];

export const Scorecard = coda.makeFormula({
  name: "Scorecard",
  description:
    "A 13-week scorecard picture of health metrics: one row per metric (up to 10), one cell per week, colored by the status of the week's latest reading (grey without one). The last week ends on the latest reading. Under 4 KB at any size. ScorecardDescription says the same in words.",
  parameters: [...scorecardParams],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.ImageReference,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: scorecardExample,
      result:
        "data:image/svg+xml;supportsDarkMode=1;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIyMzciIGhlaWdodD0iNDEiIHZpZXdCb3g9IjAgMCAyMzcgNDEiIHJvbGU9ImltZyIgYXJpYS1sYWJlbD0iU2NvcmVjYXJkIG9mIDIgbWV0cmljcyBvdmVyIDEzIHdlZWtzIj48c3R5bGU+LnQsLmcsLnksLnJ7ZmlsbDpub25lO3N0cm9rZS13aWR0aDoxMDtzdHJva2UtZGFzaGFycmF5OjEwIDF9LnR7c3Ryb2tlOiNlNWU3ZWJ9Lmd7c3Ryb2tlOiMyZTlkNWJ9Lnl7c3Ryb2tlOiNkOWE0MDB9LnJ7c3Ryb2tlOiNkNjQ1NDV9Lnh7Zm9udDo5cHggc2Fucy1zZXJpZjtmaWxsOiMzNzQxNTF9I0RhcmtNb2RlOnRhcmdldCAudHtzdHJva2U6IzRiNTU2M30jRGFya01vZGU6dGFyZ2V0IC54e2ZpbGw6I2U1ZTdlYn08L3N0eWxlPjxnIGlkPSJEYXJrTW9kZSI+PHRleHQgY2xhc3M9IngiIHg9IjAiIHk9IjExIj5Hcm9zcyBtYXJnaW48L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjAiIHk9IjIzIj5OUFM8L3RleHQ+PHBhdGggY2xhc3M9InQiIGQ9Ik05MiA4aDE0Mk05MiAyMGgxNDIiLz48cGF0aCBjbGFzcz0iZyIgZD0iTTIwMiA4aDEwTTIwMiAyMGgyMSIvPjxwYXRoIGNsYXNzPSJ5IiBkPSJNMjEzIDhoMTBNMjI0IDIwaDEwIi8+PHBhdGggY2xhc3M9InIiIGQ9Ik0yMjQgOGgxMCIvPjx0ZXh0IGNsYXNzPSJ4IiB4PSIwIiB5PSIzOCI+MTMgd2Vla3MgZnJvbSAyMDI2LTA4LTE4IHRvIDExLTE2PC90ZXh0PjwvZz48L3N2Zz4=",
    },
  ],
  execute: async function (args, context) {
    return svgImage(scorecardSvg(cardOf(args as ScorecardArgs, context)));
  },
});

export const ScorecardDescription = coda.makeFormula({
  name: "ScorecardDescription",
  description:
    "The Scorecard picture in words, for alt text: for each metric, how many of the 13 weeks were green, yellow, red or without a reading, and its latest status.",
  parameters: [...scorecardParams],
  resultType: coda.ValueType.String,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: scorecardExample,
      result:
        "2 metrics over the 13 weeks to 2026-11-16. Gross margin: 1 green, 1 yellow, 1 red, 10 without a reading; latest red. NPS: 2 green, 1 yellow, 0 red, 10 without a reading; latest yellow.",
    },
  ],
  execute: async function (args, context) {
    return scorecardDescription(cardOf(args as ScorecardArgs, context));
  },
});

export const historyFormulas = [ProgressHistory, ProgressDescription, Scorecard, ScorecardDescription];
