import type * as coda from "@codahq/packs-sdk";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {SaxesParser} from "saxes";
import type {TableRecord} from "../emulator/model";
import type {SampleEmulator} from "../emulator/sample";
import {Tokens} from "../emulator/sample";
import {docsMapSvg, GuidePath, MapPath, renderGuide} from "../scripts/diagram";
import type {StarterTable} from "../scripts/starter";
import {starterTables} from "../scripts/starter";
import {pack} from "../src/pack";
import type {TableCheck} from "../src/sync/setup";
import {Statuses} from "../src/sync/setup";
import {OneDoc, tablesOf} from "../src/sync/tables";
import {actionContext, runSync, useEmulator} from "./support/emulator";

/**
 * The facilitator's guide, checked: its picture and lists are what the registry
 * makes now, and its "start with one doc" path, run against the emulator, gives
 * a doc whose sync tables show the sample organization.
 */

describe("the facilitator's guide", function () {
  it("shows the picture and the lists npm run diagram makes from the registry now", function () {
    assert.equal(readFileSync(MapPath, "utf8"), docsMapSvg(), "run npm run diagram");
    const guide = readFileSync(GuidePath, "utf8");
    assert.equal(guide, renderGuide(guide), "run npm run diagram");
    assert.include(guide, "![The docs of a leadership OS");
    assert.include(guide, "(pictures/docs-map.svg)");
    for (const entry of tablesOf(OneDoc)) assert.include(guide, `| **${entry.name}** |`);
  });

  it("draws a well-formed picture with every doc and sync table in it", function () {
    const svg = docsMapSvg();
    const parser = new SaxesParser();
    const texts: string[] = [];
    parser.on("text", t => texts.push(t));
    parser.write(svg).close();
    const words = texts.join(" ");
    for (const name of [
      "Strategy doc",
      "Team docs",
      "Leadership doc",
      "Leadership meeting doc",
      "Metrics doc",
      "KeyResults",
      "MeetingAgenda",
      "Priority Rankings",
    ]) {
      assert.include(words, name);
    }
    assert.isBelow(svg.length, 12_000);
  });

  it("is linked from the top of the README, which lists the Rankings table", function () {
    const readme = readFileSync("README.md", "utf8");
    assert.include(readme.split("\n").slice(0, 6).join("\n"), "(docs/guide.md)");
    assert.match(readme, /\| Priority Rankings \| Leader \(a person\), Ranking/);
  });
});

describe("a fresh clone", function () {
  it("needs nothing beside it: no test, script or config reads a sibling shared folder", function () {
    const sibling = ["..", "shared"].join("/");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|js|json)$/.test(name) ? [path] : [];
      });
    const project = [
      ...["src", "formulas", "schemas", "emulator", "sample", "scripts", "test"].flatMap(files),
      "eslint.config.mjs",
      "tsconfig.json",
      "package.json",
      ".mocharc.json",
    ];
    assert.isAbove(project.length, 50);
    assert.deepEqual(
      project.filter(f => readFileSync(f, "utf8").includes(sibling)),
      [],
    );
  });
});

/** Coda's CSV import, as the emulator takes it: the table made with every column text, as the import leaves it, then the rows added. */
async function importCsv(
  env: SampleEmulator,
  docId: string,
  starter: StarterTable,
  made: Map<string, TableRecord>,
): Promise<void> {
  const doc = env.emulator.doc(docId)!;
  const id = `grid-import${doc.tables.length}`;
  const table: TableRecord = {
    id,
    name: starter.entry.name,
    tableType: "table",
    pageId: `canvas-${id}`,
    pageName: starter.entry.doc,
    columns: starter.entry.columns.map((c, i) => ({id: `c-${id}-${i}`, name: c.name, type: "text", display: i === 0})),
    rows: [],
    createdAt: "2026-11-20T09:00:00.000Z",
    updatedAt: "2026-11-20T09:00:00.000Z",
  };
  doc.tables.push(table);
  made.set(starter.entry.key, table);
  if (!starter.rows.length) return;
  const rows = starter.rows.map(r => ({cells: r.map((value, i) => ({column: starter.header[i], value}))}));
  const response = await fetch(`${env.baseUrl}/apis/v1/docs/${docId}/tables/${encodeURIComponent(table.name)}/rows`, {
    method: "POST",
    headers: {Authorization: `Bearer ${Tokens.leader}`, "Content-Type": "application/json"},
    body: JSON.stringify({rows}),
  });
  assert.equal(response.status, 202, await response.text());
}

