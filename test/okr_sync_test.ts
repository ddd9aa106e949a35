import * as coda from "@codahq/packs-sdk";
import {
  executeFormulaFromPackDef,
  executeSyncFormula,
  executeUpdateFormulaFromPackDef,
  newMockSyncExecutionContext,
} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {emulatorContext} from "../emulator/fetcher";
import {Tokens} from "../emulator/sample";
import {ObservedMutationDelay, ObservedRateLimit} from "../emulator/server";
import {generateOrganization} from "../sample/generate";
import {docIdFromUrl, ExecutionBudgetMs, resolveDocId} from "../src/api/client";
import {newJsonFetchResponse} from "@codahq/packs-sdk/dist/development";
import {pack} from "../src/pack";
import {actionContext, docUrl, freshPack, runSync, rejection, useEmulator} from "./support/emulator";
import {withFastClock} from "../emulator/clock";
import {beforeFirstWriteApplies} from "../emulator/races";

const asOf = new Date("2026-11-20T08:00:00Z");
/** The KeyResults and Objectives sync parameters, in order. */
const okrParams = (
  docs: string[],
  o: {
    cycle?: string;
    teams?: string[];
    statuses?: string[];
    table?: string;
    columns?: string;
    asOf?: Date | "today";
    fiscalYearStartMonth?: number;
  } = {},
) => [
  docs,
  o.cycle,
  o.teams,
  o.statuses,
  o.table,
  o.columns,
  o.asOf === "today" ? undefined : (o.asOf ?? asOf),
  o.fiscalYearStartMonth,
];

type Outcome = {outcome: string; error?: Error; finalValue?: Record<string, unknown>};

