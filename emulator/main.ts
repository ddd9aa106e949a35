import {settingsFromEnv} from "./env";
import type {DocRecord} from "./model";
import {links} from "./model";
import {startSampleEmulator, Tokens} from "./sample";

/**
 * npm run emulator [-- --from DIR]: serves the sample organization's docs, and
 * the CSV files under DIR as docs beside them, until stopped, with the real
 * service's observed limits and write delay unless the environment says
 * otherwise (see docs/emulator.md).
 */
async function main() {
  const settings = settingsFromEnv(process.env, process.argv.slice(2));
  const {baseUrl, seeded, emulator, csvDocs} = await startSampleEmulator({
    ...settings,
    validate: false,
    withBadRows: true,
  });
  const delay = settings.mutationDelayMs;
  const limit = settings.rateLimit;
  const width = Math.max(12, ...[...seeded.docs, ...csvDocs].map(d => d.id.length + 1));
  console.log(`Superhuman Docs API emulator listening at ${baseUrl}/apis/v1`);
  console.log(`Bearer tokens: ${Tokens.leader} (read-write), ${Tokens.reader} (read-only)`);
  console.log(`Writes apply after ${typeof delay === "number" ? `${delay} ms` : `${delay.min}-${delay.max} ms`}.`);
  console.log(
    limit
      ? `Rate limit per user: ${limit.reads} reads per ${limit.windowMs} ms, ${limit.writes} writes per ${limit.writeWindowMs ?? limit.windowMs} ms.`
      : "No rate limit.",
  );
  if (settings.faults.length) console.log(`Faults: ${JSON.stringify(settings.faults)}`);
  console.log(`Sample docs: the links a user pastes into the pack, served at ${baseUrl}/apis/v1/docs/<doc id>`);
  for (const doc of seeded.docs) {
    const note = doc.id === seeded.restrictedDocId ? " (off limits to both tokens: answers 404)" : "";
    console.log(`  ${doc.id.padEnd(width)} ${links.address(doc)}${note}`);
  }
  if (csvDocs.length) console.log(`Your docs from ${settings.from}, open to both tokens, every column text:`);
  for (const doc of csvDocs) console.log(`  ${doc.id.padEnd(width)} ${links.address(doc)} (${sizeOf(doc)})`);
  console.log("Run the pack against it from another shell (docs/emulator.md, Trying the pack by hand):");
  console.log(`  export EMULATOR_URL=${baseUrl} EMULATOR_TOKEN=${Tokens.leader}`);
  console.log(
    `  npm run try -- SetupCheck Team ${links.address(seeded.docs.find(d => d.id === seeded.teamDocIds[0])!)}`,
  );
  console.log(`  npm run try -- KeyResults ${seeded.teamDocIds[0]}`);
  console.log("Press Ctrl+C to stop.");
  process.on("SIGINT", () => {
    if (Object.keys(emulator.stats.faults).length) {
      console.log(`Faults fired: ${JSON.stringify(emulator.stats.faults)}`);
    }
    process.exit(0);
  });
}

/** `3 tables, 42 rows`. */
function sizeOf(doc: DocRecord): string {
  const rows = doc.tables.reduce((n, t) => n + t.rows.length, 0);
  return `${doc.tables.length} ${doc.tables.length === 1 ? "table" : "tables"}, ${rows} ${rows === 1 ? "row" : "rows"}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
