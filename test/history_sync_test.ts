import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import type {Cell, TableRecord} from "../emulator/model";
import type {SampleEmulator} from "../emulator/sample";
import {RowPageSize} from "../src/api/client";
import {pack} from "../src/pack";
import {actionContext, docUrl, rejection, runSync, useEmulator} from "./support/emulator";

const judgedOn = new Date("2026-11-24T08:00:00Z");
const dueParams = (docs: string[], o: {cadence?: number; cycle?: string; teams?: string[]; asOf?: Date} = {}) => [
  docs,
  o.cadence,
  o.cycle,
  o.teams,
  undefined,
  undefined,
  o.asOf ?? judgedOn,
];
const retroParams = (docs: string[], cycle: string, asOf = judgedOn, notesTable?: string) => [
  docs,
  cycle,
  undefined,
  notesTable,
  asOf,
];

function tableOf(env: SampleEmulator, docId: string, name: string): TableRecord {
  const table = env.emulator.doc(docId)?.tables.find(t => t.name === name);
  if (!table) throw new Error(`No table ${name} in ${docId}`);
  return table;
}

/** Sets a cell of the key result with this code, as someone editing the team doc would. */
function setCell(env: SampleEmulator, docId: string, code: string, column: string, value: Cell) {
  const table = tableOf(env, docId, "Key Results");
  const byName = (name: string) => table.columns.find(c => c.name === name)!.id;
  const row = table.rows.find(r => r.values.get(byName("Code")) === code)!;
  row.values.set(byName(column), value);
}

/** One rows request per page of each table read. */
function minimum(env: SampleEmulator, tables: string[]): number {
  let n = 0;
  for (const docId of env.seeded.teamDocIds) {
    for (const name of tables) n += Math.max(1, Math.ceil(tableOf(env, docId, name).rows.length / RowPageSize));
  }
  return n;
}

