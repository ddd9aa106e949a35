import {show} from "../engine/contract";

/**
 * One or two sentences per synced row, saying what the row is and where it stands,
 * for rows whose source holds no long text of its own. They fill each row's `Summary`
 * property, which the knowledge index searches and an answer can quote, so a question
 * such as "which key results of Sales are off track?" finds its rows by their words.
 * The row builders fill them, so a sync table, the action returning its row and any
 * lookup of it share the same words. Pure functions over plain values: no SDK.
 */

const percent = (x: number) => `${show(Math.round(x * 100))}%`;
const parts = (...items: Array<string | false | undefined | null | 0>) => items.filter(Boolean).join(", ");
const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);
const quoted = (name: string) => `"${name}"`;
const inUnit = (value: number, unit?: string) => (unit ? `${show(value)} ${unit}` : show(value));

export interface KeyResultFacts {
  name: string;
  owner?: string;
  team?: string;
  cycle?: string;
  unit?: string;
  start?: number;
  target?: number;
  current?: number;
  confidence?: number;
  progress?: number;
  status?: string;
  expected?: number;
  forecast?: number;
  lastCheckIn?: string;
  stale?: boolean;
}

/** "Key result "Win rate" (Jonah Price, Sales, FY2026 Q4) is at 40% of its target of 30 %, Off track, where 55% would be on pace; confidence 40%, last checked in 2026-11-13." */
export function keyResultSummary(k: KeyResultFacts): string {
  const who = parts(k.owner, k.team, k.cycle);
  const head = `Key result ${quoted(k.name)}${who ? ` (${who})` : ""}`;
  const where =
    k.progress === undefined
      ? "has no progress yet"
      : `is at ${percent(k.progress)} of the way${k.target === undefined ? "" : ` from ${inUnit(k.start ?? 0, k.unit)} to ${inUnit(k.target, k.unit)}`}${k.current === undefined ? "" : ` (now ${inUnit(k.current, k.unit)})`}`;
  const status = k.status ? `, ${k.status}` : "";
  const pace =
    k.expected !== undefined && k.progress !== undefined ? ` where ${percent(k.expected)} would be on pace` : "";
  const tail = parts(
    k.confidence !== undefined && `confidence ${percent(k.confidence)}`,
    k.lastCheckIn ? `last checked in ${k.lastCheckIn}` : "never checked in",
    k.stale && "stale: no check-in for 14 days",
    k.forecast !== undefined && `the check-ins point to ${inUnit(k.forecast, k.unit)} at the cycle's end`,
  );
  return sentence(`${head} ${where}${status}${pace}; ${tail}`);
}

export interface ObjectiveFacts {
  name: string;
  owner?: string;
  team?: string;
  cycle?: string;
  score?: number;
  grade?: string;
  status?: string;
  keyResults: number;
  alignment: readonly string[];
}

/** "Objective "Close the quarter ..." (Jonah Price, Sales, FY2026 Q4) scores 48%, Yellow, worst key result At risk, over 3 key results; it supports no annual goal." */
export function objectiveSummary(o: ObjectiveFacts): string {
  const who = parts(o.owner, o.team, o.cycle);
  const head = `Objective ${quoted(o.name)}${who ? ` (${who})` : ""}`;
  const score =
    o.score === undefined
      ? "has no scored key result yet"
      : `scores ${percent(o.score)}${o.grade ? `, ${o.grade}` : ""}`;
  const status = o.status ? `, worst key result ${o.status}` : "";
  const count = `${o.keyResults} key result${o.keyResults === 1 ? "" : "s"}`;
  const aligned = o.alignment.length ? ` Alignment: ${o.alignment.join(" ")}` : " It is aligned to an annual goal.";
  return sentence(`${head} ${score}${status}, over ${count}.${aligned}`);
}

export interface MetricFacts {
  name: string;
  area?: string;
  owner?: string;
  unit?: string;
  greenAt?: number;
  redAt?: number;
  latest?: number;
  latestDate?: string;
  status?: string;
  trend?: string;
  streak?: number;
  hot?: boolean;
  reason?: string;
  stale?: boolean;
}

