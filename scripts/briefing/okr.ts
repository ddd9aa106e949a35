import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {day as parseDay} from "../../src/engine/calendar";
import {isStale} from "../../src/engine/review";
import {pack} from "../../src/pack";
import type {Organization} from "../../sample/types";
import {fit, heading, num, pct} from "./format";
import type {CycleKeyResult} from "./synced";

/**
 * The leadership OKR briefing: every number in it comes from the pack's own
 * formulas, run through the SDK's executor exactly as a doc would run them.
 */

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

async function run<T>(name: string, ...params: unknown[]): Promise<T> {
  return executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>) as Promise<T>;
}

interface Finding {
  Id: string;
  Problem: string;
  Detail: string;
}

interface Node {
  Id: string;
  Score?: number;
  Depth: number;
  Leaves: number;
}

export interface BriefingNotes {
  /** Every key result of the cycle, as the KeyResults sync returned them: the population the cycle review counts. */
  cycleKeyResults: CycleKeyResult[];
  /** Alignment notes already known for some objectives (by id), shown instead of the formula's wording. */
  alignment?: Map<string, string>;
  /** Source rows with problems, listed at the end. */
  problems?: string[];
  /** The day status and staleness are judged on (default: the organization's asOf, the day of its latest data). */
  judgedOn?: string;
}

