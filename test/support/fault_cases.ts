import {executeFormulaFromPackDef, executeUpdateFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type * as coda from "@codahq/packs-sdk";
import {emulatorContext} from "../../emulator/fetcher";
import type {Pack, SyncedRow} from "../../emulator/run";
import {actionContext, docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {startSampleEmulator, Tokens} from "../../emulator/sample";
import type {Fault} from "../../emulator/faults";
import type {RowRecord, TableRecord} from "../../emulator/model";

/**
 * The fault suite: every way the real service fails a read or a write, each run
 * through the pack over HTTP against the emulator, then checked against the
 * source doc itself. A case counts rows lost, rows doubled and writes left half
 * done; every count must be 0. The tests and `npm run bench` run the same cases.
 */

export interface Tally {
  lost: number;
  duplicated: number;
  halfWritten: number;
  /** What went wrong, in words, when a count is not 0. */
  notes: string[];
  /** Faults that fired and requests the rate limit refused: proof the case met its fault. */
  faults?: number;
}

export interface FaultCase {
  name: string;
  /** Emulator settings for the case. */
  setup?: Parameters<typeof startSampleEmulator>[0];
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
function exactlyOnce(synced: readonly SyncedRow[], source: ReadonlyArray<{docId: string; rows: readonly RowRecord[]}>): Tally {
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
  const rows = checkIns.rows.filter(r => (r.values.get(krColumn) as {rowId?: string} | null)?.rowId === rowId && String(r.values.get(dateColumn)).startsWith(day));
  const keyResults = tableOf(env, docId, "Key Results");
  const current = keyResults.rows.find(r => r.id === rowId)!.values.get(keyResults.columns.find(c => c.name === "Current")!.id);
  return {checkIns: rows.length, current};
}

const day = "2026-11-21";
const checkIn = (pack: Pack, env: SampleEmulator, krId: string, value: number) =>
  executeFormulaFromPackDef(pack, "CheckIn", [krId, value, 0.6, "Fault suite", new Date(`${day}T08:00:00Z`)] as coda.ParamValues<coda.ParamDefs>, actionContext(env));

/** A check-in is whole when its row exists once and the key result holds its value; absent when neither. */
function judgeCheckIn(t: Tally, state: {checkIns: number; current: unknown}, value: number, before: unknown, failed: Error | undefined): Tally {
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

/** An action that adds a meeting row: one row, however the write was retried. */
function meetingActionCase(name: string, formula: string, params: unknown[], table: string, faults: Fault[], delayMs = 0): FaultCase {
  return {
    name,
    setup: {mutationDelayMs: delayMs},
    run: async (env, pack) => {
      const rows = () => tableOf(env, env.seeded.meetingDocId!, table).rows.length;
      const before = rows();
      const notes: string[] = [];
      for (const f of faults) env.emulator.inject(f);
      const run = () => executeFormulaFromPackDef(pack, formula, [env.seeded.meetingDocId, ...params] as coda.ParamValues<coda.ParamDefs>, actionContext(env));
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

/** A two-way edit of ten key results: each lands once, no row is added, and a refused edit writes nothing. */
function editCase(name: string, faults: Fault[], options: {conflict?: boolean} = {}): FaultCase {
  return {
    name,
    run: async (env, pack) => {
      const docs = teamDocs(env).slice(0, 2);
      const run = await runSync(env, pack, "KeyResults", okrParams(docs));
      const rows = run.rows.filter(r => r.Current !== undefined && r.Target !== undefined).slice(0, 10);
      const sizes = () => env.seeded.teamDocIds.slice(0, 2).map(d => tableOf(env, d, "Key Results").rows.length);
      const before = sizes();
      let conflicted: string | undefined;
      if (options.conflict) {
        // Someone changes the first row in its team doc after the sync.
        const [docId, rowId] = (rows[0].Id as string).split("/");
        const table = tableOf(env, docId, "Key Results");
        table.rows.find(r => r.id === rowId)!.values.set(table.columns.find(c => c.name === "Current")!.id, 12345);
        conflicted = rows[0].Id;
      }
      for (const f of faults) env.emulator.inject(f);
      const context = emulatorContext({baseUrl: env.baseUrl, token: Tokens.leader}) as unknown as coda.UpdateSyncExecutionContext;
      const updates = rows.map((r, i) => ({previousValue: r, newValue: {...r, Current: 1000 + i}, updatedFields: ["Current"]}));
      const result = await executeUpdateFormulaFromPackDef(pack, "KeyResults", okrParams(docs) as coda.ParamValues<coda.ParamDefs>, context, updates as coda.GenericSyncUpdate[]);
      env.emulator.clearFaults();
      await settle(env);
      const t = tally();
      const after = sizes();
      after.forEach((n, i) => {
        if (n !== before[i]) {
          t.duplicated += Math.abs(n - before[i]);
          t.notes.push(`the Key Results table went from ${before[i]} to ${n} rows`);
        }
      });
      const outcomes = result.result as Array<{outcome: string}>;
      rows.forEach((r, i) => {
        const [docId, rowId] = (r.Id as string).split("/");
        const table = tableOf(env, docId, "Key Results");
        const value = table.rows.find(x => x.id === rowId)!.values.get(table.columns.find(c => c.name === "Current")!.id);
        if (r.Id === conflicted) {
          if (value !== 12345 || outcomes[i].outcome !== "error") {
            t.lost++;
            t.notes.push("a newer value in the team doc was overwritten or the conflict not reported");
          }
        } else if (value !== 1000 + i || outcomes[i].outcome !== "success") {
          t.lost++;
          t.notes.push(`${r.Name}: the edit did not land (${outcomes[i].outcome}, value ${String(value)})`);
        }
      });
      return t;
    },
  };
}

/** CarryForward run, failed, and run again: one copy of the key result and one next-cycle objective, however the writes failed. */
function carryForwardCase(name: string, faults: Fault[]): FaultCase {
  return {
    name,
    run: async (env, pack) => {
      const kr = await kr3(env, pack);
      const docId = env.seeded.teamDocIds[0];
      const objectives = () => tableOf(env, docId, "Objectives").rows.length;
      const before = objectives();
      for (const f of faults) env.emulator.inject(f);
      const run = () => executeFormulaFromPackDef(pack, "CarryForward", [kr.Id, 55, undefined, asOf] as coda.ParamValues<coda.ParamDefs>, actionContext(env));
      const first = await attempt(run);
      env.emulator.clearFaults();
      const failed = await attempt(run);
      await settle(env);
      const t = tally();
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
  {name: "reads: a 503 on two row pages", run: async (env, pack) => (env.emulator.inject({fault: 503, operation: "listRows", times: 2}), syncKeyResults(env, pack))},
  {name: "reads: a 502 on the fifth request", run: async (env, pack) => (env.emulator.inject({fault: 502, nth: 5}), syncKeyResults(env, pack))},
  {name: "reads: a 500 on a table's details", setup: {maxRowLimit: 3}, run: async (env, pack) => (env.emulator.inject({fault: 500, operation: "getTable"}), syncKeyResults(env, pack))},
  {name: "reads: a connection reset on a row page", run: async (env, pack) => (env.emulator.inject({fault: "resetBefore", operation: "listRows", nth: 3}), syncKeyResults(env, pack))},
  {
    name: "reads: rows added at the top while a table is paged",
    setup: {maxRowLimit: 2},
    run: async (env, pack) => (env.emulator.inject({fault: "betweenPages", table: "Key Results", insert: 2}), syncKeyResults(env, pack)),
  },
  {
    name: "reads: rows deleted while a table is paged",
    setup: {maxRowLimit: 2},
    run: async (env, pack) => (env.emulator.inject({fault: "betweenPages", table: "Key Results", deleteFirst: 1}), syncKeyResults(env, pack)),
  },
  {name: "reads: a storm of 429s", setup: {rateLimit: {reads: 12, writes: 5, windowMs: 1000}}, run: syncKeyResults},
  checkInCase("check-in: the check-in write is answered 503 once", [{fault: 503, operation: "upsertRows"}], {retry: false}),
  checkInCase("check-in: the check-in write is lost before it lands", [{fault: "resetBefore", operation: "upsertRows"}], {retry: false}),
  checkInCase("check-in: the check-in lands but its answer is lost", [{fault: "resetAfter", operation: "upsertRows"}], {retry: false}),
  checkInCase("check-in: the key result's update lands but its answer is lost", [{fault: "resetAfter", operation: "updateRow"}], {retry: false}),
  checkInCase("check-in: the check-in write keeps failing, then the user retries", [{fault: 503, operation: "upsertRows", times: 20}]),
  checkInCase("check-in: the check-in write and the undo both keep failing, then the user retries", [
    {fault: 503, operation: "upsertRows", times: 20},
    {fault: 503, operation: "updateRow", nth: 2, times: 20},
  ]),
  {...checkInCase("check-in: writes land 300 ms later, and the user checks in twice", [], {delayMs: 300}), clean: true},
  meetingActionCase("RaiseIssue: the write lands but its answer is lost", "RaiseIssue", ["Churn in the SMB segment", "Hot metric: Logo churn", "grace@northstar.example.com", "High", asOf], "Issues", [
    {fault: "resetAfter", operation: "upsertRows"},
  ]),
  meetingActionCase("RecordDecision: a 503 on the write, writes landing 300 ms later", "RecordDecision", ["Freeze hiring outside sales", "grace@northstar.example.com", undefined, "Coordinated", "Runway", undefined, asOf], "Decisions", [
    {fault: 503, operation: "upsertRows"},
  ], 300),
  meetingActionCase("AssignAction: the status poll fails and the connection drops", "AssignAction", ["Send the board pack", "grace@northstar.example.com", new Date("2026-12-01T08:00:00Z"), undefined, asOf], "Action Items", [
    {fault: 502, operation: "getMutationStatus"},
    {fault: "resetBefore", operation: "listRows", nth: 2},
  ]),
  {...editCase("two-way edit: ten rows across two docs", []), clean: true},
  editCase("two-way edit: a write's answer is lost", [{fault: "resetAfter", operation: "upsertRows"}]),
  editCase("two-way edit: a 503 on a write", [{fault: 503, operation: "upsertRows"}]),
  {...editCase("two-way edit: a team member changed a row after the sync", [], {conflict: true}), clean: true},
  carryForwardCase("CarryForward: the next-cycle objective lands but its answer is lost", [{fault: "resetAfter", operation: "upsertRows"}]),
  carryForwardCase("CarryForward: the copy lands but its answer is lost", [{fault: "resetAfter", operation: "upsertRows", nth: 2}]),
  carryForwardCase("CarryForward: a 503 on the copy's write", [{fault: 503, operation: "upsertRows", nth: 2}]),
];

/** Runs one case on a fresh emulator. */
export async function runFaultCase(c: FaultCase, pack: Pack): Promise<Tally> {
  const env = await startSampleEmulator({validate: false, ...c.setup});
  try {
    const t = await c.run(env, pack);
    t.faults = Object.values(env.emulator.stats.faults).reduce((a, b) => a + b, 0) + env.emulator.stats.throttled;
    return t;
  } finally {
    await env.stop();
  }
}
