import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {performance} from "node:perf_hooks";
import {runSync, docUrl} from "../emulator/run";
import {startSampleEmulator} from "../emulator/sample";
import {DocumentedRateLimit} from "../emulator/server";
import {generateOrganization, generateTree} from "../sample/generate";
import {generateMetrics, MetricsAsOf} from "../sample/health";
import {NextMeeting} from "../sample/meetings";
import {thresholds} from "../src/engine/health";
import {progressBarSvg, sparklineSvg} from "../src/engine/svg";
import {alignmentFindings, rollUp} from "../src/engine/tree";
import {pack} from "../src/pack";
import {buildBundle, BundleLimitBytes} from "./bundle";

/**
 * npm run bench: the figures the issues ask for. Times are the median of several
 * runs on this machine; they are printed, never asserted.
 */

async function median(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm up the JIT so small sizes are not charged for compiling
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map(r => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map(r => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map(w => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}

const ms = (x: number) => x.toFixed(1);
const us = (x: number) => (x * 1000).toFixed(2);

async function okrEngine() {
  const rows: Array<Array<string | number>> = [];
  for (const size of [1_000, 10_000, 100_000]) {
    const t = generateTree(size);
    const nodes = t.ids.length;
    const runs = size >= 100_000 ? 5 : 11;
    const engineRoll = await median(runs, () => rollUp(t.ids, t.parentIds, t.scores, t.weights));
    const engineAlign = await median(runs, () => alignmentFindings(t.ids, t.parentIds, t.rootIds));
    const sdkRoll = await median(3, () => executeFormulaFromPackDef(pack, "RollUp", [t.ids, t.parentIds, t.scores, t.weights] as never));
    const sdkAlign = await median(3, () => executeFormulaFromPackDef(pack, "AlignmentFindings", [t.ids, t.parentIds, t.rootIds] as never));
    rows.push([
      size.toLocaleString("en-US"),
      nodes.toLocaleString("en-US"),
      ms(engineRoll),
      us(engineRoll / nodes),
      ms(engineAlign),
      us(engineAlign / nodes),
      ms(sdkRoll),
      us(sdkRoll / nodes),
      ms(sdkAlign),
      us(sdkAlign / nodes),
    ]);
  }
  console.log("OKR engine: RollUp and AlignmentFindings per call (median), engine alone and through the SDK executor");
  console.log(
    table(
      ["key results", "nodes", "RollUp ms", "µs/node", "Align ms", "µs/node", "SDK RollUp ms", "µs/node", "SDK Align ms", "µs/node"],
      rows,
    ),
  );
}

/**
 * The fewest requests a sync of these docs can make: per doc, one listTables,
 * and per table it reads, one listColumns and one request per page of rows.
 */
function minimumRequests(docs: Array<{tables: Array<{name: string; rows: unknown[]}>}>, tables: string[], pageSize: number): number {
  let n = 0;
  for (const doc of docs) {
    n += 1;
    for (const t of doc.tables.filter(t => tables.includes(t.name))) n += 1 + Math.max(1, Math.ceil(t.rows.length / pageSize));
  }
  return n;
}

async function okrSync() {
  const org = generateOrganization({teams: 200, objectives: 1000, keyResults: 4000});
  const env = await startSampleEmulator({org, rateLimit: DocumentedRateLimit});
  const docs = env.seeded.teamDocIds.map(docUrl);
  const teamDocs = env.seeded.docs.filter(d => env.seeded.teamDocIds.includes(d.id));
  const rows: Array<Array<string | number>> = [];
  try {
    for (const [table, expected] of [["KeyResults", org.keyResults.length], ["Objectives", org.objectives.length]] as const) {
      env.emulator.resetStats();
      const started = performance.now();
      const run = await runSync(env, pack, table, [docs, org.cycle.name, undefined, undefined, undefined, undefined, new Date(`${org.asOf}T00:00:00Z`)]);
      const wall = (performance.now() - started) / 1000;
      const requests = env.emulator.stats.requests;
      // Key results need the check-ins (forecast, staleness); objectives do not.
      const tables = ["Annual Goals", "Objectives", "Key Results", ...(table === "KeyResults" ? ["Check-ins"] : [])];
      const minimum = minimumRequests(teamDocs, tables, 500);
      const distinct = new Set(run.rows.map(r => r.Id)).size;
      rows.push([
        table,
        run.rows.length,
        requests,
        minimum,
        (requests / minimum).toFixed(2),
        env.emulator.stats.throttled,
        wall.toFixed(1),
        ((requests / DocumentedRateLimit.reads) * (DocumentedRateLimit.windowMs / 1000)).toFixed(1),
        run.executions,
        (run.longestMs / 1000).toFixed(1),
        expected - distinct,
        run.rows.length - distinct,
      ]);
    }
  } finally {
    await env.stop();
  }
  console.log("\nOKR sync: 200 team docs, 1,000 objectives, 4,000 key results, rate limits on (100 reads and 10 writes per 6 s)");
  console.log(
    table(
      ["table", "rows", "requests", "minimum", "ratio", "429s", "wall s", "floor s", "executions", "longest s", "lost", "duplicated"],
      rows,
    ),
  );
}

async function health() {
  const sample = generateMetrics(60, 104);
  const env = await startSampleEmulator({metrics: sample, rateLimit: DocumentedRateLimit});
  const rows: Array<Array<string | number>> = [];
  try {
    const doc = docUrl(env.seeded.metricsDocId!);
    const metricsDoc = env.seeded.docs.find(d => d.id === env.seeded.metricsDocId)!;
    for (const table of ["HealthMetrics", "HotItems", "OkrCandidates"]) {
      env.emulator.resetStats();
      const started = performance.now();
      const params = table === "HealthMetrics" ? [doc, undefined, undefined, undefined, new Date(`${MetricsAsOf}T00:00:00Z`)] : [doc, undefined, undefined, undefined, undefined, new Date(`${MetricsAsOf}T00:00:00Z`)];
      const run = await runSync(env, pack, table, params);
      const minimum = minimumRequests([metricsDoc], ["Metric Definitions", "Metric Readings"], 500);
      rows.push([table, run.rows.length, env.emulator.stats.requests, minimum, (env.emulator.stats.requests / minimum).toFixed(2), run.executions, ((performance.now() - started) / 1000).toFixed(2), (run.longestMs / 1000).toFixed(2)]);
    }
  } finally {
    await env.stop();
  }
  console.log("\nHealth sync: 60 metrics x 104 weekly readings (6,240 readings), rate limits on");
  console.log(table(["table", "rows", "requests", "minimum", "ratio", "executions", "wall s", "longest s"], rows));

  const series = sample.readings.filter(r => r.metricId === "G1").map(r => r.value as number);
  const t = thresholds(100, 80);
  const pictures: Array<Array<string | number>> = [];
  for (const [what, draw] of [
    ["sparkline, 13 readings", () => sparklineSvg(series.slice(-13), t)],
    ["sparkline, 104 readings", () => sparklineSvg(series, t)],
    ["progress bar with label and marker", () => progressBarSvg(0.62, "Pipeline coverage", 0.55)],
  ] as const) {
    const n = 2000;
    const started = performance.now();
    let svg = "";
    for (let i = 0; i < n; i++) svg = draw();
    const each = ((performance.now() - started) * 1000) / n;
    const url = Buffer.from(svg, "utf8").toString("base64").length + "data:image/svg+xml;supportsDarkMode=1;base64,".length;
    pictures.push([what, each.toFixed(1), svg.length, url]);
  }
  console.log("\nPictures: time per image and size (each must stay under 4 KB)");
  console.log(table(["picture", "µs per image", "SVG bytes", "data URL bytes"], pictures));
}

async function agenda() {
  const env = await startSampleEmulator({rateLimit: DocumentedRateLimit});
  const rows: Array<Array<string | number>> = [];
  try {
    const docs = env.seeded.docs;
    const minimum =
      minimumRequests(docs.filter(d => d.id === env.seeded.meetingDocId), ["Leaders", "Meetings", "Issues", "Decisions", "Action Items", "Messages"], 500) +
      minimumRequests(docs.filter(d => d.id === env.seeded.metricsDocId), ["Metric Definitions", "Metric Readings"], 500) +
      minimumRequests(docs.filter(d => env.seeded.teamDocIds.includes(d.id)), ["Annual Goals", "Objectives", "Key Results"], 500);
    const params = [docUrl(env.seeded.meetingDocId!), new Date(`${NextMeeting}T00:00:00Z`), 90, env.seeded.teamDocIds.map(docUrl), docUrl(env.seeded.metricsDocId!)];
    for (let i = 0; i < 3; i++) {
      env.emulator.resetStats();
      const started = performance.now();
      const run = await runSync(env, pack, "MeetingAgenda", params);
      rows.push([`run ${i + 1}`, run.rows.length, env.emulator.stats.requests, minimum, (env.emulator.stats.requests / minimum).toFixed(2), env.emulator.stats.throttled, ((performance.now() - started) / 1000).toFixed(2)]);
    }
  } finally {
    await env.stop();
  }
  console.log("\nMeetingAgenda over the whole sample organization (meeting doc, metrics doc, 7 team docs), rate limits on");
  console.log(table(["", "agenda items", "requests", "minimum", "ratio", "429s", "build s"], rows));
}

async function main() {
  await okrEngine();
  await health();
  await agenda();
  await okrSync();
  const size = buildBundle();
  console.log(`\nPack bundle: ${(size / 1024).toFixed(1)} KB of a ${(BundleLimitBytes / 1024).toFixed(0)} KB budget.`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
