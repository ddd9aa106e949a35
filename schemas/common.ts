import * as coda from "@codahq/packs-sdk";

/** Pieces every sync table shares. Every id is `<docId>/<rowId>`: stable across syncs and unique across docs. */

export const PersonSchema = coda.makeObjectSchema({
  codaType: coda.ValueHintType.Person,
  description: "A person in the workspace.",
  properties: {
    Name: {type: coda.ValueType.String, description: "The person's name."},
    Email: {type: coda.ValueType.String, description: "The person's email address.", required: true},
  },
  displayProperty: "Name",
  idProperty: "Email",
});

export const id = {
  type: coda.ValueType.String,
  description: "A stable id: the source doc's id and the row's id, as docId/rowId.",
  required: true,
} as const;
export const link = {
  type: coda.ValueType.String,
  codaType: coda.ValueHintType.Url,
  description: "A link to the row in its source doc.",
} as const;
export const problems = {
  type: coda.ValueType.String,
  description:
    "What is wrong with this row in its source doc (text in a number column, a blank target, a broken link), or blank when nothing is.",
} as const;
export const code = {
  type: coda.ValueType.String,
  description: "The short code the source doc gives it, such as AG2 or KR7.",
} as const;
/** How every synced row shows as a card: named by Name, linked to its source row. */
export const card = {idProperty: "Id", displayProperty: "Name", titleProperty: "Name", linkProperty: "Link"} as const;
export const percent = (description: string) =>
  ({type: coda.ValueType.Number, codaType: coda.ValueHintType.Percent, description}) as const;

/** Property shorthands: each takes the property's description. */
export const text = (description: string) => ({type: coda.ValueType.String, description}) as const;
export const number = (description: string) => ({type: coda.ValueType.Number, description}) as const;
export const flag = (description: string) => ({type: coda.ValueType.Boolean, description}) as const;
export const date = (description: string) =>
  ({type: coda.ValueType.String, codaType: coda.ValueHintType.Date, description}) as const;
export const image = (description: string) =>
  ({type: coda.ValueType.String, codaType: coda.ValueHintType.ImageReference, description}) as const;
