import type * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {Day} from "../engine/calendar";
import * as cells from "../engine/cells";
import type {ColumnMap, FieldName} from "../engine/columns";
import {normalize} from "../engine/columns";
import type {Cycle} from "../engine/cycle";
import {cycleFromName} from "../engine/cycle";
import * as contract from "../engine/contract";
import {isInputError} from "../engine/errors";
import {cell, readOptionalTable, readTable, stableId} from "./source";
import {CheckInFields, DefaultTableNames, KeyResultFields, ObjectiveFields, SyncedGoalFields} from "./tables";

/**
 * Reads a team doc's OKR tables into plain records: every value typed, every
 * reference turned into a stable id (`<docId>/<rowId>`), every problem stated on
 * the record it belongs to.
 */

export interface Person {
  name: string;
  email: string;
}

export interface ObjectiveRecord {
  id: string;
  name: string;
  code: string;
  owner?: Person;
  team: string;
  cycleName: string;
  cycle?: Cycle;
  goalIds: string[];
  link: string;
  docId: string;
  alignment: string[];
  problems: string[];
}

export interface KeyResultRecord {
  id: string;
  name: string;
  code: string;
  objectiveId?: string;
  owner?: Person;
  start?: number;
  target?: number;
  current?: number;
  kind: string;
  confidence?: number;
  weight?: number;
  unit: string;
  link: string;
  docId: string;
  tableId: string;
  problems: string[];
}

export interface CheckInRecord {
  id: string;
  keyResultId?: string;
  keyResultName: string;
  date?: Day;
  value?: number;
  confidence?: number;
  note: string;
  link: string;
  problems: string[];
}

export interface TeamDocOptions {
  /** The table the sync is about: the `columns` text maps its columns. */
  primary?: "objectives" | "keyResults" | "checkIns";
  objectivesTable?: string;
  keyResultsTable?: string;
  checkInsTable?: string;
  /** Explicit column names for the sync's own table (`Field=Column; …`). */
  columns?: string;
  fiscalYearStartMonth?: number;
  monthsPerCycle?: number;
}

const person = (value: unknown): Person | undefined => cells.people(value)[0];

function numberInto(problems: string[], value: unknown, column: string): number | undefined {
  const read = cells.number(value, column);
  if (read.problem) problems.push(read.problem);
  return read.value;
}

/** A fraction cell, read by the pack's one input contract; a value out of range is the row's problem. */
function fraction(problems: string[], value: unknown, column: string): number | undefined {
  const n = numberInto(problems, value, column);
  if (n === undefined) return undefined;
  try {
    return contract.fraction(column, n);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/** Resolves lookup cells to the stable ids of the rows they point at. */
class RefResolver {
  private readonly byRow = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  constructor(rows: ReadonlyArray<{rowId: string; name: string; id: string}>) {
    for (const r of rows) {
      this.byRow.set(r.rowId, r.id);
      const key = normalize(r.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), r.id]);
    }
  }

  /** The stable ids a cell refers to, and a problem for each reference that cannot be resolved. */
  resolve(value: unknown, what: string, problems: string[]): string[] {
    const ids: string[] = [];
    for (const ref of cells.refs(value)) {
      const viaRow = ref.rowId ? this.byRow.get(ref.rowId) : undefined;
      if (viaRow) {
        ids.push(viaRow);
        continue;
      }
      const matches = this.byName.get(normalize(ref.name)) ?? [];
      if (matches.length === 1) ids.push(matches[0]);
      else if (matches.length > 1) {
        problems.push(
          `Ambiguous ${what}: "${ref.name}" matches ${matches.length} rows; link the row itself instead of typing its name.`,
        );
      } else problems.push(`Broken link: "${ref.name}" does not match any ${what}.`);
    }
    return ids;
  }
}

function cycleOf(name: string, options: TeamDocOptions, problems: string[]): Cycle | undefined {
  if (!name) {
    problems.push("Cycle is blank: give the objective a cycle such as FY2026 Q4.");
    return undefined;
  }
  try {
    return cycleFromName(name, options.fiscalYearStartMonth, options.monthsPerCycle);
  } catch (error) {
    if (!isInputError(error)) throw error;
    problems.push(error.message);
    return undefined;
  }
}

/** The OKR tables of one team doc, read through the one read path. */
export class TeamDoc {
  constructor(
    readonly context: coda.ExecutionContext,
    readonly docId: string,
    readonly options: TeamDocOptions,
  ) {}

  tableName(kind: "objectives" | "keyResults" | "checkIns"): string {
    return (
      {
        objectives: this.options.objectivesTable,
        keyResults: this.options.keyResultsTable,
        checkIns: this.options.checkInsTable,
      }[kind] || DefaultTableNames[kind]
    );
  }

