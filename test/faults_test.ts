import {assert} from "chai";
import {FaultCases, runFaultCase} from "../emulator/fault_cases";
import {pack} from "../src/pack";
import {useEmulator} from "./support/emulator";

/**
 * The fault suite: each way the real service fails, through the pack over HTTP,
 * checked against the source doc afterwards. Nothing lost, nothing doubled,
 * nothing half-written.
 */
describe("faults: nothing lost, nothing doubled, nothing half-written", function () {
  this.timeout(90_000);
  const env = useEmulator({validate: false});
  for (const c of FaultCases) {
    it(c.name, async function () {
      const t = await runFaultCase(c, pack, env);
      assert.deepEqual(
        {lost: t.lost, duplicated: t.duplicated, halfWritten: t.halfWritten},
        {lost: 0, duplicated: 0, halfWritten: 0},
        t.notes.join("; "),
      );
      if (!c.clean) assert.isAbove(t.faults ?? 0, 0, "the case met its fault");
    });
  }
});
