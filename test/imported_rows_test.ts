import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import type {Cell, RowRecord, TableRecord} from "../emulator/model";
import type {SampleEmulator} from "../emulator/sample";
import {Tokens} from "../emulator/sample";
import {pack} from "../src/pack";
import {actionContext, docUrl, rejection, runSync, useEmulator} from "./support/emulator";

/**
 * The first meeting on the day the pack is installed: the tables hold rows
 * imported from CSV files, every column text and every Key blank (or no Key
 * column at all). An action on the same thing updates the imported row instead
 * of adding a second one, refuses when two imported rows could be it, and
 * resolves an owner the same way in every action.
 */

const asOf = new Date("2026-11-20T08:00:00Z");
const day = (iso: string) => new Date(`${iso}T08:00:00Z`);
const okrParams = (docs: string[]) => [docs, undefined, undefined, undefined, undefined, undefined, asOf];
const params = (values: unknown[]) => values as coda.ParamValues<coda.ParamDefs>;

let imported = 0;

/**
 * Coda's CSV import as the emulator takes it: the table of that name replaced
 * by one whose every column is text, the first one its display column, then
 * the rows added through the API without keys.
 */
async function importCsv(
  env: SampleEmulator,
  docId: string,
  name: string,
  header: string[],
  rows: string[][],
): Promise<TableRecord> {
  const doc = env.emulator.doc(docId)!;
  const id = `grid-csv${++imported}`;
  const table: TableRecord = {
    id,
    name,
    tableType: "table",
    pageId: `canvas-${id}`,
    pageName: name,
    columns: header.map((column, i) => ({id: `c-${id}-${i}`, name: column, type: "text", display: i === 0})),
    rows: [],
    createdAt: "2026-11-20T09:00:00.000Z",
    updatedAt: "2026-11-20T09:00:00.000Z",
  };
  const at = doc.tables.findIndex(t => t.name === name);
  if (at >= 0) doc.tables.splice(at, 1, table);
  else doc.tables.push(table);
  const response = await fetch(`${env.baseUrl}/apis/v1/docs/${docId}/tables/${encodeURIComponent(name)}/rows`, {
    method: "POST",
    headers: {Authorization: `Bearer ${Tokens.leader}`, "Content-Type": "application/json"},
    body: JSON.stringify({rows: rows.map(r => ({cells: r.map((value, i) => ({column: header[i], value}))}))}),
  });
  assert.equal(response.status, 202, await response.text());
  return table;
}

/** A row's cells by column name, as the doc holds them. */
const cellsOf = (table: TableRecord, row: RowRecord): Record<string, Cell | undefined> =>
  Object.fromEntries(table.columns.map(c => [c.name, row.values.get(c.id)]));

const tableIn = (env: SampleEmulator, docId: string, name: string) =>
  env.emulator.doc(docId)!.tables.find(t => t.name === name)!;

