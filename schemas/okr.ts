import * as coda from "@codahq/packs-sdk";

export const CycleSchema = coda.makeObjectSchema({
  description: "An OKR cycle: a fixed slice of the fiscal year.",
  properties: {
    Name: {type: coda.ValueType.String, description: "The cycle's name, such as FY2026 Q4, FY2026 H1 or FY2026."},
    Start: {type: coda.ValueType.String, codaType: coda.ValueHintType.Date, description: "The first day of the cycle."},
    End: {type: coda.ValueType.String, codaType: coda.ValueHintType.Date, description: "The last day of the cycle."},
    Number: {type: coda.ValueType.Number, description: "The cycle's position in its fiscal year, from 1."},
    FiscalYear: {
      type: coda.ValueType.Number,
      description: "The fiscal year, named by the calendar year in which it ends.",
    },
  },
  displayProperty: "Name",
});

export const FindingSchema = coda.makeObjectSchema({
  description: "One alignment problem in the OKR tree.",
  properties: {
    Id: {type: coda.ValueType.String, description: "The id of the item with the problem."},
    Problem: {
      type: coda.ValueType.String,
      description:
        "Orphan (supports nothing), Broken link (supports something that does not exist), Cycle, or Duplicate id.",
    },
    Detail: {type: coda.ValueType.String, description: "What is wrong, in words, and what to fix."},
  },
  displayProperty: "Detail",
});

export const RolledUpSchema = coda.makeObjectSchema({
  description: "A node of the OKR tree with its rolled-up score.",
  properties: {
    Id: {type: coda.ValueType.String, description: "The node's id."},
    Score: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description:
        "The node's own score if it has no children, else the weighted mean of its children's scores. Blank when nothing beneath it is scored.",
    },
    Depth: {type: coda.ValueType.Number, description: "Levels below the top of the tree: roots are 0."},
    Leaves: {
      type: coda.ValueType.Number,
      description: "How many leaves (usually key results) lie beneath it; a leaf counts itself.",
    },
  },
  displayProperty: "Id",
});

export const CycleReviewSchema = coda.makeObjectSchema({
  description: "The evidence for a cycle retrospective.",
  properties: {
    Count: {type: coda.ValueType.Number, description: "Key results with a score."},
    Mean: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The mean score."},
    Green: {type: coda.ValueType.Number, description: "Key results scoring 0.7 or more."},
    Yellow: {type: coda.ValueType.Number, description: "Key results scoring from 0.4 to under 0.7."},
    Red: {type: coda.ValueType.Number, description: "Key results scoring under 0.4."},
    Stale: {type: coda.ValueType.Number, description: "Key results with no check-in in the last 14 days."},
    LowConfidence: {type: coda.ValueType.Number, description: "Key results whose owner's confidence is below 50%."},
    Flags: {
      type: coda.ValueType.String,
      description:
        "What the retrospective should discuss: sandbagging, overreach, stale key results, low confidence; or None.",
    },
  },
  displayProperty: "Flags",
});
