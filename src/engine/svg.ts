import type {Maybe} from "./contract";
import {fraction, isBlank, list, number, plainText, score, shorten} from "./contract";
import {fail} from "./errors";
import type {Thresholds} from "./health";
import {healthStatus} from "./health";
import {isoDay, plusDays} from "./calendar";
import type {ProgressHistory, Scorecard} from "./history";
import {confidenceGrade, ScorecardWeeks} from "./history";
import type {Grade} from "./okr";
import {keyResultGrade} from "./okr";

/**
 * Small SVG pictures for doc cells. Each one draws for light mode and, through
 * the `DarkMode` fragment Coda targets in dark mode, for dark mode. Any text is
 * reduced to plain text (no control characters) and escaped, and long text is cut
 * without splitting a character. Every picture stays under 4 KB as a data URL
 * whatever its input: a long series is downsampled (below).
 */

export const DarkModeId = "DarkMode";

const Colors = {
  Green: "#2e9d5b",
  Yellow: "#d9a400",
  Red: "#d64545",
  ink: "#374151",
  inkDark: "#e5e7eb",
  track: "#e5e7eb",
  trackDark: "#4b5563",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]!);
}

const r1 = (x: number) => String(Math.round(x * 10) / 10);

function frame(width: number, height: number, label: string, style: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}">` +
    `<style>${style}</style><g id="${DarkModeId}">${body}</g></svg>`
  );
}

export const SparklineSize = {width: 120, height: 32};

/** A long series is drawn as this many buckets, each as its lowest and highest reading. */
export const SparklineBuckets = 48;

interface Point {
  i: number;
  v: number;
}

/**
 * The points to draw, with undefined where the line breaks. Up to two points per
 * bucket are drawn as they are; a longer series is cut into SparklineBuckets
 * buckets, each drawn as its lowest and highest reading in their order, so peaks
 * and dips survive at any length. A bucket without readings is a gap, and the
 * last reading is always drawn.
 */
function plotted(pts: ReadonlyArray<Point | undefined>, last: Point): Array<Point | undefined> {
  const n = pts.length;
  if (n <= 2 * SparklineBuckets) return [...pts];
  const out: Array<Point | undefined> = [];
  for (let b = 0; b < SparklineBuckets; b++) {
    let low: Point | undefined;
    let high: Point | undefined;
    const end = Math.floor(((b + 1) * n) / SparklineBuckets);
    for (let k = Math.floor((b * n) / SparklineBuckets); k < end; k++) {
      const p = pts[k];
      if (!p) continue;
      if (!low || p.v < low.v) low = p;
      if (!high || p.v > high.v) high = p;
    }
    if (!low || !high) out.push(undefined);
    else if (low === high) out.push(low);
    else out.push(...(low.i < high.i ? [low, high] : [high, low]));
  }
  const tail = out[out.length - 1];
  if (tail !== last) {
    if (tail && tail.i > last.i) out.splice(out.length - 1, 0, last);
    else out.push(last);
  }
  return out;
}

/**
 * A sparkline of a series: blanks leave gaps, the last point is marked in its
 * status color, and with thresholds the green and red zones are shaded.
 */
