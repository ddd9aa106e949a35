import type * as coda from "@codahq/packs-sdk";
import type {BottleneckSchema, FlowStageSchema, InterviewSchema} from "../../schemas/diagnosis";
import {BottleneckKinds, FlowKinds, InterviewKinds} from "../../schemas/diagnosis";
import type {ImpactUnit} from "../engine/bottlenecks";
import {bottleneckRegister} from "../engine/bottlenecks";
import type {Day} from "../engine/calendar";
import {day, isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {Maybe} from "../engine/contract";
import {isInputError} from "../engine/errors";
import type {FlowSegment} from "../engine/flow";
import {flowEfficiency} from "../engine/flow";
import type {InterviewRow} from "../engine/interviews";
import {interviewCoverage, InterviewTarget, nearestInterviewGroup, readDone} from "../engine/interviews";
import {said} from "../engine/names";
import {personRow} from "./people";
import type {TableRows} from "./source";
import {cell, compact, readTable, stableId} from "./source";
import {BottleneckFields, DiagnosisTables, FlowFields, InterviewFields} from "./tables";

/**
 * The current-state diagnosis read from the leadership meeting doc: the
 * Interviews, Bottlenecks and Flow tables, each judged by its engine
 * (src/engine/interviews.ts, bottlenecks.ts, flow.ts) and turned into sync rows.
 * Every source row that is not blank is judged; a cell that does not read is
 * said in Problems on the row that holds it (for the flow, on its stage's row).
 */

export type InterviewSyncRow = coda.SchemaType<typeof InterviewSchema>;
export type BottleneckSyncRow = coda.SchemaType<typeof BottleneckSchema>;
export type FlowStageSyncRow = coda.SchemaType<typeof FlowStageSchema>;

/** What every reader here takes: the doc, the table's name, column names given by the user, the day to judge on. */
export interface DiagnosisArgs {
  docId: string;
  table?: string;
  columns?: string;
  asOf: Day;
}

const join = (items: readonly string[]) => (items.length ? items.join(" ") : undefined);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
/** A number of days or hours as a row holds it: two decimals at most. */
const round2 = (n: number) => Math.round(n * 100) / 100;
const amount = (n: number) => n.toLocaleString("en-US", {maximumFractionDigits: n < 10 ? 1 : 0});
const pct = (x: number) => `${Math.round(x * 100)}%`;

// ---------------------------------------------------------------- interviews

/** The interview groups' rows and the coverage row, after the interviews' own. */
export function interviewRows(
  table: TableRows<FieldName<typeof InterviewFields>>,
  asOf: Day,
  timezone?: string,
): InterviewSyncRow[] {
  const read = table.rows.map(r => {
    const get = (f: FieldName<typeof InterviewFields>) => cell(r, table.map, f);
    const rawDone = get("Done");
    const date = cells.date(get("Date"), "Date", timezone);
    const input: InterviewRow = {
      person: cells.text(get("Person")),
      group: cells.text(get("Group")),
      date: date.value,
      done: typeof rawDone === "boolean" ? rawDone : cells.text(rawDone),
      findings: cells.text(get("Findings")),
    };
    const done = readDone(input.done);
    const blank =
      !input.person && !input.group && !input.findings && cells.isEmpty(get("Date")) && !done.done && !done.unread;
    return {row: r, input, problem: date.problem, blank};
  });
  const kept = read.filter(x => !x.blank);
  const coverage = interviewCoverage(
    kept.map(x => x.input),
    asOf,
  );
  const out: InterviewSyncRow[] = kept.map(({row, input, problem}, i) => {
    const check = coverage.rows[i];
    const name = input.person || "Unnamed interview";
    const group = input.group || undefined;
    const suggested = group && !check.group ? nearestInterviewGroup(group) : undefined;
    const when = input.date ? isoDay(input.date) : undefined;
    const status = check.done
      ? `held${when ? ` on ${when}` : ""}; ${check.evidence ? "its findings name evidence" : input.findings ? "its findings name no evidence" : "no findings recorded"}`
      : when
        ? `planned for ${when}, not held yet`
        : "not held yet";
    const summary = `Interview with ${name}${check.group ? ` (${check.group})` : ""}: ${status}.${check.findings.length ? ` ${plural(check.findings.length, "thing")} to fix.` : ""}`;
    return compact({
      Id: stableId(table.docId, row.id),
      Name: name,
      Kind: InterviewKinds.interview,
      Group: group,
      GroupRead: check.group,
      SuggestedGroup: suggested,
      Date: when,
      Done: check.done,
      Heard: input.findings || undefined,
      Evidence: check.done || input.findings ? check.evidence : undefined,
      Summary: summary,
      Findings: join(check.findings),
      Problems: problem,
      Link: row.browserLink,
    });
  });
  coverage.perGroup.forEach((g, i) => {
    const covered = g.done > 0;
    out.push(
      compact({
        Id: stableId(table.docId, `group-${i + 1}`),
        Name: g.group,
        Kind: InterviewKinds.group,
        Group: g.group,
        GroupRead: g.group,
        Planned: g.planned,
        Held: g.done,
        Covered: covered,
        Summary: covered
          ? `${g.group}: ${plural(g.done, "interview")} held of ${g.planned} listed.`
          : `${g.group}: not heard yet; ${g.planned ? `${plural(g.planned, "interview")} listed, none held` : "no interview listed"}.`,
        Findings: covered
          ? undefined
          : `No interview held with ${g.group} yet: ${g.planned === 0 ? "plan one" : g.planned === 1 ? "hold the one planned" : "hold one of those planned"}; the map is not complete without it.`,
      }),
    );
  });
  const findings: string[] = [];
  if (coverage.short) {
    findings.push(
      `${plural(coverage.short, "more held interview")} ${coverage.short === 1 ? "reaches" : "reach"} the ${InterviewTarget.min} a current-state map needs.`,
    );
  }
  if (coverage.unheard.length) findings.push(`No interview held yet with ${coverage.unheard.join("; ")}.`);
  const unevidenced = coverage.done - coverage.withEvidence;
  if (unevidenced) {
    findings.push(
      `${plural(unevidenced, "held interview")} ${unevidenced === 1 ? "names" : "name"} no evidence: see ${unevidenced === 1 ? "its row" : "their rows"}.`,
    );
  }
  out.push(
    compact({
      Id: stableId(table.docId, "coverage"),
      Name: "Interview coverage",
      Kind: InterviewKinds.coverage,
      Planned: coverage.planned,
      Held: coverage.done,
      WithEvidence: coverage.withEvidence,
      Target: coverage.target,
      Short: coverage.short,
      Unheard: coverage.unheard.length ? coverage.unheard.join("; ") : undefined,
      Summary: `Interview coverage: ${coverage.summary}`,
      Findings: join(findings),
    }),
  );
  return out;
}

export async function syncInterviews(context: coda.ExecutionContext, a: DiagnosisArgs): Promise<InterviewSyncRow[]> {
  const table = await readTable(context, a.docId, a.table || DiagnosisTables.interviews, InterviewFields, {
    columns: a.columns,
  });
  return interviewRows(table, a.asOf, context.timezone);
}

// ---------------------------------------------------------------- bottlenecks

export interface BottleneckOptions {
  unit?: Maybe<string>;
  hourlyCost?: Maybe<number>;
  delayDayCost?: Maybe<number>;
}

const UnitWords: Record<ImpactUnit, string> = {
  "Hours per week": "hours per week",
  "Money per year": "a year",
  "Days of delay": "days of delay",
};

/** The register's rows, then its total row. */
export function bottleneckRows(
  table: TableRows<FieldName<typeof BottleneckFields>>,
  options: BottleneckOptions,
  asOf: Day,
): BottleneckSyncRow[] {
  const read = table.rows.map(r => {
    const get = (f: FieldName<typeof BottleneckFields>) => cell(r, table.map, f);
    const problems: string[] = [];
    const num = (f: FieldName<typeof BottleneckFields>, column: string) => {
      const n = cells.number(get(f), column);
      if (n.problem) problems.push(n.problem);
      return n.value;
    };
    const owner = cells.people(get("Owner"))[0];
    return {
      row: r,
      owner: personRow(get("Owner")),
      problems,
      input: {
        bottleneck: cells.text(get("Name")) || cells.text(r.name),
        function: cells.text(get("Function")),
        stage: cells.text(get("Stage")),
        hoursPerWeek: num("Hours", "Hours Per Week"),
        moneyPerYear: num("Money", "Cost Per Year"),
        delayDays: num("DelayDays", "Delay Days"),
        evidence: cells.text(get("Evidence")),
        owner: owner ? owner.name || owner.email : "",
        status: cells.text(get("Status")),
        lastStage: cells.text(get("LastStage")),
        lastFunction: cells.text(get("LastFunction")),
        lastRank: num("LastRank", "Last Rank"),
      },
    };
  });
  const reg = bottleneckRegister(
    read.map(x => x.input),
    options.unit,
    {hourlyCost: options.hourlyCost, delayDayCost: options.delayDayCost},
  );
  const words = UnitWords[reg.unit];
  const rows: BottleneckSyncRow[] = read.map(({row, owner, problems, input}, i) => {
    const b = reg.rows[i];
    const name = input.bottleneck || `Row ${i + 1}`;
    const where = [input.function, input.stage && `${input.stage} stage`].filter(Boolean).join(", ");
    const parts = [
      `${name}${where ? ` (${said(where)})` : ""}: ${
        !b.open
          ? `closed${input.status ? ` (${said(input.status)})` : ""}, so neither ranked nor counted`
          : b.impact === undefined
            ? "no quantified impact yet"
            : `${amount(b.impact)} ${words}, rank ${b.rank} of ${reg.ranked}, ${pct(b.share ?? 0)} of the register's total`
      }.`,
    ];
    if (input.owner) parts.push(`Owned by ${said(input.owner)}.`);
    parts.push(...b.migration);
    if (b.findings.length) parts.push(`${plural(b.findings.length, "thing")} to fix.`);
    return compact({
      Id: stableId(table.docId, row.id),
      Name: name,
      Kind: BottleneckKinds.bottleneck,
      Function: input.function || undefined,
      Stage: input.stage || undefined,
      Owner: owner,
      Status: input.status || undefined,
      Open: b.open,
      HoursPerWeek: input.hoursPerWeek,
      MoneyPerYear: input.moneyPerYear,
      DelayDays: input.delayDays,
      Unit: reg.unit,
      Impact: b.impact === undefined ? undefined : round2(b.impact),
      Basis: b.basis,
      Rank: b.rank,
      Share: b.share,
      Moved: b.migration.length > 0,
      Migration: join(b.migration),
      LastStage: input.lastStage || undefined,
      LastRank: input.lastRank,
      Evidence: input.evidence || undefined,
      Summary: parts.join(" "),
      Findings: join(b.findings),
      Problems: join(problems),
      Link: row.browserLink,
    });
  });
  const r = reg.rates;
  const findings: string[] = [];
  const unquantified = reg.rows.filter(b => b.open && b.impact === undefined).length;
  if (unquantified) findings.push(`${plural(unquantified, "open bottleneck")} without a quantified impact.`);
  const unfixed = reg.rows.filter(b => b.findings.length).length;
  if (unfixed) {
    findings.push(`${plural(unfixed, "row")} with something to fix: see ${unfixed === 1 ? "its" : "their"} Findings.`);
  }
  rows.push(
    compact({
      Id: stableId(table.docId, "total"),
      Name: "Register total",
      Kind: BottleneckKinds.total,
      Unit: reg.unit,
      Total: round2(reg.total),
      Top3Share: reg.topShare,
      Ranked: reg.ranked,
      Closed: reg.closed,
      Rates: `An hour costs ${amount(r.hourlyCost)}, a year has ${r.weeksPerYear} working weeks, a day of delay costs ${amount(r.delayDayCost)}.`,
      Moved: reg.migrated > 0,
      Migration: reg.migrated ? `${plural(reg.migrated, "bottleneck")} moved since the last review.` : undefined,
      Summary: `Register total on ${isoDay(asOf)}: ${reg.summary}`,
      Findings: join(findings),
    }),
  );
  return rows;
}

export async function syncBottlenecks(
  context: coda.ExecutionContext,
  a: DiagnosisArgs & BottleneckOptions,
): Promise<BottleneckSyncRow[]> {
  const table = await readTable(context, a.docId, a.table || DiagnosisTables.bottlenecks, BottleneckFields, {
    columns: a.columns,
  });
  return bottleneckRows(table, a, a.asOf);
}

// ---------------------------------------------------------------- flow

/** A date with a time of day as written, without its offset (2026-11-05T09:30 or 2026-11-05 09:30). */
const DateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * A time a segment entered or left its stage: a date gives its day, a date and
 * time the time as the doc shows it, kept as the clock reads there (so a day
 * and a time in the same day differ by the hours between them).
 */
export function readTime(value: unknown, column: string, timezone?: string): cells.Read<Date> {
  if (typeof value !== "number") {
    const match = DateTime.exec(cells.text(value));
    if (match && `${match[2]}${match[3]}${match[4] ?? "00"}` !== "000000") {
      try {
        const [h, m, s] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
        if (h > 23 || m > 59 || s > 59) throw new RangeError();
        return {value: new Date(day(match[1], column).getTime() + ((h * 60 + m) * 60 + s) * 1000)};
      } catch (error) {
        if (!isInputError(error) && !(error instanceof RangeError)) throw error;
        return {value: undefined, problem: `${column} holds "${match[0]}", not a date and time of the calendar.`};
      }
    }
  }
  return cells.date(value, column, timezone);
}

const OverheadWords = {yes: ["overhead", "non-delivery", "nondelivery"], no: ["delivery"]};

/** The stages' rows, then the overall row. */
export function flowRows(
  table: TableRows<FieldName<typeof FlowFields>>,
  asOf: Day,
  timezone?: string,
): FlowStageSyncRow[] {
  const read = table.rows.map((r, index) => {
    const get = (f: FieldName<typeof FlowFields>) => cell(r, table.map, f);
    const problems: string[] = [];
    const entered = readTime(get("Entered"), "Entered", timezone);
    const left = readTime(get("Left"), "Left", timezone);
    const overhead = cells.flag(get("Overhead"), "Overhead", OverheadWords);
    for (const x of [entered, left, overhead]) if (x.problem) problems.push(x.problem);
    const segment: FlowSegment = {
      item: cells.text(get("Item")) || cells.text(r.name),
      stage: cells.text(get("Stage")),
      // A time that does not read is said in Problems. Without Entered the stretch is not counted; a Left that
      // does not read is no date to the engine, so the stretch is not counted either (blank would run it to asOf).
      entered: entered.value,
      left: left.problem ? new Date(Number.NaN) : left.value,
      kind: cells.text(get("Kind")),
      overhead: overhead.value,
    };
    const blank = !segment.item && !segment.stage && !segment.kind && !problems.length && !entered.value && !left.value;
    return {segment, problems, blank, index};
  });
  const kept = read.filter(x => !x.blank);
  const flow = flowEfficiency(
    kept.map(x => x.segment),
    asOf,
  );
  const key = (s: Maybe<string>) => (s?.trim() ? normalize(s) || s.trim() : "");
  const overheadItems = new Set(kept.filter(x => x.segment.overhead === true).map(x => key(x.segment.item)));
  const stageKeys = new Map(flow.stages.map((s, i) => [key(s.stage), i]));
  const notes = flow.stages.map(() => ({findings: [] as string[], problems: [] as string[], open: new Set<string>()}));
  const overall = {findings: [] as string[], problems: [] as string[], open: 0};
  kept.forEach(({segment, problems, index}, i) => {
    const check = flow.segments[i];
    const item = key(segment.item);
    const at = overheadItems.has(item) ? undefined : stageKeys.get(key(segment.stage));
    const where = at === undefined ? overall : notes[at];
    const label = said(segment.item || `Row ${index + 1}`);
    const say = (text: string) => `${label} — ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    // Open and counted is what OpenItems says, not a finding.
    for (const f of check.findings) {
      if (!f.startsWith("Still open: counted")) where.findings.push(say(f));
    }
    where.problems.push(...problems.map(say));
    if (check.open && check.days > 0) {
      overall.open++;
      if (at !== undefined) notes[at].open.add(item);
    }
  });
  const capped = (items: string[]) =>
    items.length > 20 ? [...items.slice(0, 20), `And ${items.length - 20} more.`] : items;
  const rows: FlowStageSyncRow[] = flow.stages.map((s, i) => {
    const longest = flow.longestWaitTotal === s.stage;
    const perItem = flow.longestWaitMean === s.stage;
    const open = notes[i].open.size;
    const parts = [
      `${s.stage}: ${plural(s.items, "item")}, ${amount(s.workDays)} days of work and ${amount(s.waitDays)} waiting${
        s.efficiency === undefined ? "" : `, flow efficiency ${pct(s.efficiency)}`
      }; ${amount(s.meanWaitDays)} days' wait per item.`,
    ];
    if (longest || perItem) {
      parts.push(
        `Items wait longest here${longest && perItem ? ", in all and per item" : longest ? " in all" : " per item"}.`,
      );
    }
    if (open) parts.push(`${plural(open, "item")} still in it, counted up to ${isoDay(asOf)}.`);
    return compact({
      Id: stableId(table.docId, `stage-${key(s.stage)}`),
      Name: s.stage,
      Kind: FlowKinds.stage,
      Items: s.items,
      WorkDays: round2(s.workDays),
      WaitDays: round2(s.waitDays),
      ElapsedDays: round2(s.elapsedDays),
      Efficiency: s.efficiency,
      MeanWaitDays: round2(s.meanWaitDays),
      LongestWait: longest,
      LongestWaitPerItem: perItem,
      OpenItems: open,
      Summary: parts.join(" "),
      Findings: join(capped(notes[i].findings)),
      Problems: join(capped(notes[i].problems)),
    });
  });
  rows.push(
    compact({
      Id: stableId(table.docId, "overall"),
      Name: "Overall",
      Kind: FlowKinds.overall,
      Items: flow.items,
      WorkDays: round2(flow.workDays),
      WaitDays: round2(flow.waitDays),
      ElapsedDays: round2(flow.elapsedDays),
      UntrackedDays: round2(flow.untrackedDays),
      Efficiency: flow.efficiency,
      WaitsLongestIn: flow.longestWaitTotal,
      WaitsLongestPerItem: flow.longestWaitMean,
      OpenItems: overall.open,
      OverheadItems: flow.overheadItems,
      OverheadWorkDays: round2(flow.overheadWorkDays),
      OverheadShare: flow.overheadShare,
      OverheadReason: flow.overheadReason,
      Summary: `Overall: ${flow.summary}`,
      Findings: join(capped(overall.findings)),
      Problems: join(capped(overall.problems)),
    }),
  );
  return rows;
}

export async function syncFlow(context: coda.ExecutionContext, a: DiagnosisArgs): Promise<FlowStageSyncRow[]> {
  const table = await readTable(context, a.docId, a.table || DiagnosisTables.flow, FlowFields, {columns: a.columns});
  return flowRows(table, a.asOf, context.timezone);
}
