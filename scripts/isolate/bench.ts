import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {BenchOutput, BenchTarget} from "./bench_worker";
import {ProjectRoot, runUnderIsolateRuntime} from "./launch";
import {ensureIsolateRuntime} from "./runtime";
import type {Phases} from "./vm";

/**
 * Cold start in the isolate: the time to create a new isolate, load a bundle
 * into it and run one trivial formula, for the pack's bundle against an empty
 * pack's (empty_pack.ts: the SDK's runtime and one formula), both built in this
 * run with the same `coda build` command as npm run build. Prints a table of
 * medians and 90th percentiles; nothing is asserted.
 *
 *   npx tsx scripts/isolate/bench.ts [--rounds N] [--bundle dist/bundle.js]
 *
 * --bundle measures an already built pack bundle instead of building one.
 */

const DefaultRounds = 25;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `coda build` as scripts/bundle.ts runs it, with the intermediate files kept in `work`. */
function codaBuild(manifest: string, work: string, name: string): string {
  const outputDir = join(work, name);
  execFileSync(
    join(ProjectRoot, "node_modules", ".bin", "coda"),
    ["build", manifest, "--outputDir", outputDir, "--intermediateOutputDirectory", join(work, `${name}-intermediate`)],
    {
      cwd: ProjectRoot,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  return join(outputDir, "bundle.js");
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map(r => r[i].length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [line(header), `|${widths.map(w => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export interface ColdStartOptions {
  rounds?: number;
  /** A built pack bundle to measure; by default the pack is built in this run. */
  bundle?: string;
  log?: (line: string) => void;
}

/** Builds both bundles, measures them in the isolate runtime and returns the table. */
export async function isolateColdStart(options: ColdStartOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const rounds = options.rounds ?? DefaultRounds;
  const runtime = ensureIsolateRuntime(log);
  const work = mkdtempSync(join(tmpdir(), "isolate-bench-"));
  try {
    log("Building the empty pack" + (options.bundle ? "" : " and the pack") + " with coda build ...");
    const empty = codaBuild("scripts/isolate/empty_pack.ts", work, "empty");
    const real = options.bundle ?? codaBuild("src/pack.ts", work, "pack");
    const targets: BenchTarget[] = [
      {label: "empty pack", bundle: empty, formula: "Echo", params: [1]},
      {label: "Leadership OS", bundle: real, formula: "HealthStatus", params: [62.8, 75, 65]},
      // A sync table laid out from its parameters alone: the factory, the registry and its area, with no network.
      {label: "  a sync table", bundle: real, formula: "Playbook", params: ["2026-11-02T12:00:00.000Z"], sync: true},
    ];
    log(`Measuring ${rounds} cold starts of each in the isolate ...`);
    const {code, stdout} = await runUnderIsolateRuntime(
      runtime,
      "bench_worker.ts",
      [String(rounds), JSON.stringify(targets)],
      {timeoutMs: 10 * 60_000, stdout: "pipe"},
    );
    if (code !== 0) throw new Error(`The benchmark worker exited with ${code}.`);
    const {node, samples} = JSON.parse(stdout.trim().split("\n").pop()!) as BenchOutput;

    const total = (p: Phases) => p.createMs + p.loadMs + p.runMs;
    const stats = samples.map(s => {
      const median = (pick: (p: Phases) => number) =>
        quantile(
          s.rounds.map(pick).sort((a, b) => a - b),
          0.5,
        );
      return {
        create: median(p => p.createMs),
        load: median(p => p.loadMs),
        compile: median(p => p.compileMs),
        run: median(p => p.runMs),
        total: median(total),
        p90: quantile(
          s.rounds.map(total).sort((a, b) => a - b),
          0.9,
        ),
        first: s.first ? total(s.first) : NaN,
        heap: quantile(
          [...s.heapBytes].sort((a, b) => a - b),
          0.5,
        ),
      };
    });
    const ms = (x: number) => x.toFixed(1);
    const kb = (path: string) => (statSync(path).size / 1024).toFixed(0);
    const rows = targets.map((t, i) => {
      const s = stats[i];
      return [
        t.label,
        kb(t.bundle),
        ms(s.create),
        ms(s.load),
        ms(s.compile),
        ms(s.run),
        ms(s.total),
        ms(s.p90),
        ms(s.first),
        (s.heap / 2 ** 20).toFixed(1),
      ];
    });
    const [e, p] = stats;
    rows.splice(2, 0, [
      "difference (formula)",
      String(Number(kb(real)) - Number(kb(empty))),
      ms(p.create - e.create),
      ms(p.load - e.load),
      ms(p.compile - e.compile),
      ms(p.run - e.run),
      ms(p.total - e.total),
      ms(p.p90 - e.p90),
      ms(p.first - e.first),
      ((p.heap - e.heap) / 2 ** 20).toFixed(1),
    ]);
    const header = [
      "cold start in the isolate",
      "bundle KB",
      "create ms",
      "load ms",
      "of it compile",
      "run ms",
      "total ms",
      "total p90",
      "first in process",
      "heap MB",
    ];
    const ratio = (x: number) => `${(x / e.total).toFixed(2)}×`;
    return [
      table(header, rows),
      `Pack against empty pack: ${ratio(p.total)}. Compiling the pack's larger script alone costs ${ms(p.compile - e.compile)} ms more, a floor of ${ratio(e.total + p.compile - e.compile)} before any of its code runs.`,
      `Medians of ${rounds} rounds under Node ${node} with isolated-vm, ${rounds * targets.length} new isolates in turn. create: new isolate and context; load: compile and run the SDK's thunk and the bundle, inject the execution context ("of it compile": the two compiles); run: one trivial formula (Echo, HealthStatus), or the first page of a sync table that needs no network (Playbook). "first in process" is the uncounted first execution of each, which also pays this process's own warm-up.`,
    ].join("\n");
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

if (require.main === module) {
  const rounds = argument("--rounds");
  isolateColdStart({
    rounds: rounds ? Number(rounds) : undefined,
    bundle: argument("--bundle"),
    log: line => console.error(line),
  }).then(
    text => console.log(text),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
