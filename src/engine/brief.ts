import type {Day} from "./calendar";
import {isoDay} from "./calendar";
import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {count, fraction, isBlank, number, plainText, quote, shorten, show} from "./contract";
import type {PathDecision} from "./path_decision";

/**
 * The decision-grade executive brief: one page of Markdown, the same words for
 * the board memo and for the leadership team. It prints only what it is given:
 * every number is passed in, fractions (scores, likelihoods, impacts) print as
 * whole percents by one rule, Math.round(x × 100) %, and other numbers as given
 * (at most 6 significant digits). A section with nothing to say says so in one
 * line. Lists are capped, with "+k more"; texts are cut with an ellipsis
 * (names at 80 characters, longer texts at 240); every user text is escaped for
 * Markdown without dropping any letter of any script.
 */

export const BriefLimits = {
  alternatives: 5,
  scorecard: 8,
  constraints: 8,
  plan: 13,
  risks: 8,
  decisions: 8,
  asks: 8,
  assumptions: 5,
  name: 80,
  text: 240,
} as const;

export interface BriefOption {
  name: string;
  pathway?: Maybe<string>;
  /** Weighted score, a fraction 0 to 1. */
  score?: Maybe<number>;
  /** Risk-adjusted score, a fraction 0 to 1. */
  riskAdjusted?: Maybe<number>;
  /** Why it was not chosen. */
  why?: Maybe<string>;
}

export interface BriefPath {
  chosen: BriefOption;
  owner?: Maybe<string>;
  rationale?: Maybe<string>;
  alternatives?: readonly BriefOption[];
  assumptions?: readonly string[];
  /** What would show the path was wrong. */
  failureConditions?: readonly string[];
}

export interface BriefMetric {
  metric: string;
  definition?: Maybe<string>;
  target?: Maybe<number | string>;
  greenAt?: Maybe<number | string>;
  redAt?: Maybe<number | string>;
  owner?: Maybe<string>;
}

export interface BriefMilestone {
  /** 1 to 13. */
  week?: Maybe<number>;
  milestone: string;
  owner?: Maybe<string>;
  due?: Maybe<Day>;
}

export interface BriefRisk {
  risk: string;
  /** Fractions 0 to 1 by the percent rule; with `outOf`, whole scores from 1 to outOf. */
  probability?: Maybe<number>;
  impact?: Maybe<number>;
  /** The top of the scale a risk register scores on (such as 5): the scores print as "4 of 5". */
  outOf?: Maybe<number>;
  mitigation?: Maybe<string>;
  owner?: Maybe<string>;
  trigger?: Maybe<string>;
}

export interface BriefData {
  title?: Maybe<string>;
  asOf?: Maybe<Day>;
  path?: BriefPath;
  scorecard?: readonly BriefMetric[];
  constraints?: readonly string[];
  riskAppetite?: Maybe<string>;
  plan?: readonly BriefMilestone[];
  risks?: readonly BriefRisk[];
  decisions?: ReadonlyArray<{decision: string; owner?: Maybe<string>}>;
  asks?: ReadonlyArray<{ask: string; of?: Maybe<string>}>;
}

/** Characters escaped wherever they stand, and block markers escaped at a text's start. */
const Inline = /[\\`*_[\]<>|~&]/g;
const LineStart = /^([#>+\-=]|\d+(?=[.)]))/;

/**
 * User text as Markdown shows it literally: control characters and line breaks
 * become spaces, the text is cut to `max` characters, and Markdown's ASCII
 * punctuation (\ ` * _ [ ] < > | ~ &, and # > + - = or a number's dot at the
 * start) gets a backslash. Letters of every script are left as they are.
 */
