import {editDistance, nearestName, said} from "./names";
import {Contract, shorten, show} from "./contract";
import {normalize} from "./columns";

/**
 * Risk triggers: a small condition on live data, read by a hand-written grammar
 * and never run as code. A trigger names a health metric or a key result and a
 * test on it:
 *
 *   trigger    := all ("or" all)*
 *   all        := condition ("and" condition)*
 *   condition  := metric (compare | move) | "KR" name [measure] compare
 *   metric     := words up to the test, or a "quoted name"
 *   name       := a "quoted name" or a code such as KR10
 *   measure    := confidence | progress | current   (current when left out)
 *   compare    := (< | <= | > | >= | =) number [%]
 *   move       := (falls | rises) whole-number [weeks | periods | readings]
 *
 * A name is quoted with "…", “…”, „…“, «…», 「…」, '…' or ‘…’. An apostrophe
 * inside a name (Customer's NPS, Customer’s NPS) is part of it, quoted or not,
 * and a single quote that never closes is an apostrophe too.
 *
 * `and` binds tighter than `or`. A number followed by % is a fraction (50% is
 * 0.5), by the pack's one percent rule; a key result's confidence and progress
 * are fractions, so `confidence < 50` is refused as a whole-number percent.
 *
 * Every error says where reading stopped, what was expected there, and how to
 * fix it: where the fix is plain, the condition as it should be typed.
 */

export type Op = "<" | "<=" | ">" | ">=" | "=";
export const Ops: readonly Op[] = ["<", "<=", ">", ">=", "="];
export const Measures = ["confidence", "progress", "current"] as const;
export type Measure = (typeof Measures)[number];

export type Subject = {kind: "metric"; name: string} | {kind: "keyResult"; name: string; measure: Measure};
export type Test =
  | {kind: "compare"; op: Op; value: number; percent: boolean; written: string}
  | {kind: "move"; direction: "falls" | "rises"; periods: number};

export interface Condition {
  subject: Subject;
  test: Test;
  /** The condition as written. */
  text: string;
}

/** Conditions joined by `and` within a group, the groups by `or`. */
export interface Trigger {
  any: Condition[][];
}

export interface ParseError {
  /** 1-based character position. */
  position: number;
  expected: string;
  found: string;
  /** Where reading stopped, what was expected there, and how to fix it. */
  message: string;
}

export type Parsed = {ok: true; trigger: Trigger} | {ok: false; error: ParseError};

/** The longest trigger read, and the most conditions in one. */
export const MaxTriggerLength = 500;
export const MaxConditions = 20;
export const MaxPeriods = 52;

/** An "open" token is a double quote that never closes. */
type TokenKind = "word" | "number" | "string" | "op" | "open" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based start. */
  at: number;
  end: number;
}

/** Each quote that opens a name, and the quotes that close it. */
const Closers: Record<string, string> = {
  '"': '"”“',
  "“": '”“"',
  "”": '”“"',
  "„": '“”"',
  "«": "»",
  "「": "」",
  "『": "』",
  "'": "'’",
  "‘": "’'",
};
/** Single quotes: inside a word they are apostrophes. */
const Apostrophes = "'‘’";
const OpChars = /[<>=≤≥＜＞＝]/;
const NumberText = /^[-+]?(\d+(\.\d*)?|\.\d+)%?$/;
const StartsWithLetterOrDigit = /^[\p{L}\p{N}]/u;

