import {addMonths} from "date-fns/addMonths";
import {UTCDate} from "@date-fns/utc";
import type {Day} from "./calendar";
import {daysBetween, isoDay, plusDays, utcDay} from "./calendar";
import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {list, plainText, quote} from "./contract";
import type {Edge, GraphItem} from "./dependencies";
import {analyzeGraph} from "./dependencies";
import {nearestName, said} from "./names";
import {Colors, DarkModeId, escapeXml, fitText, frame, MaxSvgBytes, r1, textWidth, utf8Bytes} from "./svg";

/**
 * The execution plan (executive session 4): milestones with owners and due
 * days, and the dependency gates between them ("this waits on that"), laid out
 * as the 90-day blueprint (13 weeks, each with its weekly review) and the
 * 12-month roadmap (each month's milestones and the gates that cross months),
 * with findings and a picture.
 *
 * A milestone is done when its status starts with done, complete, shipped,
 * closed, finished or delivered (case, spacing and punctuation aside). It is
 * late when open and its due day is before today. It is blocked when open and
 * its status starts with blocked, on hold, stuck, waiting or paused, when
 * its gates loop back to it, or when anything it waits on (directly or further
 * up) is open and late or blocked. Its earliest finish is the later of its due
 * day, today, and the earliest finish of everything open it waits on (no
 * duration is assumed).
 */

export const RoadmapRules = {
  weeks: 13,
  months: 12,
  /** The weekly review names at most this many milestones. */
  named: 3,
} as const;

export interface MilestoneInput {
  name: string;
  owner?: Maybe<string>;
  due?: Maybe<Day>;
  status?: Maybe<string>;
  workstream?: Maybe<string>;
}

/** A dependency gate: `downstream` waits on `upstream`, both milestones by name. */
export interface GateInput {
  upstream: string;
  downstream: string;
}

export interface RoadmapInput {
  /** Day 1 of the plan: week 1 and month 1 start here. */
  start: Day;
  asOf: Day;
  milestones: readonly MilestoneInput[];
  gates?: readonly GateInput[];
}

/** The workstream of a milestone given none. */
export const NoWorkstream = "No workstream";

export interface Milestone {
  name: string;
  owner: string;
  due?: Day;
  workstream: string;
  status: string;
  done: boolean;
  late: boolean;
  /** Days past due when late, else 0. */
  daysLate: number;
  blocked: boolean;
  /** Why it is blocked: its status, a loop of gates, or the milestone upstream that holds it. */
  blockedBy?: string;
  /** The earliest day it can finish, given its gates and today; undefined when done, without a due day, or in a loop. */
  earliest?: Day;
}

export interface Gate {
  upstream: string;
  downstream: string;
  /** The upstream is due after the downstream. */
  inverted: boolean;
}

export interface BlueprintWeek {
  week: number;
  from: Day;
  to: Day;
  /** Milestones due this week, by due day then name. */
  milestones: Milestone[];
  /** Open milestones due before this week, for weeks that have started. */
  carried: Milestone[];
  cadence: string;
}

export interface RoadmapMonth {
  month: number;
  from: Day;
  to: Day;
  milestones: Milestone[];
  /** Gates into this month's milestones from another month, such as `"Data platform" (month 2) → "Pilot"`. */
  gates: string[];
  late: number;
  blocked: number;
}

export interface Roadmap {
  start: Day;
  /** The last day of month 12. */
  end: Day;
  asOf: Day;
  milestones: Milestone[];
  gates: Gate[];
  blueprint: BlueprintWeek[];
  months: RoadmapMonth[];
  findings: string[];
}

const DoneWords = /^(done|complete|shipped|closed|finished|delivered)/;
const BlockedWords = /^(blocked|onhold|stuck|waiting|paused)/;
const epochDay = (d: Day) => Math.round(d.getTime() / 86_400_000);
const fromEpoch = (n: number) => new Date(n * 86_400_000);
const monthStart = (start: Day, m: number) => {
  const d = addMonths(new UTCDate(start.getTime()), m);
  return utcDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
};

