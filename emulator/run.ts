import type * as coda from "@codahq/packs-sdk";
import {
  executeSyncFormulaFromPackDefSingleIteration,
  newMockExecutionContext,
} from "@codahq/packs-sdk/dist/development";
import type {FetchLog} from "./fetcher";
import {EmulatorFetcher, emulatorContext, newLog} from "./fetcher";
import type {SampleEmulator} from "./sample";
import {Tokens} from "./sample";
import type {pack as PackType} from "../src/pack";

export type Pack = typeof PackType;
export type SyncedRow = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SyncRun {
  rows: SyncedRow[];
  executions: number;
  continuations: coda.Continuation[];
  log: FetchLog;
  longestMs: number;
  /** The last execution's completion, and the row ids the executions said are deleted. */
  completion?: coda.SyncCompletionMetadataResult;
  deletedRowIds: string[];
}

/**
 * Runs a sync table the way Coda does: one execution at a time, each in a fresh
 * context that is handed only the previous execution's continuation. Pass a
 * function to load a fresh pack module for every execution, a previous
 * sync's completion to run an incremental sync, and the doc's time zone
 * (America/Los_Angeles by default).
 */
export async function runSync(
  env: SampleEmulator,
  packOrLoader: Pack | (() => Pack),
  name: string,
  params: unknown[],
  options: {
    token?: string;
    log?: FetchLog;
    maxExecutions?: number;
    previousCompletion?: coda.SyncCompletionMetadata;
    timezone?: string;
  } = {},
): Promise<SyncRun> {
  const log = options.log ?? newLog();
  const rows: SyncedRow[] = [];
  const deletedRowIds: string[] = [];
  let completion: coda.SyncCompletionMetadataResult | undefined;
  const continuations: coda.Continuation[] = [];
  let continuation: coda.Continuation | undefined;
  let executions = 0;
  let longestMs = 0;
  do {
    const pack = typeof packOrLoader === "function" ? packOrLoader() : packOrLoader;
    const context = emulatorContext({
      baseUrl: env.baseUrl,
      token: options.token ?? Tokens.leader,
      log,
      continuation,
      timezone: options.timezone,
    });
    if (options.previousCompletion) Object.assign(context.sync, {previousCompletion: options.previousCompletion});
    const started = Date.now();
    const page = await executeSyncFormulaFromPackDefSingleIteration(
      pack,
      name,
      params as coda.ParamValues<coda.ParamDefs>,
      context,
      {useDeprecatedResultNormalization: false},
    );
    longestMs = Math.max(longestMs, Date.now() - started);
    executions++;
    rows.push(...(page.result as SyncedRow[]));
    deletedRowIds.push(...(page.deletedRowIds ?? []));
    completion = page.completion;
    continuation = page.continuation;
    if (continuation) continuations.push(continuation);
    if (executions > (options.maxExecutions ?? 1000)) {
      throw new Error(`The ${name} sync did not finish in ${executions} executions.`);
    }
  } while (continuation);
  return {rows, executions, continuations, log, longestMs, completion, deletedRowIds};
}

/** An execution context for formulas and actions whose fetcher reaches the emulator. */
export function actionContext(env: SampleEmulator, token: string = Tokens.leader) {
  const context = newMockExecutionContext({timezone: "America/Los_Angeles"});
  (context as {fetcher: coda.Fetcher}).fetcher = new EmulatorFetcher({baseUrl: env.baseUrl, token});
  return context;
}

export const docUrl = (docId: string) => `https://docs.superhuman.com/d/Team-OKRs_d${docId}`;