  private columnsFor(kind: "objectives" | "keyResults" | "checkIns") {
    return this.options.primary === kind ? {columns: this.options.columns} : {};
  }

  objectivesTable(fresh = false) {
    return readTable(this.context, this.docId, this.tableName("objectives"), ObjectiveFields, {
      ...this.columnsFor("objectives"),
      fresh,
    });
  }

  keyResultsTable(fresh = false) {
    return readTable(this.context, this.docId, this.tableName("keyResults"), KeyResultFields, {
      ...this.columnsFor("keyResults"),
      fresh,
    });
  }

  /** The check-ins table; undefined when the doc has none and check-ins are not what is synced. */
  checkInsTable(fresh = false) {
    const read = this.options.primary === "checkIns" ? readTable : readOptionalTable;
    return read(this.context, this.docId, this.tableName("checkIns"), CheckInFields, {
      ...this.columnsFor("checkIns"),
      fresh,
    });
  }

  /**
   * Objective records, with each goal lookup resolved to the strategy doc's
   * stable ids; without `withGoals` the goals table is not read and goals are
   * left out.
   */
  async objectives(withGoals = true): Promise<ObjectiveRecord[]> {
    const table = await this.objectivesTable();
    const goalsTableId = table.rows
      .map(r => cells.refs(cell(r, table.map, "Goals")).find(ref => ref.tableId)?.tableId)
      .find(Boolean);
    const goals = withGoals && table.map.Goals ? await this.goalResolver(goalsTableId) : undefined;
    return table.rows.map(row => this.objective(row, table.map, goals, withGoals));
  }

  /** Goals linked from objectives: a synced AnnualGoals table keeps the strategy doc's ids. */
  private async goalResolver(tableId: string | undefined): Promise<RefResolver | undefined> {
    const table = await readOptionalTable(
      this.context,
      this.docId,
      tableId ?? DefaultTableNames.goals,
      SyncedGoalFields,
    );
    if (!table) return undefined;
    return new RefResolver(
      table.rows.map(r => {
        const synced = cells.text(cell(r, table.map, "GoalId"));
        return {
          rowId: r.id,
          name: cells.text(cell(r, table.map, "Name")) || cells.text(r.name),
          id: /\//.test(synced) ? synced : stableId(this.docId, r.id),
        };
      }),
    );
  }

  private objective(
    row: Row,
    map: ColumnMap<FieldName<typeof ObjectiveFields>>,
    goals: RefResolver | undefined,
    withGoals: boolean,
  ): ObjectiveRecord {
    const problems: string[] = [];
    const alignment: string[] = [];
    const cycleName = cells.text(cell(row, map, "Cycle"));
    const goalCell = cell(row, map, "Goals");
    const goalIds = goals ? goals.resolve(goalCell, "annual goal", alignment) : [];
    if (!map.Goals) {
      alignment.push("Orphan: the Objectives table has no Goals column, so no objective supports an annual goal.");
    } else if (cells.isEmpty(goalCell)) alignment.push("Orphan: supports no annual goal; link the goal it serves.");
    else if (!goals && withGoals) {
      alignment.push(
        "The annual goals this objective links to are not in this doc; add the AnnualGoals sync table to it.",
      );
    }
    return {
      id: stableId(this.docId, row.id),
      name: cells.text(cell(row, map, "Name")) || cells.text(row.name),
      code: cells.text(cell(row, map, "Code")),
      owner: person(cell(row, map, "Owner")),
      team: cells.text(cell(row, map, "Team")),
      cycleName,
      cycle: cycleOf(cycleName, this.options, problems),
      goalIds,
      link: row.browserLink,
      docId: this.docId,
      alignment,
      problems,
    };
  }

  /** Key result records, each linked to its objective. */
  async keyResults(objectives: readonly ObjectiveRecord[], fresh = false): Promise<KeyResultRecord[]> {
    const table = await this.keyResultsTable(fresh);
    const resolver = new RefResolver(
      objectives.map(o => ({rowId: o.id.slice(this.docId.length + 1), name: o.name, id: o.id})),
    );
    return table.rows.map(row => this.keyResult(row, table.map, resolver, table.ref));
  }

