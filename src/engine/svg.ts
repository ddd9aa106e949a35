import type {Maybe} from "./contract";
import {fraction, isBlank, list, number, plainText, score, shorten, show} from "./contract";
import {fail} from "./errors";
import type {Thresholds} from "./health";
import {healthStatus} from "./health";
import type {Day} from "./calendar";
import {isoDay, plusDays} from "./calendar";
import type {ProgressHistory, Scorecard} from "./history";
import {confidenceGrade, ScorecardWeeks} from "./history";
import type {Grade} from "./okr";
import {keyResultGrade} from "./okr";

/**
 * Small SVG pictures for doc cells. Each one draws for light mode and, through
 * the `DarkMode` fragment Coda targets in dark mode, for dark mode. Any text is
 * reduced to plain text (no control characters) and escaped, and long text is cut
 * without splitting a character; text that must fit a space is measured first
 * (textWidth, below). Every picture stays under 4 KB as a data URL whatever its
 * input: a long series is downsampled (below).
 */

export const DarkModeId = "DarkMode";

export const Colors = {
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

export const r1 = (x: number) => String(Math.round(x * 10) / 10);

// ---------------------------------------------------------------- text widths

/**
 * ASCII widths in em, by class, at their widest in the common sans-serif fonts
 * (DejaVu Sans, Arial, Helvetica) with each glyph rounded to whole pixels at 9
 * to 11 px.
 */
const AsciiEm: number[] = Array.from({length: 128}, (_, c) => {
  const ch = String.fromCharCode(c);
  if (" ',.:;I|ijl".includes(ch)) return 0.4;
  if ('!"()-/[\\]frt'.includes(ch)) return 0.5;
  if ("%@MWmw#+<=>^~".includes(ch)) return 1.05;
  if (/[A-Z&]/.test(ch)) return 0.85;
  return 0.7;
});

/** Everything not listed below, emoji and most scripts included: wide. */
const WideEm = 1.5;

/** Letters wider than the rest of their alphabet. */
const WideLetters = "ЖШЩЮЫжшщюыфм";

/** Widths in em by range, first match wins, measured like AsciiEm. */
const RangeEm: ReadonlyArray<[number, number, number]> = [
  [0x410, 0x42f, 0.95], // Russian capitals
  [0x430, 0x44f, 0.8], // Russian small letters
  [0x391, 0x3c9, 0.95], // Greek letters
  [0x5d0, 0x5ea, 0.85], // Hebrew letters
  [0xa0, 0x17f, 1.15], // Latin-1 and Latin Extended-A
  [0x370, 0x4ff, 1.15], // Greek and Cyrillic
  // CJK ideographs, kana, hangul and fullwidth forms: drawn on a 1 em square.
  [0x1100, 0x115f, 1.05],
  [0x2e80, 0x303e, 1.05],
  [0x3041, 0x33ff, 1.05],
  [0x3400, 0x4dbf, 1.05],
  [0x4e00, 0x9fff, 1.05],
  [0xa000, 0xa4cf, 1.05],
  [0xac00, 0xd7a3, 1.05],
  [0xf900, 0xfaff, 1.05],
  [0xfe30, 0xfe4f, 1.05],
  [0xff00, 0xff60, 1.05],
  [0xffe0, 0xffe6, 1.05],
  [0x20000, 0x3fffd, 1.05],
  // Wider still: per ten thousand, long dashes, Arabic phrase ligatures, cuneiform.
  [0x2031, 0x2031, 2],
  [0x2e3a, 0x2e3a, 2],
  [0x2e3b, 0x2e3b, 3],
  [0xfdfa, 0xfdfd, 5],
  [0x12000, 0x1254f, 3],
];

/** Marks, joiners and tags: they change the character before them and add no width. */
const Modifier = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** A character's width in em; one with accents counts as its letter (é as e, ё as е). */
function charEm(c: number): number {
  if (c < 0x80) return AsciiEm[c];
  const ch = String.fromCodePoint(c);
  const letter = ch.normalize("NFD").codePointAt(0)!;
  if (letter !== c) return charEm(letter);
  if (WideLetters.includes(ch)) return 1.15;
  for (const [from, to, em] of RangeEm) if (c >= from && c <= to) return em;
  return WideEm;
}

/**
 * A plain text's width in pixels at a font size, estimated on the wide side so
 * that text measured to fit does fit in any common font: each character counts
 * at its widest, a wide one (CJK, emoji, any script not measured) as wide, an
 * emoji sequence as all of its pictures side by side. A mark counts nothing after a
 * character and as wide on its own; an emoji presentation selector widens the
 * character before it to emoji width.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  let last = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const w = em === 0 ? charEm(c) : c === 0xfe0f ? Math.max(WideEm - last, 0) : Modifier.test(ch) ? 0 : charEm(c);
    em += w;
    if (w) last = w;
  }
  return em * size;
}

/**
 * A text as plain text, shortened with an ellipsis (never inside a character)
 * to fit `room` pixels at a font size by textWidth; empty when not even one
 * character fits.
 */
export function fitText(text: string, room: number, size: number): string {
  const clean = plainText(text);
  if (textWidth(clean, size) <= room) return clean;
  // Each character but a mark or joiner takes at least the narrowest ASCII width, so more are not worth trying.
  for (let keep = Math.floor(room / (AsciiEm[0x20] * size)) + 1; keep > 1; keep--) {
    const cut = shorten(clean, keep);
    if (textWidth(cut, size) <= room) return cut;
  }
  return "";
}

export function frame(width: number, height: number, label: string, style: string, body: string): string {
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
  const x = (i: number) =>
    pad + (values.length === 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (values.length - 1));
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

/** Where a progress bar's label is drawn: from x to the picture's edge, less a margin. */
export const ProgressBarLabel = {x: 106, room: 92, sizes: [11, 10, 9]};

/**
 * A progress bar in the key result's grade color, with the expected-pace marker
 * when given. The percentage and label never run past the picture: a label too
 * wide at 11 px is drawn smaller, down to 9 px, and then cut with an ellipsis.
 */
export function progressBarSvg(progress: Maybe<number>, label?: Maybe<string>, expected?: Maybe<number>): string {
  const p = score("Progress", progress);
  const {width, height} = ProgressBarSize;
  const bar = 100;
  const fill = Math.min(1, p) * bar;
  let body = `<rect class="t" x="0" y="5" width="${bar}" height="10" rx="5"/>`;
  if (fill > 0) {
    body += `<rect x="0" y="5" width="${r1(fill)}" height="10" rx="5" fill="${Colors[keyResultGrade(p)]}"/>`;
  }
  const e = isBlank(expected) ? undefined : fraction("Expected", expected);
  if (e !== undefined) body += `<rect class="m" x="${r1(Math.min(bar - 2, e * bar))}" y="1" width="2" height="18"/>`;
  const name = isBlank(label) ? "" : shorten(String(label), 60);
  const percent = `${Math.round(p * 100)}%`;
  const {x, room, sizes} = ProgressBarLabel;
  let text = name ? `${percent} ${name}` : percent;
  const size = sizes.find(s => textWidth(text, s) <= room) ?? sizes[sizes.length - 1];
  if (textWidth(text, size) > room) {
    text = `${percent} ${fitText(name, room - textWidth(`${percent} `, size), size)}`.trimEnd();
  }
  body += `<text class="x" x="${x}" y="${r1(10 + size * 0.35)}">${escapeXml(text)}</text>`;
  const style =
    `.t{fill:${Colors.track}}.m{fill:${Colors.ink}}.x{font:${size}px sans-serif;fill:${Colors.ink}}` +
    `#${DarkModeId}:target .t{fill:${Colors.trackDark}}#${DarkModeId}:target .m,#${DarkModeId}:target .x{fill:${Colors.inkDark}}`;
  const aria = `${name ? `${name}: ` : ""}${percent} done${e === undefined ? "" : `, ${Math.round(e * 100)}% expected`}`;
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

export const ProgressHistorySize = {width: 240, height: 124};
/** A long history is drawn as this many confidence marks, each the lowest confidence of its stretch. */
export const ConfidenceMarks = 24;

/** Where the parts of a progress history are drawn: the title, the plot between its two lines, the dates, the legend's rows. */
export const ProgressHistoryLayout = {
  pad: 4,
  title: 12,
  top: 20,
  bottom: 76,
  dates: 87,
  legend: [99, 110, 121],
  titleSize: 11,
  textSize: 9,
};

const Inks = {
  style:
    `.l{fill:none;stroke:${Colors.ink};stroke-width:1.5;stroke-linejoin:round}.p{fill:none;stroke:${Colors.ink};stroke-width:1;stroke-dasharray:3 2;opacity:.6}` +
    `.t{fill:none;stroke:${Colors.track};stroke-width:1}.x,.h{fill:${Colors.ink}}.x{font:9px sans-serif}.h{font:11px sans-serif}` +
    `.cg,.cy,.cr,.cn{fill:none;stroke-width:5;stroke-linecap:round}.cg{stroke:${Colors.Green}}.cy{stroke:${Colors.Yellow}}.cr{stroke:${Colors.Red}}.cn{stroke:#9ca3af}`,
  dark:
    `#${DarkModeId}:target .l,#${DarkModeId}:target .p{stroke:${Colors.inkDark}}#${DarkModeId}:target .t{stroke:${Colors.trackDark}}` +
    `#${DarkModeId}:target .x,#${DarkModeId}:target .h{fill:${Colors.inkDark}}`,
};

const Marks: Record<Grade, string> = {Green: "cg", Yellow: "cy", Red: "cr"};
/** The legend's words for each confidence mark. */
const MarkWords: Record<string, string> = {cg: "70%+", cy: "40%+", cr: "under 40%", cn: "none"};

const Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A day as a reader says it: 1 Oct 2026. */
function readableDay(d: Day): string {
  return `${d.getUTCDate()} ${Months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * A key result's progress over its check-ins, against the pace line from start
 * (0) at the cycle's start to target (100%) at its end, with each check-in's
 * confidence marked in its band's color (Green from 0.7, Yellow from 0.4, else
 * Red; grey when not given). A long history keeps each stretch's lowest and
 * highest progress and its lowest confidence. The picture explains itself: the
 * key result's name as its title, the target on its line, the first and last
 * days under the time axis, and a legend for the dots and the pace line. A name
 * is cut shorter, or left out, if the picture would pass its size budget.
 */
export function progressHistorySvg(h: ProgressHistory): string {
  const {width, height} = ProgressHistorySize;
  const {pad, title: titleRow, top: plotTop, bottom, dates, legend, titleSize, textSize} = ProgressHistoryLayout;
  const pts = h.points;
  const first = Math.min(h.cycleStart.getTime(), pts.length ? pts[0].date.getTime() : Infinity);
  const last = Math.max(h.cycleEnd.getTime(), pts.length ? pts[pts.length - 1].date.getTime() : -Infinity);
  let top = 1;
  for (const p of pts) if (p.progress > top) top = p.progress;
  const x = (t: number) => pad + ((t - first) * (width - 2 * pad)) / (last - first);
  const y = (p: number) => bottom - (p * (bottom - plotTop)) / top;
  const text = (cls: string, tx: number, ty: number, words: string, anchor = "") =>
    `<text class="${cls}" x="${r1(tx)}" y="${r1(ty)}"${anchor ? ` text-anchor="${anchor}"` : ""}>${escapeXml(words)}</text>`;
  const [dotsRow, marksRow, paceRow] = legend;
  let body = `<path class="t" d="M${pad} ${r1(y(1))}H${width - pad}M${pad} ${r1(y(0))}H${width - pad}"/>`;
  // The pace line, and its sample in the legend.
  body += `<path class="p" d="M${r1(x(h.cycleStart.getTime()))} ${r1(y(0))}L${r1(x(h.cycleEnd.getTime()))} ${r1(y(1))}M${pad} ${paceRow - 3}h14"/>`;
  body += text("x", pad + 2, y(1) + textSize + 1, `Target ${show(h.target)}`);
  body +=
    text("x", pad, dates, readableDay(new Date(first))) +
    text("x", width - pad, dates, readableDay(new Date(last)), "end");
  body += text("x", pad + 18, paceRow, "Pace: start to target over the cycle");
  if (!pts.length) body += text("x", pad, dotsRow, "No check-ins yet");
  else {
    const line = plotted(
      pts.map((p, i) => ({i, v: p.progress})),
      {i: pts.length - 1, v: pts[pts.length - 1].progress},
    );
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
    // The legend: what a dot is, then each color in use (grey only when some confidence is missing).
    const per = pts.length / stretches;
    const counted = `Dots: lowest confidence in ${Number.isInteger(per) ? "" : "~"}${Math.round(per)} check-ins`;
    const dots =
      stretches === pts.length
        ? "Dots: check-ins, colored by confidence"
        : textWidth(counted, textSize) <= width - 2 * pad
          ? counted
          : "Dots: lowest confidence in each stretch";
    body += text("x", pad, dotsRow, dots);
    let at = pad + 3;
    for (const cls of Object.keys(marks)) {
      if (cls === "cn" && !marks.cn) continue;
      marks[cls] += `M${r1(at)} ${marksRow - 3}h0`;
      body += text("x", at + 6, marksRow, MarkWords[cls]);
      at += 6 + textWidth(MarkWords[cls], textSize) + 10;
    }
    for (const [cls, d] of Object.entries(marks)) if (d) body += `<path class="${cls}" d="${d}"/>`;
  }
  const lastPoint = pts[pts.length - 1];
  const about = lastPoint
    ? `progress ${Math.round(lastPoint.progress * 100)}% at the last of ${pts.length} check-ins, against the pace line to target ${show(h.target)}`
    : `no check-ins yet: the pace line alone, to target ${show(h.target)}`;
  let svg = "";
  for (const chars of [60, 24, 8, 0]) {
    const name = chars ? shorten(h.name, chars) : "";
    const title = fitText(name, width - 2 * pad, titleSize);
    const aria = name ? `${name}: ${about}` : about[0].toUpperCase() + about.slice(1);
    svg = frame(width, height, aria, Inks.style + Inks.dark, (title ? text("h", pad, titleRow, title) : "") + body);
    if (utf8Bytes(svg) <= MaxSvgBytes) break;
  }
  return svg;
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
    for (let w = 0; w < row.length;) {
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
    const names = card.metrics
      .map((m, r) =>
        chars
          ? `<text class="x" x="0" y="${r1(top + r * ch + ch / 2 + 2)}">${escapeXml(shorten(m, chars, chars + 4))}</text>`
          : "",
      )
      .join("");
    svg = frame(width, height, aria, style, names + grid + `<text class="x" x="0" y="${height - 3}">${footer}</text>`);
    if (utf8Bytes(svg) <= MaxSvgBytes) break;
  }
  return svg;
}
