/**
 * The emulator's own model of docs, tables, columns and rows. Cell values are kept
 * typed (a person, a row reference, a number) and encoded per request in the
 * API's three value formats, as the real service does.
 */

export type ColumnType = "text" | "number" | "percent" | "currency" | "date" | "person" | "lookup" | "checkbox" | "select";

export interface ColumnDef {
  id: string;
  name: string;
  type: ColumnType;
  isArray?: boolean;
  /** For lookups: the id of the table the column refers to (in the same doc). */
  lookupTable?: string;
  display?: boolean;
  calculated?: boolean;
}

export interface PersonCell {
  name: string;
  email: string;
}

export interface RefCell {
  rowId: string;
}

export type ScalarCell = string | number | boolean | PersonCell | RefCell;
export type Cell = ScalarCell | ScalarCell[] | null;

export interface RowRecord {
  id: string;
  values: Map<string, Cell>;
  createdAt: string;
  updatedAt: string;
}

export interface TableRecord {
  id: string;
  name: string;
  tableType: "table" | "view";
  /** For views: the table whose rows it shows. */
  parentTableId?: string;
  pageId: string;
  pageName: string;
  columns: ColumnDef[];
  rows: RowRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface DocRecord {
  id: string;
  name: string;
  owner: PersonCell;
  tables: TableRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface Workspace {
  id: string;
  organizationId: string;
  name: string;
  folderId: string;
  folderName: string;
}

export const PublicOrigin = "https://docs.superhuman.com";
export const ApiPath = "/apis/v1";

export const links = {
  api: (path: string) => `${PublicOrigin}${ApiPath}${path}`,
  doc: (doc: DocRecord) => `${PublicOrigin}/d/_d${doc.id}`,
  page: (doc: DocRecord, table: TableRecord) => `${PublicOrigin}/d/_d${doc.id}/${slug(table.pageName)}_su${table.pageId.slice(-5)}`,
  table: (doc: DocRecord, table: TableRecord) => `${PublicOrigin}/d/_d${doc.id}/#${slug(table.pageName)}_t${table.id.replace(/^grid-|^table-/, "")}`,
  row: (doc: DocRecord, table: TableRecord, row: RowRecord) => `${links.table(doc, table)}/_ru${row.id}`,
};

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function isPerson(value: unknown): value is PersonCell {
  return typeof value === "object" && value !== null && "email" in value;
}

export function isRef(value: unknown): value is RefCell {
  return typeof value === "object" && value !== null && "rowId" in value;
}
