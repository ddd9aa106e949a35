import {nearestName} from "./names";
import {show} from "./contract";
import * as contract from "./contract";
import {normalize} from "./columns";
import {isInputError} from "./errors";

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
 * `and` binds tighter than `or`. A number followed by % is a fraction (50% is
 * 0.5), by the pack's one percent rule; a key result's confidence and progress
 * are fractions, so `confidence < 50` is refused as a whole-number percent.
 */

export type Op = "<" | "<=" | ">" | ">=" | "=";
export const Ops: readonly Op[] = ["<", "<=", ">", ">=", "="];
export const Measures = ["confidence", "progress", "current"] as const;
export type Measure = (typeof Measures)[number];

export type Subject = {kind: "metric"; name: string} | {kind: "keyResult"; name: string; measure: Measure};
export type Test = {kind: "compare"; op: Op; value: number; percent: boolean; written: string} | {kind: "move"; direction: "falls" | "rises"; periods: number};

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
  message: string;
}

export type Parsed = {ok: true; trigger: Trigger} | {ok: false; error: ParseError};

/** The longest trigger read, and the most conditions in one. */
export const MaxTriggerLength = 500;
export const MaxConditions = 20;
export const MaxPeriods = 52;

type TokenKind = "word" | "number" | "string" | "op" | "end";
interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based start. */
  at: number;
  end: number;
}

const Quotes: Record<string, string> = {'"': '"', "“": "”", "'": "'", "‘": "’"};
const OpChars = /[<>=≤≥]/;

class Failure {
  constructor(readonly error: ParseError) {}
}

function describe(t: Token): string {
  if (t.kind === "end") return "the end";
  if (t.kind === "string") return `"${contract.shorten(t.text, 30)}"`;
  return `"${contract.shorten(t.text, 30)}"`;
}

function failAt(t: Token, expected: string): never {
  const found = describe(t);
  throw new Failure({position: t.at + 1, expected, found, message: `At character ${t.at + 1}: expected ${expected}, found ${found}.`});
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const close = Quotes[c];
    if (close) {
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new Failure({position: i + 1, expected: `a closing ${close}`, found: "the end", message: `At character ${i + 1}: the quoted name never closes; end it with ${close}.`});
      out.push({kind: "string", text: text.slice(i + 1, end).trim(), at: i, end: end + 1});
      i = end + 1;
      continue;
    }
    if (OpChars.test(c)) {
      let op = c === "≤" ? "<=" : c === "≥" ? ">=" : c;
      let end = i + 1;
      if ((c === "<" || c === ">" || c === "=") && text[i + 1] === "=") {
        op = c === "=" ? "=" : `${c}=`;
        end = i + 2;
      }
      out.push({kind: "op", text: op, at: i, end});
      i = end;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]) && !OpChars.test(text[end]) && !Quotes[text[end]]) end++;
    const word = text.slice(i, end);
    out.push({kind: /^[-+]?(\d+(\.\d*)?|\.\d+)%?$/.test(word) ? "number" : "word", text: word, at: i, end});
    i = end;
  }
  out.push({kind: "end", text: "", at: text.length, end: text.length});
  return out;
}

