import {FormulaType} from "@codahq/packs-sdk/dist/runtime/types";
import type {Phases} from "./vm";
import {executeInIsolate, PlatformFetcher} from "./vm";

/**
 * The measuring half of bench.ts, run under the isolate runtime's Node. For each
 * bundle, round after round in turn: a new isolate, the bundle loaded, one
 * trivial formula run, the isolate disposed. Prints the phases of every round
 * as JSON on its last line.
 *
 *   bench_worker.ts ROUNDS TARGETS_JSON   (TARGETS_JSON: an array of BenchTarget)
 */

export interface BenchTarget {
  label: string;
  bundle: string;
  formula: string;
  params: unknown[];
  /** A sync table's first page instead of a formula. */
  sync?: boolean;
}

export interface BenchSamples {
  label: string;
  /** The first execution of this bundle in the process, not counted in rounds. */
  first?: Phases;
  rounds: Phases[];
  heapBytes: number[];
}

export interface BenchOutput {
  node: string;
  samples: BenchSamples[];
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2]);
  // Dates cross the process boundary as JSON; the pack's date parameters take them as dates again.
  const targets = JSON.parse(process.argv[3], (_, v) =>
    typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v) : v,
  ) as BenchTarget[];
  const samples: BenchSamples[] = targets.map(t => ({label: t.label, rounds: [], heapBytes: []}));
  const once = async (t: BenchTarget) =>
    executeInIsolate(
      t.bundle,
      {type: t.sync ? FormulaType.Sync : FormulaType.Standard, formulaName: t.formula},
      t.params,
      {fetcher: new PlatformFetcher(undefined), sync: t.sync ? {} : undefined},
    );
  // One round of each first, not counted: this process reads the files and compiles its own code once.
  for (const [i, t] of targets.entries()) samples[i].first = (await once(t)).phases;
  for (let r = 0; r < rounds; r++) {
    for (const [i, t] of targets.entries()) {
      const execution = await once(t);
      samples[i].rounds.push(execution.phases);
      samples[i].heapBytes.push(execution.heapBytes);
    }
  }
  const output: BenchOutput = {node: process.versions.node, samples};
  console.log(JSON.stringify(output));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
