import {day} from "./calendar";
import {isInputError} from "./errors";
import type {Day} from "./calendar";

/**
 * Reads cell values in the API's rich format: plain text comes wrapped in triple
 * backticks, formatted text as Markdown (bold, italics, links), people and row
 * references as JSON-LD objects.
 * Every reader returns a value or a problem in words, never a guess.
 */

export type Read<T> = {value: T | undefined; problem?: string};

export interface PersonValue {
  name: string;
  email: string;
}

export interface RowRef {
  rowId?: string;
  tableId?: string;
  name: string;
  url?: string;
}

export function isEmpty(cell: unknown): boolean {
  return cell === undefined || cell === null || cell === "" || (Array.isArray(cell) && cell.length === 0);
}

export function text(cell: unknown): string {
  if (isEmpty(cell)) return "";
  if (Array.isArray(cell)) return cell.map(text).filter(Boolean).join(", ");
  if (typeof cell === "object") {
    const obj = cell as Record<string, unknown>;
    return String(obj.name ?? obj.url ?? obj.amount ?? "");
  }
  const s = String(cell);
  const fenced = /^```([\s\S]*)```$/.exec(s);
  return (fenced ? fenced[1] : plainText(s)).trim();
}

/** Markdown's formatting taken off: links keep their text, emphasis its words, escapes their character. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!~|>])/g, "$1");
}

export function number(cell: unknown, column: string): Read<number> {
  if (isEmpty(cell)) return {value: undefined};
  if (typeof cell === "number") return Number.isFinite(cell) ? {value: cell} : {value: undefined, problem: `${column} is not a finite number.`};
  if (typeof cell === "object" && cell !== null && "amount" in cell) return number((cell as {amount: unknown}).amount, column);
  const raw = text(cell);
  const n = Number(raw.replace(/[$,\s]/g, "").replace(/%$/, ""));
  if (raw !== "" && Number.isFinite(n)) return {value: raw.endsWith("%") ? n / 100 : n};
  return {value: undefined, problem: `${column} holds text ("${raw}"), not a number.`};
}

export function date(cell: unknown, column: string): Read<Day> {
  if (isEmpty(cell)) return {value: undefined};
  const raw = text(cell);
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) {
    try {
      return {value: day(raw, column)};
    } catch (error) {
      if (!isInputError(error)) throw error;
      return {value: undefined, problem: error.message};
    }
  }
  return {value: undefined, problem: `${column} holds "${raw}", not a date.`};
}

export function people(cell: unknown): PersonValue[] {
  if (isEmpty(cell)) return [];
  const list = Array.isArray(cell) ? cell : [cell];
  return list
    .map(p => (typeof p === "object" && p !== null ? {name: String((p as PersonValue).name ?? ""), email: String((p as PersonValue).email ?? "")} : {name: text(p), email: ""}))
    .filter(p => p.name || p.email);
}

/** Row references in a lookup cell; a plain string is a reference by display name only. */
export function refs(cell: unknown): RowRef[] {
  if (isEmpty(cell)) return [];
  const list = Array.isArray(cell) ? cell : [cell];
  const out: RowRef[] = [];
  for (const item of list) {
    if (typeof item === "object" && item !== null && (item as {additionalType?: string}).additionalType === "row") {
      const r = item as {rowId?: string; tableId?: string; name?: string; url?: string};
      out.push({rowId: r.rowId, tableId: r.tableId, name: String(r.name ?? ""), url: r.url});
    } else {
      for (const name of text(item).split(",")) if (name.trim()) out.push({name: name.trim()});
    }
  }
  return out;
}

/**
 * A list typed in one cell: one item a line, or separated by semicolons or
 * bullets, and by commas. With `commas: "before capitals"`, a comma separates
 * only where the next item starts with a capital, so "Hiring, onboarding and
 * pay" stays one item.
 */
export function list(text: string, commas: "every" | "before capitals" = "every"): string[] {
  const separators = commas === "every" ? /[\n;•,]/ : /[\n;•]|,(?=\s*[A-Z])/;
  return text
    .split(separators)
    .map(s => s.replace(/^\s*[-*]\s*/, "").trim())
    .filter(Boolean);
}