describe("OKR sync tables over HTTP", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true, withBadRows: true});
  let teamDocs: string[];
  beforeEach(function () {
    teamDocs = env.seeded.teamDocIds.map(docUrl);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("pulls every key result up once, typed, scored and linked to its objective", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs, {cycle: "FY2026 Q4"}));
    assert.lengthOf(run.rows, env.org.keyResults.length + 3, "the sample's key results and the three bad rows");
    assert.equal(new Set(run.rows.map(r => r.Id)).size, run.rows.length, "ids are unique");
    const kr1 = run.rows.find(r => r.Code === "KR1")!;
    assert.include(kr1, {
      Name: "New mid-market bookings",
      Team: "Sales",
      Cycle: "FY2026 Q4",
      Target: 4_200_000,
      Status: "At risk",
      Grade: "Yellow",
      Stale: false,
    });
    assert.deepEqual(kr1.Owner, {Name: "Diego Ramos", Email: "diego@northstar.example.com"});
    assert.match(kr1.Id, /^NsTeam001\/i-/);
    assert.match(kr1.Link, /^https:\/\/docs\.superhuman\.com\/d\/_dNsTeam001/);
    assert.closeTo(kr1.Expected, 50 / 91, 1e-9);

    const objectives = await runSync(env, pack, "Objectives", okrParams(teamDocs, {cycle: "FY2026 Q4"}));
    const objectiveIds = new Set(objectives.rows.map(o => o.Id));
    for (const kr of run.rows.filter(r => r.Objective)) {
      assert.isTrue(objectiveIds.has(kr.Objective.Id), `${kr.Name} links to a synced objective`);
    }
  });

  it("links objectives to the strategy doc's goals and goals to imperatives", async function () {
    const strategy = docUrl(env.seeded.strategyDocId);
    const imperatives = await runSync(env, pack, "StrategicImperatives", [strategy]);
    const goals = await runSync(env, pack, "AnnualGoals", [strategy]);
    const objectives = await runSync(env, pack, "Objectives", okrParams(teamDocs));
    assert.lengthOf(imperatives.rows, 4);
    assert.lengthOf(goals.rows, 6);
    const imperativeIds = new Set(imperatives.rows.map(r => r.Id));
    for (const goal of goals.rows) {
      assert.isTrue(imperativeIds.has(goal.Imperative.Id), `${goal.Name} links to its imperative`);
    }
    const goalIds = new Set(goals.rows.map(r => r.Id));
    const o9 = objectives.rows.find(o => o.Code === "O9")!;
    assert.lengthOf(o9.Goals, 2, "an objective may support several goals");
    for (const objective of objectives.rows) {
      for (const g of objective.Goals) assert.isTrue(goalIds.has(g.Id), `${objective.Name} supports a synced goal`);
    }
  });

  it("states the alignment problems on the objectives that have them", async function () {
    const objectives = await runSync(env, pack, "Objectives", okrParams(teamDocs));
    const byCode = new Map(objectives.rows.map(o => [o.Code, o]));
    assert.match(byCode.get("O4")!.Alignment, /^Orphan: supports no annual goal/);
    assert.equal(byCode.get("O8")!.Alignment, 'Broken link: "AG9" does not match any annual goal.');
    assert.notProperty(byCode.get("O1")!, "Alignment");
    const o1 = byCode.get("O1")!;
    assert.equal(o1.KeyResults, 3);
    assert.include(["On track", "At risk", "Off track"], o1.Status);
  });

  it("matches a goal typed as text by name, and reports a name that matches two goals", async function () {
    const team = env.emulator.doc(env.seeded.teamDocIds[0])!;
    const goals = team.tables.find(t => t.name === "Annual Goals")!;
    const objectives = team.tables.find(t => t.name === "Objectives")!;
    const goalsColumn = objectives.columns.find(c => c.name === "Goals")!;
    const nameColumn = goals.columns.find(c => c.name === "Goal")!;
    objectives.rows[0].values.set(goalsColumn.id, ["reach a 10% operating margin"]);
    goals.rows[1].values.set(nameColumn.id, "Grow ARR from $38M to $52M");
    objectives.rows[1].values.set(goalsColumn.id, ["Grow ARR from $38M to $52M"]);
    const run = await runSync(env, pack, "Objectives", okrParams(teamDocs.slice(0, 1)));
    const [first, second] = run.rows;
    assert.deepEqual(
      first.Goals.map((g: {Id: string}) => g.Id),
      [`${env.seeded.strategyDocId}/${env.emulator.doc(env.seeded.strategyDocId)!.tables[1].rows[4].id}`],
    );
    assert.equal(
      second.Alignment,
      'Ambiguous annual goal: "Grow ARR from $38M to $52M" matches 2 rows; link the row itself instead of typing its name.',
    );
  });

  it("reports bad rows on the row and keeps every other row", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
    const problems = new Map(run.rows.filter(r => r.Problems).map(r => [r.Name, r.Problems]));
    assert.equal(problems.get("Webinar attendees"), 'Current holds text ("about 40"), not a number.');
    assert.equal(problems.get("Analyst briefings held"), "Target is blank: give the key result a target.");
    assert.equal(
      problems.get("Case studies published"),
      "Orphan: this key result measures no objective; link its objective.",
    );
    assert.notProperty(
      run.rows.find(r => r.Name === "Webinar attendees")!,
      "Progress",
    );
  });

  it("pages through several pages and docs and resumes in a fresh module each execution", async function () {
    env.emulator.maxRowLimit = 4;
    const run = await runSync(env, freshPack, "KeyResults", okrParams(teamDocs));
    assert.isAbove(run.executions, 1, "the sync took several executions");
    assert.lengthOf(run.rows, env.org.keyResults.length + 3);
    assert.equal(new Set(run.rows.map(r => r.Id)).size, run.rows.length, "no row twice");
    assert.isAbove(env.emulator.stats.byOperation.listRows, 7 * 4, "rows came in many pages");
    for (const c of run.continuations) assert.isBelow(JSON.stringify(c).length, 200, "continuations stay small");
  });

  it("filters by cycle, team and status", async function () {
    const sales = await runSync(env, pack, "KeyResults", okrParams(teamDocs, {teams: ["sales"]}));
    assert.sameMembers([...new Set(sales.rows.map(r => r.Team))], ["Sales"]);
    const marketing = await runSync(env, pack, "KeyResults", okrParams(teamDocs, {teams: ["Marketing"]}));
    assert.include(
      marketing.rows.map(r => r.Name),
      "Case studies published",
      "a key result without an objective keeps its doc's team",
    );
    const offTrack = await runSync(env, pack, "KeyResults", okrParams(teamDocs, {statuses: ["Off track"]}));
    assert.isAbove(offTrack.rows.length, 0);
    assert.isTrue(offTrack.rows.every(r => r.Status === "Off track"));
    const none = await runSync(env, pack, "Objectives", okrParams(teamDocs, {cycle: "FY2027 Q1"}));
    assert.lengthOf(none.rows, 0);
  });

  it("says clearly when a doc is off limits or a table is missing", async function () {
    const denied = await rejection(
      runSync(env, pack, "KeyResults", okrParams([...teamDocs.slice(0, 1), docUrl(env.seeded.restrictedDocId)])),
    );
    assert.instanceOf(denied, coda.UserVisibleError);
    assert.match(
      denied.message,
      /^The doc NsBoard01 does not exist or is not shared with the account this pack is connected as\. Share it|^Access denied \(reading the table Objectives in the doc NsBoard01\)/,
    );
    const missing = await rejection(runSync(env, pack, "KeyResults", okrParams(teamDocs, {table: "Key Results 2025"})));
    assert.match(
      missing.message,
      /The doc NsTeam001 has no table named "Key Results 2025"\. Its tables are: Annual Goals, Objectives, Key Results, Check-ins, Retrospective\./,
    );
  });

  it("maps unusual column names with the columns parameter and lists the columns when one is missing", async function () {
    const team = env.emulator.doc(env.seeded.teamDocIds[0])!;
    const krs = team.tables.find(t => t.name === "Key Results")!;
    krs.columns.find(c => c.name === "Target")!.name = "Aim";
    const error = await rejection(runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1))));
    assert.match(
      error.message,
      /has no column for Target\. Its columns: Key Result, Code(, [A-Za-z ]+)* and \d+ more\. .*See SetupCheck\.$/,
    );
    const mapped = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1), {columns: "Target=Aim"}));
    assert.equal(mapped.rows.find(r => r.Code === "KR1")!.Target, 4_200_000);
  });

  describe("under a tight rate limit", function () {
    // This describe's own emulator: the sample without bad rows, 12 reads and 5 writes a second.
    const env = useEmulator({validate: true, rateLimit: {reads: 12, writes: 5, windowMs: 1000}});
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("keeps every row exactly once through a storm of 429s", async function () {
      const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
      assert.isAbove(env.emulator.stats.throttled, 0, "the emulator did throttle");
      assert.isAbove(run.log.retries429, 0, "the fetcher waited and retried");
      assert.lengthOf(run.rows, env.org.keyResults.length);
      assert.equal(new Set(run.rows.map(r => r.Id)).size, run.rows.length);
    });
  });

  it("writes an edited Current and Confidence back to the team doc", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    const kr = run.rows.find(r => r.Code === "KR2")!;
    const context = emulatorContext({
      baseUrl: env.baseUrl,
      token: Tokens.leader,
    }) as unknown as coda.UpdateSyncExecutionContext;
    const updated = await executeUpdateFormulaFromPackDef(
      pack,
      "KeyResults",
      okrParams(teamDocs.slice(0, 1)) as coda.ParamValues<coda.ParamDefs>,
      context,
      [
        {previousValue: kr, newValue: {...kr, Current: 25, Confidence: 0.8}, updatedFields: ["Current", "Confidence"]},
      ] as coda.GenericSyncUpdate[],
    );
    const [outcome] = updated.result as Array<{outcome: string; finalValue: Record<string, unknown>}>;
    assert.equal(outcome.outcome, "success");
    assert.include(outcome.finalValue, {Current: 25, Confidence: 0.8});
    assert.closeTo(outcome.finalValue.Progress as number, 7 / 8, 1e-9);
    const again = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    assert.include(
      again.rows.find(r => r.Code === "KR2")!,
      {Current: 25, Confidence: 0.8},
    );
  });

  it("refuses a confidence outside 0–1 on that row only", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    const [a, b] = run.rows;
    const before = env.emulator.stats.writes;
    const context = emulatorContext({
      baseUrl: env.baseUrl,
      token: Tokens.leader,
    }) as unknown as coda.UpdateSyncExecutionContext;
    const updated = await executeUpdateFormulaFromPackDef(
      pack,
      "KeyResults",
      okrParams(teamDocs.slice(0, 1)) as coda.ParamValues<coda.ParamDefs>,
      context,
      [
        {previousValue: a, newValue: {...a, Confidence: 70}, updatedFields: ["Confidence"]},
        {previousValue: b, newValue: {...b, Current: 21}, updatedFields: ["Current"]},
      ] as coda.GenericSyncUpdate[],
    );
    assert.equal(env.emulator.stats.writes - before, 1, "one write: the refused edit is not written");
    const [first, second] = updated.result as Array<{outcome: string; error?: Error; finalValue?: object}>;
    assert.equal(first.outcome, "error");
    assert.match(first.error!.message, /Confidence must be between 0 and 1/);
    assert.equal(second.outcome, "success");
    assert.include(second.finalValue, {Current: 21});
  });

  describe("two-way edits change only the rows they edit, by row id, and say what happened to each", function () {
    const tableOf = (docId: string, name: string) => env.emulator.doc(docId)!.tables.find(t => t.name === name)!;
    const columnOf = (docId: string, name: string) =>
      tableOf(docId, "Key Results").columns.find(c => c.name === name)!.id;
    const rowOf = (id: string) => {
      const [docId, rowId] = id.split("/");
      return tableOf(docId, "Key Results").rows.find(r => r.id === rowId);
    };
    async function edit(
      params: unknown[],
      updates: Array<{row: Record<string, unknown>; next: Record<string, unknown>}>,
    ): Promise<Outcome[]> {
      const context = emulatorContext({
        baseUrl: env.baseUrl,
        token: Tokens.leader,
      }) as unknown as coda.UpdateSyncExecutionContext;
      const result = await executeUpdateFormulaFromPackDef(
        pack,
        "KeyResults",
        params as coda.ParamValues<coda.ParamDefs>,
        context,
        updates.map(u => ({
          previousValue: u.row,
          newValue: {...u.row, ...u.next},
          updatedFields: Object.keys(u.next),
        })) as coda.GenericSyncUpdate[],
      );
      return result.result as Outcome[];
    }

    it("refuses a row renamed or deleted in its doc since the sync, in words, and adds no row", async function () {
      const docId = env.seeded.teamDocIds[0];
      const params = okrParams(teamDocs.slice(0, 1));
      const run = await runSync(env, pack, "KeyResults", params);
      const [a, b, c] = ["KR1", "KR2", "KR4"].map(code => run.rows.find(r => r.Code === code)!);
      rowOf(a.Id)!.values.set(columnOf(docId, "Key Result"), "Net new bookings, renamed by the sales team");
      const rows = tableOf(docId, "Key Results").rows;
      rows.splice(rows.indexOf(rowOf(b.Id)!), 1);
      const ids = rows.map(r => r.id);
      const [renamed, deleted, kept] = await edit(params, [
        {row: a, next: {Current: 1}},
        {row: b, next: {Current: 2}},
        {row: c, next: {Current: 3}},
      ]);
      assert.equal(renamed.outcome, "error");
      assert.equal(
        renamed.error!.message,
        'Not written: the key result was renamed to "Net new bookings, renamed by the sales…" since the last sync. Sync again, then edit it.',
      );
      assert.equal(deleted.outcome, "error");
      assert.equal(deleted.error!.message, "The key result was deleted in its doc since the last sync: sync again.");
      assert.equal(kept.outcome, "success");
      assert.include(kept.finalValue, {Current: 3});
      assert.deepEqual(
        rows.map(r => r.id),
        ids,
        "no row added or removed",
      );
      assert.equal(rowOf(a.Id)!.values.get(columnOf(docId, "Current")), a.Current, "the renamed row keeps its value");
    });

    it("adds no row when the row is renamed or deleted between the read and the landing, and says so on that row", async function () {
      const docId = env.seeded.teamDocIds[0];
      const params = okrParams(teamDocs.slice(0, 1));
      const run = await runSync(env, pack, "KeyResults", params);
      const [a, b, c] = ["KR1", "KR2", "KR4"].map(code => run.rows.find(r => r.Code === code)!);
      const rows = tableOf(docId, "Key Results").rows;
      const race = beforeFirstWriteApplies(env, () => {
        rows.splice(rows.indexOf(rowOf(a.Id)!), 1);
        rowOf(b.Id)!.values.set(columnOf(docId, "Key Result"), "Win rate, renamed");
      });
      const ids = rows.map(r => r.id).filter(id => id !== a.Id.split("/")[1]);
      const [deleted, renamed, kept] = await edit(params, [
        {row: a, next: {Current: 1}},
        {row: b, next: {Current: 2}},
        {row: c, next: {Current: 3}},
      ]);
      assert.isTrue(race.fired);
      assert.deepEqual(
        rows.map(r => r.id),
        ids,
        "no row added: the edits went to their rows by id",
      );
      assert.equal(deleted.outcome, "error");
      assert.equal(deleted.error!.message, "The key result was deleted in its doc since the last sync: sync again.");
      assert.equal(renamed.outcome, "error");
      assert.match(
        renamed.error!.message,
        /^Current was written, but the key result was renamed to "Win rate, renamed" since the last sync\. Sync again to see it\.$/,
      );
      assert.equal(rowOf(b.Id)!.values.get(columnOf(docId, "Current")), 2, "written to the row it edits, by its id");
      assert.equal(kept.outcome, "success");
      assert.equal(rowOf(c.Id)!.values.get(columnOf(docId, "Current")), 3);
    });

    it("returns each row as the next sync shows it, field by field", async function () {
      const params = okrParams(teamDocs, {asOf: "today", fiscalYearStartMonth: 12});
      const run = await runSync(env, pack, "KeyResults", params);
      const picked = ["Webinar attendees", "Average sales cycle in days", "Win rate on qualified opportunities"].map(
        name => run.rows.find(r => r.Name === name)!,
      );
      const outcomes = await edit(params, [
        {row: picked[0], next: {Current: 45}},
        {row: picked[1], next: {Current: 64, Confidence: 0.65}},
        {row: picked[2], next: {Confidence: 0.9}},
      ]);
      const next = await runSync(env, pack, "KeyResults", params);
      outcomes.forEach((o, i) => {
        assert.equal(o.outcome, "success", o.error?.message);
        assert.deepEqual(
          o.finalValue,
          next.rows.find(r => r.Id === picked[i].Id),
          `${picked[i].Name} as the next sync shows it`,
        );
      });
    });
  });

  it("says 'queued, not yet applied' when the doc has not applied the writes within the run: on the edited row, and as CheckIn's message", async function () {
    // The doc takes two minutes to apply a write; a 20-times clock spends the run's budget in seconds.
    env.emulator.mutationDelayMs = 120_000;
    const params = okrParams(teamDocs.slice(0, 1));
    await withFastClock(20, async () => {
      const run = await runSync(env, pack, "KeyResults", params);
      const [kr2, kr3] = ["KR2", "KR3"].map(code => run.rows.find(r => r.Code === code)!);
      const context = emulatorContext({
        baseUrl: env.baseUrl,
        token: Tokens.leader,
      }) as unknown as coda.UpdateSyncExecutionContext;
      const updated = await executeUpdateFormulaFromPackDef(
        pack,
        "KeyResults",
        params as coda.ParamValues<coda.ParamDefs>,
        context,
        [{previousValue: kr2, newValue: {...kr2, Current: 25}, updatedFields: ["Current"]}] as coda.GenericSyncUpdate[],
      );
      const [queued] = updated.result as Outcome[];
      assert.equal(queued.outcome, "error");
      assert.equal(
        queued.error!.message,
        "Queued, not yet applied: the doc NsTeam001 has not applied this edit yet. Sync in a minute to see it.",
      );
      const error = await rejection(
        executeFormulaFromPackDef(
          pack,
          "CheckIn",
          [kr3.Id, 66, 0.55] as coda.ParamValues<coda.ParamDefs>,
          actionContext(env),
        ),
      );
      assert.equal(
        error.message,
        'Queued, not yet applied: the check-in of "Average sales cycle in days" waits in the doc NsTeam001. Run CheckIn again in a minute to confirm it; it never adds a second check-in.',
      );
      env.emulator.applyDueMutations(Number.MAX_SAFE_INTEGER);
      const again = await runSync(env, pack, "KeyResults", params);
      assert.include(
        again.rows.find(r => r.Code === "KR2")!,
        {Current: 25},
        "the queued edit lands later",
      );
      assert.include(
        again.rows.find(r => r.Code === "KR3")!,
        {Current: 66, Confidence: 0.55},
        "the queued check-in lands later",
      );
    });
  });

  describe("under the real write limit and delay", function () {
    // This describe's own emulator: the sample without bad rows, with the real service's limits and write delay.
    const env = useEmulator({validate: true, rateLimit: ObservedRateLimit, mutationDelayMs: ObservedMutationDelay});
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("edits ten rows with one write each under the real write limit and delay, each confirmed within its run", async function () {
      const docs = env.seeded.teamDocIds.slice(0, 3).map(docUrl);
      const params = okrParams(docs);
      const keyResults = pack.syncTables.find(t => t.name === "KeyResults")!;
      const batch = keyResults.getter.maxUpdateBatchSize ?? 1;
      await withFastClock(10, async () => {
        const run = await runSync(env, pack, "KeyResults", params);
        const rows = run.rows.filter(r => r.Current !== undefined).slice(0, 10);
        const sizes = env.seeded.teamDocIds.map(
          d => env.emulator.doc(d)!.tables.find(t => t.name === "Key Results")!.rows.length,
        );
        env.emulator.resetStats();
        const outcomes: Outcome[] = [];
        // Coda hands the pack at most maxUpdateBatchSize edits an execution.
        for (let at = 0; at < rows.length; at += batch) {
          const context = emulatorContext({
            baseUrl: env.baseUrl,
            token: Tokens.leader,
          }) as unknown as coda.UpdateSyncExecutionContext;
          const started = Date.now();
          const updates = rows
            .slice(at, at + batch)
            .map((r, i) => ({previousValue: r, newValue: {...r, Current: 500 + at + i}, updatedFields: ["Current"]}));
          const updated = await executeUpdateFormulaFromPackDef(
            pack,
            "KeyResults",
            params as coda.ParamValues<coda.ParamDefs>,
            context,
            updates as coda.GenericSyncUpdate[],
          );
          assert.isBelow(Date.now() - started, ExecutionBudgetMs, "each execution ends within its budget");
          outcomes.push(...(updated.result as Outcome[]));
        }
        assert.deepEqual(
          outcomes.map(o => o.outcome),
          rows.map(() => "success"),
          outcomes.map(o => o.error?.message).join(" "),
        );
        assert.lengthOf(rows, 10);
        assert.equal(env.emulator.stats.writes, 10, "one write a row");
        assert.isUndefined(env.emulator.stats.byOperation.upsertRows, "no upsert, which could add a row");
        assert.deepEqual(
          env.seeded.teamDocIds.map(d => env.emulator.doc(d)!.tables.find(t => t.name === "Key Results")!.rows.length),
          sizes,
          "no row added",
        );
      });
    });
  });

  it("returns the checked-in key result as the next sync shows it that day, field by field", async function () {
    for (const fiscalYearStartMonth of [undefined, 12]) {
      const params = okrParams(teamDocs, {asOf: "today", fiscalYearStartMonth});
      const run = await runSync(env, pack, "KeyResults", params);
      for (const name of ["Average sales cycle in days", "Webinar attendees"]) {
        const kr = run.rows.find(r => r.Name === name)!;
        // A check-in for an earlier day, judged today as the sync judges it.
        const args = [
          kr.Id,
          61,
          0.6,
          "Late check-in",
          new Date("2026-11-18T08:00:00Z"),
          ...(fiscalYearStartMonth ? [undefined, undefined, undefined, fiscalYearStartMonth] : []),
        ];
        const returned = await executeFormulaFromPackDef(
          pack,
          "CheckIn",
          args as coda.ParamValues<coda.ParamDefs>,
          actionContext(env),
          {useDeprecatedResultNormalization: false},
        );
        const next = await runSync(env, pack, "KeyResults", params);
        assert.deepEqual(
          returned,
          next.rows.find(r => r.Id === kr.Id),
          `${name}, fiscal year from month ${fiscalYearStartMonth ?? 1}`,
        );
      }
    }
  });

  it("checks a key result in: a new check-in row and a new current value in the team doc", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    const kr = run.rows.find(r => r.Code === "KR3")!;
    const result = await executeFormulaFromPackDef(
      pack,
      "CheckIn",
      [
        kr.Id,
        66,
        0.55,
        "Shorter cycles after the new pricing",
        new Date("2026-11-21T08:00:00Z"),
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {
        useDeprecatedResultNormalization: false,
      },
    );
    assert.deepInclude(result as object, {Id: kr.Id, Current: 66, Confidence: 0.55, LastCheckIn: "2026-11-21"});
    const checkIns = await runSync(env, pack, "CheckIns", [teamDocs.slice(0, 1)]);
    const added = checkIns.rows.find(c => c.Note === "Shorter cycles after the new pricing")!;
    assert.include(added, {Value: 66, Confidence: 0.55, Date: "2026-11-21"});
    assert.equal(added.KeyResult.Id, kr.Id);
    const again = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    assert.include(
      again.rows.find(r => r.Code === "KR3")!,
      {Current: 66, LastCheckIn: "2026-11-21"},
    );
  });

  it("checks a key result in given the row's own link, and says what to paste for a link to no row", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    const kr = run.rows.find(r => r.Code === "KR3")!;
    assert.match(kr.Link, /^https:\/\//);
    const result = await executeFormulaFromPackDef(
      pack,
      "CheckIn",
      [kr.Link, 67, 0.6, "From the row's link", new Date("2026-11-22T08:00:00Z")] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {
        useDeprecatedResultNormalization: false,
      },
    );
    assert.deepInclude(result as object, {Id: kr.Id, Current: 67, LastCheckIn: "2026-11-22"});
    const docLink = teamDocs[0];
    const error = await rejection(
      executeFormulaFromPackDef(pack, "CheckIn", [docLink, 67] as coda.ParamValues<coda.ParamDefs>, actionContext(env)),
    );
    assert.match(
      error.message,
      /^The link ".{1,40}" is not a link to a row: use the Id column of a Leadership OS sync table, or the row's own link\.$/,
    );
    assert.notInclude(error.message, "The doc https:");
  });

  it("leaves nothing half-written when a check-in is refused", async function () {
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    const kr = run.rows.find(r => r.Code === "KR3")!;
    const before = env.emulator.doc(env.seeded.teamDocIds[0])!.tables.find(t => t.name === "Check-ins")!.rows.length;
    const error = await rejection(
      executeFormulaFromPackDef(
        pack,
        "CheckIn",
        [kr.Id, 66] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env, Tokens.reader),
      ),
    );
    assert.match(
      error.message,
      /^Access denied \(updating a row of the table Key Results in the doc NsTeam001\)\..*read-only/,
    );
    assert.equal(
      env.emulator.doc(env.seeded.teamDocIds[0])!.tables.find(t => t.name === "Check-ins")!.rows.length,
      before,
    );
    const again = await runSync(env, pack, "KeyResults", okrParams(teamDocs.slice(0, 1)));
    assert.equal(again.rows.find(r => r.Code === "KR3")!.Current, kr.Current, "the key result keeps its value");
  });

  describe("with more key results than a sync table keeps", function () {
    // This describe's own emulator, serving one team of 10,050 key results.
    const env = useEmulator(() => ({org: generateOrganization({teams: 1, objectives: 20, keyResults: 10_050})}));
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("says so when the sources hold more rows than a sync table keeps", async function () {
      const error = await rejection(runSync(env, pack, "KeyResults", okrParams(env.seeded.teamDocIds.map(docUrl))));
      assert.match(error.message, /more than 10,000 key results, the most a sync table keeps\. Narrow the sync/);
    });
  });
});

