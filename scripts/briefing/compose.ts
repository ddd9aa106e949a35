import type {SampleEmulator} from "../../emulator/sample";
import {NextMeeting} from "../../sample/meetings";
import {alignmentBriefing} from "./alignment";
import {healthBriefing} from "./health";
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
  const lines = await okrBriefing(synced.org, {alignment: synced.alignment, problems: synced.problems, judgedOn});
  const executive = await alignmentBriefing(env, judgedOn);
  const docs = env.seeded.teamDocIds.length + 3;
  const rows = synced.rows + health.rows + meeting.rows + executive.rows;
  const requests = synced.requests + health.requests + meeting.requests + executive.requests;
  lines.splice(2, 0, `Synced ${rows} rows from ${docs} docs in ${requests} API requests (local emulator at ${env.baseUrl}).`);
  return [...lines, ...health.lines, ...meeting.lines, ...executive.lines];
}
