import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {fraction, isBlank, list, number, plainText, quote, show, weight} from "./contract";
import {fail, isInputError} from "./errors";
import {nearestName} from "./names";
import {tidy} from "./numbers";

/**
 * Choosing the path (executive session 3): each option is scored on each
 * criterion, the scores are weighed, execution risks discount them, the options
 * are ranked, and the sensitivity says how far one weight would have to move to
 * change the choice.
 *
 * Rules, in order:
 *
 * 1. Scores run from 1 to 5 (the Scale). A criterion where higher is better
 *    reads a score s as (s − 1) ÷ 4; one where lower is better (cost, risk, time)
 *    as (5 − s) ÷ 4. Both give 0 (worst) to 1 (best) within the scale, so an
 *    option's value never depends on which other options are on the table. A
 *    missing score counts as the worst (0), so leaving a cell blank never helps
 *    an option; the findings name it.
 * 2. Weights follow the input contract: 0 to 1e15, relative, blank counts as 1,
 *    negative refused, at least one above 0. They are divided by their sum.
 * 3. Weighted score W = Σ wᵢ·uᵢ ÷ Σ wᵢ, from 0 to 1.
 * 4. Execution risks: each has a probability p and an impact m, the share of the
 *    option's value lost if it happens, both fractions 0 to 1 by the percent rule
 *    (35 is refused; give 0.35). The risks are taken as independent, each taking
 *    its share of the value that remains, so the expected share kept is
 *    F = Π (1 − p·m) and the risk-adjusted score is A = W × F. Risk load = 1 − F.
 * 5. Options rank by A, highest first; equal scores go by name (case ignored,
 *    in code-point order).
 * 6. Sensitivity: the smallest change of one criterion's weight, all others
 *    held, after which another option ranks first (see `sensitivity`).
 */

/** Scores run from 1 to 5. */
export const Scale = {low: 1, high: 5} as const;

export const Pathways = ["Transform in place", "Parallel model", "Outsource", "Hybrid"] as const;
export type Pathway = (typeof Pathways)[number];

/**
 * The pathway a text names, case, spacing and punctuation aside: any mention of
 * hybrid or mixed, outsourcing or a partner, a parallel or new model, or
 * transforming in place; undefined otherwise.
 */
export function parsePathway(text: Maybe<string>): Pathway | undefined {
  const key = normalize(text ?? "");
  if (!key) return undefined;
  if (/hybrid|mixed|blend/.test(key)) return "Hybrid";
  if (/outsourc|vendor|partner/.test(key)) return "Outsource";
  if (/parallel|newmodel|greenfield|separate/.test(key)) return "Parallel model";
  if (/transform|inplace|inhouse|currentstate/.test(key)) return "Transform in place";
  return undefined;
}

export type Better = "Higher" | "Lower";

/** Which way a criterion is better, from a word (higher, more, max, ↑ / lower, less, min, ↓); blank gives `fallback`. */
export function parseBetter(text: Maybe<string>, fallback: Better = "Higher"): Better {
  const raw = (text ?? "").trim();
  if (!raw) return fallback;
  if (/^[↑▲+]$/.test(raw)) return "Higher";
  if (/^[↓▼-]$/.test(raw)) return "Lower";
  const key = normalize(raw);
  if (/^(higher|high|more|max|maximi[sz]e|up|higherisbetter|morebetter)$/.test(key)) return "Higher";
  if (/^(lower|low|less|min|minimi[sz]e|down|lowerisbetter|lessbetter)$/.test(key)) return "Lower";
  return fail(`Better ${quote(text)} is not a direction: write Higher or Lower.`);
}

export interface Criterion {
  name: string;
  /** The weight as given (blank counts as 1). */
  weight: number;
  better: Better;
}

/**
 * The session's six criteria with their usual weights (relative, summing to
 * 100) and directions. Time, cost and risk are scored as amounts of something
 * unwelcome, so lower is better there.
 */
