import * as coda from "@codahq/packs-sdk";
import {
  executeFormulaFromPackDef,
  executeSyncFormulaFromPackDefSingleIteration,
  executeUpdateFormulaFromPackDef,
} from "@codahq/packs-sdk/dist/development";
import {coerceParams} from "@codahq/packs-sdk/dist/testing/coercion";
import type {EmulatorFetcher} from "../emulator/fetcher";
import {emulatorContext} from "../emulator/fetcher";
import {Tokens} from "../emulator/sample";
import {pack} from "../src/pack";

/**
 * npm run try -- <Formula or SyncTable> [args...] [--edit <row> Field=value ...]
 *
 * Runs one formula, action or sync table of the pack against a running emulator
 * (`npm run emulator`) through the SDK's harness, with the emulator's fetcher in
 * place of the platform's: the pack still calls docs.superhuman.com, and the
 * fetcher carries each request to the emulator. Arguments are typed as
 * `coda execute` types them: list items separated by commas, dates as
 * 2026-11-18, and an empty argument ("") for a parameter left out. With --edit,
 * a sync table's row (by Code, Name or Id) is edited and written back, as a
 * two-way edit in a doc is. It prints what a facilitator reads: rows as a text
 * table, a value as text, an edit's outcome in words; --json prints the
 * result as JSON instead.
 *
 * EMULATOR_URL (default http://127.0.0.1:8787) and EMULATOR_TOKEN (default the
 * read-write token) say where the emulator is and who calls it.
 */

export interface TryOptions {
  baseUrl: string;
  token: string;
  timezone?: string;
}

export interface TryResult {
  kind: "formula" | "sync" | "edit";
  name: string;
  /** The formula's value, the sync's rows, or the edits' outcomes. */
  result: unknown;
  executions?: number;
  requests: number;
  /** The shape of the value or of each row: its display and featured properties. */
  schema?: coda.Schema;
  /** For an edit: the row edited, as given, and the fields changed. */
  edited?: {row: string; fields: string[]};
}

/** What a two-way edit of one row comes to. */
type EditOutcome = {outcome: "success"; finalValue: Record<string, unknown>} | {outcome: "error"; error: Error};

export const Usage = [
  "Usage: npm run try -- <Formula or SyncTable> [args...] [--edit <Code, Name or Id> Field=value ...] [--json]",
  'Example: npm run try -- KeyResults NsTeam001 "" "" "" "" "" 2026-11-18 --edit KR2 Current=25',
].join("\n");

/** A date typed as a day is read as noon UTC, so it stays that day in the doc's time zone. */
const asDay = (arg: string) => (/^\d{4}-\d{2}-\d{2}$/.test(arg) ? `${arg}T12:00:00Z` : arg);

function coerce(formula: coda.TypedPackFormula, args: string[]): coda.ParamValues<coda.ParamDefs> {
  const raw = args.map((arg, i) => {
    if (arg === "") return undefined;
    const type = formula.parameters[i]?.type as unknown;
    return type === coda.Type.date ? asDay(arg) : arg;
  });
  return coerceParams(formula, raw as coda.ParamValues<coda.ParamDefs>);
}

/** A value typed after Field=: a number when it reads as one, else the text. */
const fieldValue = (text: string): unknown => (text !== "" && Number.isFinite(Number(text)) ? Number(text) : text);

