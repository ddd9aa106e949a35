import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import type {Cell, DocRecord, ScalarCell, TableRecord} from "../emulator/model";
import {isFormatted, isPerson, isRef, plainText} from "../emulator/model";
import {seedOrganization} from "../emulator/seed";
import {sampleMetrics} from "../sample/health";
import {sampleMeetings} from "../sample/meetings";
import {sampleOrganization} from "../sample/organization";
import type {ColumnInfo} from "../src/engine/columns";
import {mapColumns, normalize} from "../src/engine/columns";
import {pack} from "../src/pack";
import type {DocKind, TableEntry} from "../src/sync/tables";
import {Tables} from "../src/sync/tables";
import type {TierSteps} from "../src/sync/tiers";
import {allAtOnceSteps, starterPath, TierList, Tiers, tierSteps} from "../src/sync/tiers";

/**
 * npm run starter -- --out DIR [--json]: one CSV file per table a facilitator
 * creates, in a folder per setup tier and doc (DIR/tier-1/Leadership doc/…),
 * each named after its table so the import needs no rename, with the
 * registry's exact column names and a few rows of the sample organization.
 * The rows come from the sample docs the emulator serves, so a table added
 * there and to the registry gets its starter file too. --json prints the
 * manual steps of each tier instead of the list of files.
 */

/** The most rows a starter table holds; a metric's readings keep as many weeks as this for each metric. */
export const StarterRows = 8;

/**
 * Delivery metrics kept as ordinary health metrics: the direction is in the
 * thresholds (green below red: lower is better), so lead time, deployment
 * frequency, change failure rate and time to restore need no column of their
 * own. The starter's Metric Definitions holds them after half as many sample rows.
 */
export const DeliveryMetrics: ReadonlyArray<{
  Metric: string;
  Area: string;
  Unit: string;
  "Green At": number;
  "Red At": number;
  Cadence: string;
}> = [
  {Metric: "Lead time for changes", Area: "Operations", Unit: "days", "Green At": 7, "Red At": 21, Cadence: "Weekly"},
  {
    Metric: "Deployment frequency",
    Area: "Operations",
    Unit: "deploys/week",
    "Green At": 5,
    "Red At": 1,
    Cadence: "Weekly",
  },
  {Metric: "Change failure rate", Area: "Operations", Unit: "%", "Green At": 15, "Red At": 30, Cadence: "Weekly"},
  {
    Metric: "Time to restore service",
    Area: "Operations",
    Unit: "hours",
    "Green At": 4,
    "Red At": 24,
    Cadence: "Weekly",
  },
];

export interface StarterTable {
  entry: TableEntry;
  file: string;
  header: string[];
  rows: string[][];
}

/** The file a table's rows go to: its tier, its doc, then the table's own name, such as `tier-2/Team doc/Key Results.csv`. */
export const starterFile = (entry: TableEntry) => starterPath(entry);

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
  return {
    Strategy: doc(seeded.strategyDocId),
    Team: doc(seeded.teamDocIds[0]),
    Meeting: doc(seeded.meetingDocId),
    Metrics: doc(seeded.metricsDocId),
  };
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

const infoOf = (table: TableRecord): ColumnInfo[] =>
  table.columns.map(c => ({id: c.id, name: c.name, type: c.type, isArray: Boolean(c.isArray)}));

