import {executeFormulaFromPackDef, executeUpdateFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type * as coda from "@codahq/packs-sdk";
import {performance} from "node:perf_hooks";
import {emulatorContext} from "../emulator/fetcher";
import type {Pack} from "../emulator/run";
import {actionContext, docUrl, runSync} from "../emulator/run";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator, Tokens} from "../emulator/sample";
import {ObservedRateLimit} from "../emulator/server";
import {generateOrganization} from "../sample/generate";
import {MetricsAsOf} from "../sample/health";
import {NextMeeting} from "../sample/meetings";
import {RowPageSize} from "../src/api/client";
import {FaultCases, runFaultCase} from "../emulator/fault_cases";

/**
 * The Docs API figures: requests each sync table makes against the true minimum
 * (one rows request per page of each source table it reads), writes and wall
 * time under the real service's write limit, and the fault suite's totals.
 */

type Rows = Array<Array<string | number>>;

/** The source tables a sync reads: [doc id, table name]. */
type Sources = Array<[string, string]>;

function minimum(env: SampleEmulator, sources: Sources): number {
  let n = 0;
  for (const [docId, name] of sources) {
    const table = env.emulator.doc(docId)?.tables.find(t => t.name === name);
    if (table) n += Math.max(1, Math.ceil(table.rows.length / RowPageSize));
  }
  return n;
}

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

interface SyncCase {
  table: string;
  params: unknown[];
  sources: Sources;
}

function sampleCases(env: SampleEmulator): SyncCase[] {
  const s = env.seeded;
  const teams = s.teamDocIds;
  const perTeam = (...names: string[]): Sources => teams.flatMap(d => names.map((n): [string, string] => [d, n]));
  const asOf = day("2026-11-20");
  const okr = [teams.map(docUrl), undefined, undefined, undefined, undefined, undefined, asOf];
  const meeting = docUrl(s.meetingDocId!);
  const metrics = docUrl(s.metricsDocId!);
  const metricTables: Sources = [
    [s.metricsDocId!, "Metric Definitions"],
    [s.metricsDocId!, "Metric Readings"],
  ];
  const meetingTable = (name: string): Sources => [[s.meetingDocId!, name]];
  return [
    {
      table: "StrategicImperatives",
      params: [docUrl(s.strategyDocId)],
      sources: [[s.strategyDocId, "Strategic Imperatives"]],
    },
    {table: "AnnualGoals", params: [docUrl(s.strategyDocId)], sources: [[s.strategyDocId, "Annual Goals"]]},
    {table: "Objectives", params: okr, sources: perTeam("Objectives", "Annual Goals", "Key Results")},
    {table: "KeyResults", params: okr, sources: perTeam("Objectives", "Annual Goals", "Key Results", "Check-ins")},
    {table: "CheckIns", params: [teams.map(docUrl)], sources: perTeam("Check-ins")},
    {
      table: "HealthMetrics",
      params: [metrics, undefined, undefined, undefined, day(MetricsAsOf)],
      sources: metricTables,
    },
    {
      table: "HotItems",
      params: [metrics, undefined, undefined, undefined, undefined, day(MetricsAsOf)],
      sources: metricTables,
    },
    {
      table: "OkrCandidates",
      params: [metrics, undefined, undefined, undefined, undefined, day(MetricsAsOf)],
      sources: metricTables,
    },
    {table: "Issues", params: [meeting, undefined, undefined, asOf], sources: meetingTable("Issues")},
    {
      table: "Decisions",
      params: [meeting, undefined, undefined, asOf],
      sources: ["Decisions", "Seats", "Lanes"].flatMap(meetingTable),
    },
    {
      table: "ActionItems",
      params: [meeting, undefined, undefined, asOf],
      sources: ["Action Items", "Seats"].flatMap(meetingTable),
    },
    {table: "BackBriefs", params: [meeting, undefined, undefined, asOf], sources: meetingTable("Back-briefs")},
    {
      table: "MeetingAgenda",
      params: [meeting, day(NextMeeting), 90, teams.map(docUrl), metrics],
      sources: [
        ...[
          "Leaders",
          "Meetings",
          "Issues",
          "Decisions",
          "Action Items",
          "Messages",
          "Ratings",
          "Seats",
          "Risks",
        ].flatMap(meetingTable),
        ...metricTables,
        ...perTeam("Objectives", "Key Results"),
      ],
    },
    {
      table: "Seats",
      params: [meeting, undefined, undefined, undefined, day(NextMeeting)],
      sources: ["Seats", "Action Items", "Issues", "Decisions", "Risks"].flatMap(meetingTable),
    },
    {
      table: "MeetingHealth",
      params: [meeting, undefined, undefined, day(NextMeeting)],
      sources: ["Meetings", "Ratings", "Agenda Items", "Action Items", "Issues", "Seats"].flatMap(meetingTable),
    },
    {
      table: "CheckInsDue",
      params: [teams.map(docUrl), undefined, undefined, undefined, undefined, undefined, asOf],
      sources: perTeam("Objectives", "Key Results", "Check-ins"),
    },
    {
      table: "Retrospective",
      params: [teams.map(docUrl), env.org.cycle.name, undefined, undefined, asOf],
      sources: perTeam("Objectives", "Key Results", "Check-ins", "Retrospective"),
    },
    {
      table: "Charter",
      params: [meeting],
      sources: ["Leaders", "Shared Outcomes", "Risk Tolerance", "Red Lines", "Expertise", "Lanes"].flatMap(
        meetingTable,
      ),
    },
    {
      table: "Risks",
      params: [meeting, metrics, teams.map(docUrl), undefined, undefined, day(NextMeeting)],
      sources: [...["Risks", "Seats"].flatMap(meetingTable), ...metricTables, ...perTeam("Objectives", "Key Results")],
    },
    {
      table: "Dependencies",
      params: [meeting, teams.map(docUrl), undefined, undefined, day(NextMeeting)],
      sources: [...["Dependencies", "Milestones"].flatMap(meetingTable), ...perTeam("Objectives", "Key Results")],
    },
    {
      table: "SessionReadiness",
      params: [meeting, undefined, undefined, day(NextMeeting)],
      sources: ["Sessions", "Pre-work", "Decisions", "Seats"].flatMap(meetingTable),
    },
    {table: "Interviews", params: [meeting, undefined, undefined, asOf], sources: meetingTable("Interviews")},
    {
      table: "Bottlenecks",
      params: [meeting, undefined, undefined, undefined, undefined, undefined, asOf],
      sources: meetingTable("Bottlenecks"),
    },
    {table: "FlowEfficiency", params: [meeting, undefined, undefined, asOf], sources: meetingTable("Flow")},
    {
      table: "PathDecision",
      params: [meeting, undefined, undefined, asOf],
      sources: ["Options", "Criteria", "Decisions", "Sessions"].flatMap(meetingTable),
    },
    {
      table: "Roadmap",
      params: [meeting, asOf, undefined, undefined, asOf],
      sources: ["Milestones", "Dependencies"].flatMap(meetingTable),
    },
    {
      table: "OneOnOnes",
      params: [meeting, teams.map(docUrl), metrics, undefined, undefined, undefined, asOf],
      sources: [
        ...["One-on-ones", "Seats", "Action Items", "Ratings", "Meetings", "Leader Metrics"].flatMap(meetingTable),
        ...metricTables,
        ...perTeam("Objectives", "Key Results"),
      ],
    },
    {
      table: "LeaderMetrics",
      params: [meeting, metrics, teams.map(docUrl), undefined, undefined, asOf],
      sources: [
        ...["Leader Metrics", "Leaders", "Seats"].flatMap(meetingTable),
        ...metricTables,
        ...perTeam("Objectives", "Key Results"),
      ],
    },
  ];
}

