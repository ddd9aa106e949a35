import {assert} from "chai";
import {pack} from "../src/pack";
import {fuzzPack, offlineFormulas} from "../emulator/fuzz_cases";

/**
 * The whole pack under generated input: every formula that needs no account, its
 * arguments drawn from its declared parameters (see emulator/fuzz_cases.ts). This
 * is a modest run; `npm run fuzz -- --runs 2000` is the deep one.
 */
describe("every formula under generated input", function () {
  this.timeout(120_000);

  it("fuzzes every formula that needs no account", function () {
    assert.isAtLeast(offlineFormulas(pack).length, 20);
  });

  it("gives a value or a short UserVisibleError, valid, finite, in range and small", async function () {
    const seed = Number(process.env.FUZZ_SEED ?? 20261202);
    const report = await fuzzPack(pack, {seed, runs: Number(process.env.FUZZ_RUNS ?? 100)});
    const lines = report.failures.map(f => `${f.formula}${f.call}: ${f.problem}`);
    assert.deepEqual(lines, [], `seed ${seed}: ${report.calls} calls`);
  });
});
