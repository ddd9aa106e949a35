import * as coda from "@codahq/packs-sdk";

export const MeetingMixSchema = coda.makeObjectSchema({
  description: "How a meeting's time splits between problem solving and status.",
  properties: {
    TotalMinutes: {type: coda.ValueType.Number, description: "The meeting's length in minutes."},
    ProblemSolving: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The share spent solving problems."},
    Decision: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The share spent making or reviewing decisions."},
    Status: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The share spent on status updates."},
    Information: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The share spent sharing information."},
    CheckIn: {type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description: "The share spent on check-in and close."},
    Verdict: {type: coda.ValueType.String, description: "What the mix says, and what to change when status takes more than a quarter."},
  },
  displayProperty: "Verdict",
});

export const RolloutSchema = coda.makeObjectSchema({
  description: "Where the 90-day rollout stands.",
  properties: {
    Phase: {type: coda.ValueType.String, description: "Clarity (days 1–30), Alignment (31–60), Cadence (61–90), then Develop and maintain."},
    Day: {type: coda.ValueType.Number, description: "The day of the rollout; day 1 is the start date."},
    NextMilestone: {type: coda.ValueType.String, description: "The next milestone."},
    MilestoneDate: {type: coda.ValueType.String, codaType: coda.ValueHintType.Date, description: "When the next milestone is due."},
  },
  displayProperty: "Phase",
});

export const AlignmentSchema = coda.makeObjectSchema({
  description: "How much the leaders agree on their priorities.",
  properties: {
    W: {type: coda.ValueType.Number, description: "Kendall's coefficient of concordance: 0 is no agreement, 1 full agreement."},
    Leaders: {type: coda.ValueType.Number, description: "How many leaders ranked the priorities."},
    Items: {type: coda.ValueType.Number, description: "How many priorities each ranked."},
    Consensus: {type: coda.ValueType.String, description: "The priorities in the order of their mean rank."},
    Disagreements: {type: coda.ValueType.String, description: "The priorities whose ranks spread most, with their range."},
    Verdict: {type: coda.ValueType.String, description: "What the agreement means for the team."},
  },
  displayProperty: "Verdict",
});
