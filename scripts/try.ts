import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, executeSyncFormulaFromPackDefSingleIteration, executeUpdateFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {coerceParams} from "@codahq/packs-sdk/dist/testing/coercion";
import type {EmulatorFetcher} from "../emulator/fetcher";
import { emulatorContext} from "../emulator/fetcher";
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
 * two-way edit in a doc is.
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
}

export const Usage = 'Usage: npm run try -- <Formula or SyncTable> [args...] [--edit <Code, Name or Id> Field=value ...]\nExample: npm run try -- KeyResults NsTeam001 "" "" "" "" "" 2026-11-18 --edit KR2 Current=25';

/** A date typed as a day is read as noon UTC, so it stays that day in the doc's time zone. */
const asDay = (arg: string) => (/^\d{4}-\d{2}-\d{2}$/.test(arg) ? `${arg}T12:00:00Z` : arg);

function coerce(formula: coda.TypedPackFormula, args: string[]): coda.ParamValues<coda.ParamDefs> {
  const raw = args.map((arg, i) => {
    if (arg === "") return undefined;
    const type = formula.parameters[i]?.type as unknown;
    return type === "date" ? asDay(arg) : arg;
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
    const result = await executeFormulaFromPackDef(pack, name, coerce(formula as coda.TypedPackFormula, args), context(), {useDeprecatedResultNormalization: false});
    return {kind: "formula", name, result, requests: requests()};
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
    const page = await executeSyncFormulaFromPackDefSingleIteration(pack, name, params, c, {useDeprecatedResultNormalization: false});
    rows.push(...(page.result as Array<Record<string, unknown>>));
    continuation = page.continuation;
    executions++;
  } while (continuation);
  if (!edit) return {kind: "sync", name, result: rows, executions, requests: requests()};

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
  const updated = await executeUpdateFormulaFromPackDef(pack, name, params, context() as unknown as coda.UpdateSyncExecutionContext, [
    {previousValue: row, newValue: {...row, ...changes}, updatedFields: Object.keys(changes)},
  ] as coda.ParamValues<coda.ParamDefs>);
  return {kind: "edit", name, result: updated.result, executions, requests: requests()};
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
  const options = {baseUrl: (process.env.EMULATOR_URL ?? "http://127.0.0.1:8787").replace(/\/apis\/v1\/?$/, ""), token: process.env.EMULATOR_TOKEN ?? Tokens.leader};
  if (!(await reachable(options.baseUrl))) {
    console.error(`No emulator answers at ${options.baseUrl}. Is the emulator running? Start it with npm run emulator, and set EMULATOR_URL to the address it prints.`);
    process.exit(1);
  }
  try {
    const out = await tryPack(process.argv.slice(2), options);
    console.log(JSON.stringify(out.result, null, 2));
    const rows = Array.isArray(out.result) && out.kind === "sync" ? `${out.result.length} rows in ${out.executions} executions, ` : "";
    console.error(`${out.name}: ${rows}${out.requests} requests to ${options.baseUrl}`);
  } catch (error) {
    const cause = (error as {cause?: Error}).cause ?? error;
    console.error(cause instanceof Error ? cause.message : String(cause));
    process.exit(1);
  }
}

if (require.main === module) void main();
