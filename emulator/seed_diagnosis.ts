import type {DiagnosisSample} from "../sample/diagnosis";
import {sampleDiagnosis} from "../sample/diagnosis";
import type {TableRecord} from "./model";
import type {TableBuilder} from "./seed_alignment";

/**
 * The current-state diagnosis tables of the leadership meeting doc: the
 * stakeholder interviews, the bottleneck register, the flow of work items
 * through their stages, and the constraints by function. Their columns are
 * the registry's (src/sync/tables.ts), typed as a facilitator would type them.
 */
export function diagnosisTables(build: TableBuilder, sample: DiagnosisSample = sampleDiagnosis()): TableRecord[] {
  const {table, row, person} = build;
  const page = "Current state";

  const interviews = table("Interviews", page, [
    ["Person", "text"],
    ["Group", "select"],
    ["Date", "date"],
    ["Done", "checkbox"],
    ["Findings", "text"],
  ]);
  for (const i of sample.interviews) {
    row(interviews, {
      Person: i.person,
      Group: i.group,
      Date: i.date,
      Done: i.done,
      Findings: i.findings || undefined,
    });
  }

  const bottlenecks = table("Bottlenecks", page, [
    ["Bottleneck", "text"],
    ["Function", "select"],
    ["Stage", "select"],
    ["Hours Per Week", "number"],
    ["Cost Per Year", "currency"],
    ["Delay Days", "number"],
    ["Evidence", "text"],
    ["Owner", "person"],
    ["Status", "select"],
    ["Last Stage", "text"],
    ["Last Rank", "number"],
  ]);
  for (const b of sample.bottlenecks) {
    row(bottlenecks, {
      Bottleneck: b.bottleneck,
      Function: b.function,
      Stage: b.stage,
      "Hours Per Week": b.hours,
      "Cost Per Year": b.money,
      "Delay Days": b.delayDays,
      Evidence: b.evidence,
      Owner: person(b.owner),
      Status: b.status,
      "Last Stage": b.lastStage,
      "Last Rank": b.lastRank,
    });
  }

  const flow = table("Flow", page, [
    ["Item", "text"],
    ["Stage", "select"],
    ["Entered", "date"],
    ["Left", "date"],
    ["Kind", "select"],
    ["Overhead", "checkbox"],
  ]);
  for (const f of sample.flow) {
    row(flow, {
      Item: f.item,
      Stage: f.stage,
      Entered: f.entered,
      Left: f.left,
      Kind: f.kind,
      Overhead: f.overhead,
    });
  }

  const constraints = table("Constraints", page, [
    ["Constraint", "text"],
    ["Function", "select"],
    ["Kind", "select"],
    ["Severity", "select"],
  ]);
  for (const c of sample.constraints) {
    row(constraints, {Constraint: c.constraint, Function: c.function, Kind: c.kind, Severity: c.severity});
  }

  return [interviews, bottlenecks, flow, constraints];
}
