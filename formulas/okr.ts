import * as coda from "@codahq/packs-sdk";
import {toDay} from "../src/engine/calendar";
import {Ranges} from "../src/engine/contract";
import {okrCycle, cycleToRow, CycleLengths} from "../src/engine/cycle";
import {
  expectedProgress,
  forecastValue,
  keyResultGrade,
  keyResultProgress,
  keyResultStatus,
  KeyResultKinds,
  objectiveScore,
  StatusRulesText,
} from "../src/engine/okr";
import {cycleReview} from "../src/engine/review";
import {alignmentFindings, rollUp} from "../src/engine/tree";
import {CycleReviewSchema, CycleSchema, FindingSchema, RolledUpSchema} from "../schemas/okr";
import {handleError} from "./errors";
import {
  AsOfParam,
  ConfidenceParam,
  CycleEndParam,
  CycleStartParam,
  dayOrToday,
  daysOf,
  IdsParam,
  ParentIdsParam,
  WeightsParam,
} from "./params";

export const KeyResultProgress = coda.makeFormula({
  name: "KeyResultProgress",
  description:
    "How far a key result has come, from 0 to 1 (up to 1.5 with over-achievement allowed). Auto measures (current − start) ÷ (target − start), so it works for key results that should rise and for ones that should fall. StayAbove and StayBelow are levels to hold: 1 when held, else 0.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "start",
      description: `The value when the cycle began, in the key result's own unit: ${Ranges.number}.`,
      suggestedValue: 0,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "target",
      description: `The value that means fully achieved, in the same unit and not equal to start: ${Ranges.number}.`,
      suggestedValue: 100,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "current",
      description: `The latest value, in the same unit: ${Ranges.number}.`,
      suggestedValue: 0,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "kind",
      description: "Auto (default), StayAbove or StayBelow.",
      optional: true,
      autocomplete: [...KeyResultKinds],
    }),
    coda.makeParameter({
      type: coda.ParameterType.Boolean,
      name: "allowOverachievement",
      description:
        "Let progress pass 1 when the target is beaten, up to 1.5 (150%), the most any formula reads. Off by default: progress is capped at 1.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Number,
  codaType: coda.ValueHintType.Percent,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [0, 100, 40], result: 0.4},
    {params: [20, 5, 11], result: 0.6},
    {params: [0, 100, 130, undefined, true], result: 1.3},
    {params: [0, 100, 400, undefined, true], result: 1.5},
    {params: [0, 99.5, 99.7, "StayAbove"], result: 1},
    {params: [0, 2, 3, "StayBelow"], result: 0},
  ],
  execute: async function ([start, target, current, kind, allowOverachievement]) {
    return keyResultProgress({start, target, current, kind, allowOverachievement});
  },
});

export const KeyResultGrade = coda.makeFormula({
  name: "KeyResultGrade",
  description:
    "The color band of a score: Green from 0.7, Yellow from 0.4, Red below (the widely used OKR grading). The bands can be changed.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "score",
      description: `The score or progress, ${Ranges.score}.`,
      suggestedValue: 0.7,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "greenAt",
      description: `The lowest Green score, at or above yellowAt: ${Ranges.fraction}. Default 0.7.`,
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "yellowAt",
      description: `The lowest Yellow score: ${Ranges.fraction}. Default 0.4.`,
      optional: true,
    }),
  ],
  resultType: coda.ValueType.String,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [0.72], result: "Green"},
    {params: [0.5], result: "Yellow"},
    {params: [0.2], result: "Red"},
    {params: [0.75, 0.8, 0.5], result: "Yellow"},
    {params: [0.35], result: "Red"},
  ],
  execute: async function ([score, greenAt, yellowAt]) {
    return keyResultGrade(score, greenAt, yellowAt);
  },
});

export const ExpectedProgress = coda.makeFormula({
  name: "ExpectedProgress",
  description: "The share of the cycle that has elapsed, from 0 to 1: where a key result on pace would be today.",
  parameters: [CycleStartParam, CycleEndParam, AsOfParam],
  resultType: coda.ValueType.Number,
  codaType: coda.ValueHintType.Percent,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: ["2026-04-01", "2026-06-30", "2026-05-16"], result: 0.5},
    {params: ["2026-04-01", "2026-06-30", "2026-07-15"], result: 1},
  ],
  execute: async function ([cycleStart, cycleEnd, asOf], context) {
    return expectedProgress(
      toDay("cycleStart", cycleStart, context.timezone),
      toDay("cycleEnd", cycleEnd, context.timezone),
      dayOrToday("asOf", asOf, context),
    );
  },
});

