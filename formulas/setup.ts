import * as coda from "@codahq/packs-sdk";
import {TableCheckSchema, TeamDocSchema} from "../schemas/setup";
import {setupCheck} from "../src/sync/setup";
import {CheckKinds} from "../src/sync/tables";
import {makeTeamDoc} from "../src/sync/teams";
import {handleError} from "./errors";
import {Connected} from "./sync_params";

/** The setup check: what a doc holds against what the pack reads there. */

export const SetupCheck = coda.makeFormula({
  name: "SetupCheck",
  description:
    "Checks a doc against the tables the pack reads in that kind of doc: first the setup tier the doc is ready for (1, the first meeting, to 4) with the next steps, then each table found, missing, nearly named (Key Result for Key Results) or matched twice (KeyResults and Key Results), its missing or wrongly typed columns, and what to do. A column left as text by an import reads as it is. It makes one request for the doc's tables (per 100) and one for the columns of each table found by name.",
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
          Table: "Setup tier",
          Tier: 4,
          Status: "Ready for tier 4: The executive program",
          Ok: true,
          Found: "",
          Optional: false,
          ReadBy: "",
          Problems: [],
          Suggestions: [],
          Fix: "",
          Columns: "",
        },
        {
          Table: "Strategic Imperatives",
          Tier: 2,
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
          Tier: 2,
          Status: "Found",
          Ok: true,
          Found: "Annual Goals",
          Optional: false,
          ReadBy: "AnnualGoals",
          Problems: [],
          Suggestions: [],
          Fix: "",
          Columns:
            "Goal (Text), Code (Text), Imperative (Lookup to Strategic Imperatives), Owner (People), Fiscal Year (Number)",
        },
      ],
    },
  ],
  execute: async function ([kind, doc], context) {
    return setupCheck(context, kind, doc);
  },
});

export const CreateTeamDoc = coda.makeFormula({
  name: "CreateTeamDoc",
  description:
    "Makes a team's OKR doc, for a button on each row of the leadership doc's Teams table: copies the team doc you made once, titles the copy after the team, shares it with the row's Lead (by email) and writes the copy's link in the row's Team Doc column. Safe to run again: a row that has its link, or a copy made before, is never copied twice. It makes up to three writes: the copy, the share and the link.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "leadershipDoc",
      description: "The link (or id) of the doc that holds the Teams table.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "team",
      description: "The team's name, as its row in the Teams table spells it.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "templateDoc",
      description: "The link (or id) of the team doc to copy: its tables, columns and rows come along.",
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: TeamDocSchema,
  isAction: true,
  connectionRequirement: Connected,
  onError: handleError,
  examples: [
    {
      params: ["NsLead001", "Sales", "NsTeam001"],
      result: {Team: "Sales", Link: "https://docs.superhuman.com/d/Sales-OKRs_dNsTeam001", Shared: "", Created: false},
    },
  ],
  execute: async function ([leadershipDoc, team, templateDoc], context) {
    return makeTeamDoc(context, {leadershipDoc, team, templateDoc});
  },
});

export const setupFormulas = [SetupCheck, CreateTeamDoc];