export async function tryPack(argv: readonly string[], options: TryOptions): Promise<TryResult> {
  const [name, ...rest] = argv;
  if (!name) throw new Error(Usage);
  const at = rest.indexOf("--edit");
  const args = at < 0 ? rest : rest.slice(0, at);
  const edit = at < 0 ? undefined : rest.slice(at + 1);
  const fetchers: EmulatorFetcher[] = [];
  const context = () => {
    const c = emulatorContext({baseUrl: options.baseUrl, token: options.token, timezone: options.timezone});
    fetchers.push(c.fetcher as EmulatorFetcher);
    return c;
  };
  const requests = () => fetchers.reduce((n, f) => n + f.log.requests, 0);

  const formula = pack.formulas.find(f => f.name === name);
  if (formula) {
    if (edit) throw new Error("--edit goes with a sync table, not a formula.");
    const result = await executeFormulaFromPackDef(
      pack,
      name,
      coerce(formula as coda.TypedPackFormula, args),
      context(),
      {useDeprecatedResultNormalization: false},
    );
    return {kind: "formula", name, result, requests: requests(), schema: formula.schema};
  }
  const table = pack.syncTables.find(t => t.name === name);
  if (!table) {
    const names = [...pack.formulas.map(f => f.name), ...pack.syncTables.map(t => t.name)].sort();
    throw new Error(`The pack has no formula or sync table named ${name}. It has: ${names.join(", ")}.`);
  }
  const params = coerce(table.getter as unknown as coda.TypedPackFormula, args);
  const rows: Array<Record<string, unknown>> = [];
  let continuation: coda.Continuation | undefined;
  let executions = 0;
  do {
    const c = context();
    if (continuation) c.sync.continuation = continuation;
    const page = await executeSyncFormulaFromPackDefSingleIteration(pack, name, params, c, {
      useDeprecatedResultNormalization: false,
    });
    rows.push(...(page.result as Array<Record<string, unknown>>));
    continuation = page.continuation;
    executions++;
  } while (continuation);
  if (!edit) return {kind: "sync", name, result: rows, executions, requests: requests(), schema: table.schema};

  const [key, ...assignments] = edit;
  const row = rows.find(r => [r.Code, r.Name, r.Id].includes(key));
  if (!row) throw new Error(`No ${name} row has the Code, Name or Id ${key}.`);
  const changes: Record<string, unknown> = {};
  for (const a of assignments) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new Error(`"${a}" is not of the form Field=value.`);
    changes[a.slice(0, eq)] = fieldValue(a.slice(eq + 1));
  }
  if (!Object.keys(changes).length) throw new Error("--edit needs at least one Field=value.");
  const updated = await executeUpdateFormulaFromPackDef(
    pack,
    name,
    params,
    context() as unknown as coda.UpdateSyncExecutionContext,
    [
      {previousValue: row, newValue: {...row, ...changes}, updatedFields: Object.keys(changes)},
    ] as coda.ParamValues<coda.ParamDefs>,
  );
  return {
    kind: "edit",
    name,
    result: updated.result,
    executions,
    requests: requests(),
    edited: {row: key, fields: Object.keys(changes)},
  };
}

// ---------------------------------------------------------------------- what is printed

/** The widest a cell of a text table gets before it is shortened. */
const CellWidth = 28;
/** A table with more columns than this shows its display and featured columns only. */
const MostColumns = 8;

/** The result as JSON; an error inside it (a refused edit's) keeps its message. */
export function asJson(out: TryResult): string {
  return JSON.stringify(
    out.result,
    (_key, value: unknown) => (value instanceof Error ? {...value, message: value.message} : value),
    2,
  );
}

/** The result in words: rows as a text table, a value as text, an edit's outcome. `width` is the terminal's. */
export function asText(out: TryResult, width = 120): string {
  if (out.kind === "edit") return editText(out);
  return valueText(out.result, out.schema, width);
}

function valueText(value: unknown, schema: coda.Schema | undefined, width: number): string {
  if (Array.isArray(value)) {
    if (!value.length) return "(none)";
    if (value.every(isRecord)) return textTable(value, itemSchema(schema), width);
    return value.map(v => cellText(v)).join("\n");
  }
  if (isRecord(value)) return fieldLines(value, width);
  return typeof value === "string" || typeof value === "number" ? String(value) : cellText(value);
}

/** One `Field  value` line per field, values shortened to the width. */
function fieldLines(record: Record<string, unknown>, width: number): string {
  const keyWidth = Math.max(...Object.keys(record).map(k => k.length));
  return Object.entries(record)
    .map(([key, v]) => `${key.padEnd(keyWidth)}  ${shorten(cellText(v), Math.max(20, width - keyWidth - 2))}`)
    .join("\n");
}

function editText(out: TryResult): string {
  const {row, fields} = out.edited!;
  return (out.result as EditOutcome[])
    .map(o => {
      if (o.outcome === "error") return `Not saved (${row}): ${o.error.message}`;
      const values = fields.map(f => `${f} ${cellText(o.finalValue[f])}`);
      return `Saved ${row}: ${values.join(", ")}.`;
    })
    .join("\n");
}

