import {assert} from "chai";
import type {SampleEmulator, SampleOptions} from "../../emulator/sample";
import {restoreWallClock} from "../../emulator/clock";
import {startSampleEmulator} from "../../emulator/sample";
import {DocsApiEmulator} from "../../emulator/server";
import type {Pack, SyncRun} from "../../emulator/run";
import {runSync as run} from "../../emulator/run";
import type {FetchLog} from "../../emulator/fetcher";

export {actionContext, docUrl} from "../../emulator/run";

/**
 * One emulator for the calling describe: started before its first test, reset
 * before each test to the state it started in (the seeded docs, no faults, the
 * options' limits and write delay, no queued writes or rate-limit windows, no
 * counts, no violations, the wall clock), stopped after its last test.
 *
 * The handle's fields are filled by the hooks: read them in hooks and tests,
 * not in the describe's body. A test that needs other options gets its own
 * emulator from this helper in a nested describe. Pass a function for options
 * known only once an earlier `before` hook has run (a folder it makes, say),
 * and `keep` for a describe whose tests build on each other, in order: its
 * emulator is then not reset between them.
 */
export function useEmulator(
  options: SampleOptions | (() => SampleOptions) = {},
  {keep = false}: {keep?: boolean} = {},
): SampleEmulator {
  const env = {} as SampleEmulator;
  before(async function () {
    Object.assign(env, await startSampleEmulator(typeof options === "function" ? options() : options));
  });
  if (!keep) {
    beforeEach(function () {
      restoreWallClock();
      restoreMethods(env.emulator);
      env.emulator.reset();
    });
  }
  after(async function () {
    await env.stop?.();
  });
  return env;
}

/** Undoes a test's wrapping of the emulator's own methods (see races.ts): the next test gets the class's. */
function restoreMethods(emulator: DocsApiEmulator): void {
  const own = emulator as unknown as Record<string, unknown>;
  for (const key of Object.keys(own)) {
    if (typeof own[key] === "function" && key in DocsApiEmulator.prototype) delete own[key];
  }
}

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
