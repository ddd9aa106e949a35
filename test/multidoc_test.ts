import * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {EmulatorFetcher} from "../emulator/fetcher";
import type {SyncedRow, SyncRun} from "../emulator/run";
import {runSync} from "../emulator/run";
import {pack} from "../src/pack";
import {unreadableRowId} from "../src/sync/multidoc";
import {docUrl, rejection, useEmulator} from "./support/emulator";

/**
 * Syncs across team docs when some doc cannot be read: every other doc is
 * read; an incremental sync shows a row per unreadable doc and keeps that
 * doc's rows; a full sync stops with a message naming every unreadable doc; a
 * fault of the service is retried, never reported as an unreadable doc.
 */

const asOf = new Date("2026-11-24T08:00:00Z");
const okrParams = (docs: string[]) => [docs, undefined, undefined, undefined, undefined, undefined, asOf];
const NotShared =
  /^The doc (\S+) does not exist or is not shared with the account this pack is connected as\. Share it with that account, then try again\./;

/**
 * The sync table as the platform keeps it: a full sync replaces its rows, an
 * incremental one adds and updates rows by id and deletes the ids it names.
 * `added` is a column people added: its cells live as long as their row.
 */
class PlatformTable {
  rows = new Map<string, SyncedRow>();
  added = new Map<string, string>();
  apply(run: SyncRun, incremental: boolean): void {
    if (!incremental) this.rows = new Map(run.rows.map(r => [String(r.Id), r]));
    else {
      for (const id of run.deletedRowIds) this.rows.delete(id);
      for (const row of run.rows) this.rows.set(String(row.Id), row);
    }
    for (const id of this.added.keys()) if (!this.rows.has(id)) this.added.delete(id);
  }
}

const ids = (rows: readonly SyncedRow[]) => rows.map(r => String(r.Id)).sort();

/** Makes every request for one doc fail with a 503, `times` times. Returns how to stop. */
function failDoc(docId: string, times: number): () => void {
  const original = EmulatorFetcher.prototype.fetch;
  let left = times;
  EmulatorFetcher.prototype.fetch = async function <T>(
    this: EmulatorFetcher,
    request: coda.FetchRequest,
  ): Promise<coda.FetchResponse<T>> {
    if (left > 0 && new URL(request.url).pathname.includes(`/docs/${docId}/`)) {
      left--;
      const body = {statusCode: 503, statusMessage: "Service Unavailable", message: "Service Unavailable"};
      throw new coda.StatusCodeError(503, body, request, {body: JSON.stringify(body), headers: {}});
    }
    return original.call<EmulatorFetcher, [coda.FetchRequest], Promise<coda.FetchResponse<T>>>(this, request);
  };
  return () => (EmulatorFetcher.prototype.fetch = original);
}