/** Every starter table: the registry's tables a facilitator creates, each with a few sample rows. */
export function starterTables(): StarterTable[] {
  const docs = sampleDocs();
  /** The names of the rows kept so far, by table: a lookup may only name rows the import brings along. */
  const kept = new Map<string, Set<string>>();
  const out: StarterTable[] = [];
  for (const entry of Tables.filter(t => !t.syncedFrom)) {
    const header = entry.columns.map(c => c.name);
    if (entry.key === "teams") {
      // The leadership doc's list of teams: each team and its lead; CreateTeamDoc fills in the links.
      out.push({
        entry,
        file: starterFile(entry),
        header,
        rows: sampleOrganization()
          .teams.slice(0, StarterRows)
          .map(t => [t.name, t.lead.email, ""]),
      });
      continue;
    }
    const doc = entry.doc === "Leadership" ? undefined : docs[entry.doc];
    const table = doc?.tables.find(t => normalize(t.name) === normalize(entry.name));
    if (!doc || !table) {
      out.push({entry, file: starterFile(entry), header, rows: []});
      continue;
    }
    const map = mapColumns(
      table.name,
      infoOf(table),
      entry.fields.map(f => ({...f, required: false})),
    ) as Partial<Record<string, ColumnInfo>>;
    const texts = table.rows.map(r =>
      entry.columns.map(c => (map[c.field] ? cellText(doc, r.values.get(map[c.field]!.id), c.kind === "percent") : "")),
    );
    const rows = texts
      .filter(row =>
        entry.columns.every((c, i) => {
          const names = c.lookup ? kept.get(c.lookup) : undefined;
          return !names || !row[i] || row[i].split(", ").every(n => names.has(n));
        }),
      )
      .slice(entry.key === "readings" ? -StarterRows * StarterRows : 0)
      .slice(0, entry.key === "readings" ? undefined : StarterRows);
    if (entry.key === "metrics") {
      // Sample metrics of other areas, then the delivery metrics: at most four in an area, as DashboardReview asks.
      const area = header.indexOf("Area");
      const others = rows
        .filter(r => r[area] !== DeliveryMetrics[0].Area)
        .slice(0, StarterRows - DeliveryMetrics.length);
      rows.splice(0, rows.length, ...others);
      const owner = sampleOrganization().teams.find(t => t.name === "Engineering")?.lead.email ?? "";
      const values: Record<string, string | number> = {Owner: owner};
      for (const m of DeliveryMetrics) rows.push(header.map(h => String({...values, ...m}[h as keyof typeof m] ?? "")));
    }
    kept.set(entry.key, new Set(rows.map(r => r[0])));
    out.push({entry, file: starterFile(entry), header, rows});
  }
  return out;
}

/** Writes every starter file under dir, one folder per tier and doc. */
export function writeStarter(dir: string): StarterTable[] {
  const tables = starterTables();
  for (const t of tables) {
    mkdirSync(dirname(join(dir, t.file)), {recursive: true});
    writeFileSync(join(dir, t.file), toCsv(t.header, t.rows));
  }
  return tables;
}

/** How many parameters of a sync table have no default: the ones a facilitator types. */
export function requiredParameters(syncTable: string): number {
  const table = pack.syncTables.find(t => t.name === syncTable);
  if (!table) throw new Error(`No sync table ${syncTable} in the pack.`);
  return table.getter.parameters.filter(p => !p.optional).length;
}

/** The manual steps of each tier, and of the guide before the tiers, counted from the registry. */
export function stepCounts(): {tiers: TierSteps[]; before: Omit<TierSteps, "tier">} {
  return {tiers: TierList.map(t => tierSteps(t, requiredParameters)), before: allAtOnceSteps(requiredParameters)};
}

function main(argv: readonly string[]) {
  const at = argv.indexOf("--out");
  const dir = resolve(at >= 0 ? (argv[at + 1] ?? "starter") : (argv.find(a => !a.startsWith("--")) ?? "starter"));
  const tables = writeStarter(dir);
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(stepCounts())}\n`);
    return;
  }
  console.log(`Starter files in ${dir}: one folder per tier, one per doc, each file named after its table.`);
  for (const tier of TierList) {
    const {steps} = tierSteps(tier, requiredParameters);
    console.log(
      `Tier ${tier}, ${Tiers[tier].name} (${Tiers[tier].when}, ${steps} manual steps): ${Tiers[tier].gives}.`,
    );
    for (const t of tables.filter(x => x.entry.tier === tier)) console.log(`  ${t.file} (${t.rows.length} rows)`);
  }
}

if (require.main === module) main(process.argv.slice(2));
