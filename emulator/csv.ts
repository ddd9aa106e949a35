import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {basename, join, resolve} from "node:path";
import {People} from "../sample/organization";
import type {DocRecord, PersonCell, RowRecord, TableRecord} from "./model";
import {Ids} from "./seed";

/**
 * A facilitator's own CSV files served as docs: each folder of CSV files under
 * a directory is a doc named after the folder (CSV files directly in the
 * directory make one doc named after it), and each file a table named after
 * the file. Every column is text, as Coda's CSV import leaves it, the first
 * one the display column.
 */

/** A folder of CSV files that cannot be served, in one line that names the file and the fix. */
export class CsvError extends Error {}

/** One line of a CSV file: its fields, and the line of the file it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Reads CSV text: fields separated by commas, quoted when they hold commas,
 * quotes (doubled) or line breaks, lines ended by CRLF, LF or CR, a leading
 * byte order mark skipped. Throws on a quote never closed or text after a
 * closing quote; a quote inside an unquoted field is kept as it is.
 */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let state: "start" | "plain" | "quoted" | "closed" = "start";
  let line = 1;
  let startLine = 1;
  let quoteLine = 1;
  const endField = () => {
    fields.push(field);
    field = "";
    state = "start";
  };
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const lineBreak = ch === "\n" || (ch === "\r" && body[i + 1] !== "\n");
    if (state === "quoted") {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') field += body[++i];
      else state = "closed";
      if (lineBreak) line++;
    } else if (ch === ",") endField();
    else if (ch === "\r" || ch === "\n") {
      if (!lineBreak) continue; // the CR of a CRLF
      endField();
      records.push({fields, line: startLine});
      fields = [];
      startLine = ++line;
    } else if (state === "closed") {
      throw new Error(`line ${line}: text after a closing quote; quote the whole field and double the quotes in it`);
    } else if (ch === '"' && state === "start") {
      state = "quoted";
      quoteLine = line;
    } else {
      field += ch;
      state = "plain";
    }
  }
  if (state === "quoted") throw new Error(`line ${quoteLine}: a quoted field is never closed; add the closing quote`);
  if (fields.length || state !== "start") {
    endField();
    records.push({fields, line: startLine});
  }
  return records;
}

/** A file's text, or an error when it is not UTF-8. */
function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    throw new Error("it is not UTF-8 text; save it as CSV UTF-8");
  }
}

/** The header and the rows of a CSV file, every row as long as the header. */
export function csvTable(text: string): {header: string[]; rows: string[][]} {
  const records = readCsv(text).filter(r => r.fields.length > 1 || r.fields[0] !== "");
  if (!records.length) throw new Error("it is empty; its first line should name the columns");
  const [head, ...rest] = records;
  const header = head.fields.map(name => name.normalize("NFC"));
  header.forEach((name, i) => {
    if (!name.trim()) throw new Error(`column ${i + 1} has no name in the first line; name it`);
    if (header.indexOf(name) < i) throw new Error(`two columns are named "${name}"; rename one`);
  });
  const rows = rest.map(r => {
    if (r.fields.length > header.length) {
      const counts = `${r.fields.length} fields but the first line names ${header.length} columns`;
      throw new Error(`line ${r.line} has ${counts}; quote fields that hold commas`);
    }
    return header.map((_, i) => r.fields[i] ?? "");
  });
  return {header, rows};
}

/**
 * A doc id from a folder's name: its Latin letters and digits (up to 8, or
 * `Doc`), a dash and 6 hex digits of a hash of the name, so the same folder
 * always gets the same id and different names get different ones.
 */
export function csvDocId(name: string, taken: ReadonlySet<string> = new Set()): string {
  const letters =
    name
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(0, 8) || "Doc";
  for (let n = 1; ; n++) {
    const hash = createHash("sha256")
      .update(n === 1 ? name : `${name}\n${n}`)
      .digest("hex")
      .slice(0, 6);
    if (!taken.has(`${letters}-${hash}`)) return `${letters}-${hash}`;
  }
}

const isCsv = (name: string) => /\.csv$/i.test(name) && !name.startsWith(".");

/** The folders that make docs: the directory itself when it holds CSV files, then each folder in it that does. */
function csvFolders(dir: string): string[] {
  const folders = readdirSync(dir, {withFileTypes: true})
    .filter(e => e.isDirectory() && !e.name.startsWith("."))
    .map(e => join(dir, e.name))
    .sort((a, b) => a.localeCompare(b));
  return [dir, ...folders].filter(f => readdirSync(f).some(isCsv));
}

function tableFromFile(path: string, ids: Ids, at: string): TableRecord {
  const name = basename(path)
    .replace(/\.csv$/i, "")
    .normalize("NFC");
  const {header, rows} = csvTable(utf8(readFileSync(path)));
  const columns = header.map((column, i) => ({
    id: ids.next("c"),
    name: column,
    type: "text" as const,
    display: i === 0,
  }));
  const records: RowRecord[] = rows.map(fields => ({
    id: ids.next("i"),
    values: new Map(fields.flatMap((text, i) => (text === "" ? [] : [[columns[i].id, text] as const]))),
    createdAt: at,
    updatedAt: at,
  }));
  const id = ids.next("grid");
  return {
    id,
    name,
    tableType: "table",
    pageId: ids.next("canvas"),
    pageName: name,
    columns,
    rows: records,
    createdAt: at,
    updatedAt: at,
  };
}

function docFromFolder(folder: string, taken: Set<string>, owner: PersonCell, at: string): DocRecord {
  const name = basename(folder).normalize("NFC");
  const id = csvDocId(name, taken);
  taken.add(id);
  const ids = new Ids(id.slice(-6));
  const files = readdirSync(folder)
    .filter(isCsv)
    .sort((a, b) => a.localeCompare(b));
  const tables = files.map(file => {
    try {
      return tableFromFile(join(folder, file), ids, at);
    } catch (error) {
      throw new CsvError(`Cannot serve ${join(folder, file)}: ${(error as Error).message}, or move the file out.`);
    }
  });
  return {id, name, owner, tables, createdAt: at, updatedAt: at};
}

/**
 * The docs a directory of CSV files makes, owned by `owner` (the sample
 * organization's CEO, whom the sample tokens belong to). Throws a CsvError
 * naming the file when a file cannot be read.
 */
export function docsFromCsvDir(dir: string, owner: PersonCell = People.ceo): DocRecord[] {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CsvError(`No folder at ${root}; give the folder that holds your CSV files.`);
  }
  const folders = csvFolders(root);
  if (!folders.length) {
    throw new CsvError(
      `No CSV files in ${root} or the folders in it; export each table as CSV into a folder named after its doc.`,
    );
  }
  const taken = new Set<string>();
  const at = new Date().toISOString();
  return folders.map(folder => docFromFolder(folder, taken, owner, at));
}