/** "Health metric "Gross margin" (Finance, Grace Mbeki): 61 % on 2026-11-20, Red (green at 70, red at 62), trend Down for 4 readings. Hot: ..." */
export function metricSummary(m: MetricFacts): string {
  const who = parts(m.area, m.owner);
  const head = `Health metric ${quoted(m.name)}${who ? ` (${who})` : ""}`;
  const latest =
    m.latest === undefined
      ? "has no reading yet"
      : `reads ${inUnit(m.latest, m.unit)}${m.latestDate ? ` on ${m.latestDate}` : ""}`;
  const bands =
    m.greenAt !== undefined && m.redAt !== undefined ? ` (green at ${show(m.greenAt)}, red at ${show(m.redAt)})` : "";
  const trend = m.trend
    ? `, trend ${m.trend}${m.trend !== "Flat" && m.streak && m.streak > 1 ? ` for ${m.streak} readings in a row` : ""}`
    : "";
  const hot = m.hot ? ` Hot: ${sentence(m.reason || "it needs this week's meeting")}` : " Not hot.";
  const stale = m.stale ? " Stale: no reading for two periods of its cadence." : "";
  return `${sentence(`${head} ${latest}${m.status ? `, ${m.status}` : ""}${bands}${trend}`)}${hot}${stale}`;
}

export interface IssueFacts {
  name: string;
  priority: string;
  owner?: string;
  source: string;
  raised?: string;
  ageDays?: number;
  status: string;
  open: boolean;
}

const IssueSources: Record<string, string> = {
  "Hot metric": "raised by a hot metric",
  "Off-track key result": "raised by an off-track key result",
  "Raised by hand": "raised by hand",
  Other: "raised from another source",
};

/** "Issue "Support backlog keeps growing" (High priority, owner Hana Sato) raised by a hot metric on 2026-11-03, 17 days ago: Open." */
export function issueSummary(i: IssueFacts): string {
  const who = parts(`${i.priority} priority`, i.owner ? `owner ${i.owner}` : "no owner");
  const age =
    i.ageDays === undefined ? "" : i.ageDays === 0 ? ", today" : `, ${i.ageDays} day${i.ageDays === 1 ? "" : "s"} ago`;
  const when = i.raised ? ` on ${i.raised}${age}` : "";
  const by = IssueSources[i.source] ?? `raised from ${i.source}`;
  return sentence(
    `Issue ${quoted(i.name)} (${who}) ${by}${when}: ${i.status}${i.open ? ", still to solve" : ", closed"}`,
  );
}

export interface DecisionFacts {
  name: string;
  owners: readonly string[];
  approvers: readonly string[];
  lane?: string;
  date?: string;
  reviewDate?: string;
  dueForReview: boolean;
  problems: readonly string[];
}

/** "Decision "Renew hosting on a three-year term", owned by Grace Mbeki, decided 2026-11-24 (Coordinated), approved by Maya Lindqvist; review on 2027-02-01." */
export function decisionSummary(d: DecisionFacts): string {
  const owner = d.owners.length ? `owned by ${d.owners.join(" and ")}` : "with no owner";
  const when = d.date ? `, decided ${d.date}` : "";
  const lane = d.lane ? ` (${d.lane})` : "";
  const approved = d.approvers.length ? `, approved by ${d.approvers.join(", ")}` : "";
  const review = d.reviewDate
    ? `; review on ${d.reviewDate}${d.dueForReview ? ", due for review now" : ""}`
    : "; no review date";
  const problems = d.problems.length ? ` Ownership: ${d.problems.join(" ")}` : "";
  return `${sentence(`Decision ${quoted(d.name)}, ${owner}${when}${lane}${approved}${review}`)}${problems}`;
}

export interface ActionFacts {
  name: string;
  owner?: string;
  due?: string;
  status: string;
  done: boolean;
  daysOverdue?: number;
  source?: string;
}

/** "Action "Write the partner API quickstart" for Tom Okafor, due 2026-11-10: Open, 10 days overdue; from the partner API decision." */
export function actionSummary(a: ActionFacts): string {
  const who = a.owner ? ` for ${a.owner}` : " with no owner";
  const due = a.due ? `, due ${a.due}` : ", no due date";
  const late =
    !a.done && a.daysOverdue !== undefined && a.daysOverdue > 0
      ? `, ${a.daysOverdue} day${a.daysOverdue === 1 ? "" : "s"} overdue`
      : "";
  const from = a.source ? `; from ${a.source}` : "";
  return sentence(`Action ${quoted(a.name)}${who}${due}: ${a.status}${late}${from}`);
}
