import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../api/client";
import type {PathOptionSchema} from "../../schemas/decision";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {ColumnInfo, FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import {fraction, quote, show, someOf, weight as contractWeight} from "../engine/contract";
import {isInputError} from "../engine/errors";
import type {CriterionInput, PathDecision, PathDecisionInput, RiskInput, ScoreInput} from "../engine/path_decision";
import {
  DefaultCriteria,
  parseBetter,
  parsePathway,
  pathDecision,
  pathDecisionFindings,
  Scale,
} from "../engine/path_decision";
import {mentionAt, nearestName} from "../engine/names";
import {isDecisionSession} from "../engine/sessions";
import type {DecisionRow} from "./meeting_rows";
import {decisionRows} from "./meeting_rows";
import {recordDecision} from "./meeting_writes";
import type {SourceTable, TableRows} from "./source";
import {cell, compact, readOptionalTable, readTable, relaxed, stableId} from "./source";
import {
  CriterionFields,
  DecisionFields,
  MeetingTables,
  OptionFields,
  PathTables,
  SessionFields,
  SessionTables,
} from "./tables";

/**
 * The decision session's options (executive session 3), read from the meeting
 * doc's Options table, weighed on the Criteria table's criteria (the engine's
 * six when the doc has none), with the choice the decision log records and the
 * session the Sessions table says must end with one. Scores are read from one
 * column per criterion, named as the criterion. A cell the engine would refuse
 * (a score outside 1–5, a whole-number percent for a probability) is reported on
 * its row and left out of the weighing, so one typo never stops the table.
 */

export type PathOptionRow = coda.SchemaType<typeof PathOptionSchema>;

type OptionField = FieldName<typeof OptionFields>;
type CriterionField = FieldName<typeof CriterionFields>;

export interface PathSources {
  options: SourceTable<OptionField>;
  criteria?: SourceTable<CriterionField>;
  decisions?: TableRows<FieldName<typeof DecisionFields>>;
  sessions?: TableRows<FieldName<typeof SessionFields>>;
}

export async function readPathSources(
  context: coda.ExecutionContext,
  docId: string,
  options: {table?: string; columns?: string} = {},
): Promise<PathSources> {
  const [table, criteria, decisions, sessions] = await Promise.all([
    readTable(context, docId, options.table || PathTables.options, OptionFields, {columns: options.columns}),
    readOptionalTable(context, docId, PathTables.criteria, CriterionFields),
    readOptionalTable(context, docId, MeetingTables.decisions, relaxed(DecisionFields)),
    readOptionalTable(context, docId, SessionTables.sessions, relaxed(SessionFields)),
  ]);
  return {
    options: table,
    criteria,
    decisions: decisions?.map.Name ? decisions : undefined,
    sessions: sessions?.map.Name && sessions.map.Date ? sessions : undefined,
  };
}

/** A percent as the pack prints a fraction in words: Math.round(x × 100) %. */
export const percentWords = (x: number) => `${Math.round(x * 100)}%`;

interface CriterionLine {
  name: string;
  weight?: number;
  better: string;
}

/** The criteria from the Criteria table, each usable one once; what cannot be used is said. */
function readCriteria(t: SourceTable<CriterionField> | undefined, problems: string[]): CriterionLine[] | undefined {
  if (!t) return undefined;
  const out: CriterionLine[] = [];
  const seen = new Set<string>();
  const defaults = new Map(DefaultCriteria.map(c => [normalize(c.name), c.better]));
  for (const r of t.rows) {
    const name = cells.text(cell(r, t.map, "Name")) || cells.text(r.name);
    if (!normalize(name)) continue;
    if (seen.has(normalize(name))) {
      problems.push(`Criterion ${quote(name)} is listed twice in ${t.name}: the first counts; delete the other.`);
      continue;
    }
    seen.add(normalize(name));
    const read = cells.number(cell(r, t.map, "Weight"), `The weight of ${quote(name)}`);
    let weight = read.value;
    if (read.problem) {
      problems.push(`${read.problem} ${quote(name)} is left out of the weighing until it is fixed.`);
      continue;
    }
    try {
      weight = contractWeight(`The weight of ${quote(name)}`, weight);
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems.push(`${error.message} ${quote(name)} is left out of the weighing until it is fixed.`);
      continue;
    }
    const typed = cells.text(cell(r, t.map, "Better"));
    let better: string = defaults.get(normalize(name)) ?? "Higher";
    try {
      better = parseBetter(typed, better as "Higher" | "Lower");
    } catch (error) {
      if (!isInputError(error)) throw error;
      problems.push(`${error.message} ${better} is assumed for ${quote(name)}.`);
    }
    out.push({name, weight, better});
  }
  return out.length ? out : undefined;
}

/** Columns that are the option's own fields, not scores. */
const ownFields: readonly OptionField[] = ["Name", "Pathway", "RiskProbability", "RiskImpact", "Notes"];

/**
 * The column holding each criterion's scores: the column named as the
 * criterion (case, spacing and punctuation aside), else the one column whose
 * name starts the criterion's name or is started by it (such as "Time to
 * impact" for "Time to impact (90/180/365 days)").
 */
function scoreColumns(
  columns: readonly ColumnInfo[],
  taken: ReadonlySet<string>,
  criteria: readonly string[],
): Array<ColumnInfo | undefined> {
  const free = columns.filter(c => !taken.has(c.name) && normalize(c.name) && normalize(c.name) !== "key");
  const used = new Set<string>();
  const out = criteria.map(name => {
    const exact = free.find(c => normalize(c.name) === normalize(name));
    if (exact) used.add(exact.name);
    return exact;
  });
  criteria.forEach((name, i) => {
    if (out[i]) return;
    const key = normalize(name);
    const near = free.filter(c => {
      const k = normalize(c.name);
      return !used.has(c.name) && k.length >= 4 && (key.startsWith(k) || k.startsWith(key));
    });
    if (near.length === 1) {
      out[i] = near[0];
      used.add(near[0].name);
    }
  });
  return out;
}

interface OptionLine {
  rowIndex: number;
  name: string;
  pathwayText: string;
  notes: string;
  scores: Array<number | undefined>;
  probability?: number;
  impact?: number;
  problems: string[];
  /** Another row of the same name came first: this one is not weighed. */
  duplicate: boolean;
}

/** A fraction cell (a Percent column, or text such as 35%), or a problem in the percent rule's words. */
function share(value: unknown, column: string, problems: string[]): number | undefined {
  const read = cells.number(value, column);
  if (read.problem) {
    problems.push(read.problem);
    return undefined;
  }
  if (read.value === undefined) return undefined;
  try {
    return fraction(column, read.value);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/**
 * The chosen option: the latest decision on or before `asOf` that records a
 * choice. While the log holds a decision in ChoosePath's words ("Chosen path:
 * Hybrid"), only those count, so running ChoosePath again is how the path
 * changes; a log written by hand counts the latest decision that names an
 * option in whole words ("Take the hybrid path").
 */
export interface Choice {
  option: number;
  decision: DecisionRow;
  ownerName?: string;
}

function findChoice(
  names: readonly string[],
  decisions: TableRows<FieldName<typeof DecisionFields>> | undefined,
  asOf: Day,
  timezone?: string,
): Choice | undefined {
  if (!decisions) return undefined;
  const last = isoDay(asOf);
  const keys = names.map(n => normalize(n));
  const own = normalize(choiceWords(""));
  const candidates = decisionRows(decisions, asOf, {}, timezone)
    .map((d, at) => ({d, at, day: d.Date === undefined ? undefined : String(d.Date), key: normalize(d.Name)}))
    .filter(c => !c.day || c.day <= last);
  const recorded = candidates.filter(c => c.key.startsWith(own));
  let best: {option: number; d: DecisionRow; at: number; day?: string} | undefined;
  for (const c of recorded.length ? recorded : candidates) {
    let option = recorded.length ? keys.indexOf(c.key.slice(own.length)) : -1;
    if (!recorded.length) {
      let first = Infinity;
      names.forEach((name, i) => {
        const where = mentionAt(c.d.Name, name);
        // The earliest name wins; at the same place, the longer name ("Hybrid model" over "Hybrid").
        if (where >= 0 && (where < first || (where === first && keys[i].length > keys[option].length))) {
          option = i;
          first = where;
        }
      });
    }
    if (option < 0 || (best && (best.day ?? "") > (c.day ?? ""))) continue;
    best = {option, d: c.d, at: c.at, day: c.day};
  }
  if (!best) return undefined;
  const owner = cells.people(cell(decisions.rows[best.at], decisions.map, "Owner"))[0];
  return {option: best.option, decision: best.d, ownerName: owner?.name || owner?.email || undefined};
}

/** The days of the sessions the Sessions table marks as decision sessions. */
function decisionDays(sessions: TableRows<FieldName<typeof SessionFields>> | undefined, timezone?: string): Day[] {
  return (sessions?.rows ?? []).flatMap(r => {
    const name = cells.text(cell(r, sessions!.map, "Name")) || cells.text(r.name);
    const kind = cells.text(cell(r, sessions!.map, "Kind"));
    const date = cells.date(cell(r, sessions!.map, "Date"), "Date", timezone).value;
    return isDecisionSession({name, kind}) && date ? [date] : [];
  });
}

/**
 * Whether the decision session has been held by `asOf`: true when a session the
 * Sessions table marks as a decision session is on or before it, false when
 * every such session is still ahead, undefined when the doc names none.
 */
function decisionHeld(days: readonly Day[], asOf: Day): boolean | undefined {
  if (!days.length) return undefined;
  return days.some(d => daysBetween(d, asOf) >= 0);
}

/** What the rows are built from, kept for the brief and for ChoosePath. */
export interface PathResult {
  rows: PathOptionRow[];
  decision?: PathDecision;
  choice?: Choice;
}

/**
 * The PathDecision rows: one per option, best first (rows that cannot be
 * weighed last), with the sensitivity on the top option's row and the
 * findings on the row they concern; findings about the whole table go on the
 * top row.
 */
export function pathRows(s: PathSources, asOf: Day, timezone?: string): PathResult {
  const {options: t} = s;
  const tableProblems: string[] = [];
  const criteria = readCriteria(s.criteria, tableProblems);
  const names = (criteria ?? DefaultCriteria).map(c => c.name);
  const taken = new Set(ownFields.flatMap(f => (t.map[f] ? [t.map[f]!.name] : [])));
  const columns = scoreColumns(t.columns, taken, names);
  const missingColumns = names.filter((_, i) => !columns[i]);

  const seen = new Set<string>();
  const lines: OptionLine[] = t.rows.map((r, rowIndex) => {
    const problems: string[] = [];
    const name = cells.text(cell(r, t.map, "Name")) || cells.text(r.name);
    const duplicate = Boolean(normalize(name)) && seen.has(normalize(name));
    if (normalize(name)) seen.add(normalize(name));
    if (!normalize(name)) problems.push("The option is blank: name it, or delete the row.");
    if (duplicate) problems.push(`${quote(name)} is listed twice: only the first row is weighed; delete this one.`);
    const scores = columns.map((c, i) => {
      if (!c) return undefined;
      const read = cells.number(r.values[c.name], c.name);
      if (read.problem) problems.push(read.problem);
      const v = read.value;
      if (v === undefined) return undefined;
      if (v < Scale.low || v > Scale.high) {
        problems.push(
          `${quote(names[i])} is scored ${show(v)}: scores run from ${Scale.low} to ${Scale.high}; it counts as missing until fixed.`,
        );
        return undefined;
      }
      return v;
    });
    const risk: string[] = [];
    const probability = share(cell(r, t.map, "RiskProbability"), "Risk Probability", risk);
    const impact = share(cell(r, t.map, "RiskImpact"), "Risk Impact", risk);
    if (!risk.length && (probability === undefined) !== (impact === undefined)) {
      risk.push(
        `${probability === undefined ? "Risk Probability" : "Risk Impact"} is blank: give the execution risk both its probability and its impact, or neither.`,
      );
    }
    problems.push(...risk);
    return {
      rowIndex,
      name,
      pathwayText: cells.text(cell(r, t.map, "Pathway")),
      notes: cells.text(cell(r, t.map, "Notes")),
      scores,
      probability: risk.length ? undefined : probability,
      impact: risk.length ? undefined : impact,
      problems,
      duplicate,
    };
  });
  const weighed = lines.filter(o => normalize(o.name) && !o.duplicate);
  const sessionDays = decisionDays(s.sessions, timezone);
  const choice = findChoice(
    weighed.map(o => o.name),
    s.decisions,
    asOf,
    timezone,
  );
  const chosen = choice ? weighed[choice.option] : undefined;

  if (missingColumns.length) {
    tableProblems.push(
      `${t.name} has no column for ${missingColumns.map(n => quote(n)).join(", ")}: add a column of 1–5 scores named as each criterion.`,
    );
  }
  const stray = t.columns.filter(
    c =>
      !taken.has(c.name) &&
      !columns.includes(c) &&
      normalize(c.name) !== "key" &&
      t.rows.some(r => !cells.isEmpty(r.values[c.name])) &&
      t.rows.every(
        r => cells.isEmpty(r.values[c.name]) || cells.number(r.values[c.name], c.name).problem === undefined,
      ),
  );
  if (stray.length) {
    tableProblems.push(
      `${stray.map(c => quote(c.name)).join(", ")} in ${t.name} ${stray.length > 1 ? "name" : "names"} no criterion: ${s.criteria ? `add ${stray.length > 1 ? "them" : "it"} to ${s.criteria.name}` : `add a ${PathTables.criteria} table naming ${stray.length > 1 ? "them" : "it"} with ${stray.length > 1 ? "their weights" : "its weight"}`}, or name the column as a criterion.`,
    );
  }

  const scoreInputs: ScoreInput[] = weighed.flatMap(o =>
    names.map((criterion, i) => ({option: o.name, criterion, score: o.scores[i]})),
  );
  const risks: RiskInput[] = weighed.flatMap(o =>
    o.probability !== undefined && o.impact !== undefined
      ? [{option: o.name, risk: `Execution risk of ${o.name}`, probability: o.probability, impact: o.impact}]
      : [],
  );
  const input: PathDecisionInput = {
    options: weighed.map(o => ({name: o.name, pathway: o.pathwayText})),
    criteria: criteria?.map((c): CriterionInput => ({name: c.name, weight: c.weight, better: c.better})),
    scores: scoreInputs,
    risks,
    chosen: chosen?.name,
    rationale: choice?.decision.Rationale,
    held: decisionHeld(sessionDays, asOf),
  };
  let decision: PathDecision | undefined;
  try {
    decision = pathDecision(input);
  } catch (error) {
    if (!isInputError(error)) throw error;
    tableProblems.push(error.message);
  }
  const findings = pathDecisionFindings(input);
  const findingsOf = new Map<OptionLine, string[]>(weighed.map(o => [o, []]));
  const general: string[] = [];
  for (const f of findings) {
    const o = weighed.find(x => f.startsWith(`${quote(x.name)} `) || f.startsWith(`The pathway of ${quote(x.name)},`));
    (o ? findingsOf.get(o)! : general).push(f);
  }
  const criteriaUsed = decision?.criteria ?? (criteria ?? DefaultCriteria).map(c => ({...c, weight: c.weight ?? 1}));
  const resultOf = (o: OptionLine) =>
    weighed.includes(o) ? decision?.options.find(r => normalize(r.name) === normalize(o.name)) : undefined;
  const top = decision?.options[0];
  const ordered = [
    ...(decision ? decision.options.map(r => weighed.find(o => normalize(o.name) === normalize(r.name))!) : weighed),
    ...lines.filter(o => !weighed.includes(o)),
  ];
  const headRow = ordered[0];
  const rows = ordered.map((o): PathOptionRow => {
    const r = t.rows[o.rowIndex];
    const result = resultOf(o);
    const isTop = Boolean(result && top && result === top);
    const isChosen = Boolean(chosen && o === chosen);
    const pathway = parsePathway(o.pathwayText) ?? (o.pathwayText || undefined);
    const scoresText = weighed.includes(o)
      ? criteriaUsed
          .map(
            (c, i) =>
              `${c.name}: ${o.scores[i] === undefined ? "no score" : show(o.scores[i]!)} (weight ${show(c.weight)}, ${c.better.toLowerCase()} is better)`,
          )
          .join("; ")
      : undefined;
    const sensitivity = isTop ? decision!.sensitivity : undefined;
    const rowFindings = [...(findingsOf.get(o) ?? []), ...(o === headRow ? general : [])];
    const problems = [...o.problems, ...(o === headRow ? tableProblems : [])];
    const name = o.name || "Unnamed option";
    const summary = result
      ? [
          `Option ${quote(name)}${pathway ? ` (${pathway})` : ""}: weighted ${percentWords(result.weighted)}, risk-adjusted ${percentWords(result.riskAdjusted)}, rank ${result.rank} of ${decision!.options.length}`,
          isChosen
            ? `; chosen${choice!.decision.Date ? ` on ${choice!.decision.Date}` : ""}${choice!.ownerName ? `, owned by ${choice!.ownerName}` : ""}`
            : "",
          ".",
          sensitivity ? ` ${sensitivity.words}` : "",
        ].join("")
      : `Option ${quote(name)}: not weighed.`;
    return compact({
      Id: stableId(t.docId, r.id),
      Name: name,
      Summary: summary,
      Pathway: pathway,
      Notes: o.notes || undefined,
      Scores: scoresText,
      Weighted: result?.weighted,
      RiskProbability: o.probability,
      RiskImpact: o.impact,
      RiskLoad: result?.riskLoad,
      RiskAdjusted: result?.riskAdjusted,
      Rank: result?.rank,
      Top: isTop,
      Chosen: isChosen,
      Decision: isChosen ? {Id: choice!.decision.Id, Name: choice!.decision.Name} : undefined,
      DecidedOn: isChosen ? choice!.decision.Date : undefined,
      Owner: isChosen ? choice!.decision.Owner : undefined,
      Rationale: isChosen ? choice!.decision.Rationale : undefined,
      Sensitivity: sensitivity?.words,
      FlipCriterion: sensitivity?.criterion,
      FlipChallenger: sensitivity?.challenger,
      FlipWeightFrom: sensitivity?.from,
      FlipWeightTo: sensitivity?.to,
      FlipChange: sensitivity?.change,
      FlipShare: sensitivity?.share,
      Findings: rowFindings.length ? rowFindings.join(" ") : undefined,
      Problems: problems.length ? problems.join(" ") : undefined,
      Link: r.browserLink,
    });
  });
  return {rows, decision, choice};
}

export async function pathDecisionRows(
  context: coda.ExecutionContext,
  a: {docId: string; table?: string; columns?: string; asOf: Day},
): Promise<PathOptionRow[]> {
  return pathRows(await readPathSources(context, a.docId, a), a.asOf, context.timezone).rows;
}

const EmailPattern = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** Workstream owners typed as "Workstream: owner email", each checked before anything is written. */
function workstreams(list: readonly string[] | undefined): string[] {
  return (list ?? [])
    .filter(x => x && x.trim())
    .map(x => {
      const at = x.indexOf(":");
      const stream = at > 0 ? x.slice(0, at).trim() : "";
      const email = at > 0 ? x.slice(at + 1).trim() : "";
      if (!stream || !EmailPattern.test(email)) {
        throw new coda.UserVisibleError(
          `Nothing was written: workstream owner ${quote(x)} is not of the form "Workstream: owner email", such as "Partner platform: tom@example.com".`,
        );
      }
      return `${stream} — ${email.toLowerCase()}`;
    });
}

/** The decision's words for a chosen option: the same words each time, so running ChoosePath again updates its row. */
export const choiceWords = (option: string) => `Chosen path: ${option}`;

/**
 * Records the session's choice in the decision log through the one decision
 * write (keyed on its words and day, so running it again updates the row it
 * made), with the other options and their scores as the rejected alternatives,
 * as the PathDecision rows show them. An option below the top of the ranking
 * needs a rationale; the top one without one gets its ranking as the rationale.
 * Nothing is written when the option, the rationale or a workstream owner is
 * wrong.
 */
export async function choosePath(
  context: coda.ExecutionContext,
  a: {
    meetingDoc: string;
    option: string;
    owner: string;
    rationale?: string;
    assumptions?: string;
    failureConditions?: string;
    workstreamOwners?: string[];
    today: Day;
  },
): Promise<DecisionRow> {
  const typed = (a.option ?? "").trim();
  if (!typed) throw new coda.UserVisibleError("The option is blank: name one of the Options table's options.");
  const docId = await resolveDocId(context, a.meetingDoc);
  const sources = await readPathSources(context, docId);
  const {rows, decision} = pathRows(sources, a.today, context.timezone);
  const named = rows.filter(r => r.Rank !== undefined || (decision === undefined && r.Name !== "Unnamed option"));
  const row = named.find(r => normalize(r.Name) === normalize(typed));
  if (!row) {
    const names = named.map(r => r.Name);
    const near = nearestName(typed, names);
    throw new coda.UserVisibleError(
      names.length
        ? `Nothing was written: ${quote(typed)} is not one of the options in ${sources.options.name}${near ? `; did you mean ${quote(near)}?` : `: ${someOf(names)}.`}`
        : `Nothing was written: ${sources.options.name} holds no options yet. Add the options with their scores first.`,
    );
  }
  const reason = (a.rationale ?? "").trim();
  const top = rows.find(r => r.Top);
  if (!reason && row !== top) {
    throw new coda.UserVisibleError(
      top
        ? `Nothing was written: ${quote(row.Name)} ranks ${row.Rank} of ${named.length}, behind ${quote(top.Name)}. Give the rationale for choosing it.`
        : `Nothing was written: the options cannot be ranked yet (see PathDecision). Give the rationale for choosing ${quote(row.Name)}.`,
    );
  }
  const others = rows.filter(r => r !== row && r.Rank !== undefined);
  const ranking =
    row.Rank !== undefined && row.RiskAdjusted !== undefined
      ? `Ranks first of ${named.length} on the risk-adjusted score (${percentWords(row.RiskAdjusted)})${others.length ? `, ahead of ${quote(others[0].Name)} (${percentWords(others[0].RiskAdjusted!)})` : ""}.`
      : "";
  const streams = workstreams(a.workstreamOwners);
  const rationale = [reason || ranking, streams.length ? `Workstream owners: ${streams.join("; ")}.` : ""]
    .filter(Boolean)
    .join(" ");
  const alternatives = others
    .map(
      r =>
        `${r.Name} (rank ${r.Rank}, score ${percentWords(r.Weighted!)}, risk-adjusted ${percentWords(r.RiskAdjusted!)})`,
    )
    .join("; ");
  return recordDecision(context, {
    meetingDoc: docId,
    decision: choiceWords(row.Name),
    owner: a.owner,
    lane: "Coordinated",
    rationale: rationale || undefined,
    rejectedAlternatives: alternatives || undefined,
    assumptions: a.assumptions?.trim() || undefined,
    failureConditions: a.failureConditions?.trim() || undefined,
    today: a.today,
  });
}