const Movement: Record<string, "falls" | "rises"> = {falls: "falls", fall: "falls", drops: "falls", declines: "falls", rises: "rises", rise: "rises", climbs: "rises", grows: "rises"};
const PeriodWords = new Set(["week", "weeks", "period", "periods", "reading", "readings", "month", "months", "times"]);
const isWord = (t: Token, ...words: string[]) => t.kind === "word" && words.includes(t.text.toLowerCase());

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }

  private take(): Token {
    return this.tokens[this.i++];
  }

  trigger(): Trigger {
    const any: Condition[][] = [[]];
    let conditions = 0;
    for (;;) {
      any[any.length - 1].push(this.condition());
      if (++conditions > MaxConditions) failAt(this.peek(), `at most ${MaxConditions} conditions`);
      const next = this.take();
      if (next.kind === "end") return {any};
      if (isWord(next, "and")) continue;
      if (isWord(next, "or")) {
        any.push([]);
        continue;
      }
      failAt(next, "and, or, or the end of the trigger");
    }
  }

  private condition(): Condition {
    const start = this.peek();
    if (start.kind === "end") failAt(start, "a metric name or KR");
    let subject: Subject;
    if (isWord(start, "kr", "okr") || (isWord(start, "key") && isWord(this.tokens[this.i + 1], "result"))) {
      this.take();
      if (isWord(start, "key")) this.take();
      const name = this.take();
      if (name.kind !== "string" && !(name.kind === "word" && !Ops.includes(name.text as Op))) failAt(name, 'the key result\'s name in quotes, such as KR "Reach 50 enterprise customers"');
      const measureToken = this.peek();
      let measure: Measure = "current";
      if (measureToken.kind === "word" && (Measures as readonly string[]).includes(measureToken.text.toLowerCase())) {
        measure = measureToken.text.toLowerCase() as Measure;
        this.take();
      } else if (measureToken.kind === "word" && measureToken.text.toLowerCase() === "value") {
        this.take();
      } else if (measureToken.kind === "word" && Movement[measureToken.text.toLowerCase()]) {
        failAt(measureToken, "confidence, progress or current and a comparison (a key result's trigger compares, it does not track moves)");
      } else if (measureToken.kind !== "op") {
        failAt(measureToken, "confidence, progress, current or a comparison (< <= > >= =)");
      }
      subject = {kind: "keyResult", name: name.text, measure};
    } else if (start.kind === "string") {
      this.take();
      if (!start.text) failAt(start, "a metric's name inside the quotes");
      subject = {kind: "metric", name: start.text};
    } else {
      const words: Token[] = [];
      while (this.peek().kind === "word" || this.peek().kind === "number") {
        const t = this.peek();
        if (t.kind === "word" && Movement[t.text.toLowerCase()] && words.length) break;
        words.push(this.take());
      }
      if (!words.length) failAt(this.peek(), "a metric name or KR");
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
      if (n.kind !== "number") failAt(n, "a number, such as 6 or 50%");
      const percent = n.text.endsWith("%");
      const raw = Number(n.text.replace(/%$/, ""));
      const value = percent ? Number((raw / 100).toPrecision(12)) : raw;
      if (!Number.isFinite(value) || Math.abs(value) > contract.Contract.maxMagnitude) failAt(n, "a number from -1e15 to 1e15");
      if (subject.kind === "keyResult" && subject.measure !== "current") {
        try {
          if (subject.measure === "confidence") contract.fraction(`A key result's confidence`, value);
          else contract.score(`A key result's progress`, value);
        } catch (error) {
          if (!isInputError(error)) throw error;
          throw new Failure({position: n.at + 1, expected: subject.measure === "confidence" ? "a fraction 0-1 or a percent" : "a fraction 0-1.5 or a percent", found: describe(n), message: `At character ${n.at + 1}: ${error.message}`});
        }
      }
      return {kind: "compare", op: t.text as Op, value, percent, written: n.text};
    }
    const direction = t.kind === "word" ? Movement[t.text.toLowerCase()] : undefined;
    if (direction && subject.kind === "metric") {
      const n = this.take();
      const periods = Number(n.text);
      if (n.kind !== "number" || !Number.isInteger(periods) || periods < 1 || periods > MaxPeriods) failAt(n, `a whole number of weeks from 1 to ${MaxPeriods}`);
      if (PeriodWords.has(this.peek().text.toLowerCase()) && this.peek().kind === "word") this.take();
      if (isWord(this.peek(), "in") && isWord(this.tokens[this.i + 1], "a") && isWord(this.tokens[this.i + 2], "row")) this.i += 3;
      return {kind: "move", direction, periods};
    }
    return failAt(t, subject.kind === "metric" ? "a comparison (< <= > >= =), falls or rises" : "a comparison (< <= > >= =)");
  }
}

