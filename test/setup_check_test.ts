import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import type {EmulatorFetcher} from "../emulator/fetcher";
import type {ColumnDef, TableRecord} from "../emulator/model";
import type {SampleEmulator} from "../emulator/sample";
import {mapColumns} from "../src/engine/columns";
import {InputError} from "../src/engine/errors";
import {pack} from "../src/pack";
import type {TableCheck} from "../src/sync/setup";
import {isNearMiss, Statuses, TierRow} from "../src/sync/setup";
import {CheckKinds, SyncPlacements, Tables, tablesOf, KeyResultFields} from "../src/sync/tables";
import {actionContext, rejection, runSync, useEmulator} from "./support/emulator";

/** SetupCheck against the sample docs, and against each setup mistake a facilitator makes. */

const asOf = new Date("2026-11-18T12:00:00Z");
const krParams = (doc: string, table?: string) => [[doc], undefined, undefined, undefined, table, undefined, asOf];

/** A table made in a doc by hand, as a facilitator would in Coda. */
export function addTable(
  env: SampleEmulator,
  docId: string,
  name: string,
  columns: Array<[string, ColumnDef["type"]]>,
  first = false,
): TableRecord {
  const doc = env.emulator.doc(docId)!;
  const id = `grid-x${doc.tables.length}${name.replace(/[^A-Za-z0-9]/g, "")}`;
  const table: TableRecord = {
    id,
    name,
    tableType: "table",
    pageId: `canvas-${id}`,
    pageName: "Scratch",
    columns: columns.map(([columnName, type], i) => ({id: `c-${id}-${i}`, name: columnName, type, display: i === 0})),
    rows: [],
    createdAt: "2026-11-01T09:00:00.000Z",
    updatedAt: "2026-11-01T09:00:00.000Z",
  };
  if (first) doc.tables.unshift(table);
  else doc.tables.push(table);
  return table;
}

async function check(env: SampleEmulator, kind: string, doc: string): Promise<{rows: TableCheck[]; requests: number}> {
  const context = actionContext(env);
  const rows = (await executeFormulaFromPackDef(
    pack,
    "SetupCheck",
    [kind, doc] as coda.ParamValues<coda.ParamDefs>,
    context,
    {useDeprecatedResultNormalization: false},
  )) as TableCheck[];
  return {rows, requests: (context.fetcher as EmulatorFetcher).log.requests};
}

const row = (rows: TableCheck[], table: string) => rows.find(r => r.Table === table)!;