describe("the guide's one-doc path, run against the emulator", function () {
  this.timeout(60_000);
  // The second test syncs the tables the first one imports: one emulator, not reset between them.
  const env = useEmulator({validate: true}, {keep: true});
  let doc: string;

  before(function () {
    doc = env.seeded.leadershipDocId;
    env.emulator.doc(doc)!.tables.length = 0; // A new, empty doc.
  });

  after(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  /** SetupCheck's rows after its first, which says the tier. */
  const setupCheck = async () =>
    (
      (await executeFormulaFromPackDef(
        pack,
        "SetupCheck",
        [OneDoc, doc] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
        {useDeprecatedResultNormalization: false},
      )) as TableCheck[]
    ).slice(1);

  it("finds an empty doc missing every table, then every table once the starter files are imported", async function () {
    const before = await setupCheck();
    assert.deepEqual([...new Set(before.map(r => r.Status))].sort(), [Statuses.missing, Statuses.optional].sort());
    const made = new Map<string, TableRecord>();
    for (const starter of starterTables()) await importCsv(env, doc, starter, made);
    const after = await setupCheck();
    for (const r of after) assert.deepInclude(r, {Status: Statuses.found, Ok: true, Problems: []}, r.Table);
    assert.lengthOf(after, tablesOf(OneDoc).length);
  });

  it("syncs the sample organization's rows with every parameter pointing at the one doc", async function () {
    const starters = new Map(starterTables().map(s => [s.entry.key, s]));
    const names = (key: string) => starters.get(key)!.rows.map(r => r[0]);
    const asOf = new Date("2026-11-18T12:00:00Z");

    const imperatives = await runSync(env, pack, "StrategicImperatives", [doc]);
    assert.sameMembers(
      imperatives.rows.map(r => r.Name),
      names("imperatives"),
    );
    const goals = await runSync(env, pack, "AnnualGoals", [doc]);
    assert.sameMembers(
      goals.rows.map(r => r.Name),
      names("goals"),
    );
    for (const g of goals.rows) assert.isDefined(g.Imperative?.Id, `${g.Name} links its imperative`);

    const okr = [[doc], undefined, undefined, undefined, undefined, undefined, asOf];
    const objectives = await runSync(env, pack, "Objectives", okr);
    assert.sameMembers(
      objectives.rows.map(r => r.Name),
      names("objectives"),
    );
    for (const o of objectives.rows) {
      assert.isEmpty(o.Alignment ?? "", `${o.Name} supports its goals`);
      assert.includeMembers(
        goals.rows.map(g => g.Id),
        o.Goals.map((g: {Id: string}) => g.Id),
      );
    }
    const keyResults = await runSync(env, pack, "KeyResults", okr);
    assert.sameMembers(
      keyResults.rows.map(r => r.Name),
      names("keyResults"),
    );
    for (const k of keyResults.rows) {
      assert.isEmpty(k.Problems ?? "", k.Name);
      assert.include(
        objectives.rows.map(o => o.Id),
        k.Objective.Id,
      );
    }
    const checkIns = await runSync(env, pack, "CheckIns", [[doc]]);
    assert.lengthOf(checkIns.rows, starters.get("checkIns")!.rows.length);

    const metrics = await runSync(env, pack, "HealthMetrics", [doc, undefined, undefined, undefined, asOf]);
    assert.sameMembers(
      metrics.rows.map(r => r.Name),
      names("metrics"),
    );
    for (const [table, key] of [
      ["Issues", "issues"],
      ["Decisions", "decisions"],
      ["ActionItems", "actions"],
    ] as const) {
      const run = await runSync(env, pack, table, [doc, undefined, undefined, asOf]);
      assert.sameMembers(
        run.rows.map(r => r.Name),
        names(key),
        table,
      );
    }
    const backBriefs = await runSync(env, pack, "BackBriefs", [doc, undefined, undefined, asOf]);
    assert.lengthOf(backBriefs.rows, starters.get("backBriefs")!.rows.length);

    const agenda = await runSync(env, pack, "MeetingAgenda", [doc, new Date("2026-11-24T12:00:00Z"), 90, [doc], doc]);
    assert.equal(
      agenda.rows.reduce((sum, r) => sum + r.Minutes, 0),
      90,
      "the time boxes add up to the meeting",
    );
    assert.isTrue(
      agenda.rows.some(r => names("issues").some(issue => String(r.Name).includes(issue))),
      "the top issues are on the agenda",
    );
  });
});
