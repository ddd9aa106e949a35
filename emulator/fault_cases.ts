import {executeFormulaFromPackDef, executeUpdateFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type * as coda from "@codahq/packs-sdk";
import {emulatorContext} from "./fetcher";
import type {Pack, SyncedRow} from "./run";
import {actionContext, docUrl, runSync} from "./run";
import type {SampleEmulator} from "./sample";
import {startSampleEmulator, Tokens} from "./sample";
import type {Fault} from "./faults";
import type {RowRecord, TableRecord} from "./model";
import type {EmulatorOptions} from "./server";
import {withFastClock} from "./clock";
import {beforeFirstWriteApplies} from "./races";

/**
 * The fault suite: every way the real service fails a read or a write, each run
 * through the pack over HTTP against the emulator, then checked against the
 * source doc itself. A case counts rows lost, rows doubled and writes left half
 * done; every count must be 0. The tests and `npm run bench` run the same cases.
 */

/** The emulator settings a case may change: a running emulator takes them, and its reset restores them. */
export type FaultCaseSetup = Partial<Pick<EmulatorOptions, "mutationDelayMs" | "maxRowLimit" | "rateLimit">>;

export interface Tally {
  lost: number;
  duplicated: number;
  halfWritten: number;
  /** What went wrong, in words, when a count is not 0. */
  notes: string[];
  /**
   * Faults that fired, requests the rate limit refused, and the changes or
   * delays the case itself met (a row changed before a write landed, writes
   * still queued when the run ended): proof the case met its fault.
   */
  faults?: number;
}

export interface FaultCase {
  name: string;
  /** Emulator settings for the case. */
  setup?: FaultCaseSetup;
  /** A case without faults: it shows the write path is right when nothing fails. */
  clean?: boolean;
  run: (env: SampleEmulator, pack: Pack) => Promise<Tally>;
}

const asOf = new Date("2026-11-20T08:00:00Z");
const okrParams = (docs: string[]) => [docs, undefined, undefined, undefined, undefined, undefined, asOf];
const teamDocs = (env: SampleEmulator) => env.seeded.teamDocIds.map(docUrl);

function tableOf(env: SampleEmulator, docId: string, name: string): TableRecord {
  const table = env.emulator.doc(docId)?.tables.find(t => t.name === name);
  if (!table) throw new Error(`No table ${name} in ${docId}`);
  return table;
}

const tally = (): Tally => ({lost: 0, duplicated: 0, halfWritten: 0, notes: []});

/** Compares synced ids with the rows the source tables hold now. */
function exactlyOnce(
  synced: readonly SyncedRow[],
  source: ReadonlyArray<{docId: string; rows: readonly RowRecord[]}>,
): Tally {
  const t = tally();
  const ids = synced.map(r => r.Id as string);
  const distinct = new Set(ids);
  t.duplicated = ids.length - distinct.size;
  for (const {docId, rows} of source) {
    for (const row of rows) {
      if (!distinct.has(`${docId}/${row.id}`)) {
        t.lost++;
        t.notes.push(`row ${docId}/${row.id} was not synced`);
      }
    }
  }
  if (t.duplicated) t.notes.push(`${t.duplicated} rows synced twice`);
  return t;
}

async function syncKeyResults(env: SampleEmulator, pack: Pack): Promise<Tally> {
  const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs(env)));
  env.emulator.applyDueMutations();
  return exactlyOnce(
    run.rows,
    env.seeded.teamDocIds.map(docId => ({docId, rows: tableOf(env, docId, "Key Results").rows})),
  );
}

/** Waits out the emulator's write delay, then applies what is due. */
async function settle(env: SampleEmulator, ms = 50): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms));
  env.emulator.applyDueMutations();
}

async function attempt(fn: () => Promise<unknown>): Promise<Error | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return ((error as {cause?: Error}).cause ?? error) as Error;
  }
}

/** The first team doc's KR3 as the KeyResults sync shows it. */
async function kr3(env: SampleEmulator, pack: Pack): Promise<SyncedRow> {
  const run = await runSync(env, pack, "KeyResults", okrParams(teamDocs(env).slice(0, 1)));
  return run.rows.find(r => r.Code === "KR3")!;
}

