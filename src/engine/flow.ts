import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {Contract, isBlank, list, quote} from "./contract";
import {fail} from "./errors";
import {own} from "./interviews";
import {said} from "./names";

/**
 * Time in work against time waiting (executive session 2): work items move
 * through stages, and each stretch of an item in a stage is a segment of work
 * (someone is working on it) or of waiting (it sits in a queue).
 *
 * Rules:
 *
 * 1. Every time is in days of 24 hours: a date gives whole days, a date and
 *    time gives parts of a day. A segment without a Left time is still open and
 *    runs to `asOf`.
 * 2. A segment is not counted when it has no item, no stage, no kind that reads
 *    as work or wait, no Entered time, or a Left time before its Entered time;
 *    its findings say why.
 * 3. An item's segments should not overlap. Where one starts before an earlier
 *    one of the same item ends, only its time after that end counts, so no time
 *    is counted twice.
 * 4. An item's elapsed time runs from its first Entered to its last Left (or
 *    `asOf`); time between its segments is elapsed but neither work nor wait.
 * 5. Flow efficiency is work over elapsed: for a stage, its work over its work
 *    and wait; overall, all items' work over all items' elapsed time. Both run
 *    from 0 to 1 and are undefined when nothing has elapsed.
 * 6. Overhead: an item is non-delivery overhead (status reporting, approvals
 *    for their own sake) when any of its segments says so. Overhead items are
 *    left out of the stages and the efficiency; the overhead share is their work
 *    over all work. It is undefined, with the reason, when no segment says
 *    whether its item is overhead.
 * 7. The stage where items wait longest is named twice: by the total wait of
 *    all items in it, and by the mean wait per item that passed through it.
 */

export type SegmentKind = "Work" | "Wait";

const KindWords: Record<string, SegmentKind> = {
  work: "Work",
  working: "Work",
  worked: "Work",
  active: "Work",
  touch: "Work",
  touchtime: "Work",
  doing: "Work",
  inprogress: "Work",
  busy: "Work",
  w: "Work",
  wait: "Wait",
  waiting: "Wait",
  waited: "Wait",
  queue: "Wait",
  queued: "Wait",
  inqueue: "Wait",
  blocked: "Wait",
  idle: "Wait",
  hold: "Wait",
  onhold: "Wait",
  parked: "Wait",
};

/** Work or Wait as a cell names it (work, active, touch time, in progress / wait, queued, blocked, on hold), or undefined. */
export function parseSegmentKind(text: Maybe<string>): SegmentKind | undefined {
  const key = normalize(text ?? "");
  return own(KindWords, key) ?? (key.startsWith("wait") ? "Wait" : undefined);
}

export interface FlowSegment {
  item?: Maybe<string>;
  stage?: Maybe<string>;
  entered?: Maybe<Date>;
  left?: Maybe<Date>;
  kind?: Maybe<string>;
  /** True when the item is non-delivery overhead; blank when not said. */
  overhead?: Maybe<boolean>;
}

export interface SegmentCheck {
  kind?: SegmentKind;
  /** The days counted (rules 2 and 3). */
  days: number;
  open: boolean;
  findings: string[];
}

export interface StageFlow {
  stage: string;
  /** Delivery items with time counted in the stage. */
  items: number;
  workDays: number;
  waitDays: number;
  /** Work and wait together. */
  elapsedDays: number;
  efficiency?: number;
  meanWaitDays: number;
}

export interface FlowEfficiency {
  /** One per segment, in the order given. */
  segments: SegmentCheck[];
  /** The stages delivery items passed through, in the order they first appear. */
  stages: StageFlow[];
  /** Delivery items with time counted. */
  items: number;
  workDays: number;
  waitDays: number;
  /** Time between an item's segments (rule 4). */
  untrackedDays: number;
  elapsedDays: number;
  efficiency?: number;
  longestWaitTotal?: string;
  longestWaitMean?: string;
  overheadItems: number;
  overheadWorkDays: number;
  overheadShare?: number;
  overheadReason?: string;
  summary: string;
}

const DayMs = 24 * 60 * 60 * 1000;

const readable = (d: Maybe<Date>): d is Date => {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return false;
  const year = d.getUTCFullYear();
  return year >= Contract.firstYear && year <= Contract.lastYear;
};

/**
 * A time as a finding gives it: the day, and the time of day when it has one,
 * read from the Date's UTC fields, which hold the clock as the doc shows it.
 */
function when(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
}

