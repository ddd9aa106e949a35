import type * as coda from "@codahq/packs-sdk";
import type {RiskSchema} from "../../schemas/alignment";
import type {Day} from "../engine/calendar";
import {daysBetween, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {show} from "../engine/contract";
import type {Seat} from "../engine/seats";
import {judgeOwner} from "../engine/seats";
import type {KeyResultFacts, MetricFacts, Parsed} from "../engine/triggers";
import {evaluateTrigger, parseTrigger, TriggerData} from "../engine/triggers";
import {readMetricsDoc} from "./health_source";
import {isClosedRisk, riskStatus} from "./risk_status";
import {deriveKeyResults} from "./okr_rows";
import type {UnreadableDoc} from "./multidoc";
import {readEachDoc} from "./multidoc";
import {readTeamOkrs} from "./okr_source";
import type {TableRows} from "./source";
import {loadSeats} from "./seat_rows";
import {cell, compact, holdsTable, readOptionalTable, readTable, relaxed, stableId} from "./source";
import type {FieldName} from "../engine/columns";
import {DefaultMetricTables, DefaultTableNames, RiskFields, RiskTable} from "./tables";

/**
 * The risk register: each risk's trigger read by the trigger grammar and judged
 * against the synced health metrics and key results (fired, armed, unknown).
 * A trigger that does not parse is reported on its row, never dropped. When the
 * meeting doc keeps a Seats table, each mitigation owner is judged by seat.
 */

export type RiskRow = coda.SchemaType<typeof RiskSchema>;

export interface RiskRequest {
  /** The meeting doc that keeps the register. */
  docId: string;
  table?: string;
  columns?: string;
  metricsDoc?: string;
  okrDocs: readonly string[];
  asOf: Day;
  fiscalYearStartMonth?: number;
}

/** A 1-5 score cell: the value, or a problem. */
function scale(value: unknown, column: string, problems: string[]): number | undefined {
  const read = cells.number(value, column);
  if (read.problem) problems.push(read.problem);
  const n = read.value;
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    problems.push(`${column} is ${show(n)}: give a whole number from 1 to 5.`);
    return undefined;
  }
  return n;
}

/** A doc a trigger's data could not be read from, and which kind of subject it holds. */
type UnreadableSource = UnreadableDoc & {kind: "metric" | "keyResult"};

/** The live data triggers are judged on, read only from the docs the triggers need. */
export async function triggerData(
  context: coda.ExecutionContext,
  parsed: readonly Parsed[],
  request: Pick<RiskRequest, "metricsDoc" | "okrDocs" | "asOf" | "fiscalYearStartMonth">,
): Promise<{data: TriggerData; unreadable: UnreadableSource[]}> {
  const subjects = parsed.flatMap(p => (p.ok ? p.trigger.any.flat().map(c => c.subject.kind) : []));
  const metrics: MetricFacts[] = [];
  const unreadable: UnreadableSource[] = [];
  if (request.metricsDoc && subjects.includes("metric")) {
    const docs = await readEachDoc(context, [request.metricsDoc], docId => readMetricsDoc(context, docId, {}));
    unreadable.push(...docs.unreadable.map(u => ({...u, kind: "metric" as const})));
    for (const m of docs.read.flat()) {
      // Judged as of the sync's day: later readings are not seen.
      const values = m.readings
        .filter(r => r.date.getTime() <= request.asOf.getTime())
        .sort((a, b) => a.date.getTime() - b.date.getTime())
        .map(r => r.value);
      metrics.push({name: m.name, unit: m.unit, values, thresholds: [m.greenAt, m.redAt]});
    }
  }
  const keyResults: KeyResultFacts[] = [];
  if (subjects.includes("keyResult")) {
    const docs = await readEachDoc(context, request.okrDocs, docId =>
      readTeamOkrs(
        context,
        docId,
        {fiscalYearStartMonth: request.fiscalYearStartMonth},
        {checkIns: false, goals: false},
      ),
    );
    unreadable.push(...docs.unreadable.map(u => ({...u, kind: "keyResult" as const})));
    for (const okrs of docs.read) {
      for (const k of deriveKeyResults(okrs, request.asOf)) {
        keyResults.push({
          name: k.record.name,
          code: k.record.code,
          confidence: k.record.confidence,
          progress: k.derived.progress,
          current: k.record.current,
          unit: k.record.unit,
          start: k.record.start,
          target: k.record.target,
        });
      }
    }
  }
  return {data: new TriggerData(metrics, keyResults), unreadable};
}

