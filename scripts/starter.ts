import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Cell, DocRecord, ScalarCell, TableRecord} from "../emulator/model";
import {isFormatted, isPerson, isRef, plainText} from "../emulator/model";
import {seedOrganization} from "../emulator/seed";
import {sampleMetrics} from "../sample/health";
import {sampleMeetings} from "../sample/meetings";
import {sampleOrganization} from "../sample/organization";
import type {ColumnInfo} from "../src/engine/columns";
import {mapColumns, normalize} from "../src/engine/columns";
import type {DocKind, TableEntry} from "../src/sync/tables";
import {Tables} from "../src/sync/tables";

/**
 * npm run starter [dir]: one CSV file per table a facilitator creates, with the
 * registry's exact column names and a few rows of the sample organization, for
 * Coda's own CSV import. The rows come from the sample docs the emulator
 * serves, so a table added there and to the registry gets its starter file too.
 */

/** The most rows a starter table holds. */
export const StarterRows = 8;

export interface StarterTable {
  entry: TableEntry;
  file: string;
  header: string[];
  rows: string[][];
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The file a table's rows go to: the doc kind, then the table, such as `team-key-results.csv`. */
export const starterFile = (entry: TableEntry) => `${slug(entry.doc)}-${slug(entry.name)}.csv`;

/** A field as a CSV file holds it: quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly string[][]): string {
  return [header, ...rows].map(r => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Reads CSV text (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new Error("The CSV text ends inside a quoted field.");
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function sampleDocs(): Record<Exclude<DocKind, "Leadership">, DocRecord> {
  const seeded = seedOrganization(sampleOrganization(), {metrics: sampleMetrics(), meetings: sampleMeetings()});
  const doc = (id: string | undefined) => seeded.docs.find(d => d.id === id)!;
  return {Strategy: doc(seeded.strategyDocId), Team: doc(seeded.teamDocIds[0]), Meeting: doc(seeded.meetingDocId), Metrics: doc(seeded.metricsDocId)};
}

/** A cell as text a CSV import reads: people by email, lookups by the names of the rows, percents with %. */
function cellText(doc: DocRecord, cell: Cell | undefined, percent: boolean): string {
  if (cell === null || cell === undefined) return "";
  if (Array.isArray(cell)) return cell.map(c => cellText(doc, c, percent)).join(", ");
  return scalarText(doc, cell, percent);
}

function scalarText(doc: DocRecord, cell: ScalarCell, percent: boolean): string {
  if (isPerson(cell)) return cell.email;
  if (isRef(cell)) return displayName(doc, cell.rowId);
  if (isFormatted(cell)) return plainText(cell);
  if (typeof cell === "number" && percent) return `${Math.round(cell * 1000) / 10}%`;
  return String(cell);
}

function displayName(doc: DocRecord, rowId: string): string {
  for (const table of doc.tables) {
    const row = table.rows.find(r => r.id === rowId);
    if (!row) continue;
    const display = table.columns.find(c => c.display) ?? table.columns[0];
    return cellText(doc, row.values.get(display.id), false);
  }
  return "";
}

const infoOf = (table: TableRecord): ColumnInfo[] => table.columns.map(c => ({id: c.id, name: c.name, type: c.type, isArray: Boolean(c.isArray)}));

/** Every starter table: the registry's tables a facilitator creates, each with a few sample rows. */
export function starterTables(): StarterTable[] {
  const docs = sampleDocs();
  /** The names of the rows kept so far, by table: a lookup may only name rows the import brings along. */
  const kept = new Map<string, Set<string>>();
  const out: StarterTable[] = [];
  for (const entry of Tables.filter(t => !t.syncedFrom)) {
    const header = entry.columns.map(c => c.name);
    const doc = entry.doc === "Leadership" ? undefined : docs[entry.doc];
    const table = doc?.tables.find(t => normalize(t.name) === normalize(entry.name));
    if (!doc || !table) {
      out.push({entry, file: starterFile(entry), header, rows: []});
      continue;
    }
    const map = mapColumns(table.name, infoOf(table), entry.fields.map(f => ({...f, required: false}))) as Partial<Record<string, ColumnInfo>>;
    const texts = table.rows.map(r => entry.columns.map(c => (map[c.field] ? cellText(doc, r.values.get(map[c.field]!.id), c.kind === "percent") : "")));
    const rows = texts
      .filter(row =>
        entry.columns.every((c, i) => {
          const names = c.lookup ? kept.get(c.lookup) : undefined;
          return !names || !row[i] || row[i].split(", ").every(n => names.has(n));
        }),
      )
      .slice(0, StarterRows);
    kept.set(entry.key, new Set(rows.map(r => r[0])));
    out.push({entry, file: starterFile(entry), header, rows});
  }
  return out;
}

export function writeStarter(dir: string): StarterTable[] {
  const tables = starterTables();
  mkdirSync(dir, {recursive: true});
  for (const t of tables) writeFileSync(join(dir, t.file), toCsv(t.header, t.rows));
  return tables;
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? "starter");
  const tables = writeStarter(dir);
  console.log(`Starter tables in ${dir} (import each with Coda's CSV import into the doc named first):`);
  for (const t of tables) console.log(`  ${t.entry.doc.padEnd(9)} ${t.entry.name.padEnd(22)} ${t.file} (${t.rows.length} rows)`);
}