const days = (ms: number) => ms / DayMs;
const fmt = (d: number) => d.toLocaleString("en-US", {maximumFractionDigits: d < 10 ? 1 : 0});
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A segment that reads, as milliseconds. */
interface Span {
  index: number;
  item: string;
  stage: string;
  work: boolean;
  from: number;
  to: number;
}

/** Reads one segment: its span when it counts, and its findings either way. */
function readSegment(s: FlowSegment, index: number, asOf: number, check: SegmentCheck): Span | undefined {
  const f = check.findings;
  // An item is its id as written, case and spacing aside: punctuation tells REL-1.2 from REL-12.
  const item = s.item?.trim() ? s.item.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim() : "";
  const stage = s.stage?.trim() ? normalize(s.stage) || s.stage.trim() : "";
  if (!item) f.push("No item named: say which work item this time belongs to.");
  if (!stage) f.push("No stage: say which stage of the flow the item was in.");
  if (!s.kind?.trim()) f.push("No kind: give Work (someone is working on it) or Wait (it sits in a queue).");
  else if (!check.kind) f.push(`Kind ${quote(s.kind)} is neither work nor wait: give Work or Wait.`);
  const badLeft = !isBlank(s.left) && !readable(s.left);
  if (isBlank(s.entered)) f.push("No Entered time: give when the item entered the stage.");
  else if (!readable(s.entered)) {
    f.push("Entered is not a date from the year 1000 to 9999: give when the item entered the stage.");
  }
  if (badLeft) {
    f.push(
      "Left is not a date from the year 1000 to 9999: give when the item left the stage, or leave it blank while it is there.",
    );
  }
  if (!readable(s.entered) || badLeft) return undefined;
  const from = s.entered.getTime();
  let to = asOf;
  if (readable(s.left)) {
    to = s.left.getTime();
    if (to < from) {
      f.push(`Left (${when(s.left)}) is before Entered (${when(s.entered)}): swap or fix them.`);
      return undefined;
    }
  } else {
    check.open = true;
    if (asOf < from) {
      f.push(`Still open, and entered after ${when(new Date(asOf))}: nothing to count yet.`);
      to = from;
    } else f.push(`Still open: counted up to ${when(new Date(asOf))}.`);
  }
  if (!item || !stage || !check.kind) return undefined;
  return {index, item, stage, work: check.kind === "Work", from, to};
}

interface Read {
  checks: SegmentCheck[];
  /** Each item's spans, by the item's key. */
  byItem: Map<string, Span[]>;
  /** Each stage's name as first written, by its key. */
  stageNames: Map<string, string>;
  overheadItems: Set<string>;
  /** Whether any segment says whether its item is overhead. */
  flagged: boolean;
}

function readAll(segments: readonly FlowSegment[], asOf: number): Read {
  const read: Read = {checks: [], byItem: new Map(), stageNames: new Map(), overheadItems: new Set(), flagged: false};
  segments.forEach((s, i) => {
    const check: SegmentCheck = {kind: parseSegmentKind(s.kind), days: 0, open: false, findings: []};
    read.checks.push(check);
    if (typeof s.overhead === "boolean") read.flagged = true;
    const span = readSegment(s, i, asOf, check);
    if (!span) return;
    if (s.overhead === true) read.overheadItems.add(span.item);
    if (!read.stageNames.has(span.stage)) read.stageNames.set(span.stage, s.stage!.trim());
    const spans = read.byItem.get(span.item) ?? [];
    spans.push(span);
    read.byItem.set(span.item, spans);
  });
  return read;
}

interface Tally {
  work: number;
  wait: number;
  items: Set<string>;
}

/** Times in milliseconds: per stage, and in all. */
interface Totals {
  stages: Map<string, Tally>;
  work: number;
  wait: number;
  elapsed: number;
  overheadWork: number;
  allWork: number;
}

/** Counts each item's spans in time order, each from where the earlier ones reach (rule 3). */
function count(read: Read): Totals {
  const t: Totals = {stages: new Map(), work: 0, wait: 0, elapsed: 0, overheadWork: 0, allWork: 0};
  for (const [item, spans] of read.byItem) {
    spans.sort((a, b) => a.from - b.from || a.index - b.index);
    const overhead = read.overheadItems.has(item);
    let reach = spans[0].from;
    let reacher = spans[0];
    for (const span of spans) {
      const check = read.checks[span.index];
      if (span.from < reach && span.to > span.from) {
        const overlap = days(Math.min(reach, span.to) - span.from);
        const where = said(read.stageNames.get(reacher.stage)!);
        check.findings.push(
          `Overlaps the item's time in ${where} by ${fmt(overlap)} day${overlap === 1 ? "" : "s"}: only the time after it counts.`,
        );
      }
      const counted = Math.max(0, span.to - Math.max(span.from, reach));
      check.days = days(counted);
      if (span.to > reach) {
        reach = span.to;
        reacher = span;
      }
      if (span.work) t.allWork += counted;
      if (overhead) {
        if (span.work) t.overheadWork += counted;
        continue;
      }
      const stage = t.stages.get(span.stage) ?? {work: 0, wait: 0, items: new Set<string>()};
      t.stages.set(span.stage, stage);
      stage.items.add(item);
      if (span.work) {
        stage.work += counted;
        t.work += counted;
      } else {
        stage.wait += counted;
        t.wait += counted;
      }
    }
    if (!overhead) t.elapsed += reach - spans[0].from;
  }
  return t;
}