/** Check-ins for one key result on one day, and its Current, as the team doc holds them. */
function checkInState(env: SampleEmulator, krId: string, day: string) {
  const [docId, rowId] = krId.split("/");
  const checkIns = tableOf(env, docId, "Check-ins");
  const krColumn = checkIns.columns.find(c => c.name === "Key Result")!.id;
  const dateColumn = checkIns.columns.find(c => c.name === "Date")!.id;
  const rows = checkIns.rows.filter(
    r =>
      (r.values.get(krColumn) as {rowId?: string} | null)?.rowId === rowId &&
      String(r.values.get(dateColumn)).startsWith(day),
  );
  const keyResults = tableOf(env, docId, "Key Results");
  const current = keyResults.rows
    .find(r => r.id === rowId)!
    .values.get(keyResults.columns.find(c => c.name === "Current")!.id);
  return {checkIns: rows.length, current};
}

const day = "2026-11-21";
const checkIn = (pack: Pack, env: SampleEmulator, krId: string, value: number) =>
  executeFormulaFromPackDef(
    pack,
    "CheckIn",
    [krId, value, 0.6, "Fault suite", new Date(`${day}T08:00:00Z`)] as coda.ParamValues<coda.ParamDefs>,
    actionContext(env),
  );

/** A check-in is whole when its row exists once and the key result holds its value; absent when neither. */
function judgeCheckIn(
  t: Tally,
  state: {checkIns: number; current: unknown},
  value: number,
  before: unknown,
  failed: Error | undefined,
): Tally {
  const rowThere = state.checkIns > 0;
  const valueThere = state.current === value;
  if (state.checkIns > 1) {
    t.duplicated += state.checkIns - 1;
    t.notes.push(`${state.checkIns} check-ins for one day`);
  }
  if (rowThere !== valueThere && !(valueThere && before === value)) {
    t.halfWritten++;
    t.notes.push(`check-in row ${rowThere ? "written" : "missing"} but Current is ${String(state.current)}`);
  }
  if (!failed && !rowThere) {
    t.lost++;
    t.notes.push("the action reported success but nothing landed");
  }
  return t;
}

function checkInCase(name: string, faults: Fault[], options: {retry?: boolean; delayMs?: number} = {}): FaultCase {
  return {
    name,
    setup: {mutationDelayMs: options.delayMs ?? 0},
    run: async (env, pack) => {
      const kr = await kr3(env, pack);
      const before = checkInState(env, kr.Id, day).current;
      for (const f of faults) env.emulator.inject(f);
      let failed = await attempt(() => checkIn(pack, env, kr.Id, 66));
      env.emulator.clearFaults();
      if (failed && options.retry !== false) failed = await attempt(() => checkIn(pack, env, kr.Id, 66));
      await settle(env, (options.delayMs ?? 0) + 50);
      const t = judgeCheckIn(tally(), checkInState(env, kr.Id, day), 66, before, failed);
      if (failed) t.notes.push(`failed: ${failed.message}`);
      return t;
    },
  };
}

/**
 * A check-in whose writes the doc has not applied when the run's time is spent
 * (they apply two minutes later; a 20-times clock): it says they are queued, not
 * yet applied, never that it is done. Once they apply, the user runs it again:
 * one check-in, the value on the key result, and success.
 */
function queuedCheckInCase(name: string): FaultCase {
  return {
    name,
    run: async (env, pack) => {
      const kr = await kr3(env, pack);
      const before = checkInState(env, kr.Id, day).current;
      env.emulator.mutationDelayMs = 120_000;
      const queued = await withFastClock(20, () => attempt(() => checkIn(pack, env, kr.Id, 66)));
      const t = tally();
      // Proof the run ended before the doc applied the check-in.
      t.faults = checkInState(env, kr.Id, day).current === 66 ? 0 : 1;
      if (!queued?.message.startsWith("Queued, not yet applied")) {
        t.lost++;
        t.notes.push(`the queued check-in was reported as ${queued ? queued.message : "done"}`);
      }
      env.emulator.applyDueMutations(Number.MAX_SAFE_INTEGER);
      env.emulator.mutationDelayMs = 0;
      const failed = await attempt(() => checkIn(pack, env, kr.Id, 66));
      await settle(env);
      judgeCheckIn(t, checkInState(env, kr.Id, day), 66, before, failed);
      if (failed) t.notes.push(`failed: ${failed.message}`);
      return t;
    },
  };
}

