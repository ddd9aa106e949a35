import * as coda from "@codahq/packs-sdk";
import type {CharterItemSchema} from "../../schemas/alignment";
import * as cells from "../engine/cells";
import type {LaneAnswer, ToleranceAnswer} from "../engine/charter";
import {Authorities, laneFindings, outcomeGaps, parseAuthority, ToleranceScale, widestSpread} from "../engine/charter";
import type {FieldName} from "../engine/columns";
import {show} from "../engine/contract";
import {personRow} from "./people";
import type {TableRows} from "./source";
import {cell, compact, readOptionalTable, relaxed, stableId} from "./source";
import {
  CharterTables,
  ExpertiseFields,
  LaneFields,
  LeaderFields,
  MeetingTables,
  RedLineFields,
  RiskToleranceFields,
  SharedOutcomeFields,
} from "./tables";

/**
 * The leaders' charter, read from the leadership meeting doc: one table per
 * question, each answer a typed row with the findings that say where the next
 * conversation should start.
 */

export type CharterItemRow = coda.SchemaType<typeof CharterItemSchema>;

const nameOf = (value: unknown) => cells.people(value)[0]?.name || cells.people(value)[0]?.email || "";
/** Names in a people cell, or in a text cell listing them. */
const namesOf = (value: unknown) =>
  cells
    .people(value)
    .flatMap(p => (p.name || p.email).split(/[,;]/))
    .map(x => x.trim())
    .filter(Boolean);
const joined = (list: readonly string[]) => (list.length ? list.join(", ") : undefined);
const text = (list: readonly string[]) => (list.length ? list.join(" ") : undefined);

export function readLanes({rows, map}: TableRows<FieldName<typeof LaneFields>>): LaneAnswer[] {
  return rows.map(row => ({
    leader: nameOf(cell(row, map, "Leader")),
    kind: cells.text(cell(row, map, "Decision")),
    authority: parseAuthority(cells.text(cell(row, map, "Authority"))),
    with: namesOf(cell(row, map, "With")),
  }));
}

export interface CharterSources {
  roster: string[];
  outcomes?: TableRows<FieldName<typeof SharedOutcomeFields>>;
  tolerance?: TableRows<FieldName<typeof RiskToleranceFields>>;
  redLines?: TableRows<FieldName<typeof RedLineFields>>;
  expertise?: TableRows<FieldName<typeof ExpertiseFields>>;
  lanes?: TableRows<FieldName<typeof LaneFields>>;
}

