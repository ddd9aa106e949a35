import * as coda from "@codahq/packs-sdk";
import {TableCheckSchema} from "../schemas/setup";
import {setupCheck} from "../src/sync/setup";
import {CheckKinds} from "../src/sync/tables";
import {handleError} from "./errors";
import {Connected} from "./sync_params";

/** The setup check: what a doc holds against what the pack reads there. */

export const SetupCheck = coda.makeFormula({
  name: "SetupCheck",
  description:
    "Checks a doc against the tables the pack reads in that kind of doc: each table found, missing, nearly named (Key Result for Key Results) or matched twice (KeyResults and Key Results), its missing or wrongly typed columns, and what to do. It makes one request for the doc's tables (per 100) and one for the columns of each table found by name.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "kind",
      description: `The kind of doc: ${CheckKinds.join(", ")} (every table in one doc).`,
      autocomplete: [...CheckKinds],
    }),
    coda.makeParameter({type: coda.ParameterType.String, name: "doc", description: "The doc's link (or id)."}),
  ],
  resultType: coda.ValueType.Array,
  items: TableCheckSchema,
  connectionRequirement: Connected,
  cacheTtlSecs: 0,
  onError: handleError,
  examples: [
    {
      params: ["Strategy", "NsStrat01"],
      result: [
        {
          Table: "Strategic Imperatives",
          Status: "Found",
          Ok: true,
          Found: "Strategic Imperatives",
          Optional: false,
          ReadBy: "StrategicImperatives, AnnualGoals",
          Problems: [],
          Suggestions: [],
          Fix: "",
          Columns: "Imperative (Text), Code (Text), Owner (People), Description (Text)",
        },
        {
          Table: "Annual Goals",
          Status: "Found",
          Ok: true,
          Found: "Annual Goals",
          Optional: false,
          ReadBy: "AnnualGoals",
          Problems: [],
          Suggestions: [],
          Fix: "",
          Columns: "Goal (Text), Code (Text), Imperative (Lookup to Strategic Imperatives), Owner (People), Fiscal Year (Number)",
        },
      ],
    },
  ],
  execute: async function ([kind, doc], context) {
    return setupCheck(context, kind, doc);
  },
});

export const setupFormulas = [SetupCheck];
