import type {Day} from "./calendar";
import {daysBetween, isoDay} from "./calendar";
import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {Contract, isBlank, list, quote} from "./contract";
import {nearestName} from "./names";

/**
 * Stakeholder interviews for the current-state map (executive session 2): 12
 * to 20 interviews across five groups, each written up with findings that name
 * their evidence. `interviewCoverage` says which interviews need attention and
 * whether the groups are all heard.
 */

export const InterviewGroups = [
  "Executive sponsors",
  "Product and engineering leads",
  "Managers and senior ICs",
  "Platform and security",
  "Finance, legal and people partners",
] as const;
export type InterviewGroup = (typeof InterviewGroups)[number];

/** How many interviews a current-state map wants. */
export const InterviewTarget = {min: 12, max: 20} as const;

const [Sponsors, Leads, Managers, Platform, Partners] = InterviewGroups;

/**
 * The words of a text as they are matched: NFKC, lower case, split at anything
 * that is not a letter, digit or mark of any script.
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/** A table's own entry for a key, never one inherited ("constructor" names nothing). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * What a text names, by its words. `levels` run from the most telling words to
 * the least: the first level where any word is found decides, and only when
 * all its words found there name the same thing (several things is ambiguous,
 * and gives undefined). A word is also found without a plural "s".
 */
export function matchWords<T>(text: string, levels: ReadonlyArray<Readonly<Record<string, T>>>): T | undefined {
  const words = wordsOf(text);
  for (const level of levels) {
    const found = new Set<T>();
    for (const w of words) {
      const hit = own(level, w) ?? own(level, w.replace(/s$/, ""));
      if (hit !== undefined) found.add(hit);
    }
    if (found.size) return found.size === 1 ? [...found][0] : undefined;
  }
  return undefined;
}

/** Words that name one group whatever else the text says. */
const GroupWords: Record<string, InterviewGroup> = {
  exec: Sponsors,
  executive: Sponsors,
  sponsor: Sponsors,
  ceo: Sponsors,
  gm: Sponsors,
  founder: Sponsors,
  board: Sponsors,
  ic: Managers,
  individual: Managers,
  contributor: Managers,
  staff: Managers,
  principal: Managers,
  platform: Platform,
  security: Platform,
  architecture: Platform,
  architect: Platform,
  infra: Platform,
  infrastructure: Platform,
  sre: Platform,
  devop: Platform,
  infosec: Platform,
  appsec: Platform,
  secop: Platform,
  ciso: Platform,
  finance: Partners,
  financial: Partners,
  fp: Partners,
  cfo: Partners,
  legal: Partners,
  counsel: Partners,
  procurement: Partners,
  purchasing: Partners,
  people: Partners,
  hr: Partners,
  chro: Partners,
  talent: Partners,
  recruiting: Partners,
};

/** Words that name a group unless a word above names another: "Security manager" and "Security engineer" are Platform and security. */
const RoleWords: Record<string, InterviewGroup> = {
  manager: Managers,
  mgr: Managers,
  em: Managers,
  engineer: Managers,
  partner: Partners,
};

/** Words of the product and engineering line, which also qualify every other group ("Engineering managers"). */
const LineWords: Record<string, InterviewGroup> = {
  product: Leads,
  engineering: Leads,
  eng: Leads,
  pm: Leads,
  cpo: Leads,
  cto: Leads,
  delivery: Leads,
  tech: Leads,
  lead: Leads,
  leadership: Leads,
  head: Leads,
  director: Leads,
  vp: Leads,
};

/** Whole names, spacing and punctuation aside, where the words alone would mislead. */
const WholeNames: Record<string, InterviewGroup> = {
  ...Object.fromEntries(InterviewGroups.map(g => [normalize(g), g])),
  peoplemanager: Managers,
  peoplemanagers: Managers,
  seniorleadership: Sponsors,
  seniorleader: Sponsors,
  seniorleaders: Sponsors,
};

/**
 * The interview group a text names, case, spacing, punctuation and plurals
 * aside, or undefined. Words that name one group decide ("Senior IC",
 * "Finance/Legal/People", "Exec sponsor", "Head of Security"); then managers
 * and partners ("Engineering manager", "HR partner"); then the product and
 * engineering line ("Eng lead", "Product & Engineering", "CTO"). Words naming
 * two groups at the same level ("Finance and security") are ambiguous.
 */
export function parseInterviewGroup(text: Maybe<string>): InterviewGroup | undefined {
  const key = normalize(text ?? "");
  if (!key) return undefined;
  return own(WholeNames, key) ?? matchWords(text!, [GroupWords, RoleWords, LineWords]);
}

/**
 * What a mistyped text most likely meant: each word that is not known (four
 * letters or more) taken as the nearest known word, and the words then read as
 * `matchWords` reads them; else the whole text against the things' own names.
 */