/** An action that adds a meeting row: one row, however the write was retried. */
function meetingActionCase(
  name: string,
  formula: string,
  params: unknown[],
  table: string,
  faults: Fault[],
  delayMs = 0,
): FaultCase {
  return {
    name,
    setup: {mutationDelayMs: delayMs},
    run: async (env, pack) => {
      const rows = () => tableOf(env, env.seeded.meetingDocId!, table).rows.length;
      const before = rows();
      const notes: string[] = [];
      for (const f of faults) env.emulator.inject(f);
      const run = () =>
        executeFormulaFromPackDef(
          pack,
          formula,
          [env.seeded.meetingDocId, ...params] as coda.ParamValues<coda.ParamDefs>,
          actionContext(env),
        );
      const first = await attempt(run);
      env.emulator.clearFaults();
      // The user runs the action again, as anyone would after an error or to be sure.
      const failed = await attempt(run);
      if (first) notes.push(`first run failed: ${first.message}`);
      await settle(env, delayMs + 50);
      const t = tally();
      t.notes.push(...notes);
      const added = rows() - before;
      if (added > 1) {
        t.duplicated += added - 1;
        t.notes.push(`${added} rows added`);
      }
      if (added === 0 && !failed) {
        t.lost++;
        t.notes.push("the action reported success but added nothing");
      }
      if (failed) t.notes.push(`failed: ${failed.message}`);
      return t;
    },
  };
}

/** What someone else does to a row of a two-way edit in its team doc. */
type RowChange = "renamed" | "deleted";

interface EditOptions {
  /** Someone changes the first row's Current in its team doc after the sync. */
  conflict?: boolean;
  /** Someone renames or deletes the second row after the sync, before the pack reads it. */
  beforeRead?: RowChange;
  /** Someone renames or deletes the first row after the pack sent its write and before the doc applies it. */
  beforeLanding?: RowChange;
  /** The doc applies writes two minutes later, past the run's time: the run ends with them queued. */
  queued?: boolean;
}

/** Renames or deletes a key result's row in its team doc's table, as a team member would. */
function changeRow(env: SampleEmulator, id: string, change: RowChange): void {
  const [docId, rowId] = id.split("/");
  const table = tableOf(env, docId, "Key Results");
  const at = table.rows.findIndex(r => r.id === rowId);
  if (change === "deleted") table.rows.splice(at, 1);
  else table.rows[at].values.set(table.columns.find(c => c.name === "Key Result")!.id, `Renamed ${rowId}`);
}

type Outcome = {outcome: string; error?: Error};

/** Runs a two-way edit as Coda does: at most the sync table's maxUpdateBatchSize edits an execution, each in a fresh context. */
async function editInBatches(
  env: SampleEmulator,
  pack: Pack,
  params: unknown[],
  updates: readonly coda.GenericSyncUpdate[],
): Promise<Outcome[]> {
  const batch = pack.syncTables.find(t => t.name === "KeyResults")!.getter.maxUpdateBatchSize ?? 1;
  const outcomes: Outcome[] = [];
  for (let at = 0; at < updates.length; at += batch) {
    const context = emulatorContext({
      baseUrl: env.baseUrl,
      token: Tokens.leader,
    }) as unknown as coda.UpdateSyncExecutionContext;
    const result = await executeUpdateFormulaFromPackDef(
      pack,
      "KeyResults",
      params as coda.ParamValues<coda.ParamDefs>,
      context,
      updates.slice(at, at + batch) as coda.GenericSyncUpdate[],
    );
    outcomes.push(...(result.result as Outcome[]));
  }
  return outcomes;
}

/**
 * A two-way edit of ten key results in three docs: each edit lands once on the
 * row it edits, no row is added, and an edit that fails (refused, its row
 * renamed or deleted, its value changed in the team doc, or still queued) says
 * so on its row: success is reported only for a value that landed. Writes are
 * paced under the real limit, so the case runs on a 20-times clock.
 */
