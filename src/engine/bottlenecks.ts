import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {Contract, isBlank, list, quote, show} from "./contract";
import {fail} from "./errors";
import {own} from "./interviews";
import {said} from "./names";

/**
 * The bottleneck register (executive session 2): each bottleneck with its
 * quantified impact, ranked, with its share of the register's total, and how
 * the bottlenecks moved since the last review.
 *
 * Rules:
 *
 * 1. Impact is given as hours lost per week, money lost per year, or days of
 *    delay over a year, any or all of them. The leaders choose one unit for the
 *    register, and every impact is converted to it at explicit rates, through
 *    money per year:
 *    hours per week × hourly cost × weeks per year = money per year;
 *    days of delay × cost of a day of delay = money per year.
 * 2. A row with several impacts counts the largest of them once converted:
 *    they usually describe the same harm from different sides, and adding them
 *    would count it twice. The impact it was taken from is its `basis`.
 * 3. Open rows with an impact rank by it, largest first; equal impacts keep the
 *    register's order. The total is the sum of the ranked rows' impacts, and a
 *    row's share is its impact over the total (0 when the total is 0).
 * 4. A closed row (Closed, Resolved, Done, Fixed, Removed…) is listed but
 *    neither ranked nor counted in the total. No row is ever dropped: a row
 *    without a quantified impact or without evidence says so in its findings.
 * 5. Migration, against the last review: a bottleneck whose stage or function
 *    changed, and one that entered or left the top 3. The last review's rank is
 *    read only when some row gives one; then a row without one was not ranked
 *    last time.
 */

export const ImpactUnits = ["Hours per week", "Money per year", "Days of delay"] as const;
export type ImpactUnit = (typeof ImpactUnits)[number];

/** The rates impacts are converted at; money is in the doc's currency. */
export interface ImpactRates {
  /** The loaded cost of one hour of work: salary, benefits and overhead. */
  hourlyCost: number;
  /** Working weeks in a year: 52 less holidays and leave. */
  weeksPerYear: number;
  /** What one day of delay costs. */
  delayDayCost: number;
}

/** Hours in the day of delay by default: a team of eight people for eight hours. */
export const DelayDayHours = 64;

/**
 * The default rates: an hour costs 100, a year has 46 working weeks, and a
 * day of delay costs a team of eight a working day (64 hours at the hourly
 * cost, so 6,400 at the default).
 */
export const DefaultRates: ImpactRates = {hourlyCost: 100, weeksPerYear: 46, delayDayCost: DelayDayHours * 100};

const UnitWords: Record<string, ImpactUnit> = {
  hours: "Hours per week",
  hour: "Hours per week",
  hoursperweek: "Hours per week",
  hoursweek: "Hours per week",
  hrs: "Hours per week",
  hrsweek: "Hours per week",
  hrsperweek: "Hours per week",
  h: "Hours per week",
  hweek: "Hours per week",
  hwk: "Hours per week",
  time: "Hours per week",
  money: "Money per year",
  moneyperyear: "Money per year",
  moneyyear: "Money per year",
  cost: "Money per year",
  costperyear: "Money per year",
  annualcost: "Money per year",
  peryear: "Money per year",
  currency: "Money per year",
  dollars: "Money per year",
  usd: "Money per year",
  euros: "Money per year",
  eur: "Money per year",
  gbp: "Money per year",
  days: "Days of delay",
  day: "Days of delay",
  delay: "Days of delay",
  daysofdelay: "Days of delay",
  delaydays: "Days of delay",
  daysdelay: "Days of delay",
  d: "Days of delay",
};

/** The unit a text names (hours, money or cost, days or delay; a currency sign is money), or undefined. */
export function parseImpactUnit(text: Maybe<string>): ImpactUnit | undefined {
  const raw = (text ?? "").trim();
  if (/^[$€£¥₹₩₽¤]/u.test(raw)) return "Money per year";
  return own(UnitWords, normalize(raw));
}

/** The unit a parameter gives: blank is hours per week; anything unread is an error with the fix. */
export function impactUnit(text: Maybe<string>): ImpactUnit {
  if (!text?.trim()) return "Hours per week";
  return (
    parseImpactUnit(text) ??
    fail(`unit ${quote(text)} is not a unit of impact: give Hours per week, Money per year or Days of delay.`)
  );
}

