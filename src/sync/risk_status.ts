import type {FieldSpec} from "../engine/columns";
import * as cells from "../engine/cells";
import type {OpenWork} from "../engine/seats";
import type {FieldName} from "./fields";
import type {SourceTable} from "./source";
import {cell} from "./source";

/**
 * The risk register's table and columns, and which of its risks are still
 * open: kept apart from the Risks sync area so the Seats area can count open
 * risks' mitigation owners without an import circle.
 */

export const RiskTable = "Risks";

export const RiskFields = [
  {field: "Name", names: ["Risk", "Title"], required: true},
  {field: "Area", names: ["Category", "Domain"]},
  {field: "Likelihood", names: ["Probability", "Chance"]},
  {field: "Impact", names: ["Severity", "Consequence"]},
  {field: "Mitigation", names: ["Mitigation Plan", "Response"]},
  {field: "MitigationOwner", names: ["Mitigation Owner", "Owner", "Risk Owner"]},
  {field: "Trigger", names: ["Trigger Condition", "Early Warning", "Fires When"]},
  {field: "Status", names: ["State"]},
  {field: "ReviewDate", names: ["Review Date", "Review", "Next Review"]},
] as const satisfies readonly FieldSpec[];

const ClosedWords = ["closed", "retired", "resolved", "done"];

/** A risk's status as written, Open when blank. */
export const riskStatus = (value: unknown) => cells.text(value) || "Open";

/** Whether a status closes a risk: closed, retired, resolved or done. */
export const isClosedRisk = (status: string) => ClosedWords.includes(status.trim().toLowerCase());

/** The mitigation owners of the risks still open, one entry per person named (a seat named in words is one too). */
export function openRiskOwners({
  rows,
  map,
}: Pick<SourceTable<FieldName<typeof RiskFields>>, "rows" | "map">): OpenWork[] {
  const work: OpenWork[] = [];
  for (const row of rows) {
    if (isClosedRisk(riskStatus(cell(row, map, "Status")))) continue;
    for (const p of cells.people(cell(row, map, "MitigationOwner"))) {
      work.push({owner: {name: p.name, email: p.email}, what: "risk"});
    }
  }
  return work;
}
