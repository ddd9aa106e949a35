import type * as coda from "@codahq/packs-sdk";
import type {GateSchema} from "../../schemas/alignment";
import type {Day} from "../engine/calendar";
import {inRange, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import {isInputError} from "../engine/errors";
import {nearestName} from "../engine/names";
import type {GraphItem} from "../engine/dependencies";
import {analyzeGraph, criticalPath} from "../engine/dependencies";
import {deriveKeyResults} from "./okr_rows";
import {readEachDoc} from "./multidoc";
import {readTeamOkrs} from "./okr_source";
import type {TableRows} from "./source";
import {cell, compact, holdsTable, readOptionalTable, readTable, stableId} from "./source";
import {DefaultTableNames, DependencyFields, DependencyTables, MilestoneFields} from "./tables";

/**
 * Dependency gates. The leadership doc's Dependencies table says which item
 * waits on which; an item is a milestone of its Milestones table or a key
 * result (by name or code) in any team doc. Each gate is blocked when what it
 * waits on is off track or late; cycles are named; each downstream item gets
 * its critical path.
 */

export type GateRow = coda.SchemaType<typeof GateSchema>;

interface Item extends GraphItem {
  name: string;
  kind: "Milestone" | "Key result" | "Unknown";
  status: string;
  offTrack: boolean;
  dueDay?: Day;
  /** A key result's code, which names it as well as its name does. */
  code?: string;
  link?: string;
}

const DoneWords = ["done", "complete", "completed", "shipped", "closed"];
const OffWords = ["off track", "offtrack", "blocked", "missed", "late"];
const epochDay = (d: Day) => Math.round(d.getTime() / 86_400_000);
const fromEpoch = (n: number) => new Date(n * 86_400_000);

export interface DependencyRequest {
  /** The meeting doc that keeps the Dependencies and Milestones tables. */
  docId: string;
  table?: string;
  columns?: string;
  okrDocs: readonly string[];
  asOf: Day;
  fiscalYearStartMonth?: number;
}

export function milestoneItems(
  t: TableRows<FieldName<typeof MilestoneFields>> | undefined,
  problems: Map<string, string[]>,
  timezone?: string,
): Item[] {
  return (t?.rows ?? []).map(r => {
    const name = cells.text(cell(r, t!.map, "Name")) || cells.text(r.name);
    const list: string[] = [];
    const due = cells.date(cell(r, t!.map, "Due"), "Due", timezone);
    if (due.problem) list.push(due.problem);
    const days = cells.number(cell(r, t!.map, "Days"), "Days");
    if (days.problem) list.push(days.problem);
    const status = cells.text(cell(r, t!.map, "Status")) || "Not started";
    problems.set(normalize(name), list);
    return {
      name,
      kind: "Milestone",
      status,
      done: DoneWords.includes(status.toLowerCase()),
      offTrack: OffWords.includes(status.toLowerCase()),
      due: due.value ? epochDay(due.value) : undefined,
      dueDay: due.value,
      duration: days.value !== undefined && days.value > 0 ? Math.min(days.value, 3650) : 0,
      link: r.browserLink,
    };
  });
}

export function gateRows(
  deps: TableRows<FieldName<typeof DependencyFields>>,
  known: readonly Item[],
  asOf: Day,
  itemProblems: Map<string, string[]>,
  timezone?: string,
): GateRow[] {
  const items: Item[] = [...known];
  const index = new Map<string, number>();
  items.forEach((it, i) => {
    for (const key of [it.name, it.code ?? ""].map(normalize)) if (key && !index.has(key)) index.set(key, i);
  });
  const knownNames = known.map(k => k.name);
  const unresolved = new Map<number, string>();
  const indexOf = (name: string): number => {
    const key = normalize(name);
    const at = index.get(key);
    if (at !== undefined) return at;
    items.push({name, kind: "Unknown", status: "Unknown", done: false, offTrack: false, duration: 0});
    index.set(key, items.length - 1);
    const near = nearestName(name, knownNames);
    unresolved.set(
      items.length - 1,
      `"${name.slice(0, 60)}" is neither a milestone nor a key result${near ? `; did you mean "${near}"?` : "."}`,
    );
    return items.length - 1;
  };
  // One gate per upstream item: a Depends On cell naming several makes several
  // gates, the first keeping the row's id and the others numbered after it.
  const gates = deps.rows.flatMap(r => {
    const down = cells.refs(cell(r, deps.map, "Item"))[0]?.name ?? "";
    const to = down ? indexOf(down) : -1;
    const ups = [...new Map(cells.refs(cell(r, deps.map, "DependsOn")).map(u => [normalize(u.name), u.name])).values()];
    const id = stableId(deps.docId, r.id);
    return ups.length
      ? ups.map((up, k) => ({r, id: k ? `${id}#${k + 1}` : id, from: indexOf(up), to}))
      : [{r, id, from: -1, to}];
  });
  const analysis = analyzeGraph(items, gates, epochDay(asOf));
  const cycleNames = analysis.cycles.map(c => c.map(i => items[i].name).join(" → "));
  return gates.map(({r, id, from, to}): GateRow => {
    const problems: string[] = [];
    const needed = cells.date(cell(r, deps.map, "NeededBy"), "Needed By", timezone);
    if (needed.problem) problems.push(needed.problem);
    if (from < 0) problems.push("Depends On is blank: name the milestone or key result this item waits on.");
    if (to < 0) problems.push("Item is blank: name the milestone or key result that waits.");
    for (const at of [from, to]) {
      if (at >= 0 && unresolved.has(at)) problems.push(unresolved.get(at)!);
      if (at >= 0) problems.push(...(itemProblems.get(normalize(items[at].name)) ?? []));
    }
    const up = from >= 0 ? items[from] : undefined;
    const down = to >= 0 ? items[to] : undefined;
    const neededBy = needed.value ?? down?.dueDay;
    const reasons: string[] = [];
    const inCycle =
      from >= 0 && to >= 0 && analysis.cycleOf[from] >= 0 && analysis.cycleOf[from] === analysis.cycleOf[to];
    if (up && !up.done) {
      if (up.offTrack) reasons.push(`${up.name} is ${up.status.toLowerCase()}`);
      if (up.dueDay && up.dueDay.getTime() < asOf.getTime()) {
        reasons.push(`${up.name} was due ${isoDay(up.dueDay)} and is not done`);
      } else if (up.dueDay && neededBy && up.dueDay.getTime() > neededBy.getTime()) {
        reasons.push(`${up.name} is due ${isoDay(up.dueDay)}, after it is needed (${isoDay(neededBy)})`);
      }
    }
    if (inCycle) reasons.push("the gate is part of a dependency cycle, so neither side can finish first");
    const ef = to >= 0 ? analysis.earliestFinish[to] : NaN;
    const path = to >= 0 && Number.isFinite(ef) ? criticalPath(analysis, to).filter(k => !items[k].done) : [];
    const target = neededBy ?? down?.dueDay;
    let finish: Day | undefined;
    if (Number.isFinite(ef)) {
      try {
        finish = inRange("The earliest finish", fromEpoch(ef));
      } catch (error) {
        if (!isInputError(error)) throw error;
        problems.push(error.message);
      }
    }
    return compact({
      Id: id,
      Name: `${up?.name || "(blank)"} → ${down?.name || "(blank)"}`,
      Downstream: down?.name,
      Upstream: up?.name,
      UpstreamKind: up?.kind,
      UpstreamStatus: up?.status,
      UpstreamDue: up?.dueDay ? isoDay(up.dueDay) : undefined,
      NeededBy: neededBy ? isoDay(neededBy) : undefined,
      Blocked: reasons.length > 0,
      BlockedReason: reasons.length ? `Blocked: ${reasons.join("; ")}.` : undefined,
      Cycle: inCycle ? cycleNames[analysis.cycleOf[from]] : undefined,
      CriticalPath: path.length > 1 ? path.map(k => items[k].name).join(" → ") : undefined,
      EarliestFinish: finish ? isoDay(finish) : undefined,
      SlackDays: finish && target ? epochDay(target) - ef : undefined,
      Problems: problems.length ? problems.join(" ") : undefined,
      Link: r.browserLink,
    });
  });
}

export async function dependencies(context: coda.ExecutionContext, request: DependencyRequest): Promise<GateRow[]> {
  const {docId} = request;
  const [deps, milestones] = await Promise.all([
    readTable(context, docId, request.table || DependencyTables.dependencies, DependencyFields, {
      columns: request.columns,
    }),
    readOptionalTable(context, docId, DependencyTables.milestones, MilestoneFields),
  ]);
  const problems = new Map<string, string[]>();
  const items = milestoneItems(milestones, problems, context.timezone);
  // Blank okrDocs: the meeting doc itself, when it holds the key results.
  const okrDocs = request.okrDocs.length
    ? request.okrDocs
    : (await holdsTable(context, docId, DefaultTableNames.keyResults))
      ? [docId]
      : [];
  const docs = await readEachDoc(context, okrDocs, okrDoc =>
    readTeamOkrs(
      context,
      okrDoc,
      {fiscalYearStartMonth: request.fiscalYearStartMonth},
      {checkIns: false, goals: false},
    ),
  );
  for (const okrs of docs.read) {
    for (const k of deriveKeyResults(okrs, request.asOf)) {
      const end = k.objective?.cycle?.end;
      const status = k.derived.status ?? "Unknown";
      items.push({
        name: k.record.name,
        code: k.record.code || undefined,
        kind: "Key result",
        status,
        done: status === "Done",
        offTrack: status === "Off track" || status === "Missed",
        due: end ? epochDay(end) : undefined,
        dueDay: end,
        duration: 0,
        link: k.record.link,
      });
      problems.set(
        normalize(k.record.name),
        k.record.problems.filter(p => !p.startsWith("Orphan")),
      );
    }
  }
  // A gate that waits on a key result of a doc that could not be read says so, rather than that the key result is unknown.
  const unread = docs.unreadable.map(u => `Key results of a doc it could not read are left out: ${u.message}`);
  return gateRows(deps, items, request.asOf, problems, context.timezone).map(g =>
    unread.length && g.Problems?.includes("neither a milestone nor a key result")
      ? {...g, Problems: [g.Problems, ...unread].join(" ")}
      : g,
  );
}
