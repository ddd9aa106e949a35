import {day, toDay} from "./calendar";
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

/** The first link a cell holds: a Markdown link's address (as formatted text comes back), a link value, or a bare URL. */
export function url(cell: unknown): string | undefined {
  if (isEmpty(cell)) return undefined;
  if (typeof cell === "object" && cell !== null && typeof (cell as {url?: unknown}).url === "string") {
    return (cell as {url: string}).url;
  }
  const raw = Array.isArray(cell) ? cell.map(c => (typeof c === "string" ? c : "")).join(" ") : String(cell);
  return (
    /\]\((https?:\/\/[^\s)]+)\)/.exec(raw)?.[1] ?? /(https?:\/\/[^\s)\]`*]+)/.exec(raw)?.[1].replace(/[.,;:!?]+$/, "")
  );
}

/** Markdown's formatting taken off: links keep their text, emphasis its words, escapes their character. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, "$2")
      // Emphasis opens and closes at a word's edge, in any script: snake_case and 財務_計画 keep their underscores.
      .replace(/(^|[^\p{L}\p{N}_*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
      .replace(/`([^`]*)`/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!~|>])/g, "$1")
  );
}

export function number(cell: unknown, column: string): Read<number> {
  if (isEmpty(cell)) return {value: undefined};
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? {value: cell} : {value: undefined, problem: `${column} is not a finite number.`};
  }
  if (typeof cell === "object" && cell !== null && "amount" in cell) {
    return number((cell as {amount: unknown}).amount, column);
  }
  const raw = text(cell);
  // As typed or imported: thousands separators, a currency sign, a Unicode minus, a trailing percent sign.
  const bare = raw.replace(/[$€£¥,\s\u00a0]/g, "").replace(/^\u2212/, "-");
  const n = Number(bare.replace(/%$/, ""));
  if (bare !== "" && Number.isFinite(n)) return {value: bare.endsWith("%") ? n / 100 : n};
  return {value: undefined, problem: `${column} holds text ("${raw.slice(0, 40)}"), not a number.`};
}

const Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A day typed as text, as a spreadsheet exports it, in YYYY-MM-DD form: ISO
 * (with or without a time), 2026/11/18, 18 Nov 2026, Nov 18, 2026, and
 * 18/11/2026 or 11/18/2026 when the day is over 12. Undefined when it reads as
 * no day; a problem when it reads two ways.
 */
function typedDay(raw: string): Read<string> {
  const t = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return {value: t};
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return {value: `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`};
  m = /^(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?,?[\s-]+(\d{4})$/i.exec(t) ?? null;
  if (m && Months.includes(m[2].toLowerCase())) {
    return {value: `${m[3]}-${pad(Months.indexOf(m[2].toLowerCase()) + 1)}-${pad(+m[1])}`};
  }
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(t);
  if (m && Months.includes(m[1].toLowerCase())) {
    return {value: `${m[3]}-${pad(Months.indexOf(m[1].toLowerCase()) + 1)}-${pad(+m[2])}`};
  }
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    if (a > 12 && b <= 12) return {value: `${m[3]}-${pad(b)}-${pad(a)}`};
    if (b > 12 && a <= 12) return {value: `${m[3]}-${pad(a)}-${pad(b)}`};
    if (a === b) return {value: `${m[3]}-${pad(a)}-${pad(b)}`};
    return {
      value: undefined,
      problem: `"${t}" reads as two days (day/month or month/day): write it as ${m[3]}-${pad(b)}-${pad(a)} or ${m[3]}-${pad(a)}-${pad(b)}.`,
    };
  }
  return {value: undefined};
}

/**
 * A date cell: a day typed as text (see typedDay), a timestamp as the API serves
 * a date (`2026-03-04T00:00:00.000-05:00`, the day it names in the doc's offset),
 * or a number, as the API serves a date written as a Unix time: its calendar day
 * in the doc's time zone (`timezone`, the execution's), or without one the
 * nearest UTC midnight's.
 */
export function date(cell: unknown, column: string, timezone?: string): Read<Day> {
  if (isEmpty(cell)) return {value: undefined};
  if (typeof cell === "number") return unixDay(cell, column, timezone);
  const raw = text(cell);
  const typed = typedDay(raw);
  if (typed.problem) return {value: undefined, problem: `${column}: ${typed.problem}`};
  if (typed.value) {
    try {
      return {value: day(typed.value, column)};
    } catch (error) {
      if (!isInputError(error)) throw error;
      return {value: undefined, problem: error.message};
    }
  }
  return {value: undefined, problem: `${column} holds "${raw.slice(0, 40)}", not a date: write it as YYYY-MM-DD.`};
}

/** Unix seconds of the last second of the year 9999: a larger number is milliseconds. */
const LastUnixSecond = 253_402_300_799;

/**
 * A Unix time in seconds, or in milliseconds when it is too large to be seconds of
 * the years 1000 to 9999, as its calendar day in the time zone.
 */
function unixDay(n: number, column: string, timezone?: string): Read<Day> {
  try {
    return {value: toDay(column, Math.abs(n) <= LastUnixSecond ? n * 1000 : n, timezone)};
  } catch (error) {
    if (!isInputError(error)) throw error;
    return {value: undefined, problem: error.message};
  }
}

const YesWords = ["true", "yes", "y", "x", "✓", "✔", "done", "1", "checked"];
const NoWords = ["false", "no", "n", "0", "unchecked"];

/**
 * A checkbox, or its text as a CSV import leaves it: true, yes, x, ✓, done or 1
 * tick it (and the column's own words, such as "on time"); false, no or 0 do
 * not; blank is unknown.
 */
export function flag(
  cell: unknown,
  column: string,
  words: {yes?: readonly string[]; no?: readonly string[]} = {},
): Read<boolean> {
  if (typeof cell === "boolean") return {value: cell};
  const t = text(cell).toLowerCase();
  if (!t) return {value: undefined};
  if (YesWords.includes(t) || words.yes?.includes(t)) return {value: true};
  if (NoWords.includes(t) || words.no?.includes(t)) return {value: false};
  return {
    value: undefined,
    problem: `${column} holds "${text(cell).slice(0, 20)}": tick it (or type yes) or leave it blank.`,
  };
}

const EmailPattern = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** One person typed as text: an email, "Name <email>", or a name. */
function typedPerson(typed: string): PersonValue {
  const t = typed.trim();
  const angled = /^(.*?)\s*<([^<>]+)>$/.exec(t);
  if (angled && EmailPattern.test(angled[2].trim())) {
    return {name: angled[1].trim().replace(/^"|"$/g, "") || angled[2].trim(), email: angled[2].trim()};
  }
  if (EmailPattern.test(t)) return {name: t, email: t};
  return {name: t, email: ""};
}

/**
 * People in a people cell, or typed in a text cell as a CSV import leaves it:
 * emails, "Name <email>" or names, separated by commas, semicolons or lines.
 */
export function people(cell: unknown): PersonValue[] {
  if (isEmpty(cell)) return [];
  const list = Array.isArray(cell) ? cell : [cell];
  return list
    .flatMap(p =>
      typeof p === "object" && p !== null
        ? [{name: String((p as PersonValue).name ?? ""), email: String((p as PersonValue).email ?? "")}]
        : text(p)
            .split(/[,;\n]/)
            .map(typedPerson),
    )
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