  private keyResult(
    row: Row,
    map: ColumnMap<FieldName<typeof KeyResultFields>>,
    objectives: RefResolver,
    tableRef: string,
  ): KeyResultRecord {
    const problems: string[] = [];
    const objectiveCell = cell(row, map, "Objective");
    const objectiveIds = objectives.resolve(objectiveCell, "objective", problems);
    if (cells.isEmpty(objectiveCell)) {
      problems.push("Orphan: this key result measures no objective; link its objective.");
    }
    if (objectiveIds.length > 1) problems.push("A key result should measure one objective; the first is used.");
    const weight = numberInto(problems, cell(row, map, "Weight"), "Weight");
    if (weight !== undefined && weight < 0) problems.push(`Weight is ${weight}; weights must not be negative.`);
    return {
      id: stableId(this.docId, row.id),
      name: cells.text(cell(row, map, "Name")) || cells.text(row.name),
      code: cells.text(cell(row, map, "Code")),
      objectiveId: objectiveIds[0],
      owner: person(cell(row, map, "Owner")),
      start: numberInto(problems, cell(row, map, "Start"), "Start"),
      target: numberInto(problems, cell(row, map, "Target"), "Target"),
      current: numberInto(problems, cell(row, map, "Current"), "Current"),
      kind: cells.text(cell(row, map, "Kind")) || "Auto",
      confidence: fraction(problems, cell(row, map, "Confidence"), "Confidence"),
      weight: weight !== undefined && weight >= 0 ? weight : undefined,
      unit: cells.text(cell(row, map, "Unit")),
      link: row.browserLink,
      docId: this.docId,
      tableId: tableRef,
      problems,
    };
  }

  /**
   * The key results by name, read only when a check-in names its key result as
   * text (as a CSV import leaves the column): a lookup carries its row already.
   */
  private async namedKeyResults(krCells: readonly unknown[]): Promise<RefResolver | undefined> {
    if (!krCells.some(c => cells.refs(c).some(ref => !ref.rowId))) return undefined;
    const table = await this.keyResultsTable();
    return new RefResolver(
      table.rows.map(r => ({
        rowId: r.id,
        name: cells.text(cell(r, table.map, "Name")) || cells.text(r.name),
        id: stableId(this.docId, r.id),
      })),
    );
  }

  /** Check-in records; none when the doc has no check-ins table. */
  async checkIns(keyResults: readonly KeyResultRecord[] | undefined, fresh = false): Promise<CheckInRecord[]> {
    const table = await this.checkInsTable(fresh);
    if (!table) return [];
    const map = table.map;
    const resolver = keyResults
      ? new RefResolver(keyResults.map(k => ({rowId: k.id.slice(this.docId.length + 1), name: k.name, id: k.id})))
      : await this.namedKeyResults(table.rows.map(r => cell(r, map, "KeyResult")));
    return table.rows.map(row => {
      const problems: string[] = [];
      const krCell = cell(row, map, "KeyResult");
      const refs = cells.refs(krCell);
      const keyResultId = resolver
        ? resolver.resolve(krCell, "key result", problems)[0]
        : refs[0]?.rowId
          ? stableId(this.docId, refs[0].rowId)
          : undefined;
      if (!refs.length) problems.push("This check-in names no key result.");
      const date = cells.date(cell(row, map, "Date"), "Date", this.context.timezone);
      if (date.problem) problems.push(date.problem);
      if (!date.value && !date.problem) problems.push("Date is blank.");
      const value = numberInto(problems, cell(row, map, "Value"), "Value");
      if (value === undefined && !problems.some(p => p.startsWith("Value"))) problems.push("Value is blank.");
      return {
        id: stableId(this.docId, row.id),
        keyResultId,
        keyResultName: refs[0]?.name ?? "",
        date: date.value,
        value,
        confidence: fraction(problems, cell(row, map, "Confidence"), "Confidence"),
        note: cells.text(cell(row, map, "Note")),
        link: row.browserLink,
        problems,
      };
    });
  }
}

export interface OkrArgs {
  table?: string;
  columns?: string;
  fiscalYearStartMonth?: number;
}

export function teamOptions(primary: "objectives" | "keyResults" | "checkIns", args: OkrArgs): TeamDocOptions {
  return {
    primary,
    [`${primary}Table`]: args.table,
    columns: args.columns,
    fiscalYearStartMonth: args.fiscalYearStartMonth,
  };
}

export interface TeamOkrs {
  objectives: ObjectiveRecord[];
  keyResults: KeyResultRecord[];
  checkIns: CheckInRecord[];
}

/**
 * Reads one team doc's objectives and key results, with the tables only some
 * readers need: check-ins (for forecasts and staleness) and the goals objectives
 * link to (for alignment). Agendas need neither.
 */
export async function readTeamOkrs(
  context: coda.ExecutionContext,
  docId: string,
  options: TeamDocOptions,
  need: {checkIns: boolean; goals: boolean},
): Promise<TeamOkrs> {
  const team = new TeamDoc(context, docId, options);
  const objectives = await team.objectives(need.goals);
  const keyResults = await team.keyResults(objectives);
  const checkIns = need.checkIns ? await team.checkIns(keyResults) : [];
  return {objectives, keyResults, checkIns};
}
