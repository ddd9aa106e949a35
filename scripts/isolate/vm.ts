import * as coda from "@codahq/packs-sdk";
import type {Logger} from "@codahq/packs-sdk/dist/api_types";
import {transformBody, untransformBody} from "@codahq/packs-sdk/dist/handler_templates";
import {
  createIsolate,
  createIsolateContext,
  executeThunk,
  getThunkPath,
  injectExecutionContext,
  injectSerializer,
} from "@codahq/packs-sdk/dist/runtime/bootstrap";
import type {FormulaSpecification, PackFunctionResponse} from "@codahq/packs-sdk/dist/runtime/types";
import {validateResult} from "@codahq/packs-sdk/dist/testing/validation";
import {randomUUID} from "node:crypto";
import {readFileSync} from "node:fs";
import {performance} from "node:perf_hooks";

/**
 * Runs one execution of the built bundle in a new isolate, the way the Pack
 * runtime does: a fresh V8 isolate with a memory limit, the SDK's thunk and the
 * pack bundle loaded into it, an execution context whose fetcher and logger are
 * stubs that call out to this process, and the result copied back out.
 *
 * The steps are the SDK's own (runtime/bootstrap, in the order of its
 * testing/ivm_helper setupIvmContext); this file only adds what that helper
 * leaves out: the isolate is disposed after each execution, each step is timed
 * (the scripts' compile apart, so registerBundle is spelled out here), and an
 * execution that runs past the runtime's minute is stopped.
 *
 * Needs isolated-vm, so it runs under the Node of the isolate runtime (see runtime.ts).
 */

/** The memory limit the SDK's own isolate helper uses. */
export const IsolateMemoryLimitMb = 128;
/** A Pack execution gets a minute. */
export const ExecutionLimitMs = 60_000;

export interface Phases {
  /** New isolate and context, with the SDK's globals. */
  createMs: number;
  /** Compile and run the thunk and the pack bundle, inject the execution context. */
  loadMs: number;
  /** Of loadMs: compiling the two scripts, which grows with the code's size whatever it does. */
  compileMs: number;
  /** The pack function, from the call into the isolate to the copied-out result. */
  runMs: number;
}

export interface IsolateExecution<T> {
  value: T;
  phases: Phases;
  /** Heap the isolate used when the function returned, in bytes. */
  heapBytes: number;
}

export interface IsolateContextOptions {
  fetcher: coda.Fetcher;
  /** Set for a sync execution; the continuation of the previous one, if any. */
  sync?: {continuation?: coda.Continuation};
  timezone?: string;
  logger?: Logger;
  /** Default: the runtime's minute. */
  limitMs?: number;
}