export function nearestByWords<T extends string>(
  text: string,
  levels: ReadonlyArray<Readonly<Record<string, T>>>,
  names: readonly T[],
): T | undefined {
  const known = levels.flatMap(level => Object.keys(level));
  const candidates = known.filter(w => w.length >= 4);
  const isKnown = (w: string) => known.includes(w) || known.includes(w.replace(/s$/, ""));
  const corrected = wordsOf(text.slice(0, 200))
    .slice(0, 8)
    .map(w => (w.length < 4 || isKnown(w) ? w : (nearestName(w, candidates) ?? w)));
  return matchWords(corrected.join(" "), levels) ?? (nearestName(text, names) as T | undefined);
}

/** The group a mistyped name most likely meant ("Finanse" → Finance, legal and people partners). */
export function nearestInterviewGroup(text: string): InterviewGroup | undefined {
  return nearestByWords(text, [GroupWords, RoleWords, LineWords], InterviewGroups);
}

// ---------------------------------------------------------------- evidence

const EvidenceWords =
  /\b(data|dataset|metrics?|measured?|measures|dashboards?|reports?|surveys?|docs?|documents?|tickets?|logs?|hours?|days?|weeks?|months?|minutes?|percent|median|average|mean|transcripts?|quoted?|quotes|spreadsheets?|charts?|incidents?|audits?|backlog|sample|numbers?|counted|jira|wiki|links?|evidence|source)\b/i;
