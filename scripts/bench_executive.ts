import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {performance} from "node:perf_hooks";
import {actionContext, docUrl} from "../emulator/run";
import {startSampleEmulator} from "../emulator/sample";
import {NextMeeting} from "../sample/meetings";
import {pack} from "../src/pack";
import {executiveBriefing} from "./briefing/executive";

/**
 * The executive sessions' outputs on the sample organization: the section of the
 * briefing (the register's total and top three, flow per stage, the options'
 * scores and what flips the choice), then the one-page brief's size and the
 * median time to build it from the docs over HTTP.
 */
export async function executiveBench(runs = 9): Promise<void> {
  const env = await startSampleEmulator();
  try {
    const section = await executiveBriefing(env, NextMeeting);
    console.log(section.lines.join("\n"));
    const params = [
      docUrl(env.seeded.meetingDocId!),
      docUrl(env.seeded.metricsDocId!),
      env.seeded.teamDocIds.map(docUrl),
      new Date(`${NextMeeting}T12:00:00Z`),
    ] as unknown as coda.ParamValues<coda.ParamDefs>;
    const times: number[] = [];
    let brief = "";
    for (let i = 0; i <= runs; i++) {
      env.emulator.resetStats();
      const started = performance.now();
      brief = (await executeFormulaFromPackDef(pack, "ExecutiveBrief", params, actionContext(env))) as string;
      if (i > 0) times.push(performance.now() - started); // the first run warms up the JIT
    }
    times.sort((a, b) => a - b);
    console.log(
      `\nExecutiveBrief: ${brief.split("\n").length} lines, ${brief.length.toLocaleString("en-US")} characters; ` +
        `median ${times[Math.floor(times.length / 2)].toFixed(1)} ms of ${runs} builds against the local emulator, ` +
        `${env.emulator.stats.requests} API requests each.`,
    );
  } finally {
    await env.stop();
  }
}
