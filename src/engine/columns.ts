import {Contract, quote, shorten} from "./contract";
import {fail} from "./errors";

/**
 * Finds the columns a table needs by name (case, spacing and punctuation
 * ignored, with common synonyms) or by format, or as the user maps them with a
 * `Field=Column name; …` text.
 */

export interface ColumnInfo {
  id: string;
  name: string;
  /** The API's column format type: text, number, person, lookup, … */
  type: string;
  isArray: boolean;
  /** For lookups: the table the column refers to. */
  lookupTable?: {id: string; name: string};
}

export interface FieldSpec {
  field: string;
  /** Accepted column names, best first. The field's own name is always accepted. */
  names: string[];
  required?: boolean;
  /** For lookups found by format: a name the referenced table's name should match. */
  lookupTo?: string[];
}

/** The fields of a table's column specs, as a type. */
export type FieldName<T extends readonly FieldSpec[]> = T[number]["field"];

export type ColumnMap<F extends string> = Partial<Record<F, ColumnInfo>>;

/** Where every "table not found" and "column not found" message sends the user. */
export const SetupHint = "See SetupCheck.";

/**
 * The room a message about a table or column may take: with the doc named in
 * front of it, it stays under 200 characters.
 */
export const MessageRoom = 174;

/** Names joined by commas, cut to fit the room with a count of the rest. */
export function listWithin(names: readonly string[], room: number): string {
  const all = names.join(", ") || "none";
  if (all.length <= room) return all;
  const kept: string[] = [];
  for (const name of names) {
    const rest = ` and ${names.length - kept.length - 1} more`;
    if ([...kept, name].join(", ").length + rest.length > room) break;
    kept.push(name);
  }
  return `${kept.join(", ")} and ${names.length - kept.length} more`;
}

/** Everything a name is matched without: spacing, punctuation and symbols. Letters, digits and marks of any script, and emoji, stay. */
const NotNamePart = /[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/gu;

/**
 * A name as it is matched: NFKC (full-width letters, ligatures, and accents
 * composed or typed as a letter and a combining mark, all alike), lower case in
 * every script, and only its letters, digits, marks and emoji. A Greek final
 * sigma is a sigma, so a word ends the same with or without a space after it.
 * Marks that dropped spacing leaves side by side are put in their canonical
 * order, so a key is its own key. An ASCII name keeps its lower-case letters and digits.
 */
export function normalize(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFKC")
    .replace(/ς/g, "σ")
    .replace(NotNamePart, "")
    .normalize("NFKC");
}

/**
 * Reads `Field=Column name; Other=Another column` into a map of field → column
 * name. Fields in `otherFields` belong to another table read by the same sync and
 * are accepted but left out.
 */
export function parseColumnsParam(
  text: string | undefined,
  fields: readonly string[],
  otherFields: readonly string[] = [],
): Map<string, string> {
  const out = new Map<string, string>();
  if (!text || !text.trim()) return out;
  for (const part of text.split(/[;\n]/)) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    if (eq < 0) {
      fail(
        `${quote(part.trim())} in columns is not of the form Field=Column name. Example: "Target=Goal value; Owner=DRI".`,
      );
    }
    const field = fields.find(f => normalize(f) === normalize(part.slice(0, eq)));
    if (!field) {
      if (otherFields.some(f => normalize(f) === normalize(part.slice(0, eq)))) continue;
      fail(
        `columns names the field ${quote(part.slice(0, eq).trim())}, which is not one of: ${[...fields, ...otherFields].join(", ")}.`,
      );
    }
    out.set(field, part.slice(eq + 1).trim());
  }
  return out;
}

export function mapColumns<F extends string>(
  tableName: string,
  columns: readonly ColumnInfo[],
  specs: ReadonlyArray<FieldSpec & {field: F}>,
  columnsParam?: string,
  otherFields: readonly string[] = [],
): ColumnMap<F> {
  const explicit = parseColumnsParam(
    columnsParam,
    specs.map(s => s.field),
    otherFields,
  );
  const byName = new Map<string, ColumnInfo>();
  for (const c of columns) if (!byName.has(normalize(c.name))) byName.set(normalize(c.name), c);
  const map: ColumnMap<F> = {};
  for (const spec of specs) {
    const wanted = explicit.get(spec.field);
    if (wanted !== undefined) {
      const column = byName.get(normalize(wanted)) ?? columns.find(c => c.id === wanted);
      if (!column) {
        const said = `columns maps ${spec.field} to ${quote(wanted)}, but the table ${shorten(tableName, Contract.quoteLength)} has no such column. Its columns: `;
        fail(
          `${said}${listWithin(
            columns.map(c => shorten(c.name, Contract.quoteLength)),
            MessageRoom - said.length - SetupHint.length - 2,
          )}. ${SetupHint}`,
        );
      }
      map[spec.field] = column;
      continue;
    }
    let found: ColumnInfo | undefined;
    for (const name of [spec.field, ...spec.names]) {
      found = byName.get(normalize(name));
      if (found) break;
    }
    if (!found && spec.lookupTo) {
      const targets = spec.lookupTo.map(normalize);
      const candidates = columns.filter(
        c => c.type === "lookup" && c.lookupTable && targets.includes(normalize(c.lookupTable.name)),
      );
      if (candidates.length === 1) found = candidates[0];
    }
    if (found) map[spec.field] = found;
    else if (spec.required) {
      const fix = `Rename one or set columns to "${spec.field}=Your column". ${SetupHint}`;
      const said = `The table ${shorten(tableName, Contract.quoteLength)} has no column for ${spec.field}. Its columns: `;
      fail(
        `${said}${listWithin(
          columns.map(c => shorten(c.name, Contract.quoteLength)),
          MessageRoom - said.length - fix.length - 2,
        )}. ${fix}`,
      );
    }
  }
  return map;
}