export const DefaultCriteria: readonly Criterion[] = [
  {name: "Time to impact (90/180/365 days)", weight: 20, better: "Lower"},
  {name: "Total cost and margin impact", weight: 20, better: "Lower"},
  {name: "Durability of capability transfer", weight: 15, better: "Higher"},
  {name: "Execution risk and blast radius", weight: 20, better: "Lower"},
  {name: "Talent model viability", weight: 10, better: "Higher"},
  {name: "Governance and compliance fit", weight: 15, better: "Higher"},
];

export interface OptionInput {
  name: string;
  pathway?: Maybe<string>;
}

export interface CriterionInput {
  name: string;
  weight?: Maybe<number>;
  better?: Maybe<string>;
}

export interface ScoreInput {
  option: string;
  criterion: string;
  score: Maybe<number>;
}

export interface RiskInput {
  option: string;
  risk: string;
  probability: Maybe<number>;
  impact: Maybe<number>;
}

export interface PathDecisionInput {
  options: readonly OptionInput[];
  /** Empty or left out: DefaultCriteria. */
  criteria?: readonly CriterionInput[];
  scores: readonly ScoreInput[];
  risks?: readonly RiskInput[];
  /** The option the session chose, by name. */
  chosen?: Maybe<string>;
  rationale?: Maybe<string>;
  /** False while the session is still ahead: then no decision is expected yet. */
  held?: boolean;
}

export interface OptionResult {
  name: string;
  pathway?: Pathway;
  /** The score given on each criterion, in the criteria's order; undefined when missing. */
  scores: Array<number | undefined>;
  /** The criteria it has no score on. */
  missing: string[];
  /** Weighted score W, 0 to 1. */
  weighted: number;
  /** 1 − Π(1 − p·m), 0 to 1. */
  riskLoad: number;
  /** A = W × (1 − risk load), 0 to 1. */
  riskAdjusted: number;
  /** 1 for the best. */
  rank: number;
}

export interface Sensitivity {
  /** The criterion whose weight moves, or undefined when no single weight change flips the choice. */
  criterion?: string;
  /** The option that then ranks first. */
  challenger?: string;
  /** The weight now and the weight at which the two tie; past it the challenger leads. */
  from?: number;
  to?: number;
  /** to − from, in the weights' own units. */
  change?: number;
  /** |change| ÷ from, a fraction; undefined when the weight is 0 now. */
  share?: number;
  words: string;
}

export interface PathDecision {
  criteria: Criterion[];
  /** Options best first. */
  options: OptionResult[];
  top?: string;
  runnerUp?: string;
  sensitivity: Sensitivity;
}

interface Parsed {
  criteria: Criterion[];
  options: Array<{name: string; pathway?: Pathway; pathwayText: string}>;
  /** scores[o][c] */
  scores: Array<Array<number | undefined>>;
  /** Π(1 − p·m) per option. */
  kept: number[];
  problems: string[];
}

const key = (name: string) => normalize(name);
const byName = (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0);

function indexOf(names: readonly string[], what: string): Map<string, number> {
  const out = new Map<string, number>();
  names.forEach((n, i) => {
    if (out.has(key(n))) fail(`${what} ${quote(n)} is listed twice: give each ${what.toLowerCase()} its own name.`);
    out.set(key(n), i);
  });
  return out;
}

function unknown(what: string, name: string, names: readonly string[]): string {
  const near = nearestName(name, names);
  return `${what} ${quote(name)} is not one of the ${what.toLowerCase()}s${near ? `; did you mean ${quote(near)}?` : ": check its name."}`;
}