describe("syncs across docs when a doc cannot be read", function () {
  this.timeout(90_000);
  const env = useEmulator({validate: true});
  let teamDocs: string[];
  let restore: (() => void) | undefined;
  beforeEach(function () {
    teamDocs = env.seeded.teamDocIds.map(docUrl);
  });
  afterEach(function () {
    restore?.();
    restore = undefined;
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("keeps an unreadable doc's rows and what people added to them, and shows the doc on a row of its own", async function () {
    const [, , gone, noTable, noColumn] = env.seeded.teamDocIds;
    const table = new PlatformTable();
    const full = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
    assert.isString(
      (full.completion as coda.SyncCompletionMetadata).incrementalContinuation.fullSyncAt,
      "a full sync that read every doc lets the next be incremental",
    );
    table.apply(full, false);
    for (const id of table.rows.keys()) table.added.set(id, `note on ${id}`);
    const synced = ids(full.rows);
    const previousCompletion = full.completion as coda.SyncCompletionMetadata;

    // One doc deleted (the service answers as for a doc not shared), one without its Key Results table, one without a Target column.
    const docs = env.emulator.docs;
    const [goneDoc] = docs.splice(
      docs.findIndex(d => d.id === gone),
      1,
    );
    const noTableDoc = env.emulator.doc(noTable)!;
    const [keyResults] = noTableDoc.tables.splice(
      noTableDoc.tables.findIndex(t => t.name === "Key Results"),
      1,
    );
    const target = env.emulator
      .doc(noColumn)!
      .tables.find(t => t.name === "Key Results")!
      .columns.find(c => c.name === "Target")!;
    target.name = "Aim";
    // And a key result deleted in a doc that reads.
    const readable = env.emulator.doc(env.seeded.teamDocIds[0])!.tables.find(t => t.name === "Key Results")!;
    const [deletedKr] = readable.rows.splice(0, 1);
    const deletedId = `${env.seeded.teamDocIds[0]}/${deletedKr.id}`;

    const fullAgain = await rejection(runSync(env, pack, "KeyResults", okrParams(teamDocs)));
    assert.instanceOf(fullAgain, coda.UserVisibleError);
    assert.match(fullAgain.message, NotShared);
    assert.match(
      fullAgain.message,
      new RegExp(`^The doc ${gone} .* 2 more docs cannot be read either: ${noTable}, ${noColumn}\\.$`),
      "a full sync stops, naming every doc it cannot read",
    );

    const incremental = await runSync(env, pack, "KeyResults", okrParams(teamDocs), {previousCompletion});
    const notices = incremental.rows.filter(r => String(r.Id).endsWith("/unreadable"));
    assert.sameMembers(
      notices.map(r => r.Id),
      [gone, noTable, noColumn].map(unreadableRowId),
    );
    const said = new Map(notices.map(r => [r.Id, String(r.Name)]));
    assert.match(said.get(unreadableRowId(gone))!, NotShared);
    assert.match(
      said.get(unreadableRowId(noTable))!,
      new RegExp(
        `^The doc ${noTable} has no table named "Key Results"\\. Its tables are: .* Name yours in the sync's table parameter\\.`,
      ),
    );
    assert.match(
      said.get(unreadableRowId(noColumn))!,
      new RegExp(`^In the doc ${noColumn}: The table Key Results has no column for Target\\.`),
    );
    const brokenDocs = [gone, noTable, noColumn];
    const fromReadable = synced.filter(id => !brokenDocs.includes(id.split("/")[0]) && id !== deletedId);
    assert.deepEqual(
      ids(incremental.rows.filter(r => !notices.includes(r))),
      fromReadable,
      "every readable doc's rows, once",
    );
    assert.deepEqual(
      incremental.completion,
      {incrementalContinuation: previousCompletion.incrementalContinuation},
      "the next sync stays incremental while a doc is unreadable",
    );
    assert.sameMembers(
      incremental.deletedRowIds,
      env.seeded.teamDocIds.filter(d => !brokenDocs.includes(d)).map(unreadableRowId),
      "it deletes only the unreadable rows of docs that read",
    );
    table.apply(incremental, true);
    for (const id of synced) {
      assert.isTrue(table.rows.has(id), `${id} is kept`);
      assert.equal(table.added.get(id), `note on ${id}`, `what people added to ${id} is kept`);
    }

    // Fixed: the next incremental sync reads every doc, drops the unreadable rows and asks for a full sync.
    docs.push(goneDoc);
    noTableDoc.tables.push(keyResults);
    target.name = "Target";
    const fixed = await runSync(env, pack, "KeyResults", okrParams(teamDocs), {previousCompletion});
    assert.deepEqual(fixed.completion, {hasIncompleteResults: true});
    table.apply(fixed, true);
    assert.deepEqual(
      [...table.rows.keys()].sort(),
      synced,
      "no unreadable row is left; the deleted key result waits for the full sync",
    );
    const fullSync = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
    table.apply(fullSync, false);
    assert.deepEqual(
      [...table.rows.keys()].sort(),
      synced.filter(id => id !== deletedId),
      "the full sync removes the key result deleted at the source",
    );
    for (const id of table.rows.keys()) {
      assert.equal(table.added.get(id), `note on ${id}`, "no row was ever dropped, so nothing people added is lost");
    }
  });

  it("gives every sync table across docs a row per unreadable doc, built from its schema", async function () {
    const board = env.seeded.restrictedDocId;
    const previousCompletion = {incrementalContinuation: {fullSyncAt: "2026-11-23T08:00:00.000Z"}};
    const docs = [teamDocs[0], docUrl(board)];
    const params: Record<string, unknown[]> = {
      Objectives: okrParams(docs),
      KeyResults: okrParams(docs),
      CheckIns: [docs],
      CheckInsDue: [docs, 1, undefined, undefined, undefined, undefined, asOf],
      Retrospective: [docs, env.org.cycle.name, undefined, undefined, asOf],
    };
    for (const [name, args] of Object.entries(params)) {
      const run = await runSync(env, pack, name, args, {previousCompletion});
      const display = (pack.syncTables.find(t => t.name === name)!.schema as coda.GenericObjectSchema).displayProperty!;
      const notice = run.rows.find(r => r.Id === unreadableRowId(board));
      assert.isDefined(notice, name);
      assert.match(String(notice![display]), NotShared, `${name}'s ${display}`);
      assert.isAbove(run.rows.length, 1, `${name} keeps the readable doc's rows`);
      assert.deepEqual(run.deletedRowIds, [unreadableRowId(env.seeded.teamDocIds[0])], name);
    }
  });

  it("reads every doc of a full sync, then stops with the first one's message and the others' ids", async function () {
    const board = env.seeded.restrictedDocId;
    const gone = Array.from({length: 9}, (_, i) => `NsGoneDoc0${i + 1}`);
    const error = await rejection(
      runSync(env, pack, "CheckInsDue", [
        [docUrl(board), teamDocs[0], ...gone, teamDocs[1]],
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        asOf,
      ]),
    );
    assert.instanceOf(error, coda.UserVisibleError);
    assert.match(
      error.message,
      new RegExp(
        `${NotShared.source} 9 more docs cannot be read either: NsGoneDoc01, NsGoneDoc02, (NsGoneDoc0\\d, )*NsGoneDoc0\\d and \\d more\\.$`,
      ),
    );
    assert.isAtMost(error.message.length, 300);
  });

  it("reads a doc again in the next execution after a fault that outlasted the retries, with no row lost or doubled", async function () {
    const clean = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
    restore = failDoc(env.seeded.teamDocIds[1], 5);
    const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs));
    assert.deepInclude(run.continuations[0], {doc: 1}, "the doc that failed is read first in the next execution");
    assert.deepEqual(ids(run.rows), ids(clean.rows));
    assert.isString(
      (run.completion as coda.SyncCompletionMetadata).incrementalContinuation.fullSyncAt,
      "the sync completed",
    );
  });

  it("fails the sync on a fault that outlasts the retries of two executions, never calling the doc unreadable", async function () {
    restore = failDoc(env.seeded.teamDocIds[1], 1_000);
    const previousCompletion = {incrementalContinuation: {fullSyncAt: "2026-11-23T08:00:00.000Z"}};
    const error = await rejection(runSync(env, pack, "KeyResults", okrParams(teamDocs), {previousCompletion}));
    assert.match(
      error.message,
      new RegExp(
        `^The Docs API failed after 5 tries \\(503, reading the table \\w+ in the doc ${env.seeded.teamDocIds[1]}\\)\\. Try again in a minute; nothing is lost or doubled\\.$`,
      ),
    );
  });
});

