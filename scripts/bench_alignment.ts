import {performance} from "node:perf_hooks";
import {analyzeGraph, criticalPath} from "../src/engine/dependencies";
import type {KeyResultFacts, MetricFacts} from "../src/engine/triggers";
import {evaluateTrigger, parseTrigger, TriggerData} from "../src/engine/triggers";
import {table} from "./bench_api";

/**
 * The executive alignment figures (its sync tables are measured with the others,
 * in bench_api.ts): the time to read and judge 1,000 risk triggers, and the time to analyse a
 * dependency graph of 10,000 edges (cycles, earliest finishes, a critical path).
 */

function median(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function engine(): void {
  const metrics: MetricFacts[] = Array.from({length: 200}, (_, i) => ({
    name: `Metric ${i}`,
    unit: "",
    values: Array.from({length: 52}, (_, w) => 100 + Math.sin(i + w) * 10),
  }));
  const keyResults: KeyResultFacts[] = Array.from({length: 2000}, (_, i) => ({
    name: `Key result ${i}`,
    code: `KR${i}`,
    confidence: (i % 10) / 10,
    progress: (i % 7) / 7,
    current: i,
  }));
  const data = new TriggerData(metrics, keyResults);
  const forms = [
    (i: number) => `Metric ${i % 200} < ${90 + (i % 20)}`,
    (i: number) => `Metric ${i % 200} falls ${1 + (i % 4)} weeks`,
    (i: number) => `KR "Key result ${i % 2000}" confidence < ${i % 100}%`,
    (i: number) => `Metric ${i % 200} >= 100 and KR KR${i % 2000} progress < 0.5 or Metric ${(i + 1) % 200} rises 2`,
    (i: number) => `Metrc ${i % 200} <`,
    (i: number) => `Metric ${i % 200}x < 3`,
  ];
  const triggers = Array.from({length: 1000}, (_, i) => forms[i % forms.length](i));
  let states = {Fired: 0, Armed: 0, Unknown: 0, errors: 0};
  const parseOnly = median(11, () => triggers.map(parseTrigger));
  const whole = median(11, () => {
    states = {Fired: 0, Armed: 0, Unknown: 0, errors: 0};
    for (const t of triggers) {
      const p = parseTrigger(t);
      if (!p.ok) states.errors++;
      else states[evaluateTrigger(p.trigger, data).state]++;
    }
  });

  const n = 10_000;
  const items = Array.from({length: n}, (_, i) => ({
    duration: 1 + (i % 5),
    done: i % 13 === 0,
    due: i % 500 === 0 ? 20_000 + i : undefined,
  }));
  // 10,000 edges: each item waits on one of the few before it, a hundred wait on an item far back, and one ring of 50.
  const edges: Array<{from: number; to: number}> = [];
  for (let i = 1; i < n - 50; i++) edges.push({from: i - 1 - ((i * 31) % Math.min(i, 3)), to: i});
  for (let k = 0; edges.length < n - 50; k++) edges.push({from: k * 7, to: n - 51 - k * 3});
  for (let k = 0; k < 50; k++) edges.push({from: n - 50 + k, to: n - 50 + ((k + 1) % 50)});
  let cycles = 0;
  let path = 0;
  const graph = median(11, () => {
    const a = analyzeGraph(items, edges, 20_000);
    cycles = a.cycles.length;
    path = criticalPath(a, n - 51).length;
  });
  console.log("\nExecutive alignment engine (median of 11 runs)");
  console.log(
    table(
      ["work", "size", "ms", "µs each", "outcome"],
      [
        [
          "parse risk triggers",
          "1,000 triggers",
          parseOnly.toFixed(1),
          ((parseOnly * 1000) / 1000).toFixed(1),
          `${states.errors} do not parse`,
        ],
        [
          "parse and judge risk triggers",
          "1,000 triggers, 200 metrics, 2,000 key results",
          whole.toFixed(1),
          ((whole * 1000) / 1000).toFixed(1),
          `${states.Fired} fired, ${states.Armed} armed, ${states.Unknown} unknown`,
        ],
        [
          "dependency graph",
          `${n.toLocaleString("en-US")} items, ${edges.length.toLocaleString("en-US")} edges`,
          graph.toFixed(1),
          ((graph * 1000) / edges.length).toFixed(2),
          `${cycles} cycle, a critical path of ${path}`,
        ],
      ],
    ),
  );
}

export function alignmentBench(): void {
  engine();
}
