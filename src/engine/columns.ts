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

export type ColumnMap<F extends string> = Partial<Record<F, ColumnInfo>>;

export function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Reads `Field=Column name; Other=Another column` into a map of field → column
 * name. Fields in `otherFields` belong to another table read by the same sync and
 * are accepted but left out.
 */
export function parseColumnsParam(text: string | undefined, fields: readonly string[], otherFields: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  if (!text || !text.trim()) return out;
  for (const part of text.split(/[;\n]/)) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    if (eq < 0) fail(`"${part.trim()}" in columns is not of the form Field=Column name. Example: "Target=Goal value; Owner=DRI".`);
    const field = fields.find(f => normalize(f) === normalize(part.slice(0, eq)));
    if (!field) {
      if (otherFields.some(f => normalize(f) === normalize(part.slice(0, eq)))) continue;
      fail(`columns names the field "${part.slice(0, eq).trim()}", which is not one of: ${[...fields, ...otherFields].join(", ")}.`);
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
  const explicit = parseColumnsParam(columnsParam, specs.map(s => s.field), otherFields);
  const byName = new Map<string, ColumnInfo>();
  for (const c of columns) if (!byName.has(normalize(c.name))) byName.set(normalize(c.name), c);
  const map: ColumnMap<F> = {};
  const listColumns = () => columns.map(c => c.name).join(", ");
  for (const spec of specs) {
    const wanted = explicit.get(spec.field);
    if (wanted !== undefined) {
      const column = byName.get(normalize(wanted)) ?? columns.find(c => c.id === wanted);
      if (!column) fail(`The columns parameter maps ${spec.field} to "${wanted}", but the table ${tableName} has no such column. Its columns are: ${listColumns()}.`);
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
      const candidates = columns.filter(c => c.type === "lookup" && c.lookupTable && targets.includes(normalize(c.lookupTable.name)));
      if (candidates.length === 1) found = candidates[0];
    }
    if (found) map[spec.field] = found;
    else if (spec.required) {
      const accepted = [spec.field, ...spec.names].filter((n, i, a) => a.indexOf(n) === i).join(", ");
      fail(
        `The table ${tableName} has no column for ${spec.field}. Its columns are: ${listColumns()}. ` +
          `Name a column one of ${accepted}, or map one with the columns parameter, e.g. "${spec.field}=Your column name".`,
      );
    }
  }
  return map;
}
