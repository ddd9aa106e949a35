import type * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../api/client";
import type {Day} from "../engine/calendar";
import {day} from "../engine/calendar";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import {show} from "../engine/contract";
import type {BriefData, BriefMetric, BriefOption} from "../engine/brief";
import {executiveBrief} from "../engine/brief";
import {readSeverity} from "../engine/constraints";
import {charterRows} from "./charter_rows";
import {readMetricsDoc} from "./health_source";
import {metricRow, summarize} from "./health_rows";
import {decisionRows, issueRows, readIssues} from "./meeting_rows";
import type {PathOptionRow} from "./path_rows";
import {pathRows, readPathSources} from "./path_rows";
import {isClosedRisk} from "./risk_status";
import type {RiskRow} from "./risks";
import {risks} from "./risks";
import type {RoadmapRow} from "./roadmap_rows";
import {readRoadmapSources, roadmapRows} from "./roadmap_rows";
import {cell, holdsTable, MissingTableError, readOptionalTable, relaxed} from "./source";
import {
  CharterTables,
  ConstraintFields,
  DefaultMetricTables,
  DiagnosisTables,
  IssueFields,
  MeetingTables,
  RedLineFields,
  RiskToleranceFields,
} from "./tables";

/**
 * The decision-grade brief of executive session 4, from the docs as they are
 * today. Every number in it is one a sync table shows, taken from the rows the
 * same builders make: the options' scores from the PathDecision rows, the plan
 * from the Roadmap rows, the metrics from the HealthMetrics rows, the risks from
 * the Risks rows, risk tolerance from the Charter rows, the decisions and issues
 * from the Decisions and Issues rows. The brief adds no number of its own.
 */

export interface BriefRequest {
  /** The meeting doc, as a doc id. */
  docId: string;
  /** The metrics doc's link or id; blank: the meeting doc when it holds Metric Definitions and Metric Readings. */
  metricsDoc?: string;
  okrDocs: readonly string[];
  asOf: Day;
  /** Day 1 of the plan, as the Roadmap sync table takes it. */
  start: Day;
}

/** A table the brief reads on the side: none when the doc lacks it. */
async function optional<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof MissingTableError) return undefined;
    throw error;
  }
}

const StatusOrder = ["Red", "Yellow", "Green"];
const listed = (text: string | undefined) => (text ? cells.list(text, "before capitals") : []);

/** The chosen path with its alternatives, each why the decision's Rejected Alternatives give as "Option: why". */
function briefPath(rows: readonly PathOptionRow[], rejected: string | undefined) {
  const chosen = rows.find(r => r.Chosen);
  if (!chosen) return undefined;
  const reasons = listed(rejected);
  const asOption = (r: PathOptionRow): BriefOption => ({
    name: r.Name,
    pathway: r.Pathway,
    score: r.Weighted,
    riskAdjusted: r.RiskAdjusted,
  });
  const alternatives = rows
    .filter(r => r !== chosen && r.Rank !== undefined)
    .map(r => {
      const key = normalize(r.Name);
      const said = reasons.find(x => {
        const head = /^(.+?)\s*[:—–]\s+(.+)$/u.exec(x);
        return head && normalize(head[1]) === key;
      });
      return {...asOption(r), why: said ? /^(.+?)\s*[:—–]\s+(.+)$/u.exec(said)![2] : undefined};
    });
  return {chosen: asOption(chosen), alternatives};
}

function scorecard(rows: ReturnType<typeof metricRow>[], cadence: ReadonlyMap<string, string>): BriefMetric[] {
  const rank = (s: string | undefined) => (s && StatusOrder.includes(s) ? StatusOrder.indexOf(s) : StatusOrder.length);
  return [...rows]
    .map((r, i) => ({r, i}))
    .sort((a, b) => rank(a.r.Status) - rank(b.r.Status) || a.i - b.i)
    .map(({r}) => {
      const what = [r.Area, r.Unit ? `in ${r.Unit}` : "", cadence.get(r.Id)?.toLowerCase()].filter(Boolean).join(", ");
      const latest =
        r.Latest === undefined
          ? "no reading yet"
          : `latest ${show(r.Latest)}${r.LatestDate ? ` on ${r.LatestDate}` : ""}${r.Status ? ` (${r.Status})` : ""}`;
      return {
        metric: r.Name,
        definition: [what, latest].filter(Boolean).join("; "),
        greenAt: r.GreenAt,
        redAt: r.RedAt,
        owner: r.Owner?.Name,
      };
    });
}

/** Risk tolerance by area as the Charter rows give it, and the widest spread's sentence. */
function riskAppetite(rows: ReturnType<typeof charterRows>): string | undefined {
  const byArea = new Map<string, {area: string; values: number[]}>();
  for (const r of rows) {
    if (r.Question !== "Risk tolerance" || r.Tolerance === undefined || !r.Subject) continue;
    const key = normalize(r.Subject);
    const entry = byArea.get(key) ?? {area: r.Subject, values: []};
    entry.values.push(r.Tolerance);
    byArea.set(key, entry);
  }
  if (!byArea.size) return undefined;
  const areas = [...byArea.values()].map(({area, values}) => {
    const [low, high] = [Math.min(...values), Math.max(...values)];
    return `${area} ${low === high ? show(low) : `${show(low)}–${show(high)}`}`;
  });
  const spread = rows
    .map(r => /Risk tolerance on .*? start the next conversation there\./u.exec(r.Findings ?? "")?.[0])
    .find(Boolean);
  return `Tolerance from 1 (avoid risk) to 5 (seek risk): ${areas.join(", ")}.${spread ? ` ${spread}` : ""}`;
}

