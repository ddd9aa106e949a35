import type * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {EmulatorFetcher} from "../emulator/fetcher";
import type {SampleEmulator} from "../emulator/sample";
import {pack} from "../src/pack";
import {readTable} from "../src/sync/source";
import {actionContext, docUrl, runSync, useEmulator} from "./support/emulator";

/**
 * A table of several pages is read between two looks at its row count and last
 * change. A row deleted from the first page after that page was read, and
 * before the first look, would go unseen were the first page kept: the pages
 * shift, the next page skips a row, and the deleted row stays while the counts
 * still add up.
 */

const PageSize = 2;
const asOf = new Date("2026-11-24T08:00:00Z");

/** A timestamp after `previous`, as the service moves a table's last change. */
const later = (previous: string) => new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();

/**
 * Deletes a row of a table's first page the moment that page has been answered,
 * before the pack's next request: once, on the first rows request for the
 * table that has no page token. Returns how to stop watching.
 */
function deleteAfterFirstPage(
  env: SampleEmulator,
  docId: string,
  table: string,
  rowIndex: number,
): {deleted: () => string | undefined; stop: () => void} {
  const original = EmulatorFetcher.prototype.fetch;
  let deleted: string | undefined;
  EmulatorFetcher.prototype.fetch = async function <T>(
    this: EmulatorFetcher,
    request: coda.FetchRequest,
  ): Promise<coda.FetchResponse<T>> {
    const response = await original.call<EmulatorFetcher, [coda.FetchRequest], Promise<coda.FetchResponse<T>>>(
      this,
      request,
    );
    const url = new URL(request.url);
    if (
      deleted === undefined &&
      url.pathname.endsWith(`/docs/${docId}/tables/${encodeURIComponent(table)}/rows`) &&
      !url.searchParams.has("pageToken")
    ) {
      const doc = env.emulator.doc(docId)!;
      const record = doc.tables.find(t => t.name === table)!;
      assert.isAbove(record.rows.length, PageSize, `${table} spans pages`);
      [{id: deleted}] = record.rows.splice(rowIndex, 1);
      record.updatedAt = later(record.updatedAt);
      doc.updatedAt = later(doc.updatedAt);
    }
    return response;
  };
  return {deleted: () => deleted, stop: () => (EmulatorFetcher.prototype.fetch = original)};
}

const ids = (rows: ReadonlyArray<Record<string, unknown>>) => rows.map(r => String(r.Id)).sort();

describe("a row deleted from the first page before the first look", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true, maxRowLimit: PageSize});
  let stop: (() => void) | undefined;
  afterEach(function () {
    stop?.();
    stop = undefined;
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("is gone from CheckInsDue, and no other key result goes missing", async function () {
    const daily = 1;
    const params = [env.seeded.teamDocIds.map(docUrl), daily, undefined, undefined, undefined, undefined, asOf];
    const before = await runSync(env, pack, "CheckInsDue", params);
    const due = new Set(ids(before.rows));
    const firstPageDue = (docId: string) => {
      const rows = env.emulator.doc(docId)!.tables.find(t => t.name === "Key Results")!.rows;
      return rows.length > PageSize ? rows.slice(0, PageSize).findIndex(r => due.has(`${docId}/${r.id}`)) : -1;
    };
    const docId = env.seeded.teamDocIds.find(d => firstPageDue(d) >= 0);
    assert.isDefined(docId, "a key result due a check-in is on a first page");
    const rowIndex = firstPageDue(docId!);
    const watch = deleteAfterFirstPage(env, docId!, "Key Results", rowIndex);
    stop = watch.stop;
    const run = await runSync(env, pack, "CheckInsDue", params);
    watch.stop();
    assert.isDefined(watch.deleted(), "a row was deleted after the first page");
    const deleted = `${docId}/${watch.deleted()}`;
    assert.notInclude(ids(run.rows), deleted, "the deleted key result is not synced");
    const after = await runSync(env, pack, "CheckInsDue", params);
    assert.deepEqual(ids(run.rows), ids(after.rows), "every other key result due is synced, once");
    assert.deepEqual(
      ids(after.rows),
      ids(before.rows).filter(id => id !== deleted),
    );
  });

  it("is gone from Seats, and no other seat goes missing", async function () {
    const meeting = env.seeded.meetingDocId!;
    const params = [docUrl(meeting), undefined, undefined, undefined, asOf];
    const watch = deleteAfterFirstPage(env, meeting, "Seats", 1);
    stop = watch.stop;
    const run = await runSync(env, pack, "Seats", params);
    watch.stop();
    assert.isDefined(watch.deleted(), "a row was deleted after the first page");
    assert.notInclude(ids(run.rows), `${meeting}/${watch.deleted()}`);
    const after = await runSync(env, pack, "Seats", params);
    assert.deepEqual(ids(run.rows), ids(after.rows), "every other seat is synced, once");
  });

  it("costs the table's pages and three requests: the first page, then a look, every page and a look", async function () {
    const docId = env.seeded.teamDocIds[0];
    const rows = env.emulator.doc(docId)!.tables.find(t => t.name === "Key Results")!.rows.length;
    const pages = Math.ceil(rows / PageSize);
    assert.isAbove(pages, 1);
    env.emulator.resetStats();
    const table = await readTable(actionContext(env), docId, "Key Results", []);
    assert.lengthOf(table.rows, rows);
    assert.deepInclude(env.emulator.stats.byOperation, {listRows: pages + 1, getTable: 2});
    assert.equal(
      env.emulator.stats.requests,
      pages + 3,
      "the first page, the first look, every page again, the last look",
    );
  });
});
