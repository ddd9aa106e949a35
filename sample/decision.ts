import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's decision session ("Select the path", 10 November 2026): how to
 * build the partner business the end state asks for while gross margin sits
 * under its red line. Three options are scored 1 to 5 on the six criteria of
 * the session, each with its execution risk; the criteria weigh cost most,
 * since margin is the constraint the CFO will not trade. The leaders chose
 * the hybrid path, and the CEO owns it.
 */

export interface DecisionSample {
  criteria: Array<{criterion: string; weight: number; better: "Higher" | "Lower"}>;
  /** Scores in the criteria's order. */
  options: Array<{
    option: string;
    pathway: string;
    scores: number[];
    riskProbability: number;
    riskImpact: number;
    notes: string;
  }>;
  /** The session's decision, as the decision log holds it. */
  chosen: {
    decision: string;
    owner: Person;
    consulted: Person[];
    lane: string;
    date: string;
    rationale: string;
    rejected: string;
    assumptions: string;
    review: string;
    failure: string;
  };
}

const P = People;

/** The option the decision session chose. */
export const ChosenOption = "Hybrid";
/** The day of the decision session. */
export const DecisionDay = "2026-11-10";

export function sampleDecision(): DecisionSample {
  return {
    criteria: [
      {criterion: "Time to impact (90/180/365 days)", weight: 20, better: "Lower"},
      {criterion: "Total cost and margin impact", weight: 25, better: "Lower"},
      {criterion: "Durability of capability transfer", weight: 15, better: "Higher"},
      {criterion: "Execution risk and blast radius", weight: 15, better: "Lower"},
      {criterion: "Talent model viability", weight: 10, better: "Higher"},
      {criterion: "Governance and compliance fit", weight: 15, better: "Higher"},
    ],
    options: [
      {
        option: "Transform in place",
        pathway: "Transform in place",
        scores: [4, 2, 4, 4, 2, 5],
        riskProbability: 0.5,
        riskImpact: 0.4,
        notes: "The product and platform teams take on the partner API beside the core roadmap. No new team.",
      },
      {
        option: "Parallel model",
        pathway: "Parallel model",
        scores: [2, 5, 2, 2, 4, 3],
        riskProbability: 0.4,
        riskImpact: 0.5,
        notes: "A separate partner unit with its own engineers, sellers and support, run apart from the core.",
      },
      {
        option: ChosenOption,
        pathway: "Hybrid",
        scores: [2, 3, 4, 3, 4, 4],
        riskProbability: 0.3,
        riskImpact: 0.3,
        notes:
          "A small partner-platform team ships the API; the core teams change in place and take it over after general availability.",
      },
    ],
    chosen: {
      decision: "Take the hybrid path: a small partner-platform team beside the core teams",
      owner: P.ceo,
      consulted: [P.finance, P.product, P.engineering, P.people],
      lane: "Coordinated",
      date: DecisionDay,
      rationale:
        "Partner revenue in the first half without betting the core: the new team ships the API while the core teams learn from it.",
      rejected:
        "Transform in place: too slow for the partners waiting on the API; Parallel model: double running costs while margin is under the red line",
      assumptions:
        "Four engineers move to the partner team without slowing the core roadmap; Beta partners wait for general availability",
      review: "2027-02-09",
      failure: "Fewer than five partners live by the end of Q1; Gross margin still under 65% in February",
    },
  };
}