export async function briefData(context: coda.ExecutionContext, request: BriefRequest): Promise<BriefData> {
  const {docId, asOf} = request;
  const tz = context.timezone;
  const holds = async (...names: string[]) => {
    for (const name of names) if (!(await holdsTable(context, docId, name))) return false;
    return true;
  };
  const metricsDoc = request.metricsDoc
    ? await resolveDocId(context, request.metricsDoc)
    : (await holds(DefaultMetricTables.definitions, DefaultMetricTables.readings))
      ? docId
      : undefined;
  const [path, roadmap, metrics, constraints, tolerance, redLines, riskRows, issues] = await Promise.all([
    optional(readPathSources(context, docId)),
    optional(readRoadmapSources(context, docId)),
    metricsDoc ? readMetricsDoc(context, metricsDoc, {}) : Promise.resolve([]),
    readOptionalTable(context, docId, DiagnosisTables.constraints, relaxed(ConstraintFields)),
    readOptionalTable(context, docId, CharterTables.tolerance, relaxed(RiskToleranceFields)),
    readOptionalTable(context, docId, CharterTables.redLines, relaxed(RedLineFields)),
    optional(risks(context, {docId, metricsDoc, okrDocs: request.okrDocs, asOf})),
    readOptionalTable(context, docId, MeetingTables.issues, relaxed(IssueFields)),
  ]);

  const options = path ? pathRows(path, asOf, tz) : undefined;
  const choice = options?.choice?.decision;
  const picked = options && briefPath(options.rows, choice?.RejectedAlternatives);

  const summarized = summarize(metrics, asOf, undefined, () => "");
  const cadence = new Map(metrics.map(m => [m.id, m.cadence]));

  const constraintLines = (constraints?.map.Name ? constraints.rows : [])
    .map((r, i) => {
      const get = (f: "Name" | "Function" | "Kind" | "Severity") => cells.text(cell(r, constraints!.map, f));
      const about = [get("Function"), get("Kind"), get("Severity")].filter(Boolean).join(", ");
      const name = get("Name") || cells.text(r.name);
      const severity = readSeverity(get("Severity") || undefined).value ?? 0;
      return {text: name ? `${name}${about ? ` (${about})` : ""}` : "", severity, i};
    })
    .filter(c => c.text)
    .sort((a, b) => b.severity - a.severity || a.i - b.i)
    .map(c => c.text);
  const charter = charterRows({
    roster: [],
    tolerance: tolerance?.map.Leader && tolerance.map.Area ? tolerance : undefined,
    redLines: redLines?.map.Leader && redLines.map.RedLine ? redLines : undefined,
  });
  const redLineLines = charter
    .filter(r => r.Question === "Red line" && r.Answer)
    .map(r => `Red line: ${r.Answer}${r.Leader ? ` (${r.Leader.Name})` : ""}`);

  // The plan's 13 weeks as the Roadmap table numbers them, and what is already late.
  const plan: RoadmapRow[] = roadmap
    ? roadmapRows(roadmap, request.start, asOf, () => "", tz).milestones.filter(r => r.Week !== undefined || r.Late)
    : [];
  plan.sort((a, b) => String(a.Due ?? "").localeCompare(String(b.Due ?? "")) || a.Name.localeCompare(b.Name));

  const openRisks = (riskRows ?? [])
    .filter((r: RiskRow) => !isClosedRisk(r.Status ?? ""))
    .map((r, i) => ({r, i}))
    .sort((a, b) => Number(b.r.Hot) - Number(a.r.Hot) || (b.r.Score ?? 0) - (a.r.Score ?? 0) || a.i - b.i)
    .map(({r}) => r);

  const decisions = path?.decisions ? decisionRows(path.decisions, asOf, {}, tz).filter(d => d.DueForReview) : [];
  const asks = issues?.map.Name
    ? issueRows(readIssues(issues, tz), asOf).filter(i => i.Open && i.Priority === "High")
    : [];

  return {
    title: picked ? `Executive decision brief: ${picked.chosen.name}` : undefined,
    asOf,
    path: picked && {
      ...picked,
      owner: options?.choice?.ownerName,
      rationale: choice?.Rationale,
      assumptions: listed(choice?.Assumptions),
      failureConditions: listed(choice?.FailureConditions),
    },
    scorecard: scorecard(summarized.map(metricRow), cadence),
    // The leaders' red lines first: nothing weighs more than what they will not trade.
    constraints: [...redLineLines, ...constraintLines],
    riskAppetite: riskAppetite(charter),
    plan: plan.map(r => ({
      week: r.Week,
      milestone: `${r.Name}${r.Late ? " (late)" : r.Blocked ? " (blocked)" : ""}`,
      owner: r.OwnerName,
      due: r.Due ? day(String(r.Due)) : undefined,
    })),
    risks: openRisks.map(r => ({
      risk: r.Name,
      probability: r.Likelihood,
      impact: r.Impact,
      outOf: 5,
      mitigation: r.Mitigation,
      owner: r.MitigationOwner,
      trigger: r.Trigger ? `${r.Trigger} (${r.TriggerState})` : undefined,
    })),
    decisions: decisions.map(d => ({
      decision: `Review: ${d.Name} (due ${d.ReviewDate}${d.FailureMet ? "; a failure condition is met" : ""})`,
      owner: d.Owner?.Name,
    })),
    asks: asks.map(i => ({ask: i.Name, of: i.Owner?.Name})),
  };
}

/** The brief's Markdown. */
export async function executiveBriefMarkdown(context: coda.ExecutionContext, request: BriefRequest): Promise<string> {
  return executiveBrief(await briefData(context, request));
}
