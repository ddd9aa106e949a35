import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {performance} from "node:perf_hooks";
import {generateTree} from "../sample/generate";
import {generateMetrics} from "../sample/health";
import {thresholds} from "../src/engine/health";
import {progressBarSvg, sparklineSvg} from "../src/engine/svg";
import {alignmentFindings, rollUp} from "../src/engine/tree";
import {pack} from "../src/pack";
import {alignmentBench} from "./bench_alignment";
import {faultSuite, syncRequests, table, writes} from "./bench_api";
import {executiveBench} from "./bench_executive";
import {historyBench} from "./bench_history";
import {setupBench} from "./bench_setup";
import {buildBundle, BundleLimitBytes} from "./bundle";
import {isolateColdStart} from "./isolate/bench";

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
    const sdkRoll = await median(3, () =>
      executeFormulaFromPackDef(pack, "RollUp", [
        t.ids,
        t.parentIds,
        t.scores,
        t.weights,
      ] as coda.ParamValues<coda.ParamDefs>),
    );
    const sdkAlign = await median(3, () =>
      executeFormulaFromPackDef(pack, "AlignmentFindings", [
        t.ids,
        t.parentIds,
        t.rootIds,
      ] as coda.ParamValues<coda.ParamDefs>),
    );
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
      [
        "key results",
        "nodes",
        "RollUp ms",
        "µs/node",
        "Align ms",
        "µs/node",
        "SDK RollUp ms",
        "µs/node",
        "SDK Align ms",
        "µs/node",
      ],
      rows,
    ),
  );
}

async function pictures() {
  const sample = generateMetrics(60, 104);
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
    const url =
      Buffer.from(svg, "utf8").toString("base64").length + "data:image/svg+xml;supportsDarkMode=1;base64,".length;
    pictures.push([what, each.toFixed(1), svg.length, url]);
  }
  console.log("\nPictures: time per image and size (each must stay under 4 KB)");
  console.log(table(["picture", "µs per image", "SVG bytes", "data URL bytes"], pictures));
}

async function main() {
  await setupBench(pack);
  await okrEngine();
  await pictures();
  await syncRequests(pack);
  alignmentBench();
  await faultSuite(pack);
  await writes(pack);
  historyBench();
  await executiveBench();
  console.log(`\n${await isolateColdStart()}`);
  const size = buildBundle();
  console.log(`\nPack bundle: ${(size / 1024).toFixed(1)} KB of a ${(BundleLimitBytes / 1024).toFixed(0)} KB budget.`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
