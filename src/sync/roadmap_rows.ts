import type * as coda from "@codahq/packs-sdk";
import type {RoadmapItemSchema} from "../../schemas/decision";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import {quote} from "../engine/contract";
import type {GateInput, MilestoneInput, Roadmap} from "../engine/roadmap";
import {roadmap, roadmapSvg, RoadmapRules} from "../engine/roadmap";
import {personRow} from "./people";
import type {SourceTable, TableRows} from "./source";
import {cell, compact, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {DependencyFields, DependencyTables, MilestoneFields} from "./tables";

/**
 * The roadmap of the chosen path (executive session 4), from the meeting doc's
 * Milestones and Dependencies tables (the same tables, read by the same specs,
 * as the Dependencies sync table): each milestone placed in the 90-day
 * blueprint's 13 weeks and the 12 months from `start`, late and blocked as the
 * engine judges them, with the gates it waits on. A first row holds the
 * 12-month picture, this week's operating review and the 13 weeks' lines.
 * Gates between two milestones shape the plan; a milestone waiting on a key
 * result lists it, and the Dependencies sync table judges that gate.
 */

export type RoadmapRow = coda.SchemaType<typeof RoadmapItemSchema>;

type MilestoneField = FieldName<typeof MilestoneFields>;
type DependencyField = FieldName<typeof DependencyFields>;

export interface RoadmapSources {
  milestones: SourceTable<MilestoneField>;
  dependencies?: TableRows<DependencyField>;
}

/** The first row's id, after the doc's id. */
export const RoadmapRowId = "roadmap";

export async function readRoadmapSources(
  context: coda.ExecutionContext,
  docId: string,
  options: {table?: string; columns?: string} = {},
): Promise<RoadmapSources> {
  const [milestones, dependencies] = await Promise.all([
    readTable(context, docId, options.table || DependencyTables.milestones, MilestoneFields, {
      columns: options.columns,
    }),
    readOptionalTable(context, docId, DependencyTables.dependencies, relaxed(DependencyFields)),
  ]);
  return {milestones, dependencies: dependencies?.map.Item && dependencies.map.DependsOn ? dependencies : undefined};
}

interface Line {
  rowIndex: number;
  name: string;
  problems: string[];
  /** Its index among the milestones given to the engine, when named. */
  at?: number;
  waitsOn: string[];
}

export interface RoadmapResult {
  rows: RoadmapRow[];
  roadmap: Roadmap;
  /** The milestone rows in the Milestones table's order, without the first row. */
  milestones: RoadmapRow[];
}

/** The week of the blueprint `asOf` falls in, 1 to 13, or undefined outside the 13 weeks. */
export function blueprintWeek(start: Day, asOf: Day): number | undefined {
  const days = daysBetween(start, asOf);
  return days >= 0 && days < 7 * RoadmapRules.weeks ? Math.floor(days / 7) + 1 : undefined;
}

/**
 * The Roadmap rows: the first row (the picture and the cadence), then one per
 * milestone in the table's order. `image` turns the picture's SVG into what a
 * cell shows.
 */
export function roadmapRows(
  s: RoadmapSources,
  start: Day,
  asOf: Day,
  image: (svg: string) => string,
  timezone?: string,
): RoadmapResult {
  const t = s.milestones;
  const inputs: MilestoneInput[] = [];
  const lines: Line[] = t.rows.map((r, rowIndex) => {
    const get = (f: MilestoneField) => cell(r, t.map, f);
    const problems: string[] = [];
    const name = cells.text(get("Name")) || cells.text(r.name);
    const due = cells.date(get("Due"), "Due", timezone);
    if (due.problem) problems.push(due.problem);
    const owner = cells.people(get("Owner"))[0];
    if (!normalize(name)) {
      problems.push("The milestone is blank: name it, or delete the row.");
      return {rowIndex, name, problems, waitsOn: []};
    }
    inputs.push({
      name,
      owner: owner ? owner.name || owner.email : undefined,
      due: due.value,
      status: cells.text(get("Status")),
      workstream: cells.text(get("Team")),
    });
    return {rowIndex, name, problems, at: inputs.length - 1, waitsOn: []};
  });
  const firstOf = new Map<string, Line>();
  for (const l of lines) if (l.at !== undefined && !firstOf.has(normalize(l.name))) firstOf.set(normalize(l.name), l);

  const gates: GateInput[] = [];
  const d = s.dependencies;
  for (const r of d?.rows ?? []) {
    const down = cells.refs(cell(r, d!.map, "Item"))[0]?.name ?? "";
    const line = firstOf.get(normalize(down));
    if (!line) continue;
    for (const up of cells.refs(cell(r, d!.map, "DependsOn"))) {
      if (!normalize(up.name)) continue;
      if (!line.waitsOn.some(w => normalize(w) === normalize(up.name))) line.waitsOn.push(up.name);
      if (firstOf.has(normalize(up.name))) gates.push({upstream: up.name, downstream: down});
    }
  }
  const plan = roadmap({start, asOf, milestones: inputs, gates});

  // Findings that open with a milestone's name go on its row (a name given twice, on the later row); the rest on the first row.
  const findingsOf = new Map<Line, string[]>();
  const general: string[] = [];
  const twice = new Map<string, number>();
  for (const f of plan.findings) {
    const named = lines.find(l => l.at !== undefined && f.startsWith(`${quote(l.name)} `));
    if (!named) {
      general.push(f);
      continue;
    }
    let target = firstOf.get(normalize(named.name))!;
    if (f.includes(" is listed twice")) {
      const k = (twice.get(normalize(named.name)) ?? 0) + 1;
      twice.set(normalize(named.name), k);
      target = lines.filter(l => l.at !== undefined && normalize(l.name) === normalize(named.name))[k] ?? target;
    }
    findingsOf.set(target, [...(findingsOf.get(target) ?? []), f]);
  }

  const weekOf = new Map(plan.blueprint.flatMap(w => w.milestones.map(m => [m, w.week] as const)));
  const monthOf = new Map(plan.months.flatMap(mo => mo.milestones.map(m => [m, mo.month] as const)));
  const milestones = lines.map((l): RoadmapRow => {
    const r = t.rows[l.rowIndex];
    const m = l.at !== undefined ? plan.milestones[l.at] : undefined;
    const findings = findingsOf.get(l) ?? [];
    const week = m ? weekOf.get(m) : undefined;
    const month = m ? monthOf.get(m) : undefined;
    const name = l.name || "Unnamed milestone";
    const state = !m
      ? "not placed"
      : m.done
        ? "done"
        : m.late
          ? `late by ${m.daysLate} day${m.daysLate === 1 ? "" : "s"}${m.blocked ? `, blocked by ${m.blockedBy}` : ""}`
          : m.blocked
            ? `blocked by ${m.blockedBy}`
            : "open";
    const when = m?.due
      ? `due ${isoDay(m.due)}${week ? ` in week ${week}` : ""}${month ? `${week ? "," : ""} month ${month}` : ""}`
      : "no due day";
    return compact({
      Id: stableId(t.docId, r.id),
      Name: name,
      Summary: `Milestone ${quote(name)}${m && m.workstream ? ` (${m.workstream})` : ""}, owner ${m?.owner || "not named"}, ${when}: ${state}.`,
      Kind: "Milestone",
      Workstream: cells.text(cell(r, t.map, "Team")) || undefined,
      Owner: personRow(cell(r, t.map, "Owner")),
      OwnerName: m?.owner || undefined,
      Due: m?.due ? isoDay(m.due) : undefined,
      Week: week,
      Month: month,
      Status: m?.status || undefined,
      Done: m?.done ?? false,
      Late: m?.late ?? false,
      DaysLate: m?.late ? m.daysLate : undefined,
      Blocked: m?.blocked ?? false,
      BlockedBy: m?.blockedBy,
      WaitsOn: l.waitsOn.length ? l.waitsOn.join(", ") : undefined,
      EarliestFinish: m?.earliest ? isoDay(m.earliest) : undefined,
      Findings: findings.length ? findings.join(" ") : undefined,
      Problems: l.problems.length ? l.problems.join(" ") : undefined,
      Link: r.browserLink,
    });
  });

  const week = blueprintWeek(start, asOf);
  const current = week ? plan.blueprint[week - 1] : daysBetween(start, asOf) < 0 ? plan.blueprint[0] : undefined;
  const weekLine = (w: Roadmap["blueprint"][number]) =>
    `Week ${w.week} (${isoDay(w.from)} to ${isoDay(w.to)}): ${w.cadence}`;
  const shown = plan.milestones.filter(m => m.due && monthOf.has(m));
  const streams = new Set(shown.map(m => m.workstream));
  const late = plan.milestones.filter(m => m.late).length;
  const blocked = plan.milestones.filter(m => m.blocked).length;
  const head: RoadmapRow = compact({
    Id: stableId(t.docId, RoadmapRowId),
    Name: `Roadmap: 12 months from ${isoDay(plan.start)}`,
    Summary:
      `Roadmap: 12 months from ${isoDay(plan.start)} to ${isoDay(plan.end)}: ${shown.length} of ${plan.milestones.length} milestones in ${streams.size} workstream${streams.size === 1 ? "" : "s"}, ${late} late, ${blocked} blocked, ${plan.gates.length} gate${plan.gates.length === 1 ? "" : "s"}; ` +
      (week
        ? `week ${week} of ${RoadmapRules.weeks} of the 90-day blueprint.`
        : current
          ? `the 90-day blueprint starts ${isoDay(plan.start)}.`
          : "the 90-day blueprint has ended."),
    Kind: "Roadmap",
    Picture: image(roadmapSvg(plan)),
    Cadence: current ? weekLine(current) : undefined,
    Blueprint: plan.blueprint.map(weekLine).join("\n"),
    Findings: general.length ? general.join(" ") : undefined,
  });
  return {rows: [head, ...milestones], roadmap: plan, milestones};
}

export async function roadmapSyncRows(
  context: coda.ExecutionContext,
  a: {docId: string; table?: string; columns?: string; start: Day; asOf: Day},
  image: (svg: string) => string,
): Promise<RoadmapRow[]> {
  return roadmapRows(await readRoadmapSources(context, a.docId, a), a.start, a.asOf, image, context.timezone).rows;
}
