import {docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {pack} from "../../src/pack";
import {fit, heading, pct} from "./format";

/**
 * The history section of the briefing: who is due a check-in (the CheckInsDue
 * sync table, as an automation would notify them), and the cycle's
 * retrospective so far (the Retrospective sync table: the team's notes and each
 * key result's findings; the counts are the cycle review's).
 */
export async function historyBriefing(
  env: SampleEmulator,
  judgedOn: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const docs = env.seeded.teamDocIds.map(docUrl);
  const when = new Date(`${judgedOn}T12:00:00Z`);
  const cycle = env.org.cycle.name;
  const [due, retro] = await Promise.all([
    runSync(env, pack, "CheckInsDue", [docs, undefined, undefined, undefined, undefined, undefined, when]),
    runSync(env, pack, "Retrospective", [docs, cycle, undefined, undefined, when]),
  ]);
  const out: string[] = [heading(`Check-ins due on ${judgedOn}`)];
  const owed = due.rows.filter(r => r.Due && r.Owner);
  const stuck = due.rows.filter(r => !r.Owner || (r.Problems && !r.Due));
  if (!owed.length) out.push("Every owner has checked in within their cadence.");
  for (const r of owed) {
    const since = r.LastCheckIn ? `last check-in ${r.LastCheckIn}` : "never checked in";
    const days = r.DaysSince === undefined ? "its cycle is unknown" : `${r.DaysSince} days`;
    out.push(`- ${fit(r.Owner.Name, 18)} ${fit(r.Name, 46)} ${days} (${since}; every ${r.CadenceDays} days)`);
  }
  for (const r of stuck) out.push(`- No reminder can be sent for ${r.Name}: ${r.Problems ?? "it has no owner."}`);

  const rows = retro.rows;
  const closed = rows.some(r => r.Closed);
  out.push(heading(`Retrospective of ${cycle}${closed ? "" : ` so far (the cycle ends ${env.org.cycle.end})`}`));
  const noted = rows.filter(r => r.WhatHappened || r.WhatWeLearnt).length;
  const staleWeeks = rows.reduce((n, r) => n + (r.StaleWeeks ?? 0), 0);
  out.push(
    `Notes written for ${noted} of the ${rows.length} key results; ${staleWeeks} key-result weeks passed without a check-in.`,
  );
  const flagged = rows
    .filter(r => r.Findings && r.Findings !== "None")
    .sort((a, b) => (a.Progress ?? 0) - (b.Progress ?? 0));
  for (const r of flagged.slice(0, 6)) out.push(`- ${fit(r.Name, 46)} ${pct(r.Progress)}: ${r.Findings}`);
  if (flagged.length > 6) out.push(`  and ${flagged.length - 6} more with findings.`);
  const runs = [due, retro];
  return {
    lines: out,
    requests: runs.reduce((n, r) => n + r.log.requests, 0),
    rows: runs.reduce((n, r) => n + r.rows.length, 0),
  };
}
