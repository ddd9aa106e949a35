import * as coda from "@codahq/packs-sdk";

/**
 * The smallest pack with something to run: the baseline of the isolate cold-start
 * benchmark (bench.ts). It is built the same way as the real pack and holds only
 * the SDK's runtime and one formula.
 */
export const pack = coda.newPack();

pack.addFormula({
  name: "Echo",
  description: "Returns its number.",
  parameters: [coda.makeParameter({type: coda.ParameterType.Number, name: "value", description: "Any number."})],
  resultType: coda.ValueType.Number,
  execute: async function ([value]) {
    return value;
  },
});
