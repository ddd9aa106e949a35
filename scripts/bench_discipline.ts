import type {Pack} from "../emulator/run";
import {docUrl, runSync} from "../emulator/run";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator} from "../emulator/sample";
import {ObservedRateLimit} from "../emulator/server";
import {NextMeeting} from "../sample/meetings";
import {RowPageSize} from "../src/api/client";
import {table} from "./bench_api";

/**
 * The meeting discipline sync tables' requests against the true minimum: one
 * rows request per page of each source table they read (a table the doc lacks
 * costs nothing in the minimum, and is asked for once, by name). The agenda is
 * measured too, since it now reads the ratings and the seats. A table of
 * several pages also costs two looks at its details (to see it did not change
 * while read), which the minimum leaves out.
 */

type Sources = string[];

function minimum(env: SampleEmulator, names: Sources, docId = env.seeded.meetingDocId!): number {
  let n = 0;
  for (const name of names) {
    const t = env.emulator.doc(docId)?.tables.find(x => x.name === name);
    if (t) n += Math.max(1, Math.ceil(t.rows.length / RowPageSize));
  }
  return n;
}

export async function disciplineRequests(pack: Pack): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  const env = await startSampleEmulator({rateLimit: ObservedRateLimit, withBadRows: true});
  try {
    const meeting = docUrl(env.seeded.meetingDocId!);
    const day = new Date(`${NextMeeting}T00:00:00Z`);
    const cases: Array<{table: string; params: unknown[]; sources: Sources}> = [
      {table: "Seats", params: [meeting, undefined, undefined, undefined, day], sources: ["Seats", "Action Items", "Issues", "Decisions", "Risks"]},
      {table: "MeetingHealth", params: [meeting, undefined, undefined, day], sources: ["Meetings", "Ratings", "Agenda Items", "Action Items", "Issues", "Seats"]},
      {table: "Decisions", params: [meeting, undefined, undefined, day], sources: ["Decisions", "Lanes", "Seats"]},
      {table: "ActionItems", params: [meeting, undefined, undefined, day], sources: ["Action Items", "Seats"]},
      {
        table: "MeetingAgenda",
        params: [meeting, day, 90, [], docUrl(env.seeded.metricsDocId!)],
        sources: ["Leaders", "Meetings", "Issues", "Decisions", "Action Items", "Messages", "Ratings", "Seats", "Risks"],
      },
    ];
    for (const c of cases) {
      env.emulator.resetStats();
      const run = await runSync(env, pack, c.table, c.params);
      const requests = env.emulator.stats.requests;
      // The agenda also reads the metrics doc's two tables.
      const least = minimum(env, c.sources) + (c.table === "MeetingAgenda" ? minimum(env, ["Metric Definitions", "Metric Readings"], env.seeded.metricsDocId!) : 0);
      rows.push([c.table, run.rows.length, requests, least, (requests / least).toFixed(2), env.emulator.stats.throttled]);
    }
  } finally {
    await env.stop();
  }
  console.log(`\nMeeting discipline: requests per sync table against the true minimum (one rows request per page of each source table; the sample organization with its bad rows, judged on ${NextMeeting})`);
  console.log(table(["table", "rows", "requests", "minimum", "ratio", "429s"], rows));
}
