import type * as coda from "@codahq/packs-sdk";
import {Type} from "@codahq/packs-sdk";
import {spawnSync} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import type {SampleEmulator} from "../emulator/sample";
import {stepCounts, writeStarter} from "../scripts/starter";
import {okrCycle} from "../src/engine/cycle";
import {pack} from "../src/pack";
import {NextStepKind} from "../src/sync/agenda_rows";
import type {TableCheck} from "../src/sync/setup";
import {Statuses, TierRow} from "../src/sync/setup";
import type {DocKind, Tier} from "../src/sync/tables";
import {SyncPlacements, Tables} from "../src/sync/tables";
import {TierList, tierSyncs} from "../src/sync/tiers";
import {actionContext, runSync, useEmulator} from "./support/emulator";

/**
 * The guide's path, replayed tier by tier: the starter files of each tier (and
 * the tiers below) served as docs with every column text, as Coda's CSV import
 * leaves them; SetupCheck says the tier is ready, and every sync table of the
 * tier reads the rows without a complaint about a column's type.
 */

const MeetingDay = new Date("2026-11-18T12:00:00Z");
const Docs = {leadership: "Leadership doc", strategy: "Strategy doc", team: "Team doc"} as const;

/** What a column read as it should never says about a starter row. */
const TypeComplaint =
  /holds text|not a date|not a number|typed as text|is a text column|make it (Number|Date|Percent|People)/;

/** The starter files of this tier and those below, one folder per doc, as a facilitator would have imported them. */
function servedTiers(starter: string, upTo: Tier): string {
  const dir = mkdtempSync(join(tmpdir(), `tier-${upTo}-`));
  for (const tier of TierList.filter(t => t <= upTo)) {
    for (const doc of readdirSync(join(starter, `tier-${tier}`))) {
      mkdirSync(join(dir, doc), {recursive: true});
      cpSync(join(starter, `tier-${tier}`, doc), join(dir, doc), {recursive: true});
    }
  }
  return dir;
}

