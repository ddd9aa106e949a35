import type {Cell, ColumnDef, ColumnType, DocRecord, RowRecord, ScalarCell, TableRecord} from "./model";
import {DefaultTimezone, isFormatted, isPerson, isRef, links, markdown, plainText} from "./model";

export type ValueFormat = "simple" | "simpleWithArrays" | "rich";

/** Columns whose text the rich format fences in triple backticks, as recorded traffic shows. */
const FencedTypes: readonly ColumnType[] = ["text", "select", "canvas", "reaction"];

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** A zone's offset from UTC at an instant, in minutes (seconds of a local mean time dropped). */
function offsetMinutes(t: number, timezone: string): number {
  let format = offsetFormats.get(timezone);
  if (!format) {
    offsetFormats.set(
      timezone,
      (format = new Intl.DateTimeFormat("en-US", {timeZone: timezone, timeZoneName: "longOffset"})),
    );
  }
  const name = format.formatToParts(t).find(p => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** Midnight of a day in a time zone, as the API serves a date: `2026-03-04T00:00:00.000-05:00`. */
function midnightIn(day: string, timezone: string): string {
  const utc = Date.parse(`${day}T00:00:00Z`);
  // The offset in force at local midnight, which may differ from the one at midnight UTC.
  const offset = offsetMinutes(utc - offsetMinutes(utc, timezone) * 60_000, timezone);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${day}T00:00:00.000${offset < 0 ? "-" : "+"}${hhmm}`;
}

/** Renders typed cells in the API's value formats. */
export class Encoder {
  constructor(private readonly doc: DocRecord) {}

  table(id: string): TableRecord | undefined {
    return this.doc.tables.find(t => t.id === id);
  }

  displayName(table: TableRecord, row: RowRecord): string {
    const column = table.columns.find(c => c.display) ?? table.columns[0];
    const value = row.values.get(column.id);
    return value === null || value === undefined ? "" : this.plain(column, value);
  }

  /** A cell as text, as the simple format shows it. */
  private plain(column: ColumnDef, cell: Cell): string {
    const one = (v: ScalarCell): string => {
      if (isPerson(v)) return v.name;
      if (isRef(v)) return this.refName(column, v.rowId);
      if (isFormatted(v)) return plainText(v);
      return String(v);
    };
    return Array.isArray(cell) ? cell.map(one).join(",") : cell === null ? "" : one(cell);
  }

  private refName(column: ColumnDef, rowId: string): string {
    const target = column.lookupTable ? this.table(column.lookupTable) : undefined;
    const row = target?.rows.find(r => r.id === rowId);
    return target && row ? this.displayName(target, row) : "";
  }

  private scalar(column: ColumnDef, v: ScalarCell, format: ValueFormat): unknown {
    if (isPerson(v)) {
      return format === "rich"
        ? {"@context": "http://schema.org/", "@type": "Person", name: v.name, email: v.email}
        : v.name;
    }
    if (isRef(v)) {
      const target = column.lookupTable ? this.table(column.lookupTable) : undefined;
      const row = target?.rows.find(r => r.id === v.rowId);
      const name = target && row ? this.displayName(target, row) : "";
      if (format !== "rich" || !target || !row) return name;
      return {
        "@context": "http://schema.org/",
        "@type": "StructuredValue",
        additionalType: "row",
        name,
        url: links.row(this.doc, target, row),
        tableId: target.id,
        rowId: row.id,
        tableUrl: links.table(this.doc, target),
      };
    }
    if (isFormatted(v)) return format === "rich" ? markdown(v) : plainText(v);
    if (format === "rich" && typeof v === "string" && FencedTypes.includes(column.type)) return "```" + v + "```";
    if (format === "rich" && column.type === "currency" && typeof v === "number") {
      return {"@context": "http://schema.org/", "@type": "MonetaryAmount", currency: "USD", amount: v};
    }
    // A day carries the doc's offset; a number written as a Unix time stays a number.
    if (column.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      return midnightIn(v, this.doc.timezone ?? DefaultTimezone);
    }
    return v;
  }

  cell(column: ColumnDef, cell: Cell | undefined, format: ValueFormat): unknown {
    if (cell === null || cell === undefined) return "";
    if (Array.isArray(cell)) {
      if (format === "simple") return this.plain(column, cell);
      return cell.map(v => this.scalar(column, v, format));
    }
    return this.scalar(column, cell, format);
  }

  row(table: TableRecord, row: RowRecord, options: {format: ValueFormat; useColumnNames: boolean}) {
    const values: Record<string, unknown> = {};
    for (const column of table.columns) {
      values[options.useColumnNames ? column.name : column.id] = this.cell(
        column,
        row.values.get(column.id),
        options.format,
      );
    }
    return {
      id: row.id,
      type: "row" as const,
      href: links.api(`/docs/${this.doc.id}/tables/${table.id}/rows/${row.id}`),
      name: this.displayName(table, row),
      index: table.rows.indexOf(row),
      browserLink: links.row(this.doc, table, row),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      values,
    };
  }

  tableReference(table: TableRecord) {
    return {
      id: table.id,
      type: "table" as const,
      tableType: table.tableType,
      href: links.api(`/docs/${this.doc.id}/tables/${table.id}`),
      browserLink: links.table(this.doc, table),
      name: table.name,
      parent: {
        id: table.pageId,
        type: "page" as const,
        href: links.api(`/docs/${this.doc.id}/pages/${table.pageId}`),
        browserLink: links.page(this.doc, table),
        name: table.pageName,
      },
    };
  }

  column(table: TableRecord, column: ColumnDef) {
    const format: Record<string, unknown> = {type: column.type, isArray: Boolean(column.isArray)};
    if (column.type === "lookup" || column.type === "person") {
      const target = column.lookupTable ? this.table(column.lookupTable) : undefined;
      if (target) {
        const ref = this.tableReference(target);
        format.table = {
          id: ref.id,
          type: ref.type,
          tableType: ref.tableType,
          href: ref.href,
          browserLink: ref.browserLink,
          name: ref.name,
        };
      }
    }
    if (column.type === "select" && column.options) format.options = column.options.map(name => ({name}));
    if (column.type === "number" || column.type === "percent") format.precision = 2;
    if (column.type === "date") format.format = "YYYY-MM-DD";
    if (column.type === "checkbox") format.displayType = "check";
    return {
      id: column.id,
      type: "column" as const,
      href: links.api(`/docs/${this.doc.id}/tables/${table.id}/columns/${column.id}`),
      name: column.name,
      ...(column.display ? {display: true} : {}),
      ...(column.calculated ? {calculated: true} : {}),
      format,
    };
  }
}
