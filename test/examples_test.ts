import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {asInvoked} from "../emulator/examples";
import {pack} from "../src/pack";
import {actionContext, useEmulator} from "./support/emulator";

/**
 * Every formula's examples, run as a doc would run them. Formulas that reach
 * the Docs API run against the emulator loaded with the sample organization,
 * reset before each example.
 */
describe("every formula example", function () {
  const env = useEmulator({validate: true});
  for (const formula of pack.formulas) {
    const online = formula.isAction || formula.connectionRequirement !== coda.ConnectionRequirement.None;
    describe(formula.name, function () {
      it("has examples", function () {
        assert.isAbove(formula.examples?.length ?? 0, 0, `${formula.name} needs examples`);
      });
      (formula.examples ?? []).forEach((example, i) => {
        it(`example ${i + 1} gives its stated result`, async function () {
          const context = online ? actionContext(env) : undefined;
          const result = await executeFormulaFromPackDef(
            pack,
            formula.name,
            asInvoked(formula, example.params) as coda.ParamValues<coda.ParamDefs>,
            context,
          );
          assert.deepEqual(result, example.result);
          if (online) assert.deepEqual(env.emulator.violations, []);
        });
      });
    });
  }
});