async function measureSyncs(env: SampleEmulator, pack: Pack, cases: SyncCase[], label: string): Promise<Rows> {
  const rows: Rows = [];
  for (const c of cases) {
    env.emulator.resetStats();
    const started = performance.now();
    const run = await runSync(env, pack, c.table, c.params);
    const wall = (performance.now() - started) / 1000;
    const requests = env.emulator.stats.requests;
    const least = minimum(env, c.sources);
    const distinct = new Set(run.rows.map(r => r.Id)).size;
    rows.push([
      label,
      c.table,
      run.rows.length,
      requests,
      least,
      (requests / least).toFixed(2),
      env.emulator.stats.throttled,
      run.executions,
      wall.toFixed(1),
      run.rows.length - distinct,
    ]);
  }
  return rows;
}

export async function syncRequests(pack: Pack): Promise<void> {
  const rows: Rows = [];
  const sample = await startSampleEmulator({rateLimit: ObservedRateLimit});
  try {
    rows.push(...(await measureSyncs(sample, pack, sampleCases(sample), "sample")));
  } finally {
    await sample.stop();
  }
  const org = generateOrganization({teams: 200, objectives: 1000, keyResults: 4000});
  const big = await startSampleEmulator({org, rateLimit: ObservedRateLimit});
  try {
    const docs = big.seeded.teamDocIds.map(docUrl);
    const across: Record<string, unknown[]> = {
      Objectives: [docs, org.cycle.name, undefined, undefined, undefined, undefined, day(org.asOf)],
      KeyResults: [docs, org.cycle.name, undefined, undefined, undefined, undefined, day(org.asOf)],
      CheckInsDue: [docs, undefined, undefined, undefined, undefined, undefined, day(org.asOf)],
      Retrospective: [docs, org.cycle.name, undefined, undefined, day(org.asOf)],
    };
    const cases = sampleCases(big).filter(c => c.table in across);
    for (const c of cases) c.params = across[c.table];
    rows.push(...(await measureSyncs(big, pack, cases, "200 team docs")));
  } finally {
    await big.stop();
  }
  console.log(
    "\nRequests per sync table against the true minimum (one rows request per page of each source table), observed rate limits on",
  );
  console.log(
    table(
      ["organization", "table", "rows", "requests", "minimum", "ratio", "429s", "executions", "wall s", "duplicated"],
      rows,
    ),
  );
}

