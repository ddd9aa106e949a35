import * as coda from "@codahq/packs-sdk";
import {flag, text} from "./common";

/** SetupCheck's answer: one row per table the pack reads in a doc of the kind checked. */

const list = (description: string) => ({type: coda.ValueType.Array, items: coda.makeSchema({type: coda.ValueType.String}), description}) as const;

export const TableCheckSchema = coda.makeObjectSchema({
  description: "One table the pack reads in this kind of doc, and what the doc holds for it.",
  properties: {
    Table: {type: coda.ValueType.String, description: "The table's name as the pack looks for it.", required: true},
    Status: text("Found, Columns to fix, Missing, Missing optional, Near miss (a table with a close name the pack does not read) or Two tables match."),
    Ok: flag("True when the pack can read the doc for this table as it stands."),
    Found: text("The name of the table found, or of the close or competing tables; blank when none."),
    Optional: flag("True when the pack works without this table."),
    ReadBy: text("The sync tables, formulas and actions that read or write this table."),
    Problems: list("What stops the pack, each with what to do about it."),
    Suggestions: list("What would help but stops nothing: optional columns, people columns typed as text."),
    Fix: text("The first thing to do, or blank when nothing needs doing."),
    Columns: text("The columns to create, in order, each with its column type."),
  },
  idProperty: "Table",
  displayProperty: "Table",
  featuredProperties: ["Status", "Ok", "Found", "Problems", "Fix"],
});
