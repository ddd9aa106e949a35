import type {Day} from "./calendar";
import {daysBetween, isoDay, plusDays} from "./calendar";
import {list as cellList} from "./cells";
import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {count, fraction, isBlank, list, plainText, quote, score} from "./contract";
import {cadenceDays, MaxCadenceDays} from "./history";
import {HealthRules} from "./meeting_health";
import {nearestName, said} from "./names";
import type {Seat} from "./seats";
import {SeatRules, seatsOf} from "./seats";

/**
 * Development (layer 4): coaching one-to-ones and each leader's few key
 * metrics. From a log of one-to-ones, each leader–report pair's rhythm and what
 * is owed; from a report's own data, coaching questions to open the next one;
 * and the leaders' key metrics checked and linked to the health metrics and key
 * results they move.
 */

export const CoachingRules = {
  /** The days between one-to-ones when a pair declares no cadence and has met once, unless the caller gives another. */
  defaultCadenceDays: 14,
  /** Prompts given by default, and at most. */
  prompts: 5,
  maxPrompts: 20,
  /** A leader keeps at most this many key metrics. */
  maxMetrics: 5,
  /** A short name is at most this many words, and this many characters. */
  shortNameWords: 3,
  shortNameChars: 24,
} as const;

// ---------------------------------------------------------------- one-to-ones

export interface OneOnOneInput {
  leader: string;
  report: string;
  date?: Maybe<Day>;
  notes?: Maybe<string>;
  /** What was committed, one item a line or separated by semicolons (or by a comma before a capital). */
  commitments?: Maybe<string>;
  /** The next one-to-one as planned. */
  next?: Maybe<Day>;
  /** A declared cadence: weekly, every 2 weeks, monthly, or days from 1 to 90. */
  cadence?: Maybe<string | number>;
}

export interface OneOnOnePair {
  leader: string;
  report: string;
  /** Dated one-to-ones on record (one per day). */
  meetings: number;
  cadenceDays: number;
  cadenceFrom: "Declared" | "Median" | "Default";
  last: Day;
  nextDue: Day;
  overdue: boolean;
  /** Days past nextDue, or 0. */
  daysOverdue: number;
  /** The last one-to-one's commitments not marked done, carried into the next. */
  carried: string[];
  lastNotes: string;
}

export interface OneOnOnes {
  /** Overdue pairs first (most days overdue first), then by leader and report. */
  pairs: OneOnOnePair[];
  findings: string[];
}

/** A commitment marked done: [x], a tick, or "done" at its start. */
const Done = /^\s*(\[[xX✓✔]\]|[✓✔☑✅]|done\b)/i;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
};

const byKey = (a: string, b: string) => (normalize(a) < normalize(b) ? -1 : normalize(a) > normalize(b) ? 1 : 0);

/**
 * Each leader–report pair's one-to-ones (names matched by case, spacing and
 * punctuation aside; the first spelling is kept). Cadence: the latest declared
 * cadence, else the median of the days between their one-to-ones (whole days,
 * the mean of the middle two rounded), else `defaultCadence` (1 to 90 days,
 * 14 when blank). Next due: the last one-to-one's planned next day when it is
 * after that one-to-one, else the last day plus the cadence. Overdue when today is past next due. Carried: the
 * commitments of the last day's one-to-ones not marked done ([x], a tick, or
 * "done" at their start). Rows with no leader or report are left out; a row with
 * no date is named in the findings and otherwise left out.
 */
