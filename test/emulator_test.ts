import {assert} from "chai";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator, Tokens} from "../emulator/sample";

/** The emulator itself: what the pack relies on, checked over HTTP against the spec. */
describe("Docs API emulator", function () {
  let env: SampleEmulator;
  const get = async (path: string, token: string = Tokens.leader) => {
    const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {headers: token ? {Authorization: `Bearer ${token}`} : {}});
    return {status: response.status, headers: response.headers, body: (await response.json()) as any};
  };
  const send = async (method: string, path: string, body: unknown, token: string = Tokens.leader) => {
    const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {method, headers: {Authorization: `Bearer ${token}`, "Content-Type": "application/json"}, body: JSON.stringify(body)});
    return {status: response.status, body: (await response.json()) as any};
  };
  beforeEach(async function () {
    env = await startSampleEmulator({validate: true});
  });
  afterEach(async function () {
    assert.deepEqual(env.emulator.violations, []);
    await env.stop();
  });

  it("answers errors in the documented envelope", async function () {
    assert.deepEqual((await get("/whoami", "")).body, {statusCode: 401, statusMessage: "Unauthorized", message: "The API token is missing, invalid or expired."});
    assert.equal((await get(`/docs/${env.seeded.restrictedDocId}`)).status, 403);
    assert.equal((await get("/docs/NoSuchDoc1")).status, 404);
    assert.equal((await get("/docs/NsTeam001/tables/Objectives/rows?valueFormat=fancy")).status, 400);
    assert.equal((await get("/docs/NsTeam001/tables/Objectives/rows?sortBy=natural&visibleOnly=false")).status, 400);
  });

  it("pages with tokens that carry the query and ignore other parameters", async function () {
    const first = await get("/docs/NsTeam001/tables/Key%20Results/rows?limit=2&valueFormat=simple&useColumnNames=true");
    assert.lengthOf(first.body.items, 2);
    assert.equal(first.body.items[0].values.Code, "KR1");
    const second = await get(`/docs/NsTeam001/tables/Key%20Results/rows?pageToken=${first.body.nextPageToken}&limit=50`);
    assert.lengthOf(second.body.items, 2);
    assert.equal(second.body.items[0].values.Code, "KR3");
    let last = second.body;
    while (last.nextPageToken) last = (await get(`/docs/NsTeam001/tables/Key%20Results/rows?pageToken=${last.nextPageToken}`)).body;
    assert.property(last, "nextSyncToken");
  });

  it("encodes values as simple, simpleWithArrays and rich", async function () {
    const path = "/docs/NsTeam005/tables/Objectives/rows?useColumnNames=true&limit=1&valueFormat=";
    const simple = (await get(path + "simple")).body.items[0].values;
    const arrays = (await get(path + "simpleWithArrays")).body.items[0].values;
    const rich = (await get(path + "rich")).body.items[0].values;
    assert.equal(simple.Goals, "Net revenue retention of 115%,New customers see value within 14 days");
    assert.deepEqual(arrays.Goals, ["Net revenue retention of 115%", "New customers see value within 14 days"]);
    assert.include(rich.Goals[0], {"@type": "StructuredValue", additionalType: "row", name: "Net revenue retention of 115%"});
    assert.equal(rich.Objective, "```Turn at-risk accounts into advocates```");
    assert.include(rich.Owner, {"@type": "Person", email: "lena@northstar.example.com"});
  });

  it("filters rows with the documented query", async function () {
    const rows = await get('/docs/NsTeam001/tables/Key%20Results/rows?useColumnNames=true&query=%22Code%22:%22KR2%22');
    assert.deepEqual(rows.body.items.map((r: any) => r.values.Code), ["KR2"]);
    assert.equal((await get("/docs/NsTeam001/tables/Key%20Results/rows?query=Nope:1")).status, 400);
  });

  it("queues writes and reports them done through mutationStatus", async function () {
    await env.stop();
    env = await startSampleEmulator({validate: true, mutationDelayMs: 60_000});
    const added = await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {rows: [{cells: [{column: "Note", value: "Queued"}, {column: "Value", value: "12"}]}]});
    assert.equal(added.status, 202);
    assert.lengthOf(added.body.addedRowIds, 1);
    assert.deepEqual((await get(`/mutationStatus/${added.body.requestId}`)).body, {completed: false});
    assert.equal((await get("/mutationStatus/nope")).status, 404);
    assert.equal((await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {rows: [{cells: [{column: "Nope", value: 1}]}]})).status, 400);
    assert.equal((await send("PUT", "/docs/NsTeam001/tables/Check-ins/rows/i-none", {row: {cells: []}})).status, 404);
    assert.equal((await send("POST", "/docs/NsTeam001/tables/Check-ins/rows", {rows: [{cells: [{column: "Note", value: "x"}]}]}, Tokens.reader)).status, 403);
  });

  it("limits each token to its reads per window and says when to retry", async function () {
    env.emulator.rateLimit = {reads: 3, writes: 1, windowMs: 6000};
    for (let i = 0; i < 3; i++) assert.equal((await get("/whoami")).status, 200);
    const throttled = await get("/whoami");
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.statusMessage, "Too Many Requests");
    assert.isAtLeast(Number(throttled.headers.get("retry-after")), 1);
  });
});
