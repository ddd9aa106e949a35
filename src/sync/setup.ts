import * as coda from "@codahq/packs-sdk";
import type {TableReference} from "../../schemas/api";
import {resolveDocId} from "../api/client";
import type {ColumnInfo} from "../engine/columns";
import {listWithin, mapColumns, normalize} from "../engine/columns";
import {editDistance} from "../engine/names";
import {docTables, sameNameTables, typedColumns} from "./source";
import type {ColumnKind, TableEntry} from "./tables";
import {
  AcceptedFormats,
  CheckKinds,
  DocKinds,
  KindLabel,
  LeadershipHolds,
  OneDoc,
  tableByKey,
  tablesOf,
} from "./tables";
import {readiness, starterPath, TierList, Tiers} from "./tiers";

/**
 * SetupCheck: what a doc holds against what the pack reads there. It costs one
 * listTables request (one per 100 tables) and one listColumns request per table
 * found by a name the pack reads (one per 100 columns).
 */

export interface TableCheck {
  Table: string;
  /** The setup tier that adds the table; on the first row, the tier the doc is ready for. */
  Tier: number;
  Status: string;
  Ok: boolean;
  Found: string;
  Optional: boolean;
  ReadBy: string;
  Problems: string[];
  Suggestions: string[];
  Fix: string;
  Columns: string;
}

export const Statuses = {
  found: "Found",
  fix: "Columns to fix",
  missing: "Missing",
  optional: "Missing, optional",
  nearMiss: "Near miss",
  two: "Two tables match",
} as const;

/** The columns to create, as the guide lists them: `Key Result (Text), Objective (Lookup to Objectives), …`. */
export function columnList(entry: TableEntry): string {
  return entry.columns
    .map(col => {
      const target = col.lookup ? tableByKey(col.lookup)?.name : undefined;
      return `${col.name} (${KindLabel[col.kind]}${target ? ` to ${target}` : ""})`;
    })
    .join(", ");
}

/** Whether a table's name is close to the name the pack looks for without being it. */
export function isNearMiss(tableName: string, wanted: string): boolean {
  const a = normalize(tableName);
  const b = normalize(wanted);
  if (!a || a === b) return false;
  return editDistance(a, b) <= 2 || (b.length >= 5 && a.includes(b)) || (a.length >= 5 && b.includes(a));
}

interface Inspected {
  table: TableReference;
  columns: readonly ColumnInfo[];
}

interface ColumnFindings {
  problems: string[];
  suggestions: string[];
}

/** The registry's columns against a table's columns: what is missing, and what has the wrong format. */
export function judgeColumns(entry: TableEntry, tableName: string, columns: readonly ColumnInfo[]): ColumnFindings {
  const specs = entry.fields.map(f => ({...f, required: false}));
  const map = mapColumns(tableName, columns, specs) as Partial<Record<string, ColumnInfo>>;
  const problems: string[] = [];
  const suggestions: string[] = [];
  const typing: string[] = [];
  for (const col of entry.columns) {
    const spec = entry.fields.find(f => f.field === col.field);
    const found = map[col.field];
    const kind = KindLabel[col.kind];
    if (!found) {
      if (spec?.required || col.needed) {
        problems.push(
          `No ${col.name} column: add one (${kind})${col.needed ? ", which the actions write each row's key to" : ""}.`,
        );
      } else suggestions.push(`No ${col.name} column (${kind}); add it if you want it.`);
      continue;
    }
    const accepted = AcceptedFormats[col.kind];
    if (accepted && found.type === "text") {
      // As a CSV import leaves it: the pack reads the text, and typing the column is a choice.
      typing.push(`${found.name} as ${kind} ${TypingGives[col.kind]}`);
      continue;
    }
    if (!accepted || !found.type || accepted.includes(found.type)) {
      const wanted = spec?.lookupTo?.map(normalize);
      if (
        found.type === "lookup" &&
        found.lookupTable &&
        wanted &&
        !wanted.includes(normalize(found.lookupTable.name))
      ) {
        suggestions.push(`${found.name} looks up ${found.lookupTable.name}; it should look up ${spec?.lookupTo?.[0]}.`);
      }
      continue;
    }
    const said = `${found.name} is a ${found.type} column; make it ${kind}.`;
    if (col.kind === "person") suggestions.push(`${said} Without people the pack has names but no emails.`);
    else problems.push(said);
  }
  if (typing.length) suggestions.push(`Read as text, which works. Typing ${listWithin(typing, 400)}.`);
  return {problems, suggestions};
}

/** What typing a text column gives, after "Typing Owner as People". */
const TypingGives: Record<ColumnKind, string> = {
  text: "",
  select: "",
  person: "lets the pack notify them",
  lookup: "links rows by id, so a renamed row stays linked",
  number: "lets the doc refuse a typo",
  percent: "shows 0.35 as 35%",
  date: "gives a date picker",
  checkbox: "gives a tick box",
};

/** Whether a table has every column the pack cannot do without. */
const fits = (entry: TableEntry, i: Inspected) => !judgeColumns(entry, i.table.name, i.columns).problems.length;

