import {startSampleEmulator} from "../emulator/sample";
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
    const lines = await okrBriefing(synced.org, {alignment: synced.alignment, problems: synced.problems});
    lines.splice(2, 0, `Synced ${synced.rows} rows from ${env.seeded.teamDocIds.length + 1} docs in ${synced.requests} API requests (local emulator at ${env.baseUrl}).`);
    console.log(lines.join("\n"));
  } finally {
    await env.stop();
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