function editCase(name: string, faults: Fault[], options: EditOptions = {}): FaultCase {
  return {
    name,
    run: async (env, pack) => {
      const docs = teamDocs(env).slice(0, 3);
      const run = await runSync(env, pack, "KeyResults", okrParams(docs));
      const rows = run.rows.filter(r => r.Current !== undefined && r.Target !== undefined).slice(0, 10);
      const idsNow = () =>
        env.seeded.teamDocIds.slice(0, 3).flatMap(d => tableOf(env, d, "Key Results").rows.map(r => `${d}/${r.id}`));
      const before = new Set(idsNow());
      const current = (id: string) => {
        const [docId, rowId] = id.split("/");
        const table = tableOf(env, docId, "Key Results");
        return table.rows.find(x => x.id === rowId)?.values.get(table.columns.find(c => c.name === "Current")!.id);
      };
      const t = tally();
      const changed = new Map<string, RowChange | "conflict">();
      if (options.conflict) {
        const [docId, rowId] = (rows[0].Id as string).split("/");
        const table = tableOf(env, docId, "Key Results");
        table.rows.find(r => r.id === rowId)!.values.set(table.columns.find(c => c.name === "Current")!.id, 12345);
        changed.set(rows[0].Id, "conflict");
      }
      if (options.beforeRead) {
        changeRow(env, rows[1].Id, options.beforeRead);
        changed.set(rows[1].Id, options.beforeRead);
      }
      const landing = options.beforeLanding;
      const race = landing ? beforeFirstWriteApplies(env, () => changeRow(env, rows[0].Id, landing)) : undefined;
      if (landing) changed.set(rows[0].Id, landing);
      if (options.queued) env.emulator.mutationDelayMs = 120_000;
      for (const f of faults) env.emulator.inject(f);
      const updates = rows.map((r, i) => ({
        previousValue: r,
        newValue: {...r, Current: 1000 + i},
        updatedFields: ["Current"],
      }));
      const outcomes = await withFastClock(20, () =>
        editInBatches(env, pack, okrParams(docs), updates as coda.GenericSyncUpdate[]),
      );
      env.emulator.clearFaults();
      if (race?.fired) t.faults = 1;
      // What the doc held when the edit answered: a success must have landed by then.
      const atAnswer = rows.map(r => current(r.Id));
      if (options.queued) {
        // Proof the run ended before the doc applied its writes; then the doc applies them.
        t.faults = atAnswer.filter((value, i) => value !== 1000 + i).length;
        env.emulator.applyDueMutations(Number.MAX_SAFE_INTEGER);
      }
      await settle(env);
      const added = idsNow().filter(id => !before.has(id));
      if (added.length) {
        t.duplicated += added.length;
        t.notes.push(`rows added: ${added.join(", ")}`);
      }
      rows.forEach((r, i) => {
        const o = outcomes[i];
        const said = o.error?.message ?? "";
        const value = current(r.Id);
        const change = changed.get(r.Id);
        if (change === "conflict") {
          if (value !== 12345 || o.outcome !== "error") {
            t.lost++;
            t.notes.push("a newer value in the team doc was overwritten or the conflict not reported");
          }
        } else if (change === "deleted") {
          if (o.outcome !== "error" || !said.includes("deleted in its doc")) {
            t.lost++;
            t.notes.push(`a deleted row's edit was reported as ${o.outcome}: ${said}`);
          }
        } else if (change === "renamed") {
          if (o.outcome !== "error" || !said.includes("renamed to")) {
            t.lost++;
            t.notes.push(`a renamed row's edit was reported as ${o.outcome}: ${said}`);
          }
          if (said.startsWith("Not written") && value !== r.Current) {
            t.halfWritten++;
            t.notes.push(`${r.Name}: refused, yet its Current became ${String(value)}`);
          }
        } else if (
          value !== 1000 + i ||
          !(o.outcome === "success" || (options.queued && said.startsWith("Queued, not yet applied")))
        ) {
          t.lost++;
          t.notes.push(
            `${r.Name}: the edit did not land (${o.outcome}${said ? `: ${said}` : ""}, value ${String(value)})`,
          );
        } else if (o.outcome === "success" && atAnswer[i] !== 1000 + i) {
          t.lost++;
          t.notes.push(`${r.Name}: success reported before the edit landed`);
        }
      });
      return t;
    },
  };
}