export function markdownText(text: Maybe<string>, max: number = BriefLimits.text): string {
  const cut = shorten(plainText(text ?? ""), max);
  const escaped = cut.replace(Inline, c => `\\${c}`);
  return escaped.replace(LineStart, m => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

const name = (text: Maybe<string>) => markdownText(text, BriefLimits.name);
const percent = (what: string, x: Maybe<number>) => (isBlank(x) ? "—" : `${Math.round(fraction(what, x) * 100)}%`);
const value = (what: string, x: Maybe<number | string>) =>
  isBlank(x) || x === ""
    ? "—"
    : typeof x === "number"
      ? show(number(what, x))
      : markdownText(x, BriefLimits.name) || "—";
const cell = (text: string) => text || "—";
/** A likelihood or impact: a fraction as a percent, or a whole score of a 1-to-`outOf` scale as "4 of 5". */
const level = (what: string, x: Maybe<number>, outOf: Maybe<number>) => {
  if (isBlank(outOf)) return percent(what, x);
  const top = count(`The scale of ${what.toLowerCase()}`, outOf, 2, 100);
  return isBlank(x) ? "—" : `${count(what, x, 1, top)} of ${top}`;
};

/** The first `max` items as lines, and one more saying how many are left out, each after `bullet`. */
function capped<T>(items: readonly T[], max: number, line: (item: T) => string, bullet = "- "): string[] {
  const out = items.slice(0, max).map(item => bullet + line(item));
  if (items.length > max) out.push(`${bullet}+${items.length - max} more`);
  return out;
}

function table(head: readonly string[], rows: readonly string[][], more: number): string[] {
  const out = [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map(r => `| ${r.join(" | ")} |`),
  ];
  if (more > 0) out.push("", `+${more} more`);
  return out;
}

function scores(o: BriefOption): string {
  const parts = [
    isBlank(o.score) ? "" : `score ${percent(`Score of ${quote(o.name)}`, o.score)}`,
    isBlank(o.riskAdjusted)
      ? ""
      : `risk-adjusted ${percent(`Risk-adjusted score of ${quote(o.name)}`, o.riskAdjusted)}`,
  ].filter(Boolean);
  return parts.join(", ");
}

function optionLine(o: BriefOption): string {
  const pathway = o.pathway && normalize(o.pathway) !== normalize(o.name) ? ` (${name(o.pathway)})` : "";
  const s = scores(o);
  return `${name(o.name)}${pathway}${s ? ` — ${s}` : ""}`;
}

function pathSection(p: BriefPath | undefined): string[] {
  if (!p || !plainText(p.chosen?.name ?? "")) return ["No path chosen yet."];
  const out = [
    `**Chosen:** ${optionLine(p.chosen)}.${p.owner && plainText(p.owner) ? ` Accountable owner: ${name(p.owner)}.` : ""}`,
  ];
  out.push("", `**Why:** ${plainText(p.rationale ?? "") ? markdownText(p.rationale) : "no rationale recorded."}`);
  const assumptions = (p.assumptions ?? []).filter(a => plainText(a ?? ""));
  if (assumptions.length) {
    out.push(
      "",
      `**Assumptions:** ${capped(assumptions, BriefLimits.assumptions, a => markdownText(a), "").join("; ")}.`,
    );
  }
  const failures = (p.failureConditions ?? []).filter(a => plainText(a ?? ""));
  if (failures.length) {
    out.push(
      "",
      `**Failure conditions:** ${capped(failures, BriefLimits.assumptions, a => markdownText(a), "").join("; ")}.`,
    );
  }
  const alternatives = (p.alternatives ?? []).filter(a => plainText(a.name ?? ""));
  if (!alternatives.length) out.push("", "**Rejected alternatives:** none recorded.");
  else {
    const why = (a: BriefOption) => (plainText(a.why ?? "") ? `: ${markdownText(a.why)}` : "");
    out.push(
      "",
      "**Rejected alternatives:**",
      "",
      ...capped(alternatives, BriefLimits.alternatives, a => optionLine(a) + why(a)),
    );
  }
  return out;
}

/**
 * The brief in Markdown, sections in this order: the chosen path (with its
 * scores, owner, rationale, assumptions, failure conditions and the rejected
 * alternatives with theirs), the success scorecard (metric, definition, target,
 * green and red thresholds, owner), constraints and risk appetite, the first 90
 * days (week 1–13, milestone, owner, due), the risks (likelihood, impact,
 * mitigation, owner, trigger; likelihood and impact as percents, or as "4 of 5"
 * on a register's scale), then decisions and asks. Rows without their name are
 * left out. Fails only on a number the contract refuses: a fraction above 1
 * (with the percent rule's fix), a week outside 1–13, a score outside its
 * scale, a number outside ±1e15.
 */
export function executiveBrief(data: BriefData): string {
  const out: string[] = [];
  const title = plainText(data.title ?? "") ? markdownText(data.title, BriefLimits.name) : "Executive decision brief";
  out.push(
    `# ${title}`,
    "",
    `For the board and the leadership team${data.asOf ? `, as of ${isoDay(data.asOf)}` : ""}.`,
  );
  out.push("", "## The path", "", ...pathSection(data.path));

  const metrics = (data.scorecard ?? []).filter(m => plainText(m.metric ?? ""));
  out.push("", "## Success scorecard", "");
  if (!metrics.length) out.push("No success metrics defined yet.");
  else {
    const rows = metrics
      .slice(0, BriefLimits.scorecard)
      .map(m => [
        name(m.metric),
        cell(markdownText(m.definition)),
        value(`Target of ${quote(m.metric)}`, m.target),
        value(`The green threshold of ${quote(m.metric)}`, m.greenAt),
        value(`The red threshold of ${quote(m.metric)}`, m.redAt),
        cell(name(m.owner)),
      ]);
    out.push(
      ...table(["Metric", "Definition", "Target", "Green at", "Red at", "Owner"], rows, metrics.length - rows.length),
    );
  }

  const constraints = (data.constraints ?? []).filter(c => plainText(c ?? ""));
  const appetite = plainText(data.riskAppetite ?? "");
  out.push("", "## Constraints and risk appetite", "");
  if (!constraints.length && !appetite) out.push("No constraints or risk appetite recorded yet.");
  else {
    out.push(...capped(constraints, BriefLimits.constraints, c => markdownText(c)));
    out.push(
      ...(constraints.length ? [""] : []),
      `**Risk appetite:** ${appetite ? markdownText(appetite) : "not stated."}`,
    );
  }

  const plan = (data.plan ?? []).filter(m => plainText(m.milestone ?? ""));
  out.push("", "## The first 90 days", "");
  if (!plan.length) out.push("No 90-day milestones yet.");
  else {
    const rows = plan
      .slice(0, BriefLimits.plan)
      .map(m => [
        isBlank(m.week) ? "—" : String(count(`Week of ${quote(m.milestone)}`, m.week, 1, 13)),
        name(m.milestone),
        cell(name(m.owner)),
        m.due ? isoDay(m.due) : "—",
      ]);
    out.push(...table(["Week", "Milestone", "Owner", "Due"], rows, plan.length - rows.length));
  }

  const risks = (data.risks ?? []).filter(r => plainText(r.risk ?? ""));
  out.push("", "## Risks", "");
  if (!risks.length) out.push("No risks recorded yet.");
  else {
    const rows = risks
      .slice(0, BriefLimits.risks)
      .map(r => [
        name(r.risk),
        level(`Probability of ${quote(r.risk)}`, r.probability, r.outOf),
        level(`Impact of ${quote(r.risk)}`, r.impact, r.outOf),
        cell(markdownText(r.mitigation)),
        cell(name(r.owner)),
        cell(markdownText(r.trigger)),
      ]);
    out.push(
      ...table(["Risk", "Likelihood", "Impact", "Mitigation", "Owner", "Trigger"], rows, risks.length - rows.length),
    );
  }

  const decisions = (data.decisions ?? []).filter(d => plainText(d.decision ?? ""));
  const asks = (data.asks ?? []).filter(a => plainText(a.ask ?? ""));
  out.push("", "## Decisions and asks", "");
  if (!decisions.length && !asks.length) out.push("No decisions or asks recorded.");
  else {
    if (decisions.length) {
      const owner = (d: {owner?: Maybe<string>}) => (plainText(d.owner ?? "") ? ` — ${name(d.owner)}` : "");
      out.push(
        "**Decisions:**",
        "",
        ...capped(decisions, BriefLimits.decisions, d => markdownText(d.decision) + owner(d)),
      );
    }
    if (asks.length) {
      const of = (a: {of?: Maybe<string>}) => (plainText(a.of ?? "") ? ` (of ${name(a.of)})` : "");
      out.push(
        ...(decisions.length ? [""] : []),
        "**Asks:**",
        "",
        ...capped(asks, BriefLimits.asks, a => markdownText(a.ask) + of(a)),
      );
    }
  }
  return out.join("\n") + "\n";
}

/**
 * The brief's path from a path decision: the chosen option (by name, case and
 * spacing aside; the top-ranked one when none is named) with its scores, and
 * every other option as a rejected alternative with its own, in rank order;
 * undefined when `chosen` names no option.
 */
export function briefPath(
  decision: PathDecision,
  chosen?: Maybe<string>,
  rationale?: Maybe<string>,
  owner?: Maybe<string>,
): BriefPath | undefined {
  const pick =
    decision.options.find(o => normalize(o.name) === normalize(chosen ?? "")) ??
    (plainText(chosen ?? "") ? undefined : decision.options[0]);
  if (!pick) return undefined;
  const asOption = (o: PathDecision["options"][number]): BriefOption => ({
    name: o.name,
    pathway: o.pathway,
    score: o.weighted,
    riskAdjusted: o.riskAdjusted,
  });
  return {
    chosen: asOption(pick),
    rationale,
    owner,
    alternatives: decision.options.filter(o => o !== pick).map(asOption),
  };
}
