import {normalize} from "./columns";
import type {Maybe} from "./contract";
import {isBlank, list, quote, shorten, show} from "./contract";
import {matchWords, nearestByWords, own, SuggestedSpellings} from "./interviews";
import {said} from "./names";
import {Colors, DarkModeId, escapeXml, fitText, frame, MaxSvgBytes, r1, utf8Bytes} from "./svg";

/**
 * The constraint heatmap by function (executive sessions 1 and 2): each
 * constraint has a function, a kind and a severity; the grid gives, for each
 * function and kind, how many constraints there are and the worst severity,
 * drawn as a heatmap and said in words, the worst cells first.
 *
 * Severity runs from 1 (minimal) to 5 (critical); words read as Minimal 1,
 * Low 2, Medium 3, High 4, Critical 5.
 */

export const ConstraintKinds = ["Regulatory", "Legal", "Talent", "Platform", "Budget", "Change capacity"] as const;
export type ConstraintKind = (typeof ConstraintKinds)[number];

const [Regulatory, Legal, Talent, Platform, Budget, Change] = ConstraintKinds;

const KindWords: Record<string, ConstraintKind> = {
  regulatory: Regulatory,
  regulation: Regulatory,
  regulator: Regulatory,
  regulated: Regulatory,
  reg: Regulatory,
  compliance: Regulatory,
  compliant: Regulatory,
  audit: Regulatory,
  gdpr: Regulatory,
  sox: Regulatory,
  hipaa: Regulatory,
  pci: Regulatory,
  legal: Legal,
  law: Legal,
  contract: Legal,
  contractual: Legal,
  litigation: Legal,
  licensing: Legal,
  license: Legal,
  liability: Legal,
  ip: Legal,
  talent: Talent,
  people: Talent,
  hiring: Talent,
  hire: Talent,
  skill: Talent,
  staffing: Talent,
  headcount: Talent,
  recruiting: Talent,
  retention: Talent,
  attrition: Talent,
  platform: Platform,
  technology: Platform,
  technical: Platform,
  tech: Platform,
  infrastructure: Platform,
  infra: Platform,
  system: Platform,
  legacy: Platform,
  architecture: Platform,
  tooling: Platform,
  tool: Platform,
  debt: Platform,
  budget: Budget,
  funding: Budget,
  fund: Budget,
  money: Budget,
  cost: Budget,
  spend: Budget,
  capex: Budget,
  opex: Budget,
  financial: Budget,
  finance: Budget,
  cash: Budget,
  change: Change,
  bandwidth: Change,
  fatigue: Change,
  adoption: Change,
};

/** Words that name a kind only when no word above names another: "Platform capacity" is Platform. */
const WeakKindWords: Record<string, ConstraintKind> = {capacity: Change, changecapacity: Change};

/**
 * The kind of constraint a text names, case, spacing, punctuation and plurals
 * aside ("regulation", "Compliance", "tech debt", "Hiring", "Funding", "change
 * fatigue"), or undefined when it names none or several.
 */
export function parseConstraintKind(text: Maybe<string>): ConstraintKind | undefined {
  const key = normalize(text ?? "");
  if (!key) return undefined;
  return (
    ((ConstraintKinds as readonly string[]).find(k => normalize(k) === key) as ConstraintKind | undefined) ??
    matchWords(text!, [KindWords, WeakKindWords])
  );
}

export const Severity = {low: 1, high: 5} as const;

const SeverityWords: Record<string, number> = {
  minimal: 1,
  negligible: 1,
  trivial: 1,
  verylow: 1,
  low: 2,
  minor: 2,
  medium: 3,
  moderate: 3,
  med: 3,
  mid: 3,
  high: 4,
  major: 4,
  significant: 4,
  critical: 5,
  severe: 5,
  veryhigh: 5,
  blocker: 5,
  blocking: 5,
  extreme: 5,
};

const SeverityFix = "give 1 (minimal) to 5 (critical), or Low, Medium, High or Critical";

/**
 * A severity as a cell gives it: a whole number from 1 to 5, text that starts
 * with one ("4", "4/5", "Sev 2", "3 - Medium"), or a word (Minimal 1, Low 2,
 * Medium 3, High 4, Critical 5, and the like).
 */