/** One table of the registry against the doc's tables and the columns inspected. */
export function judgeTable(
  entry: TableEntry,
  tables: readonly TableReference[],
  inspected: ReadonlyMap<string, Inspected>,
  claimed: ReadonlySet<string>,
): TableCheck {
  const readBy = entry.readBy.join(", ");
  const base = {
    Table: entry.name,
    Tier: entry.tier,
    Optional: entry.optional,
    ReadBy: readBy,
    Columns: columnList(entry),
    Suggestions: [] as string[],
  };
  const create = entry.syncedFrom
    ? `Add the ${entry.syncedFrom} sync table to this doc.`
    : `Import ${starterPath(entry)} (npm run starter), or create a table named ${entry.name} with the columns listed.`;
  const matches = sameNameTables(tables, entry.name);
  if (matches.length > 1) {
    const quoted = matches.map(t => `"${t.name}"`).join(" and ");
    const good = matches.filter(t => inspected.has(t.id) && fits(entry, inspected.get(t.id)!));
    const exact = matches.find(t => t.name === entry.name);
    const problems = [
      `${quoted} both match ${entry.name}: a sync that names the table another way stops rather than guess.`,
    ];
    if (exact) {
      problems.push(
        `The default name reads "${exact.name}"${good.includes(exact) ? "" : ", which lacks the columns the pack needs"}.`,
      );
    }
    const fix =
      good.length === 1
        ? `Keep "${good[0].name}" and rename or delete ${matches
            .filter(t => t !== good[0])
            .map(t => `"${t.name}"`)
            .join(", ")}.`
        : `Rename or delete the tables that are not your ${entry.name} table.`;
    return {
      ...base,
      Status: Statuses.two,
      Ok: false,
      Found: matches.map(t => t.name).join(", "),
      Problems: problems,
      Fix: fix,
    };
  }
  if (matches.length === 1) {
    const table = matches[0];
    const columns = inspected.get(table.id)?.columns ?? [];
    const {problems, suggestions} = judgeColumns(entry, table.name, columns);
    if (table.name !== entry.name) {
      suggestions.unshift(`Named "${table.name}": the pack finds it, case and spacing aside.`);
    }
    return {
      ...base,
      Status: problems.length ? Statuses.fix : Statuses.found,
      Ok: !problems.length,
      Found: table.name,
      Problems: problems,
      Suggestions: suggestions,
      Fix: problems.length
        ? `Add or retype the columns in Problems, or map yours with the sync's columns parameter.`
        : "",
    };
  }
  const near = tables.filter(t => !claimed.has(t.id) && isNearMiss(t.name, entry.name));
  if (near.length) {
    const quoted = near.map(t => `"${t.name}"`).join(", ");
    return {
      ...base,
      Status: Statuses.nearMiss,
      Ok: false,
      Found: near.map(t => t.name).join(", "),
      Problems: [
        `No table named ${entry.name}; ${quoted} ${near.length > 1 ? "are" : "is"} close, but the pack does not read ${near.length > 1 ? "them" : "it"}.`,
      ],
      Fix: `Rename ${quoted} to ${entry.name}, or give its name in the table parameter of ${readBy}.`,
    };
  }
  return {
    ...base,
    Status: entry.optional ? Statuses.optional : Statuses.missing,
    Ok: entry.optional,
    Found: "",
    Problems: entry.optional ? [] : [`No table named ${entry.name}: ${readBy} cannot read this doc.`],
    Fix: entry.optional ? `Optional (tier ${entry.tier}). ${create}` : create,
  };
}

export function checkKind(kind: string): string {
  const match = CheckKinds.find(k => normalize(k) === normalize(kind ?? ""));
  if (!match) {
    throw new coda.UserVisibleError(
      `"${String(kind).slice(0, 30)}" is not a kind of doc. Use one of: ${CheckKinds.join(", ")}.`,
    );
  }
  return match;
}

/** Inspects a doc: one listTables, then one listColumns per table found by a name the pack reads. */
export async function setupCheck(context: coda.ExecutionContext, kind: string, doc: string): Promise<TableCheck[]> {
  const entries = tablesOf(checkKind(kind));
  const docId = await resolveDocId(context, doc);
  const tables = await docTables(context, docId);
  const claimed = new Set(entries.flatMap(e => sameNameTables(tables, e.name)).map(t => t.id));
  const inspected = new Map<string, Inspected>();
  for (const table of tables.filter(t => claimed.has(t.id))) {
    inspected.set(table.id, {table, columns: await typedColumns(context, docId, table.id)});
  }
  const checks = entries.map(entry => judgeTable(entry, tables, inspected, claimed));
  return [tierRow(checkKind(kind), entries, checks), ...checks];
}

/** The name of SetupCheck's first row, which says the tier the doc is ready for and the next steps. */
export const TierRow = "Setup tier";

/** The first row: the tier the doc is ready for, and the next one to three steps towards the next. */
export function tierRow(kind: string, entries: readonly TableEntry[], checks: readonly TableCheck[]): TableCheck {
  const states = entries.map((entry, i) => {
    const check = checks[i];
    const ready = check.Status === Statuses.found;
    return {
      entry,
      ready,
      fix: ready || check.Status === Statuses.missing || check.Status === Statuses.optional ? "" : check.Fix,
    };
  });
  const placeIn =
    kind === OneDoc ? DocKinds : kind === "Leadership" ? LeadershipHolds : DocKinds.filter(k => k === kind);
  const {tier, next} = readiness(states, placeIn);
  const status = tier ? `Ready for tier ${tier}: ${Tiers[tier].name}` : `Not ready for tier 1: ${Tiers[1].name}`;
  const nextTier = TierList.find(t => t > tier);
  return {
    Table: TierRow,
    Tier: tier,
    Status: status,
    Ok: tier > 0,
    Found: "",
    Optional: false,
    ReadBy: "",
    Problems: [],
    Suggestions: next,
    Fix: nextTier && next.length ? `Tier ${nextTier} gives ${Tiers[nextTier].gives}. Next: ${next[0]}` : "",
    Columns: "",
  };
}