export function oneOnOnes(rows: readonly OneOnOneInput[], asOf: Day, defaultCadence?: Maybe<number>): OneOnOnes {
  const fallback = count("defaultCadence", defaultCadence, 1, MaxCadenceDays, CoachingRules.defaultCadenceDays);
  const findings: string[] = [];
  const groups = new Map<string, OneOnOneInput[]>();
  for (const r of list("one-to-ones", rows)) {
    const [leader, report] = [plainText(r.leader ?? ""), plainText(r.report ?? "")];
    if (!normalize(leader) || !normalize(report)) continue;
    if (!r.date) {
      findings.push(`A one-to-one of ${said(leader)} with ${said(report)} has no date: give it the day it took place.`);
      continue;
    }
    const key = `${normalize(leader)}\u0000${normalize(report)}`;
    groups.set(key, [...(groups.get(key) ?? []), {...r, leader, report}]);
  }
  const pairs = [...groups.values()].map((meetings): OneOnOnePair => {
    const sorted = [...meetings].sort((a, b) => a.date!.getTime() - b.date!.getTime());
    const days = [...new Set(sorted.map(m => m.date!.getTime()))];
    const last = sorted[sorted.length - 1].date!;
    const declaredRow = [...sorted].reverse().find(m => !isBlank(m.cadence) && String(m.cadence).trim());
    const declared = declaredRow ? cadenceDays(declaredRow.cadence) : undefined;
    const gaps = days.slice(1).map((t, i) => Math.round((t - days[i]) / 86_400_000));
    const cadence = declared ?? (gaps.length ? median(gaps) : fallback);
    const lastDay = sorted.filter(m => m.date!.getTime() === last.getTime());
    const planned = lastDay.map(m => m.next).find((d): d is Day => Boolean(d) && daysBetween(last, d!) > 0);
    const nextDue = planned ?? plusDays(last, cadence);
    const late = daysBetween(nextDue, asOf);
    const carried = lastDay.flatMap(m => cellList(m.commitments ?? "", "before capitals")).filter(c => !Done.test(c));
    return {
      leader: meetings[0].leader,
      report: meetings[0].report,
      meetings: days.length,
      cadenceDays: cadence,
      cadenceFrom: declared !== undefined ? "Declared" : gaps.length ? "Median" : "Default",
      last,
      nextDue,
      overdue: late > 0,
      daysOverdue: Math.max(0, late),
      carried,
      lastNotes: lastDay
        .map(m => plainText(m.notes ?? ""))
        .filter(Boolean)
        .join(" "),
    };
  });
  pairs.sort((a, b) => b.daysOverdue - a.daysOverdue || byKey(a.leader, b.leader) || byKey(a.report, b.report));
  for (const p of pairs) {
    if (p.overdue) {
      findings.push(
        `${said(p.leader)}'s one-to-one with ${said(p.report)} is ${p.daysOverdue} day${p.daysOverdue === 1 ? "" : "s"} overdue (due ${isoDay(p.nextDue)}): book it.`,
      );
    }
  }
  return {pairs, findings};
}

// ---------------------------------------------------------------- coaching prompts

export interface ReportKeyResult {
  name: string;
  /** As KeyResultStatus gives it; off track, at risk (or red, amber, yellow) are read case and spacing aside. */
  status?: Maybe<string>;
  progress?: Maybe<number>;
  expected?: Maybe<number>;
}

export interface ReportAction {
  action: string;
  due?: Maybe<Day>;
  done?: boolean;
}

export interface ReportRating {
  meeting: string;
  /** A whole number from 1 to 10. */
  rating: Maybe<number>;
  reason?: Maybe<string>;
}

/** The report's own data: their key results, action items and meeting ratings, and the doc's seats. */
export interface ReportData {
  /** The report's name or email, as seats name their holders. */
  report: string;
  keyResults?: readonly ReportKeyResult[];
  actionItems?: readonly ReportAction[];
  ratings?: readonly ReportRating[];
  seats?: readonly Seat[];
}

export type PromptKind = "Key result" | "Action item" | "Seat" | "Meeting rating";

export interface CoachingPrompt {
  kind: PromptKind;
  /** The name the prompt is about, as given. */
  about: string;
  question: string;
}

type Status = "Off track" | "At risk" | undefined;