/** The stages in the order they first appear, delivery items only. */
function stageFlows(read: Read, t: Totals): StageFlow[] {
  const out: StageFlow[] = [];
  for (const [key, name] of read.stageNames) {
    const s = t.stages.get(key);
    if (!s) continue; // Only overhead items passed through it.
    const total = s.work + s.wait;
    out.push({
      stage: name,
      items: s.items.size,
      workDays: days(s.work),
      waitDays: days(s.wait),
      elapsedDays: days(total),
      efficiency: total > 0 ? Math.min(1, s.work / total) : undefined,
      meanWaitDays: days(s.wait) / s.items.size,
    });
  }
  return out;
}

/** The stage with the most of something above 0; the first such stage on a tie. */
function most(stages: readonly StageFlow[], by: (s: StageFlow) => number): StageFlow | undefined {
  let best: StageFlow | undefined;
  for (const s of stages) if (by(s) > 0 && (!best || by(s) > by(best))) best = s;
  return best;
}

const NoOverheadFlag =
  "No segment says whether its item is overhead: mark non-delivery work (status reports, approvals for their own sake) as overhead to measure it.";

/**
 * Work time, wait time and flow efficiency by stage and overall, and the share
 * of work that goes to non-delivery overhead, by the rules above. `asOf` ends
 * the segments still open.
 */
export function flowEfficiency(segments: readonly FlowSegment[], asOf: Date): FlowEfficiency {
  list("segments", segments);
  if (!readable(asOf)) {
    fail("asOf is not a date from the year 1000 to 9999: give the day to count open segments up to.");
  }
  const read = readAll(segments, asOf.getTime());
  const t = count(read);
  const stages = stageFlows(read, t);
  const byTotal = most(stages, s => s.waitDays);
  const byMean = most(stages, s => s.meanWaitDays);
  const items = [...read.byItem.keys()].filter(k => !read.overheadItems.has(k)).length;
  const efficiency = t.elapsed > 0 ? Math.min(1, t.work / t.elapsed) : undefined;
  const overheadReason = !read.flagged
    ? NoOverheadFlag
    : t.allWork === 0
      ? "No work time is counted yet, so there is no share to take."
      : undefined;
  const overheadShare = overheadReason ? undefined : Math.min(1, t.overheadWork / t.allWork);
  const parts = [
    efficiency === undefined
      ? "No delivery time is counted yet: give each segment an item, a stage, Work or Wait, and when it entered."
      : `Flow efficiency ${pct(efficiency)} over ${items} item${items === 1 ? "" : "s"}: ${fmt(days(t.work))} days of work in ${fmt(days(t.elapsed))} elapsed.`,
  ];
  if (byTotal && byMean) {
    parts.push(
      byTotal === byMean
        ? `Items wait longest in ${said(byTotal.stage)}: ${fmt(byTotal.waitDays)} days in all, ${fmt(byTotal.meanWaitDays)} per item.`
        : `Items wait longest in ${said(byTotal.stage)} in all (${fmt(byTotal.waitDays)} days) and in ${said(byMean.stage)} per item (${fmt(byMean.meanWaitDays)} days).`,
    );
  }
  if (overheadShare !== undefined) parts.push(`Non-delivery overhead takes ${pct(overheadShare)} of work time.`);
  return {
    segments: read.checks,
    stages,
    items,
    workDays: days(t.work),
    waitDays: days(t.wait),
    untrackedDays: days(Math.max(0, t.elapsed - t.work - t.wait)),
    elapsedDays: days(t.elapsed),
    efficiency,
    longestWaitTotal: byTotal?.stage,
    longestWaitMean: byMean?.stage,
    overheadItems: read.overheadItems.size,
    overheadWorkDays: days(t.overheadWork),
    overheadShare,
    overheadReason,
    summary: parts.join(" "),
  };
}
