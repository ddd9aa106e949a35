import {assert} from "chai";
import {actionContext} from "../emulator/run";
import {markdown} from "../emulator/model";
import {Tokens} from "../emulator/sample";
import {ObservedRateLimit} from "../emulator/server";
import {People} from "../sample/organization";
import {ApiError, copyDoc, findDocsByTitle, sharePermission} from "../src/api/client";
import {useEmulator} from "./support/emulator";

/** The emulator itself: what the real service does, checked over HTTP against the spec. */
describe("Docs API emulator", function () {
  const env = useEmulator({validate: true});
  const get = async (path: string, token: string = Tokens.leader) => {
    const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {
      headers: token ? {Authorization: `Bearer ${token}`} : {},
    });
    return {status: response.status, headers: response.headers, body: (await response.json()) as any};
  };
  const send = async (method: string, path: string, body: unknown, token: string = Tokens.leader) => {
    const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {
      method,
      headers: {Authorization: `Bearer ${token}`, "Content-Type": "application/json"},
      body: JSON.stringify(body),
    });
    return {status: response.status, headers: response.headers, body: (await response.json()) as any};
  };
  const rowsOf = async (docId: string, table: string, query = "") =>
    (await get(`/docs/${docId}/tables/${encodeURIComponent(table)}/rows?limit=500${query}`)).body.items as any[];
  const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("answers errors in the documented envelope", async function () {
    assert.deepEqual((await get("/whoami", "")).body, {
      statusCode: 401,
      statusMessage: "Unauthorized",
      message: "The API token is missing, invalid or expired.",
    });
    assert.equal((await get("/docs/NsTeam001/tables/Objectives/rows?valueFormat=fancy")).status, 400);
    assert.equal((await get("/docs/NsTeam001/tables/Objectives/rows?sortBy=natural&visibleOnly=false")).status, 400);
    assert.equal((await get("/docs/NsTeam001/tables/Nope")).status, 404);
  });

  it("answers 404 for a doc the token may not open, exactly as for one that does not exist", async function () {
    const notFound = {statusCode: 404, statusMessage: "Not Found", message: "Doc does not exist or is inaccessible."};
    for (const path of [
      `/docs/${env.seeded.restrictedDocId}`,
      `/docs/${env.seeded.restrictedDocId}/tables`,
      "/docs/NoSuchDoc1",
    ]) {
      const answer = await get(path);
      assert.equal(answer.status, 404, path);
      assert.deepEqual(answer.body, notFound, path);
    }
    const link = `https://docs.superhuman.com/d/Board-Minutes_d${env.seeded.restrictedDocId}`;
    assert.deepEqual((await get(`/resolveBrowserLink?url=${encodeURIComponent(link)}`)).body, notFound);
    const write = await send(
      "POST",
      "/docs/NsTeam001/tables/Check-ins/rows",
      {rows: [{cells: [{column: "Note", value: "x"}]}]},
      Tokens.reader,
    );
    assert.equal(write.status, 403, "a read-only token writing still gets 403");
  });

  it("serves docs whose ids hold _ and -", async function () {
    const odd = env.seeded.docs.map(d => d.id).filter(id => /[_-]/.test(id));
    assert.includeMembers(odd, [env.seeded.teamDocIds[1], env.seeded.metricsDocId!]);
    assert.include(env.seeded.teamDocIds, "NsTeam001");
    assert.equal(env.seeded.meetingDocId, "NsMeet001");
    for (const id of odd) {
      const doc = await get(`/docs/${id}`);
      assert.equal(doc.body.id, id);
      assert.equal(doc.body.browserLink, `https://docs.superhuman.com/d/_d${id}`);
    }
    const [row] = await rowsOf(env.seeded.teamDocIds[1], "Key Results");
    assert.match(row.browserLink, new RegExp(`^https://docs\\.superhuman\\.com/d/_d${env.seeded.teamDocIds[1]}/#`));
  });

  it("resolves doc, table and row links, slugs and all", async function () {
    const docId = env.seeded.teamDocIds[1];
    const resolve = async (url: string, extra = "") =>
      get(`/resolveBrowserLink?url=${encodeURIComponent(url)}${extra}`);
    const doc = await resolve(`https://docs.superhuman.com/d/Marketing-OKRs_d${docId}/OKRs_su0000j`);
    assert.deepEqual(doc.body.resource, {
      type: "doc",
      id: docId,
      name: "Marketing OKRs",
      href: `https://docs.superhuman.com/apis/v1/docs/${docId}`,
    });
    assert.equal(doc.body.browserLink, `https://docs.superhuman.com/d/_d${docId}`);

    const krs = (await get(`/docs/${docId}/tables/Key%20Results`)).body;
    const table = await resolve(krs.browserLink);
    assert.deepEqual(table.body.resource, {
      type: "table",
      id: krs.id,
      name: "Key Results",
      href: `https://docs.superhuman.com/apis/v1/docs/${docId}/tables/${krs.id}`,
    });
    const withSlug = krs.browserLink.replace(`/d/_d${docId}/`, `/d/Marketing-OKRs_d${docId}/OKRs_su0000w`);
    assert.equal((await resolve(withSlug)).body.resource.id, krs.id);

    const [row] = await rowsOf(docId, "Key Results");
    const resolved = await resolve(row.browserLink);
    assert.deepEqual(resolved.body.resource, {
      type: "row",
      id: row.id,
      name: row.name,
      href: `https://docs.superhuman.com/apis/v1/docs/${docId}/tables/${krs.id}/rows/${row.id}`,
    });
    assert.equal(resolved.body.browserLink, row.browserLink);
    assert.equal(
      (await resolve(row.browserLink.replace("https://docs.superhuman.com", "https://coda.io"))).body.resource.id,
      row.id,
    );

    const gone = row.browserLink.replace(row.id, "i-gone001");
    assert.equal((await resolve(gone)).status, 404);
    assert.deepEqual((await resolve(gone, "&degradeGracefully=true")).body.resource.type, "table");
    assert.equal((await resolve("https://example.com/d/_dNsTeam001")).status, 400);
  });

  it("pages with tokens that carry the query and ignore other parameters", async function () {
    const first = await get("/docs/NsTeam001/tables/Key%20Results/rows?limit=2&valueFormat=simple&useColumnNames=true");
    assert.lengthOf(first.body.items, 2);
    assert.equal(first.body.items[0].values.Code, "KR1");
    const second = await get(
      `/docs/NsTeam001/tables/Key%20Results/rows?pageToken=${first.body.nextPageToken}&limit=50`,
    );
    assert.lengthOf(second.body.items, 2);
    assert.equal(second.body.items[0].values.Code, "KR3");
    let last = second.body;
    while (last.nextPageToken) {
      last = (await get(`/docs/NsTeam001/tables/Key%20Results/rows?pageToken=${last.nextPageToken}`)).body;
    }
    assert.property(last, "nextSyncToken");
  });

  it("encodes values as simple, simpleWithArrays and rich", async function () {
    const path = "/docs/NsTeam005/tables/Objectives/rows?useColumnNames=true&limit=1&valueFormat=";
    const simple = (await get(path + "simple")).body.items[0].values;
    const arrays = (await get(path + "simpleWithArrays")).body.items[0].values;
    const rich = (await get(path + "rich")).body.items[0].values;
    assert.equal(simple.Goals, "Net revenue retention of 115%,New customers see value within 14 days");
    assert.deepEqual(arrays.Goals, ["Net revenue retention of 115%", "New customers see value within 14 days"]);
    assert.include(rich.Goals[0], {
      "@type": "StructuredValue",
      additionalType: "row",
      name: "Net revenue retention of 115%",
    });
    assert.equal(rich.Objective, "```Turn at-risk accounts into advocates```");
    assert.include(rich.Owner, {"@type": "Person", email: "lena@northstar.example.com"});
  });

  it("serves formatted text as Markdown in the rich format and as plain text otherwise", async function () {
    const cell = async (docId: string, table: string, column: string, code: string, format: string) => {
      const rows = await rowsOf(docId, table, `&useColumnNames=true&valueFormat=${format}`);
      return rows.find(r => JSON.stringify(r.values).includes(code))!.values[column];
    };
    const goal = "Grow ARR from $38M to $52M";
    assert.equal(await cell(env.seeded.strategyDocId, "Annual Goals", "Goal", '"AG1"', "simple"), goal);
    assert.equal(
      await cell(env.seeded.strategyDocId, "Annual Goals", "Goal", "AG1", "rich"),
      `**[${goal}](https://northstar.example.com/board/fy2026-plan)**`,
    );
    assert.equal(
      await cell(env.seeded.strategyDocId, "Annual Goals", "Goal", "AG2", "rich"),
      "```Net revenue retention of 115%```",
    );
    assert.equal(await cell("NsTeam003", "Objectives", "Objective", "O6", "rich"), "_Make onboarding self-serve_");
    assert.equal(
      await cell("NsTeam003", "Objectives", "Objective", "O6", "simpleWithArrays"),
      "Make onboarding self-serve",
    );
    assert.equal(
      await cell("NsMeet001", "Issues", "Issue", "hiring pipeline", "rich"),
      "**The director hiring pipeline is thin**",
    );
    const goals = await rowsOf(env.seeded.strategyDocId, "Annual Goals");
    assert.equal(goals[0].name, goal, "a row's name is plain text");
    const filtered = await get(
      `/docs/${env.seeded.strategyDocId}/tables/Annual%20Goals/rows?query=${encodeURIComponent(`"Goal":"${goal}"`)}`,
    );
    assert.lengthOf(filtered.body.items, 1, "a query matches the plain text");
    assert.equal(
      markdown({
        runs: [{text: "Grow "}, {text: "ARR", bold: true, italic: true}, {text: " now", link: "https://example.com"}],
      }),
      "Grow **_ARR_**[ now](https://example.com)",
    );
    assert.equal(markdown({runs: [{text: "plain"}]}), "```plain```");
  });

  it("serves select, canvas and reaction cells fenced in the rich format, a select value outside its options as typed", async function () {
    const meeting = env.emulator.doc("NsMeet001")!;
    const issues = meeting.tables.find(t => t.name === "Issues")!;
    issues.columns.push({id: "c-mtReact", name: "Reactions", type: "reaction"});
    issues.rows[0].values.set("c-mtReact", "Ana Lima,Jonah Berg");
    const rows = async (table: string, format: string) =>
      (await get(`/docs/NsMeet001/tables/${encodeURIComponent(table)}/rows?useColumnNames=true&valueFormat=${format}`))
        .body.items as any[];
    const [action] = await rows("Action Items", "rich");
    assert.equal(action.values.Status, "```Open```");
    assert.equal((await rows("Action Items", "simple"))[0].values.Status, "Open");
    const columns = (await get("/docs/NsMeet001/tables/Action%20Items/columns")).body.items as any[];
    const status = columns.find(c => c.name === "Status");
    assert.deepEqual(
      status.format.options,
      [{name: "Not started"}, {name: "In progress"}, {name: "Done"}],
      "Open is not among the options",
    );
    const [decision] = await rows("Decisions", "rich");
    assert.match(decision.values.Rationale, /^```[^`]+```$/);
    const rationale = ((await get("/docs/NsMeet001/tables/Decisions/columns")).body.items as any[]).find(
      c => c.name === "Rationale",
    );
    assert.equal(rationale.format.type, "canvas");
    const [issue] = await rows("Issues", "rich");
    assert.equal(issue.values.Reactions, "```Ana Lima,Jonah Berg```");
    assert.match(issue.values.Priority, /^```(High|Medium|Low)```$/);
    await send("PUT", `/docs/NsMeet001/tables/Action%20Items/rows/${action.id}`, {
      row: {cells: [{column: "Status", value: "Someday"}]},
    });
    assert.equal(
      (await rows("Action Items", "rich"))[0].values.Status,
      "```Someday```",
      "a value outside the options is kept as typed",
    );
  });

  it("serves a date at midnight with the doc's offset, and a Unix time written to it as the number", async function () {
    const checkIn = (await rowsOf("NsTeam001", "Check-ins"))[0].id;
    const date = async (docId: string, rowId: string, format = "rich") =>
      (await get(`/docs/${docId}/tables/Check-ins/rows/${rowId}?useColumnNames=true&valueFormat=${format}`)).body.values
        .Date;
    const write = (docId: string, rowId: string, value: unknown) =>
      send("PUT", `/docs/${docId}/tables/Check-ins/rows/${rowId}`, {row: {cells: [{column: "Date", value}]}});
    await write("NsTeam001", checkIn, "2026-01-05");
    assert.equal(
      await date("NsTeam001", checkIn),
      "2026-01-05T00:00:00.000-08:00",
      "a sample doc keeps Los Angeles time",
    );
    await write("NsTeam001", checkIn, "2026-07-01");
    assert.equal(await date("NsTeam001", checkIn), "2026-07-01T00:00:00.000-07:00", "summer time");
    const made = await send("POST", "/docs", {
      title: "New York OKRs",
      sourceDoc: "NsTeam001",
      timezone: "America/New_York",
    });
    const copied = (await rowsOf(made.body.id, "Check-ins"))[0].id;
    await write(made.body.id, copied, "2026-03-04");
    assert.equal(await date(made.body.id, copied), "2026-03-04T00:00:00.000-05:00");
    await write(made.body.id, copied, "2026-03-09");
    assert.equal(
      await date(made.body.id, copied),
      "2026-03-09T00:00:00.000-04:00",
      "after the change to summer time on March 8",
    );
    await write(made.body.id, copied, 1772582400);
    for (const format of ["rich", "simple", "simpleWithArrays"]) {
      assert.strictEqual(await date(made.body.id, copied, format), 1772582400, format);
    }
    const unknown = await send("POST", "/docs", {title: "Nowhere", timezone: "Mars/Olympus"});
    assert.equal(unknown.status, 400);
    assert.deepEqual(
      unknown.body.codaDetail.issues.map((i: any) => i.path),
      [["timezone"]],
    );
  });

  it("refuses a request body over the size limit with 400 request entity too large, not 413, and writes nothing", async function () {
    env.emulator.maxRequestBytes = 1_000;
    const before = (await rowsOf("NsTeam001", "Check-ins")).length;
    const big = await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {
      rows: [{cells: [{column: "Note", value: "x".repeat(2_000)}]}],
    });
    assert.deepEqual(big, {
      status: 400,
      headers: big.headers,
      body: {statusCode: 400, statusMessage: "Bad Request", message: "request entity too large"},
    });
    assert.lengthOf(await rowsOf("NsTeam001", "Check-ins"), before);
    assert.equal(
      (
        await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {
          rows: [{cells: [{column: "Note", value: "Short"}]}],
        })
      ).status,
      202,
    );
  });

  it("answers a page token it does not accept with 400 Invalid pageToken., on every list", async function () {
    const invalid = {statusCode: 400, statusMessage: "Bad Request", message: "Invalid pageToken."};
    const first = (await get("/docs/NsTeam001/tables/Check-ins/rows?limit=2")).body;
    for (const path of [
      "/docs/NsTeam001/tables/Check-ins/rows?pageToken=not-a-token",
      `/docs/NsTeam001/tables/Objectives/rows?pageToken=${first.nextPageToken}`,
      "/docs/NsTeam001/tables?pageToken=not-a-token",
      "/docs/NsTeam001/tables/Check-ins/columns?pageToken=not-a-token",
      "/docs?pageToken=not-a-token",
    ]) {
      assert.deepEqual((await get(path)).body, invalid, path);
    }
  });

  it("refuses a request that fails the schema check with codaType and codaDetail.issues, as the service does", async function () {
    const format = await get("/docs/NsTeam001/tables/Objectives/rows?valueFormat=fancy");
    assert.equal(format.status, 400);
    assert.deepInclude(format.body, {
      statusCode: 400,
      statusMessage: "Bad Request",
      message: "Bad Request",
      codaType: "RequestSchemaValidationFailed",
    });
    assert.deepEqual(format.body.codaDetail.issues, [
      {
        code: "invalid_value",
        path: ["valueFormat"],
        message: 'Invalid input: expected one of "simple"|"simpleWithArrays"|"rich"',
      },
    ]);
    const share = await send("POST", "/docs/NsTeam001/acl/permissions", {
      access: "owner",
      principal: {type: "email", email: "a@b.example"},
    });
    assert.deepEqual(share.body.codaDetail.issues[0].path, ["access"]);
    assert.equal(
      (await get("/docs/NsTeam001/tables/Objectives/rows?limit=0")).body.codaDetail.issues[0].path[0],
      "limit",
    );
  });

  it("filters rows with the documented query", async function () {
    const rows = await get("/docs/NsTeam001/tables/Key%20Results/rows?useColumnNames=true&query=%22Code%22:%22KR2%22");
    assert.deepEqual(
      rows.body.items.map((r: any) => r.values.Code),
      ["KR2"],
    );
    assert.equal((await get("/docs/NsTeam001/tables/Key%20Results/rows?query=Nope:1")).status, 400);
  });

  it("finds tables by exact name, URL-encoded, or by id, and reports an honest rowCount and updatedAt", async function () {
    const byName = (await get("/docs/NsTeam001/tables/Check-ins")).body;
    assert.deepEqual((await get(`/docs/NsTeam001/tables/${byName.id}`)).body, byName);
    assert.equal((await get("/docs/NsTeam001/tables/Key%20Results")).body.name, "Key Results");
    assert.equal((await get("/docs/NsTeam001/tables/key%20results")).status, 404, "names match exactly");
    assert.equal(byName.rowCount, (await rowsOf("NsTeam001", "Check-ins")).length);

    const stamps = [byName.updatedAt];
    const table = async () => (await get("/docs/NsTeam001/tables/Check-ins")).body;
    const added = await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {
      rows: [{cells: [{column: "Note", value: "New"}]}],
    });
    const afterInsert = await table();
    assert.equal(afterInsert.rowCount, byName.rowCount + 1);
    stamps.push(afterInsert.updatedAt);
    await send("PUT", `/docs/NsTeam001/tables/Check-ins/rows/${added.body.addedRowIds[0]}`, {
      row: {cells: [{column: "Note", value: "Edited"}]},
    });
    stamps.push((await table()).updatedAt);
    await send("DELETE", `/docs/NsTeam001/tables/Check-ins/rows/${added.body.addedRowIds[0]}`, undefined);
    const afterDelete = await table();
    assert.equal(afterDelete.rowCount, byName.rowCount);
    stamps.push(afterDelete.updatedAt);
    assert.deepEqual([...stamps].sort(), stamps);
    assert.equal(new Set(stamps).size, 4, "every insert, update and delete moves updatedAt");
  });

  it("serves useColumnNames and the rich format together", async function () {
    const [row] = (await get("/docs/NsTeam001/tables/Key%20Results/rows?useColumnNames=true&valueFormat=rich&limit=1"))
      .body.items;
    assert.equal(row.values.Code, "```KR1```");
    assert.include(row.values.Objective, {"@type": "StructuredValue", additionalType: "row"});
    assert.include(row.values.Owner, {"@type": "Person"});
  });

  it("upserts by key columns at apply time: every match updated, a row added when none matches", async function () {
    env.emulator.mutationDelayMs = 150;
    const path = "/docs/NsTeam001/tables/Check-ins/rows";
    const notesColumn = env.emulator
      .doc("NsTeam001")!
      .tables.find(t => t.name === "Check-ins")!
      .columns.find(c => c.name === "Note")!.id;
    const twice = {
      rows: [
        {
          cells: [
            {column: notesColumn, value: "Weekly"},
            {column: "Value", value: 1},
          ],
        },
        {
          cells: [
            {column: "Note", value: "Weekly"},
            {column: "Value", value: 2},
          ],
        },
      ],
    };
    await send("POST", path, twice);
    const first = await send("POST", path, {
      rows: [
        {
          cells: [
            {column: "Note", value: "Keyed"},
            {column: "Value", value: 10},
          ],
        },
      ],
      keyColumns: ["Note"],
    });
    await send("POST", path, {
      rows: [
        {
          cells: [
            {column: "Note", value: "Keyed"},
            {column: "Value", value: 11},
          ],
        },
      ],
      keyColumns: [notesColumn],
    });
    assert.equal(first.status, 202);
    assert.notProperty(first.body, "addedRowIds", "no addedRowIds with keyColumns");
    assert.isEmpty(
      (await rowsOf("NsTeam001", "Check-ins")).filter(r => r.name === "Keyed"),
      "nothing is seen before the writes apply",
    );
    await sleep(250);
    let rows = await rowsOf("NsTeam001", "Check-ins", "&useColumnNames=true");
    assert.deepEqual(
      rows.filter(r => r.name === "Keyed").map(r => r.values.Value),
      [11],
      "two queued upserts with one key make one row",
    );
    assert.deepEqual(
      rows.filter(r => r.name === "Weekly").map(r => r.values.Value),
      [1, 2],
    );
    await send("POST", path, {
      rows: [
        {
          cells: [
            {column: "Note", value: "Weekly"},
            {column: "Value", value: 7},
          ],
        },
      ],
      keyColumns: ["Note"],
    });
    await sleep(200);
    rows = await rowsOf("NsTeam001", "Check-ins", "&useColumnNames=true");
    assert.deepEqual(
      rows.filter(r => r.name === "Weekly").map(r => r.values.Value),
      [7, 7],
      "every matching row is updated",
    );
  });

  it("queues writes as mutate:<uuid> and reports them through mutationStatus with warning null", async function () {
    env.emulator.mutationDelayMs = 200;
    const added = await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {
      rows: [
        {
          cells: [
            {column: "Note", value: "Queued"},
            {column: "Value", value: "12"},
          ],
        },
      ],
    });
    assert.equal(added.status, 202);
    assert.match(added.body.requestId, /^mutate:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.lengthOf(added.body.addedRowIds, 1);
    const status = () => get(`/mutationStatus/${encodeURIComponent(added.body.requestId)}`);
    assert.deepEqual((await status()).body, {completed: false, warning: null});
    assert.isUndefined(
      (await rowsOf("NsTeam001", "Check-ins")).find(r => r.id === added.body.addedRowIds[0]),
      "a read before the write applies does not see it",
    );
    await sleep(250);
    assert.deepEqual((await status()).body, {completed: true, warning: null});
    assert.equal((await get(`/mutationStatus/${added.body.requestId}`)).status, 200, "an unencoded id works too");
    assert.equal((await get("/mutationStatus/mutate%3A00000000-0000-0000-0000-000000000000")).status, 404);
    assert.equal(
      (await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {rows: [{cells: [{column: "Nope", value: 1}]}]}))
        .status,
      400,
    );
    assert.equal((await send("PUT", "/docs/NsTeam001/tables/Check-ins/rows/i-none", {row: {cells: []}})).status, 404);
  });

  it("applies a write at its time though nobody polls, and in the order writes were sent", async function () {
    env.emulator.mutationDelayMs = {min: 50, max: 300};
    const path = "/docs/NsTeam001/tables/Key%20Results/rows";
    const [kr] = await rowsOf("NsTeam001", "Key Results");
    for (let i = 1; i <= 5; i++) await send("PUT", `${path}/${kr.id}`, {row: {cells: [{column: "Current", value: i}]}});
    assert.notEqual((await get(`${path}/${kr.id}?useColumnNames=true`)).body.values.Current, 5);
    await sleep(350);
    assert.equal(
      (await get(`${path}/${kr.id}?useColumnNames=true`)).body.values.Current,
      5,
      "the last write sent is the one that stays",
    );
    await send("DELETE", `${path}/${kr.id}`, undefined);
    await sleep(350);
    const table = env.emulator.doc("NsTeam001")!.tables.find(t => t.name === "Key Results")!;
    assert.isDefined(
      table.rows.find(r => r.id === kr.id),
      "between requests the model waits",
    );
    env.emulator.applyDueMutations();
    assert.isUndefined(table.rows.find(r => r.id === kr.id));
  });

  it("limits each user's reads per window and, as the service, sends no rate-limit headers", async function () {
    env.emulator.rateLimit = {reads: 3, writes: 1, windowMs: 6000};
    for (let i = 0; i < 3; i++) assert.equal((await get("/whoami")).status, 200);
    const throttled = await get("/whoami", Tokens.reader);
    assert.equal(throttled.status, 429, "the limit is the user's, whichever token");
    assert.deepEqual(throttled.body, {
      statusCode: 429,
      statusMessage: "Too Many Requests",
      message: "Too Many Requests",
    });
    const names: string[] = [];
    throttled.headers.forEach((_, name) => names.push(name));
    assert.deepEqual(
      names.filter(h => /retry-after|ratelimit/i.test(h)),
      [],
    );
  });

  it("allows 3 writes per 10 seconds per user under the observed limits, with reads still open", async function () {
    env.emulator.rateLimit = ObservedRateLimit;
    const write = () =>
      send("PUT", `/docs/NsTeam001/tables/Check-ins/rows/${env.emulator.doc("NsTeam001")!.tables[3].rows[0].id}`, {
        row: {cells: [{column: "Note", value: "x"}]},
      });
    for (let i = 0; i < 3; i++) assert.equal((await write()).status, 202);
    const throttled = await write();
    assert.equal(throttled.status, 429);
    assert.isNull(throttled.headers.get("retry-after"));
    assert.equal((await get("/whoami")).status, 200);
    assert.equal(env.emulator.stats.throttled, 1);
  });
});

/** The doc operations beyond rows: listDocs, createDoc and addPermission, over HTTP and through the pack's client. */
describe("Docs API emulator: listing, copying and sharing docs", function () {
  this.timeout(60_000);
  const Guest = {name: "Gus Guest", email: "gus@elsewhere.example"};
  const GuestToken = "tok-guest-0001";
  // The sample's tokens, unscoped, and a guest who may open no doc until one is shared with him.
  const env = useEmulator({
    validate: true,
    tokens: {
      [Tokens.leader]: {user: People.ceo, tokenName: "Leadership OS"},
      [Tokens.reader]: {user: People.ceo, tokenName: "Read only", readOnly: true},
      [GuestToken]: {user: Guest, tokenName: "Guest", docIds: []},
    },
    mutationDelayMs: 150,
  });
  const request = async (method: string, path: string, body?: unknown, token: string = Tokens.leader) => {
    const headers = {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : {"Content-Type": "application/json"}),
    };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {method, headers, body: payload});
    return {status: response.status, body: (await response.json()) as any};
  };
  const get = (path: string, token?: string) => request("GET", path, undefined, token);
  const titles = async (query: string, token?: string) =>
    ((await get(`/docs?query=${encodeURIComponent(query)}`, token)).body.items as any[]).map(d => d.name);
  const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
  const notFound = {statusCode: 404, statusMessage: "Not Found", message: "Doc does not exist or is inaccessible."};

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("lists the docs a token may open, newest change first, and finds them by title", async function () {
    const all = (await get("/docs?limit=100")).body.items as any[];
    assert.includeMembers(
      all.map(d => d.id),
      ["NsTeam001", "NsMeet001"],
    );
    assert.deepEqual(await titles("sales"), ["Sales OKRs"], "the query searches titles, in any case");
    assert.deepEqual(await titles("sales", GuestToken), [], "a doc not shared is not listed");
    const first = (await get("/docs?query=OKRs&limit=2")).body;
    const second = (await get(`/docs?pageToken=${first.nextPageToken}`)).body;
    assert.lengthOf(first.items, 2);
    assert.isTrue(
      [...first.items, ...second.items].every((d: any) => d.name.includes("OKRs")),
      "a page token keeps the query",
    );
    assert.deepEqual((await get("/docs?isPublished=true")).body.items, []);
    await request("POST", "/docs/NsTeam003/tables/Check-ins/rows", {rows: [{cells: [{column: "Note", value: "New"}]}]});
    await sleep(200);
    assert.equal((await get("/docs")).body.items[0].id, "NsTeam003", "the doc changed last comes first");
  });

  it("copies a doc: 201 at once with a requestId, served with its tables and rows under new ids once the write applies", async function () {
    const made = await request("POST", "/docs", {
      title: "Sales OKRs FY2027",
      sourceDoc: "NsTeam001",
      timezone: "Europe/Berlin",
    });
    assert.equal(made.status, 201);
    assert.include(made.body, {type: "doc", name: "Sales OKRs FY2027", owner: People.ceo.email});
    assert.match(made.body.requestId, /^mutate:/);
    assert.match(made.body.id, /^[A-Za-z0-9]{10}$/);
    assert.equal(made.body.sourceDoc.id, "NsTeam001");
    assert.deepEqual((await get(`/docs/${made.body.id}`)).body, notFound, "nothing is served before the write applies");
    assert.deepEqual(await titles("FY2027"), []);
    await sleep(200);
    assert.deepEqual((await get(`/mutationStatus/${encodeURIComponent(made.body.requestId)}`)).body, {
      completed: true,
      warning: null,
    });
    assert.deepEqual(await titles("FY2027"), ["Sales OKRs FY2027"]);
    assert.lengthOf((await get("/docs?sourceDoc=NsTeam001")).body.items, 1);
    const tables = async (docId: string) =>
      ((await get(`/docs/${docId}/tables`)).body.items as any[]).map(t => ({id: t.id, name: t.name}));
    const [source, copy] = [await tables("NsTeam001"), await tables(made.body.id)];
    assert.deepEqual(
      copy.map(t => t.name),
      source.map(t => t.name),
    );
    assert.isEmpty(
      copy.filter(t => source.some(s => s.id === t.id)),
      "the copy's tables have new ids",
    );
    const rows = async (docId: string) =>
      (await get(`/docs/${docId}/tables/Key%20Results/rows?useColumnNames=true&valueFormat=rich`)).body.items as any[];
    const [sourceRows, copyRows] = [await rows("NsTeam001"), await rows(made.body.id)];
    assert.deepEqual(
      copyRows.map(r => r.name),
      sourceRows.map(r => r.name),
    );
    assert.notEqual(copyRows[0].id, sourceRows[0].id);
    assert.equal(
      copyRows[0].values.Objective.tableId,
      copy.find(t => t.name === "Objectives")!.id,
      "lookups point into the copy",
    );
    const edit = {row: {cells: [{column: "Current", value: 1}]}};
    await request("PUT", `/docs/${made.body.id}/tables/Key%20Results/rows/${copyRows[0].id}`, edit);
    await sleep(200);
    assert.notEqual((await rows("NsTeam001"))[0].values.Current, 1, "writing to the copy leaves the source alone");
  });

  it("makes an empty doc without a source, and refuses what the real service refuses", async function () {
    const empty = await request("POST", "/docs", {});
    assert.equal(empty.status, 201);
    assert.equal(empty.body.name, "Untitled");
    const unshared = await request("POST", "/docs", {title: "Board copy", sourceDoc: "NsMeet001"}, GuestToken);
    assert.deepEqual(unshared, {status: 404, body: notFound});
    assert.equal((await request("POST", "/docs", {title: "Copy"}, Tokens.reader)).status, 403);
    assert.equal((await request("POST", "/docs", {title: 7})).status, 400);
    assert.equal((await request("POST", "/docs", {title: "x", owner: "me"})).status, 400);
    assert.equal((await request("POST", "/docs", {title: "x", folderId: "fl-Nope"})).status, 400);
  });

  it("shares a doc by email once the write applies, at the access given", async function () {
    const share = (access: string, token?: string, docId = "NsTeam001") =>
      request(
        "POST",
        `/docs/${docId}/acl/permissions`,
        {access, principal: {type: "email", email: Guest.email}, suppressEmail: true},
        token,
      );
    const rowId = env.emulator.doc("NsTeam001")!.tables[3].rows[0].id;
    const note = {row: {cells: [{column: "Note", value: "x"}]}};
    const write = () => request("PUT", `/docs/NsTeam001/tables/Check-ins/rows/${rowId}`, note, GuestToken);
    assert.deepEqual(await share("readonly"), {status: 200, body: {}});
    assert.deepEqual(
      await get("/docs/NsTeam001", GuestToken),
      {status: 404, body: notFound},
      "not before the write applies",
    );
    await sleep(200);
    assert.equal((await get("/docs/NsTeam001", GuestToken)).status, 200);
    assert.deepEqual(await titles("OKRs", GuestToken), ["Sales OKRs"]);
    assert.equal((await write()).status, 403, "a read-only share refuses writes");
    await share("write");
    await sleep(200);
    assert.equal((await write()).status, 202);
    assert.deepEqual(
      await share("write", GuestToken, "NsMeet001"),
      {status: 404, body: notFound},
      "a doc the caller cannot see",
    );
    assert.equal((await share("owner")).status, 400);
    assert.equal(
      (await request("POST", "/docs/NsTeam001/acl/permissions", {access: "write", principal: {type: "anyone"}})).status,
      400,
    );
    assert.equal((await share("write", Tokens.reader)).status, 403);
  });

  it("counts createDoc and addPermission as writes under the write limit", async function () {
    env.emulator.rateLimit = ObservedRateLimit;
    const body = {access: "readonly", principal: {type: "email", email: Guest.email}};
    assert.equal((await request("POST", "/docs", {title: "One"})).status, 201);
    assert.equal((await request("POST", "/docs/NsTeam001/acl/permissions", body)).status, 200);
    assert.equal((await request("POST", "/docs", {title: "Two"})).status, 201);
    assert.equal((await request("POST", "/docs", {title: "Three"})).status, 429);
    assert.equal((await get("/docs")).status, 200, "reads are counted apart");
  });

  describe("through the pack's client", function () {
    const context = (token: string = Tokens.leader) => actionContext(env, token);

    it("copyDoc waits until the copy can be read, holds the source's tables, and finds it again, not copying twice", async function () {
      const copy = await copyDoc(context(), {title: "Marketing OKRs FY2027", sourceDocId: "Ns_Team-002"});
      assert.match(copy.browserLink, new RegExp(`^https://docs\\.superhuman\\.com/d/_d${copy.id}$`));
      assert.equal(copy.name, "Marketing OKRs FY2027");
      const names = async (docId: string) =>
        ((await get(`/docs/${docId}/tables`)).body.items as any[]).map(t => t.name);
      assert.deepEqual(await names(copy.id), await names("Ns_Team-002"), "readable as soon as copyDoc answers");
      assert.deepEqual(await copyDoc(context(), {title: "Marketing OKRs FY2027", sourceDocId: "Ns_Team-002"}), copy);
      assert.equal(env.emulator.stats.byOperation.createDoc, 1, "the second run found the copy");
      assert.deepEqual(await findDocsByTitle(context(), "Marketing OKRs FY2027"), [
        {...copy, sourceDocId: "Ns_Team-002"},
      ]);
      const link = "https://docs.superhuman.com/d/_dNs_Team-002";
      const original = {id: "Ns_Team-002", name: "Marketing OKRs", browserLink: link, sourceDocId: undefined};
      assert.deepEqual(await findDocsByTitle(context(), "Marketing OKRs"), [original], "the title matches exactly");
    });

    it("copyDoc of a doc not shared says so and makes nothing", async function () {
      const error = await copyDoc(context(GuestToken), {title: "Mine now", sourceDocId: "NsTeam001"}).catch(
        (e: unknown) => e,
      );
      assert.instanceOf(error, ApiError);
      assert.isTrue((error as ApiError).docNotShared);
      assert.match(
        (error as Error).message,
        /^The doc NsTeam001 does not exist or is not shared with the account this pack is connected as/,
      );
      assert.deepEqual(await titles("Mine now"), []);
    });

    it("copyDoc after a connection dropped on the create looks the title up and finds the copy: one doc, not two", async function () {
      const dropped = env.emulator.inject({fault: "resetAfter", operation: "createDoc"});
      const copy = await copyDoc(context(), {title: "Product OKRs FY2027", sourceDocId: "NsTeam003"});
      assert.equal(dropped.fired, 1);
      assert.equal(env.emulator.stats.byOperation.createDoc, 1);
      assert.deepEqual(
        (await findDocsByTitle(context(), "Product OKRs FY2027")).map(d => d.id),
        [copy.id],
      );
    });

    it("copyDoc after a server error waits until a create would have landed, then copies once", async function () {
      env.emulator.inject({fault: 503, operation: "createDoc"});
      const started = Date.now();
      const copy = await copyDoc(context(), {title: "People OKRs FY2027", sourceDocId: "NsTeam006"});
      assert.isAtLeast(Date.now() - started, 20_000, "it looked the title up for as long as a write takes to land");
      assert.equal(env.emulator.stats.byOperation.createDoc, 2);
      assert.deepEqual(
        (await findDocsByTitle(context(), "People OKRs FY2027")).map(d => d.id),
        [copy.id],
      );
    });

    it("sharePermission shares a doc, and says so when the doc is not the caller's to share", async function () {
      await sharePermission(context(), "NsTeam001", Guest.email, "readonly");
      await sleep(200);
      assert.deepEqual(await titles("Sales", GuestToken), ["Sales OKRs"]);
      const error = await sharePermission(context(GuestToken), "NsMeet001", "x@elsewhere.example", "write").catch(
        (e: unknown) => e,
      );
      assert.isTrue((error as ApiError).docNotShared);
    });

    it("paces copies and shares under the write limit: no write is refused", async function () {
      env.emulator.rateLimit = ObservedRateLimit;
      env.emulator.mutationDelayMs = 0;
      const c = context();
      const started = Date.now();
      const copy = await copyDoc(c, {title: "Finance OKRs FY2027", sourceDocId: "NsTeam007"});
      for (const email of ["a@x.example", "b@x.example", "c@x.example"]) {
        await sharePermission(c, copy.id, email, "write");
      }
      assert.equal(env.emulator.stats.throttled, 0);
      assert.isAtLeast(Date.now() - started, 9_000, "the fourth write waited for the window");
    });
  });
});