function rate(
  name: string,
  value: Maybe<number>,
  fallback: number,
  [min, max, range]: [number, number, string],
): number {
  if (isBlank(value)) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${name} must be a number, not ${quote(value)}.`);
  if (value < min || value > max) fail(`${name} is ${show(value)}: give ${range}, or leave it blank for the default.`);
  return value;
}

const MoneyRange: [number, number, string] = [0.01, Contract.maxMagnitude, "0.01 to 1e15 in the doc's currency"];

/**
 * The rates a register is converted at, each read by the contract: hourlyCost
 * 0.01 to 1e15 (default 100), weeksPerYear 1 to 53 (default 46), delayDayCost
 * 0.01 to 1e15 (default 64 hours at the hourly cost). A blank rate takes its
 * default; anything else out of range is an error.
 */
export function impactRates(given: Partial<Record<keyof ImpactRates, Maybe<number>>> = {}): ImpactRates {
  const hourlyCost = rate("hourlyCost", given.hourlyCost, DefaultRates.hourlyCost, MoneyRange);
  const weeksPerYear = rate("weeksPerYear", given.weeksPerYear, DefaultRates.weeksPerYear, [1, 53, "1 to 53 weeks"]);
  const delayDayCost = rate("delayDayCost", given.delayDayCost, DelayDayHours * hourlyCost, MoneyRange);
  return {hourlyCost, weeksPerYear, delayDayCost};
}

/** An impact converted from one unit to another through money per year (rule 1). */
export function convertImpact(value: number, from: ImpactUnit, to: ImpactUnit, rates: ImpactRates): number {
  if (from === to) return value;
  const perHourWeek = rates.hourlyCost * rates.weeksPerYear;
  const money =
    from === "Hours per week" ? value * perHourWeek : from === "Days of delay" ? value * rates.delayDayCost : value;
  return to === "Hours per week" ? money / perHourWeek : to === "Days of delay" ? money / rates.delayDayCost : money;
}

export interface BottleneckRow {
  bottleneck?: Maybe<string>;
  function?: Maybe<string>;
  stage?: Maybe<string>;
  hoursPerWeek?: Maybe<number>;
  moneyPerYear?: Maybe<number>;
  delayDays?: Maybe<number>;
  evidence?: Maybe<string>;
  owner?: Maybe<string>;
  status?: Maybe<string>;
  /** Where it sat at the last review. */
  lastStage?: Maybe<string>;
  lastFunction?: Maybe<string>;
  /** Its rank at the last review (1 is the largest). */
  lastRank?: Maybe<number>;
}

export interface RankedBottleneck {
  open: boolean;
  /** The impact in the register's unit (rule 2), when it has one. */
  impact?: number;
  basis?: ImpactUnit;
  /** 1 for the largest open impact; undefined when closed or not quantified. */
  rank?: number;
  /** Its impact over the register's total, 0 to 1. */
  share?: number;
  top3: boolean;
  /** How it moved since the last review, in words; empty when it did not. */
  migration: string[];
  findings: string[];
}

export interface BottleneckRegister {
  unit: ImpactUnit;
  rates: ImpactRates;
  /** One per row, in the order given. */
  rows: RankedBottleneck[];
  /** The sum of the ranked rows' impacts, in the unit. */
  total: number;
  open: number;
  closed: number;
  ranked: number;
  /** The names of the top 3, largest first. */
  top: string[];
  /** Their share of the total together. */
  topShare: number;
  migrated: number;
  summary: string;
}

const ClosedWords = new Set([
  "closed",
  "resolved",
  "done",
  "fixed",
  "removed",
  "retired",
  "solved",
  "gone",
  "complete",
  "completed",
  "wontfix",
  "cancelled",
  "canceled",
]);

/**
 * Whether a status closes a bottleneck: it starts with Closed, Resolved, Done,
 * Fixed, Removed, Retired, Solved, Won't fix or Cancelled, whatever follows
 * ("Closed (duplicate of #4)", "Done ✅"); "Not done" stays open.
 */
export function isClosedStatus(status: Maybe<string>): boolean {
  const words = (status ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}'’]+/u)
    .filter(Boolean);
  return [words.slice(0, 1), words.slice(0, 2)].some(
    first => first.length && ClosedWords.has(normalize(first.join(""))),
  );
}

const Impacts: ReadonlyArray<[keyof BottleneckRow, ImpactUnit]> = [
  ["hoursPerWeek", "Hours per week"],
  ["moneyPerYear", "Money per year"],
  ["delayDays", "Days of delay"],
];

/** The row's impacts that read, converted, and findings on those that do not. */
function readImpact(
  row: BottleneckRow,
  unit: ImpactUnit,
  rates: ImpactRates,
  findings: string[],
): {impact?: number; basis?: ImpactUnit} {
  let best: {impact: number; basis: ImpactUnit} | undefined;
  for (const [field, from] of Impacts) {
    const v = row[field] as Maybe<number>;
    if (isBlank(v)) continue;
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > Contract.maxMagnitude) {
      findings.push(`${from} is ${typeof v === "number" ? show(v) : quote(v)}: give a number from 0 to 1e15.`);
      continue;
    }
    const impact = convertImpact(v, from, unit, rates);
    if (!best || impact > best.impact) best = {impact, basis: from};
  }
  return best ?? {};
}

const same = (a: Maybe<string>, b: Maybe<string>) => normalize(a ?? "") === normalize(b ?? "");
const amount = (n: number) =>
  n >= 1e12 ? show(n) : n.toLocaleString("en-US", {maximumFractionDigits: n < 10 ? 1 : 0});
const unitWords: Record<ImpactUnit, string> = {
  "Hours per week": "hours per week",
  "Money per year": "a year",
  "Days of delay": "days of delay",
};
const pct = (x: number) => `${Math.round(x * 100)}%`;
const nameOf = (row: BottleneckRow, i: number) => said(row.bottleneck?.trim() || `Row ${i + 1}`);

/** How a ranked row moved since the last review (rule 5); a last rank that does not read is a finding. */
function judgeMigration(row: BottleneckRow, b: RankedBottleneck, ranksGiven: boolean): void {
  if (row.lastStage?.trim() && row.stage?.trim() && !same(row.lastStage, row.stage)) {
    b.migration.push(`Moved from the stage ${said(row.lastStage)} to ${said(row.stage)}.`);
  }
  if (row.lastFunction?.trim() && row.function?.trim() && !same(row.lastFunction, row.function)) {
    b.migration.push(`Moved from the function ${said(row.lastFunction)} to ${said(row.function)}.`);
  }
  if (!ranksGiven) return;
  const last = row.lastRank;
  if (!isBlank(last) && !(typeof last === "number" && Number.isInteger(last) && last >= 1)) {
    const given = typeof last === "number" ? show(last) : quote(last);
    b.findings.push(`Last Rank is ${given}: give a whole number from 1, or leave it blank.`);
    return;
  }
  const wasTop3 = !isBlank(last) && last <= 3;
  if (b.top3 && !wasTop3) {
    const from = isBlank(last) ? ", unranked at the last review" : `, from rank ${last}`;
    b.migration.push(`Entered the top 3 at rank ${b.rank}${from}.`);
  }
  if (wasTop3 && !b.top3) {
    const now = b.open ? (b.rank ? ` to rank ${b.rank}` : "") : ": closed";
    b.migration.push(`Left the top 3, from rank ${last}${now}.`);
  }
}

/**
 * The register ranked and judged by the rules above. `unit` is the leaders'
 * unit (blank: hours per week); `rates` are read by `impactRates`.
 */
export function bottleneckRegister(
  rows: readonly BottleneckRow[],
  unit?: Maybe<string>,
  rates?: Partial<Record<keyof ImpactRates, Maybe<number>>>,
): BottleneckRegister {
  list("bottlenecks", rows);
  const u = impactUnit(unit);
  const r = impactRates(rates);
  const out: RankedBottleneck[] = rows.map(row => {
    const findings: string[] = [];
    const open = !isClosedStatus(row.status);
    const {impact, basis} = readImpact(row, u, r, findings);
    if (!row.bottleneck?.trim()) findings.push("No bottleneck named: say what holds the work up.");
    if (open) {
      if (impact === undefined) {
        findings.push("No quantified impact: give hours lost per week, money lost per year or days of delay.");
      }
      if (!row.evidence?.trim()) findings.push("No evidence: link the data, ticket or document that shows it.");
      if (!row.owner?.trim()) findings.push("No owner: name the one person who owns removing it.");
    }
    return {open, impact, basis, top3: false, migration: [], findings};
  });
  const order = out.map((_, i) => i).filter(i => out[i].open && out[i].impact !== undefined);
  order.sort((a, b) => out[b].impact! - out[a].impact! || a - b);
  let total = 0;
  for (const i of order) total += out[i].impact!;
  order.forEach((i, k) => {
    out[i].rank = k + 1;
    out[i].top3 = k < 3;
    out[i].share = total > 0 ? out[i].impact! / total : 0;
  });
  const ranksGiven = rows.some(row => !isBlank(row.lastRank));
  rows.forEach((row, i) => judgeMigration(row, out[i], ranksGiven));
  const top = order.slice(0, 3);
  let topImpact = 0;
  for (const i of top) topImpact += out[i].impact!;
  const topShare = total > 0 ? Math.min(1, topImpact / total) : 0;
  const open = out.filter(b => b.open).length;
  const migrated = out.filter(b => b.migration.length).length;
  const unquantified = out.filter(b => b.open && b.impact === undefined).length;
  const noEvidence = rows.filter((row, i) => out[i].open && !row.evidence?.trim()).length;
  const parts = [
    order.length
      ? `${amount(total)} ${unitWords[u]} across ${order.length} ranked bottleneck${order.length === 1 ? "" : "s"}; the top ${top.length} (${top.map(i => nameOf(rows[i], i)).join(", ")}) carr${top.length === 1 ? "ies" : "y"} ${pct(topShare)}.`
      : "No open bottleneck has a quantified impact yet.",
  ];
  if (unquantified) parts.push(`${unquantified} open without a quantified impact.`);
  if (noEvidence) parts.push(`${noEvidence} open without evidence.`);
  if (migrated) parts.push(`${migrated} moved since the last review.`);
  return {
    unit: u,
    rates: r,
    rows: out,
    total,
    open,
    closed: out.length - open,
    ranked: order.length,
    top: top.map(i => rows[i].bottleneck?.trim() || `Row ${i + 1}`),
    topShare,
    migrated,
    summary: parts.join(" "),
  };
}
