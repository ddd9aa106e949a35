import {startSampleEmulator, Tokens} from "./sample";
import {DocumentedRateLimit} from "./server";

/** npm run emulator: serves the sample organization's docs until stopped. */
async function main() {
  const port = Number(process.env.PORT ?? 8787);
  const {baseUrl, seeded} = await startSampleEmulator({rateLimit: DocumentedRateLimit, validate: false, withBadRows: true, port});
  console.log(`Superhuman Docs API emulator listening at ${baseUrl}/apis/v1`);
  console.log(`Bearer tokens: ${Tokens.leader} (read-write), ${Tokens.reader} (read-only)`);
  console.log(`Strategy doc: ${seeded.strategyDocId}; team docs: ${seeded.teamDocIds.join(", ")}; leadership doc: ${seeded.leadershipDocId}`);
  console.log(`Health dashboard doc: ${seeded.metricsDocId}; leadership meeting doc: ${seeded.meetingDocId}`);
  console.log(`The board doc ${seeded.restrictedDocId} answers 403. Press Ctrl+C to stop.`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
