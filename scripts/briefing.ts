import {startSampleEmulator} from "../emulator/sample";
import {briefingLines} from "./briefing/compose";

/**
 * npm start: the leadership briefing for the built-in sample organization. A
 * local emulator of the Superhuman Docs API serves the organization's docs on
 * 127.0.0.1; the pack syncs the leadership doc's tables from them, and the
 * pack's formulas turn the synced rows into the briefing. No account, no network.
 */
async function main() {
  const env = await startSampleEmulator({withBadRows: true});
  try {
    console.log((await briefingLines(env)).join("\n"));
  } finally {
    await env.stop();
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