export const KeyResultStatus = coda.makeFormula({
  name: "KeyResultStatus",
  description: `Whether a key result is Not started, On track, At risk, Off track, Done or Missed. ${StatusRulesText}`,
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "progress",
      description: `The key result's progress (KeyResultProgress), ${Ranges.score}.`,
    }),
    CycleStartParam,
    CycleEndParam,
    AsOfParam,
    ConfidenceParam,
  ],
  resultType: coda.ValueType.String,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [0.5, "2026-04-01", "2026-06-30", "2026-05-16"], result: "On track"},
    {params: [0.4, "2026-04-01", "2026-06-30", "2026-05-16"], result: "At risk"},
    {params: [0.2, "2026-04-01", "2026-06-30", "2026-05-16"], result: "Off track"},
    {params: [0.5, "2026-04-01", "2026-06-30", "2026-05-16", 0.5], result: "At risk"},
    {params: [0.9, "2026-04-01", "2026-06-30", "2026-07-02"], result: "Missed"},
    {params: [1, "2026-04-01", "2026-06-30", "2026-05-16"], result: "Done"},
    {params: [0.35, "2026-04-01", "2026-06-30", "2026-05-16", 0.9], result: "Off track"},
  ],
  execute: async function ([progress, cycleStart, cycleEnd, asOf, confidence], context) {
    return keyResultStatus({
      progress,
      cycleStart: toDay("cycleStart", cycleStart, context.timezone),
      cycleEnd: toDay("cycleEnd", cycleEnd, context.timezone),
      asOf: dayOrToday("asOf", asOf, context),
      confidence,
    });
  },
});

export const ObjectiveScore = coda.makeFormula({
  name: "ObjectiveScore",
  description:
    "An objective's score: the weighted mean of its key results' scores. Blank scores (not scored yet) are left out with their weights; a blank weight counts as 1.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "scores",
      description: `The key results' scores, each ${Ranges.score}; ${Ranges.list}.`,
    }),
    WeightsParam,
  ],
  resultType: coda.ValueType.Number,
  codaType: coda.ValueHintType.Percent,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [[0.4, 0.8, 0.6]], result: 0.6},
    {
      params: [
        [1, 0.5],
        [3, 1],
      ],
      result: 0.875,
    },
  ],
  execute: async function ([scores, weights]) {
    return objectiveScore(scores, weights);
  },
});

export const ForecastValue = coda.makeFormula({
  name: "ForecastValue",
  description:
    "Where a key result is heading: the straight line that best fits its check-ins (least squares), read at a date such as the cycle's end.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseDateArray,
      name: "dates",
      description: `The check-in dates, each ${Ranges.date}; ${Ranges.list}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "values",
      description: `The value at each check-in, one per date: ${Ranges.number}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "atDate",
      description: `The date to project to, usually the cycle's end: ${Ranges.date}.`,
    }),
  ],
  resultType: coda.ValueType.Number,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [["2026-01-01", "2026-01-11", "2026-01-21"], [10, 20, 30], "2026-01-31"], result: 40},
    {params: [["2026-01-01", "2026-01-31"], [100, 90], "2026-03-02"], result: 80},
  ],
  execute: async function ([dates, values, atDate], context) {
    return forecastValue(daysOf("dates", "Date", dates, context), values, toDay("atDate", atDate, context.timezone));
  },
});

