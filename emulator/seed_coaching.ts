import type {CoachingSample} from "../sample/coaching";
import {sampleCoaching} from "../sample/coaching";
import type {TableRecord} from "./model";
import type {TableBuilder} from "./seed_alignment";

/**
 * The development tables of the leadership meeting doc: the one-to-one log
 * (leader and report as people, the pair's cadence as a select) and each
 * leader's key metrics, linked to health metrics and key results by name.
 */
export function coachingTables(build: TableBuilder, sample: CoachingSample = sampleCoaching()): TableRecord[] {
  const {table, row, person} = build;
  const log = table("One-on-ones", "Coaching", [
    ["Leader", "person"],
    ["Report", "person"],
    ["Date", "date"],
    ["Notes", "text"],
    ["Commitments", "text"],
    ["Next", "date"],
    ["Cadence", "select", {options: ["Weekly", "Every 2 weeks", "Monthly"]}],
  ]);
  for (const o of sample.oneOnOnes) {
    row(log, {
      Leader: person(o.leader),
      Report: person(o.report),
      Date: o.date,
      Notes: o.notes,
      Commitments: o.commitments,
      Next: o.next,
      Cadence: o.cadence,
    });
  }
  const metrics = table("Leader Metrics", "Coaching", [
    ["Leader", "person"],
    ["Metric", "text"],
    ["Short Name", "text"],
    ["Linked To", "text"],
  ]);
  for (const m of sample.leaderMetrics) {
    row(metrics, {
      Leader: person(m.leader),
      Metric: m.metric,
      "Short Name": m.shortName,
      "Linked To": m.linkedTo || undefined,
    });
  }
  return [log, metrics];
}