describe("SetupCheck", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let team: string;

  beforeEach(function () {
    team = env.seeded.teamDocIds[0];
  });

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("finds every table of every sample doc, in one listTables and one listColumns per table", async function () {
    const docs: Record<string, string> = {
      Strategy: env.seeded.strategyDocId,
      Team: team,
      Meeting: env.seeded.meetingDocId!,
      Metrics: env.seeded.metricsDocId!,
    };
    for (const [kind, doc] of Object.entries(docs)) {
      const {rows: all, requests} = await check(env, kind, doc);
      const [tier, ...rows] = all;
      assert.deepInclude(
        tier,
        {
          Table: TierRow,
          Tier: 4,
          Status: "Ready for tier 4: The executive program",
          Ok: true,
          Suggestions: [],
          Fix: "",
        },
        kind,
      );
      assert.deepEqual(
        rows.map(r => r.Table),
        tablesOf(kind).map(t => t.name),
      );
      for (const r of rows) {
        assert.deepInclude(
          r,
          {Status: Statuses.found, Ok: true, Problems: [], Suggestions: [], Fix: ""},
          `${kind}: ${r.Table}`,
        );
      }
      assert.equal(requests, 1 + rows.length, `${kind}: one listTables and one listColumns per table`);
    }
  });

  it("lists what a single doc still lacks", async function () {
    const {rows} = await check(env, "one doc", team);
    assert.deepInclude(row(rows, "Issues"), {
      Status: Statuses.missing,
      Ok: false,
      Fix: "Import tier-1/Leadership doc/Issues.csv (npm run starter), or create a table named Issues with the columns listed.",
    });
    assert.deepInclude(row(rows, "Leaders"), {Status: Statuses.optional, Ok: true});
    assert.deepInclude(row(rows, "Key Results"), {Status: Statuses.found, Ok: true});
    assert.notInclude(
      rows.filter(r => r.Table === "Annual Goals").map(r => r.Columns),
      "Name (Text), Id (Text)",
      "one doc links the strategy's goals directly, with no synced copy",
    );
  });

  it("finds a missing table", async function () {
    const doc = env.emulator.doc(team)!;
    doc.tables.splice(
      doc.tables.findIndex(t => t.name === "Objectives"),
      1,
    );
    const {rows} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Objectives"), {
      Status: Statuses.missing,
      Ok: false,
      Found: "",
      Problems: [
        "No table named Objectives: Objectives, KeyResults, MeetingAgenda, CheckInsDue, Retrospective, CarryForward cannot read this doc.",
      ],
      Fix: "Import tier-2/Team doc/Objectives.csv (npm run starter), or create a table named Objectives with the columns listed.",
    });
  });

  it("finds a near-miss name and says to rename it", async function () {
    env.emulator.doc(team)!.tables.find(t => t.name === "Key Results")!.name = "Key Result";
    const {rows} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Key Results"), {
      Status: Statuses.nearMiss,
      Ok: false,
      Found: "Key Result",
      Fix: 'Rename "Key Result" to Key Results, or give its name in the table parameter of KeyResults, Objectives, CheckIns, CheckIn, MeetingAgenda, CheckInsDue, Retrospective, CarryForward.',
    });
    assert.equal(row(rows, "Objectives").Status, Statuses.found, "a near miss of one table is not another's");
  });

  it("accepts a name that differs only in case and spacing, and says so", async function () {
    env.emulator.doc(team)!.tables.find(t => t.name === "Key Results")!.name = "KeyResults";
    const {rows} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Key Results"), {
      Status: Statuses.found,
      Ok: true,
      Found: "KeyResults",
      Suggestions: ['Named "KeyResults": the pack finds it, case and spacing aside.'],
    });
  });

  it("finds two tables that both match, and which one to keep", async function () {
    addTable(env, team, "KeyResults", [
      ["Name", "text"],
      ["Progress", "percent"],
    ]);
    const {rows, requests} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Key Results"), {
      Status: Statuses.two,
      Ok: false,
      Found: "Key Results, KeyResults",
      Problems: [
        '"Key Results" and "KeyResults" both match Key Results: a sync that names the table another way stops rather than guess.',
        'The default name reads "Key Results".',
      ],
      Fix: 'Keep "Key Results" and rename or delete "KeyResults".',
    });
    assert.equal(requests, 1 + 6, "both candidates' columns are read");
  });

  it("finds missing and wrongly typed columns", async function () {
    const doc = env.emulator.doc(team)!;
    const krs = doc.tables.find(t => t.name === "Key Results")!;
    krs.columns = krs.columns.filter(c => c.name !== "Target");
    krs.columns.find(c => c.name === "Current")!.type = "text";
    krs.columns.find(c => c.name === "Owner")!.type = "text";
    krs.columns = krs.columns.filter(c => c.name !== "Weight");
    const checkIns = doc.tables.find(t => t.name === "Check-ins")!;
    checkIns.columns = checkIns.columns.filter(c => c.name !== "Key");
    checkIns.columns.find(c => c.name === "Date")!.type = "number";
    const {rows} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Key Results"), {
      Status: Statuses.fix,
      Ok: false,
      Problems: ["No Target column: add one (Number)."],
      Suggestions: [
        "No Weight column (Number); add it if you want it.",
        "Read as text, which works. Typing Owner as People lets the pack notify them, Current as Number lets the doc refuse a typo.",
      ],
    });
    assert.deepInclude(row(rows, "Check-ins"), {
      Status: Statuses.fix,
      Ok: false,
      Problems: [
        "Date is a number column; make it Date.",
        "No Key column: add one (Text), which the actions write each row's key to.",
      ],
    });
  });

  it("says when the doc is not shared with the account", async function () {
    const error = await rejection(
      executeFormulaFromPackDef(
        pack,
        "SetupCheck",
        ["Strategy", env.seeded.restrictedDocId] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      ),
    );
    assert.match(
      error.message,
      /^The doc NsBoard01 does not exist or is not shared with the account this pack is connected as\./,
    );
  });

  it("shows bad input found on the way as a message, through the error hook every formula shares", async function () {
    const context = newMockExecutionContext();
    context.fetcher.fetch.rejects(new InputError("The doc's tables cannot be read."));
    const error = await rejection(
      executeFormulaFromPackDef(pack, "SetupCheck", ["Strategy", team] as coda.ParamValues<coda.ParamDefs>, context),
    );
    assert.instanceOf(error, coda.UserVisibleError);
    assert.equal(error.message, "The doc's tables cannot be read.");
  });

  it("refuses a kind of doc it does not know, naming the kinds", async function () {
    const error = await rejection(
      executeFormulaFromPackDef(
        pack,
        "SetupCheck",
        ["Finance", team] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      ),
    );
    assert.equal(error.message, `"Finance" is not a kind of doc. Use one of: ${CheckKinds.join(", ")}.`);
  });
});

