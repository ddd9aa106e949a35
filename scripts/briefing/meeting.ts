import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {Tokens} from "../../emulator/sample";
import {pack} from "../../src/pack";
import {fit, heading} from "./format";

/**
 * The meeting section of the briefing: next week's agenda from the MeetingAgenda
 * sync table, and the alignment and meeting-mix figures from the formulas run
 * over the meeting doc's own tables (read here as a doc's formulas would see them).
 */

async function rows(env: SampleEmulator, docId: string, table: string): Promise<Array<Record<string, unknown>>> {
  const url = `${env.baseUrl}/apis/v1/docs/${docId}/tables/${encodeURIComponent(table)}/rows?useColumnNames=true&valueFormat=simpleWithArrays&limit=500`;
  const response = await fetch(url, {headers: {Authorization: `Bearer ${Tokens.leader}`}});
  return ((await response.json()) as {items: Array<{values: Record<string, unknown>}>}).items.map(i => i.values);
}

export async function meetingBriefing(
  env: SampleEmulator,
  meetingDate: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const docId = env.seeded.meetingDocId!;
  const agenda = await runSync(env, pack, "MeetingAgenda", [
    docUrl(docId),
    new Date(`${meetingDate}T12:00:00Z`),
    90,
    env.seeded.teamDocIds.map(docUrl),
    docUrl(env.seeded.metricsDocId!),
  ]);
  const out: string[] = [heading(`Agenda for the leadership meeting of ${meetingDate}`)];
  out.push(
    `Facilitator: ${agenda.rows[0]?.Facilitator ?? "not set"} (leaders take turns; the CEO takes part instead).`,
  );
  for (const item of agenda.rows) {
    out.push(`${item.TimeBox}  ${fit(item.Kind, 15)} ${fit(item.Name, 82)} ${item.Owner ?? ""}`.trimEnd());
  }

  const run = (name: string, ...params: unknown[]) =>
    executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>) as Promise<
      Record<string, unknown>
    >;
  const rankings = await rows(env, docId, "Priority Rankings");
  const alignment = await run(
    "LeadershipAlignment",
    rankings.map(r => r.Ranking),
  );
  out.push(heading("Leadership alignment on priorities"));
  out.push(
    `Kendall's W = ${(alignment.W as number).toFixed(2)} across ${alignment.Leaders} leaders and ${alignment.Items} priorities. ${alignment.Verdict}`,
  );
  out.push(`Shared order: ${alignment.Consensus}. Most contested: ${alignment.Disagreements}.`);

  const meetings = await rows(env, docId, "Meetings");
  const items = await rows(env, docId, "Agenda Items");
  const last = String(meetings[meetings.length - 1].Meeting);
  const lastItems = items.filter(i => i.Meeting === last);
  const mix = await run(
    "MeetingMix",
    lastItems.map(i => i.Kind),
    lastItems.map(i => i.Minutes),
  );
  const pct = (x: unknown) => `${Math.round((x as number) * 100)}%`;
  out.push(heading("Meeting mix"));
  out.push(
    `${last}: problem solving ${pct(mix.ProblemSolving)}, decisions ${pct(mix.Decision)}, status ${pct(mix.Status)}, information ${pct(mix.Information)}, check-in and close ${pct(mix.CheckIn)}.`,
  );
  out.push(String(mix.Verdict));
  const planned = await run(
    "MeetingMix",
    agenda.rows.map(r => r.Kind),
    agenda.rows.map(r => r.Minutes),
  );
  out.push(
    `Next week's agenda: problem solving ${pct(planned.ProblemSolving)}, status ${pct(planned.Status)}. ${planned.Verdict}`,
  );
  return {lines: out, requests: agenda.log.requests + 3, rows: agenda.rows.length};
}
