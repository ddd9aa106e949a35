import type * as coda from "@codahq/packs-sdk";
import {executeSyncFormulaFromPackDefSingleIteration, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {EmulatorFetcher, emulatorContext, newLog} from "../../emulator/fetcher";
import type {FetchLog} from "../../emulator/fetcher";
import type {SampleEmulator} from "../../emulator/sample";
import {Tokens} from "../../emulator/sample";
import type {pack as PackType} from "../../src/pack";

export type Pack = typeof PackType;

/** Loads the pack in a fresh module instance: nothing survives from an earlier load. */
export function freshPack(): Pack {
  const root = require.resolve("../../src/pack").replace(/src\/pack\.ts$/, "");
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(root) && !key.includes("node_modules") && !key.includes("/emulator/") && !key.includes("/test/")) delete require.cache[key];
  }
  return (require("../../src/pack") as {pack: Pack}).pack;
}

export interface SyncRun {
  rows: Array<Record<string, any>>;
  executions: number;
  continuations: coda.Continuation[];
  log: FetchLog;
  longestMs: number;
}

/**
 * Runs a sync the way Coda does: one execution at a time, each in a fresh context
 * given only the previous execution's continuation (and, with fresh, a freshly
 * loaded pack module).
 */
export async function runSync(
  env: SampleEmulator,
  packOrLoader: Pack | (() => Pack),
  name: string,
  params: unknown[],
  options: {token?: string; log?: FetchLog; maxExecutions?: number} = {},
): Promise<SyncRun> {
  const log = options.log ?? newLog();
  const rows: Array<Record<string, any>> = [];
  const continuations: coda.Continuation[] = [];
  let continuation: coda.Continuation | undefined;
  let executions = 0;
  let longestMs = 0;
  do {
    const pack = typeof packOrLoader === "function" ? packOrLoader() : packOrLoader;
    const context = emulatorContext({baseUrl: env.baseUrl, token: options.token ?? Tokens.leader, log, continuation});
    const started = Date.now();
    const page = await executeSyncFormulaFromPackDefSingleIteration(pack, name, params as never, context, {useDeprecatedResultNormalization: false});
    longestMs = Math.max(longestMs, Date.now() - started);
    executions++;
    rows.push(...(page.result as Array<Record<string, any>>));
    continuation = page.continuation;
    if (continuation) {
      continuations.push(continuation);
      assert.isTrue(
        Object.values(continuation).every(v => typeof v === "string" || typeof v === "number"),
        "a continuation holds only strings and numbers",
      );
    }
    assert.isAtMost(executions, options.maxExecutions ?? 100, "the sync should finish");
  } while (continuation);
  return {rows, executions, continuations, log, longestMs};
}

/** An execution context for formulas and actions whose fetcher reaches the emulator. */
export function actionContext(env: SampleEmulator, token: string = Tokens.leader) {
  const context = newMockExecutionContext({timezone: "America/Los_Angeles"});
  (context as {fetcher: coda.Fetcher}).fetcher = new EmulatorFetcher({baseUrl: env.baseUrl, token});
  return context;
}

export const docUrl = (docId: string) => `https://docs.superhuman.com/d/Team-OKRs_d${docId}`;