export function riskRows(
  {docId, rows, map}: TableRows<FieldName<typeof RiskFields>>,
  parsed: readonly Parsed[],
  data: TriggerData,
  asOf: Day,
  sources: {metrics: boolean; okrs: boolean; unreadable?: readonly UnreadableSource[]},
  seats?: readonly Seat[],
  timezone?: string,
): RiskRow[] {
  return rows.map((row, i): RiskRow => {
    const get = (f: FieldName<typeof RiskFields>) => cell(row, map, f);
    const problems: string[] = [];
    const findings: string[] = [];
    const likelihood = scale(get("Likelihood"), "Likelihood", problems);
    const impact = scale(get("Impact"), "Impact", problems);
    const review = cells.date(get("ReviewDate"), "Review Date", timezone);
    if (review.problem) problems.push(review.problem);
    const status = riskStatus(get("Status"));
    const closed = isClosedRisk(status);
    const owners = cells.people(get("MitigationOwner"));
    const owner = owners.map(p => p.name || p.email).join(", ");
    // Judged by seat only in a doc that keeps seats; a blank owner has its own finding below.
    const judged = seats ? owners.map(p => judgeOwner(p, seats, "mitigation")) : [];
    const trigger = cells.text(get("Trigger"));
    let state = "No trigger";
    let reading: string | undefined;
    let error: string | undefined;
    const p = parsed[i];
    if (trigger && !p.ok) {
      state = "Unknown";
      error = `The trigger cannot be read. ${p.error.message}`;
    } else if (trigger && p.ok) {
      const result = evaluateTrigger(p.trigger, data);
      state = result.state;
      reading = result.readings.join("; ") || undefined;
      const missing: string[] = [];
      const kinds = new Set(p.trigger.any.flat().map(c => c.subject.kind));
      if (kinds.has("metric") && !sources.metrics) {
        missing.push("a metric, but the sync names no metrics doc: give it the metricsDoc parameter");
      }
      if (kinds.has("keyResult") && !sources.okrs) {
        missing.push("a key result, but the sync names no team docs: give it the okrDocs parameter");
      }
      // A doc that could not be read leaves the trigger judged without it: said, so an Armed state is not taken for certain.
      const unread =
        result.state === "Fired"
          ? []
          : (sources.unreadable ?? [])
              .filter(u => kinds.has(u.kind))
              .map(u => `Judged without a doc it could not read: ${u.message}`);
      const why = [...result.problems, ...missing.map(m => `The trigger names ${m}.`), ...unread];
      error = why.length ? why.join(" ") : undefined;
    }
    if (!owner) findings.push("No mitigation owner: name the seat or person who owns the mitigation.");
    for (const j of judged) if (j.finding) findings.push(j.finding);
    if (!trigger) findings.push("No trigger: say what live number tells you the risk is happening.");
    const overdue = !closed && review.value !== undefined && daysBetween(review.value, asOf) > 0;
    if (overdue) findings.push(`Review overdue since ${isoDay(review.value!)}.`);
    if (!review.value && !review.problem && !closed) findings.push("No review date.");
    return compact({
      Id: stableId(docId, row.id),
      Name: cells.text(get("Name")) || cells.text(row.name),
      Area: cells.text(get("Area")) || undefined,
      Likelihood: likelihood,
      Impact: impact,
      Score: likelihood !== undefined && impact !== undefined ? likelihood * impact : undefined,
      Mitigation: cells.text(get("Mitigation")) || undefined,
      MitigationOwner: owner || undefined,
      MitigationHolder: judged.flatMap(j => (j.holder ? [j.holder] : [])).join("; ") || undefined,
      Trigger: trigger || undefined,
      TriggerState: state,
      TriggerReading: reading,
      TriggerError: error,
      Status: status,
      ReviewDate: review.value ? isoDay(review.value) : undefined,
      ReviewOverdue: overdue,
      Hot: state === "Fired" && !closed,
      Findings: findings.length ? findings.join(" ") : undefined,
      Problems: problems.length ? problems.join(" ") : undefined,
      Link: row.browserLink,
    });
  });
}

async function register(context: coda.ExecutionContext, request: RiskRequest, optional: boolean): Promise<RiskRow[]> {
  const {docId} = request;
  const name = request.table || RiskTable;
  // The agenda takes only the fired risks' names and triggers: it does not judge owners by seat, and a register
  // it cannot read (no Risk or Trigger column) never fails the agenda; the Risks sync table says what is missing.
  const [table, seats] = optional
    ? [await readOptionalTable(context, docId, name, relaxed(RiskFields)), undefined]
    : await Promise.all([
        readTable(context, docId, name, RiskFields, {columns: request.columns}),
        loadSeats(context, docId),
      ]);
  if (!table || !table.map.Name || !table.map.Trigger) return [];
  const parsed = table.rows.map(r => parseTrigger(cells.text(cell(r, table.map, "Trigger"))));
  const subjects = parsed.flatMap(p => (p.ok ? p.trigger.any.flat().map(c => c.subject.kind) : []));
  const docs = optional ? request : await triggerDocs(context, request, subjects);
  const {data, unreadable} = await triggerData(context, parsed, {...request, ...docs});
  return riskRows(
    table,
    parsed,
    data,
    request.asOf,
    {metrics: Boolean(docs.metricsDoc), okrs: docs.okrDocs.length > 0, unreadable},
    seats,
    context.timezone,
  );
}

/**
 * The Risks sync table's rows. A blank metricsDoc or okrDocs is the meeting doc
 * itself when it holds the metrics or the key results (one doc for everything),
 * looked at only when a trigger names a metric or a key result.
 */
export function risks(context: coda.ExecutionContext, request: RiskRequest): Promise<RiskRow[]> {
  return register(context, request, false);
}

/** The docs the triggers are judged on: those given, else the meeting doc when it holds the tables a trigger needs. */
async function triggerDocs(
  context: coda.ExecutionContext,
  request: RiskRequest,
  subjects: readonly string[],
): Promise<Pick<RiskRequest, "metricsDoc" | "okrDocs">> {
  const {docId} = request;
  const holds = async (...names: string[]) => {
    for (const name of names) if (!(await holdsTable(context, docId, name))) return false;
    return true;
  };
  const metricsDoc =
    request.metricsDoc ||
    (subjects.includes("metric") && (await holds(DefaultMetricTables.definitions, DefaultMetricTables.readings))
      ? docId
      : undefined);
  const okrDocs =
    request.okrDocs.length || !subjects.includes("keyResult")
      ? request.okrDocs
      : (await holds(DefaultTableNames.keyResults))
        ? [docId]
        : [];
  return {metricsDoc, okrDocs};
}

/** The fired risks of a meeting doc that has a Risks table, for the agenda; none when it has no such table. */
export async function firedRisks(context: coda.ExecutionContext, request: RiskRequest): Promise<RiskRow[]> {
  return (await register(context, request, true)).filter(r => r.Hot);
}