function names(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** A loop of gates in words: short ones in full, a long one by its first milestones. */
function loopWords(loop: readonly string[]): string {
  const shown = loop.length > 5 ? [...loop.slice(0, 3).map(said), "…", said(loop[loop.length - 1])] : loop.map(said);
  return `Gates loop: ${shown.join(" → ")}. Drop one of them.`;
}

/**
 * The roadmap of a plan (rules at the top of this file). Rows without a name are
 * left out; a gate naming no milestone is left out and named in the findings.
 * Findings: a name given twice (gates reach the first), a milestone with no
 * owner, no due day, or a due day outside the 12 months, a gate whose upstream
 * is due after its downstream, and a loop of gates.
 */
export function roadmap(input: RoadmapInput): Roadmap {
  const {start, asOf} = input;
  const end = plusDays(monthStart(start, RoadmapRules.months), -1);
  const findings: string[] = [];
  const rows = list("milestones", input.milestones).filter(m => normalize(m.name ?? ""));
  const index = new Map<string, number>();
  const milestones: Milestone[] = rows.map((m, i) => {
    const name = plainText(m.name);
    if (index.has(normalize(name))) {
      findings.push(`${quote(name)} is listed twice: gates reach the first; give each milestone its own name.`);
    } else index.set(normalize(name), i);
    const status = plainText(m.status ?? "");
    const done = DoneWords.test(normalize(status));
    const due = m.due ?? undefined;
    const daysLate = !done && due ? Math.max(0, daysBetween(due, asOf)) : 0;
    const blocked = !done && BlockedWords.test(normalize(status));
    return {
      name,
      owner: plainText(m.owner ?? ""),
      due,
      workstream: plainText(m.workstream ?? "") || NoWorkstream,
      status,
      done,
      late: daysLate > 0,
      daysLate,
      blocked,
      blockedBy: blocked ? `its status: ${status}` : undefined,
    };
  });
  const all = milestones.map(m => m.name);
  const edges: Edge[] = [];
  const gates: Gate[] = [];
  for (const g of list("gates", input.gates ?? [])) {
    if (!normalize(g.upstream ?? "") || !normalize(g.downstream ?? "")) continue;
    const ends = [g.upstream, g.downstream].map(n => ({n, i: index.get(normalize(n))}));
    const missing = ends.find(e => e.i === undefined);
    if (missing) {
      const near = nearestName(missing.n, all);
      findings.push(
        `A gate names ${quote(missing.n)}, which is not a milestone${near ? `; did you mean ${quote(near)}?` : ": name one of the milestones."}`,
      );
      continue;
    }
    const [up, down] = [milestones[ends[0].i!], milestones[ends[1].i!]];
    const inverted = Boolean(up.due && down.due && daysBetween(down.due, up.due) > 0);
    edges.push({from: ends[0].i!, to: ends[1].i!});
    gates.push({upstream: up.name, downstream: down.name, inverted});
    if (inverted) {
      findings.push(
        `${quote(down.name)} waits on ${quote(up.name)}, but ${quote(up.name)} is due ${isoDay(up.due!)}, after ${isoDay(down.due!)}: move a date or drop the gate.`,
      );
    }
  }
  const items: GraphItem[] = milestones.map(m => ({
    due: m.due ? epochDay(m.due) : undefined,
    duration: 0,
    done: m.done,
  }));
  const graph = analyzeGraph(items, edges, epochDay(asOf));
  for (const loop of graph.cycles) findings.push(loopWords(loop.map(i => milestones[i].name)));
  milestones.forEach((m, i) => {
    if (graph.cycleOf[i] >= 0 && !m.done && !m.blocked) Object.assign(m, {blocked: true, blockedBy: "a loop of gates"});
    const f = graph.earliestFinish[i];
    if (m.due && !m.done && Number.isFinite(f)) m.earliest = fromEpoch(f);
  });
  // Blocked spreads downstream from every open milestone that is late or blocked, each reached once.
  const downstream = milestones.map((): number[] => []);
  for (const e of edges) downstream[e.from].push(e.to);
  const queue = milestones.map((m, i) => (!m.done && (m.late || m.blocked) ? i : -1)).filter(i => i >= 0);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of downstream[v]) {
      const m = milestones[w];
      if (m.done || m.blocked) continue;
      Object.assign(m, {blocked: true, blockedBy: milestones[v].name});
      if (!m.late) queue.push(w);
    }
  }
  for (const m of milestones) {
    if (!m.owner) findings.push(`${quote(m.name)} has no owner: name the one person accountable.`);
    if (!m.due) findings.push(`${quote(m.name)} has no due day: give it one.`);
    else if (daysBetween(start, m.due) < 0 || daysBetween(m.due, end) < 0) {
      findings.push(
        `${quote(m.name)} is due ${isoDay(m.due)}, outside the 12 months from ${isoDay(start)} to ${isoDay(end)}: move it or leave it off the roadmap.`,
      );
    }
  }
  const byDue = (a: Milestone, b: Milestone) =>
    daysBetween(b.due!, a.due!) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const within = (from: Day, to: Day) =>
    milestones.filter(m => m.due && daysBetween(from, m.due) >= 0 && daysBetween(m.due, to) >= 0).sort(byDue);
  const months = Array.from({length: RoadmapRules.months}, (_, k): RoadmapMonth => {
    const from = monthStart(start, k);
    const to = plusDays(monthStart(start, k + 1), -1);
    const due = within(from, to);
    return {
      month: k + 1,
      from,
      to,
      milestones: due,
      gates: [],
      late: due.filter(m => m.late).length,
      blocked: due.filter(m => m.blocked).length,
    };
  });
  const monthOf = (d: Day | undefined) =>
    d ? months.find(m => daysBetween(m.from, d) >= 0 && daysBetween(d, m.to) >= 0)?.month : undefined;
  for (const g of gates) {
    const [up, down] = [milestones[index.get(normalize(g.upstream))!], milestones[index.get(normalize(g.downstream))!]];
    const [mu, md] = [monthOf(up.due), monthOf(down.due)];
    if (mu && md && mu !== md) months[md - 1].gates.push(`${quote(up.name)} (month ${mu}) → ${quote(down.name)}`);
  }
  const monthEnds = new Set(
    months.slice(0, 3).map(m => Math.min(RoadmapRules.weeks, Math.floor(daysBetween(start, m.to) / 7) + 1)),
  );
  const blueprint = Array.from({length: RoadmapRules.weeks}, (_, k): BlueprintWeek => {
    const from = plusDays(start, 7 * k);
    const to = plusDays(from, 6);
    const due = within(from, to);
    const started = daysBetween(from, asOf) >= 0;
    const carried = started
      ? milestones
          .filter(m => !m.done && m.due && daysBetween(start, m.due) >= 0 && daysBetween(m.due, from) > 0)
          .sort(byDue)
      : [];
    const line = (m: Milestone) => `${said(m.name)} (${m.owner ? said(m.owner) : "no owner"})`;
    let cadence = `Weekly operating review: ${due.length ? `${due.length} due — ${names(due.map(line), RoadmapRules.named)}` : "nothing due"}`;
    if (carried.length) {
      cadence += `; ${carried.length} carried from earlier weeks — ${names(
        carried.map(m => said(m.name)),
        RoadmapRules.named,
      )}`;
    }
    cadence += ".";
    if (monthEnds.has(k + 1)) cadence += " Monthly executive review.";
    if (k + 1 === RoadmapRules.weeks) cadence += " Quarterly board checkpoint.";
    return {week: k + 1, from, to, milestones: due, carried, cadence};
  });
  return {start, end, asOf, milestones, gates, blueprint, months, findings};
}

