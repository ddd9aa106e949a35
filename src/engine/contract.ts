import {fail} from "./errors";

/**
 * The input contract: what every formula accepts, stated once. Each parameter is
 * of one of the kinds below, and every formula reads that kind with the same
 * function, so a value means the same thing everywhere and a value out of range
 * gets the same short message that says how to fix it.
 *
 * - Fraction (confidence, expected progress, grade bands): 0 to 1, where 1 is
 *   100 %. A Percent column gives 0.35 for 35 %; a Number column gives 35, which
 *   is refused with "35 looks like 35 %: use 0.35 or a Percent column".
 * - Score (progress and scores, which may beat their target): 0 to 1.5, that is
 *   up to 150 %. Only a whole-number percent of 0 or 1 cannot be told apart from
 *   a fraction; every other whole-number percent is refused the same way.
 * - Number (readings, thresholds, start, target, current, check-in values): any
 *   number from −1e15 to 1e15 in the metric's own unit.
 * - Weight: 0 to 1e15, relative (2 counts twice as much as 1); blank counts as 1.
 * - Count: a whole number in the range each parameter states.
 * - Minutes: 0 to 1,440 (a day) per item; an agenda spans at most 7 days.
 * - Date: a calendar day from the year 1000 to 9999, read in the doc's time zone;
 *   dates a formula computes stay in that range too.
 * - List: up to 200,000 entries; lists given side by side have the same length.
 * - Text: any text; control characters are dropped where text is drawn, and an
 *   error quotes at most the first 40 characters of a value.
 */
export const Contract = {
  fractionMax: 1,
  scoreMax: 1.5,
  maxMagnitude: 1e15,
  minutesPerItem: 1440,
  agendaMinutes: 7 * 1440,
  firstYear: 1000,
  lastYear: 9999,
  maxList: 200_000,
  quoteLength: 40,
  maxMessage: 200,
} as const;

/** Each kind's range in words, for parameter descriptions (read by people and by agents alike). */
export const Ranges = {
  fraction:
    "from 0 to 1, where 1 is 100% (a Percent column gives 0.35 for 35%; 35 is refused as a whole-number percent)",
  score: "from 0 to 1.5, up to 150% (a Percent column gives 0.35 for 35%; 35 is refused as a whole-number percent)",
  number: "any number from -1e15 to 1e15",
  date: "a date from the year 1000 to 9999, read in the doc's time zone",
  list: "up to 200,000 entries",
  minutes: "0 to 1,440 minutes each, at most 7 days in all",
} as const;

/** A value that may be blank, as Coda passes an empty cell in a list. */
export type Maybe<T> = T | null | undefined;

export function isBlank(value: unknown): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** A number as a message shows it: at most 6 significant digits. */
export function show(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

// ------------------------------------------------------------------ text

// C0 and C1 control characters (tab, newline and carriage return included),
// lone surrogates, and U+FFFE/U+FFFF: none may appear in XML, and none reads well.
const ControlChars =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text with control characters turned into spaces and runs of spaces collapsed. */
export function plainText(text: string): string {
  return text.replace(ControlChars, " ").replace(/ {2,}/g, " ").trim();
}

type Segmenter = {segment(text: string): Iterable<{segment: string}>};
let segmenter: Segmenter | null | undefined;

/** The text's user-perceived characters (an emoji with its modifiers is one). */
function graphemes(text: string, limit: number): string[] {
  if (segmenter === undefined) {
    const Ctor = (Intl as unknown as {Segmenter?: new (locale?: string, options?: {granularity: string}) => Segmenter})
      .Segmenter;
    segmenter = Ctor ? new Ctor(undefined, {granularity: "grapheme"}) : null;
  }
  const out: string[] = [];
  if (segmenter) {
    for (const s of segmenter.segment(text)) {
      out.push(s.segment);
      if (out.length > limit) break;
    }
    return out;
  }
  for (const c of text) {
    out.push(c);
    if (out.length > limit) break;
  }
  return out;
}

/**
 * Plain text cut to at most `max` characters as a person counts them, and at most
 * `maxUnits` UTF-16 code units, ending in "…" when cut. An emoji or an accented
 * letter is never split.
 */
export function shorten(text: string, max: number, maxUnits = 4 * max + 8): string {
  const clean = plainText(text);
  if (clean.length <= max) return clean;
  // Any cluster cut by this slice is longer than maxUnits allows, so it is never kept.
  const chars = graphemes(clean.slice(0, maxUnits + 64), max);
  const whole = chars.join("");
  if (chars.length <= max && whole.length <= maxUnits && whole.length === clean.length) return whole;
  let units = 0;
  let kept = 0;
  while (kept < chars.length && kept < max - 1 && units + chars[kept].length + 1 <= maxUnits) {
    units += chars[kept++].length;
  }
  return chars.slice(0, kept).join("").trimEnd() + "…";
}

/** A value as an error message quotes it: its first 40 characters, in quotes. */
export function quote(value: unknown): string {
  return `"${shorten(String(value ?? ""), Contract.quoteLength, Contract.quoteLength + 20)}"`;
}

/** Several names for a message: the first few, and how many more. */
export function someOf(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).map(x => shorten(x, 16, 24));
  return items.length > max ? `${shown.join(", ")} and ${items.length - max} more` : shown.join(", ");
}