function readStatus(text: Maybe<string>): Status {
  const key = normalize(text ?? "");
  if (/^(offtrack|red|behind|missed)$/.test(key)) return "Off track";
  if (/^(atrisk|amber|yellow)$/.test(key)) return "At risk";
  return undefined;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const named = (name: string) => `"${said(name)}"`;

/**
 * Coaching questions for a report's next one-to-one, drawn from their own data
 * and most important first: off-track key results (furthest behind their
 * expected progress first), overdue action items (most days overdue first),
 * at-risk key results, seats they hold with more than 5 responsibilities (most
 * first), then meeting ratings below 8 (lowest first), each asking about a
 * named item. At most `max` (1 to 20, default 5). Progress is 0 to 1.5 and
 * expected progress 0 to 1, by the percent rule; a rating is 1 to 10.
 */
export function coachingPrompts(data: ReportData, asOf: Day, max?: Maybe<number>): CoachingPrompt[] {
  const limit = count("max", max, 1, CoachingRules.maxPrompts, CoachingRules.prompts);
  const krs = list("keyResults", data.keyResults ?? []).filter(k => plainText(k.name ?? ""));
  const behind = (k: ReportKeyResult) => {
    const p = isBlank(k.progress) ? undefined : score(`Progress of ${quote(k.name)}`, k.progress);
    const e = isBlank(k.expected) ? undefined : fraction(`Expected progress of ${quote(k.name)}`, k.expected);
    return {p, e, gap: p !== undefined && e !== undefined ? e - p : -Infinity};
  };
  const off = krs
    .filter(k => readStatus(k.status) === "Off track")
    .map(k => ({k, ...behind(k)}))
    .sort((a, b) => b.gap - a.gap);
  const atRisk = krs.filter(k => readStatus(k.status) === "At risk");
  const overdue = list("actionItems", data.actionItems ?? [])
    .filter(a => plainText(a.action ?? "") && !a.done && a.due && daysBetween(a.due, asOf) > 0)
    .map(a => ({a, days: daysBetween(a.due!, asOf)}))
    .sort((x, y) => y.days - x.days);
  const heavy = seatsOf(data.report, data.seats ?? [])
    .filter(s => s.responsibilities.length > SeatRules.maxResponsibilities)
    .sort((a, b) => b.responsibilities.length - a.responsibilities.length);
  const low = list("ratings", data.ratings ?? [])
    .filter(r => !isBlank(r.rating))
    .map(r => ({
      r,
      rating: count(`Rating of ${quote(r.meeting)}`, r.rating, HealthRules.lowestRating, HealthRules.highestRating),
    }))
    .filter(x => x.rating < HealthRules.threshold)
    .sort((x, y) => x.rating - y.rating);
  const out: CoachingPrompt[] = [];
  const add = (kind: PromptKind, about: string, question: string) =>
    out.length < limit && out.push({kind, about, question});
  for (const {k, p, e} of off) {
    const where = p !== undefined && e !== undefined ? `is at ${pct(p)} against ${pct(e)} expected` : "is off track";
    add("Key result", k.name, `${named(k.name)} ${where}. What would have to be true for it to get back on pace?`);
  }
  for (const {a, days} of overdue) {
    add(
      "Action item",
      a.action,
      `${named(a.action)} is ${days} day${days === 1 ? "" : "s"} past its due date (${isoDay(a.due!)}). What is in the way, and what would help you close it or hand it on?`,
    );
  }
  for (const k of atRisk) {
    add(
      "Key result",
      k.name,
      `${named(k.name)} is at risk. What one change would most improve where it lands, and what do you need from me?`,
    );
  }
  for (const s of heavy) {
    add(
      "Seat",
      s.name,
      `The seat ${named(s.name)} carries ${s.responsibilities.length} responsibilities, more than ${SeatRules.maxResponsibilities}. Which could you hand on, and to whom?`,
    );
  }
  for (const {r, rating} of low) {
    const reason = plainText(r.reason ?? "");
    const why = reason ? `, saying ${named(reason)}` : " without a reason";
    add(
      "Meeting rating",
      r.meeting,
      `You rated ${named(r.meeting)} ${rating} of 10${why}. What would have made it ${/^(8|11|18)/.test(String(HealthRules.threshold)) ? "an" : "a"} ${HealthRules.threshold}?`,
    );
  }
  return out;
}

// ---------------------------------------------------------------- leaders' key metrics

export interface LeaderMetricInput {
  leader: string;
  metric: string;
  shortName?: Maybe<string>;
  /** A health metric or key result, by name. */
  linkedTo?: Maybe<string>;
}

export interface LeaderMetricRow {
  leader: string;
  metric: string;
  shortName: string;
  /** The health metric or key result it links to, as that one is named; undefined when it links to none. */
  linked?: string;
  findings: string[];
}

export interface LeaderSummary {
  leader: string;
  metrics: number;
  findings: string[];
}

export interface LeaderMetrics {
  rows: LeaderMetricRow[];
  leaders: LeaderSummary[];
}

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The leaders' key metrics checked. Names (leaders, links) match with case,
 * spacing and punctuation aside, in any script. A link names a health metric or
 * key result from `targets`; one that matches none is named with the nearest
 * name. A short name is kept to 3 words and 24 characters (a CJK character
 * counts as one) and is not used twice by one leader. Per leader: none at all
 * (for leaders on the roster), or more than 5. Leaders are those on the roster,
 * then any others in the rows, in order; a row naming a leader off a given
 * roster is named in its findings. Rows with no leader or metric are left out.
 */
export function leaderMetrics(
  metrics: readonly LeaderMetricInput[],
  targets: readonly string[],
  roster: readonly string[] = [],
): LeaderMetrics {
  const targetByKey = new Map<string, string>();
  for (const t of list("targets", targets)) {
    if (normalize(t ?? "") && !targetByKey.has(normalize(t))) targetByKey.set(normalize(t), t);
  }
  const leaders = new Map<string, LeaderSummary>();
  for (const l of list("roster", roster)) {
    const name = plainText(l ?? "");
    if (normalize(name) && !leaders.has(normalize(name))) {
      leaders.set(normalize(name), {leader: name, metrics: 0, findings: []});
    }
  }
  const onRoster = leaders.size > 0;
  const rosterNames = [...leaders.values()].map(l => l.leader);
  const shortNames = new Map<string, Set<string>>();
  const rows: LeaderMetricRow[] = [];
  for (const m of list("metrics", metrics)) {
    const [leader, metric] = [plainText(m.leader ?? ""), plainText(m.metric ?? "")];
    if (!normalize(leader) || !normalize(metric)) continue;
    const findings: string[] = [];
    let summary = leaders.get(normalize(leader));
    if (!summary) {
      if (onRoster) {
        const near = nearestName(leader, rosterNames);
        findings.push(
          `${quote(leader)} is not on the leaders' roster${near ? `; did you mean ${quote(near)}?` : ": add them or fix the name."}`,
        );
      }
      summary = {leader, metrics: 0, findings: []};
      leaders.set(normalize(leader), summary);
    }
    summary.metrics++;
    const shortName = plainText(m.shortName ?? "");
    if (!shortName) {
      findings.push(
        `No short name: give ${quote(metric)} one of up to ${CoachingRules.shortNameWords} words that people remember.`,
      );
    } else {
      const words = wordsIn(shortName);
      const chars = [...shortName].length;
      if (words > CoachingRules.shortNameWords || chars > CoachingRules.shortNameChars) {
        const size = words > CoachingRules.shortNameWords ? `${words} words` : `${chars} characters`;
        findings.push(
          `The short name ${quote(shortName)} is ${size}: keep it to ${CoachingRules.shortNameWords} words so people remember it.`,
        );
      }
      const used = shortNames.get(normalize(leader)) ?? new Set<string>();
      if (used.has(normalize(shortName))) {
        findings.push(
          `${said(summary.leader)} already uses the short name ${quote(shortName)}: give each metric its own.`,
        );
      }
      used.add(normalize(shortName));
      shortNames.set(normalize(leader), used);
    }
    const link = plainText(m.linkedTo ?? "");
    const linked = normalize(link) ? targetByKey.get(normalize(link)) : undefined;
    if (normalize(link) && !linked) {
      const near = nearestName(link, [...targetByKey.values()]);
      findings.push(
        `${quote(link)} matches no health metric or key result${near ? `; did you mean ${quote(near)}?` : ": link it to one by its name."}`,
      );
    }
    rows.push({leader: summary.leader, metric, shortName, linked, findings});
  }
  for (const l of leaders.values()) {
    if (l.metrics === 0) {
      l.findings.push(
        `${said(l.leader)} has no key metrics: name up to ${CoachingRules.maxMetrics}, each with a short name.`,
      );
    } else if (l.metrics > CoachingRules.maxMetrics) {
      l.findings.push(
        `${said(l.leader)} has ${l.metrics} key metrics, more than ${CoachingRules.maxMetrics}: keep the few that matter most.`,
      );
    }
  }
  return {rows, leaders: [...leaders.values()]};
}