// ---------------------------------------------------------------- the picture

/** The picture's layout: the label column, the chart's left and right edges, the rows. */
export const RoadmapLayout = {
  width: 360,
  label: 70,
  left: 74,
  right: 354,
  top: 16,
  lane: 16,
  bottom: 14,
  maxLanes: 8,
  textSize: 9,
} as const;

const MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type MarkClass = "d" | "o" | "b" | "l";
/** The worst first: a late mark covers a blocked one, which covers an open one, which covers a done one. */
const Worst: readonly MarkClass[] = ["l", "b", "o", "d"];
const Legend: ReadonlyArray<[MarkClass, string]> = [
  ["l", "late"],
  ["b", "blocked"],
  ["o", "open"],
  ["d", "done"],
];
const classOf = (m: Milestone): MarkClass => (m.done ? "d" : m.late ? "l" : m.blocked ? "b" : "o");

/**
 * How finely a picture is drawn, finest first: marks binned by pixels (bin 0:
 * one per lane and month, each state present or only the worst), the gates
 * kept, and the labels shown (all, the lanes' names only, or none).
 */
const Levels: ReadonlyArray<{bin: number; worstOnly: boolean; gates: number; labels: "all" | "lanes" | "none"}> = [
  {bin: 1, worstOnly: false, gates: 60, labels: "all"},
  {bin: 4, worstOnly: false, gates: 24, labels: "all"},
  {bin: 0, worstOnly: false, gates: 12, labels: "all"},
  {bin: 0, worstOnly: true, gates: 0, labels: "all"},
  {bin: 0, worstOnly: true, gates: 0, labels: "lanes"},
  {bin: 0, worstOnly: true, gates: 0, labels: "none"},
];

