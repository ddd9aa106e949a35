import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {HealthAreas} from "../../src/engine/health";
import {pack} from "../../src/pack";
import {fit, heading} from "./format";

/**
 * A synced metric's trend in words: the direction of its least-squares line, and
 * the latest run of moves, named by its own direction when that differs.
 */
function trendText(r: {Trend?: string; Streak?: number; Readings?: number[]}): string {
  if (!r.Trend) return "";
  const readings = r.Readings ?? [];
  const move = readings.length >= 2 ? Math.sign(readings[readings.length - 1] - readings[readings.length - 2]) : 0;
  const moveWord = move > 0 ? "Up" : move < 0 ? "Down" : "";
  if (!r.Streak || r.Streak < 2 || !moveWord) return r.Trend;
  return moveWord === r.Trend
    ? `${r.Trend}, ${r.Streak} in a row`
    : `${r.Trend}, though the last ${r.Streak} moves were ${moveWord.toLowerCase()}`;
}

/** The health section of the briefing: the CEO dashboard by area, this week's hot items, and next cycle's candidates. */
export async function healthBriefing(
  env: SampleEmulator,
  asOf: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const doc = docUrl(env.seeded.metricsDocId!);
  const when = new Date(`${asOf}T12:00:00Z`);
  const [metrics, hot, candidates] = await Promise.all([
    runSync(env, pack, "HealthMetrics", [doc, undefined, undefined, undefined, when]),
    runSync(env, pack, "HotItems", [doc, undefined, undefined, undefined, undefined, when]),
    runSync(env, pack, "OkrCandidates", [doc, undefined, undefined, undefined, undefined, when]),
  ]);
  const out: string[] = [heading("Organizational health")];
  const mark = {Green: "●", Yellow: "◐", Red: "○"} as Record<string, string>;
  for (const area of HealthAreas) {
    const rows = metrics.rows.filter(r => r.Area === area);
    if (!rows.length) continue;
    out.push(`${area}:`);
    for (const r of rows) {
      const latest = `${r.Latest ?? "–"}${r.Unit ? ` ${r.Unit}` : ""}`;
      const notes = [
        trendText(r),
        r.Hot ? "hot" : "",
        r.Stale ? `stale: last reading ${r.LatestDate ?? "never"}` : "",
        r.Problems ? `(${r.Problems})` : "",
      ];
      out.push(
        `  ${mark[r.Status] ?? " "} ${fit(r.Name, 44)} ${fit(latest, 16)} ${fit(r.Status ?? "", 7)} ${notes.filter(Boolean).join("; ")}`,
      );
    }
  }
  const review = (await executeFormulaFromPackDef(pack, "DashboardReview", [
    metrics.rows.map(r => r.Area),
    metrics.rows.map(r => r.Status),
  ] as coda.ParamValues<coda.ParamDefs>)) as Record<string, unknown>;
  out.push(
    `Dashboard: ${review.Metrics} metrics (${review.PerArea}); ${Math.round((review.ShareRed as number) * 100)}% red. ${review.Verdict}`,
  );

  out.push(heading("Hot items for this week's meeting"));
  if (!hot.rows.length) out.push("Nothing is hot this week.");
  hot.rows.forEach((r, i) =>
    out.push(`${i + 1}. ${r.Name} (${r.Area}, ${r.Status}, ${r.Owner?.Name ?? "no owner"}): ${r.Reason}`),
  );

  out.push(heading("Candidate objectives for next cycle"));
  if (!candidates.rows.length) out.push("No metric stayed red or kept worsening all cycle.");
  for (const c of candidates.rows) {
    out.push(`- ${c.Name} (${c.Owner?.Name ?? "no owner"})`);
    out.push(`    Key result: ${c.KeyResult}`);
    out.push(`    Evidence: ${c.Evidence}`);
  }
  const runs = [metrics, hot, candidates];
  return {
    lines: out,
    requests: runs.reduce((n, r) => n + r.log.requests, 0),
    rows: runs.reduce((n, r) => n + r.rows.length, 0),
  };
}
