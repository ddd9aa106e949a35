import * as coda from "@codahq/packs-sdk";
import {card, date, flag, id, link, number, percent, PersonSchema, problems, text} from "./common";

/**
 * The current-state diagnosis sync tables (executive session 2): stakeholder
 * interviews and their coverage, the bottleneck register ranked by impact, and
 * flow efficiency by stage. Each table mixes row kinds, told apart by `Kind`:
 * the rows of the source table, and rows that sum them up.
 */

const summary = text("The row in a sentence or two: what it is and what needs doing, for search and answers.");
const kind = (kinds: string) => text(`What the row is: ${kinds}.`);

export const InterviewKinds = {interview: "Interview", group: "Group", coverage: "Coverage"} as const;

export const InterviewSchema = coda.makeObjectSchema({
  description:
    "A stakeholder interview of the current-state map, an interview group's coverage, or the coverage of all interviews against the 12 to 20 a map needs.",
  properties: {
    Id: id,
    Name: {...text("The person interviewed; the group's name; or Interview coverage."), required: true},
    Kind: kind("Interview (a row of the Interviews table), Group (one of the five interview groups) or Coverage"),
    Group: text(
      "Interview: the group as the row gives it. Group: the group's name. The five groups are Executive sponsors, Product and engineering leads, Managers and senior ICs, Platform and security, and Finance, legal and people partners.",
    ),
    GroupRead: text("Interview: the interview group its Group reads as, or blank when it names none."),
    SuggestedGroup: text("Interview: when its Group names no group, the group it most likely meant."),
    Date: date("Interview: the day it was held or is planned."),
    Done: flag("Interview: true when it was held."),
    Heard: text("Interview: what was heard, as the row's Findings column gives it."),
    Evidence: flag(
      "Interview: true when what was heard names its evidence (a number, document, ticket, quote or link); blank for an interview not held with nothing written.",
    ),
    Planned: number("Group and Coverage: interviews listed, held or not."),
    Held: number("Group and Coverage: interviews held."),
    Covered: flag("Group: true once one of its interviews is held."),
    WithEvidence: number("Coverage: held interviews whose findings name evidence."),
    Target: text("Coverage: Below, Within or Above the 12 to 20 interviews a current-state map needs."),
    Short: number("Coverage: how many more held interviews reach 12 (0 once reached)."),
    Unheard: text("Coverage: the groups with no interview held yet."),
    Summary: summary,
    Findings: text(
      "What needs attention: for an interview, no person or group, a group that names none (with the nearest), a planned date passed, done without findings, or findings that name no evidence.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Kind", "Group", "Done", "Evidence", "Findings"],
  identity: {name: "Interview"},
  index: {
    properties: ["Summary", "Heard", "Findings", "Problems"],
    contextProperties: ["Name", "Kind", "Group"],
    filterableProperties: ["Kind", "GroupRead", "Done", "Evidence", "Covered"],
  },
});

export const BottleneckKinds = {bottleneck: "Bottleneck", total: "Total"} as const;

export const BottleneckSchema = coda.makeObjectSchema({
  description:
    "A bottleneck of the register with its impact in the register's unit, its rank and share of the total, and how it moved since the last review; or the register's total row.",
  properties: {
    Id: id,
    Name: {...text("The bottleneck; or Register total."), required: true},
    Kind: kind("Bottleneck (a row of the Bottlenecks table) or Total (the register's total, one row)"),
    Function: text("The function it sits in."),
    Stage: text("The stage of the flow where it holds work up."),
    Owner: {...PersonSchema, description: "The one person who owns removing it."},
    Status: text("Its status as the row gives it; Closed, Resolved, Done, Fixed and the like close it."),
    Open: flag("True unless its status closes it. A closed bottleneck is neither ranked nor counted in the total."),
    HoursPerWeek: number("Hours lost per week, as the row gives them."),
    MoneyPerYear: number("Money lost per year in the doc's currency, as the row gives it."),
    DelayDays: number("Days of delay over a year, as the row gives them."),
    Unit: text("The register's unit: Hours per week, Money per year or Days of delay."),
    Impact: number(
      "The impact in the register's unit: the largest of the row's impacts once converted (they describe the same harm from different sides, so they are not added).",
    ),
    Basis: text(
      "Which of the row's impacts its Impact was converted from: Hours per week, Money per year or Days of delay.",
    ),
    Rank: number("1 for the largest open impact; blank when closed or not quantified."),
    Share: percent("Its impact over the register's total, 0 to 100%."),
    Total: number("Total row: the sum of the ranked bottlenecks' impacts, in the unit."),
    Top3Share: percent("Total row: the share of the total the top 3 carry together."),
    Ranked: number("Total row: open bottlenecks with a quantified impact."),
    Closed: number("Total row: bottlenecks whose status closes them."),
    Rates: text(
      "Total row: the rates impacts are converted at: the hourly cost, working weeks a year and a day of delay's cost.",
    ),
    Moved: flag("True when it moved since the last review: another stage or function, or into or out of the top 3."),
    Migration: text("How it moved since the last review, in words; on the total row, how many moved."),
    LastStage: text("The stage it sat in at the last review."),
    LastRank: number("Its rank at the last review, 1 the largest."),
    Evidence: text("The data, ticket or document that shows the impact."),
    Summary: summary,
    Findings: text(
      "What is missing from an open bottleneck: a quantified impact, evidence, an owner; and an impact or last rank that does not read.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Rank", "Impact", "Share", "Stage", "Owner", "Moved", "Findings"],
  identity: {name: "Bottleneck"},
  index: {
    properties: ["Summary", "Migration", "Evidence", "Findings", "Problems"],
    contextProperties: ["Name", "Function", "Stage"],
    filterableProperties: ["Owner", "Kind", "Function", "Open", "Moved"],
  },
});

export const FlowKinds = {stage: "Stage", overall: "Overall"} as const;

export const FlowStageSchema = coda.makeObjectSchema({
  description:
    "A stage of the flow of work with its time in work and waiting and its flow efficiency, or the whole flow's efficiency, overhead share and where items wait longest.",
  properties: {
    Id: id,
    Name: {...text("The stage; or Overall."), required: true},
    Kind: kind("Stage (a stage delivery items passed through) or Overall (the whole flow, one row)"),
    Items: number("Delivery work items with time counted in the stage (overall: in the flow)."),
    WorkDays: number("Days someone worked on the items, in days of 24 hours."),
    WaitDays: number("Days the items sat waiting, in days of 24 hours."),
    ElapsedDays: number(
      "Stage: work and wait days together. Overall: each item's first entry to its last exit (or the day judged on), summed.",
    ),
    UntrackedDays: number("Overall: elapsed days between an item's stretches, neither work nor wait."),
    Efficiency: percent("Flow efficiency: work over elapsed time, 0 to 100%."),
    MeanWaitDays: number("Stage: its wait days over the items that passed through it."),
    LongestWait: flag("Stage: true for the stage where items wait longest in all."),
    LongestWaitPerItem: flag("Stage: true for the stage where each item waits longest on average."),
    WaitsLongestIn: text("Overall: the stage where items wait longest in all."),
    WaitsLongestPerItem: text("Overall: the stage where each item waits longest on average."),
    OpenItems: number(
      "Stage: items still in the stage; Overall: stretches still open, counted up to the day judged on.",
    ),
    OverheadItems: number(
      "Overall: items marked as non-delivery overhead (status reports, approvals for their own sake).",
    ),
    OverheadWorkDays: number("Overall: work days spent on overhead items."),
    OverheadShare: percent(
      "Overall: overhead work over all work, 0 to 100%; blank when it cannot be told (see OverheadReason).",
    ),
    OverheadReason: text("Overall: why the overhead share cannot be told, or blank."),
    Summary: summary,
    Findings: text(
      "What the stretches in the stage say, each with its item: no item, stage or kind, times that do not read or run backwards, overlapping stretches, still open. Overall: those of stretches without a stage or of overhead items.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Kind", "Efficiency", "WorkDays", "WaitDays", "MeanWaitDays", "LongestWait"],
  identity: {name: "FlowStage"},
  index: {
    properties: ["Summary", "Findings", "Problems"],
    contextProperties: ["Name", "Kind"],
    filterableProperties: ["Kind", "LongestWait", "LongestWaitPerItem"],
  },
});