/**
 * The 12-month roadmap as a picture: a lane per workstream (in order of first
 * appearance; beyond 8 lanes the rest fold into a last lane "+k more"), a mark
 * per milestone due within the 12 months colored by its state (late red,
 * blocked yellow, open grey, done green), a thin line for each gate between two
 * drawn marks, a dashed line at today, the months along the top, and a legend. Names are cut to
 * fit their column. It stays under 4 KB as a data URL for any input: marks are
 * merged into wider bins (at the coarsest, one per lane and month showing the
 * worst state), gates thinned, then labels and legend left out until it fits. Light and
 * dark mode as the other pictures.
 */
export function roadmapSvg(r: Roadmap): string {
  const L = RoadmapLayout;
  const total = daysBetween(r.start, r.end) + 1;
  const x = (d: Day) => L.left + ((daysBetween(r.start, d) + 0.5) * (L.right - L.left)) / total;
  const shown = r.milestones.filter(m => m.due && daysBetween(r.start, m.due) >= 0 && daysBetween(m.due, r.end) >= 0);
  const streamAt = new Map<string, number>();
  for (const m of shown) if (!streamAt.has(m.workstream)) streamAt.set(m.workstream, streamAt.size);
  const streams = [...streamAt.keys()];
  const folded = streams.length > L.maxLanes ? streams.length - (L.maxLanes - 1) : 0;
  const lanes = folded ? [...streams.slice(0, L.maxLanes - 1), `+${folded} more`] : streams;
  const laneOf = (m: Milestone) => Math.min(streamAt.get(m.workstream)!, lanes.length - 1);
  const height = L.top + Math.max(1, lanes.length) * L.lane + L.bottom;
  const y = (lane: number) => L.top + lane * L.lane + L.lane / 2;
  const monthX = r.months.map(m => x(m.from) - (0.5 * (L.right - L.left)) / total);
  const late = shown.filter(m => m.late).length;
  const blocked = shown.filter(m => m.blocked).length;
  const aria =
    `Roadmap of ${shown.length} milestones in ${streams.length} workstreams over 12 months from ${isoDay(r.start)}` +
    `: ${late} late, ${blocked} blocked, ${r.gates.length} gates`;
  const style =
    `.t{fill:none;stroke:${Colors.track};stroke-width:1}.k{fill:none;stroke:${Colors.ink};stroke-width:.7;opacity:.5}.n{fill:none;stroke:${Colors.Red};stroke-width:1;stroke-dasharray:2 2}` +
    `.d,.o,.b,.l{fill:none;stroke-width:6;stroke-linecap:round}.d{stroke:${Colors.Green}}.o{stroke:#9ca3af}.b{stroke:${Colors.Yellow}}.l{stroke:${Colors.Red}}` +
    `.x{font:${L.textSize}px sans-serif;fill:${Colors.ink}}` +
    `#${DarkModeId}:target .t{stroke:${Colors.trackDark}}#${DarkModeId}:target .k{stroke:${Colors.inkDark}}#${DarkModeId}:target .x{fill:${Colors.inkDark}}`;
  const grid =
    `<path class="t" d="${monthX.map(mx => `M${r1(mx)} ${L.top - 4}V${height - L.bottom}`).join("")}` +
    `${lanes.map((_, i) => `M${L.left} ${r1(y(i))}H${L.right}`).join("")}"/>`;
  const todayX = daysBetween(r.start, r.asOf) >= 0 && daysBetween(r.asOf, r.end) >= 0 ? x(r.asOf) : undefined;
  const today = todayX === undefined ? "" : `<path class="n" d="M${r1(todayX)} ${L.top - 4}V${height - L.bottom}"/>`;
  const monthOf = (m: Milestone) => r.months.findIndex(mo => daysBetween(m.due!, mo.to) >= 0);
  const at = new Map(shown.map(m => [m, {x: x(m.due!), lane: laneOf(m), month: monthOf(m)}]));
  const byName = new Map<string, Milestone>();
  for (const m of r.milestones) if (!byName.has(m.name)) byName.set(m.name, m);
  const gated = r.gates
    .map(g => [byName.get(g.upstream), byName.get(g.downstream)])
    .filter((p): p is [Milestone, Milestone] => Boolean(p[0] && p[1] && at.has(p[0]) && at.has(p[1])));
  let svg = "";
  for (const level of Levels) {
    const markX = (m: Milestone) => {
      const p = at.get(m)!;
      return level.bin
        ? Math.round(p.x / level.bin) * level.bin
        : Math.round((monthX[p.month] + (monthX[p.month + 1] ?? L.right)) / 2);
    };
    const marks: Record<MarkClass, Set<string>> = {d: new Set(), o: new Set(), b: new Set(), l: new Set()};
    const cells = new Map<string, Set<MarkClass>>();
    for (const m of shown) {
      const cell = `M${markX(m)} ${y(at.get(m)!.lane)}h0`;
      cells.set(cell, (cells.get(cell) ?? new Set()).add(classOf(m)));
    }
    for (const [cell, classes] of cells) {
      for (const c of level.worstOnly ? [Worst.find(c => classes.has(c))!] : classes) marks[c].add(cell);
    }
    const point = (m: Milestone) => `${markX(m)} ${y(at.get(m)!.lane)}`;
    const lines = [...new Set(gated.map(([u, d]) => `M${point(u)}L${point(d)}`))].filter(
      l => !/^M(\S+ \S+)L\1$/.test(l),
    );
    let body = grid + today;
    if (level.gates && lines.length) body += `<path class="k" d="${lines.slice(0, level.gates).join("")}"/>`;
    const labels: string[] = [];
    if (level.labels !== "none") {
      lanes.forEach((name, i) => labels.push(span(2, y(i) + 3, fitText(name, L.label - 2, L.textSize))));
    }
    if (level.labels === "all") {
      r.months.forEach((m, i) => labels.push(span(monthX[i] + 1, L.top - 6, MonthNames[m.from.getUTCMonth()])));
      labels.push(span(2, height - 3, `12 months from ${isoDay(r.start)}`));
      let lx = L.right - Legend.reduce((w, [, word]) => w + textWidth(word, L.textSize) + 14, 0);
      for (const [c, word] of Legend) {
        marks[c].add(`M${r1(lx + 3)} ${height - 6}h0`);
        labels.push(span(lx + 9, height - 3, word));
        lx += textWidth(word, L.textSize) + 14;
      }
    }
    if (!shown.length) labels.push(span(L.left, y(0) + 3, "No milestones due in these 12 months"));
    for (const c of [...Worst].reverse()) {
      if (marks[c].size) body += `<path class="${c}" d="${[...marks[c]].join("")}"/>`;
    }
    if (labels.some(Boolean)) body += `<text class="x">${labels.join("")}</text>`;
    svg = frame(L.width, height, aria, style, body);
    if (utf8Bytes(svg) <= MaxSvgBytes) break;
  }
  return svg;
}

/** A label placed within the picture's one text element; empty when there are no words. */
function span(tx: number, ty: number, words: string): string {
  return words ? `<tspan x="${r1(tx)}" y="${r1(ty)}">${escapeXml(words)}</tspan>` : "";
}