export function readSeverity(value: Maybe<number | string>): {value?: number; problem?: string} {
  if (isBlank(value) || (typeof value === "string" && !value.trim())) return {problem: `No severity: ${SeverityFix}.`};
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= Severity.low && value <= Severity.high) return {value};
    return {problem: `Severity is ${show(value)}: ${SeverityFix}.`};
  }
  const text = String(value);
  // Full-width digits read as digits; "Sev 2", "Severity: 4" and "4.0" name a level too.
  const digit = /^\s*(?:sev(?:erity)?\s*[:=#-]?\s*)?([1-5])(?:\.0+)?(?![\d.,])/iu.exec(text.normalize("NFKC"));
  const found = digit ? Number(digit[1]) : (own(SeverityWords, normalize(text)) ?? matchWords(text, [SeverityWords]));
  return found === undefined ? {problem: `Severity ${quote(text)} does not read: ${SeverityFix}.`} : {value: found};
}

export interface ConstraintRow {
  function?: Maybe<string>;
  kind?: Maybe<string>;
  severity?: Maybe<number | string>;
  /** What the constraint is, in words. */
  constraint?: Maybe<string>;
}

export interface ConstraintCell {
  count: number;
  /** The worst severity among its constraints whose severity reads. */
  max?: number;
}

export interface ConstraintGrid {
  /** Functions in the order they first appear, as first written. */
  functions: string[];
  kinds: readonly ConstraintKind[];
  /** cells[f][k]: the function's constraints of that kind. */
  cells: ConstraintCell[][];
  /** One per row, in the order given. */
  rows: Array<{kind?: ConstraintKind; severity?: number; findings: string[]}>;
  /** Rows placed in the grid. */
  placed: number;
}

/**
 * The grid of functions × kinds. A row is placed when it has a function and a
 * kind that reads; a placed row whose severity does not read counts in its
 * cell but sets no severity. Findings say why a row is not placed or what does
 * not read, and suggest the kind a mistyped one meant.
 */
export function constraintGrid(rows: readonly ConstraintRow[]): ConstraintGrid {
  list("constraints", rows);
  const functions: string[] = [];
  const cells: ConstraintCell[][] = [];
  const at = new Map<string, number>();
  const kindsRead = new Map<string, {kind?: ConstraintKind; finding?: string}>();
  let placed = 0;
  const out = rows.map(r => {
    const findings: string[] = [];
    const name = r.function?.trim() ?? "";
    if (!name) findings.push("No function: say which function the constraint holds back.");
    let kind: ConstraintKind | undefined;
    if (!r.kind?.trim()) findings.push(`No kind: give one of ${ConstraintKinds.join(", ")}.`);
    else {
      let read = kindsRead.get(r.kind);
      if (!read) {
        read = {kind: parseConstraintKind(r.kind)};
        if (!read.kind) {
          const near =
            kindsRead.size < SuggestedSpellings
              ? nearestByWords(r.kind, [KindWords, WeakKindWords], ConstraintKinds)
              : undefined;
          read.finding = `Kind ${quote(r.kind)} is not one kind of constraint${near ? `; did you mean ${near}?` : `: give one of ${ConstraintKinds.join(", ")}.`}`;
        }
        kindsRead.set(r.kind, read);
      }
      kind = read.kind;
      if (read.finding) findings.push(read.finding);
    }
    const severity = readSeverity(r.severity);
    if (severity.problem) findings.push(severity.problem);
    if (name && kind) {
      const key = normalize(name) || name;
      let f = at.get(key);
      if (f === undefined) {
        f = functions.length;
        at.set(key, f);
        functions.push(name);
        cells.push(ConstraintKinds.map(() => ({count: 0})));
      }
      const cell = cells[f][ConstraintKinds.indexOf(kind)];
      cell.count++;
      if (severity.value !== undefined && (cell.max === undefined || severity.value > cell.max)) {
        cell.max = severity.value;
      }
      placed++;
    }
    return {kind, severity: severity.value, findings};
  });
  return {functions, kinds: ConstraintKinds, cells, rows: out, placed};
}

interface Place {
  f: number;
  k: number;
  cell: ConstraintCell;
}

/** Every cell with constraints, the worst first: by severity (unread last), then count, then the grid's order. */
function worstCells(grid: ConstraintGrid): Place[] {
  const out: Place[] = [];
  grid.cells.forEach((row, f) => row.forEach((cell, k) => cell.count && out.push({f, k, cell})));
  return out.sort(
    (a, b) => (b.cell.max ?? 0) - (a.cell.max ?? 0) || b.cell.count - a.cell.count || a.f - b.f || a.k - b.k,
  );
}

/** The most cells the words name before "and k more". */
export const WordsCells = 12;

/**
 * The heatmap in words, the worst cells first, such as "Finance × Regulatory:
 * severity 5 (2 constraints)", at most 12 cells and then how many more.
 */
export function constraintHeatmapWords(grid: ConstraintGrid): string {
  const cells = worstCells(grid);
  if (!cells.length) return "No constraints mapped yet.";
  const named = cells.slice(0, WordsCells).map(({f, k, cell}) => {
    const severity = cell.max === undefined ? "severity not given" : `severity ${cell.max}`;
    return `${said(grid.functions[f])} × ${grid.kinds[k]}: ${severity} (${cell.count} constraint${cell.count === 1 ? "" : "s"})`;
  });
  const more = cells.length - named.length;
  return `Worst first: ${named.join("; ")}${more ? `; and ${more} more cell${more === 1 ? "" : "s"}` : ""}.`;
}

// ---------------------------------------------------------------- the heatmap

/** At most this many functions are drawn; the rest are folded into "+k more". */
export const HeatmapRows = 10;

/** Where the heatmap's parts are: the function names' column, each kind's column, each row, and the texts' sizes. */
export const HeatmapLayout = {
  label: 150,
  cell: 56,
  row: 16,
  title: 12,
  header: 26,
  top: 30,
  titleSize: 11,
  textSize: 9,
  headerSize: 8,
} as const;

/** The kinds as the header gives them, short enough for their column. */
const KindHeads: Record<ConstraintKind, string> = {
  Regulatory: "Regulatory",
  Legal: "Legal",
  Talent: "Talent",
  Platform: "Platform",
  Budget: "Budget",
  "Change capacity": "Change",
};

/** From minimal (pale) to critical (deep red); unread severities are grey. The digits on s4 and s5 are white. */
const Heat = {s1: "#fef0c7", s2: "#fcd28d", s3: "#f9a45c", s4: "#e35d3a", s5: "#b42318", sn: "#c7cbd1"};
const Ink = {
  light: Colors.ink,
  dark: Colors.inkDark,
  track: Colors.track,
  trackDark: Colors.trackDark,
  digit: "#1f2937",
};

function heatStyle(): string {
  const {cell, row, textSize, titleSize, headerSize} = HeatmapLayout;
  const dm = `#${DarkModeId}:target`;
  return (
    `.t,.s1,.s2,.s3,.s4,.s5,.sn{fill:none;stroke-width:${row - 2}}.t{stroke:${Ink.track};stroke-dasharray:${cell - 2} 2}` +
    Object.entries(Heat)
      .map(([cls, color]) => `.${cls}{stroke:${color}}`)
      .join("") +
    `.x,.h,.k{fill:${Ink.light}}.x{font:${textSize}px sans-serif}.h{font:${titleSize}px sans-serif}.k{font:${headerSize}px sans-serif;text-anchor:middle}` +
    `.d,.w{font:700 ${textSize}px sans-serif;text-anchor:middle}.d{fill:${Ink.digit}}.w{fill:#fff}` +
    `${dm} .t{stroke:${Ink.trackDark}}${dm} .x,${dm} .h,${dm} .k{fill:${Ink.dark}}`
  );
}

/** The functions from the most severe to the least: by worst severity (unread above none), then count, then the grid's order. */
function severityOrder(grid: ConstraintGrid): number[] {
  const worst = grid.cells.map(row => row.reduce((m, c) => Math.max(m, c.max ?? (c.count ? 0.5 : 0)), 0));
  const total = grid.cells.map(row => row.reduce((n, c) => n + c.count, 0));
  return grid.functions.map((_, f) => f).sort((a, b) => worst[b] - worst[a] || total[b] - total[a] || a - b);
}

/**
 * The heatmap with at most `rows` functions (the most severe, drawn in the
 * grid's order) and names of at most `chars` characters.
 */
function heatmap(grid: ConstraintGrid, order: readonly number[], rows: number, chars: number): string {
  const {label, cell, row, title, header, top, textSize} = HeatmapLayout;
  const shown = order.slice(0, rows).sort((a, b) => a - b);
  const more = grid.functions.length - shown.length;
  const width = label + grid.kinds.length * cell;
  const height = top + Math.max(1, shown.length) * row + 14;
  const text = (cls: string, x: number, y: number, words: string) =>
    `<text class="${cls}" x="${r1(x)}" y="${r1(y)}">${escapeXml(words)}</text>`;
  let body = text("h", 0, title, "Constraints by function");
  grid.kinds.forEach((k, i) => {
    const head = fitText(KindHeads[k], cell - 4, HeatmapLayout.headerSize);
    if (head) body += text("k", label + i * cell + cell / 2, header, head);
  });
  const paths: Record<string, string> = {t: "", s1: "", s2: "", s3: "", s4: "", s5: "", sn: ""};
  const digits = {d: {x: [] as string[], y: [] as string[], s: ""}, w: {x: [] as string[], y: [] as string[], s: ""}};
  shown.forEach((f, r) => {
    const mid = top + r * row + row / 2;
    if (chars) {
      const name = fitText(shorten(grid.functions[f], chars, chars + 4), label - 6, textSize);
      if (name) body += text("x", 0, mid + 3, name);
    }
    paths.t += `M${label + 1} ${r1(mid)}h${grid.kinds.length * cell - 2}`;
    grid.cells[f].forEach((c, k) => {
      if (!c.count) return;
      const cls = c.max === undefined ? "sn" : `s${c.max}`;
      paths[cls] += `M${label + k * cell + 1} ${r1(mid)}h${cell - 2}`;
      const ink = c.max !== undefined && c.max >= 4 ? digits.w : digits.d;
      ink.x.push(r1(label + k * cell + cell / 2));
      ink.y.push(r1(mid + 3));
      ink.s += c.max === undefined ? "?" : String(c.max);
    });
  });
  for (const [cls, d] of Object.entries(paths)) if (d) body += `<path class="${cls}" d="${d}"/>`;
  for (const [cls, g] of Object.entries(digits)) {
    if (g.s) body += `<text class="${cls}" x="${g.x.join(" ")}" y="${g.y.join(" ")}">${g.s}</text>`;
  }
  if (!shown.length) body += text("x", 0, top + row / 2 + 3, "No constraints mapped yet");
  const footer = `Worst severity per cell, 1 minimal to 5 critical${more ? `; +${more} more function${more === 1 ? "" : "s"}` : ""}`;
  body += text("x", 0, height - 4, footer);
  const worst = order.length ? grid.cells[order[0]].reduce((m, c) => Math.max(m, c.max ?? 0), 0) : 0;
  const placed = grid.placed;
  const aria = `Constraint heatmap: ${placed} constraint${placed === 1 ? "" : "s"} across ${grid.functions.length} function${grid.functions.length === 1 ? "" : "s"}${worst ? `, worst severity ${worst}` : ""}`;
  return frame(width, height, aria, heatStyle(), body);
}

/** The tries, in order, until one fits the size budget: names shorter, then fewer rows. */
const Tries: ReadonlyArray<[number, number]> = [
  [HeatmapRows, 24],
  [HeatmapRows, 14],
  [HeatmapRows, 8],
  [8, 8],
  [6, 6],
  [4, 0],
];

/**
 * The grid as a heatmap: one row per function (at most 10; the rest, the
 * least severe, are folded into "+k more"), one column per kind, each cell in
 * the color of its worst severity with the severity written in it (? when no
 * severity reads), for light and dark mode, with a title. Names are measured
 * and cut to fit their column, and cut shorter, or rows folded, if the picture
 * would pass its size budget, so it stays under 4 KB as a data URL whatever
 * the names. Returns the SVG text.
 */
export function constraintHeatmapSvg(grid: ConstraintGrid): string {
  const order = severityOrder(grid);
  let svg = "";
  for (const [rows, chars] of Tries) {
    svg = heatmap(grid, order, rows, chars);
    if (utf8Bytes(svg) <= MaxSvgBytes) break;
  }
  return svg;
}
