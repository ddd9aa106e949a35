import type {FieldName} from "../engine/columns";
import * as cells from "../engine/cells";
import type {OpenWork} from "../engine/seats";
import type {SourceTable} from "./source";
import {cell} from "./source";
import type {RiskFields} from "./tables";

/**
 * Which of the risk register's risks are still open: kept apart from the Risks
 * sync area so the Seats area can count open risks' mitigation owners without
 * an import circle.
 */

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
