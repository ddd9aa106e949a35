import type * as coda from "@codahq/packs-sdk";
import type {GenericSyncFormulaResult, GenericSyncUpdateResultMarshaled} from "@codahq/packs-sdk/dist/api";
import {importManifest} from "@codahq/packs-sdk/dist/cli/helpers";
import {compilePackMetadata} from "@codahq/packs-sdk/dist/helpers/metadata";
import {executeMetadataFormula, executeUpdateFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type {FormulaSpecification} from "@codahq/packs-sdk/dist/runtime/types";
import {FormulaType, MetadataFormulaType} from "@codahq/packs-sdk/dist/runtime/types";
import {validateParams} from "@codahq/packs-sdk/dist/testing/validation";
import assert from "node:assert/strict";
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {performance} from "node:perf_hooks";
import {EmulatorFetcher, emulatorContext} from "../../emulator/fetcher";
import {actionContext, docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {startSampleEmulator, Tokens} from "../../emulator/sample";
import {pack as sourcePack} from "../../src/pack";
import {asInvoked} from "../../emulator/examples";
import type {EmulatorOptions} from "./cases";
import {Syncs, Update} from "./cases";
import type {ConnectionMetadata} from "./connections";
import {connectionFindings} from "./connections";
import type {IsolateContextOptions, Phases} from "./vm";
import {collectingLogger, executeInIsolate, likeHarness, PlatformFetcher} from "./vm";

/**
 * The isolate run: the BUILT bundle, loaded into a new isolate for every
 * execution as the Pack runtime does, against the local emulator. It checks
 * that the built metadata asks for the user's account wherever the pack reaches
 * the Docs API (connections.ts), then runs every formula example (each action
 * included), every sync table to its last continuation (rows must equal the
 * same sync run in Node through the SDK harness), the KeyResults two-way edit
 * and the connection name, and checks that what needs no account makes no
 * request.
 *
 * Runs under the isolate runtime's Node (see runtime.ts and test.ts):
 *   runner.ts --bundle dist/bundle.js [--report report.json] [--only text]
 */

export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
  error?: string;
}

export interface IsolateTotals {
  executions: number;
  createMs: number;
  loadMs: number;
  runMs: number;
  longestExecutionMs: number;
  maxHeapBytes: number;
}

export interface IsolateReport {
  bundle: string;
  node: string;
  checks: CheckResult[];
  totals: IsolateTotals;
  wallMs: number;
}

type Row = Record<string, unknown>;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const bundlePath = resolve(argument("--bundle") ?? "dist/bundle.js");
const reportPath = argument("--report");
const only = argument("--only");

const checks: CheckResult[] = [];
const totals: IsolateTotals = {executions: 0, createMs: 0, loadMs: 0, runMs: 0, longestExecutionMs: 0, maxHeapBytes: 0};

async function check(name: string, fn: (logs: string[]) => Promise<string | void>): Promise<void> {
  if (only && !name.includes(only)) return;
  const logs: string[] = [];
  const started = performance.now();
  try {
    const detail = (await fn(logs)) ?? undefined;
    const ms = performance.now() - started;
    checks.push({name, ok: true, ms, detail});
    console.log(`  ok   ${name} (${ms.toFixed(0)} ms)${detail ? `: ${detail}` : ""}`);
  } catch (error) {
    const ms = performance.now() - started;
    const e = error as Error;
    const stack = (e.stack ?? "").split("\n").slice(1, 8).join("\n");
    const text = [`${e.name}: ${e.message}`, stack, ...(logs.length ? ["pack log:", ...logs.slice(-20)] : [])]
      .filter(Boolean)
      .join("\n");
    checks.push({name, ok: false, ms, error: text});
    console.log(`  FAIL ${name} (${ms.toFixed(0)} ms)\n${text.replace(/^/gm, "       ")}`);
  }
}

/** One execution in a new isolate, counted in the totals. */
async function inIsolate<T extends FormulaSpecification>(
  spec: T,
  params: unknown[],
  options: IsolateContextOptions,
  updates?: coda.GenericSyncUpdate[],
) {
  const execution = await executeInIsolate(bundlePath, spec, params, options, updates);
  const p: Phases = execution.phases;
  totals.executions++;
  totals.createMs += p.createMs;
  totals.loadMs += p.loadMs;
  totals.runMs += p.runMs;
  totals.longestExecutionMs = Math.max(totals.longestExecutionMs, p.createMs + p.loadMs + p.runMs);
  totals.maxHeapBytes = Math.max(totals.maxHeapBytes, execution.heapBytes);
  return execution.value;
}

/** A fetcher to the emulator as the leadership token, or, for what needs no account, none. */
function fetcherFor(env: SampleEmulator | undefined): PlatformFetcher {
  return new PlatformFetcher(env ? new EmulatorFetcher({baseUrl: env.baseUrl, token: Tokens.leader}) : undefined);
}

async function withEmulator<T>(options: EmulatorOptions, fn: (env: SampleEmulator) => Promise<T>): Promise<T> {
  const env = await startSampleEmulator({validate: true, ...options});
  try {
    const result = await fn(env);
    assert.deepEqual(env.emulator.violations, [], "every emulator response matches the OpenAPI spec");
    return result;
  } finally {
    await env.stop();
  }
}

interface IsolateSync {
  rows: Row[];
  executions: number;
  requests: number;
}

/** A sync to its end, one new isolate per execution, each handed only the previous continuation. */
async function syncInIsolate(
  formula: coda.TypedPackFormula,
  table: string,
  params: unknown[],
  env: SampleEmulator | undefined,
  logs: string[],
): Promise<IsolateSync> {
  validateParams(formula, params as coda.ParamValues<coda.ParamDefs>);
  const rows: Row[] = [];
  let continuation: coda.Continuation | undefined;
  let executions = 0;
  let requests = 0;
  do {
    const fetcher = fetcherFor(env);
    const page = (await inIsolate({type: FormulaType.Sync, formulaName: table}, params, {
      fetcher,
      sync: {continuation},
      logger: collectingLogger(logs),
    })) as GenericSyncFormulaResult;
    executions++;
    requests += fetcher.requests;
    rows.push(...(likeHarness(formula, page.result, {deprecatedNormalization: false}) as Row[]));
    continuation = page.continuation;
    if (continuation) {
      for (const [key, value] of Object.entries(continuation)) {
        assert.ok(
          typeof value === "string" || typeof value === "number",
          `the continuation's ${key} is a string or a number, not ${JSON.stringify(value)}`,
        );
      }
    }
    assert.ok(executions <= 100, `${table} did not finish in 100 executions`);
  } while (continuation);
  return {rows, executions, requests};
}

/** Throws unless the two row lists are equal, naming the first row that differs. */
function assertSameRows(actual: Row[], expected: Row[], what: string): void {
  assert.equal(
    actual.length,
    expected.length,
    `${what}: ${actual.length} rows in the isolate, ${expected.length} in Node`,
  );
  actual.forEach((row, i) =>
    assert.deepStrictEqual(
      row,
      expected[i],
      `${what}: row ${i + 1} (${String(expected[i].Id ?? "")}) differs between the isolate and Node`,
    ),
  );
}

async function builtMetadata(manifest: coda.PackDefinition): Promise<void> {
  const verify = (metadata: ConnectionMetadata) => {
    const findings = connectionFindings(metadata);
    assert.ok(findings.length === 0, findings.join("\n"));
    const actions = (metadata.formulas ?? []).filter(f => f.isAction).length;
    return `${actions} actions and ${(metadata.syncTables ?? []).length} sync tables checked`;
  };
  // What the SDK uploads: the metadata compiled from the bundle.
  await check("connection requirements in the built bundle's metadata", async () =>
    verify(compilePackMetadata(manifest)),
  );
  const written = join(dirname(bundlePath), "metadata.json");
  await check(`connection requirements in ${relative(process.cwd(), written)}`, async () => {
    assert.ok(existsSync(written), `the build wrote no ${written}`);
    return verify(JSON.parse(readFileSync(written, "utf8")) as ConnectionMetadata);
  });
}

async function examples(manifest: coda.PackDefinition): Promise<void> {
  for (const formula of manifest.formulas ?? []) {
    const online = formula.isAction || formula.connectionRequirement !== "none";
    if (!formula.examples?.length) {
      await check(`example ${formula.name}`, async () =>
        assert.fail(`${formula.name} has no examples, so the isolate run cannot exercise it`),
      );
    }
    for (const [i, example] of (formula.examples ?? []).entries()) {
      await check(`example ${formula.name} #${i + 1}`, async logs => {
        const run = async (env: SampleEmulator | undefined) => {
          const fetcher = fetcherFor(env);
          const params = asInvoked(formula, example.params);
          validateParams(formula, params as coda.ParamValues<coda.ParamDefs>);
          const value = await inIsolate({type: FormulaType.Standard, formulaName: formula.name}, params, {
            fetcher,
            logger: collectingLogger(logs),
          });
          assert.deepStrictEqual(
            likeHarness(formula, value, {deprecatedNormalization: true}),
            example.result,
            "the result in the isolate is the example's",
          );
          if (!env) assert.equal(fetcher.requests, 0, "a formula that needs no account makes no request");
          return env ? `${fetcher.requests} requests` : undefined;
        };
        return online ? withEmulator({}, run) : run(undefined);
      });
    }
  }
}

async function syncs(manifest: coda.PackDefinition): Promise<void> {
  const tables = (manifest.syncTables ?? []).map(t => t.name);
  await check("every sync table has a row in scripts/isolate/cases.ts", async () => {
    const missing = tables.filter(name => !Syncs.some(c => c.table === name));
    const unknown = Syncs.filter(c => !tables.includes(c.table)).map(c => c.table);
    assert.deepEqual({missing, unknown}, {missing: [], unknown: []});
    return `${tables.length} sync tables`;
  });
  for (const c of Syncs) {
    await check(`sync ${c.table}`, async logs => {
      const table = manifest.syncTables?.find(t => t.name === c.table);
      assert.ok(table, `the built pack has no sync table ${c.table}`);
      const formula = table.getter as coda.TypedPackFormula;
      const offline = formula.connectionRequirement === "none";
      const node = await withEmulator(c.emulator ?? {}, env =>
        runSync(env, sourcePack, c.table, c.params(env), {maxExecutions: 100}),
      );
      const vm = await withEmulator(c.emulator ?? {}, env =>
        syncInIsolate(formula, c.table, c.params(env), offline ? undefined : env, logs),
      );
      assert.ok(vm.rows.length > 0, `${c.table} synced no rows`);
      if (c.continues) {
        assert.ok(vm.executions > 1, `${c.table} finished in one execution; the case is meant to cover continuations`);
      }
      if (offline) assert.equal(vm.requests, 0, `${c.table} needs no account, so it makes no request`);
      assertSameRows(vm.rows, node.rows as Row[], c.table);
      return `${vm.rows.length} rows equal to Node's, ${vm.executions} executions (Node ${node.executions}), ${vm.requests} requests`;
    });
  }
}

async function twoWayUpdate(manifest: coda.PackDefinition): Promise<void> {
  await check(`two-way update ${Update.table} (${Object.keys(Update.edit).join(", ")})`, async logs => {
    const table = manifest.syncTables?.find(t => t.name === Update.table);
    assert.ok(table, `the built pack has no sync table ${Update.table}`);
    const formula = table.getter as coda.TypedPackFormula;
    const edit = (row: Row): coda.GenericSyncUpdate[] => [
      {previousValue: row, newValue: {...row, ...Update.edit}, updatedFields: Object.keys(Update.edit)},
    ];

    const vm = await withEmulator({}, async env => {
      const params = Update.params(env);
      const before = await syncInIsolate(formula, Update.table, params, env, logs);
      const row = before.rows.find(Update.row);
      assert.ok(row, `no ${Update.table} row matches the case's row`);
      const fetcher = fetcherFor(env);
      const response = (await inIsolate(
        {type: FormulaType.SyncUpdate, formulaName: Update.table},
        params,
        {fetcher, sync: {}, logger: collectingLogger(logs)},
        edit(row),
      )) as GenericSyncUpdateResultMarshaled;
      const after = await syncInIsolate(formula, Update.table, params, env, logs);
      return {response, after: after.rows.find(Update.row), requests: fetcher.requests};
    });
    const [outcome] = vm.response.result;
    assert.ok(outcome.outcome === "success", `the update failed in the isolate: ${JSON.stringify(outcome)}`);
    for (const [key, value] of Object.entries(Update.edit)) {
      assert.equal((outcome.finalValue as Row)[key], value, `the written row's ${key}`);
      assert.equal(vm.after?.[key], value, `the next sync's ${key}`);
    }

    const node = await withEmulator({}, async env => {
      const params = Update.params(env);
      const before = await runSync(env, sourcePack, Update.table, params);
      const row = before.rows.find(Update.row)!;
      const context = emulatorContext({
        baseUrl: env.baseUrl,
        token: Tokens.leader,
      }) as unknown as coda.UpdateSyncExecutionContext;
      return executeUpdateFormulaFromPackDef(
        sourcePack,
        Update.table,
        params as coda.ParamValues<coda.ParamDefs>,
        context,
        edit(row),
      );
    });
    assert.deepStrictEqual(vm.response, node, "the update's result equals the same update run in Node");
    return `outcome ${outcome.outcome}, ${vm.requests} requests to write`;
  });
}

async function connectionName(manifest: coda.PackDefinition): Promise<void> {
  await check("connection name (getConnectionName)", async logs => {
    const auth = sourcePack.defaultAuthentication;
    assert.ok(
      manifest.defaultAuthentication && auth && "getConnectionName" in auth && auth.getConnectionName,
      "the pack names its connections",
    );
    const getConnectionName = auth.getConnectionName;
    const vm = await withEmulator({}, env =>
      inIsolate({type: FormulaType.Metadata, metadataFormulaType: MetadataFormulaType.GetConnectionName}, ["", ""], {
        fetcher: fetcherFor(env),
        logger: collectingLogger(logs),
      }),
    );
    const node = await withEmulator({}, env => executeMetadataFormula(getConnectionName, {}, actionContext(env)));
    assert.equal(vm, node, "the connection name equals Node's");
    assert.ok(typeof vm === "string" && vm.length > 0, "a non-empty name");
    return JSON.stringify(vm);
  });
}

/**
 * A parameter's autocomplete, as the doc asks for it while the user fills the
 * sync table's parameters: the platform finds the table by name and reads the
 * parameter, so this also runs the pack's load-on-use lookups (src/lazy.ts).
 */
async function tableAutocomplete(): Promise<void> {
  const table = "Bottlenecks";
  await check(`autocomplete of the ${table} sync table's table parameter`, async logs => {
    const autocomplete = sourcePack.syncTables
      .find(t => t.name === table)!
      .getter.parameters.find(p => p.name === "table")!.autocomplete as coda.MetadataFormula;
    const formulaContext = (env: SampleEmulator) => JSON.stringify({meetingDoc: docUrl(env.seeded.meetingDocId!)});
    const vm = await withEmulator({}, env =>
      inIsolate(
        {
          type: FormulaType.Metadata,
          metadataFormulaType: MetadataFormulaType.ParameterAutocomplete,
          parentFormulaName: table,
          parentFormulaType: FormulaType.Sync,
          parameterName: "table",
        },
        ["Bottle", formulaContext(env)],
        {fetcher: fetcherFor(env), logger: collectingLogger(logs)},
      ),
    );
    const node = await withEmulator({}, env =>
      executeMetadataFormula(
        autocomplete,
        {search: "Bottle", formulaContext: JSON.parse(formulaContext(env))},
        actionContext(env),
      ),
    );
    assert.deepEqual(vm, node, "the options equal Node's");
    assert.ok(
      Array.isArray(vm) && vm.some(o => (o as {value: string}).value === "Bottlenecks"),
      "the doc's table is offered",
    );
    return JSON.stringify(vm);
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const manifest = await importManifest<coda.PackDefinition>(bundlePath);
  console.log(`Running ${bundlePath} in isolated-vm under Node ${process.versions.node}`);
  await builtMetadata(manifest);
  await examples(manifest);
  await syncs(manifest);
  await twoWayUpdate(manifest);
  await connectionName(manifest);
  await tableAutocomplete();
  const report: IsolateReport = {
    bundle: bundlePath,
    node: process.versions.node,
    checks,
    totals,
    wallMs: performance.now() - started,
  };
  if (reportPath) writeFileSync(reportPath, JSON.stringify(report, null, 2));
  const failed = checks.filter(c => !c.ok).length;
  const t = totals;
  console.log(
    `Isolate: ${t.executions} executions, each in a new isolate; on average ${(t.createMs / t.executions).toFixed(1)} ms to create, ` +
      `${(t.loadMs / t.executions).toFixed(1)} ms to load the bundle, ${(t.runMs / t.executions).toFixed(1)} ms to run; ` +
      `longest ${t.longestExecutionMs.toFixed(0)} ms, most heap ${(t.maxHeapBytes / 2 ** 20).toFixed(1)} MB; ${(report.wallMs / 1000).toFixed(1)} s in all.`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  process.exit(2);
});