/** CarryForward run, failed, and run again: one copy of the key result and one next-cycle objective, however the writes failed. */
function carryForwardCase(name: string, faults: Fault[], options: {calculated?: string} = {}): FaultCase {
  return {
    name,
    run: async (env, pack) => {
      const kr = await kr3(env, pack);
      const docId = env.seeded.teamDocIds[0];
      const objectives = () => tableOf(env, docId, "Objectives").rows.length;
      const before = objectives();
      for (const f of faults) env.emulator.inject(f);
      // A column the copy writes is calculated: the doc refuses the copy, after the next-cycle objective went in.
      const column = options.calculated
        ? tableOf(env, docId, "Key Results").columns.find(c => c.name === options.calculated)
        : undefined;
      if (column) column.calculated = true;
      const run = () =>
        executeFormulaFromPackDef(
          pack,
          "CarryForward",
          [kr.Id, 55, undefined, asOf] as coda.ParamValues<coda.ParamDefs>,
          actionContext(env),
        );
      const first = await attempt(run);
      env.emulator.clearFaults();
      if (column) column.calculated = false;
      // The user fixes the cause, as the message says, and runs it again.
      const failed = await attempt(run);
      await settle(env);
      const t = tally();
      if (column && first?.message.startsWith("Not carried:")) t.faults = 1;
      if (first) t.notes.push(`first run failed: ${first.message}`);
      const table = tableOf(env, docId, "Key Results");
      const carried = table.columns.find(c => c.name === "Carried From")!.id;
      const copies = table.rows.filter(r => r.values.get(carried) === kr.Link).length;
      const added = objectives() - before;
      if (copies > 1 || added > 1) {
        t.duplicated += Math.max(0, copies - 1) + Math.max(0, added - 1);
        t.notes.push(`${copies} copies and ${added} next-cycle objectives`);
      }
      if (!failed && copies === 0) {
        t.lost++;
        t.notes.push("the action reported success but no copy landed");
      }
      if (copies === 1 && added === 0) {
        t.halfWritten++;
        t.notes.push("a copy without its next-cycle objective");
      }
      if (failed) t.notes.push(`failed: ${failed.message}`);
      return t;
    },
  };
}

