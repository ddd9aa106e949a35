import type {Cell, DocRecord, PersonCell, ScalarCell, TableRecord} from "./model";
import {isRef} from "./model";

/**
 * A copy of a doc, as createDoc with a sourceDoc makes it: the same tables,
 * columns and rows under new ids, with lookups and row references pointing
 * into the copy.
 */

export interface NewDoc {
  id: string;
  name: string;
  owner: PersonCell;
  /** When the copy was made, as an ISO timestamp. */
  at: string;
  /** The copy's time zone; the source's when not given. */
  timezone?: string;
}

export function copyOfDoc(source: DocRecord, doc: NewDoc): DocRecord {
  const renew = renewer(doc.id);
  const tables = source.tables.map(t => copyOfTable(t, renew, doc.at));
  const timezone = doc.timezone ?? source.timezone;
  return {
    id: doc.id,
    name: doc.name,
    owner: doc.owner,
    tables,
    createdAt: doc.at,
    updatedAt: doc.at,
    sourceDocId: source.id,
    ...(timezone ? {timezone} : {}),
  };
}

/**
 * Gives every old id one new id of the same kind (`grid-`, `c-`, `i-`, …),
 * the first time it is seen, so a reference met before its row still matches.
 */
function renewer(docId: string): (old: string) => string {
  const fresh = new Map<string, string>();
  return old => {
    let id = fresh.get(old);
    if (!id) {
      const kind = old.includes("-") ? old.slice(0, old.indexOf("-")) : "id";
      fresh.set(old, (id = `${kind}-${docId}${(fresh.size + 1).toString(36).padStart(4, "0")}`));
    }
    return id;
  };
}

function copyOfTable(table: TableRecord, renew: (old: string) => string, at: string): TableRecord {
  const columns = table.columns.map(c => ({
    ...c,
    id: renew(c.id),
    ...(c.lookupTable ? {lookupTable: renew(c.lookupTable)} : {}),
  }));
  const rows = table.rows.map(r => ({
    id: renew(r.id),
    values: new Map([...r.values].map(([column, cell]) => [renew(column), copyOfCell(cell, renew)])),
    createdAt: at,
    updatedAt: at,
  }));
  return {
    ...table,
    id: renew(table.id),
    pageId: renew(table.pageId),
    ...(table.parentTableId ? {parentTableId: renew(table.parentTableId)} : {}),
    columns,
    rows,
    createdAt: at,
    updatedAt: at,
  };
}

function copyOfCell(cell: Cell, renew: (old: string) => string): Cell {
  const one = (v: ScalarCell): ScalarCell => (isRef(v) ? {rowId: renew(v.rowId)} : structuredClone(v));
  if (cell === null) return null;
  return Array.isArray(cell) ? cell.map(one) : one(cell);
}