export function charterRows(s: CharterSources): CharterItemRow[] {
  const out: CharterItemRow[] = [];
  const row = (r: CharterItemRow, findings: string[], problems: string[]) =>
    out.push(compact({...r, Open: findings.length > 0, Findings: text(findings), Problems: text(problems)}));

  if (s.outcomes) {
    const {docId, map} = s.outcomes;
    for (const r of s.outcomes.rows) {
      const outcome = cells.text(cell(r, map, "Outcome")) || cells.text(r.name);
      const agreed = namesOf(cell(r, map, "Agreed"));
      const notYet = namesOf(cell(r, map, "NotYet"));
      const gaps = outcomeGaps({outcome, agreed, notYet}, s.roster);
      row(
        {
          Id: stableId(docId, r.id),
          Name: `Shared outcome: ${outcome}`,
          Question: "Shared outcome",
          Subject: outcome,
          Answer: cells.text(cell(r, map, "Note")) || undefined,
          Agreed: joined(agreed),
          NotYet: joined([...gaps.notYet, ...gaps.unanswered]),
          Link: r.browserLink,
        },
        gaps.findings,
        outcome ? [] : ["The outcome is blank: say what the leaders own together."],
      );
    }
  }

  if (s.tolerance) {
    const {docId, map} = s.tolerance;
    const answers: ToleranceAnswer[] = [];
    const problemsOf: string[][] = [];
    for (const r of s.tolerance.rows) {
      const problems: string[] = [];
      const read = cells.number(cell(r, map, "Tolerance"), "Tolerance");
      let tolerance = read.value;
      if (read.problem) problems.push(read.problem);
      if (
        tolerance !== undefined &&
        (!Number.isInteger(tolerance) || tolerance < ToleranceScale.low || tolerance > ToleranceScale.high)
      ) {
        problems.push(`Tolerance is ${show(tolerance)}: give a whole number from 1 (avoid risk) to 5 (seek risk).`);
        tolerance = undefined;
      }
      answers.push({leader: nameOf(cell(r, map, "Leader")), area: cells.text(cell(r, map, "Area")), tolerance});
      problemsOf.push(problems);
    }
    const widest = widestSpread(answers);
    s.tolerance.rows.forEach((r, i) => {
      const a = answers[i];
      const atRisk = cells.text(cell(r, map, "AtRisk"));
      const findings: string[] = [];
      if (
        widest &&
        a.area.toLowerCase() === widest.area.toLowerCase() &&
        (a.tolerance === widest.low || a.tolerance === widest.high)
      ) {
        findings.push(widest.sentence);
      }
      if (!atRisk) {
        findings.push(`${a.leader || "This leader"} has not said what is at risk in ${a.area || "their area"}.`);
      }
      const cascades = cells.text(cell(r, map, "Cascades"));
      row(
        {
          Id: stableId(docId, r.id),
          Name: `${a.leader || "Unnamed leader"} on ${a.area || "an unnamed area"}: tolerance ${a.tolerance ?? "not given"}`,
          Question: "Risk tolerance",
          Leader: personRow(cell(r, map, "Leader")),
          Subject: a.area || undefined,
          Answer:
            [atRisk, cells.text(cell(r, map, "Failure")), cascades ? `Cascades to ${cascades}` : ""]
              .filter(Boolean)
              .join(" / ") || undefined,
          Tolerance: a.tolerance,
          Link: r.browserLink,
        },
        findings,
        [
          ...problemsOf[i],
          ...(a.tolerance === undefined && !problemsOf[i].length
            ? ["Tolerance is blank: give 1 (avoid risk) to 5 (seek risk)."]
            : []),
        ],
      );
    });
  }

  if (s.redLines) {
    const {docId, map} = s.redLines;
    for (const r of s.redLines.rows) {
      const who = nameOf(cell(r, map, "Leader"));
      const line = cells.text(cell(r, map, "RedLine"));
      const grounds = cells.text(cell(r, map, "Grounds"));
      row(
        {
          Id: stableId(docId, r.id),
          Name: `${who || "Unnamed leader"}'s red line: ${line || "not stated"}`,
          Question: "Red line",
          Leader: personRow(cell(r, map, "Leader")),
          Subject: grounds || undefined,
          Answer: line || undefined,
          Link: r.browserLink,
        },
        [],
        line ? [] : ["The red line is blank: say what this leader cannot compromise on."],
      );
    }
  }

  if (s.expertise) {
    const {docId, map} = s.expertise;
    for (const r of s.expertise.rows) {
      const who = nameOf(cell(r, map, "Leader"));
      const expert = namesOf(cell(r, map, "DefersTo"));
      const domain = cells.text(cell(r, map, "Domain"));
      const problems: string[] = [];
      if (!expert.length) problems.push("Defers To is blank: name whose expertise this leader defers to.");
      if (expert.some(e => e.toLowerCase() === who.toLowerCase())) {
        problems.push(`${who} defers to themselves: name a peer whose expertise they acknowledge.`);
      }
      if (!domain) problems.push("Domain is blank: say in what.");
      row(
        {
          Id: stableId(docId, r.id),
          Name: `${who || "Unnamed leader"} defers to ${joined(expert) ?? "nobody named"}${domain ? ` on ${domain}` : ""}`,
          Question: "Expertise",
          Leader: personRow(cell(r, map, "Leader")),
          Subject: domain || undefined,
          With: joined(expert),
          Link: r.browserLink,
        },
        [],
        problems,
      );
    }
  }

  if (s.lanes) {
    const {docId, map} = s.lanes;
    const lanes = readLanes(s.lanes);
    const findings = laneFindings(lanes);
    s.lanes.rows.forEach((r, i) => {
      const l = lanes[i];
      const raw = cells.text(cell(r, map, "Authority"));
      row(
        {
          Id: stableId(docId, r.id),
          Name: `${l.leader || "Unnamed leader"}: ${l.kind || "unnamed decision"} (${l.authority ?? (raw || "authority not given")})`,
          Question: "Lane",
          Leader: personRow(cell(r, map, "Leader")),
          Subject: l.kind || undefined,
          Answer: l.authority ?? (raw || undefined),
          With: joined(l.with),
          Link: r.browserLink,
        },
        findings[i],
        raw && !l.authority ? [`Authority "${raw.slice(0, 40)}" is not one of: ${Authorities.join(", ")}.`] : [],
      );
    });
  }
  return out;
}

export async function readCharter(context: coda.ExecutionContext, docId: string): Promise<CharterSources> {
  const [leaders, outcomes, tolerance, redLines, expertise, lanes] = await Promise.all([
    readOptionalTable(context, docId, MeetingTables.leaders, LeaderFields),
    readOptionalTable(context, docId, CharterTables.outcomes, SharedOutcomeFields),
    readOptionalTable(context, docId, CharterTables.tolerance, RiskToleranceFields),
    readOptionalTable(context, docId, CharterTables.redLines, RedLineFields),
    readOptionalTable(context, docId, CharterTables.expertise, ExpertiseFields),
    readOptionalTable(context, docId, CharterTables.lanes, LaneFields),
  ]);
  if (!outcomes && !tolerance && !redLines && !expertise && !lanes) {
    throw new coda.UserVisibleError(
      `The doc ${docId} has none of the charter's tables: add at least one of ${Object.values(CharterTables).join(", ")}.`,
    );
  }
  const roster = (leaders?.rows ?? [])
    .map(r => nameOf(cell(r, leaders!.map, "Leader")) || cells.text(r.name))
    .filter(Boolean);
  return {roster, outcomes, tolerance, redLines, expertise, lanes};
}

/**
 * The Lanes table of a meeting doc, read on the side: none when the doc has no
 * such table, or one without its Leader, Decision or Authority column, so a
 * half-built Lanes table never fails the sync that asked (the Charter sync
 * reads it strictly and says what is missing).
 */
export async function readLaneTable(context: coda.ExecutionContext, docId: string): Promise<LaneAnswer[]> {
  const lanes = await readOptionalTable(context, docId, CharterTables.lanes, relaxed(LaneFields));
  return lanes?.map.Leader && lanes.map.Decision && lanes.map.Authority ? readLanes(lanes) : [];
}
