import {performance} from "node:perf_hooks";
import type {Pack} from "../emulator/run";
import {docUrl, runSync} from "../emulator/run";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator} from "../emulator/sample";
import {ObservedRateLimit} from "../emulator/server";
import {generateOrganization} from "../sample/generate";
import {RowPageSize} from "../src/api/client";
import {day, plusDays} from "../src/engine/calendar";
import {progressHistory, scorecard} from "../src/engine/history";
import {progressHistorySvg, scorecardSvg} from "../src/engine/svg";
import {svgImage} from "../formulas/health";
import {table} from "./bench_api";

/**
 * The OKR history figures: requests of CheckInsDue and Retrospective against the
 * true minimum (one rows request per page of each table they read), and the
 * size of each history picture at 13, 104 and 10,000 points.
 */

type Rows = Array<Array<string | number>>;

function minimum(env: SampleEmulator, tables: readonly string[]): number {
  let n = 0;
  for (const docId of env.seeded.teamDocIds) {
    for (const name of tables) {
      const t = env.emulator.doc(docId)?.tables.find(x => x.name === name);
      if (t) n += Math.max(1, Math.ceil(t.rows.length / RowPageSize));
    }
  }
  return n;
}

async function measure(env: SampleEmulator, pack: Pack, label: string, cycle: string, asOf: Date): Promise<Rows> {
  const docs = env.seeded.teamDocIds.map(docUrl);
  const cases: Array<[string, unknown[], string[]]> = [
    ["CheckInsDue", [docs, undefined, undefined, undefined, undefined, undefined, asOf], ["Objectives", "Key Results", "Check-ins"]],
    ["Retrospective", [docs, cycle, undefined, undefined, asOf], ["Objectives", "Key Results", "Check-ins", "Retrospective"]],
  ];
  const rows: Rows = [];
  for (const [name, params, tables] of cases) {
    env.emulator.resetStats();
    const started = performance.now();
    const run = await runSync(env, pack, name, params);
    const wall = (performance.now() - started) / 1000;
    const {requests, byOperation} = env.emulator.stats;
    const least = minimum(env, tables);
    const columns = byOperation.listColumns ?? 0;
    rows.push([label, name, run.rows.length, requests, least, (requests / least).toFixed(2), columns, run.executions, wall.toFixed(1)]);
  }
  return rows;
}

async function syncs(pack: Pack): Promise<void> {
  const rows: Rows = [];
  const sample = await startSampleEmulator({rateLimit: ObservedRateLimit, withBadRows: true});
  try {
    rows.push(...(await measure(sample, pack, "sample", sample.org.cycle.name, day("2026-11-24"))));
  } finally {
    await sample.stop();
  }
  const org = generateOrganization({teams: 200, objectives: 1000, keyResults: 4000});
  const big = await startSampleEmulator({org, rateLimit: ObservedRateLimit});
  try {
    rows.push(...(await measure(big, pack, "200 team docs", org.cycle.name, day(org.asOf))));
  } finally {
    await big.stop();
  }
  console.log("\nOKR history: requests per sync table against the true minimum (one rows request per page of each table read), observed rate limits on");
  console.log("(an empty Retrospective notes table costs one columns request: the read path maps an empty table's columns by their formats)");
  console.log(table(["organization", "table", "rows", "requests", "minimum", "ratio", "columns reqs", "executions", "wall s"], rows));
}

function pictures(): void {
  const start = day("2026-10-01");
  const end = day("2026-12-31");
  const rows: Rows = [];
  for (const n of [13, 104, 10_000]) {
    const dates = Array.from({length: n}, (_, i) => plusDays(start, Math.floor((i * 91) / n)));
    const values = dates.map((_, i) => 74 - (14 * i) / n + (i % 5) - 2);
    const confidences = dates.map((_, i) => 0.3 + ((i * 37) % 60) / 100);
    const names = dates.map((_, i) => `Metric ${(i % 15) + 1} of the CEO dashboard`);
    const statuses = dates.map((_, i) => ["Green", "Yellow", "Red"][(i * 7) % 3]);
    for (const [what, draw] of [
      [`progress history, ${n.toLocaleString("en-US")} check-ins`, () => progressHistorySvg(progressHistory(dates, values, 74, 60, start, end, confidences))],
      [`scorecard, ${n.toLocaleString("en-US")} readings`, () => scorecardSvg(scorecard(names, dates, statuses))],
    ] as const) {
      const runs = n >= 10_000 ? 20 : 500;
      const started = performance.now();
      let svg = "";
      for (let i = 0; i < runs; i++) svg = draw();
      const each = ((performance.now() - started) * 1000) / runs;
      rows.push([what, each.toFixed(1), Buffer.byteLength(svg, "utf8"), svgImage(svg).length]);
    }
  }
  console.log("\nHistory pictures: time per image and size (each data URL must stay within 4,096 bytes)");
  console.log(table(["picture", "µs per image", "SVG bytes", "data URL bytes"], rows));
}

/** npm run bench's OKR history section. */
export async function historyBench(pack: Pack): Promise<void> {
  pictures();
  await syncs(pack);
}
