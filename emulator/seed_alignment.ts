import type {AlignmentSample} from "../sample/alignment";
import type {Person} from "../sample/types";
import type {Cell, ColumnDef, ColumnType, PersonCell, RowRecord, TableRecord} from "./model";

/**
 * The executive alignment tables of the leadership meeting doc: the charter's
 * five tables, the risk register, milestones and dependencies, the executive
 * sessions and their pre-work, and three more columns of the decision log.
 * Tables and rows are made by the seed's own builders, passed in.
 */

export interface TableBuilder {
  table(
    name: string,
    pageName: string,
    specs: Array<[name: string, type: ColumnType, extra?: Partial<ColumnDef>]>,
  ): TableRecord;
  row(table: TableRecord, values: Record<string, Cell | undefined>): RowRecord;
  person(p: Person): PersonCell;
}

/** Adds columns after a table's others, with ids of their own so no other id moves, and fills them by row. */
function addColumns(
  table: TableRecord,
  columns: Array<[name: string, type: ColumnType]>,
  valuesOf: (row: RowRecord) => Array<Cell | undefined> | undefined,
): void {
  const defs = columns.map(([name, type], i) => ({id: `c-${table.id.replace(/^grid-/, "")}al${i}`, name, type}));
  table.columns.push(...defs);
  for (const row of table.rows) {
    const values = valuesOf(row);
    defs.forEach((d, i) => {
      const v = values?.[i];
      if (v !== undefined) row.values.set(d.id, v);
    });
  }
}

export function alignmentTables(sample: AlignmentSample, build: TableBuilder, decisions?: TableRecord): TableRecord[] {
  const {table, row, person} = build;
  const outcomes = table("Shared Outcomes", "Charter", [
    ["Outcome", "text"],
    ["Agreed", "person", {isArray: true}],
    ["Not Yet", "person", {isArray: true}],
    ["Note", "text"],
  ]);
  for (const o of sample.outcomes) {
    row(outcomes, {
      Outcome: o.outcome,
      Agreed: o.agreed.map(person),
      "Not Yet": o.notYet.map(person),
      Note: o.note || undefined,
    });
  }
  const tolerance = table("Risk Tolerance", "Charter", [
    ["Leader", "person"],
    ["Area", "select"],
    ["At Risk", "text"],
    ["Failure Looks Like", "text"],
    ["Cascades To", "text"],
    ["Tolerance", "number"],
  ]);
  for (const t of sample.tolerance) {
    row(tolerance, {
      Leader: person(t.leader),
      Area: t.area,
      "At Risk": t.atRisk,
      "Failure Looks Like": t.failure,
      "Cascades To": t.cascades,
      Tolerance: t.tolerance,
    });
  }
  const redLines = table("Red Lines", "Charter", [
    ["Leader", "person"],
    ["Red Line", "text"],
    ["Grounded In", "select"],
  ]);
  for (const r of sample.redLines) {
    row(redLines, {Leader: person(r.leader), "Red Line": r.redLine, "Grounded In": r.grounds});
  }
  const expertise = table("Expertise", "Charter", [
    ["Leader", "person"],
    ["Defers To", "person"],
    ["Domain", "text"],
  ]);
  for (const e of sample.expertise) {
    row(expertise, {Leader: person(e.leader), "Defers To": person(e.defersTo), Domain: e.domain});
  }
  const lanes = table("Lanes", "Charter", [
    ["Leader", "person"],
    ["Decision", "text"],
    ["Authority", "select"],
    ["Coordinates With", "person", {isArray: true}],
  ]);
  for (const l of sample.lanes) {
    row(lanes, {
      Leader: person(l.leader),
      Decision: l.decision,
      Authority: l.authority,
      "Coordinates With": l.with.map(person),
    });
  }

  const risks = table("Risks", "Risks", [
    ["Risk", "text"],
    ["Area", "select"],
    ["Likelihood", "number"],
    ["Impact", "number"],
    ["Mitigation", "text"],
    ["Mitigation Owner", "person"],
    ["Trigger", "text"],
    ["Status", "select"],
    ["Review Date", "date"],
  ]);
  for (const r of sample.risks) {
    row(risks, {
      Risk: r.risk,
      Area: r.area,
      Likelihood: r.likelihood,
      Impact: r.impact,
      Mitigation: r.mitigation,
      "Mitigation Owner": typeof r.owner === "string" ? r.owner : r.owner ? person(r.owner) : undefined,
      Trigger: r.trigger || undefined,
      Status: r.status,
      "Review Date": r.review,
    });
  }

  const milestones = table("Milestones", "Dependencies", [
    ["Milestone", "text"],
    ["Team", "select"],
    ["Owner", "person"],
    ["Due", "date"],
    ["Status", "select"],
    ["Days", "number"],
  ]);
  for (const m of sample.milestones) {
    row(milestones, {
      Milestone: m.milestone,
      Team: m.team,
      Owner: person(m.owner),
      Due: m.due,
      Status: m.status,
      Days: m.days,
    });
  }
  const dependencies = table("Dependencies", "Dependencies", [
    ["Item", "text"],
    ["Depends On", "text"],
    ["Needed By", "date"],
    ["Note", "text"],
  ]);
  for (const d of sample.dependencies) {
    row(dependencies, {Item: d.item, "Depends On": d.dependsOn, "Needed By": d.neededBy, Note: d.note});
  }

  const sessions = table("Sessions", "Executive sessions", [
    ["Session", "text"],
    ["Kind", "select"],
    ["Date", "date"],
    ["Required Seats", "text"],
    ["Confirmed", "text"],
    ["Expected Outputs", "text"],
    ["Outputs Delivered", "text"],
  ]);
  const sessionRow = new Map<string, string>();
  for (const s of sample.sessions) {
    sessionRow.set(
      s.session,
      row(sessions, {
        Session: s.session,
        Kind: s.kind,
        Date: s.date,
        "Required Seats": s.seats || undefined,
        Confirmed: s.confirmed,
        "Expected Outputs": s.outputs,
        "Outputs Delivered": s.delivered || undefined,
      }).id,
    );
  }
  const prework = table("Pre-work", "Executive sessions", [
    ["Input", "text"],
    ["Session", "lookup"],
    ["From", "person"],
    ["Due", "date"],
    ["Received", "checkbox"],
  ]);
  prework.columns[1].lookupTable = sessions.id;
  for (const p of sample.prework) {
    row(prework, {
      Input: p.input,
      Session: {rowId: sessionRow.get(p.session)!},
      From: person(p.from),
      Due: p.due,
      Received: p.received,
    });
  }

  if (decisions) {
    const name = decisions.columns[0].id;
    addColumns(
      decisions,
      [
        ["Kind", "select"],
        ["Failure Conditions", "text"],
        ["Failure Met", "checkbox"],
      ],
      r => {
        const d = sample.decisions.find(x => x.decision === r.values.get(name));
        return d ? [d.kind || undefined, d.failure, d.failureMet] : undefined;
      },
    );
  }
  return [outcomes, tolerance, redLines, expertise, lanes, risks, milestones, dependencies, sessions, prework];
}