export function sparklineSvg(values: readonly Maybe<number>[], t?: Thresholds): string {
  const {width, height} = SparklineSize;
  const pad = 3;
  list("values", values);
  const pts = values.map((v, i) => (isBlank(v) ? undefined : {i, v: number(`Value ${i + 1}`, v)}));
  let count = 0;
  let last: Point | undefined;
  // The readings set the scale; a threshold close to them widens it so its zone shows,
  // a distant one does not squash the line.
  let low = Infinity;
  let high = -Infinity;
  for (const p of pts) {
    if (!p) continue;
    count++;
    last = p;
    if (p.v < low) low = p.v;
    if (p.v > high) high = p.v;
  }
  if (!last) fail("There are no values to draw: give at least one number.");
  const reach = Math.max(high - low, Math.abs(high) * 0.05, 1e-9);
  for (const limit of t ? [t.greenAt, t.redAt] : []) {
    if (limit < low && low - limit <= reach / 2) low = limit;
    if (limit > high && limit - high <= reach / 2) high = limit;
  }
  if (low === high) {
    const spread = Math.abs(low) * 0.1 || 1;
    low -= spread;
    high += spread;
  }
  const x = (i: number) => pad + (values.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + ((high - v) * (height - 2 * pad)) / (high - low);
  let body = "";
  if (t) {
    const up = t.greenAt > t.redAt;
    // A zone runs from its threshold to the edge of the picture, clipped to what is visible.
    const band = (from: number, to: number, cls: string) => {
      const [a, b] = [Math.min(Math.max(from, low), high), Math.min(Math.max(to, low), high)];
      if (a === b) return;
      body += `<rect class="${cls}" x="0" y="${r1(Math.min(y(a), y(b)))}" width="${width}" height="${r1(Math.abs(y(a) - y(b)))}"/>`;
    };
    band(t.greenAt, up ? high : low, "g");
    band(t.redAt, up ? low : high, "r");
  }
  // One polyline per run of consecutive readings, so a missed reading shows as a gap.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) body += `<polyline class="l" points="${run.join(" ")}"/>`;
    run = [];
  };
  for (const p of plotted(pts, last)) {
    if (!p) flush();
    else run.push(`${r1(x(p.i))},${r1(y(p.v))}`);
  }
  flush();
  // The last point in its status color, or in the ink color (which follows dark mode) without thresholds.
  const dot = t ? `fill="${Colors[healthStatus(last.v, t)]}"` : `class="d"`;
  body += `<circle cx="${r1(x(last.i))}" cy="${r1(y(last.v))}" r="2.5" ${dot}/>`;
  const style =
    `.l{fill:none;stroke:${Colors.ink};stroke-width:1.5;stroke-linejoin:round}.d{fill:${Colors.ink}}.g{fill:${Colors.Green};opacity:.15}.r{fill:${Colors.Red};opacity:.15}` +
    `#${DarkModeId}:target .l{stroke:${Colors.inkDark}}#${DarkModeId}:target .d{fill:${Colors.inkDark}}#${DarkModeId}:target .g,#${DarkModeId}:target .r{opacity:.3}`;
  return frame(width, height, `Trend of ${count} readings, latest ${last.v}`, style, body);
}

export const ProgressBarSize = {width: 200, height: 20};

/** A progress bar in the key result's grade color, with the expected-pace marker when given. */
export function progressBarSvg(progress: Maybe<number>, label?: Maybe<string>, expected?: Maybe<number>): string {
  const p = score("Progress", progress);
  const {width, height} = ProgressBarSize;
  const bar = 120;
  const fill = Math.min(1, p) * bar;
  let body = `<rect class="t" x="0" y="5" width="${bar}" height="10" rx="5"/>`;
  if (fill > 0) body += `<rect x="0" y="5" width="${r1(fill)}" height="10" rx="5" fill="${Colors[keyResultGrade(p)]}"/>`;
  const e = isBlank(expected) ? undefined : fraction("Expected", expected);
  if (e !== undefined) body += `<rect class="m" x="${r1(Math.min(bar - 2, e * bar))}" y="1" width="2" height="18"/>`;
  const name = isBlank(label) ? "" : shorten(plainText(String(label)), 60);
  const short = shorten(name, 14);
  const text = `${Math.round(p * 100)}%${short ? ` ${short}` : ""}`;
  body += `<text class="x" x="${bar + 6}" y="14">${escapeXml(text)}</text>`;
  const style =
    `.t{fill:${Colors.track}}.m{fill:${Colors.ink}}.x{font:11px sans-serif;fill:${Colors.ink}}` +
    `#${DarkModeId}:target .t{fill:${Colors.trackDark}}#${DarkModeId}:target .m,#${DarkModeId}:target .x{fill:${Colors.inkDark}}`;
  const aria = `${name ? `${name}: ` : ""}${Math.round(p * 100)}% done${e === undefined ? "" : `, ${Math.round(e * 100)}% expected`}`;
  return frame(width, height, aria, style, body);
}

