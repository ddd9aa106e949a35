import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {actionContext, docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {pack} from "../../src/pack";
import {fit, heading, num, pct} from "./format";

/**
 * The executive sessions' outputs in the briefing: interview coverage, the
 * bottleneck register's total and its top three, flow efficiency per stage, the
 * options' scores with what would flip the choice, the brief's size, and the
 * leaders' overdue one-to-ones and key-metric findings.
 */
export async function executiveBriefing(
  env: SampleEmulator,
  judgedOn: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const meeting = docUrl(env.seeded.meetingDocId!);
  const metrics = docUrl(env.seeded.metricsDocId!);
  const teams = env.seeded.teamDocIds.map(docUrl);
  const when = new Date(`${judgedOn}T12:00:00Z`);
  const [interviews, bottlenecks, flow, path, oneOnOnes, leaderMetrics] = await Promise.all([
    runSync(env, pack, "Interviews", [meeting, undefined, undefined, when]),
    runSync(env, pack, "Bottlenecks", [meeting, undefined, undefined, undefined, undefined, undefined, when]),
    runSync(env, pack, "FlowEfficiency", [meeting, undefined, undefined, when]),
    runSync(env, pack, "PathDecision", [meeting, undefined, undefined, when]),
    runSync(env, pack, "OneOnOnes", [meeting, teams, metrics, undefined, undefined, undefined, when]),
    runSync(env, pack, "LeaderMetrics", [meeting, metrics, teams, undefined, undefined, when]),
  ]);
  const out: string[] = [heading("Executive sessions")];

  const coverage = interviews.rows.find(r => r.Kind === "Coverage");
  if (coverage) out.push(`Interviews: ${coverage.Summary}`);

  const total = bottlenecks.rows.find(r => r.Kind === "Total");
  const ranked = bottlenecks.rows.filter(r => r.Kind === "Bottleneck" && r.Rank).sort((a, b) => a.Rank - b.Rank);
  if (total) {
    out.push(`Bottlenecks: ${num(total.Total)} ${String(total.Unit).toLowerCase()} in all (${total.Ranked} ranked).`);
  }
  for (const b of ranked.slice(0, 3)) {
    out.push(`  ${b.Rank}. ${fit(b.Name, 44)} ${num(b.Impact).padStart(7)} ${pct(b.Share)}  ${b.Owner?.Name ?? ""}`);
  }
  for (const b of bottlenecks.rows.filter(r => r.Moved)) out.push(`  ↝ ${b.Name}: ${b.Migration}`);

  const overall = flow.rows.find(r => r.Kind === "Overall");
  if (overall) {
    out.push(
      `Flow efficiency: ${pct(overall.Efficiency).trim()} (${num(overall.WorkDays)} work days of ${num(overall.ElapsedDays)}); waits longest in ${overall.WaitsLongestIn}.`,
    );
  }
  for (const s of flow.rows.filter(r => r.Kind === "Stage")) {
    out.push(`  ${fit(s.Name, 24)} ${pct(s.Efficiency)}  ${num(s.WaitDays).padStart(4)} days waiting`);
  }

  out.push(`Path decision: ${path.rows.length} options, weighted and risk-adjusted.`);
  for (const o of path.rows) {
    out.push(
      `  ${o.Rank}. ${fit(o.Name, 24)} ${pct(o.Weighted)} ${pct(o.RiskAdjusted)}${o.Chosen ? `  chosen ${o.DecidedOn ?? ""}` : ""}`,
    );
  }
  const top = path.rows.find(r => r.Rank === 1);
  if (top?.Sensitivity) out.push(`  Sensitivity: ${top.Sensitivity}`);
  for (const o of path.rows.filter(r => r.Findings)) out.push(`  - ${o.Name}: ${o.Findings}`);

  const started = Date.now();
  const brief = (await executeFormulaFromPackDef(
    pack,
    "ExecutiveBrief",
    [meeting, metrics, teams, when] as unknown as coda.ParamValues<coda.ParamDefs>,
    actionContext(env),
  )) as string;
  out.push(
    `Executive brief: ${brief.split("\n").length} lines, ${num(brief.length)} characters, built in ${Date.now() - started} ms.`,
  );

  const overdue = oneOnOnes.rows.filter(r => r.Overdue);
  out.push(`One-to-ones: ${oneOnOnes.rows.length} pairs, ${overdue.length} overdue.`);
  for (const r of overdue) {
    out.push(`  ⏰ ${fit(r.Name, 44)} ${r.DaysOverdue} days overdue; ${r.PromptCount ?? 0} prompts`);
  }
  const metricFindings = leaderMetrics.rows.filter(r => r.Findings);
  out.push(
    `Leader metrics: ${leaderMetrics.rows.filter(r => r.Kind === "Key metric").length} kept, ${metricFindings.length} to fix.`,
  );
  for (const r of metricFindings) out.push(`  - ${fit(r.Name, 44)} ${r.Findings}`);

  const runs = [interviews, bottlenecks, flow, path, oneOnOnes, leaderMetrics];
  return {
    lines: out,
    requests: runs.reduce((n, r) => n + r.log.requests, 0),
    rows: runs.reduce((n, r) => n + r.rows.length, 0),
  };
}