// ------------------------------------------------------------------ numbers

function given(name: string, value: unknown, what: string): number {
  if (isBlank(value)) fail(`${name} is blank: give it ${what}.`);
  if (typeof value !== "number") fail(`${name} must be a number, not ${quote(value)}.`);
  if (!Number.isFinite(value)) fail(`${name} must be a finite number, not ${String(value)}.`);
  return value;
}

/** Any number from −1e15 to 1e15: readings, thresholds, targets, check-in values. */
export function number(name: string, value: Maybe<number>): number {
  const n = given(name, value, "a number");
  if (Math.abs(n) > Contract.maxMagnitude) fail(`${name} is ${show(n)}: numbers run from -1e15 to 1e15.`);
  return n;
}

function share(name: string, value: Maybe<number>, max: number): number {
  const n = given(name, value, "a number");
  if (n >= 0 && n <= max) return n;
  const range = `between 0 and ${max} (0–${max * 100}%)`;
  if (n > max && n <= 100) {
    return fail(
      `${name} must be ${range}: ${show(n)} looks like ${show(n)}%, so use ${show(n / 100)} or a Percent column.`,
    );
  }
  return fail(`${name} must be ${range}, not ${show(n)}.`);
}

/** A fraction from 0 to 1 (0–100 %): confidence, expected progress, grade bands. */
export function fraction(name: string, value: Maybe<number>): number {
  return share(name, value, Contract.fractionMax);
}

/** A score or progress from 0 to 1.5: up to 150 %, for key results that beat their target. */
export function score(name: string, value: Maybe<number>): number {
  return share(name, value, Contract.scoreMax);
}

/** A relative weight from 0 to 1e15; blank counts as 1. */
export function weight(name: string, value: Maybe<number>): number {
  if (isBlank(value)) return 1;
  const n = given(name, value, "a number");
  if (n < 0) fail(`${name} is ${show(n)}: weights must not be negative.`);
  if (n > Contract.maxMagnitude) fail(`${name} is ${show(n)}: weights run from 0 to 1e15.`);
  return n;
}

/** A whole number from `min` to `max`, or `fallback` when blank (if there is one). */
export function count(name: string, value: Maybe<number>, min: number, max: number, fallback?: number): number {
  if (isBlank(value) && fallback !== undefined) return fallback;
  const n = given(name, value, "a whole number");
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max >= Contract.maxMagnitude ? `of at least ${min}` : `from ${min} to ${max}`;
    fail(`${name} must be a whole number ${range}, not ${show(n)}.`);
  }
  return n;
}

/** Minutes of one agenda item: 0 to 1,440. */
export function minutes(name: string, value: Maybe<number>): number {
  const n = given(name, value, "its minutes");
  if (n < 0 || n > Contract.minutesPerItem) {
    fail(`${name} is ${show(n)} minutes: give each item 0 to 1,440 minutes (a day).`);
  }
  return n;
}

// ------------------------------------------------------------------ lists

/** A list of at most 200,000 entries. */
export function list<T>(name: string, values: readonly T[]): readonly T[] {
  if (values.length > Contract.maxList) {
    fail(`${name} has ${values.length.toLocaleString("en-US")} entries; give at most 200,000.`);
  }
  return values;
}

export function sameLength(names: [string, string], a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    fail(
      `${names[0]} has ${a.length} entries but ${names[1]} has ${b.length}: give one ${names[1]} entry for each ${names[0]} entry.`,
    );
  }
}
