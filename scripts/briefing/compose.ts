import type {SampleEmulator} from "../../emulator/sample";
import {NextMeeting} from "../../sample/meetings";
import {alignmentBriefing} from "./alignment";
import {disciplineBriefing} from "./discipline";
import {executiveBriefing} from "./executive";
import {healthBriefing} from "./health";
import {historyBriefing} from "./history";
import {meetingBriefing} from "./meeting";
import {okrBriefing} from "./okr";
import {syncOrganization} from "./synced";

/**
 * The whole briefing for the organization an emulator serves. Every section
 * judges on one day, the next meeting's, which is the day the agenda judges
 * status on too, so an item never shows two states.
 */
export async function briefingLines(env: SampleEmulator, judgedOn: string = NextMeeting): Promise<string[]> {
  const synced = await syncOrganization(env, env.org.cycle.name, env.org.asOf, judgedOn);
  const health = await healthBriefing(env, judgedOn);
  const meeting = await meetingBriefing(env, NextMeeting);
  const discipline = await disciplineBriefing(env, NextMeeting);
  const lines = await okrBriefing(synced.org, {
    cycleKeyResults: synced.cycleKeyResults,
    alignment: synced.alignment,
    problems: synced.problems,
    judgedOn,
  });
  const history = await historyBriefing(env, judgedOn);
  const alignment = await alignmentBriefing(env, judgedOn);
  const sessions = await executiveBriefing(env, judgedOn);
  const docs = env.seeded.teamDocIds.length + 3;
  const sections = [health, meeting, discipline, history, alignment, sessions];
  const rows = synced.rows + sections.reduce((n, s) => n + s.rows, 0);
  const requests = synced.requests + sections.reduce((n, s) => n + s.requests, 0);
  lines.splice(
    2,
    0,
    `Synced ${rows} rows from ${docs} docs in ${requests} API requests (local emulator at ${env.baseUrl}).`,
  );
  return [...lines, ...sections.flatMap(s => s.lines)];
}