/** Reads a trigger; a trigger that does not parse comes back as an error with its position, never as an exception. */
export function parseTrigger(text: string): Parsed {
  const source = String(text ?? "");
  if (source.length > MaxTriggerLength) {
    return {ok: false, error: {position: MaxTriggerLength + 1, expected: `at most ${MaxTriggerLength} characters`, found: `${source.length} characters`, message: `The trigger is ${source.length} characters long; keep it under ${MaxTriggerLength}.`}};
  }
  try {
    const tokens = tokenize(source);
    return {ok: true, trigger: new Parser(source, tokens).trigger()};
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

/** Metrics and key results by name (and key results by code too), ready to judge triggers against. */
export class TriggerData {
  readonly metrics = new Map<string, MetricFacts>();
  readonly keyResults = new Map<string, KeyResultFacts>();
  private readonly metricNames: string[] = [];
  private readonly keyResultNames: string[] = [];

  constructor(metrics: readonly MetricFacts[], keyResults: readonly KeyResultFacts[]) {
    for (const m of metrics) {
      if (!this.metrics.has(normalize(m.name))) this.metricNames.push(m.name);
      this.metrics.set(normalize(m.name), m);
    }
    for (const k of keyResults) {
      this.keyResultNames.push(k.name);
      this.keyResults.set(normalize(k.name), k);
      if (k.code) this.keyResults.set(normalize(k.code), k);
    }
  }

  nearestMetric(name: string): string | undefined {
    return nearestName(name, this.metricNames);
  }

  nearestKeyResult(name: string): string | undefined {
    return nearestName(name, this.keyResultNames);
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
      const near = data.nearestMetric(c.subject.name);
      problems.push(`No health metric is named "${contract.shorten(c.subject.name, 40)}"${near ? `; did you mean "${near}"?` : "."}`);
      return undefined;
    }
    if (!m.values.length) {
      readings.push(`${m.name} has no readings yet`);
      return undefined;
    }
    const latest = m.values[m.values.length - 1];
    if (t.kind === "compare") {
      const points = keptInPoints(m.unit, [...m.values, ...(m.thresholds ?? [])]);
      if (t.percent && points) {
        problems.push(`${t.written} is ${show(t.value)}, but ${m.name} is read in points of a percent (${show(latest)}): write ${show(t.value * 100)} without the % sign.`);
        return undefined;
      }
      const met = compare(latest, t.op, t.value);
      const fraction = /%/.test(m.unit) && !points;
      const shown = fraction ? `${show(Math.round(latest * 1000) / 10)}%` : `${show(latest)}${m.unit && !/^%/.test(m.unit) ? ` ${m.unit}` : m.unit}`;
      readings.push(`${m.name} is ${shown}: ${met ? "met" : "not met"} (${t.op} ${t.written})`);
      return met;
    }
    if (m.values.length < t.periods + 1) {
      readings.push(`${m.name} has ${m.values.length} reading${m.values.length === 1 ? "" : "s"}; ${t.periods + 1} are needed to see ${t.periods} moves`);
      return undefined;
    }
    const last = m.values.slice(-(t.periods + 1));
    let moves = true;
    for (let i = 1; i < last.length; i++) if (t.direction === "falls" ? !(last[i] < last[i - 1]) : !(last[i] > last[i - 1])) moves = false;
    readings.push(`${m.name} ${moves ? t.direction : `has not ${t.direction === "falls" ? "fallen" : "risen"}`} ${t.periods} in a row (${last.map(show).join(" → ")})`);
    return moves;
  }
  const k = data.keyResults.get(normalize(c.subject.name));
  if (!k) {
    const near = data.nearestKeyResult(c.subject.name);
    problems.push(`No key result is named "${contract.shorten(c.subject.name, 40)}"${near ? `; did you mean "${near}"?` : "."}`);
    return undefined;
  }
  if (t.kind !== "compare") return undefined;
  const value = k[c.subject.measure];
  if (value === undefined) {
    readings.push(`${k.name} has no ${c.subject.measure}`);
    return undefined;
  }
  if (c.subject.measure === "current" && t.percent && (!/%/.test(k.unit ?? "") || keptInPoints(k.unit, [k.start, k.target, value]))) {
    const unit = k.unit ? ` in ${k.unit}` : "";
    problems.push(`${t.written} is ${show(t.value)}, but ${k.name}'s current value is kept${unit} (${show(value)}): write ${show(t.value * 100)} without the % sign.`);
    return undefined;
  }
  const met = compare(value, t.op, t.value);
  const shown = c.subject.measure === "current" ? show(value) : `${show(Math.round(value * 1000) / 10)}%`;
  readings.push(`${k.name} ${c.subject.measure} is ${shown}: ${met ? "met" : "not met"} (${t.op} ${t.written})`);
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