export async function okrBriefing(org: Organization, notes: BriefingNotes): Promise<string[]> {
  const out: string[] = [];
  const {cycle} = org;
  const judgedOn = notes.judgedOn ?? org.asOf;
  const [start, end, asOf] = [day(cycle.start), day(cycle.end), day(judgedOn)];
  const expected = await run<number>("ExpectedProgress", start, end, asOf);
  out.push(`Leadership OKR briefing: ${org.name}, ${cycle.name} (${cycle.start} to ${cycle.end})`);
  out.push(
    judgedOn === org.asOf
      ? `As of ${org.asOf}: ${pct(expected).trim()} of the cycle has elapsed.`
      : `Judged on ${judgedOn}, the meeting day, from data up to ${org.asOf}: by then ${pct(expected).trim()} of the cycle has elapsed.`,
  );
  // One definition of stale (no check-in in 14 days), as the KeyResults sync and CycleReview use it.
  const lastCheckIn = (k: Organization["keyResults"][number]) => k.checkIns[k.checkIns.length - 1]?.date;
  const staleNote = (k: Organization["keyResults"][number]) => {
    const last = lastCheckIn(k);
    if (!isStale(last ? parseDay(last) : undefined, parseDay(judgedOn))) return "";
    return last ? `stale: last check-in ${last}` : "stale: never checked in";
  };

  // Key results: progress, grade, status.
  const kr = new Map<string, {progress: number; grade: string; status: string}>();
  for (const k of org.keyResults) {
    const progress = await run<number>("KeyResultProgress", k.start, k.target, k.current, k.kind);
    const grade = await run<string>("KeyResultGrade", progress);
    const status = await run<string>("KeyResultStatus", progress, start, end, asOf, k.confidence);
    kr.set(k.id, {progress, grade, status});
  }

  // Roll the tree up: imperatives, goals, objectives, key results.
  const rows = [
    ...org.imperatives.map(i => ({id: i.id, parents: "", score: undefined, weight: undefined})),
    ...org.goals.map(g => ({id: g.id, parents: g.imperativeId, score: undefined, weight: undefined})),
    ...org.objectives.map(o => ({id: o.id, parents: o.goalIds.join(","), score: undefined, weight: undefined})),
    ...org.keyResults.map(k => ({id: k.id, parents: k.objectiveId, score: kr.get(k.id)!.progress, weight: k.weight})),
  ];
  const rolled = await run<Node[]>(
    "RollUp",
    rows.map(r => r.id),
    rows.map(r => r.parents),
    rows.map(r => r.score),
    rows.map(r => r.weight),
  );
  const score = new Map(rolled.map(n => [n.Id, n.Score]));
  const grade = async (s: number | undefined) => (s === undefined ? "" : await run<string>("KeyResultGrade", s));

  out.push(heading("Strategy tree"));
  const objectivesOf = (goalId: string) => org.objectives.filter(o => o.goalIds.includes(goalId));
  const teamName = new Map(org.teams.map(t => [t.id, t.name]));
  const line = async (indent: number, label: string, s: number | undefined, extra = "") =>
    out.push(`${fit(" ".repeat(indent) + label, 76)} ${pct(s)} ${fit(await grade(s), 6)} ${extra}`.trimEnd());
  const printObjective = async (o: Organization["objectives"][number], indent: number, note = "") => {
    await line(indent, `${o.id} ${o.name} (${teamName.get(o.teamId)}, ${o.owner.name})${note}`, score.get(o.id));
    for (const k of org.keyResults.filter(x => x.objectiveId === o.id)) {
      const r = kr.get(k.id)!;
      const detail = `${num(k.current)} of ${num(k.target)}${k.unit === "$" || k.unit === "%" ? "" : " " + k.unit}`;
      const stale = staleNote(k);
      await line(
        indent + 2,
        `${k.id} ${k.name}: ${detail}`,
        r.progress,
        `${r.status}, confidence ${pct(k.confidence).trim()}${stale ? `; ${stale}` : ""}`,
      );
    }
  };
  const shown = new Set<string>();
  for (const imperative of org.imperatives) {
    await line(0, `${imperative.id} ${imperative.name}`, score.get(imperative.id));
    for (const goal of org.goals.filter(g => g.imperativeId === imperative.id)) {
      await line(2, `${goal.id} ${goal.name}`, score.get(goal.id));
      for (const o of objectivesOf(goal.id)) {
        if (shown.has(o.id)) {
          await line(4, `${o.id} ${o.name} (shown above)`, score.get(o.id));
          continue;
        }
        shown.add(o.id);
        const also = o.goalIds.filter(g => g !== goal.id);
        await printObjective(o, 4, also.length ? `; also serves ${also.join(", ")}` : "");
      }
    }
  }
  const loose = org.objectives.filter(o => !shown.has(o.id));
  if (loose.length) {
    out.push("Not connected to any annual goal:");
    for (const o of loose) await printObjective(o, 2);
  }

  // Forecasts for key results that are off track.
  out.push(heading("Forecasts for off-track key results"));
  const offTrack = org.keyResults.filter(k => kr.get(k.id)!.status === "Off track");
  if (!offTrack.length) out.push("No key result is off track.");
  for (const k of offTrack) {
    const points = k.checkIns;
    if (points.length < 2) {
      out.push(`${k.id} ${k.name}: too few check-ins to forecast.`);
      continue;
    }
    const forecast = await run<number>(
      "ForecastValue",
      points.map(p => day(p.date)),
      points.map(p => p.value),
      end,
    );
    const landing = await run<number>("KeyResultProgress", k.start, k.target, forecast, k.kind);
    const stale = staleNote(k);
    out.push(
      `${k.id} ${k.name} (${k.owner.name}): heading for ${num(forecast)} by ${cycle.end} against a target of ${num(k.target)}, about ${pct(landing).trim()} of the way.` +
        (stale ? ` Forecast from stale data (${stale.replace("stale: ", "")}).` : ""),
    );
  }

  // Alignment.
  out.push(heading("Alignment findings"));
  const findings = await run<Finding[]>(
    "AlignmentFindings",
    org.objectives.map(o => o.id),
    org.objectives.map(o => o.goalIds.join(",")),
    org.goals.map(g => g.id),
  );
  if (!findings.length) out.push("Every objective supports an annual goal.");
  for (const f of findings) {
    out.push(notes.alignment?.has(f.Id) ? `${f.Id}: ${notes.alignment.get(f.Id)}` : `${f.Problem}: ${f.Detail}`);
  }

  // Cycle review: the cycle's one population, stated once with what it leaves out and why, then the scored among it.
  out.push(heading("Cycle review so far"));
  const population = notes.cycleKeyResults;
  const scored = population.filter(k => k.progress !== undefined);
  const unscored = population.filter(k => k.progress === undefined).map(k => k.name);
  out.push(
    `${population.length} key results this cycle; ${scored.length} scored` +
      (unscored.length
        ? `, ${unscored.length} left out until their rows are fixed (${unscored.join(", ")}: see Rows to fix).`
        : "."),
  );
  const review = await run<Record<string, number | string>>(
    "CycleReview",
    scored.map(k => k.progress),
    scored.map(k => k.confidence),
    scored.map(k => (k.lastCheckIn ? day(k.lastCheckIn) : undefined)),
    asOf,
  );
  out.push(
    `Of the ${review.Count} scored: mean ${pct(review.Mean as number).trim()}; ${review.Green} Green, ${review.Yellow} Yellow, ${review.Red} Red.`,
  );
  const statusCounts = new Map<string, number>();
  for (const k of scored) if (k.status) statusCounts.set(k.status, (statusCounts.get(k.status) ?? 0) + 1);
  const unjudged = scored.filter(k => !k.status).map(k => k.name);
  out.push(
    `Status: ${[...statusCounts].map(([s, n]) => `${n} ${s}`).join(", ")}` +
      (unjudged.length
        ? `; ${unjudged.length} without one until ${unjudged.length === 1 ? "its row is" : "their rows are"} fixed (${unjudged.join(", ")}).`
        : "."),
  );
  out.push(`Flags among the ${review.Count} scored: ${review.Flags}`);

  if (notes.problems?.length) {
    out.push(heading("Rows to fix in the team docs"));
    out.push(...notes.problems);
  }
  return out;
}