describe("the setup tiers", function () {
  it("count at most 8 manual steps to the first agenda, from the registry and the pack's own parameters", function () {
    const {tiers, before} = stepCounts();
    const first = tiers[0];
    assert.deepInclude(first, {
      tier: 1,
      pack: 1,
      docs: 1,
      imports: 4,
      renames: 0,
      retypes: 0,
      syncTables: 1,
      parameters: 1,
    });
    assert.isAtMost(first.steps, 8);
    assert.equal(first.steps, first.pack + first.docs + first.imports + first.syncTables + first.parameters);
    assert.isAtMost(Tables.filter(t => t.tier === 1).length, 4, "at most 4 source tables in tier 1");
    assert.isAtMost(SyncPlacements.filter(p => p.tier === 1).length, 3, "at most 3 sync tables in tier 1");
    for (const t of tiers) {
      assert.isBelow(t.steps, before.steps, `tier ${t.tier} alone is less than everything at once`);
    }
    assert.equal(tiers[1].perTeam, 1, "another team is one click");
    assert.isAbove(before.perTeam, 10);
  });

  it("put every table and sync table in a tier", function () {
    for (const t of Tables) assert.include(TierList, t.tier, t.key);
    for (const p of SyncPlacements) assert.include(TierList, p.tier, p.syncTable);
    for (const p of SyncPlacements) {
      assert.isDefined(
        pack.syncTables.find(s => s.name === p.syncTable),
        p.syncTable,
      );
    }
  });

  it("print the count as JSON with npm run -s starter -- --out DIR --json, and nothing else", function () {
    const dir = mkdtempSync(join(tmpdir(), "starter-json-"));
    try {
      const run = spawnSync("npm", ["run", "-s", "starter", "--", "--out", dir, "--json"], {encoding: "utf8"});
      assert.equal(run.status, 0, run.stderr);
      const parsed = JSON.parse(run.stdout) as {tiers: Array<Record<string, number>>};
      assert.deepEqual(
        parsed.tiers.map(t => t.tier),
        [1, 2, 3, 4],
      );
      for (const t of parsed.tiers) {
        for (const key of ["docs", "imports", "renames", "retypes", "syncTables", "parameters", "steps"]) {
          assert.isNumber(t[key], key);
        }
      }
      assert.sameMembers(readdirSync(dir), ["tier-1", "tier-2", "tier-3", "tier-4"]);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

describe("the guide's tiers, replayed on starter files imported as text", function () {
  this.timeout(120_000);
  let starter: string;
  /** The emulator of the tier under test: each tier's describe serves its own. */
  let env: SampleEmulator;
  const emulators = new Map<Tier, SampleEmulator>();
  const docs: Record<string, string> = {};

  before(function () {
    starter = mkdtempSync(join(tmpdir(), "starter-"));
    writeStarter(starter);
  });

  after(function () {
    rmSync(starter, {recursive: true, force: true});
  });

  /** In a tier's describe: an emulator serving the starter files of that tier and those below. */
  function serveInDescribe(tier: Tier) {
    let served: string;
    before(function () {
      served = servedTiers(starter, tier);
    });
    emulators.set(
      tier,
      useEmulator(() => ({from: served, validate: true})),
    );
    after(function () {
      rmSync(served, {recursive: true, force: true});
    });
  }

  async function serve(tier: Tier) {
    env = emulators.get(tier)!;
    for (const doc of env.csvDocs) docs[doc.name] = doc.id;
    for (const doc of env.csvDocs) {
      for (const table of doc.tables) {
        for (const c of table.columns) assert.equal(c.type, "text", `${table.name}.${c.name}`);
      }
    }
  }

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  const setupCheck = async (kind: string, doc: string) =>
    (await executeFormulaFromPackDef(
      pack,
      "SetupCheck",
      [kind, doc] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {useDeprecatedResultNormalization: false},
    )) as TableCheck[];

  /** The arguments a facilitator gives a sync table: doc links by the parameter's name, the meeting day for dates. */
  function argsFor(syncTable: string): unknown[] {
    const placement = SyncPlacements.find(p => p.syncTable === syncTable)!;
    const table = pack.syncTables.find(s => s.name === syncTable)!;
    const docOf = (kind: DocKind | undefined) =>
      kind === "Strategy" ? docs[Docs.strategy] : kind === "Team" ? docs[Docs.team] : docs[Docs.leadership];
    const teamDocs = docs[Docs.team] ? [docs[Docs.team]] : undefined;
    return table.getter.parameters.map(p => {
      if (p.name === "doc") return docOf(placement.reads[0]);
      if (p.name === "meetingDoc" || p.name === "metricsDoc") return docs[Docs.leadership];
      if (p.name === "docs" || p.name === "okrDocs") return teamDocs;
      if (p.name === "cycle") return okrCycle(MeetingDay, 3).name;
      if (p.type === Type.date) return MeetingDay;
      return undefined;
    });
  }

  async function syncTier(tier: Tier) {
    const ran: Record<string, Array<Record<string, unknown>>> = {};
    for (const {placement} of tierSyncs(tier)) {
      if (ran[placement.syncTable]) continue;
      const {rows} = await runSync(env, pack, placement.syncTable, argsFor(placement.syncTable));
      assert.isAbove(rows.length, 0, `${placement.syncTable} shows rows`);
      for (const row of rows) {
        const said = [row.Problems, row.Findings, row.Check].filter(Boolean).join(" ");
        assert.notMatch(said, TypeComplaint, `${placement.syncTable}: ${String(row.Name ?? row.Id)}`);
      }
      ran[placement.syncTable] = rows;
    }
    return ran;
  }

  describe("tier 1", function () {
    serveInDescribe(1);

    it("tier 1: one doc of four tables imported as text is ready, and the first agenda opens on the hot metrics", async function () {
      await serve(1);
      assert.sameMembers(Object.keys(docs), [Docs.leadership]);
      const [tier, ...tables] = await setupCheck("Leadership", docs[Docs.leadership]);
      assert.deepInclude(tier, {Table: TierRow, Tier: 1, Status: "Ready for tier 1: The first meeting", Ok: true});
      assert.isAtLeast(tier.Suggestions.length, 1);
      assert.isAtMost(tier.Suggestions.length, 3);
      assert.match(tier.Fix, /^Tier 2 gives /);
      for (const t of tables.filter(x => x.Tier === 1)) {
        assert.deepInclude(t, {Status: Statuses.found, Ok: true, Problems: []}, t.Table);
        for (const s of t.Suggestions) assert.notMatch(s, /make it/, `${t.Table}: typing stays a recommendation`);
      }
      assert.isTrue(
        tables.some(t => t.Suggestions.some(s => /Typing .*Owner as People lets the pack notify them/.test(s))),
        "SetupCheck explains what typing a column would give",
      );

      const {MeetingAgenda: agenda} = await syncTier(1);
      const items = agenda.filter(r => r.Kind !== NextStepKind);
      assert.equal(
        items.reduce((sum, r) => sum + Number(r.Minutes), 0),
        90,
        "the time boxes fill the meeting",
      );
      const sources = new Set(items.map(r => r.Source));
      for (const source of ["Health metrics", "Issues", "Action items"]) {
        assert.isTrue(sources.has(source), `the agenda has ${source}`);
      }
      const firstWork = items.find(r => r.Source !== "Meeting");
      assert.equal(firstWork?.Source, "Health metrics", "the hot metrics come first");
      const next = agenda.filter(r => r.Kind === NextStepKind);
      assert.isAtLeast(next.length, 1);
      assert.match(
        String(next[0].Name),
        /^Add a Key Results table \(tier 2\) to see off-track and at-risk key results/,
      );

      // The hot items and the issues list work from the same four tables.
      const hot = await runSync(env, pack, "HotItems", argsFor("HotItems"));
      assert.isAbove(hot.rows.length, 0);
      const issues = await runSync(env, pack, "Issues", argsFor("Issues"));
      assert.isAbove(issues.rows.length, 0);
    });
  });

  for (const tier of [2, 3, 4] as const) {
    describe(`tier ${tier}`, function () {
      serveInDescribe(tier);

      it(`tier ${tier}: the docs of tiers 1 to ${tier} imported as text are ready, and every sync table of tier ${tier} reads them`, async function () {
        await serve(tier);
        const [ready] = await setupCheck("Leadership", docs[Docs.leadership]);
        assert.deepInclude(ready, {Table: TierRow, Tier: tier, Ok: true}, JSON.stringify(ready.Suggestions));
        const [team] = await setupCheck("Team", docs[Docs.team]);
        assert.isAtLeast(team.Tier, tier === 2 ? 2 : tier, JSON.stringify(team.Suggestions));
        const ran = await syncTier(tier);
        if (tier === 2) {
          for (const c of ran.CheckIns) {
            assert.isDefined(
              (c.KeyResult as {Id?: string} | undefined)?.Id,
              `${String(c.Summary)} links its key result by name`,
            );
          }
          for (const k of ran.KeyResults) {
            assert.isDefined(
              (k.Objective as {Id?: string} | undefined)?.Id,
              `${String(k.Name)} links its objective by name`,
            );
          }
        }
      });
    });
  }
});