describe("syncs that read team docs on the side, when one cannot be read", function () {
  this.timeout(90_000);
  const env = useEmulator({validate: true});
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("still lays out the agenda from every other doc, and says which doc it could not read after the close", async function () {
    const meeting = env.seeded.meetingDocId!;
    const metrics = env.seeded.metricsDocId!;
    const teams = env.seeded.teamDocIds.map(docUrl);
    const all = await runSync(env, pack, "MeetingAgenda", [meeting, asOf, 90, teams, metrics]);
    const withBad = await runSync(env, pack, "MeetingAgenda", [
      meeting,
      asOf,
      90,
      [...teams, env.seeded.restrictedDocId],
      metrics,
    ]);
    const work = (rows: readonly SyncedRow[]) => rows.filter(r => r.Kind !== "Next step").map(r => r.Name);
    assert.deepEqual(work(withBad.rows), work(all.rows), "the other docs' key results are all on the agenda");
    const said = withBad.rows.filter(r => r.Kind === "Next step").map(r => String(r.Name));
    assert.isTrue(
      said.some(n => n.startsWith(`The doc ${env.seeded.restrictedDocId} does not exist or is not shared`)),
      said.join(" | "),
    );
  });

  it("judges the risks' triggers on the docs it can read, and says a trigger was judged without one", async function () {
    const meeting = env.seeded.meetingDocId!;
    const metrics = env.seeded.metricsDocId!;
    const teams = env.seeded.teamDocIds.map(docUrl);
    const run = await runSync(env, pack, "Risks", [
      meeting,
      metrics,
      [...teams, env.seeded.restrictedDocId],
      undefined,
      undefined,
      asOf,
    ]);
    const keyed = run.rows.filter(r => /^KR /.test(String(r.Trigger ?? "")) && r.TriggerState !== "Fired");
    const onMetrics = run.rows.filter(r => r.Trigger && !/KR /.test(String(r.Trigger)));
    for (const r of onMetrics) {
      assert.notInclude(
        String(r.TriggerError ?? ""),
        "could not read",
        "a trigger on metrics alone is judged on the metrics doc, which was read",
      );
    }
    assert.isNotEmpty(keyed, "some trigger names a key result and has not fired");
    for (const r of keyed) {
      assert.include(String(r.TriggerError ?? ""), "Judged without a doc it could not read", String(r.Name));
    }
  });
});