describe("a KeyResults table beside Key Results", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let team: string;

  beforeEach(function () {
    team = env.seeded.teamDocIds[0];
  });

  const sampleRows = (env: SampleEmulator) =>
    env.emulator.doc(team)!.tables.find(t => t.name === "Key Results")!.rows.length;

  it("leaves the sync by the default name working, before or after it in the doc", async function () {
    for (const first of [false, true]) {
      addTable(env, team, "KeyResults", [["Name", "text"]], first);
      const run = await runSync(env, pack, "KeyResults", krParams(team));
      assert.lengthOf(run.rows, sampleRows(env));
      const checkIns = await runSync(env, pack, "CheckIns", [[team]]);
      assert.isAbove(checkIns.rows.length, 0);
    }
  });

  it("stops a sync that names the table loosely, saying which two tables match and pointing at SetupCheck", async function () {
    addTable(env, team, "KeyResults", [["Name", "text"]], true);
    const error = await rejection(runSync(env, pack, "KeyResults", krParams(team, "key results")));
    assert.equal(
      error.message,
      `The doc ${team} has 2 tables named like "key results": "KeyResults", "Key Results". Rename or delete the one the pack should not read. See SetupCheck.`,
    );
    assert.isBelow(error.message.length, 200);
  });

  it("says so when the table by the exact name lacks the columns and its twin has them", async function () {
    const doc = env.emulator.doc(team)!;
    doc.tables.find(t => t.name === "Key Results")!.name = "KeyResults";
    addTable(env, team, "Key Results", [["Name", "text"]]);
    const error = await rejection(runSync(env, pack, "KeyResults", krParams(team)));
    assert.match(
      error.message,
      /has 2 tables named like "Key Results": "KeyResults", "Key Results"\. .*See SetupCheck\.$/,
    );
    const {rows} = await check(env, "Team", team);
    assert.deepInclude(row(rows, "Key Results"), {
      Status: Statuses.two,
      Fix: 'Keep "KeyResults" and rename or delete "Key Results".',
    });
  });

  it("checks a key result in through the table by its exact name", async function () {
    addTable(env, team, "KeyResults", [["Name", "text"]], true);
    const run = await runSync(env, pack, "KeyResults", krParams(team));
    const kr = run.rows.find(r => r.Code === "KR3")!;
    const result = await executeFormulaFromPackDef(
      pack,
      "CheckIn",
      [kr.Id, 61, 0.6, "Checked in beside a second table"] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {useDeprecatedResultNormalization: false},
    );
    assert.deepInclude(result as object, {Id: kr.Id, Current: 61});
  });
});