describe("API responses the pack does not expect", function () {
  it("are a clear error at the edge, not a crash later on", async function () {
    const context = newMockSyncExecutionContext();
    context.fetcher.fetch.resolves(newJsonFetchResponse({items: [{id: 7, name: "Objectives"}]}));
    const error = await rejection(
      executeSyncFormula(pack, "Objectives", [["NsTeam001"]] as coda.ParamValues<coda.ParamDefs>, context),
    );
    assert.instanceOf(error, coda.UserVisibleError);
    assert.match(
      error.message,
      /^The Docs API answered reading the table Objectives in the doc NsTeam001 in an unexpected shape \(items\.0\.id: Invalid input/,
    );
  });

  it("turn a 429 the fetcher gave up on into advice to wait", async function () {
    const context = newMockSyncExecutionContext();
    const body = {statusCode: 429, statusMessage: "Too Many Requests", message: "Too Many Requests"};
    context.fetcher.fetch.rejects(
      new coda.StatusCodeError(429, body, {method: "GET", url: "/docs/NsTeam001/tables"}, {headers: {}, body}),
    );
    const error = await rejection(
      executeSyncFormula(pack, "KeyResults", [["NsTeam001"]] as coda.ParamValues<coda.ParamDefs>, context),
    );
    assert.match(
      error.message,
      /is limiting how fast this account may read or write .* Wait a minute and try again; nothing is lost or doubled\./,
    );
  });
});

describe("doc links", function () {
  it("reads doc ids from either host and from bare ids without a request", async function () {
    assert.equal(docIdFromUrl("https://coda.io/d/Team-OKRs_dAbCDeFGH/Page_su123"), "AbCDeFGH");
    assert.equal(docIdFromUrl("https://docs.superhuman.com/d/_dAbCDeFGH"), "AbCDeFGH");
    assert.equal(docIdFromUrl("https://docs.superhuman.com/d/Plan_dXy-12345#Goals_tu1"), "Xy-12345");
    // Real doc ids may hold _ and -: the id runs to the end of its path segment.
    assert.equal(docIdFromUrl("https://docs.superhuman.com/d/Team-OKRs_dAb_c-D9x/Key-Results_suQ1"), "Ab_c-D9x");
    assert.equal(docIdFromUrl("https://docs.superhuman.com/d/_dAb_c-D9x#Goals_tu1/_rui-xyz"), "Ab_c-D9x");
    assert.equal(docIdFromUrl("https://docs.superhuman.com/d/_d_x-_y_z"), "_x-_y_z");
    const context = newMockSyncExecutionContext();
    assert.equal(await resolveDocId(context, "AbCDeFGH"), "AbCDeFGH");
    assert.equal(context.fetcher.fetch.callCount, 0);
  });

  it("falls back to resolveBrowserLink for other links", async function () {
    const context = newMockSyncExecutionContext();
    context.fetcher.fetch.resolves(
      newJsonFetchResponse({type: "apiLink", href: "x", resource: {type: "doc", id: "QqQqQq12", href: "x"}}),
    );
    assert.equal(await resolveDocId(context, "https://docs.superhuman.com/go/shortlink"), "QqQqQq12");
    assert.match(
      context.fetcher.fetch.firstCall.args[0].url,
      /\/resolveBrowserLink\?url=https%3A%2F%2Fdocs\.superhuman\.com%2Fgo%2Fshortlink/,
    );
    // A link to a table or a row resolves to that resource; its doc is in its API href.
    const tableLink = newMockSyncExecutionContext();
    tableLink.fetcher.fetch.resolves(
      newJsonFetchResponse({
        type: "apiLink",
        href: "x",
        resource: {
          type: "table",
          id: "grid-1",
          href: "https://docs.superhuman.com/apis/v1/docs/Ab_c-D9x/tables/grid-1",
        },
      }),
    );
    assert.equal(await resolveDocId(tableLink, "https://docs.superhuman.com/go/tablelink"), "Ab_c-D9x");
    const error = await rejection(resolveDocId(context, "not a link"));
    assert.match(error.message, /neither a doc link nor a doc id/);
  });
});
