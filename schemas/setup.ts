import * as coda from "@codahq/packs-sdk";
import {flag, text} from "./common";

/** SetupCheck's answer: one row per table the pack reads in a doc of the kind checked. */

const list = (description: string) =>
  ({type: coda.ValueType.Array, items: coda.makeSchema({type: coda.ValueType.String}), description}) as const;

export const TableCheckSchema = coda.makeObjectSchema({
  description: "One table the pack reads in this kind of doc, and what the doc holds for it.",
  properties: {
    Table: {
      type: coda.ValueType.String,
      description: "The table's name as the pack looks for it; Setup tier on the first row.",
      required: true,
    },
    Tier: {
      type: coda.ValueType.Number,
      description:
        "The setup tier (1 to 4) that adds the table; on the Setup tier row, the tier the doc is ready for (0: not yet tier 1).",
    },
    Status: text(
      "Found, Columns to fix, Missing, Missing optional, Near miss (a table with a close name the pack does not read) or Two tables match; on the Setup tier row, the tier the doc is ready for.",
    ),
    Ok: flag("True when the pack can read the doc for this table as it stands."),
    Found: text("The name of the table found, or of the close or competing tables; blank when none."),
    Optional: flag("True when the pack works without this table."),
    ReadBy: text("The sync tables, formulas and actions that read or write this table."),
    Problems: list("What stops the pack, each with what to do about it."),
    Suggestions: list(
      "What would help but stops nothing: optional columns, what typing a text column would give; on the Setup tier row, the next steps.",
    ),
    Fix: text("The first thing to do, or blank when nothing needs doing."),
    Columns: text("The columns to create, in order, each with its column type."),
  },
  idProperty: "Table",
  displayProperty: "Table",
  featuredProperties: ["Tier", "Status", "Ok", "Found", "Problems", "Fix"],
});

export const TeamDocSchema = coda.makeObjectSchema({
  description: "A team's OKR doc, made from the team doc template.",
  properties: {
    Team: {type: coda.ValueType.String, description: "The team, as the Teams table names it.", required: true},
    Link: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Url,
      description: "The team doc's link, also written in the team's row.",
      required: true,
    },
    Shared: text("The lead's email it was shared with; blank when the row gives no lead's email."),
    Created: flag("True when this click made the doc; false when the row already had one."),
  },
  idProperty: "Link",
  displayProperty: "Team",
});