// ---------------------------------------------------------------- history pictures

/** The most UTF-8 bytes a picture's SVG may take: its base64 data URL then stays within 4 KB. */
export const MaxSvgBytes = 3000;

/** The UTF-8 size of a text, without Node or browser APIs. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const ProgressHistorySize = {width: 200, height: 60};
/** A long history is drawn as this many confidence marks, each the lowest confidence of its stretch. */
export const ConfidenceMarks = 24;

const Inks = {
  style:
    `.l{fill:none;stroke:${Colors.ink};stroke-width:1.5;stroke-linejoin:round}.p{fill:none;stroke:${Colors.ink};stroke-width:1;stroke-dasharray:3 2;opacity:.6}` +
    `.t{fill:none;stroke:${Colors.track};stroke-width:1}.x{font:9px sans-serif;fill:${Colors.ink}}`,
  dark:
    `#${DarkModeId}:target .l,#${DarkModeId}:target .p{stroke:${Colors.inkDark}}#${DarkModeId}:target .t{stroke:${Colors.trackDark}}` +
    `#${DarkModeId}:target .x{fill:${Colors.inkDark}}`,
};

const Marks: Record<Grade, string> = {Green: "cg", Yellow: "cy", Red: "cr"};

/**
 * A key result's progress over its check-ins, against the pace line from start
 * (0) at the cycle's start to target (100%) at its end, with each check-in's
 * confidence marked in its band's color (Green from 0.7, Yellow from 0.4, else
 * Red; grey when not given). A long history keeps each stretch's lowest and
 * highest progress and its lowest confidence.
 */
export function progressHistorySvg(h: ProgressHistory): string {
  const {width, height} = ProgressHistorySize;
  const pad = 4;
  const pts = h.points;
  const first = Math.min(h.cycleStart.getTime(), pts.length ? pts[0].date.getTime() : Infinity);
  const last = Math.max(h.cycleEnd.getTime(), pts.length ? pts[pts.length - 1].date.getTime() : -Infinity);
  let top = 1;
  for (const p of pts) if (p.progress > top) top = p.progress;
  const x = (t: number) => pad + ((t - first) * (width - 2 * pad)) / (last - first);
  const y = (p: number) => height - pad - (p * (height - 2 * pad)) / top;
  let body = `<path class="t" d="M${pad} ${r1(y(1))}H${width - pad}M${pad} ${r1(y(0))}H${width - pad}"/>`;
  body += `<path class="p" d="M${r1(x(h.cycleStart.getTime()))} ${r1(y(0))}L${r1(x(h.cycleEnd.getTime()))} ${r1(y(1))}"/>`;
  if (pts.length) {
    const line = plotted(pts.map((p, i) => ({i, v: p.progress})), {i: pts.length - 1, v: pts[pts.length - 1].progress});
    const xy = (q: Point | undefined) => (q ? `${r1(x(pts[q.i].date.getTime()))},${r1(y(q.v))}` : "");
    if (line.length > 1) body += `<polyline class="l" points="${line.map(xy).join(" ")}"/>`;
    // Confidence marks: every check-in, or each stretch's lowest confidence in a long history.
    const marks: Record<string, string> = {cg: "", cy: "", cr: "", cn: ""};
    const stretches = Math.min(pts.length, ConfidenceMarks);
    for (let b = 0; b < stretches; b++) {
      let pick = pts[Math.floor(((b + 1) * pts.length) / stretches) - 1];
      for (let k = Math.floor((b * pts.length) / stretches); k < Math.floor(((b + 1) * pts.length) / stretches); k++) {
        const c = pts[k].confidence;
        if (c !== undefined && (pick.confidence === undefined || c < pick.confidence)) pick = pts[k];
      }
      const cls = pick.confidence === undefined ? "cn" : Marks[confidenceGrade(pick.confidence)];
      marks[cls] += `M${r1(x(pick.date.getTime()))} ${r1(y(pick.progress))}h0`;
    }
    for (const [cls, d] of Object.entries(marks)) if (d) body += `<path class="${cls}" d="${d}"/>`;
  }
  const dot = (cls: string, color: string) => `.${cls}{fill:none;stroke:${color};stroke-width:5;stroke-linecap:round}`;
  const style = Inks.style + dot("cg", Colors.Green) + dot("cy", Colors.Yellow) + dot("cr", Colors.Red) + dot("cn", "#9ca3af") + Inks.dark;
  const lastPoint = pts[pts.length - 1];
  const label = lastPoint
    ? `Progress ${Math.round(lastPoint.progress * 100)}% at the last of ${pts.length} check-ins, against the pace line`
    : "No check-ins yet: the pace line alone";
  return frame(width, height, label, style, body);
}

