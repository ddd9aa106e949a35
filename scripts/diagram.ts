import {readFileSync, writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {escapeXml} from "../src/engine/svg";
import {columnList} from "../src/sync/setup";
import type {DocKind} from "../src/sync/tables";
import {DocKinds, KindLabel, SyncPlacements, Tables} from "../src/sync/tables";
import {starterPath, TierList, Tiers, tierDocs, tierImports, tierSyncs} from "../src/sync/tiers";
import {stepCounts} from "./starter";

/**
 * npm run diagram: draws docs/pictures/docs-map.svg (the docs an organization
 * keeps and the sync tables between them) and writes the guide's table and
 * sync lists, all from the table registry, so neither can drift from what the
 * pack reads. test/guide_test.ts checks both are what this script makes now.
 */

export const MapPath = "docs/pictures/docs-map.svg";
export const GuidePath = "docs/guide.md";

const Title: Record<DocKind, string> = {
  Strategy: "Strategy doc",
  Team: "Team docs (one per team)",
  Leadership: "Leadership doc",
  Meeting: "Leadership meeting doc",
  Metrics: "Metrics doc (CEO dashboard)",
};

interface Box {
  kind: DocKind;
  x: number;
  y: number;
  w: number;
  h: number;
  tables: string[];
  syncs: string[];
}

const Line = 15;
const Head = 36;
const Width = 260;
const Columns = {left: 20, right: 640};

function box(kind: DocKind, x: number, y: number): Box {
  const tables = Tables.filter(t => t.doc === kind && !t.syncedFrom).map(t => t.name);
  const syncs = SyncPlacements.filter(p => p.placeIn.includes(kind)).map(p => p.syncTable);
  return {kind, x, y, w: Width, h: Head + Line * (tables.length + syncs.length) + 8, tables, syncs};
}

function layout(): Box[] {
  const boxes: Box[] = [];
  let y = 20;
  for (const kind of ["Strategy", "Team", "Metrics"] as const) {
    const b = box(kind, Columns.left, y);
    boxes.push(b);
    y = b.y + b.h + 70;
  }
  y = 20;
  for (const kind of ["Leadership", "Meeting"] as const) {
    const b = box(kind, Columns.right, y);
    boxes.push(b);
    y = b.y + b.h + 60;
  }
  return boxes;
}

/** The sync tables that carry rows from one doc to another, one edge per pair of docs. */
function edges(): Array<{from: DocKind; to: DocKind; names: string[]}> {
  const out: Array<{from: DocKind; to: DocKind; names: string[]}> = [];
  for (const p of SyncPlacements) {
    for (const from of p.reads) {
      for (const to of p.placeIn) {
        if (from === to) continue;
        const edge = out.find(e => e.from === from && e.to === to);
        if (edge) edge.names.push(p.syncTable);
        else out.push({from, to, names: [p.syncTable]});
      }
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

function drawBox(b: Box): string {
  const parts: string[] = [];
  if (b.kind === "Team") {
    for (const d of [8, 4]) {
      parts.push(`<rect x="${b.x + d}" y="${b.y - d}" width="${b.w}" height="${b.h}" rx="8" class="doc shadow"/>`);
    }
  }
  parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="8" class="doc"/>`);
  parts.push(`<text x="${b.x + 12}" y="${b.y + 22}" class="title">${escapeXml(Title[b.kind])}</text>`);
  let y = b.y + Head + 8;
  for (const t of b.tables) {
    parts.push(`<text x="${b.x + 12}" y="${y}" class="table">${escapeXml(t)}</text>`);
    y += Line;
  }
  for (const s of b.syncs) {
    parts.push(`<text x="${b.x + 12}" y="${y}" class="sync">⟳ ${escapeXml(s)} (sync table)</text>`);
    y += Line;
  }
  return parts.join("\n  ");
}

/** The map of docs as an SVG: each doc with its tables and sync tables, an arrow per pair of docs a sync links. */
export function docsMapSvg(): string {
  const boxes = layout();
  const at = (kind: DocKind) => boxes.find(b => b.kind === kind)!;
  const height = Math.max(...boxes.map(b => b.y + b.h)) + 40;
  const width = Columns.right + Width + 20;
  const all = edges();
  const cross = all.filter(e => at(e.from).x !== at(e.to).x);
  const port = (b: Box, list: typeof cross, e: (typeof cross)[number]) =>
    b.y + (b.h * (list.indexOf(e) + 1)) / (list.length + 1);
  const lines: string[] = [];
  for (const e of all) {
    const a = at(e.from);
    const b = at(e.to);
    const label = e.names.join(", ");
    if (a.x === b.x) {
      const x = a.x + a.w / 2;
      lines.push(
        `<line x1="${x}" y1="${a.y + a.h}" x2="${x}" y2="${b.y - 12}" class="edge" marker-end="url(#arrow)"/>`,
      );
      lines.push(labelAt(x + 8, (a.y + a.h + b.y - 8) / 2, label));
      continue;
    }
    const outgoing = cross.filter(c => c.from === e.from).sort((p, q) => at(p.to).y - at(q.to).y);
    const incoming = cross.filter(c => c.to === e.to).sort((p, q) => at(p.from).y - at(q.from).y);
    const x1 = a.x + a.w;
    const y1 = port(a, outgoing, e);
    const x2 = b.x - 2;
    const y2 = port(b, incoming, e);
    lines.push(
      `<line x1="${x1}" y1="${round(y1)}" x2="${x2}" y2="${round(y2)}" class="edge" marker-end="url(#arrow)"/>`,
    );
    const t = 0.22;
    lines.push(labelAt(x1 + t * (x2 - x1), y1 + t * (y2 - y1), label));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t">
  <title id="t">The docs of a leadership OS and the sync tables between them</title>
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6b7f"/></marker>
    <style>
      .bg { fill: #ffffff; }
      .doc { fill: #f4f7fb; stroke: #5b6b7f; stroke-width: 1.5; }
      .shadow { fill: #e6ecf3; }
      .title { font: bold 14px sans-serif; fill: #1d2733; }
      .table { font: 12px sans-serif; fill: #1d2733; }
      .sync { font: italic 12px sans-serif; fill: #2f6db5; }
      .edge { stroke: #5b6b7f; stroke-width: 1.5; }
      .label { font: 11px sans-serif; fill: #2f6db5; }
      .label-bg { fill: #ffffff; opacity: 0.9; }
      .note { font: 11px sans-serif; fill: #5b6b7f; }
    </style>
  </defs>
  <rect width="${width}" height="${height}" class="bg"/>
  ${boxes.map(drawBox).join("\n  ")}
  ${lines.join("\n  ")}
  <text x="20" y="${height - 14}" class="note">Plain names are tables you create; ⟳ marks a sync table you add, and each arrow the sync tables that read one doc into another.</text>
</svg>
`;
}

function labelAt(x: number, y: number, text: string): string {
  const w = text.length * 6.1 + 8;
  return `<rect x="${round(x - 2)}" y="${round(y - 11)}" width="${round(w)}" height="15" class="label-bg"/><text x="${round(x + 2)}" y="${round(y)}" class="label">${escapeXml(text)}</text>`;
}

// ---------------------------------------------------------------- the guide's lists

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

/** The tables to create in each doc, with their exact columns, from the registry. */
export function tablesSection(): string {
  const out: string[] = [];
  for (const kind of DocKinds) {
    const entries = Tables.filter(t => t.doc === kind);
    if (!entries.length) continue;
    out.push(
      `#### ${Title[kind]}`,
      "",
      "| Table | Columns, in order (column type) | Needed? | Read by | Starter file |",
      "|---|---|---|---|---|",
    );
    for (const e of entries) {
      const table = e.syncedFrom ? `${e.name} (the ${e.syncedFrom} sync table)` : `**${e.name}**`;
      const needed = e.optional ? "optional" : "yes";
      const file = e.syncedFrom ? "none: add the sync table" : `\`${starterPath(e)}\``;
      out.push(`| ${table} | ${escapeCell(columnList(e))} | ${needed} | ${e.readBy.join(", ")} | ${file} |`);
    }
    out.push("");
  }
  out.push(`Column types: ${Object.values(KindLabel).join(", ")}. A select list may be plain text.`);
  return out.join("\n");
}

/** Where each sync table goes and what it reads, from the registry. */
export function syncsSection(): string {
  const out = ["| Sync table | Add it to | It reads | Parameters |", "|---|---|---|---|"];
  for (const p of SyncPlacements) {
    out.push(
      `| \`${p.syncTable}\` | ${p.placeIn.map(k => Title[k]).join("; ")} | ${p.reads.map(k => Title[k]).join("; ") || "nothing: it needs no doc"} | ${escapeCell(p.parameters)} |`,
    );
  }
  return out.join("\n");
}

/** The manual steps of each tier against the guide before the tiers, counted from the registry. */
export function stepsSection(): string {
  const {tiers, before} = stepCounts();
  const row = (label: string, s: Omit<(typeof tiers)[number], "tier">) =>
    `| ${label} | ${s.pack} | ${s.docs} | ${s.imports} | ${s.renames} | ${s.retypes} | ${s.syncTables} | ${s.parameters} | **${s.steps}** | ${s.perTeam} |`;
  return [
    "| Tier | Install and sign in | Docs to create | Files to import | Tables to rename | Columns to retype | Sync tables to add | Parameters to type | Steps | Each further team |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...tiers.map(t => row(`${t.tier}. ${Tiers[t.tier].name} (${Tiers[t.tier].when})`, t)),
    row("Everything at once, as before the tiers", before),
  ].join("\n");
}

/** For each tier: the docs to create, the files to import into each, and the sync tables to add. */
export function tierSection(): string {
  const out: string[] = [];
  for (const tier of TierList.filter(t => t > 1)) {
    const imports = tierImports(tier);
    const docs = tierDocs(tier);
    out.push(`#### Tier ${tier}: ${Tiers[tier].name} (${Tiers[tier].when})`, "", `It gives ${Tiers[tier].gives}.`, "");
    if (docs.length) out.push(`Create: ${docs.join(", ")}.`, "");
    out.push("| Import into | File | What it adds |", "|---|---|---|");
    for (const e of imports) {
      out.push(`| ${starterPath(e).split("/")[1]} | \`${starterPath(e)}\` | ${escapeCell(e.shows)} |`);
    }
    out.push("", "| Add the sync table | In | Parameters |", "|---|---|---|");
    for (const {placement, doc} of tierSyncs(tier)) {
      out.push(`| \`${placement.syncTable}\` | ${doc} | ${escapeCell(placement.parameters)} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

/** The guide with its generated sections written afresh. */
export function renderGuide(text: string): string {
  const sections: Record<string, string> = {
    tables: tablesSection(),
    syncs: syncsSection(),
    steps: stepsSection(),
    tiers: tierSection(),
  };
  return text.replace(
    /(<!-- generated:(\w+) -->)[\s\S]*?(<!-- \/generated:\2 -->)/g,
    (whole, open: string, name: string, close: string) =>
      name in sections ? `${open}\n${sections[name]}\n${close}` : whole,
  );
}

if (require.main === module) {
  writeFileSync(resolve(MapPath), docsMapSvg());
  const guide = resolve(GuidePath);
  writeFileSync(guide, renderGuide(readFileSync(guide, "utf8")));
  console.log(`Wrote ${MapPath} and the generated lists in ${GuidePath}.`);
}
