import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {startSampleEmulator} from "../emulator/sample";
import {pack} from "../src/pack";
import {actionContext} from "./support/emulator";
import {asInvoked} from "./support/examples";

/**
 * Every formula's examples, run as a doc would run them. Formulas that reach
 * the Docs API run against a fresh emulator loaded with the sample organization.
 */
describe("every formula example", function () {
  for (const formula of pack.formulas) {
    const online = formula.isAction || formula.connectionRequirement !== coda.ConnectionRequirement.None;
    describe(formula.name, function () {
      it("has examples", function () {
        assert.isAbove(formula.examples?.length ?? 0, 0, `${formula.name} needs examples`);
      });
      (formula.examples ?? []).forEach((example, i) => {
        it(`example ${i + 1} gives its stated result`, async function () {
          const env = online ? await startSampleEmulator({validate: true}) : undefined;
          try {
            const context = env ? actionContext(env) : undefined;
            const result = await executeFormulaFromPackDef(
              pack,
              formula.name,
              asInvoked(formula, example.params) as coda.ParamValues<coda.ParamDefs>,
              context,
            );
            assert.deepEqual(result, example.result);
            if (env) assert.deepEqual(env.emulator.violations, []);
          } finally {
            await env?.stop();
          }
        });
      });
    });
  }
});