function parse(input: PathDecisionInput): Parsed {
  const problems: string[] = [];
  const given = list("criteria", input.criteria ?? []).filter(c => key(c.name ?? ""));
  const defaults = new Map(DefaultCriteria.map(c => [key(c.name), c]));
  const criteria: Criterion[] = given.length
    ? given.map(c => ({
        name: plainText(c.name),
        weight: weight(`Weight of ${quote(c.name)}`, c.weight),
        better: parseBetter(c.better, defaults.get(key(c.name))?.better),
      }))
    : DefaultCriteria.map(c => ({...c}));
  const options = list("options", input.options)
    .filter(o => key(o.name ?? ""))
    .map(o => ({name: plainText(o.name), pathwayText: plainText(o.pathway ?? ""), pathway: parsePathway(o.pathway)}));
  const optionNames = options.map(o => o.name);
  const criterionNames = criteria.map(c => c.name);
  const optionAt = indexOf(optionNames, "Option");
  const criterionAt = indexOf(criterionNames, "Criterion");
  const scores = options.map(() => criteria.map((): number | undefined => undefined));
  for (const s of list("scores", input.scores)) {
    if (!key(s.option ?? "") || !key(s.criterion ?? "")) continue;
    const o = optionAt.get(key(s.option));
    const c = criterionAt.get(key(s.criterion));
    if (o === undefined) {
      problems.push(unknown("Option", s.option, optionNames));
    } else if (c === undefined) {
      problems.push(unknown("Criterion", s.criterion, criterionNames));
    } else if (!isBlank(s.score)) {
      const v = number(`The score of ${quote(s.option)} on ${quote(s.criterion)}`, s.score);
      if (v < Scale.low || v > Scale.high) {
        fail(
          `The score of ${quote(s.option)} on ${quote(s.criterion)} is ${show(v)}: scores run from ${Scale.low} to ${Scale.high}.`,
        );
      }
      if (scores[o][c] !== undefined) {
        problems.push(
          `${quote(options[o].name)} is scored twice on ${quote(criteria[c].name)}: the later score counts; delete the other.`,
        );
      }
      scores[o][c] = v;
    }
  }
  const kept = options.map(() => 1);
  for (const r of list("risks", input.risks ?? [])) {
    if (!key(r.option ?? "")) continue;
    const o = optionAt.get(key(r.option));
    if (o === undefined) {
      problems.push(unknown("Option", r.option, optionNames));
      continue;
    }
    const p = fraction(`Probability of ${quote(r.risk)}`, r.probability);
    const m = fraction(`Impact of ${quote(r.risk)}`, r.impact);
    kept[o] *= 1 - p * m;
  }
  return {criteria, options, scores, kept, problems};
}

/** A score within the scale as 0 (worst) to 1 (best); a missing score is the worst. */
function utility(s: number | undefined, better: Better): number {
  if (s === undefined) return 0;
  return better === "Higher" ? (s - Scale.low) / (Scale.high - Scale.low) : (Scale.high - s) / (Scale.high - Scale.low);
}