describe("not-found messages", function () {
  const env = useEmulator();

  it("stay under 200 characters with the doc named, and point at SetupCheck", async function () {
    const team = env.seeded.teamDocIds[3];
    const missing = await rejection(
      runSync(env, pack, "KeyResults", krParams(team, "Key Results of the whole engineering organization")),
    );
    const krs = env.emulator.doc(team)!.tables.find(t => t.name === "Key Results")!;
    krs.columns.find(c => c.name === "Target")!.name = "Aim for the end of the cycle";
    const column = await rejection(runSync(env, pack, "KeyResults", krParams(team)));
    const mapped = await rejection(
      runSync(env, pack, "KeyResults", [
        [team],
        undefined,
        undefined,
        undefined,
        undefined,
        "Target=Goal value at the end of the cycle",
        asOf,
      ]),
    );
    for (const error of [missing, column, mapped]) {
      assert.isBelow(error.message.length, 200, error.message);
      assert.match(error.message, /See SetupCheck\.$/);
    }
    assert.match(
      missing.message,
      /^The doc NsTeam-0_04 has no table named "Key Results of the whole engineering org"\. Its tables are: Annual Goals, Objectives and 3 more\. Name yours in the sync's table parameter\./,
    );
    assert.match(
      column.message,
      /^In the doc NsTeam-0_04: The table Key Results has no column for Target\. Its columns: Key Result, .* Rename one or set columns to "Target=Your column"\./,
    );
  });

  it("cut a long list of columns with a count of the rest", function () {
    const columns = Array.from({length: 40}, (_, i) => ({
      id: `c${i}`,
      name: `A rather long column name ${i}`,
      type: "text",
      isArray: false,
    }));
    assert.throws(
      () => mapColumns("Key Results", columns, KeyResultFields),
      InputError,
      /no column for Name\. Its columns: A rather long column name 0(, .*)? and \d+ more\. Rename one/,
    );
  });
});

describe("the table registry", function () {
  it("maps each table's own columns to every field the pack needs", function () {
    for (const entry of Tables) {
      const columns = entry.columns.map(c => ({
        id: c.name,
        name: c.name,
        type: c.kind === "person" ? "person" : c.kind,
        isArray: false,
      }));
      const map = mapColumns(entry.name, columns, entry.fields) as Record<string, {name: string} | undefined>;
      for (const col of entry.columns) {
        assert.equal(map[col.field]?.name, col.name, `${entry.name}: ${col.name} maps to ${col.field}`);
      }
      for (const spec of entry.fields.filter(f => f.required)) {
        assert.isDefined(map[spec.field], `${entry.name} has a column for ${spec.field}`);
      }
      for (const col of entry.columns.filter(c => c.lookup)) {
        assert.isDefined(
          Tables.find(t => t.key === col.lookup),
          `${entry.name}.${col.name} looks up a table in the registry`,
        );
      }
    }
    assert.equal(new Set(Tables.map(t => t.key)).size, Tables.length, "keys are unique");
  });

  it("names only sync tables and formulas the pack has, and places every sync table", function () {
    const names = new Set([...pack.formulas.map(f => f.name), ...pack.syncTables.map(t => t.name)]);
    for (const entry of Tables) {
      for (const name of entry.readBy) {
        assert.isTrue(names.has(name), `${entry.name} is read by ${name}, which the pack lacks`);
      }
    }
    assert.includeMembers(
      Tables.flatMap(t => t.readBy),
      SyncPlacements.filter(p => p.reads.length).map(p => p.syncTable),
      "every sync table that reads a doc reads a table of the registry",
    );
    assert.sameMembers(
      SyncPlacements.map(p => p.syncTable),
      pack.syncTables.map(t => t.name),
      "every sync table has its place in the guide",
    );
  });

  it("tells near misses from other names", function () {
    assert.isTrue(isNearMiss("Key Result", "Key Results"));
    assert.isTrue(isNearMiss("Key Results 2026", "Key Results"));
    assert.isTrue(isNearMiss("Checkins", "Check-in"));
    assert.isFalse(isNearMiss("KeyResults", "Key Results"), "the same name, spacing aside, is found, not near");
    assert.isFalse(isNearMiss("Issues", "Messages"));
    assert.isFalse(isNearMiss("Objectives", "Key Results"));
  });
});