describe("rows the pack did not write, their Key blank, taken as the pack's own", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true, mutationDelayMs: 0});
  let team: string;
  let meeting: string;
  beforeEach(function () {
    team = env.seeded.teamDocIds[0];
    meeting = env.seeded.meetingDocId!;
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  /** The first team doc's KR3, Average sales cycle in days, as the KeyResults sync shows it. */
  const kr3 = async () =>
    (await runSync(env, pack, "KeyResults", okrParams([docUrl(team)]))).rows.find(r => r.Code === "KR3")!;
  const checkIn = (krId: string, value: number, note: string, on: string) =>
    executeFormulaFromPackDef(pack, "CheckIn", params([krId, value, 0.6, note, day(on)]), actionContext(env));
  const current = () => {
    const table = tableIn(env, team, "Key Results");
    return table.rows.find(r => r.id === "i-t0001m")!.values.get(table.columns.find(c => c.name === "Current")!.id);
  };

  describe("CheckIn", function () {
    it("updates the imported check-in of the same key result and day, named in text, and writes its key", async function () {
      const kr = await kr3();
      const table = await importCsv(
        env,
        team,
        "Check-ins",
        ["Key Result", "Date", "Value", "Confidence", "Note", "Key"],
        [
          ["Average sales cycle in days", "2026-11-18", "61", "0.5", "Typed in the sheet", ""],
          ["average sales cycle in days", "2026-11-11", "63", "", "A week before", ""],
        ],
      );
      await checkIn(kr.Id, 58, "Checked in at the meeting", "2026-11-18");
      await checkIn(kr.Id, 58, "Checked in at the meeting", "2026-11-18");
      assert.lengthOf(table.rows, 2, "at most one check-in a day, imported or not");
      assert.deepInclude(cellsOf(table, table.rows[0]), {
        "Key Result": "Average sales cycle in days",
        Date: "2026-11-18",
        Value: "58",
        Confidence: "0.6",
        Note: "Checked in at the meeting",
        Key: `checkin-${kr.Id.split("/")[1]}-2026-11-18`,
      });
      assert.equal(cellsOf(table, table.rows[1]).Value, "63", "the other day's check-in is left alone");

      // A check-in on a new day is added, naming its key result as the text column holds names.
      await checkIn(kr.Id, 57, "The next day", "2026-11-19");
      assert.lengthOf(table.rows, 3);
      assert.equal(cellsOf(table, table.rows[2])["Key Result"], "Average sales cycle in days");
      const synced = (await runSync(env, pack, "CheckIns", [[docUrl(team)]])).rows;
      assert.deepEqual(
        synced.map(c => [c.KeyResultName, c.Date, c.Value]),
        [
          ["Average sales cycle in days", "2026-11-18", 58],
          ["average sales cycle in days", "2026-11-11", 63],
          ["Average sales cycle in days", "2026-11-19", 57],
        ],
      );
      assert.include(
        (await kr3()) as object,
        {Current: 57, LastCheckIn: "2026-11-19"},
        "the key result reads its check-ins by name",
      );
    });

    it("updates the check-in that links the key result's row on that day, its Key blank", async function () {
      const kr = await kr3();
      const table = tableIn(env, team, "Check-ins");
      const before = table.rows.length;
      const onDay = () =>
        table.rows.filter(
          r =>
            (cellsOf(table, r)["Key Result"] as {rowId?: string} | null)?.rowId === "i-t0001m" &&
            cellsOf(table, r).Date === "2026-11-19",
        );
      assert.lengthOf(onDay(), 1, "the sample's check-in of that day");
      assert.isUndefined(cellsOf(table, onDay()[0]).Key);
      await checkIn(kr.Id, 57, "Corrected at the meeting", "2026-11-19");
      assert.equal(table.rows.length, before);
      assert.lengthOf(onDay(), 1);
      assert.include(cellsOf(table, onDay()[0]), {
        Value: 57,
        Note: "Corrected at the meeting",
        Key: "checkin-i-t0001m-2026-11-19",
      });
    });

    it("refuses two imported check-ins of one key result and day, naming both rows, and writes nothing", async function () {
      const kr = await kr3();
      const table = await importCsv(
        env,
        team,
        "Check-ins",
        ["Key Result", "Date", "Value", "Note", "Key"],
        [
          ["Average sales cycle in days", "2026-11-18", "61", "From the sheet", ""],
          ["AVERAGE SALES CYCLE IN DAYS", "2026-11-18", "60", "From the old tracker", ""],
        ],
      );
      const before = current();
      const error = await rejection(checkIn(kr.Id, 58, "Checked in at the meeting", "2026-11-18"));
      assert.instanceOf(error, coda.UserVisibleError);
      assert.equal(
        error.message,
        'Rows 1 ("Average sales cycle in days") and 2 ("AVERAGE SALES CYCLE IN DAYS") of Check-ins in the doc NsTeam001 hold the same check-in, so nothing was written: delete one, then run the action again.',
      );
      assert.isAtMost(error.message.length, 200);
      assert.equal(current(), before, "the key result keeps its value");
      assert.deepEqual(
        table.rows.map(r => cellsOf(table, r).Value),
        ["61", "60"],
      );
    });

    it("updates an imported check-in in a table without a Key column, and refuses to add one there", async function () {
      const kr = await kr3();
      const table = await importCsv(
        env,
        team,
        "Check-ins",
        ["Key Result", "Date", "Value"],
        [["Average sales cycle in days", "2026-11-18", "61"]],
      );
      await checkIn(kr.Id, 58, "Checked in at the meeting", "2026-11-18");
      assert.lengthOf(table.rows, 1);
      assert.equal(cellsOf(table, table.rows[0]).Value, "58");
      assert.equal(current(), 58);
      const error = await rejection(checkIn(kr.Id, 55, "A new day", "2026-11-19"));
      assert.match(
        error.message,
        /^Add a text column named Key to the table Check-ins in the doc NsTeam001: it keeps a retried write from adding a second row\./,
      );
      assert.lengthOf(table.rows, 1);
      assert.equal(current(), 58, "refused before anything was written");
    });
  });

  describe("meeting actions", function () {
    const run = (formula: string, values: unknown[]) =>
      executeFormulaFromPackDef(pack, formula, params([meeting, ...values]), actionContext(env), {
        useDeprecatedResultNormalization: false,
      }) as Promise<Record<string, unknown>>;

    it("RaiseIssue updates the imported open issue of the same title, keeping what was imported, and adds one for a closed issue", async function () {
      const table = await importCsv(
        env,
        meeting,
        "Issues",
        ["Issue", "Priority", "Owner", "Source", "Raised", "Status", "Key"],
        [
          ["Hiring plan slips a quarter", "High", "Grace Mbeki", "", "2026-11-10", "In progress", ""],
          ["Churn in the SMB segment", "Low", "grace@northstar.example.com", "", "2026-10-01", "Solved", ""],
        ],
      );
      const raise = () =>
        run("RaiseIssue", [
          "hiring plan: slips a quarter!",
          "Raised in the meeting",
          "grace@northstar.example.com",
          undefined,
          asOf,
        ]);
      const first = await raise();
      assert.equal((await raise()).Id, first.Id, "running it again updates the same issue");
      assert.equal(first.Id, `${meeting}/${table.rows[0].id}`);
      assert.lengthOf(table.rows, 2);
      assert.deepInclude(cellsOf(table, table.rows[0]), {
        Issue: "Hiring plan slips a quarter",
        Priority: "High",
        Owner: "grace@northstar.example.com",
        Source: "Raised in the meeting",
        Raised: "2026-11-10",
        Status: "In progress",
      });
      assert.match(String(cellsOf(table, table.rows[0]).Key), /^issue-2026-11-20-/);
      assert.include(first, {Raised: "2026-11-10", Priority: "High", Open: true});

      await run("RaiseIssue", [
        "Churn in the SMB segment",
        "Hot metric: Logo churn",
        "grace@northstar.example.com",
        "High",
        asOf,
      ]);
      assert.lengthOf(table.rows, 3, "a solved issue is not the one raised again");
      assert.include(cellsOf(table, table.rows[2]), {
        Issue: "Churn in the SMB segment",
        Status: "Open",
        Raised: "2026-11-20",
        Priority: "High",
      });
    });

    it("RaiseIssue refuses two imported open issues of the same title, naming both rows", async function () {
      const table = await importCsv(
        env,
        meeting,
        "Issues",
        ["Issue", "Priority", "Status"],
        [
          ["Pricing page confuses buyers", "High", "Open"],
          ["Cash runway", "Low", "Open"],
          ["Pricing page confuses buyers.", "", ""],
          ["Onboarding a partner takes six weeks from the signed contract to the first live integration", "", "Open"],
          ["ONBOARDING a partner takes six weeks from the signed contract to the first live integration!", "", "Open"],
        ],
      );
      const error = await rejection(run("RaiseIssue", ["Pricing page confuses buyers", "by hand"]));
      assert.equal(
        error.message,
        'Rows 1 ("Pricing page confuses buyers") and 3 ("Pricing page confuses buyers.") of Issues in the doc NsMeet001 hold the same issue, so nothing was written: delete one, then run the action again.',
      );
      assert.isAtMost(error.message.length, 200);
      const long = await rejection(
        run("RaiseIssue", [
          "Onboarding a partner takes six weeks from the signed contract to the first live integration",
          "by hand",
        ]),
      );
      assert.match(
        long.message,
        /^Rows 4 \("Onboarding a partner takes s[^"]*…"\) and 5 \("ONBOARDING a partner takes s[^"]*…"\) of Issues/,
      );
      assert.isAtMost(long.message.length, 200, "each name is cut to fit");
      assert.lengthOf(table.rows, 5);
    });

    it("RecordDecision updates the imported decision of the same words, and a text Owner column takes a plain name as typed", async function () {
      const table = await importCsv(
        env,
        meeting,
        "Decisions",
        ["Decision", "Owner", "Approvers", "Lane", "Date", "Rationale", "Key"],
        [["Hire two enterprise account executives in Q1", "Maya Lindqvist", "", "Coordinated", "2026-10-20", "", ""]],
      );
      const record = () =>
        run("RecordDecision", [
          "Hire two enterprise account executives in Q1.",
          "Jonah",
          [],
          undefined,
          "Coverage is thin",
          undefined,
          asOf,
        ]);
      const first = await record();
      assert.equal((await record()).Id, first.Id);
      assert.lengthOf(table.rows, 1);
      assert.deepInclude(cellsOf(table, table.rows[0]), {
        Owner: "Jonah",
        Date: "2026-10-20",
        Lane: "Coordinated",
        Rationale: "Coverage is thin",
      });
      assert.match(String(cellsOf(table, table.rows[0]).Key), /^decision-2026-11-20-/);
      assert.include(first, {Date: "2026-10-20", Rationale: "Coverage is thin"});
    });

    it("AssignAction updates the imported action of the same words and owner, and adds one for another owner", async function () {
      const table = await importCsv(
        env,
        meeting,
        "Action Items",
        ["Action", "Owner", "Due", "Status", "Source", "Key"],
        [
          ["Send the board pack", "grace@northstar.example.com", "2026-11-25", "In progress", "", ""],
          ["Send the board pack", "Tom Okafor", "2026-11-25", "Open", "", ""],
        ],
      );
      const first = await run("AssignAction", [
        "send the board pack",
        "Grace@northstar.example.com",
        day("2026-12-01"),
        undefined,
        asOf,
      ]);
      assert.equal(first.Id, `${meeting}/${table.rows[0].id}`);
      assert.lengthOf(table.rows, 2);
      assert.deepInclude(cellsOf(table, table.rows[0]), {
        Action: "Send the board pack",
        Due: "2026-12-01",
        Status: "In progress",
      });
      const tom = await run("AssignAction", ["Send the board pack", "tom okafor", day("2026-12-02"), undefined, asOf]);
      assert.equal(tom.Id, `${meeting}/${table.rows[1].id}`, "a name matches a name as normalize compares them");
      assert.deepInclude(
        cellsOf(table, table.rows[1]),
        {Owner: "Tom Okafor", Due: "2026-12-02"},
        "the owner as imported",
      );
      const jonah = () => run("AssignAction", ["Send the board pack", "Jonah", day("2026-12-03"), undefined, asOf]);
      const added = await jonah();
      assert.equal((await jonah()).Id, added.Id);
      assert.lengthOf(table.rows, 3, "another owner's action is another action, added once");
    });

    it("resolves an owner the same way in every action: a People column refuses a plain name, says what to type, and nothing is written", async function () {
      const sizes = () => ["Issues", "Decisions", "Action Items"].map(name => tableIn(env, meeting, name).rows.length);
      const before = sizes();
      const issue = await rejection(run("RaiseIssue", ["Partner onboarding stalls", "by hand", "Jonah"]));
      const decision = await rejection(
        run("RecordDecision", [
          "Move support to the new help desk",
          "Jonah",
          [],
          undefined,
          undefined,
          undefined,
          asOf,
        ]),
      );
      const action = await rejection(
        run("AssignAction", ["Draft the partner FAQ", "Jonah", day("2026-12-10"), undefined, asOf]),
      );
      const approver = await rejection(
        run("RecordDecision", [
          "Move support to the new help desk",
          "grace@northstar.example.com",
          ["Maya"],
          undefined,
          undefined,
          undefined,
          asOf,
        ]),
      );
      for (const [error, column, table] of [
        [issue, "Owner", "Issues"],
        [decision, "Owner", "Decisions"],
        [action, "Owner", "Action Items"],
        [approver, "Approvers", "Decisions"],
      ] as const) {
        assert.instanceOf(error, coda.UserVisibleError);
        assert.isAtMost(error.message.length, 200);
        assert.match(
          error.message,
          new RegExp(
            `^Nothing was written: "(Jonah|Maya)" could not be resolved to a person, since ${column} in ${table} is a People column\\. Type the (owner|approver)'s email`,
          ),
        );
      }
      assert.match(
        action.message,
        /Type the owner's email, such as jonah@northstar\.example\.com\.$/,
        "the one Jonah the column holds",
      );
      assert.match(approver.message, /Type the approver's email, such as maya@northstar\.example\.com\.$/);
      assert.deepEqual(sizes(), before);
      const byEmail = await run("AssignAction", [
        "Draft the partner FAQ",
        "jonah@northstar.example.com",
        day("2026-12-10"),
        undefined,
        asOf,
      ]);
      assert.deepInclude(byEmail, {Owner: {Name: "Jonah Price", Email: "jonah@northstar.example.com"}});
    });
  });
});