/** A ten-row two-way edit and twenty check-ins, under the real service's write limit and write delay. */
export async function writes(pack: Pack): Promise<void> {
  const rows: Rows = [];
  const env = await startSampleEmulator({rateLimit: ObservedRateLimit, mutationDelayMs: {min: 10_000, max: 20_000}});
  try {
    const docs = env.seeded.teamDocIds.map(docUrl);
    const params = [docs, undefined, undefined, undefined, undefined, undefined, day("2026-11-20")];
    const synced = await runSync(env, pack, "KeyResults", params);
    // Ten key results from three team docs.
    const threeDocs = new Set(env.seeded.teamDocIds.slice(0, 3));
    const edits = synced.rows
      .filter(r => r.Current !== undefined && threeDocs.has(String(r.Id).split("/")[0]))
      .slice(0, 10);
    env.emulator.resetStats();
    let started = performance.now();
    // Coda hands an update formula at most maxUpdateBatchSize edits a run.
    const batch = pack.syncTables.find(t => t.name === "KeyResults")!.getter.maxUpdateBatchSize ?? edits.length;
    let ok = 0;
    for (let at = 0; at < edits.length; at += batch) {
      const context = emulatorContext({
        baseUrl: env.baseUrl,
        token: Tokens.leader,
      }) as unknown as coda.UpdateSyncExecutionContext;
      const run = edits
        .slice(at, at + batch)
        .map((r, i) => ({previousValue: r, newValue: {...r, Current: 500 + at + i}, updatedFields: ["Current"]}));
      const result = await executeUpdateFormulaFromPackDef(
        pack,
        "KeyResults",
        params as coda.ParamValues<coda.ParamDefs>,
        context,
        run as coda.GenericSyncUpdate[],
      );
      ok += (result.result as Array<{outcome: string}>).filter(o => o.outcome === "success").length;
    }
    rows.push([
      `two-way edit of ${edits.length} key results in 3 team docs, ${batch} a run`,
      `${ok}/${edits.length}`,
      env.emulator.stats.writes,
      env.emulator.stats.reads,
      env.emulator.stats.throttled,
      ((performance.now() - started) / 1000).toFixed(1),
    ]);

    // Each check-in waits until its two writes have landed (10-20 s each).
    const krs = synced.rows.filter(r => r.Current !== undefined).slice(0, 6);
    env.emulator.resetStats();
    started = performance.now();
    let done = 0;
    for (const kr of krs) {
      await executeFormulaFromPackDef(
        pack,
        "CheckIn",
        [kr.Id, 42, 0.5, "Weekly check-in", day("2026-11-27")] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      );
      done++;
    }
    rows.push([
      `${krs.length} check-ins, one after another`,
      `${done}/${krs.length}`,
      env.emulator.stats.writes,
      env.emulator.stats.reads,
      env.emulator.stats.throttled,
      ((performance.now() - started) / 1000).toFixed(1),
    ]);
  } finally {
    await env.stop();
  }
  console.log("\nWrites under the real write limit (3 writes per 10 s per user) and write delay (10–20 s)");
  console.log(table(["what", "done", "write requests", "read requests", "429s", "wall s"], rows));
}

export async function faultSuite(pack: Pack): Promise<void> {
  let held = 0;
  const totals = {lost: 0, duplicated: 0, halfWritten: 0};
  const started = performance.now();
  for (const c of FaultCases) {
    const t = await runFaultCase(c, pack);
    totals.lost += t.lost;
    totals.duplicated += t.duplicated;
    totals.halfWritten += t.halfWritten;
    if (t.lost + t.duplicated + t.halfWritten === 0 && (c.clean || (t.faults ?? 0) > 0)) held++;
  }
  console.log("\nThe fault suite (the same cases npm test runs)");
  console.log(
    table(
      ["cases", "held", "rows lost", "rows duplicated", "half-written", "wall s"],
      [
        [
          FaultCases.length,
          held,
          totals.lost,
          totals.duplicated,
          totals.halfWritten,
          ((performance.now() - started) / 1000).toFixed(1),
        ],
      ],
    ),
  );
}

export function table(header: string[], rows: Rows): string {
  const cells = [header, ...rows.map(r => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map(r => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map(w => "-".repeat(w + 2)).join("|")}|`, ...cells.slice(1).map(line)].join("\n");
}