export const OkrCycle = coda.makeFormula({
  name: "OkrCycle",
  description:
    "The OKR cycle a date falls in, with its name, first and last day. Fiscal years are named by the calendar year in which they end.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "date",
      description: `Any day in the cycle: ${Ranges.date}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "monthsPerCycle",
      description: `Months in one cycle: one of ${CycleLengths.join(", ")}. Default 3 (quarters).`,
      optional: true,
      autocomplete: [...CycleLengths],
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "fiscalYearStartMonth",
      description: "The month the fiscal year starts: a whole number from 1 (January) to 12 (December). Default 1.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: CycleSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {
      params: ["2026-11-21"],
      result: {Name: "FY2026 Q4", Start: "2026-10-01", End: "2026-12-31", Number: 4, FiscalYear: 2026},
    },
    {
      params: ["2026-11-21", 6, 7],
      result: {Name: "FY2027 H1", Start: "2026-07-01", End: "2026-12-31", Number: 1, FiscalYear: 2027},
    },
    {
      params: ["2026-02-10", 4],
      result: {Name: "FY2026 C1", Start: "2026-01-01", End: "2026-04-30", Number: 1, FiscalYear: 2026},
    },
  ],
  execute: async function ([date, monthsPerCycle, fiscalYearStartMonth], context) {
    const row = cycleToRow(okrCycle(toDay("date", date, context.timezone), monthsPerCycle, fiscalYearStartMonth));
    return {Name: row.name, Start: row.start, End: row.end, Number: row.number, FiscalYear: row.fiscalYear};
  },
});

export const AlignmentFindings = coda.makeFormula({
  name: "AlignmentFindings",
  description:
    "Checks that every objective supports an annual goal: lists items that support nothing (Orphan), support something that does not exist (Broken link), support themselves through a loop (Cycle), or share an id (Duplicate id). Empty when all is aligned.",
  parameters: [
    IdsParam,
    ParentIdsParam,
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "rootIds",
      description: "Ids that need no parent and may be supported: usually the annual goals. Up to 200,000.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Array,
  items: FindingSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {params: [["O1", "O2"], ["G1", "G1"], ["G1"]], result: []},
    {
      params: [["O1", "O2", "O3"], ["G1", "", "G9"], ["G1"]],
      result: [
        {Id: "O2", Problem: "Orphan", Detail: "O2 supports nothing: link it to the goal or objective it serves."},
        {Id: "O3", Problem: "Broken link", Detail: "O3 supports G9, which does not exist."},
      ],
    },
    {
      params: [
        ["A", "B"],
        ["B", "A"],
      ],
      result: [
        {Id: "A", Problem: "Cycle", Detail: "Supports itself through a loop: A → B → A."},
        {Id: "B", Problem: "Cycle", Detail: "Supports itself through a loop: A → B → A."},
      ],
    },
  ],
  execute: async function ([ids, parentIds, rootIds]) {
    return alignmentFindings(ids, parentIds, rootIds ?? []).map(f => ({
      Id: f.id,
      Problem: f.problem,
      Detail: f.detail,
    }));
  },
});

export const RollUp = coda.makeFormula({
  name: "RollUp",
  description:
    "Rolls scores up the OKR tree: an item without children keeps its own score; every other item gets the weighted mean of its children's scores. An item supporting several parents counts toward each. Returns every item with its score, depth and number of leaves beneath.",
  parameters: [
    IdsParam,
    ParentIdsParam,
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "scores",
      description: `Each item's own score, one per id, ${Ranges.score}. Only items without children (usually key results) use theirs.`,
    }),
    WeightsParam,
  ],
  resultType: coda.ValueType.Array,
  items: RolledUpSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {
      params: [
        ["G1", "O1", "KR1", "KR2"],
        ["", "G1", "O1", "O1"],
        [0, 0, 0.4, 0.8],
      ],
      result: [
        {Id: "G1", Score: 0.6, Depth: 0, Leaves: 2},
        {Id: "O1", Score: 0.6, Depth: 1, Leaves: 2},
        {Id: "KR1", Score: 0.4, Depth: 2, Leaves: 1},
        {Id: "KR2", Score: 0.8, Depth: 2, Leaves: 1},
      ],
    },
  ],
  execute: async function ([ids, parentIds, scores, weights]) {
    return rollUp(ids, parentIds, scores, weights).map(r => ({
      Id: r.id,
      Score: r.score,
      Depth: r.depth,
      Leaves: r.leaves,
    }));
  },
});

export const CycleReview = coda.makeFormula({
  name: "CycleReview",
  description:
    "The evidence for a cycle retrospective: how many key results landed Green, Yellow and Red, the mean score, and flags for sandbagging (most at 100% or more), overreach (most below 30%), stale key results (no check-in for 14 days) and low confidence.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "scores",
      description: `Each key result's final score, ${Ranges.score}; ${Ranges.list}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "confidences",
      description: `Each key result's confidence, one per score, ${Ranges.fraction}. Optional.`,
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseDateArray,
      name: "lastCheckIns",
      description:
        "Each key result's latest check-in, one per score, each a date from the year 1000 to 9999; blank means never checked in. Optional.",
      optional: true,
    }),
    AsOfParam,
  ],
  resultType: coda.ValueType.Object,
  schema: CycleReviewSchema,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {
      params: [[1, 1.1, 0.8, 1]],
      result: {
        Count: 4,
        Mean: 0.975,
        Green: 4,
        Yellow: 0,
        Red: 0,
        Stale: 0,
        LowConfidence: 0,
        Flags: "Sandbagging: 3 of the 4 scored key results reached 100% or more; set bolder targets next cycle.",
      },
    },
    {
      params: [[0.7, 0.5, 0.2], [0.8, 0.4, 0.6], ["2026-03-20", "2026-02-01", "2026-01-15"], "2026-03-31"],
      result: {
        Count: 3,
        Mean: 0.4666666667,
        Green: 1,
        Yellow: 1,
        Red: 1,
        Stale: 2,
        LowConfidence: 1,
        Flags:
          "Stale: 2 key results had no check-in in the last 14 days. Low confidence: 1 key result below 50% confidence.",
      },
    },
  ],
  execute: async function ([scores, confidences, lastCheckIns, asOf], context) {
    const review = cycleReview(
      scores,
      confidences ?? [],
      daysOf("lastCheckIns", "Check-in", lastCheckIns ?? [], context),
      lastCheckIns?.length ? dayOrToday("asOf", asOf, context) : undefined,
    );
    return {
      Count: review.count,
      Mean: review.mean,
      Green: review.green,
      Yellow: review.yellow,
      Red: review.red,
      Stale: review.stale,
      LowConfidence: review.lowConfidence,
      Flags: review.flags,
    };
  },
});

export const okrFormulas = [
  KeyResultProgress,
  KeyResultGrade,
  ExpectedProgress,
  KeyResultStatus,
  ObjectiveScore,
  ForecastValue,
  OkrCycle,
  AlignmentFindings,
  RollUp,
  CycleReview,
];