/** Weights divided by their sum (scaled by the largest first, so no sum overflows or underflows). */
function shares(criteria: readonly Criterion[]): {p: number[]; total: number} {
  const largest = criteria.reduce((m, c) => Math.max(m, c.weight), 0);
  if (!(largest > 0)) fail("Every criterion weighs 0: give at least one criterion a weight above 0.");
  const scaled = criteria.map(c => c.weight / largest);
  const sum = scaled.reduce((a, b) => a + b, 0);
  return {p: scaled.map(w => w / sum), total: sum * largest};
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The smallest change of one weight that changes the choice, solved exactly.
 * With shares pᵢ (summing to 1), uᵢ and F per option, the lead of the top
 * option T over another option o is D = Σ pᵢ·dᵢ, where dᵢ = F_T·u_Tᵢ − F_o·u_oᵢ.
 * Moving criterion k's share by δ, all other weights held, and dividing by the
 * new sum 1 + δ gives D(δ) = (D + δ·d_k) ÷ (1 + δ), which changes sign once, at
 * δ = −D ÷ d_k: raising k's weight when o beats T on k (d_k < 0), lowering it
 * when T beats o on k (d_k > 0). A lowered weight must pass the tie while still
 * above 0, or reach it at exactly 0 when o's name goes first (the tie is
 * o's then); some weight must remain. The answer is the smallest |δ| over every
 * other option (not only the runner-up: whichever ties first) and every
 * criterion, in the weights' own units (δ × Σ weights): the criterion, the
 * option that then ranks first, the weight now and the weight at which the two
 * tie, the change, and the change as a share of the weight now. Equal changes go
 * to the first criterion listed, then to the better-ranked option. Scores are
 * compared to 1e-10, as they are reported, so a change within that of the tie
 * may leave the order as it was, and a criterion on which two options differ by
 * less than that cannot part them. Without any such change: "No single weight
 * change flips it".
 */
function sensitivity(c: Computed): Sensitivity {
  const {criteria, results, order, u, kept, p, total} = c;
  if (results.length < 2) {
    return {words: results.length ? "Only one option: there is no choice to flip." : "No options yet."};
  }
  const t = order[0];
  const d = (o: number, i: number) => kept[t] * u[t][i] - kept[o] * u[o][i];
  let best: {k: number; o: number; delta: number} | undefined;
  for (const o of order.slice(1)) {
    let lead = 0;
    for (let i = 0; i < criteria.length; i++) lead += p[i] * d(o, i);
    if (results[o].riskAdjusted === results[t].riskAdjusted) lead = 0;
    lead = Math.max(0, lead);
    const nameFirst = byName(results[o].name, results[t].name) < 0;
    for (let k = 0; k < criteria.length; k++) {
      const dk = d(o, k);
      // A difference below the scores' reported precision moves no reported score, whatever the weight.
      if (tidy(dk) === 0) continue;
      let delta = -lead / dk;
      if (dk > 0) {
        // Lowering a weight: some weight must stay, and the tie must be passed above 0, or reached at 0 by an option whose name goes first.
        const left = p[k] + delta;
        if (Math.abs(left) <= ZeroShare && nameFirst) delta = -p[k];
        else if (!(left > ZeroShare)) continue;
        if (!(1 + delta > ZeroShare)) continue;
      }
      if (!best || Math.abs(delta) < Math.abs(best.delta)) best = {k, o, delta};
    }
  }
  const top = results[t].name;
  if (!best) {
    return {words: `No single weight change flips it: ${quote(top)} stays first with every weight at 0 or above.`};
  }
  const criterion = criteria[best.k];
  const challenger = results[best.o].name;
  const raise = d(best.o, best.k) < 0;
  const from = criterion.weight;
  const toZero = best.delta === -p[best.k];
  const change = toZero ? -from : tidy(best.delta * total);
  const to = toZero ? 0 : Math.max(0, tidy(from + change));
  const share = from > 0 ? tidy(Math.abs(change) / from) : undefined;
  const sign = raise ? "+" : "−";
  // Weights in words to 4 significant digits; the exact figures are in the fields.
  const w = (n: number) => String(Number(n.toPrecision(4)));
  const sized = `${sign}${w(Math.abs(change))}${share === undefined ? "" : `, ${sign}${percent(share)}`}`;
  const [T, O, C] = [quote(top), quote(challenger), quote(criterion.name)];
  const moving = `${raise ? "Raising" : "Lowering"} the weight of ${C} from ${w(from)} to ${w(to)} (${sized}) ties ${T} with ${O}`;
  const text =
    change === 0
      ? `${T} and ${O} tie, and the name decides: any ${raise ? "rise" : "cut"} in the weight of ${C} puts ${O} first.`
      : toZero
        ? `${moving}, and the tie goes to ${O} by name.`
        : `${moving}; past that, ${O} ranks first.`;
  return {criterion: criterion.name, challenger, from, to, change, share, words: text};
}

/**
 * Scores, risk-adjusts and ranks the options (rules at the top of this file),
 * with the sensitivity of the choice. Blank rows (no name) are left out. Fails
 * on a score outside 1–5, a probability or impact outside 0–1 (with the percent
 * rule's fix), a negative weight, every weight 0, or an option or criterion
 * listed twice. Scores or risks naming no option or criterion are left out; the
 * findings name them.
 */
export function pathDecision(input: PathDecisionInput): PathDecision {
  return decide(parse(input));
}

/** Shares closer to 0 than this count as 0. */
const ZeroShare = 1e-12;

interface Computed {
  criteria: Criterion[];
  /** In the options' order. */
  results: OptionResult[];
  /** Indexes into results, best first. */
  order: number[];
  u: number[][];
  kept: number[];
  p: number[];
  total: number;
}

function decide(parsed: Parsed): PathDecision {
  const {criteria, options, scores, kept} = parsed;
  const {p, total} = shares(criteria);
  const u = scores.map(row => row.map((s, i) => utility(s, criteria[i].better)));
  const results = options.map((o, i): OptionResult => {
    let weighted = 0;
    for (let c = 0; c < criteria.length; c++) weighted += p[c] * u[i][c];
    return {
      name: o.name,
      pathway: o.pathway,
      scores: scores[i],
      missing: criteria.filter((_, c) => scores[i][c] === undefined).map(c => c.name),
      weighted: tidy(weighted),
      riskLoad: tidy(1 - kept[i]),
      riskAdjusted: tidy(weighted * kept[i]),
      rank: 0,
    };
  });
  // Scores are compared as reported (to 1e-10), so equal scores are equal and go by name.
  const order = results
    .map((_, i) => i)
    .sort((a, b) => results[b].riskAdjusted - results[a].riskAdjusted || byName(results[a].name, results[b].name));
  order.forEach((i, r) => (results[i].rank = r + 1));
  const ranked = order.map(i => results[i]);
  const s = sensitivity({criteria, results, order, u, kept, p, total});
  return {criteria, options: ranked, top: ranked[0]?.name, runnerUp: ranked[1]?.name, sensitivity: s};
}

/** At most this many criteria are named in one finding. */
const Named = 3;

const some = (names: readonly string[]) =>
  names.length > Named
    ? `${names
        .slice(0, Named)
        .map(n => quote(n))
        .join(", ")} and ${names.length - Named} more`
    : names.map(n => quote(n)).join(", ");

/**
 * What the session still has to settle, in words: scores or risks naming no
 * option or criterion, a score given twice, an option missing scores (each
 * counts as the worst), a pathway that names none of the four, every weight 0,
 * a chosen option that is not an option, an option chosen below the top of its
 * own ranking with no rationale recorded, and a held session with no decision.
 * A value the contract refuses is reported here as its message rather than
 * thrown.
 */
export function pathDecisionFindings(input: PathDecisionInput): string[] {
  let parsed: Parsed;
  try {
    parsed = parse(input);
  } catch (e) {
    if (isInputError(e)) return [e.message];
    throw e;
  }
  const out = [...parsed.problems];
  for (const o of parsed.options) {
    if (o.pathwayText && !o.pathway) {
      out.push(`The pathway of ${quote(o.name)}, ${quote(o.pathwayText)}, is not one of: ${Pathways.join(", ")}.`);
    }
  }
  parsed.options.forEach((o, i) => {
    const missing = parsed.criteria.filter((_, c) => parsed.scores[i][c] === undefined).map(c => c.name);
    if (missing.length) {
      out.push(
        `${quote(o.name)} has no score on ${some(missing)}: score it ${Scale.low} to ${Scale.high} (a missing score counts as the worst).`,
      );
    }
  });
  if (!parsed.criteria.some(c => c.weight > 0)) {
    out.push("Every criterion weighs 0: give at least one criterion a weight above 0.");
    return out;
  }
  const result = decide(parsed);
  const chosen = plainText(input.chosen ?? "");
  if (!chosen) {
    if (input.held !== false && result.options.length) {
      out.push("No path chosen: the session ends with a decision. Record the chosen option.");
    }
    return out;
  }
  const pick = result.options.find(o => key(o.name) === key(chosen));
  if (!pick) {
    out.push(
      unknown(
        "Option",
        chosen,
        result.options.map(o => o.name),
      ).replace(/^Option/, "The chosen option"),
    );
  } else if (pick.rank > 1 && !plainText(input.rationale ?? "")) {
    out.push(
      `${quote(pick.name)} was chosen though it ranks ${pick.rank} of ${result.options.length}, behind ${quote(result.top)}: record the rationale.`,
    );
  }
  return out;
}
