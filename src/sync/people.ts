import * as cells from "../engine/cells";

/** People as a sync row's people columns hold them: a name and an email. */

export type PersonRow = {Name: string; Email: string};

/** Everyone with an email in a people cell (or a person record), as rows' people values; the name falls back to the email. */
export function personRows(value: unknown): PersonRow[] {
  return cells
    .people(value)
    .filter(p => p.email)
    .map(p => ({Name: p.name || p.email, Email: p.email}));
}

/** The first person with an email in a people cell (or a person record), or none. */
export function personRow(value: unknown): PersonRow | undefined {
  return personRows(value)[0];
}