describe("OKR history over HTTP: check-ins due, the retrospective, carrying forward", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true, withBadRows: true});
  let teamDocs: string[];
  beforeEach(function () {
    teamDocs = env.seeded.teamDocIds.map(docUrl);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  describe("CheckInsDue", function () {
    it("lists the owners due a check-in as people, with days since and a link to the key result", async function () {
      const run = await runSync(env, pack, "CheckInsDue", dueParams(teamDocs));
      const kr8 = run.rows.find(r => r.Name === "Brand guidelines adopted across all channels")!;
      assert.deepInclude(kr8, {
        Owner: {Name: "Priya Natarajan", Email: "priya@northstar.example.com"},
        Team: "Marketing",
        Cycle: "FY2026 Q4",
        CadenceDays: 7,
        LastCheckIn: "2026-10-15",
        DaysSince: 40,
        NextDue: "2026-10-22",
        Due: true,
        Status: "Off track",
      });
      assert.match(kr8.Link, /^https:\/\/docs\.superhuman\.com\/d\/_dNs_Team-002\/#.*_rui-/);
      assert.equal(kr8.KeyResult.Id, kr8.Id);
      // Everyone else checked in on 2026-11-19, five days before: not due weekly.
      assert.notInclude(
        run.rows.map(r => r.Name),
        "New mid-market bookings",
      );
      // A key result never checked in is due from the cycle's start, with its other problems stated.
      assert.deepInclude(
        run.rows.find(r => r.Name === "Webinar attendees")!,
        {DaysSince: 54, Due: true},
      );
      assert.notProperty(
        run.rows.find(r => r.Name === "Webinar attendees")!,
        "LastCheckIn",
      );
      assert.equal(
        run.log.requests,
        minimum(env, ["Objectives", "Key Results", "Check-ins"]),
        "one rows request per page of each table, nothing more",
      );
    });

    it("takes each key result's own cadence from its Cadence column, else the parameter", async function () {
      const weekly = await runSync(env, pack, "CheckInsDue", dueParams(teamDocs, {cadence: 3}));
      const byName = new Map(weekly.rows.map(r => [r.Name, r]));
      assert.include(byName.get("New mid-market bookings")!, {CadenceDays: 3, DaysSince: 5, Due: true});
      assert.notInclude([...byName.keys()], "Monthly uptime", "checked monthly, five days ago: not due");
      assert.notInclude([...byName.keys()], "Reps certified on the new pitch", "checked every two weeks: not due");
      const late = await runSync(
        env,
        pack,
        "CheckInsDue",
        dueParams(teamDocs, {asOf: new Date("2026-12-04T08:00:00Z")}),
      );
      const reps = late.rows.find(r => r.Name === "Reps certified on the new pitch")!;
      assert.include(reps, {CadenceDays: 14, DaysSince: 15, Due: true, NextDue: "2026-12-03"});
    });

    it("reports a row whose reminder cannot reach anyone, on the row, never dropping it", async function () {
      const sales = env.seeded.teamDocIds[0];
      setCell(env, sales, "KR2", "Owner", "Jonah P.");
      setCell(env, sales, "KR4", "Owner", null);
      setCell(env, sales, "KR1", "Cadence", "whenever");
      const run = await runSync(env, pack, "CheckInsDue", dueParams(teamDocs, {teams: ["Sales"]}));
      const byName = new Map(run.rows.map(r => [r.Name, r]));
      assert.sameMembers(
        [...byName.keys()],
        ["Win rate on qualified opportunities", "Days to first closed deal for new reps", "New mid-market bookings"],
      );
      const text = byName.get("Win rate on qualified opportunities")!;
      assert.include(text, {Due: false});
      assert.notProperty(text, "Owner");
      assert.match(text.Problems, /^Owner "Jonah P\." has no email: type their email, or make Owner a People column/);
      assert.match(
        byName.get("Days to first closed deal for new reps")!.Problems,
        /^No owner: pick the person who checks it in/,
      );
      const cadence = byName.get("New mid-market bookings")!;
      assert.include(cadence, {CadenceDays: 7, Due: false});
      assert.match(
        cadence.Problems,
        /^Cadence "whenever" is not a cadence: write weekly.*Until then the sync's cadence of 7 days applies\./,
      );
    });

    it("keeps to the cycle asked for, and refuses a cadence outside 1-90 days", async function () {
      const none = await runSync(env, pack, "CheckInsDue", dueParams(teamDocs, {cycle: "FY2027 Q1"}));
      assert.deepEqual(
        none.rows.map(r => r.Name),
        ["Case studies published"],
        "only the key result whose objective is unknown, with its reason",
      );
      const error = await rejection(runSync(env, pack, "CheckInsDue", dueParams(teamDocs, {cadence: 120})));
      assert.match(error.message, /cadenceDays must be a whole number from 1 to 90, not 120\./);
    });
  });

  describe("Retrospective", function () {
    it("grades each key result of the cycle and carries the team's notes through", async function () {
      const run = await runSync(env, pack, "Retrospective", retroParams(teamDocs, "FY2026 Q4"));
      assert.lengthOf(run.rows, env.org.keyResults.length + 3, "every key result, bad rows included");
      const kr1 = run.rows.find(r => r.Name === "New mid-market bookings")!;
      assert.include(kr1, {
        Team: "Sales",
        Cycle: "FY2026 Q4",
        Grade: "Yellow",
        CheckIns: 7,
        StaleWeeks: 0,
        Findings: "None",
        Closed: false,
      });
      assert.match(kr1.ConfidencePath, /^\d+%( → \d+%){6}$/);
      assert.match(kr1.WhatHappened, /^Two large renewals slipped into January/);
      assert.match(kr1.WhatWeLearnt, /^Forecast bookings from signed order forms/);
      const kr3 = run.rows.find(r => r.Name === "Average sales cycle in days")!;
      assert.equal(kr3.Findings, "Low confidence: 40% at the end.", "overreach is judged once the cycle closes");
      const kr8 = run.rows.find(r => r.Name === "Brand guidelines adopted across all channels")!;
      assert.include(kr8, {CheckIns: 2, StaleWeeks: 4});
      assert.match(kr8.Findings, /Stale: no check-in in the last 14 days \(last 2026-10-15\)\./);
      assert.notProperty(kr8, "WhatHappened", "blank until the team writes it");
      assert.match(run.rows.find(r => r.Name === "Case studies published")!.Problems, /^Orphan/);
      assert.equal(run.log.requests, minimum(env, ["Objectives", "Key Results", "Check-ins", "Retrospective"]));
    });

    it("judges a closed cycle on its last day", async function () {
      const run = await runSync(
        env,
        pack,
        "Retrospective",
        retroParams(teamDocs.slice(0, 1), "FY2026 Q4", new Date("2027-01-08T08:00:00Z")),
      );
      const kr1 = run.rows.find(r => r.Name === "New mid-market bookings")!;
      assert.include(kr1, {Closed: true, Status: "Missed", StaleWeeks: 5});
      assert.match(kr1.Findings, /^Stale: no check-in in the last 14 days \(last 2026-11-19\)\./);
      assert.match(
        run.rows.find(r => r.Name === "Average sales cycle in days")!.Findings,
        /^Overreach\? It scored 21%, below 30%/,
      );
    });

    it("works without a notes table, and refuses a cycle it cannot read", async function () {
      const sales = env.emulator.doc(env.seeded.teamDocIds[0])!;
      sales.tables = sales.tables.filter(t => t.name !== "Retrospective");
      const run = await runSync(env, pack, "Retrospective", retroParams(teamDocs.slice(0, 1), "FY2026 Q4"));
      assert.lengthOf(run.rows, 5);
      assert.isTrue(run.rows.every(r => r.WhatHappened === undefined));
      const error = await rejection(runSync(env, pack, "Retrospective", retroParams(teamDocs, "Q4 this year")));
      assert.match(error.message, /"Q4 this year" is not a cycle name such as FY2026 Q4/);
    });
  });

  describe("CarryForward", function () {
    const carry = (id: string, ...rest: unknown[]) =>
      executeFormulaFromPackDef(
        pack,
        "CarryForward",
        [id, ...rest] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      );

    it("copies a key result under the next cycle's objective, linked to the original, once however often it runs", async function () {
      const sales = env.seeded.teamDocIds[0];
      const krs = await runSync(env, pack, "KeyResults", [
        teamDocs.slice(0, 1),
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        judgedOn,
      ]);
      const kr3 = krs.rows.find(r => r.Code === "KR3")!;
      const objectives = tableOf(env, sales, "Objectives").rows.length;
      const first = (await carry(kr3.Id, 55, undefined, judgedOn)) as Record<string, unknown>;
      const again = (await carry(kr3.Id, 55, undefined, judgedOn)) as Record<string, unknown>;
      assert.deepEqual(again, first, "a second run returns the same copy");
      assert.include(first, {
        Name: "Average sales cycle in days",
        Cycle: "FY2027 Q1",
        Start: kr3.Current,
        Target: 55,
        Current: kr3.Current,
        Team: "Sales",
        Status: "Not started",
      });
      assert.equal(tableOf(env, sales, "Objectives").rows.length, objectives + 1, "one objective for the next cycle");
      const table = tableOf(env, sales, "Key Results");
      const carried = table.columns.find(c => c.name === "Carried From")!.id;
      const copies = table.rows.filter(r => r.values.get(carried) === kr3.Link);
      assert.lengthOf(copies, 1, "one copy");
      assert.equal(`${sales}/${copies[0].id}`, first.Id);
      // A second key result of the same objective goes under the same next-cycle objective.
      const kr1 = krs.rows.find(r => r.Code === "KR1")!;
      const other = (await carry(kr1.Id, undefined, "FY2027 Q1", judgedOn)) as Record<string, {Id: string}>;
      assert.equal(other.Objective.Id, (first.Objective as {Id: string}).Id);
      assert.equal(tableOf(env, sales, "Objectives").rows.length, objectives + 1);
      const synced = await runSync(env, pack, "KeyResults", [
        teamDocs.slice(0, 1),
        "FY2027 Q1",
        undefined,
        undefined,
        undefined,
        undefined,
        judgedOn,
      ]);
      assert.sameMembers(
        synced.rows.map(r => r.Code),
        ["KR3", "KR1"],
        "the KeyResults sync shows the copies in the next cycle",
      );
    });

    it("names the next-cycle objective it left when the copy is refused at its own write, and finishes when run again", async function () {
      const sales = env.seeded.teamDocIds[0];
      const params = [teamDocs.slice(0, 1), undefined, undefined, undefined, undefined, undefined, judgedOn];
      const kr3 = (await runSync(env, pack, "KeyResults", params)).rows.find(r => r.Code === "KR3")!;
      const objectives = tableOf(env, sales, "Objectives").rows.length;
      // A column the rows do not show as calculated: only the copy's own write meets the refusal.
      const unit = tableOf(env, sales, "Key Results").columns.find(c => c.name === "Unit")!;
      unit.calculated = true;
      const error = await rejection(carry(kr3.Id, 55, undefined, judgedOn));
      assert.equal(
        error.message,
        'Not carried: The Docs API refused writing to the table Key Results in the doc NsTeam001. The API said: The column Unit is calculated and cannot be written. "Close the quarter with record mid-marke…" for FY2027 Q1 was added to Objectives first: fix this and run CarryForward again (it reuses that objective), or delete it.',
      );
      assert.equal(tableOf(env, sales, "Objectives").rows.length, objectives + 1, "the objective it names is there");
      unit.calculated = false;
      const copy = (await executeFormulaFromPackDef(
        pack,
        "CarryForward",
        [kr3.Id, 55, undefined, judgedOn] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
        {
          useDeprecatedResultNormalization: false,
        },
      )) as Record<string, unknown>;
      assert.equal(
        tableOf(env, sales, "Objectives").rows.length,
        objectives + 1,
        "run again, it reuses that objective",
      );
      const next = await runSync(env, pack, "KeyResults", [
        teamDocs.slice(0, 1),
        "FY2027 Q1",
        undefined,
        undefined,
        undefined,
        undefined,
        judgedOn,
      ]);
      assert.lengthOf(next.rows, 1, "one copy");
      assert.deepEqual(copy, next.rows[0], "the copy as the next sync shows it, field by field");
    });

    it("says what to add when the table cannot hold the link, and refuses an earlier cycle", async function () {
      const sales = env.seeded.teamDocIds[0];
      const krs = await runSync(env, pack, "KeyResults", [
        teamDocs.slice(0, 1),
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        judgedOn,
      ]);
      const kr3 = krs.rows.find(r => r.Code === "KR3")!;
      const backwards = await rejection(carry(kr3.Id, undefined, "FY2026 Q3", judgedOn));
      assert.match(
        backwards.message,
        /FY2026 Q3 does not come after FY2026 Q4: carry a key result into a later cycle\./,
      );
      const table = tableOf(env, sales, "Key Results");
      table.columns = table.columns.filter(c => c.name !== "Carried From");
      const objectives = tableOf(env, sales, "Objectives").rows.length;
      const error = await rejection(carry(kr3.Id, undefined, undefined, judgedOn));
      assert.match(
        error.message,
        /has no column for CarriedFrom.* CarryForward writes the link to the original there\./,
      );
      assert.equal(
        tableOf(env, sales, "Objectives").rows.length,
        objectives,
        "refused before anything is written: no next-cycle objective is left behind",
      );
      const orphan = krs.rows.find(r => r.Name === "Case studies published");
      assert.isUndefined(orphan, "the orphan is in another doc");
    });
  });
});
