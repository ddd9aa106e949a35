import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {performance} from "node:perf_hooks";
import {actionContext, runSync} from "../emulator/run";
import type {Pack} from "../emulator/run";
import {startSampleEmulator} from "../emulator/sample";
import {ObservedRateLimit} from "../emulator/server";
import {table} from "./bench_api";
import {stepCounts, writeStarter} from "./starter";

/**
 * The setup tiers: the manual steps of each tier against everything at once,
 * and the guide's tier-1 replay timed: the tier-1 starter files served with
 * every column text, SetupCheck on the doc, and the first agenda, under the
 * service's observed limits.
 */
export async function setupBench(pack: Pack): Promise<void> {
  const {tiers, before} = stepCounts();
  const rows = [...tiers.map(t => [`${t.tier}`, ...figures(t)]), ["all at once", ...figures(before)]];
  console.log("\nSetup: manual steps per tier, counted from the registry (npm run -s starter -- --out DIR --json)");
  console.log(
    table(
      [
        "tier",
        "install",
        "docs",
        "imports",
        "renames",
        "retypes",
        "sync tables",
        "parameters",
        "steps",
        "each further team",
      ],
      rows,
    ),
  );

  const dir = mkdtempSync(join(tmpdir(), "bench-starter-"));
  try {
    writeStarter(dir);
    const started = performance.now();
    const env = await startSampleEmulator({from: join(dir, "tier-1"), rateLimit: ObservedRateLimit});
    try {
      const doc = env.csvDocs[0].id;
      const checked = (await executeFormulaFromPackDef(
        pack,
        "SetupCheck",
        ["Leadership", doc] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      )) as Array<{Status: string}>;
      const agenda = await runSync(env, pack, "MeetingAgenda", [doc]);
      const took = performance.now() - started;
      console.log(
        `Tier-1 replay: ${took.toFixed(0)} ms from the files to the first agenda (serving ${env.csvDocs[0].tables.length} text tables, SetupCheck says "${checked[0].Status}", ` +
          `${agenda.rows.length} agenda rows, ${env.emulator.stats.requests} requests).`,
      );
    } finally {
      await env.stop();
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function figures(s: {
  pack: number;
  docs: number;
  imports: number;
  renames: number;
  retypes: number;
  syncTables: number;
  parameters: number;
  steps: number;
  perTeam: number;
}) {
  return [s.pack, s.docs, s.imports, s.renames, s.retypes, s.syncTables, s.parameters, s.steps, s.perTeam];
}