export const FaultCases: FaultCase[] = [
  {
    name: "reads: a 503 on two row pages",
    run: async (env, pack) => (
      env.emulator.inject({fault: 503, operation: "listRows", times: 2}),
      syncKeyResults(env, pack)
    ),
  },
  {
    name: "reads: a 502 on the fifth request",
    run: async (env, pack) => (env.emulator.inject({fault: 502, nth: 5}), syncKeyResults(env, pack)),
  },
  {
    name: "reads: a 500 on a table's details",
    setup: {maxRowLimit: 3},
    run: async (env, pack) => (env.emulator.inject({fault: 500, operation: "getTable"}), syncKeyResults(env, pack)),
  },
  {
    name: "reads: a connection reset on a row page",
    run: async (env, pack) => (
      env.emulator.inject({fault: "resetBefore", operation: "listRows", nth: 3}),
      syncKeyResults(env, pack)
    ),
  },
  {
    name: "reads: rows added at the top while a table is paged",
    setup: {maxRowLimit: 2},
    run: async (env, pack) => (
      env.emulator.inject({fault: "betweenPages", table: "Key Results", insert: 2}),
      syncKeyResults(env, pack)
    ),
  },
  {
    name: "reads: rows deleted while a table is paged",
    setup: {maxRowLimit: 2},
    run: async (env, pack) => (
      env.emulator.inject({fault: "betweenPages", table: "Key Results", deleteFirst: 1}),
      syncKeyResults(env, pack)
    ),
  },
  {name: "reads: a storm of 429s", setup: {rateLimit: {reads: 12, writes: 5, windowMs: 1000}}, run: syncKeyResults},
  checkInCase("check-in: the check-in write is answered 503 once", [{fault: 503, operation: "upsertRows"}], {
    retry: false,
  }),
  checkInCase(
    "check-in: the check-in write is lost before it lands",
    [{fault: "resetBefore", operation: "upsertRows"}],
    {retry: false},
  ),
  checkInCase("check-in: the check-in lands but its answer is lost", [{fault: "resetAfter", operation: "upsertRows"}], {
    retry: false,
  }),
  checkInCase(
    "check-in: the key result's update lands but its answer is lost",
    [{fault: "resetAfter", operation: "updateRow"}],
    {retry: false},
  ),
  checkInCase("check-in: the check-in write keeps failing, then the user retries", [
    {fault: 503, operation: "upsertRows", times: 20},
  ]),
  checkInCase("check-in: the check-in write and the undo both keep failing, then the user retries", [
    {fault: 503, operation: "upsertRows", times: 20},
    {fault: 503, operation: "updateRow", nth: 2, times: 20},
  ]),
  {...checkInCase("check-in: writes land 300 ms later, and the user checks in twice", [], {delayMs: 300}), clean: true},
  meetingActionCase(
    "RaiseIssue: the write lands but its answer is lost",
    "RaiseIssue",
    ["Churn in the SMB segment", "Hot metric: Logo churn", "grace@northstar.example.com", "High", asOf],
    "Issues",
    [{fault: "resetAfter", operation: "upsertRows"}],
  ),
  meetingActionCase(
    "RecordDecision: a 503 on the write, writes landing 300 ms later",
    "RecordDecision",
    ["Freeze hiring outside sales", "grace@northstar.example.com", undefined, "Coordinated", "Runway", undefined, asOf],
    "Decisions",
    [{fault: 503, operation: "upsertRows"}],
    300,
  ),
  meetingActionCase(
    "ChoosePath: the decision lands but its answer is lost",
    "ChoosePath",
    [
      "Hybrid",
      "maya@northstar.example.com",
      undefined,
      undefined,
      undefined,
      ["Partner platform: tom@northstar.example.com"],
      asOf,
    ],
    "Decisions",
    [{fault: "resetAfter", operation: "upsertRows"}],
  ),
  meetingActionCase(
    "AssignAction: the status poll fails and the connection drops",
    "AssignAction",
    ["Send the board pack", "grace@northstar.example.com", new Date("2026-12-01T08:00:00Z"), undefined, asOf],
    "Action Items",
    [
      {fault: 502, operation: "getMutationStatus"},
      {fault: "resetBefore", operation: "listRows", nth: 2},
    ],
  ),
  queuedCheckInCase("check-in: the writes have not landed when the run ends, then the user checks in again"),
  {...editCase("two-way edit: ten rows across three docs", []), clean: true},
  editCase("two-way edit: a write's answer is lost", [{fault: "resetAfter", operation: "updateRow"}]),
  editCase("two-way edit: a 503 on a write", [{fault: 503, operation: "updateRow"}]),
  {...editCase("two-way edit: a team member changed a row after the sync", [], {conflict: true}), clean: true},
  {...editCase("two-way edit: a row renamed in its doc after the sync", [], {beforeRead: "renamed"}), clean: true},
  {...editCase("two-way edit: a row deleted in its doc after the sync", [], {beforeRead: "deleted"}), clean: true},
  editCase("two-way edit: a row renamed after its write is sent, before it lands", [], {beforeLanding: "renamed"}),
  editCase("two-way edit: a row deleted after its write is sent, before it lands", [], {beforeLanding: "deleted"}),
  editCase("two-way edit: the writes have not landed when the run ends", [], {queued: true}),
  carryForwardCase("CarryForward: the next-cycle objective lands but its answer is lost", [
    {fault: "resetAfter", operation: "upsertRows"},
  ]),
  carryForwardCase("CarryForward: the copy lands but its answer is lost", [
    {fault: "resetAfter", operation: "upsertRows", nth: 2},
  ]),
  carryForwardCase("CarryForward: a 503 on the copy's write", [{fault: 503, operation: "upsertRows", nth: 2}]),
  carryForwardCase(
    "CarryForward: the copy refused for a calculated column after the objective went in, then fixed",
    [],
    {calculated: "Unit"},
  ),
];

/**
 * Runs one case on a fresh emulator, or on `env`: one just reset, which takes
 * the case's settings (its reset restores them).
 */
export async function runFaultCase(c: FaultCase, pack: Pack, env?: SampleEmulator): Promise<Tally> {
  if (env) {
    Object.assign(env.emulator, c.setup);
    return tallied(env, c, pack);
  }
  const fresh = await startSampleEmulator({validate: false, ...c.setup});
  try {
    return await tallied(fresh, c, pack);
  } finally {
    await fresh.stop();
  }
}

/** A case's tally, with the faults that fired and the requests the rate limit refused. */
async function tallied(env: SampleEmulator, c: FaultCase, pack: Pack): Promise<Tally> {
  const t = await c.run(env, pack);
  t.faults =
    (t.faults ?? 0) +
    Object.values(env.emulator.stats.faults).reduce((a, b) => a + b, 0) +
    env.emulator.stats.throttled;
  return t;
}
