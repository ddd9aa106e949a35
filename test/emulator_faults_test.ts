import * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {settingsFromEnv} from "../emulator/env";
import {parseFaults} from "../emulator/faults";
import {EmulatorFetcher} from "../emulator/fetcher";
import type {SampleEmulator} from "../emulator/sample";
import {Tokens} from "../emulator/sample";
import {DocumentedRateLimit, ObservedMutationDelay, ObservedRateLimit} from "../emulator/server";
import {useEmulator} from "./support/emulator";

/** The emulator's injected faults, over HTTP, and how the test fetcher reports them. */
describe("Docs API emulator faults", function () {
  const env = useEmulator({validate: true});
  const request = async (method: string, path: string, body?: unknown, on: SampleEmulator = env) => {
    const headers = {Authorization: `Bearer ${Tokens.leader}`, "Content-Type": "application/json"};
    const response = await fetch(`${on.baseUrl}/apis/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {status: response.status, body: (await response.json()) as any};
  };
  const get = (path: string) => request("GET", path);
  /** The error a request fails with, or undefined when it gets an answer. */
  const dropped = async (method: string, path: string, body?: unknown) => {
    try {
      await request(method, path, body);
      return undefined;
    } catch (error) {
      return error as Error;
    }
  };
  const checkIns = () => env.emulator.doc("NsTeam001")!.tables.find(t => t.name === "Check-ins")!;
  const addCheckIn = {rows: [{cells: [{column: "Note", value: "Reset"}]}]};

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "answers other than the injected ones match the spec");
  });

  it("answers 500, 502 or 503 on the nth request from the time it is injected", async function () {
    await get("/whoami");
    const fault = env.emulator.inject({fault: 502, nth: 2});
    assert.equal((await get("/whoami")).status, 200);
    const failed = await get("/docs/NsTeam001");
    assert.deepEqual(failed, {
      status: 502,
      body: {statusCode: 502, statusMessage: "Bad Gateway", message: "Bad Gateway"},
    });
    assert.equal((await get("/docs/NsTeam001")).status, 200);
    assert.equal(fault.fired, 1);
    assert.deepEqual(env.emulator.stats.faults, {502: 1});
  });

  it("answers the next n requests of one operation with an error", async function () {
    env.emulator.inject({fault: 503, operation: "listRows", times: 2});
    const rows = "/docs/NsTeam001/tables/Objectives/rows";
    assert.equal((await get("/whoami")).status, 200, "other operations pass");
    assert.equal((await get(rows)).status, 503);
    assert.equal((await get(rows)).status, 503);
    assert.equal((await get(rows)).status, 200);
    env.emulator.inject({fault: 500, operation: "getMutationStatus"});
    const added = await request("POST", "/docs/NsTeam001/tables/Check-ins/rows", addCheckIn);
    assert.equal((await get(`/mutationStatus/${encodeURIComponent(added.body.requestId)}`)).status, 500);
    assert.deepEqual((await get(`/mutationStatus/${encodeURIComponent(added.body.requestId)}`)).body, {
      completed: true,
      warning: null,
    });
    assert.deepEqual(env.emulator.stats.faults, {503: 2, 500: 1});
  });

  it("drops the connection before a write, and the write is lost", async function () {
    const before = checkIns().rows.length;
    const fault = env.emulator.inject({fault: "resetBefore", operation: "upsertRows"});
    assert.instanceOf(await dropped("POST", "/docs/NsTeam001/tables/Check-ins/rows", addCheckIn), Error);
    env.emulator.applyDueMutations(Infinity);
    assert.equal(checkIns().rows.length, before);
    assert.equal(fault.fired, 1);
    assert.equal(
      (await request("POST", "/docs/NsTeam001/tables/Check-ins/rows", addCheckIn)).status,
      202,
      "it fires once",
    );
    assert.equal(checkIns().rows.length, before + 1);
  });

  it("drops the connection after accepting a write, and the write lands when due", async function () {
    env.emulator.mutationDelayMs = 100;
    const before = checkIns().rows.length;
    env.emulator.inject({fault: "resetAfter", operation: "upsertRows"});
    assert.instanceOf(await dropped("POST", "/docs/NsTeam001/tables/Check-ins/rows", addCheckIn), Error);
    await new Promise(resolve => setTimeout(resolve, 150));
    const rows = (await get("/docs/NsTeam001/tables/Check-ins/rows?limit=500")).body.items;
    assert.lengthOf(rows, before + 1);
    assert.deepEqual(env.emulator.stats.faults, {resetAfter: 1});
  });

  it("answers a proxy's HTML page instead of JSON, and the write is not applied", async function () {
    const before = checkIns().rows.length;
    const fault = env.emulator.inject({fault: "html", operation: "upsertRows"});
    const response = await fetch(`${env.baseUrl}/apis/v1/docs/NsTeam001/tables/Check-ins/rows`, {
      method: "POST",
      headers: {Authorization: `Bearer ${Tokens.leader}`, "Content-Type": "application/json"},
      body: JSON.stringify(addCheckIn),
    });
    assert.equal(response.status, 502);
    assert.equal(response.headers.get("content-type"), "text/html");
    const text = await response.text();
    assert.match(text, /^<html>\r\n<head><title>502 Bad Gateway<\/title>/);
    assert.throws(() => JSON.parse(text));
    env.emulator.applyDueMutations(Infinity);
    assert.equal(checkIns().rows.length, before);
    assert.equal(fault.fired, 1);
    env.emulator.inject({fault: "html", status: 503});
    assert.equal(
      (await fetch(`${env.baseUrl}/apis/v1/whoami`, {headers: {Authorization: `Bearer ${Tokens.leader}`}})).status,
      503,
    );
    assert.deepEqual(env.emulator.stats.faults, {html: 2});
  });

  it("refuses a page token with 400 Invalid pageToken., only on requests that carry one", async function () {
    const fault = env.emulator.inject({fault: "badPageToken", operation: "listRows"});
    const first = await get("/docs/NsTeam001/tables/Check-ins/rows?limit=5");
    assert.equal(first.status, 200, "a first page has no token");
    const refused = await get(`/docs/NsTeam001/tables/Check-ins/rows?pageToken=${first.body.nextPageToken}`);
    assert.deepEqual(refused, {
      status: 400,
      body: {statusCode: 400, statusMessage: "Bad Request", message: "Invalid pageToken."},
    });
    assert.equal(
      (await get(`/docs/NsTeam001/tables/Check-ins/rows?pageToken=${first.body.nextPageToken}`)).status,
      200,
      "it fires once",
    );
    assert.equal(fault.fired, 1);
  });

  it("deletes rows between two pages, so an offset walk skips rows", async function () {
    const all = (await get("/docs/NsTeam001/tables/Check-ins/rows?limit=500")).body.items.map((r: any) => r.id);
    const fault = env.emulator.inject({fault: "betweenPages", table: "Check-ins", deleteFirst: 2});
    const seen = await walk("Check-ins", 10);
    assert.equal(fault.fired, 1);
    assert.deepEqual(
      seen,
      [...all.slice(0, 10), ...all.slice(12)],
      "the two rows that moved back onto the first page are missed",
    );
  });

  it("inserts rows between two pages, so an offset walk sees rows twice", async function () {
    const all = (await get("/docs/NsTeam001/tables/Check-ins/rows?limit=500")).body.items.map((r: any) => r.id);
    const table = (await get("/docs/NsTeam001/tables/Check-ins")).body;
    env.emulator.inject({fault: "betweenPages", table: table.id, insert: 3});
    const seen = await walk("Check-ins", 10);
    assert.lengthOf(seen, all.length + 3);
    assert.deepEqual(seen.slice(10, 13), all.slice(7, 10), "the last rows of the first page come again");
    assert.equal((await get("/docs/NsTeam001/tables/Check-ins")).body.rowCount, all.length + 3);
    const again = await walk("Check-ins", 10);
    assert.lengthOf(again, all.length + 3, "it fires once");
  });

  describe("with faults in its options", function () {
    const faulty = useEmulator({validate: true, faults: [{fault: 503, operation: "whoami"}]});
    afterEach(function () {
      assert.deepEqual(faulty.emulator.violations, [], "answers other than the injected ones match the spec");
    });

    it("clears faults and takes them from the options", async function () {
      env.emulator.inject({fault: 500});
      env.emulator.clearFaults();
      assert.equal((await get("/whoami")).status, 200);
      assert.isEmpty(env.emulator.faults);
      assert.equal((await request("GET", "/whoami", undefined, faulty)).status, 503);
      assert.deepEqual(
        faulty.emulator.faults.map(f => [f.fault, f.fired]),
        [[503, 1]],
      );
    });
  });

  describe("the test fetcher", function () {
    const fetcher = () => new EmulatorFetcher({baseUrl: env.baseUrl, token: Tokens.leader});
    const url = "https://docs.superhuman.com/apis/v1/docs/NsTeam001/tables/Check-ins/rows";

    it("throws Node's socket hang up when the connection drops, not a StatusCodeError", async function () {
      env.emulator.inject({fault: "resetAfter", operation: "upsertRows"});
      const error = await rejection(
        fetcher().fetch({
          method: "POST",
          url,
          headers: {"Content-Type": "application/json"},
          body: JSON.stringify(addCheckIn),
        }),
      );
      assert.isFalse(coda.StatusCodeError.isStatusCodeError(error));
      assert.equal(error.message, "socket hang up");
      assert.equal((error as NodeJS.ErrnoException).code, "ECONNRESET");
    });

    it("does not retry a 5xx", async function () {
      env.emulator.inject({fault: 503, operation: "listRows"});
      const f = fetcher();
      const error = await rejection(f.fetch({method: "GET", url}));
      assert.isTrue(coda.StatusCodeError.isStatusCodeError(error));
      assert.equal((error as coda.StatusCodeError).statusCode, 503);
      assert.equal(f.log.requests, 1);
    });

    it("retries a 429 after a few seconds, as no Retry-After comes", async function () {
      this.timeout(10_000);
      env.emulator.rateLimit = {reads: 1, writes: 1, windowMs: 1000};
      const f = fetcher();
      await f.fetch({method: "GET", url});
      const response = await f.fetch({method: "GET", url});
      assert.equal(response.status, 200);
      assert.equal(f.log.retries429, 1);
      assert.equal(f.log.waitedMs, 2000);
    });

    it("keeps a body that is not JSON as text in the StatusCodeError", async function () {
      env.emulator.inject({fault: "html", operation: "listRows"});
      const error = await rejection(fetcher().fetch({method: "GET", url}));
      assert.equal((error as coda.StatusCodeError).statusCode, 502);
      assert.match((error as coda.StatusCodeError).body as string, /^<html>/);
    });
  });

  /** Every row id a listRows walk sees, page by page. */
  async function walk(table: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let page = (await get(`/docs/NsTeam001/tables/${table}/rows?limit=${limit}`)).body;
    ids.push(...page.items.map((r: any) => r.id));
    while (page.nextPageToken) {
      page = (await get(`/docs/NsTeam001/tables/${table}/rows?pageToken=${page.nextPageToken}`)).body;
      ids.push(...page.items.map((r: any) => r.id));
    }
    return ids;
  }
});

describe("emulator settings", function () {
  it("default to the observed limits and write delay", function () {
    assert.deepEqual(settingsFromEnv({}), {
      port: 8787,
      mutationDelayMs: ObservedMutationDelay,
      rateLimit: ObservedRateLimit,
      faults: [],
    });
  });

  it("read the delay, the rate limit and the faults from the environment", function () {
    const settings = settingsFromEnv({
      PORT: "9000",
      EMULATOR_MUTATION_DELAY_MS: "100-200",
      EMULATOR_RATE_LIMIT: "documented",
      EMULATOR_FAULTS:
        '[{"fault":503,"operation":"listRows","times":2},{"fault":"betweenPages","table":"Key Results","insert":1}]',
    });
    assert.deepEqual(settings, {
      port: 9000,
      mutationDelayMs: {min: 100, max: 200},
      rateLimit: DocumentedRateLimit,
      faults: [
        {fault: 503, operation: "listRows", times: 2},
        {fault: "betweenPages", table: "Key Results", insert: 1},
      ],
    });
    assert.equal(settingsFromEnv({EMULATOR_MUTATION_DELAY_MS: "0"}).mutationDelayMs, 0);
    assert.isFalse(settingsFromEnv({EMULATOR_RATE_LIMIT: "off"}).rateLimit);
    assert.deepEqual(settingsFromEnv({EMULATOR_RATE_LIMIT: '{"reads":5,"writes":1,"windowMs":1000}'}).rateLimit, {
      reads: 5,
      writes: 1,
      windowMs: 1000,
    });
    assert.deepEqual(parseFaults('{"fault":"resetAfter"}'), [{fault: "resetAfter"}]);
    assert.deepEqual(parseFaults('[{"fault":"html","status":503},{"fault":"badPageToken","operation":"listRows"}]'), [
      {fault: "html", status: 503},
      {fault: "badPageToken", operation: "listRows"},
    ]);
  });

  it("say what is wrong with a bad value", function () {
    assert.throws(
      () => settingsFromEnv({EMULATOR_MUTATION_DELAY_MS: "soon"}),
      /EMULATOR_MUTATION_DELAY_MS must be a whole number/,
    );
    assert.throws(
      () => settingsFromEnv({EMULATOR_RATE_LIMIT: "fast"}),
      /EMULATOR_RATE_LIMIT must be observed, documented, off or JSON/,
    );
    assert.throws(
      () => parseFaults('{"fault":418}'),
      /The fault must be one of 500, 502, 503, resetBefore, resetAfter, html, badPageToken, betweenPages/,
    );
    assert.throws(
      () => parseFaults('{"fault":"html","status":418}'),
      /An html fault's status must be one of 500, 502, 503/,
    );
    assert.throws(() => parseFaults('{"fault":500,"operation":"listRow"}'), /Unknown operation listRow/);
    assert.throws(() => parseFaults('{"fault":"betweenPages"}'), /needs a table/);
    assert.throws(() => parseFaults("[{"), /not valid JSON/);
  });
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail("expected the call to fail");
}
