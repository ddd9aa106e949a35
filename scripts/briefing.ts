import {sampleOrganization} from "../sample/organization";
import {okrBriefing} from "./briefing/okr";

/** npm start: the leadership briefing for the built-in sample organization. */
async function main() {
  const lines = await okrBriefing(sampleOrganization());
  console.log(lines.join("\n"));
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