/** A logger that keeps what the pack logs, to show when a check fails. */
export function collectingLogger(lines: string[]): Logger {
  const keep =
    (level: string) =>
    (message: string, ...args: unknown[]) => {
      lines.push(`${level}: ${[message, ...args].map(a => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")}`);
    };
  return {trace: keep("trace"), debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error")};
}

const noBlobs: coda.TemporaryBlobStorage = {
  storeUrl: async () => {
    throw new Error("Temporary blob storage is not available in the isolate run.");
  },
  storeBlob: async () => {
    throw new Error("Temporary blob storage is not available in the isolate run.");
  },
};

type Isolate = ReturnType<typeof createIsolate>;
type Context = Awaited<ReturnType<typeof createIsolateContext>>;

/**
 * The SDK's registerBundle (runtime/bootstrap, as registerBundles calls it for a
 * bundle built as an iife) with its compile timed: reset `exports` and `module`,
 * compile the file, run it, and keep what it exports as `global[name]`.
 * Returns the milliseconds the compile took.
 */
async function registerBundle(isolate: Isolate, context: Context, path: string, name: string): Promise<number> {
  await context.global.set("exports", {}, {copy: true});
  await context.global.set("module", {}, {copy: true});
  const code = readFileSync(path, "utf8");
  const start = performance.now();
  const script = await isolate.compileScript(code, {filename: path});
  const compileMs = performance.now() - start;
  await script.run(context);
  await context.eval(`global.${name} = {...global.exports, ...module.exports};`);
  return compileMs;
}

export async function executeInIsolate<T extends FormulaSpecification>(
  bundlePath: string,
  formulaSpec: T,
  params: unknown[],
  options: IsolateContextOptions,
  updates?: coda.GenericSyncUpdate[],
): Promise<IsolateExecution<PackFunctionResponse<T>>> {
  const t0 = performance.now();
  const isolate = createIsolate({memoryLimit: IsolateMemoryLimitMb});
  let timer: NodeJS.Timeout | undefined;
  try {
    const context = await createIsolateContext(isolate);
    await context.global.set("codaInternal", {serializer: {}}, {copy: true});
    await injectSerializer(context, "codaInternal.serializer");
    const t1 = performance.now();
    const compileMs =
      (await registerBundle(isolate, context, getThunkPath(), "coda")) +
      (await registerBundle(isolate, context, bundlePath, "pack"));
    await injectExecutionContext({
      context,
      fetcher: options.fetcher,
      temporaryBlobStorage: noBlobs,
      syncStateService: undefined,
      logger: options.logger ?? collectingLogger([]),
      endpoint: undefined,
      invocationLocation: {protocolAndHost: "https://docs.superhuman.com"},
      timezone: options.timezone ?? "America/Los_Angeles",
      invocationToken: randomUUID(),
      sync: options.sync,
      authenticationName: undefined,
      executionId: randomUUID(),
      previousAttemptError: undefined,
    });
    const t2 = performance.now();
    const limitMs = options.limitMs ?? ExecutionLimitMs;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The execution ran past ${limitMs / 1000} s and was stopped.`)),
        limitMs,
      );
    });
    const thunkParams = params as Parameters<typeof executeThunk>[1]["params"];
    const run = executeThunk(context, {params: thunkParams, formulaSpec, updates}, bundlePath, `${bundlePath}.map`);
    run.catch(() => {}); // after a time-out the disposed isolate rejects it too; the race has already failed
    const value = await Promise.race([run, limit]);
    const t3 = performance.now();
    const heapBytes = (await isolate.getHeapStatistics()).used_heap_size as number;
    return {value, phases: {createMs: t1 - t0, loadMs: t2 - t1, compileMs, runMs: t3 - t2}, heapBytes};
  } finally {
    clearTimeout(timer);
    isolate.dispose();
  }
}

/**
 * What the SDK's Node harness does to a result after the pack function returns
 * (testing/execution findAndExecutePackFunction): normalize object results to
 * the schema, check them against it, and for useDeprecatedResultNormalization
 * false turn the keys back. Applied to a result copied out of the isolate, it
 * makes that result comparable with the harness's.
 */
export function likeHarness(
  formula: coda.TypedPackFormula,
  result: unknown,
  options: {deprecatedNormalization: boolean; schema?: coda.Schema},
): unknown {
  if (typeof result !== "object" || result === null) {
    validateResult(formula, result);
    return result;
  }
  const schema = options.schema ?? formula.schema;
  const normalized = transformBody(result, schema);
  validateResult(formula, normalized);
  return options.deprecatedNormalization ? normalized : untransformBody(normalized, schema);
}

/**
 * A fetcher for the isolate's execution context that behaves as the platform's:
 * a response of 400 or more is handed back to the isolate, where the SDK's thunk
 * turns it into a StatusCodeError inside the pack (an error thrown out here would
 * reach the pack as a plain Error). With no inner fetcher it refuses every request,
 * for formulas and sync tables that need no account.
 */
export class PlatformFetcher implements coda.Fetcher {
  requests = 0;
  readonly urls: string[] = [];

  constructor(private readonly inner: coda.Fetcher | undefined) {}

  async fetch<T>(request: coda.FetchRequest): Promise<coda.FetchResponse<T>> {
    this.requests++;
    this.urls.push(`${request.method} ${request.url}`);
    if (!this.inner) {
      throw new Error(
        `This needs no account, so it may not reach the network, yet it asked for ${request.method} ${request.url}`,
      );
    }
    try {
      return await this.inner.fetch<T>(request);
    } catch (error) {
      if (!coda.StatusCodeError.isStatusCodeError(error)) throw error;
      return {
        status: error.statusCode,
        body: error.body as T,
        headers: (error.response?.headers ?? {}) as Record<string, string>,
      };
    }
  }
}