/** A name in quotes that read back as exactly that name. */
function quotedName(name: string): string {
  if (!/["“”„]/.test(name)) return `"${name}"`;
  return name.includes("»") ? `「${name}」` : `«${name}»`;
}

class Failure {
  constructor(readonly error: ParseError) {}
}

function describe(t: Token): string {
  return t.kind === "end" ? "the end" : `"${shorten(t.text, 30)}"`;
}

/** Where the quote opened at `open` closes, or -1. A single quote closes only where no letter or digit follows it. */
function closing(text: string, open: number): number {
  const closers = Closers[text[open]];
  const single = Apostrophes.includes(text[open]);
  for (let j = open + 1; j < text.length; j++) {
    if (closers.includes(text[j]) && !(single && StartsWithLetterOrDigit.test(text.slice(j + 1, j + 3)))) return j;
  }
  return -1;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const endsWord = (c: string) => /\s/.test(c) || OpChars.test(c) || (Boolean(Closers[c]) && !Apostrophes.includes(c));
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (Closers[c]) {
      const end = closing(text, i);
      if (end >= 0) {
        out.push({kind: "string", text: text.slice(i + 1, end).trim(), at: i, end: end + 1});
        i = end + 1;
        continue;
      }
      if (!Apostrophes.includes(c)) {
        out.push({kind: "open", text: c, at: i, end: i + 1});
        i++;
        continue;
      }
    }
    if (OpChars.test(c)) {
      const first = c === "≤" ? "<=" : c === "≥" ? ">=" : c.normalize("NFKC");
      const second = text[i + 1]?.normalize("NFKC");
      const pair = (first === "<" || first === ">" || first === "=") && second === "=";
      out.push({kind: "op", text: pair && first !== "=" ? `${first}=` : first, at: i, end: i + (pair ? 2 : 1)});
      i += pair ? 2 : 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !endsWord(text[end])) end++;
    const word = text.slice(i, end);
    const plain = word.normalize("NFKC");
    out.push(
      NumberText.test(plain) ? {kind: "number", text: plain, at: i, end} : {kind: "word", text: word, at: i, end},
    );
    i = end;
  }
  out.push({kind: "end", text: "", at: text.length, end: text.length});
  return out;
}

const Movement: Record<string, "falls" | "rises"> = {
  falls: "falls",
  fall: "falls",
  drops: "falls",
  declines: "falls",
  rises: "rises",
  rise: "rises",
  climbs: "rises",
  grows: "rises",
};
const PeriodWords = new Set(["week", "weeks", "period", "periods", "reading", "readings", "month", "months", "times"]);
const isWord = (t: Token, ...words: string[]) => t.kind === "word" && words.includes(t.text.toLowerCase());
const isMeasure = (t: Token) => t.kind === "word" && [...Measures, "value"].includes(t.text.toLowerCase());

/** Comparisons written in words before a number, and the sign for each. */
const WordedComparisons: ReadonlyArray<[RegExp, Op]> = [
  [/\b(below|under|(less|fewer|lower) than)$/i, "<"],
  [/\b(above|over|exceeds|(more|greater|higher) than)$/i, ">"],
  [/\b(at most|no more than)$/i, "<="],
  [/\b(at least|no less than)$/i, ">="],
  [/\b(equals|is)$/i, "="],
];

/** A number typed with a currency sign, thousands separators, a decimal comma or a unit, as the grammar reads it; undefined when there is none (or it has an exponent). */
function digitsOf(word: string): string | undefined {
  const plainWord = word.normalize("NFKC");
  const run = /[-+]?\d[\d.,_'’]*%?/.exec(plainWord)?.[0];
  if (!run || /\d[eE][-+]?\d/.test(plainWord)) return undefined;
  const plain = /^[-+]?\d{1,3}([,_'’]\d{3})+(\.\d+)?%?$/.test(run) ? run.replace(/[,_'’]/g, "") : run.replace(",", ".");
  return NumberText.test(plain) ? plain : undefined;
}

/** Whether a text reads as a trigger. */
function reads(text: string): boolean {
  try {
    new Parser(text, tokenize(text), false).trigger();
    return true;
  } catch (error) {
    if (error instanceof Failure) return false;
    throw error;
  }
}

class Parser {
  private i = 0;
  /** The token that starts the condition being read, and the one that starts its name. */
  private from = 0;
  private nameFrom = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    /** Whether an error says how to fix it; a parse that only checks whether a text reads does not. */
    private readonly explain: boolean,
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private take(): Token {
    const t = this.tokens[this.i++];
    if (t.kind === "open") this.unclosed(t);
    return t;
  }

  private fail(t: Token, expected: string, fix: () => string): never {
    if (t.kind === "open") this.unclosed(t);
    const found = describe(t);
    const message = `At character ${t.at + 1}: expected ${expected}, found ${found}.`;
    throw new Failure({position: t.at + 1, expected, found, message: this.explain ? `${message} ${fix()}` : message});
  }

  // -------------------------------------------------------------- fixes

  /** The source text of tokens `from` up to (not including) `to`. */
  private source(from: number, to: number): string {
    return to > from ? this.text.slice(this.tokens[from].at, this.tokens[to - 1].end) : "";
  }

  /** Pieces of a condition as it should be typed, cut to 40 characters of the user's text. */
  private typed(...pieces: string[]): string {
    return said(pieces.filter(Boolean).join(" "));
  }

  /** The token that ends the condition going on at `k`: the next and or or, or the end. */
  private conditionEnd(k: number): number {
    while (k < this.tokens.length - 1 && !isWord(this.tokens[k], "and", "or")) k++;
    return k;
  }

  /** The first token from `k` on that ends a name: a comparison, a move, a key result's measure, or the end. */
  private nameEnd(k: number, keyResult: boolean): number {
    for (; k < this.tokens.length - 1; k++) {
      const t = this.tokens[k];
      if (t.kind === "op" || (t.kind === "word" && Movement[t.text.toLowerCase()]) || (keyResult && isMeasure(t))) {
        return k;
      }
    }
    return k;
  }

  /** The rest of the condition from token `k`, or `otherwise` when nothing is left of it. */
  private rest(k: number, otherwise: string): string {
    return this.source(k, this.conditionEnd(k)) || otherwise;
  }

  /**
   * A name read from tokens `from` to `to`, its quotes left out: a quote
   * between two parts with no space beside it was meant as an apostrophe.
   */
  private nameText(from: number, to: number): string {
    let name = "";
    let end = 0;
    for (let k = from; k < to; k++) {
      const t = this.tokens[k];
      if (t.kind === "open" || !t.text) continue;
      name += !name ? t.text : /\s/.test(this.text.slice(end, t.at)) ? ` ${t.text}` : `'${t.text}`;
      end = t.end;
    }
    return name;
  }

  /** The name from `nameFrom` to `cut` in quotes, with what comes before and after it in the condition. */
  private wholeName(cut: number, keyResult: boolean): string {
    const example = keyResult ? "< 0.5" : "< 6";
    const tail = this.rest(cut, example);
    const written = this.typed(
      this.source(this.from, this.nameFrom),
      quotedName(this.nameText(this.nameFrom, cut)),
      tail,
    );
    return cut < this.conditionEnd(cut)
      ? `Put the whole name in quotes: ${written}`
      : `Put the whole name in quotes and compare it, such as: ${written}`;
  }

  private unclosed(t: Token): never {
    const expected = `a closing ${Closers[t.text][0]}`;
    const message = `At character ${t.at + 1}: the quoted name never closes.`;
    throw new Failure({
      position: t.at + 1,
      expected,
      found: "the end",
      message: this.explain ? `${message} ${this.closeFix(t)}` : message,
    });
  }

  private closeFix(t: Token): string {
    const k = this.tokens.indexOf(t);
    const keyResult = this.nameFrom > this.from;
    if (this.tokens.slice(this.nameFrom, k).some(x => x.kind === "op")) {
      const upto = this.conditionEnd(k + 1);
      const kept = `${this.text.slice(this.tokens[this.from].at, t.at)} ${this.source(k + 1, upto)}`;
      return `Drop the stray quote: ${this.typed(kept)}`;
    }
    const cut = this.nameEnd(k + 1, keyResult);
    if (k > this.nameFrom) return this.wholeName(cut, keyResult);
    const name = this.nameText(k + 1, cut);
    if (!name) return `End the name with ${Closers[t.text][0]}.`;
    const closed = `${t.text}${name}${Closers[t.text][0]}`;
    return `Close the quote after the name: ${this.typed(this.source(this.from, k), closed, this.rest(cut, keyResult ? "< 0.5" : "< 6"))}`;
  }

  /** The fix for something after a whole condition that is neither and, or nor the end. */
  private joinFix(k: number): string {
    const before = this.source(this.from, k);
    const end = this.conditionEnd(k + 1);
    const next =
      this.tokens[k].kind === "word" && reads(this.source(k + 1, end))
        ? this.source(k + 1, end)
        : reads(this.source(k, end))
          ? this.source(k, end)
          : "";
    if (next) return `Join the conditions with and or or: ${this.typed(before, "and", next)}`;
    return `Drop what follows the condition: ${this.typed(before)}`;
  }

  /** The fix for a key result's name followed by something that is no measure and no comparison. */
  private measureFix(m: Token): string {
    const word = m.kind === "word" ? m.text.toLowerCase() : "";
    const meant = word.length > 3 ? Measures.find(x => editDistance(word, x) <= 2) : undefined;
    if (meant) {
      return `Write the measure as confidence, progress or current: ${this.typed(this.source(this.from, this.i), meant, this.rest(this.i + 1, "< 0.5"))}`;
    }
    if (m.kind === "end") return `Add a comparison, such as: ${this.typed(this.source(this.from, this.i), "< 0.5")}`;
    return this.wholeName(this.nameEnd(this.i, true), true);
  }

  /** The fix for a comparison sign with no number after it. */
  private numberFix(k: number, subject: Subject): string {
    const n = this.tokens[k];
    const digits = n.kind === "word" ? digitsOf(n.text) : undefined;
    const before = this.source(this.from, k);
    if (digits) return `Write the number in digits alone: ${this.typed(before, digits, this.rest(k + 1, ""))}`;
    const example = subject.kind === "keyResult" && subject.measure !== "current" ? "50%" : "6";
    return `Write a number after ${this.tokens[k - 1].text}, such as: ${this.typed(before, example)}`;
  }

  /** The fix for a metric or key result followed by no comparison (nor a move). */
  private comparisonFix(k: number, subject: Subject): string {
    const t = this.tokens[k];
    const keyResult = subject.kind === "keyResult";
    if (!keyResult && (t.kind === "word" || t.kind === "string")) return this.wholeName(this.nameEnd(k, false), false);
    const before = this.source(this.from, k);
    const example = keyResult && subject.measure !== "current" ? "< 50%" : "< 6";
    const last = this.tokens[k - 1];
    if (t.kind === "number" || (t.kind === "end" && last.kind === "number" && k - 1 > this.nameFrom)) {
      const number = t.kind === "number" ? t.text : last.text;
      const words = t.kind === "number" ? before : this.source(this.from, k - 1);
      const worded = WordedComparisons.find(([pattern]) => pattern.test(words));
      if (worded) {
        return `Write the comparison as a sign: ${this.typed(words.replace(worded[0], "").trim(), worded[1], number)}`;
      }
      return `Put a comparison before the number, such as: ${this.typed(words, "<", number)}`;
    }
    return `Compare it with a number, such as: ${this.typed(before, example)}`;
  }

  // -------------------------------------------------------------- grammar

  trigger(): Trigger {
    const any: Condition[][] = [[]];
    let conditions = 0;
    for (;;) {
      any[any.length - 1].push(this.condition());
      if (++conditions > MaxConditions) {
        this.fail(
          this.peek(),
          `at most ${MaxConditions} conditions`,
          () => `Split the risk in two, each with at most ${MaxConditions} conditions.`,
        );
      }
      const next = this.take();
      if (next.kind === "end") return {any};
      if (isWord(next, "and")) continue;
      if (isWord(next, "or")) {
        any.push([]);
        continue;
      }
      this.fail(next, "and, or, or the end of the trigger", () => this.joinFix(this.i - 1));
    }
  }

  private condition(): Condition {
    this.from = this.i;
    this.nameFrom = this.i;
    const start = this.peek();
    if (start.kind === "end") {
      const joiner = this.i > 0 ? describe(this.tokens[this.i - 1]) : "";
      this.fail(start, "a metric name or KR", () =>
        joiner
          ? `Add a condition after ${joiner}, or drop the ${joiner}.`
          : "Write a condition, such as: Cash runway < 6",
      );
    }
    let subject: Subject;
    if (isWord(start, "kr", "okr") || (isWord(start, "key") && isWord(this.tokens[this.i + 1], "result"))) {
      this.take();
      if (isWord(start, "key")) this.take();
      this.nameFrom = this.i;
      const name = this.take();
      if (name.kind !== "string" && name.kind !== "word") {
        this.fail(
          name,
          'the key result\'s name in quotes, such as KR "Reach 50 enterprise customers"',
          () =>
            `Name the key result by its code or its name in quotes, such as: ${this.typed(this.source(this.from, this.nameFrom), "KR10", this.rest(this.i - 1, "< 0.5"))}`,
        );
      }
      const measureToken = this.peek();
      let measure: Measure = "current";
      if (measureToken.kind === "word" && (Measures as readonly string[]).includes(measureToken.text.toLowerCase())) {
        measure = measureToken.text.toLowerCase() as Measure;
        this.take();
      } else if (isWord(measureToken, "value")) {
        this.take();
      } else if (measureToken.kind === "word" && Movement[measureToken.text.toLowerCase()]) {
        this.fail(
          measureToken,
          "confidence, progress or current and a comparison (a key result's trigger compares, it does not track moves)",
          () => `Compare a measure instead, such as: ${this.typed(this.source(this.from, this.i), "progress < 0.5")}`,
        );
      } else if (measureToken.kind !== "op") {
        this.fail(measureToken, "confidence, progress, current or a comparison (< <= > >= =)", () =>
          this.measureFix(measureToken),
        );
      }
      subject = {kind: "keyResult", name: name.text, measure};
    } else if (start.kind === "string") {
      this.take();
      if (!start.text) {
        this.fail(
          start,
          "a metric's name inside the quotes",
          () =>
            `Put the metric's name inside the quotes, such as: ${this.typed('"Cash runway"', this.rest(this.i, "< 6"))}`,
        );
      }
      subject = {kind: "metric", name: start.text};
    } else {
      const words: Token[] = [];
      while (this.peek().kind === "word" || this.peek().kind === "number") {
        const t = this.peek();
        if (t.kind === "word" && Movement[t.text.toLowerCase()] && words.length) break;
        words.push(this.take());
      }
      if (!words.length) {
        this.fail(
          this.peek(),
          "a metric name or KR",
          () => `Name the metric first, such as: ${this.typed("Cash runway", this.rest(this.i, "< 6"))}`,
        );
      }
      subject = {kind: "metric", name: this.text.slice(words[0].at, words[words.length - 1].end).replace(/\s+/g, " ")};
    }
    const test = this.test(subject);
    const last = this.tokens[this.i - 1];
    return {subject, test, text: this.text.slice(start.at, last.end)};
  }

  private test(subject: Subject): Test {
    const t = this.take();
    if (t.kind === "op") {
      const n = this.take();
      if (n.kind !== "number") this.fail(n, "a number, such as 6 or 50%", () => this.numberFix(this.i - 1, subject));
      const percent = n.text.endsWith("%");
      const raw = Number(n.text.replace(/%$/, ""));
      const value = percent ? Number((raw / 100).toPrecision(12)) : raw;
      if (!Number.isFinite(value) || Math.abs(value) > Contract.maxMagnitude) {
        this.fail(n, "a number from -1e15 to 1e15", () => "Write a smaller number: numbers run from -1e15 to 1e15.");
      }
      if (subject.kind === "keyResult" && subject.measure !== "current") this.share(subject.measure, n, value, percent);
      return {kind: "compare", op: t.text as Op, value, percent, written: n.text};
    }
    const direction = t.kind === "word" ? Movement[t.text.toLowerCase()] : undefined;
    if (direction && subject.kind === "metric") {
      const n = this.take();
      const periods = Number(n.text);
      if (n.kind !== "number" || !Number.isInteger(periods) || periods < 1 || periods > MaxPeriods) {
        this.fail(n, `a whole number of weeks from 1 to ${MaxPeriods}`, () => {
          const k = this.i - 1;
          const next = this.tokens[k + 1];
          if (
            n.kind === "word" &&
            next.kind === "number" &&
            Number.isInteger(Number(next.text)) &&
            Number(next.text) >= 1 &&
            Number(next.text) <= MaxPeriods
          ) {
            return `Drop ${describe(n)}: ${this.typed(this.source(this.from, k), this.rest(k + 1, ""))}`;
          }
          return `Write how many weeks, from 1 to ${MaxPeriods}, such as: ${this.typed(this.source(this.from, k), "3 weeks")}`;
        });
      }
      if (PeriodWords.has(this.peek().text.toLowerCase()) && this.peek().kind === "word") this.take();
      if (isWord(this.peek(), "in") && isWord(this.tokens[this.i + 1], "a") && isWord(this.tokens[this.i + 2], "row")) {
        this.i += 3;
      }
      return {kind: "move", direction, periods};
    }
    return this.fail(
      t,
      subject.kind === "metric" ? "a comparison (< <= > >= =), falls or rises" : "a comparison (< <= > >= =)",
      () => this.comparisonFix(this.i - 1, subject),
    );
  }

  /** A key result's confidence (0 to 1) or progress (0 to 1.5), refused out of range with the number to type. */
  private share(measure: "confidence" | "progress", n: Token, value: number, percent: boolean): void {
    const max = measure === "confidence" ? Contract.fractionMax : Contract.scoreMax;
    if (value >= 0 && value <= max) return;
    const range = `between 0 and ${max} (0–${max * 100}%)`;
    const k = this.i - 1;
    const looks = !percent && value > max && value <= 100;
    const why = looks
      ? `${show(value)} looks like ${show(value)}%, so use ${show(value / 100)} or ${show(value)}%.`
      : `not ${percent ? `${show(value * 100)}%` : show(value)}.`;
    const fix = looks
      ? `Write: ${this.typed(this.source(this.from, k), `${show(value)}%`, this.rest(k + 1, ""))}`
      : `Write a fraction or a percent, such as: ${this.typed(this.source(this.from, k), "50%")}`;
    const message = `At character ${n.at + 1}: A key result's ${measure} must be ${range}${looks ? ": " : ", "}${why}`;
    throw new Failure({
      position: n.at + 1,
      expected: measure === "confidence" ? "a fraction 0-1 or a percent" : "a fraction 0-1.5 or a percent",
      found: describe(n),
      message: this.explain ? `${message} ${fix}` : message,
    });
  }
}

/** Reads a trigger; a trigger that does not parse comes back as an error with its position and its fix, never as an exception. */
export function parseTrigger(text: string): Parsed {
  const source = String(text ?? "");
  if (source.length > MaxTriggerLength) {
    return {
      ok: false,
      error: {
        position: MaxTriggerLength + 1,
        expected: `at most ${MaxTriggerLength} characters`,
        found: `${source.length} characters`,
        message: `The trigger is ${source.length} characters long; keep it under ${MaxTriggerLength}.`,
      },
    };
  }
  try {
    return {ok: true, trigger: new Parser(source, tokenize(source), true).trigger()};
  } catch (error) {
    if (error instanceof Failure) return {ok: false, error: error.error};
    throw error;
  }
}

// ------------------------------------------------------------------ evaluation

export interface MetricFacts {
  name: string;
  unit: string;
  /** Readings oldest first. */
  values: number[];
  /** Its green and red thresholds, which show the scale its readings are kept in. */
  thresholds?: ReadonlyArray<number | undefined>;
}

export interface KeyResultFacts {
  name: string;
  code: string;
  confidence?: number;
  progress?: number;
  current?: number;
  /** The unit of its values, and its start and target, which show their scale. */
  unit?: string;
  start?: number;
  target?: number;
}

/**
 * Whether a measure in a percent unit is kept in points (63 for 63%) rather than
 * as a fraction (0.63, as a Percent column gives it): any of its numbers past
 * 1.5 says points. A trigger's `65%` is then refused with the fix, never read
 * as 0.65 against 63.
 */
function keptInPoints(unit: string | undefined, numbers: ReadonlyArray<number | undefined>): boolean {
  return /%/.test(unit ?? "") && numbers.some(n => n !== undefined && Math.abs(n) > 1.5);
}

export type TriggerState = "Fired" | "Armed" | "Unknown";

export interface TriggerResult {
  state: TriggerState;
  /** Each condition with the value it was judged on. */
  readings: string[];
  problems: string[];
}

/** Names for a message, each as a trigger takes it: the first three, and how many more. */
function someNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** Metrics and key results by name (and key results by code too), ready to judge triggers against. */
export class TriggerData {
  readonly metrics = new Map<string, MetricFacts>();
  readonly keyResults = new Map<string, KeyResultFacts>();
  private readonly metricNames: string[] = [];
  private readonly keyResultNames: string[] = [];
  private readonly keyResultCodes: string[] = [];

  constructor(metrics: readonly MetricFacts[], keyResults: readonly KeyResultFacts[]) {
    for (const m of metrics) {
      if (!this.metrics.has(normalize(m.name))) this.metricNames.push(m.name);
      this.metrics.set(normalize(m.name), m);
    }
    for (const k of keyResults) {
      this.keyResultNames.push(k.name);
      this.keyResults.set(normalize(k.name), k);
      if (k.code) {
        this.keyResultCodes.push(k.code);
        this.keyResults.set(normalize(k.code), k);
      }
    }
  }

  /** What to say of a metric no metric is named: the nearest name as a trigger takes it, or the names there are. */
  unknownMetric(name: string): string {
    const head = `No health metric is named ${quotedName(said(name))}`;
    const near = nearestName(name, this.metricNames);
    if (near) return `${head}; did you mean ${quotedName(said(near))}?`;
    if (!this.metricNames.length) return `${head}.`;
    return `${head}: name one of ${someNames(this.metricNames.map(n => quotedName(said(n))))}.`;
  }

  /** What to say of a key result no key result is named: the nearest name, or the codes (or names) there are. */
  unknownKeyResult(name: string): string {
    const head = `No key result is named ${quotedName(said(name))}`;
    const near = nearestName(name, this.keyResultNames);
    if (near) return `${head}; did you mean ${quotedName(said(near))}?`;
    if (this.keyResultCodes.length) {
      return `${head}: name one by its code, such as ${someNames(this.keyResultCodes.map(c => said(c)))}, or by its name in quotes.`;
    }
    if (!this.keyResultNames.length) return `${head}.`;
    return `${head}: name one of ${someNames(this.keyResultNames.map(n => quotedName(said(n))))}.`;
  }
}

type Truth = boolean | undefined;

function compare(value: number, op: Op, limit: number): boolean {
  const eq = Math.abs(value - limit) <= 1e-9 * Math.max(1, Math.abs(limit));
  if (op === "=") return eq;
  if (op === "<") return value < limit && !eq;
  if (op === "<=") return value < limit || eq;
  if (op === ">") return value > limit && !eq;
  return value > limit || eq;
}

function judge(c: Condition, data: TriggerData, problems: string[], readings: string[]): Truth {
  const t = c.test;
  if (c.subject.kind === "metric") {
    const m = data.metrics.get(normalize(c.subject.name));
    if (!m) {
      problems.push(data.unknownMetric(c.subject.name));
      return undefined;
    }
    if (!m.values.length) {
      readings.push(`${said(m.name)} has no readings yet`);
      return undefined;
    }
    const latest = m.values[m.values.length - 1];
    if (t.kind === "compare") {
      const points = keptInPoints(m.unit, [...m.values, ...(m.thresholds ?? [])]);
      if (t.percent && points) {
        problems.push(
          `${said(t.written)} is ${show(t.value)}, but ${said(m.name)} is read in points of a percent (${show(latest)}): write ${show(t.value * 100)} without the % sign.`,
        );
        return undefined;
      }
      const met = compare(latest, t.op, t.value);
      const fraction = /%/.test(m.unit) && !points;
      const shown = fraction
        ? `${show(Math.round(latest * 1000) / 10)}%`
        : `${show(latest)}${m.unit && !/^%/.test(m.unit) ? ` ${said(m.unit)}` : said(m.unit)}`;
      readings.push(`${said(m.name)} is ${shown}: ${met ? "met" : "not met"} (${t.op} ${said(t.written)})`);
      return met;
    }
    if (m.values.length < t.periods + 1) {
      readings.push(
        `${said(m.name)} has ${m.values.length} reading${m.values.length === 1 ? "" : "s"}; ${t.periods + 1} are needed to see ${t.periods} moves`,
      );
      return undefined;
    }
    const last = m.values.slice(-(t.periods + 1));
    let moves = true;
    for (let i = 1; i < last.length; i++) {
      if (t.direction === "falls" ? !(last[i] < last[i - 1]) : !(last[i] > last[i - 1])) moves = false;
    }
    readings.push(
      `${said(m.name)} ${moves ? t.direction : `has not ${t.direction === "falls" ? "fallen" : "risen"}`} ${t.periods} in a row (${last.map(show).join(" → ")})`,
    );
    return moves;
  }
  const k = data.keyResults.get(normalize(c.subject.name));
  if (!k) {
    problems.push(data.unknownKeyResult(c.subject.name));
    return undefined;
  }
  if (t.kind !== "compare") return undefined;
  const value = k[c.subject.measure];
  if (value === undefined) {
    readings.push(`${said(k.name)} has no ${c.subject.measure}`);
    return undefined;
  }
  if (
    c.subject.measure === "current" &&
    t.percent &&
    (!/%/.test(k.unit ?? "") || keptInPoints(k.unit, [k.start, k.target, value]))
  ) {
    const unit = k.unit ? ` in ${said(k.unit)}` : "";
    problems.push(
      `${said(t.written)} is ${show(t.value)}, but ${said(k.name)}'s current value is kept${unit} (${show(value)}): write ${show(t.value * 100)} without the % sign.`,
    );
    return undefined;
  }
  const met = compare(value, t.op, t.value);
  const shown = c.subject.measure === "current" ? show(value) : `${show(Math.round(value * 1000) / 10)}%`;
  readings.push(
    `${said(k.name)} ${c.subject.measure} is ${shown}: ${met ? "met" : "not met"} (${t.op} ${said(t.written)})`,
  );
  return met;
}

/** Judges a parsed trigger: Fired when it holds, Armed when it does not, Unknown when the data cannot say. */
export function evaluateTrigger(trigger: Trigger, data: TriggerData): TriggerResult {
  const problems: string[] = [];
  const readings: string[] = [];
  let any: Truth = false;
  for (const group of trigger.any) {
    let all: Truth = true;
    for (const c of group) {
      const v = judge(c, data, problems, readings);
      if (v === false) all = false;
      else if (v === undefined && all !== false) all = undefined;
    }
    if (all === true) any = true;
    else if (all === undefined && any !== true) any = undefined;
  }
  return {state: any === true ? "Fired" : any === false ? "Armed" : "Unknown", readings, problems};
}
