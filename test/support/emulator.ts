import {assert} from "chai";
import type {SampleEmulator} from "../../emulator/sample";
import type {Pack, SyncRun} from "../../emulator/run";
import {runSync as run} from "../../emulator/run";
import type {FetchLog} from "../../emulator/fetcher";

export {actionContext, docUrl} from "../../emulator/run";

/** Loads the pack in a fresh module instance: nothing survives from an earlier load. */
export function freshPack(): Pack {
  const root = require.resolve("../../src/pack").replace(/src\/pack\.ts$/, "");
  for (const key of Object.keys(require.cache)) {
    if (
      key.startsWith(root) &&
      !key.includes("node_modules") &&
      !key.includes("/emulator/") &&
      !key.includes("/test/")
    ) {
      delete require.cache[key];
    }
  }
  return (require("../../src/pack") as {pack: Pack}).pack;
}

/** Runs a sync to the end and checks every continuation holds only small strings and numbers. */
export async function runSync(
  env: SampleEmulator,
  packOrLoader: Pack | (() => Pack),
  name: string,
  params: unknown[],
  options: {token?: string; log?: FetchLog} = {},
): Promise<SyncRun> {
  const result = await run(env, packOrLoader, name, params, {...options, maxExecutions: 100});
  for (const c of result.continuations) {
    assert.isTrue(
      Object.values(c).every(v => typeof v === "string" || typeof v === "number"),
      "a continuation holds only strings and numbers",
    );
  }
  return result;
}

/** The error a call fails with, unwrapped from the harness's wrapper; fails the test if the call succeeds. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return ((error as {cause?: Error}).cause ?? error) as Error;
  }
  assert.fail("expected the call to fail");
}