/** "Data" and "report" in a few other scripts; digits of every script count anyway. */
const EvidenceWordsElsewhere = /数据|數據|データ|데이터|данные|данных|отчёт|отчет|datos|données|dados|daten|بيانات/i;
const Link = /https?:\/\/|www\./i;
const Percent = /[%％‰٪]/;
const Digit = /\p{N}/u;
/** Words in quotation marks of any common style, at least two characters of them. Straight single quotes are left out: they are apostrophes too. */
const Quoted = /["“„«»「『‘‹][^"“”„«»「」『』‘’‹›]{2,}["”“»«」』’›]/;

/**
 * Whether a finding names its evidence: a number or a digit in any script
 * (counts, hours, ticket numbers, dates), a percent sign, a link, words in
 * quotation marks (a quote from the interview), or a word that points at
 * evidence: data, metric, dashboard, report, survey, document, ticket, log,
 * hours, days, weeks, transcript, incident, audit and the like.
 */
export function namesEvidence(written: Maybe<string>): boolean {
  if (!written) return false;
  // Accents typed as a letter and a combining mark read as the composed letter.
  const text = written.normalize("NFC");
  return (
    Digit.test(text) ||
    Percent.test(text) ||
    Link.test(text) ||
    Quoted.test(text) ||
    EvidenceWords.test(text) ||
    EvidenceWordsElsewhere.test(text)
  );
}

// ---------------------------------------------------------------- coverage

export interface InterviewRow {
  person?: Maybe<string>;
  group?: Maybe<string>;
  date?: Maybe<Day>;
  /** A checkbox, or text such as yes, done or no. */
  done?: Maybe<boolean | string>;
  findings?: Maybe<string>;
}

export interface InterviewCheck {
  group?: InterviewGroup;
  done: boolean;
  evidence: boolean;
  findings: string[];
}

export interface GroupCoverage {
  group: InterviewGroup;
  planned: number;
  done: number;
}

export interface InterviewCoverage {
  /** One check per row, in the order given. */
  rows: InterviewCheck[];
  /** Rows that are not blank. */
  planned: number;
  done: number;
  /** Done interviews whose findings name evidence. */
  withEvidence: number;
  /** How many more done interviews reach the target's minimum (0 once reached). */
  short: number;
  /** Below, Within or Above the 12 to 20 target. */
  target: "Below" | "Within" | "Above";
  perGroup: GroupCoverage[];
  /** Groups with no done interview, in the groups' order. */
  unheard: InterviewGroup[];
  summary: string;
}

const Yes = new Set([
  "yes",
  "y",
  "true",
  "done",
  "x",
  "✓",
  "✔",
  "✔\ufe0f",
  "☑",
  "☑\ufe0f",
  "✅",
  "1",
  "complete",
  "completed",
  "held",
]);
const No = new Set([
  "no",
  "n",
  "false",
  "notyet",
  "pending",
  "planned",
  "scheduled",
  "0",
  "todo",
  "open",
  "❌",
  "✗",
  "✘",
]);

/** Done as a cell gives it: a checkbox, or text (yes, done, x, ✓ / no, pending, planned); anything else is unread. */
export function readDone(value: Maybe<boolean | string>): {done: boolean; unread?: string} {
  if (typeof value === "boolean") return {done: value};
  if (isBlank(value) || !String(value).trim()) return {done: false};
  const key = normalize(String(value)) || String(value).trim();
  if (Yes.has(key)) return {done: true};
  if (No.has(key)) return {done: false};
  return {done: false, unread: String(value)};
}

const validDay = (d: Maybe<Day>): d is Day =>
  d instanceof Date &&
  !Number.isNaN(d.getTime()) &&
  d.getUTCFullYear() >= Contract.firstYear &&
  d.getUTCFullYear() <= Contract.lastYear;

function isBlankRow(r: InterviewRow): boolean {
  const d = readDone(r.done);
  return (
    !r.person?.trim() && !r.group?.trim() && !r.findings?.trim() && isBlank(r.date) && !d.done && d.unread === undefined
  );
}

/**
 * Loose matching is looked for on this many distinct spellings in a call;
 * past them a finding suggests nothing, so the time a long list takes stays
 * bounded.
 */
export const SuggestedSpellings = 500;

/** The finding on a group that names no group, once per spelling in a call. */
type GroupNotes = Map<string, string>;

function groupFinding(text: string, notes: GroupNotes): string {
  let note = notes.get(text);
  if (note === undefined) {
    const near = notes.size < SuggestedSpellings ? nearestInterviewGroup(text) : undefined;
    note = `Group ${quote(text)} is not an interview group${near ? `; did you mean ${near}?` : `: use one of the five, such as ${Sponsors}.`}`;
    notes.set(text, note);
  }
  return note;
}

function checkRow(r: InterviewRow, asOf: Day, notes: GroupNotes): InterviewCheck {
  const findings: string[] = [];
  const {done, unread} = readDone(r.done);
  if (unread !== undefined) findings.push(`Done is ${quote(unread)}: tick the box, or give yes or no.`);
  if (!r.person?.trim()) findings.push("No person named: say who was interviewed.");
  const group = parseInterviewGroup(r.group);
  if (!r.group?.trim()) findings.push(`No group: give one of the five interview groups, such as ${Sponsors}.`);
  else if (!group) findings.push(groupFinding(r.group, notes));
  if (!isBlank(r.date) && !validDay(r.date)) {
    findings.push("Date is not a date from the year 1000 to 9999: give the day of the interview.");
  } else if (validDay(r.date)) {
    if (!done && daysBetween(r.date, asOf) > 0) {
      findings.push(`Planned for ${isoDay(r.date)} and not done: hold it, or give it a new date.`);
    }
    if (done && daysBetween(asOf, r.date) > 0) {
      findings.push(`Marked done but dated ${isoDay(r.date)}, after ${isoDay(asOf)}: fix the date or the box.`);
    }
  }
  const evidence = namesEvidence(r.findings);
  if (done && !r.findings?.trim()) {
    findings.push("Done with no findings recorded: write down what you learned and the evidence for it.");
  } else if (done && !evidence) {
    findings.push("The findings name no evidence: add the number, document, ticket, quote or link that shows it.");
  }
  return {group, done, evidence, findings};
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The interviews judged, row by row and as a whole. A row's findings: Done
 * unread, no person, no group or one that names no group (with the nearest
 * group suggested), a date passed without the interview done or a done
 * interview dated after `asOf`, done without findings, and findings that name
 * no evidence (see `namesEvidence`). A row with nothing in it is left out of
 * every count. A done interview counts toward the 12 to 20 target whatever its
 * group; it covers a group only when its group reads as one. A group is
 * unheard until one of its interviews is done.
 */
export function interviewCoverage(interviews: readonly InterviewRow[], asOf: Day): InterviewCoverage {
  list("interviews", interviews);
  const rows: InterviewCheck[] = [];
  const perGroup: GroupCoverage[] = InterviewGroups.map(group => ({group, planned: 0, done: 0}));
  let planned = 0;
  let done = 0;
  let withEvidence = 0;
  const notes: GroupNotes = new Map();
  for (const r of interviews) {
    if (isBlankRow(r)) {
      rows.push({done: false, evidence: false, findings: []});
      continue;
    }
    const c = checkRow(r, asOf, notes);
    rows.push(c);
    planned++;
    if (c.done) done++;
    if (c.done && c.evidence) withEvidence++;
    const g = c.group ? perGroup[InterviewGroups.indexOf(c.group)] : undefined;
    if (g) {
      g.planned++;
      if (c.done) g.done++;
    }
  }
  const {min, max} = InterviewTarget;
  const target = done < min ? "Below" : done > max ? "Above" : "Within";
  const short = Math.max(0, min - done);
  const unheard = perGroup.filter(g => !g.done).map(g => g.group);
  const parts = [
    target === "Below"
      ? `${plural(done, "interview")} done of the ${min} to ${max} a current-state map needs: ${short} more at least.`
      : target === "Within"
        ? `${plural(done, "interview")} done, within the ${min} to ${max} a current-state map needs.`
        : `${plural(done, "interview")} done, more than ${max}: enough to stop and write up what is true.`,
    unheard.length ? `No done interview yet with ${unheard.join("; ")}.` : "Every group has been heard.",
  ];
  if (done > withEvidence) {
    parts.push(
      `${plural(done - withEvidence, "done interview")} ${done - withEvidence === 1 ? "names" : "name"} no evidence.`,
    );
  }
  return {rows, planned, done, withEvidence, short, target, perGroup, unheard, summary: parts.join(" ")};
}
