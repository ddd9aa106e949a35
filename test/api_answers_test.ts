import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef, newMockExecutionContext} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import type {EmulatorFetcher} from "../emulator/fetcher";
import {runSync as runSyncIn} from "../emulator/run";
import type {DocAccess} from "../src/api/client";
import {
  all,
  ApiError,
  apiError,
  listRowsPage,
  mayHaveWritten,
  sharePermission,
  updateRow,
  upsertRows,
  whoami,
  writeLanded,
} from "../src/api/client";
import {pack} from "../src/pack";
import {actionContext, rejection, runSync, useEmulator} from "./support/emulator";

/**
 * What the real service sends beyond its reference (recorded traffic), through
 * the pack's client over HTTP: error bodies with codaType and codaDetail, bodies
 * that are not JSON, a 400 for a request over the size limit, a refused page
 * token, 429s without rate-limit headers. Each becomes one short
 * UserVisibleError that says what to do, or is handled: nothing is lost or doubled.
 */

/** A 400-character input of varied characters, so any 41 characters of it are a telling run. */
const Long = Array.from({length: 400}, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[i % 36]).join("");

/** Fails when a message quotes more than 40 characters of an input in a row. */
function quotesAtMost40(message: string, input: string): void {
  for (let i = 0; i + 41 <= input.length; i++) {
    assert.notInclude(
      message,
      input.slice(i, i + 41),
      `the message quotes more than 40 characters of the input: ${message}`,
    );
  }
}

