import {startSampleEmulator} from "../emulator/sample";
import {NextMeeting} from "../sample/meetings";
import {healthBriefing} from "./briefing/health";
import {meetingBriefing} from "./briefing/meeting";
import {okrBriefing} from "./briefing/okr";
import {syncOrganization} from "./briefing/synced";

/**
 * npm start: the leadership briefing for the built-in sample organization. A
 * local emulator of the Superhuman Docs API serves the organization's docs on
 * 127.0.0.1; the pack syncs the leadership doc's tables from them, and the
 * pack's formulas turn the synced rows into the briefing. No account, no network.
 */
async function main() {
  const env = await startSampleEmulator({withBadRows: true});
  try {
    const synced = await syncOrganization(env, env.org.cycle.name, env.org.asOf);
    const health = await healthBriefing(env, env.org.asOf);
    const meeting = await meetingBriefing(env, NextMeeting);
    const lines = await okrBriefing(synced.org, {alignment: synced.alignment, problems: synced.problems});
    const docs = env.seeded.teamDocIds.length + 3;
    const rows = synced.rows + health.rows + meeting.rows;
    const requests = synced.requests + health.requests + meeting.requests;
    lines.splice(2, 0, `Synced ${rows} rows from ${docs} docs in ${requests} API requests (local emulator at ${env.baseUrl}).`);
    console.log([...lines, ...health.lines, ...meeting.lines].join("\n"));
  } finally {
    await env.stop();
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
