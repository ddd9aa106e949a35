import * as coda from "@codahq/packs-sdk";
import {card, date, flag, id, image, link, number, percent, PersonSchema, problems, text} from "./common";
import {DecisionSchema} from "./meetings";

/**
 * Executive sessions 3 and 4: the pathway options weighed and ranked, with the
 * choice the decision log records, and the roadmap that carries the chosen
 * path: the 90-day blueprint and the 12 months.
 */

const findings = text("What the session still has to settle about this row, in words, or blank when nothing.");

export const PathOptionSchema = coda.makeObjectSchema({
  description:
    "A pathway option of the decision session: its scores on the criteria, weighted and risk-adjusted, its rank, and whether the decision log chose it.",
  properties: {
    Id: id,
    Name: {...text("The option."), required: true},
    Summary: text(
      "The option in a sentence: pathway, weighted and risk-adjusted score, rank, whether it was chosen, and what would flip the choice, for search and answers.",
    ),
    Pathway: text("Transform in place, Parallel model, Outsource or Hybrid; as typed when it names none of them."),
    Notes: text("The option's notes, as written."),
    Scores: text(
      "Its score on each criterion, 1 to 5, in the criteria's order, with the criterion's weight and whether higher or lower is better.",
    ),
    Weighted: percent(
      "The weighted score, 0 to 100%: each score read within the 1–5 scale (a lower-is-better criterion turned round), weighed by the criteria's weights.",
    ),
    RiskProbability: percent("How likely its execution risk is, 0 to 100%."),
    RiskImpact: percent("The share of the option's value lost if the risk happens, 0 to 100%."),
    RiskLoad: percent("The expected share of value lost to execution risk: probability × impact."),
    RiskAdjusted: percent("The weighted score after the execution risk: weighted × (1 − risk load)."),
    Rank: number("1 for the best risk-adjusted score; equal scores go by name."),
    Top: flag("True for the option that ranks first."),
    Chosen: flag("True when the decision log's latest decision naming an option names this one."),
    Decision: {
      ...coda.makeReferenceSchemaFromObjectSchema(DecisionSchema),
      description: "The decision that chose it, on the chosen option's row.",
    },
    DecidedOn: date("When it was chosen."),
    Owner: {...PersonSchema, description: "The one person accountable for the chosen path."},
    Rationale: text("Why it was chosen, as the decision log records it."),
    Sensitivity: text(
      "On the top option's row: the smallest change of one criterion's weight that puts another option first, or that none does.",
    ),
    FlipCriterion: text("The criterion whose weight would flip the choice."),
    FlipChallenger: text("The option that would then rank first."),
    FlipWeightFrom: number("The criterion's weight now."),
    FlipWeightTo: number("The weight at which the two options tie; past it the challenger leads."),
    FlipChange: number("The change of weight that ties them, in the weights' own units."),
    FlipShare: percent("The change as a share of the weight now."),
    Findings: findings,
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Rank", "RiskAdjusted", "Chosen", "Sensitivity", "Findings"],
  identity: {name: "PathOption"},
  index: {
    properties: ["Summary", "Rationale", "Sensitivity", "Findings"],
    contextProperties: ["Name", "Pathway"],
    filterableProperties: ["Owner", "Pathway", "Chosen", "Top", "Rank"],
  },
});

export const RoadmapItemSchema = coda.makeObjectSchema({
  description:
    "A milestone on the roadmap, placed in the 90-day blueprint's weeks and the 12 months, with its gates; the first row holds the 12-month picture and the weekly cadence.",
  properties: {
    Id: id,
    Name: {...text("The milestone, or the roadmap on the first row."), required: true},
    Summary: text(
      "The milestone in a sentence: workstream, owner, due day, week and month, late or blocked and why, for search and answers.",
    ),
    Kind: text("Roadmap (the first row) or Milestone."),
    Workstream: text("The workstream (the milestone's team)."),
    Owner: {...PersonSchema, description: "The one person accountable for the milestone."},
    OwnerName: text("The owner's name, also when typed without an email."),
    Due: date("When it is due."),
    Week: number("Its week of the 90-day blueprint, 1 to 13; blank when due outside it."),
    Month: number("Its month of the 12-month roadmap, 1 to 12; blank when due outside it."),
    Status: text("Its status as typed."),
    Done: flag("True when its status says done, complete, shipped, closed, finished or delivered."),
    Late: flag("True when open and past its due day."),
    DaysLate: number("Days past due, when late."),
    Blocked: flag(
      "True when open and its status says blocked or on hold, its gates loop, or a milestone it waits on is late or blocked.",
    ),
    BlockedBy: text("Why it is blocked: its status, a loop of gates, or the milestone upstream that holds it."),
    WaitsOn: text("The milestones and key results it waits on, from the Dependencies table."),
    EarliestFinish: date("The earliest it can finish, given its gates and today."),
    Picture: image("On the first row: the 12 months as a picture, a lane per workstream, with gates and today."),
    Cadence: text(
      "On the first row: this week's operating review (what is due and carried), with the monthly and quarterly reviews that fall in it.",
    ),
    Blueprint: text("On the first row: the 13 weeks of the 90-day blueprint, one line each."),
    Findings: text("What does not hold: a missing owner or due day, a gate against the dates, a loop of gates."),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Owner", "Due", "Week", "Late", "Blocked", "Findings"],
  identity: {name: "RoadmapItem"},
  index: {
    properties: ["Summary", "Findings", "Cadence"],
    contextProperties: ["Name", "Workstream"],
    filterableProperties: ["Owner", "Workstream", "Month", "Late", "Blocked"],
  },
});
