import {pack} from "../src/pack";
import {fuzzPack, offlineFormulas} from "../emulator/fuzz_cases";

/**
 * npm run fuzz: the deep run of the pack's property tests (emulator/fuzz_cases.ts).
 *
 *   npm run fuzz -- [--seed N] [--runs N] [--formula Name,...]
 *
 * Prints the seed (pass it back to reproduce a run), the calls made and each
 * failure, shrunk to a small call; exits 1 when anything failed.
 */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : process.argv.find(a => a.startsWith(`--${name}=`))?.split("=")[1];
}

async function main() {
  const seed = Number(option("seed") ?? Math.floor(Math.random() * 2 ** 31));
  const runs = Number(option("runs") ?? 1000);
  const only = option("formula")
    ?.split(",")
    .map(s => s.trim());
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
    throw new Error("Usage: npm run fuzz -- [--seed N] [--runs N] [--formula Name,...]");
  }
  const formulas = offlineFormulas(pack).filter(f => !only || only.includes(f.name));
  console.log(
    `Fuzzing ${formulas.length} formulas, ${runs} runs each, seed ${seed} (reproduce with: npm run fuzz -- --seed ${seed} --runs ${runs}).`,
  );
  const started = Date.now();
  let calls = 0;
  const failures = [];
  for (const formula of formulas) {
    const t = Date.now();
    const report = await fuzzPack(pack, {seed, runs, only: [formula.name]});
    calls += report.calls;
    failures.push(...report.failures);
    const o = report.outcomes.get(formula.name) ?? {values: 0, errors: 0};
    console.log(
      `  ${formula.name.padEnd(20)} ${String(report.calls).padStart(7)} calls: ${String(o.values).padStart(6)} values, ${String(o.errors).padStart(6)} messages ${String(Date.now() - t).padStart(7)} ms${report.failures.length ? "  FAILED" : ""}`,
    );
  }
  console.log(
    `${calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}: ${failures.length} failures.`,
  );
  for (const f of failures) console.log(`- ${f.formula}${f.call}\n    ${f.problem}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
