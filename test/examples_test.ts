import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {pack} from "../src/pack";
import {asInvoked} from "./support/examples";

describe("every formula example", function () {
  for (const formula of pack.formulas) {
    describe(formula.name, function () {
      it("has examples", function () {
        assert.isAbove(formula.examples?.length ?? 0, 0, `${formula.name} needs examples`);
      });
      (formula.examples ?? []).forEach((example, i) => {
        it(`example ${i + 1} gives its stated result`, async function () {
          const result = await executeFormulaFromPackDef(pack, formula.name, asInvoked(formula, example.params) as never);
          assert.deepEqual(result, example.result);
        });
      });
    });
  }
});