describe("the Docs API's recorded answers, through the pack's client", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  const table = (docId: string, name: string) => env.emulator.doc(docId)!.tables.find(t => t.name === name)!;
  const column = (docId: string, tableName: string, name: string) =>
    table(docId, tableName).columns.find(c => c.name === name)!.id;
  const keyed = (key: string, note: string) => [
    {column: "Key", value: key},
    {column: "Note", value: note},
  ];

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  describe("a request over the size limit (400 request entity too large)", function () {
    it("splits an oversized batch and writes every row once, again without doubling", async function () {
      env.emulator.maxRequestBytes = 1_500;
      const context = actionContext(env);
      const rows = Array.from({length: 6}, (_, i) => keyed(`big-${i}`, `${"n".repeat(300)} ${i}`));
      const before = table("NsTeam001", "Check-ins").rows.length;
      const last = await upsertRows(context, "NsTeam001", "Check-ins", rows, ["Key"]);
      assert.isTrue(await writeLanded(context, last));
      const keyColumn = column("NsTeam001", "Check-ins", "Key");
      const keys = () =>
        table("NsTeam001", "Check-ins")
          .rows.map(r => r.values.get(keyColumn))
          .filter(k => String(k).startsWith("big-"));
      assert.sameMembers(
        keys(),
        rows.map(r => r[0].value),
        "every row landed, once",
      );
      assert.isAbove(env.emulator.stats.byOperation.upsertRows, 2, "the batch was split");
      await upsertRows(actionContext(env), "NsTeam001", "Check-ins", rows, ["Key"]);
      env.emulator.applyDueMutations();
      assert.lengthOf(keys(), 6, "written again, nothing doubled");
      assert.equal(table("NsTeam001", "Check-ins").rows.length, before + 6);
    });

    it("refuses a single row over the limit in one short message that says what to do, and writes nothing", async function () {
      env.emulator.maxRequestBytes = 1_000;
      const before = table("NsTeam001", "Check-ins").rows.length;
      const upsert = await rejection(
        upsertRows(actionContext(env), "NsTeam001", "Check-ins", [keyed("huge", "x".repeat(2_000))], ["Key"]),
      );
      assert.instanceOf(upsert, ApiError);
      assert.equal(
        upsert.message,
        "The Docs API refused writing to the table Check-ins in the doc NsTeam001: the request is over its size limit. Shorten the longest text in it, then try again.",
      );
      assert.isFalse(mayHaveWritten(upsert));
      const rowId = table("NsTeam001", "Check-ins").rows[0].id;
      const update = await rejection(
        updateRow(actionContext(env), "NsTeam001", "Check-ins", rowId, [{column: "Note", value: "x".repeat(2_000)}]),
      );
      assert.match(
        update.message,
        /^The Docs API refused updating a row of the table Check-ins in the doc NsTeam001: the request is over its size limit\. Shorten/,
      );
      env.emulator.applyDueMutations(Infinity);
      assert.equal(table("NsTeam001", "Check-ins").rows.length, before);
    });
  });

  describe("a page token the service no longer accepts (400 Invalid pageToken.)", function () {
    it("reads the table again from its first page: a sync keeps every row exactly once", async function () {
      env.emulator.maxRowLimit = 3;
      const params = [["NsTeam001"]];
      const clean = await runSync(env, pack, "KeyResults", params);
      const fault = env.emulator.inject({fault: "badPageToken", operation: "listRows"});
      const refused = await runSync(env, pack, "KeyResults", params);
      assert.equal(fault.fired, 1);
      assert.deepEqual(refused.rows.map(r => r.Id).sort(), clean.rows.map(r => r.Id).sort());
      assert.equal(new Set(refused.rows.map(r => r.Id)).size, refused.rows.length);
    });

    it("says to run it again when the page token is refused on the second reading too", async function () {
      env.emulator.maxRowLimit = 3;
      env.emulator.inject({fault: "badPageToken", operation: "listRows", times: 2});
      const context = actionContext(env);
      const error = await rejection(all(pageToken => listRowsPage(context, "NsTeam001", "Key Results", {pageToken})));
      assert.instanceOf(error, coda.UserVisibleError);
      assert.equal(
        error.message,
        "The Docs API no longer accepts the page it was at (reading the table Key Results in the doc NsTeam001). Run it again: it reads from the top, so nothing is lost or doubled.",
      );
    });
  });

  describe("a body that is not JSON at all (a proxy's HTML page)", function () {
    it("is retried like any server error, and the read succeeds", async function () {
      const fault = env.emulator.inject({fault: "html", operation: "listRows"});
      const page = await listRowsPage(actionContext(env), "NsTeam001", "Objectives");
      assert.isNotEmpty(page.items);
      assert.equal(fault.fired, 1);
    });

    it("is one short message once retries are spent, and a write it answered is retried and lands once", async function () {
      this.timeout(30_000);
      env.emulator.inject({fault: "html", operation: "listRows", times: 99});
      const error = await rejection(listRowsPage(actionContext(env), "NsTeam001", "Objectives"));
      assert.instanceOf(error, ApiError);
      assert.equal(
        error.message,
        "The Docs API failed after 5 tries (502, reading the table Objectives in the doc NsTeam001). Try again in a minute; nothing is lost or doubled.",
      );
      env.emulator.clearFaults();
      env.emulator.inject({fault: "html", status: 503, operation: "upsertRows"});
      const context = actionContext(env);
      await writeLanded(
        context,
        await upsertRows(context, "NsTeam001", "Check-ins", [keyed("after-html", "Once")], ["Key"]),
      );
      const keyColumn = column("NsTeam001", "Check-ins", "Key");
      assert.lengthOf(
        table("NsTeam001", "Check-ins").rows.filter(r => r.values.get(keyColumn) === "after-html"),
        1,
      );
    });

    it("answering a request with success is a message in words, and a write it answered may have landed", async function () {
      const context = newMockExecutionContext();
      context.fetcher.fetch.resolves({status: 202, headers: {}, body: "<html><body>Accepted</body></html>"});
      const error = await rejection(upsertRows(context, "NsTeam001", "Check-ins", [keyed("k", "v")], ["Key"]));
      assert.equal(
        error.message,
        "The Docs API answered writing to the table Check-ins in the doc NsTeam001 with a web page, not data. Try again in a minute; if it persists, report it.",
      );
      assert.isTrue(mayHaveWritten(error));
    });

    it("in a refusal, says what was refused and what to do, never the page", function () {
      const page = "<html><head><title>400 Bad Request</title></head><body>nginx</body></html>";
      const error = apiError(
        new coda.StatusCodeError(400, page, {method: "GET", url: "/x"}, {body: page, headers: {}}),
        "reading the table Objectives in the doc NsTeam001",
      ) as Error;
      assert.equal(
        error.message,
        "The Docs API refused reading the table Objectives in the doc NsTeam001. Try again; if it persists, report it.",
      );
    });
  });

  describe("an error body with codaType and codaDetail.issues", function () {
    it("names the field the schema check refused and says what to do", async function () {
      const error = await rejection(
        sharePermission(actionContext(env), "NsTeam001", "guest@elsewhere.example", "owner" as DocAccess),
      );
      assert.instanceOf(error, ApiError);
      assert.equal(
        error.message,
        'The Docs API refused sharing the doc NsTeam001 with guest@elsewhere.example: access: Invalid input: expected one of "readonly"|"write"|"comment". Check the values given; if they are right, report it.',
      );
    });

    it("reads the nested issues recorded traffic shows, as JSON or as text", function () {
      const body = {
        statusCode: 400,
        statusMessage: "Bad Request",
        message: "Bad Request",
        codaType: "RequestSchemaValidationFailed",
        codaDetail: {
          issues: [
            {
              code: "invalid_union",
              errors: [
                [
                  {
                    code: "invalid_value",
                    values: ["plainText"],
                    path: ["contentFormat"],
                    message: 'Invalid input: expected "plainText"',
                  },
                ],
              ],
              path: [],
              message: "Invalid input",
            },
          ],
        },
      };
      for (const given of [body, JSON.stringify(body)]) {
        const error = apiError(
          new coda.StatusCodeError(400, given, {method: "GET", url: "/x"}, {body: JSON.stringify(body), headers: {}}),
          "reading a page",
        ) as Error;
        assert.equal(
          error.message,
          'The Docs API refused reading a page: contentFormat: Invalid input: expected "plainText". Check the values given; if they are right, report it.',
        );
      }
      const odd = {...body, codaDetail: "not an object"};
      const error = apiError(
        new coda.StatusCodeError(400, odd, {method: "GET", url: "/x"}, {body: "", headers: {}}),
        "reading a page",
      ) as Error;
      assert.equal(error.message, "The Docs API refused reading a page. The API said: Bad Request");
    });
  });

  describe("cells as recorded traffic shows them, through every reader", function () {
    const asOf = new Date("2026-11-18T12:00:00Z");

    it("keeps a select value outside the options, and reads fenced select, canvas and reaction cells as typed", async function () {
      const actions = await runSync(env, pack, "ActionItems", ["NsMeet001", undefined, undefined, asOf]);
      assert.include(
        actions.rows.find(r => r.Name === "Write the partner API quickstart"),
        {Status: "Open", Done: false, Overdue: true},
      );
      const decisions = await runSync(env, pack, "Decisions", ["NsMeet001", undefined, undefined, asOf]);
      assert.equal(
        decisions.rows.find(r => r.Name.startsWith("Move tier-1 support"))!.Rationale,
        "Half of the backlog is questions the help center can answer.",
      );
      const issues = table("NsMeet001", "Issues");
      const votes = issues.columns.find(c => c.name === "Votes")!;
      Object.assign(votes, {type: "reaction", isArray: false});
      for (const row of issues.rows) row.values.set(votes.id, "Ana Lima,Jonah Berg");
      const priority = issues.columns.find(c => c.name === "Priority")!;
      issues.rows[0].values.set(priority.id, "Urgent");
      const run = await runSync(env, pack, "Issues", ["NsMeet001", undefined, undefined, asOf]);
      assert.isTrue(
        run.rows.every(r => r.Votes === 2 && r.Voters === "Ana Lima, Jonah Berg"),
        "a reaction cell's people, fenced",
      );
      assert.include(
        run.rows.find(r => r.Id === `NsMeet001/${issues.rows[0].id}`),
        {Priority: "High"},
        "Urgent, not an option, is read as typed",
      );
    });

    it("reads a date written as a Unix time as its day in the doc's time zone", async function () {
      const checkIns = table("NsTeam001", "Check-ins");
      const row = checkIns.rows[0];
      const context = actionContext(env);
      await writeLanded(
        context,
        await updateRow(context, "NsTeam001", "Check-ins", row.id, [{column: "Date", value: 1772582400}]),
      );
      const dateOf = async (timezone?: string) =>
        (await runSyncIn(env, pack, "CheckIns", [["NsTeam001"]], {timezone})).rows.find(
          r => r.Id === `NsTeam001/${row.id}`,
        )!.Date;
      // 1772582400 is 2026-03-04T00:00:00Z: still March 3 in Los Angeles, already March 4 in Kolkata.
      assert.equal(await dateOf(), "2026-03-03");
      assert.equal(await dateOf("Asia/Kolkata"), "2026-03-04");
    });

    it("reads a meeting doc's date written as a Unix time as its day in the doc's time zone", async function () {
      const row = table("NsMeet001", "Action Items").rows[0];
      const context = actionContext(env);
      await writeLanded(
        context,
        await updateRow(context, "NsMeet001", "Action Items", row.id, [{column: "Due", value: 1772582400}]),
      );
      const dueOf = async (timezone?: string) =>
        (await runSyncIn(env, pack, "ActionItems", ["NsMeet001"], {timezone})).rows.find(
          r => r.Id === `NsMeet001/${row.id}`,
        )!.Due;
      // 2026-03-04T00:00:00Z, the nearest UTC day, is still March 3 in Los Angeles.
      assert.equal(await dueOf(), "2026-03-03");
      assert.equal(await dueOf("Asia/Kolkata"), "2026-03-04");
    });
  });

  it("rides out 429s that carry no Retry-After, as the service sends none", async function () {
    this.timeout(30_000);
    env.emulator.rateLimit = {reads: 2, writes: 1, windowMs: 1000};
    const context = actionContext(env);
    for (let i = 0; i < 5; i++) assert.exists((await whoami(context)).loginId);
    assert.isAbove(env.emulator.stats.throttled, 0);
    assert.isAbove((context.fetcher as EmulatorFetcher).log.retries429, 0);
  });

  describe("messages quote at most 40 characters of any input", function () {
    const setupCheck = async (doc: string) => {
      const context = actionContext(env);
      return rejection(
        executeFormulaFromPackDef(pack, "SetupCheck", ["Team", doc] as coda.ParamValues<coda.ParamDefs>, context, {
          useDeprecatedResultNormalization: false,
        }),
      );
    };

    it("SetupCheck with a 400-character doc id, or a link holding one, names it once, cut to 40", async function () {
      for (const doc of [
        Long,
        `https://docs.superhuman.com/d/Long-Title_d${Long}`,
        `https://coda.io/d/_d${Long}/Page_su123`,
      ]) {
        const error = await setupCheck(doc);
        assert.instanceOf(error, coda.UserVisibleError);
        assert.equal(
          error.message,
          `The doc ${Long.slice(0, 39)}… does not exist or is not shared with the account this pack is connected as. Share it with that account, then try again.`,
        );
        quotesAtMost40(error.message, doc);
      }
    });

    it("SetupCheck with 400 characters that are no link, or a link into no doc", async function () {
      const text = await setupCheck(`Sales ${Long}`);
      assert.equal(
        text.message,
        `"Sales ${Long.slice(0, 33)}…" is neither a doc link nor a doc id. Copy the doc's link from the browser's address bar.`,
      );
      const link = `https://docs.superhuman.com/x/${Long}`;
      const nowhere = await setupCheck(link);
      assert.equal(
        nowhere.message,
        "The Docs API refused reading a link. The API said: That is not a Superhuman Docs URL.",
      );
      for (const error of [text, nowhere]) quotesAtMost40(error.message, Long);
    });

    it("a 400-character table name, email or title in any client message", async function () {
      const missing = await rejection(listRowsPage(actionContext(env), "NsTeam001", Long));
      assert.match(
        missing.message,
        /^Not found: reading the table \w{39}… in the doc NsTeam001\. Check the doc link and the table name\. The API said: No table \w{39}… in the doc /,
      );
      quotesAtMost40(missing.message, Long);
      const share = await rejection(
        sharePermission(actionContext(env), "NsTeam001", `${Long}@x.example`, "owner" as DocAccess),
      );
      quotesAtMost40(share.message, Long);
      const unshared = await rejection(updateRow(actionContext(env), Long, Long, Long, [{column: "Note", value: "x"}]));
      assert.isTrue((unshared as ApiError).docNotShared);
      quotesAtMost40(unshared.message, Long);
    });
  });
});
