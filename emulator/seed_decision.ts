import type {DecisionSample} from "../sample/decision";
import {sampleDecision} from "../sample/decision";
import type {TableRecord} from "./model";
import type {TableBuilder} from "./seed_alignment";

/**
 * The decision session's working tables in the leadership meeting doc: the
 * Options table (one column of 1–5 scores per criterion, named as the
 * criterion) and the Criteria table, plus the session's choice appended to the
 * meeting doc's decision log when its tables are passed in. Tables and rows are
 * made by the seed's own builders.
 */
export function decisionTables(
  build: TableBuilder,
  meetingTables: readonly TableRecord[] = [],
  sample: DecisionSample = sampleDecision(),
): TableRecord[] {
  const {table, row, person} = build;
  const criteria = table("Criteria", "Select the path", [
    ["Criterion", "text"],
    ["Weight", "number"],
    ["Better", "select", {options: ["Higher", "Lower"]}],
  ]);
  for (const c of sample.criteria) row(criteria, {Criterion: c.criterion, Weight: c.weight, Better: c.better});
  const options = table("Options", "Select the path", [
    ["Option", "text"],
    ["Pathway", "select", {options: ["Transform in place", "Parallel model", "Outsource", "Hybrid"]}],
    ...sample.criteria.map((c): [string, "number"] => [c.criterion, "number"]),
    ["Risk Probability", "percent"],
    ["Risk Impact", "percent"],
    ["Notes", "text"],
  ]);
  for (const o of sample.options) {
    row(options, {
      Option: o.option,
      Pathway: o.pathway,
      ...Object.fromEntries(sample.criteria.map((c, i) => [c.criterion, o.scores[i]])),
      "Risk Probability": o.riskProbability,
      "Risk Impact": o.riskImpact,
      Notes: o.notes,
    });
  }
  const decisions = meetingTables.find(t => t.name === "Decisions");
  if (decisions) {
    const d = sample.chosen;
    const has = (name: string) => decisions.columns.some(c => c.name === name);
    row(decisions, {
      Decision: d.decision,
      Owner: [person(d.owner)],
      Consulted: d.consulted.map(person),
      Lane: d.lane,
      Date: d.date,
      Rationale: d.rationale,
      "Rejected Alternatives": d.rejected,
      Assumptions: d.assumptions,
      "Review Date": d.review,
      ...(has("Failure Conditions") ? {"Failure Conditions": d.failure} : {}),
    });
  }
  return [criteria, options];
}