/**
 * Rows as a text table under a header, with every column when there are few,
 * else the display and featured ones, as many as fit the width.
 */
function textTable(rows: Array<Record<string, unknown>>, schema: coda.Schema | undefined, width: number): string {
  const all = [...new Set(rows.flatMap(r => Object.keys(r)))];
  const cells = rows.map(r => Object.fromEntries(all.map(c => [c, shorten(cellText(r[c]), CellWidth)])));
  const widthOf = (c: string) => Math.max(length(c), ...cells.map(r => length(r[c])));
  const columns = fitting(chosenColumns(all, schema), widthOf, width);
  const line = (texts: string[]) =>
    texts
      .map((t, i) => t + " ".repeat(widthOf(columns[i]) - length(t)))
      .join("  ")
      .trimEnd();
  const rules = columns.map(c => "-".repeat(widthOf(c)));
  const lines = [line(columns), line(rules), ...cells.map(r => line(columns.map(c => r[c])))];
  const note =
    columns.length < all.length ? [`${columns.length} of ${all.length} columns; --json shows them all.`] : [];
  return [...lines, `${rows.length} ${rows.length === 1 ? "row" : "rows"}.`, ...note].join("\n");
}

function chosenColumns(all: string[], schema: coda.Schema | undefined): string[] {
  if (all.length <= MostColumns || !schema || schema.type !== coda.ValueType.Object) return all;
  const named = [schema.displayProperty, ...(schema.featuredProperties ?? [])];
  const wanted = named.filter((c): c is string => c !== undefined && all.includes(c));
  return wanted.length ? wanted : all;
}

/** The first columns whose widths, two spaces apart, fit the width; always the first. */
function fitting(columns: string[], widthOf: (column: string) => number, width: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const column of columns) {
    used += widthOf(column) + (kept.length ? 2 : 0);
    if (kept.length && used > width) break;
    kept.push(column);
  }
  return kept;
}

function itemSchema(schema: coda.Schema | undefined): coda.Schema | undefined {
  return schema?.type === coda.ValueType.Array ? schema.items : schema;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as words: a reference or person by its name, a list joined, a picture named, a number rounded. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (isRecord(value)) return cellText(value.Name ?? value.Title ?? value.Id ?? JSON.stringify(value));
  if (typeof value === "number") return String(Math.round(value * 1000) / 1000);
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = String(value);
  return text.startsWith("data:image/") ? "(picture)" : text.replace(/\s*\n\s*/g, " ");
}

/** Characters as a terminal counts them, near enough: code points. */
const length = (text: string) => [...text].length;

function shorten(text: string, most: number): string {
  const chars = [...text];
  return chars.length <= most ? text : chars.slice(0, most - 1).join("") + "…";
}

/** Whether an emulator answers at the base URL: a refused connection means none is running. */
async function reachable(baseUrl: string): Promise<boolean> {
  try {
    await fetch(`${baseUrl}/apis/v1/whoami`);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const options = {
    baseUrl: (process.env.EMULATOR_URL ?? "http://127.0.0.1:8787").replace(/\/apis\/v1\/?$/, ""),
    token: process.env.EMULATOR_TOKEN ?? Tokens.leader,
  };
  if (!(await reachable(options.baseUrl))) {
    console.error(
      `No emulator answers at ${options.baseUrl}. Is the emulator running? Start it with npm run emulator, and set EMULATOR_URL to the address it prints.`,
    );
    process.exit(1);
  }
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  try {
    const out = await tryPack(
      argv.filter(a => a !== "--json"),
      options,
    );
    console.log(json ? asJson(out) : asText(out, process.stdout.columns || 120));
    const rows =
      Array.isArray(out.result) && out.kind === "sync"
        ? `${out.result.length} rows in ${out.executions} executions, `
        : "";
    console.error(`${out.name}: ${rows}${out.requests} requests to ${options.baseUrl}`);
    if (out.kind === "edit" && (out.result as EditOutcome[]).some(o => o.outcome === "error")) process.exitCode = 1;
  } catch (error) {
    const cause = (error as {cause?: Error}).cause ?? error;
    console.error(cause instanceof Error ? cause.message : String(cause));
    process.exit(1);
  }
}

if (require.main === module) void main();
