/**
 * The emulator's own model of docs, tables, columns and rows. Cell values are kept
 * typed (a person, a row reference, a number) and encoded per request in the
 * API's three value formats, as the real service does.
 */

export type ColumnType =
  | "text"
  | "number"
  | "percent"
  | "currency"
  | "date"
  | "person"
  | "lookup"
  | "checkbox"
  | "select"
  | "canvas"
  | "reaction";

export interface ColumnDef {
  id: string;
  name: string;
  type: ColumnType;
  isArray?: boolean;
  /** For selects: the options the column offers. A cell may hold a value that is not one of them. */
  options?: string[];
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

/** One stretch of text with the same formatting. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A URL the text links to. */
  link?: string;
}

/** Text with formatting, served as Markdown in the rich format and as plain text otherwise. */
export interface FormattedText {
  runs: TextRun[];
}

export type ScalarCell = string | number | boolean | PersonCell | RefCell | FormattedText;
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
  /** The doc this one was copied from, for a doc made by createDoc with a sourceDoc. */
  sourceDocId?: string;
  /** The doc's IANA time zone, DefaultTimezone when not given. Date cells carry its offset. */
  timezone?: string;
}

/** The time zone of a doc that does not name one, as the pack's test contexts assume. */
export const DefaultTimezone = "America/Los_Angeles";

export interface Workspace {
  id: string;
  organizationId: string;
  name: string;
  folderId: string;
  folderName: string;
}

export const PublicOrigin = "https://docs.superhuman.com";
export const ApiPath = "/apis/v1";

/**
 * The links the API serves. Browser links name the doc as `_d<docId>` after an
 * optional title slug; doc ids may contain `_` and `-`, slugs never contain `_`.
 */
export const links = {
  api: (path: string) => `${PublicOrigin}${ApiPath}${path}`,
  doc: (doc: DocRecord) => `${PublicOrigin}/d/_d${doc.id}`,
  /** The doc's link as the browser's address bar shows it, with the title slug. */
  address: (doc: DocRecord) => `${PublicOrigin}/d/${slug(doc.name)}_d${doc.id}`,
  page: (doc: DocRecord, table: TableRecord) =>
    `${PublicOrigin}/d/_d${doc.id}/${slug(table.pageName)}_su${table.pageId.slice(-5)}`,
  table: (doc: DocRecord, table: TableRecord) =>
    `${PublicOrigin}/d/_d${doc.id}/#${slug(table.pageName)}_t${table.id.replace(/^grid-|^table-/, "")}`,
  row: (doc: DocRecord, table: TableRecord, row: RowRecord) => `${links.table(doc, table)}/_ru${row.id}`,
};

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** What a browser link names: a doc, and a table and a row in it as the link spells them. */
export interface BrowserLinkParts {
  docId: string;
  /** The table's id without its `grid-` prefix, possibly led by a `u`. */
  table?: string;
  /** The row's id, possibly led by a `u`. */
  row?: string;
}

/**
 * Reads doc, page, table and row links from either host, e.g.
 * `https://docs.superhuman.com/d/Sales-OKRs_dAb_c-D9x/OKRs_su0003#OKRs_tt0005/_rui-t0007`.
 * The doc id starts at the first `_d` (slugs have no `_`) and runs to the next `/`, `#` or `?`.
 */
export function parseBrowserLink(url: string): BrowserLinkParts | undefined {
  const match =
    /^https:\/\/(?:docs\.superhuman\.com|coda\.io)\/d\/[A-Za-z0-9-]*_d([A-Za-z0-9_-]+)[^#]*(?:#(.*))?$/.exec(url);
  if (!match) return undefined;
  const anchor = /^[A-Za-z0-9-]*_t([A-Za-z0-9_-]+)(?:\/_r([A-Za-z0-9_-]+))?/.exec(match[2] ?? "");
  return {docId: match[1], table: anchor?.[1], row: anchor?.[2]};
}

/** Whether a table id or row id matches how a link spells it (links may lead with a `u`). */
export function spells(id: string, spelled: string): boolean {
  const bare = id.replace(/^(?:grid|table|view)-/, "");
  return [spelled, spelled.replace(/^u/, "")].some(s => s === id || s === bare);
}

export function isPerson(value: unknown): value is PersonCell {
  return typeof value === "object" && value !== null && "email" in value;
}

export function isRef(value: unknown): value is RefCell {
  return typeof value === "object" && value !== null && "rowId" in value;
}

export function isFormatted(value: unknown): value is FormattedText {
  return typeof value === "object" && value !== null && "runs" in value;
}

/** The words of formatted text, without the formatting. */
export function plainText(text: FormattedText): string {
  return text.runs.map(r => r.text).join("");
}

/**
 * Formatted text as the rich format serves it: Markdown, such as
 * `**[Grow ARR](https://example.com)**` for bold linked text and `_word_` for
 * italics. Text with no formatting at all is fenced in triple backticks, like
 * any plain text cell.
 */
export function markdown(text: FormattedText): string {
  if (text.runs.every(r => !r.bold && !r.italic && !r.link)) return "```" + plainText(text) + "```";
  return text.runs
    .map(r => {
      let s = r.text;
      if (r.link) s = `[${s}](${r.link})`;
      if (r.italic) s = `_${s}_`;
      if (r.bold) s = `**${s}**`;
      return s;
    })
    .join("");
}
