import * as coda from "@codahq/packs-sdk";
import {card, code, id, link, percent, PersonSchema, problems} from "./common";
import {Knowledge} from "./knowledge";

/** The rows of the OKR sync tables. */

export const ImperativeSchema = coda.makeObjectSchema({
  description: "A strategic imperative: one of the few things the whole organization must get right.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The imperative.", required: true},
    Code: code,
    Owner: {...PersonSchema, description: "The leader accountable for it."},
    Description: {type: coda.ValueType.String, description: "Why it matters."},
    Link: link,
  },
  ...card,
  featuredProperties: ["Code", "Owner", "Description"],
  identity: {name: "StrategicImperative"},
  index: Knowledge.StrategicImperatives,
});

export const ImperativeReference = coda.makeReferenceSchemaFromObjectSchema(ImperativeSchema);

export const GoalSchema = coda.makeObjectSchema({
  description: "An annual goal that serves a strategic imperative.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The goal.", required: true},
    Code: code,
    Imperative: {...ImperativeReference, description: "The strategic imperative this goal serves."},
    ImperativeName: {
      type: coda.ValueType.String,
      description: "The name of the imperative, for docs that do not sync imperatives.",
    },
    Owner: {...PersonSchema, description: "The leader accountable for the goal."},
    FiscalYear: {type: coda.ValueType.Number, description: "The fiscal year of the goal."},
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Code", "Imperative", "Owner", "FiscalYear"],
  identity: {name: "AnnualGoal"},
  index: Knowledge.AnnualGoals,
});

export const GoalReference = coda.makeReferenceSchemaFromObjectSchema(GoalSchema);

export const ObjectiveSchema = coda.makeObjectSchema({
  description: "A team's objective for one OKR cycle.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The objective.", required: true},
    Summary: {
      type: coda.ValueType.String,
      description:
        "The objective in a sentence: owner, team, cycle, score, grade, worst status and alignment, for search and answers.",
    },
    Code: code,
    Team: {type: coda.ValueType.String, description: "The team that owns it."},
    Owner: {...PersonSchema, description: "The person accountable for it."},
    Cycle: {type: coda.ValueType.String, description: "The OKR cycle, such as FY2026 Q4."},
    Goals: {type: coda.ValueType.Array, items: GoalReference, description: "The annual goals it supports."},
    Score: percent("The weighted mean of its key results' progress."),
    Grade: {type: coda.ValueType.String, description: "Green from 0.7, Yellow from 0.4, else Red."},
    Status: {type: coda.ValueType.String, description: "The worst status among its key results."},
    KeyResults: {type: coda.ValueType.Number, description: "How many key results measure it."},
    Alignment: {
      type: coda.ValueType.String,
      description:
        "Alignment problems: an objective that supports no annual goal, or one that does not exist. Blank when aligned.",
    },
    Problems: problems,
    Link: link,
  },
  ...card,
  subtitleProperties: ["Team", "Cycle"],
  featuredProperties: ["Team", "Owner", "Goals", "Score", "Status", "Alignment"],
  identity: {name: "Objective"},
  index: Knowledge.Objectives,
});

export const ObjectiveReference = coda.makeReferenceSchemaFromObjectSchema(ObjectiveSchema);

export const KeyResultSchema = coda.makeObjectSchema({
  description: "A key result with its progress, grade, status and forecast computed from its source doc.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The key result.", required: true},
    Summary: {
      type: coda.ValueType.String,
      description:
        "The key result in a sentence: owner, team, cycle, progress against target, status, pace, confidence and last check-in, for search and answers.",
    },
    Code: code,
    Objective: {...ObjectiveReference, description: "The objective it measures."},
    ObjectiveName: {type: coda.ValueType.String, description: "The name of the objective it measures."},
    Team: {type: coda.ValueType.String, description: "The team that owns its objective."},
    Cycle: {type: coda.ValueType.String, description: "The OKR cycle of its objective."},
    Owner: {...PersonSchema, description: "The person who checks it in."},
    Start: {type: coda.ValueType.Number, description: "The value when the cycle began (0 when blank)."},
    Target: {type: coda.ValueType.Number, description: "The value that means fully achieved."},
    Current: {
      type: coda.ValueType.Number,
      description: "The latest value. Editing it here writes it back to the team's doc.",
      mutable: true,
    },
    Kind: {type: coda.ValueType.String, description: "Auto, StayAbove or StayBelow."},
    Confidence: {
      ...percent("The owner's confidence it will be met. Editing it here writes it back to the team's doc."),
      mutable: true,
    },
    Weight: {type: coda.ValueType.Number, description: "Its weight in its objective's score (1 when blank)."},
    Unit: {type: coda.ValueType.String, description: "The unit of its values."},
    Progress: percent("How far it has come from start to target, from 0 to 1."),
    Grade: {type: coda.ValueType.String, description: "Green from 0.7, Yellow from 0.4, else Red."},
    Status: {
      type: coda.ValueType.String,
      description: "Not started, On track, At risk, Off track, Done or Missed (see KeyResultStatus).",
    },
    Expected: percent("The share of the cycle elapsed: where it would be on pace."),
    Forecast: {
      type: coda.ValueType.Number,
      description: "Where its check-ins point at the cycle's end (least squares).",
    },
    LastCheckIn: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Date,
      description: "The date of its latest check-in.",
    },
    Stale: {type: coda.ValueType.Boolean, description: "True when it has had no check-in for 14 days."},
    Alignment: {type: coda.ValueType.String, description: "Alignment problems of its objective. Blank when aligned."},
    Problems: problems,
    Link: link,
    SourceTable: {
      type: coda.ValueType.String,
      description: "The id of its table in the source doc, used to write edits back.",
    },
  },
  ...card,
  subtitleProperties: ["Team", "Status"],
  featuredProperties: ["Objective", "Owner", "Current", "Target", "Progress", "Status", "Forecast"],
  identity: {name: "KeyResult"},
  index: Knowledge.KeyResults,
});

export const KeyResultReference = coda.makeReferenceSchemaFromObjectSchema(KeyResultSchema);

export const CheckInSchema = coda.makeObjectSchema({
  description: "A check-in: a key result's value on a date, with confidence and a note.",
  properties: {
    Id: id,
    Summary: {type: coda.ValueType.String, description: "The key result and date, for display.", required: true},
    KeyResult: {...KeyResultReference, description: "The key result checked in."},
    KeyResultName: {type: coda.ValueType.String, description: "The name of the key result."},
    Date: {type: coda.ValueType.String, codaType: coda.ValueHintType.Date, description: "The day of the check-in."},
    Value: {type: coda.ValueType.Number, description: "The value checked in."},
    Confidence: percent("The owner's confidence on that day."),
    Note: {type: coda.ValueType.String, description: "What changed and why."},
    Problems: problems,
    Link: link,
  },
  idProperty: "Id",
  displayProperty: "Summary",
  titleProperty: "Summary",
  linkProperty: "Link",
  featuredProperties: ["KeyResult", "Date", "Value", "Confidence", "Note"],
  identity: {name: "CheckIn"},
  index: Knowledge.CheckIns,
});