const ScorecardCell = {width: 11, height: 12, label: 92, top: 3};
const ScorecardClasses: Record<Grade, string> = {Green: "g", Yellow: "y", Red: "r"};

/**
 * A scorecard: one row per metric, one cell per week, colored by the status of
 * the week's latest reading and left grey without one. Each row is drawn as runs
 * of one status, so the picture stays small at any size; names are cut shorter
 * if the picture would pass its size budget.
 */
export function scorecardSvg(card: Scorecard): string {
  const {width: cw, height: ch, label, top} = ScorecardCell;
  const rows = card.metrics.length;
  const width = label + ScorecardWeeks * cw + 2;
  const height = top + rows * ch + 14;
  const rowY = (r: number) => r1(top + r * ch + ch / 2 - 1);
  const gridW = ScorecardWeeks * cw - 1;
  let grid = `<path class="t" d="${card.metrics.map((_, r) => `M${label} ${rowY(r)}h${gridW}`).join("")}"/>`;
  const runs: Record<string, string> = {g: "", y: "", r: ""};
  card.cells.forEach((row, r) => {
    for (let w = 0; w < row.length; ) {
      const status = row[w];
      let end = w;
      while (end + 1 < row.length && row[end + 1] === status) end++;
      if (status) runs[ScorecardClasses[status]] += `M${label + w * cw} ${rowY(r)}h${(end - w + 1) * cw - 1}`;
      w = end + 1;
    }
  });
  for (const [cls, d] of Object.entries(runs)) if (d) grid += `<path class="${cls}" d="${d}"/>`;
  const end = isoDay(plusDays(card.weeks[card.weeks.length - 1], 6));
  const footer = `${ScorecardWeeks} weeks from ${isoDay(card.weeks[0])} to ${end.slice(5)}${card.more ? `, ${card.more} more` : ""}`;
  const style =
    `.t,.g,.y,.r{fill:none;stroke-width:${ch - 2};stroke-dasharray:${cw - 1} 1}.t{stroke:${Colors.track}}.g{stroke:${Colors.Green}}.y{stroke:${Colors.Yellow}}.r{stroke:${Colors.Red}}` +
    `.x{font:9px sans-serif;fill:${Colors.ink}}` +
    `#${DarkModeId}:target .t{stroke:${Colors.trackDark}}#${DarkModeId}:target .x{fill:${Colors.inkDark}}`;
  const aria = `Scorecard of ${rows + card.more} metrics over ${ScorecardWeeks} weeks`;
  let svg = "";
  for (const chars of [16, 10, 6, 0]) {
    const names = card.metrics.map((m, r) => (chars ? `<text class="x" x="0" y="${r1(top + r * ch + ch / 2 + 2)}">${escapeXml(shorten(m, chars, chars + 4))}</text>` : "")).join("");
    svg = frame(width, height, aria, style, names + grid + `<text class="x" x="0" y="${height - 3}">${footer}</text>`);
    if (utf8Bytes(svg) <= MaxSvgBytes) break;
  }
  return svg;
}
