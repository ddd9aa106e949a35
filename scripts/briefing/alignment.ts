import {docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {pack} from "../../src/pack";
import {fit, heading} from "./format";

/**
 * The executive alignment section of the briefing: the risks whose triggers have
 * fired, the blocked dependency gates, the charter's open disagreements, and
 * whether the next executive session is ready.
 */
export async function alignmentBriefing(
  env: SampleEmulator,
  judgedOn: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const meeting = docUrl(env.seeded.meetingDocId!);
  const teams = env.seeded.teamDocIds.map(docUrl);
  const when = new Date(`${judgedOn}T12:00:00Z`);
  const [risks, gates, charter, sessions] = await Promise.all([
    runSync(env, pack, "Risks", [meeting, docUrl(env.seeded.metricsDocId!), teams, undefined, undefined, when]),
    runSync(env, pack, "Dependencies", [meeting, teams, undefined, undefined, when]),
    runSync(env, pack, "Charter", [meeting]),
    runSync(env, pack, "SessionReadiness", [meeting, undefined, undefined, when]),
  ]);
  const out: string[] = [heading("Executive alignment")];

  const fired = risks.rows.filter(r => r.Hot);
  out.push(
    `Risks: ${fired.length} fired, ${risks.rows.filter(r => r.TriggerState === "Armed").length} armed, ${risks.rows.filter(r => r.TriggerState === "Unknown").length} unknown, of ${risks.rows.length} in the register.`,
  );
  for (const r of fired) {
    out.push(
      `  ! ${fit(r.Name, 56)} ${r.Trigger} — ${r.TriggerReading ?? ""}; mitigation owner ${r.MitigationOwner ?? "none"}`,
    );
  }
  for (const r of risks.rows.filter(r => r.TriggerError)) out.push(`  ? ${fit(r.Name, 56)} ${r.TriggerError}`);
  for (const r of risks.rows.filter(r => r.Findings)) out.push(`  - ${fit(r.Name, 56)} ${r.Findings}`);

  const blocked = gates.rows.filter(r => r.Blocked);
  out.push(`Dependency gates: ${blocked.length} of ${gates.rows.length} blocked.`);
  for (const g of blocked) out.push(`  ✕ ${fit(g.Name, 70)} ${g.BlockedReason}`);
  const cycles = [...new Set(gates.rows.map(g => g.Cycle).filter(Boolean))];
  for (const c of cycles) out.push(`  ↻ Cycle: ${c}`);
  const paths = gates.rows.filter(g => g.CriticalPath && (g.SlackDays ?? 0) < 0);
  for (const g of paths) {
    out.push(
      `  ⏱ ${g.Downstream} finishes ${g.EarliestFinish}, ${-g.SlackDays} days after it is needed: ${g.CriticalPath}`,
    );
  }

  const open = charter.rows.filter(r => r.Open);
  out.push(`Charter: ${charter.rows.length} answers, ${open.length} to talk about.`);
  for (const r of open.filter(r => r.Question === "Shared outcome")) {
    out.push(`  ≠ ${r.Subject}: not yet agreed by ${r.NotYet}.`);
  }
  // One line per kind of decision: both leaders' rows of a conflict say the same.
  const bySubject = new Map(open.filter(r => r.Question === "Lane").map(r => [String(r.Subject), String(r.Findings)]));
  for (const f of bySubject.values()) out.push(`  ⇄ ${f}`);
  const spread = open.find(r => r.Question === "Risk tolerance");
  if (spread) out.push(`  ↕ ${spread.Findings}`);

  const next = sessions.rows
    .filter(s => s.Upcoming && s.Date)
    .sort((a, b) => String(a.Date).localeCompare(String(b.Date)))[0];
  if (next) {
    out.push(
      `Next executive session: ${next.Name} on ${next.Date} — ${next.Ready ? "ready" : "not ready"}; pre-work due ${next.PreworkDue}.`,
    );
    if (next.MissingPrework) {
      out.push(`  Pre-work missing${next.PreworkOverdue ? " and late" : ""}: ${next.MissingPrework}.`);
    }
    if (next.UnconfirmedSeats) out.push(`  Seats not confirmed: ${next.UnconfirmedSeats}.`);
  }
  for (const s of sessions.rows.filter(s => !s.Upcoming && !s.Ready)) {
    out.push(`  ${s.Name} (${s.Date}): ${s.Findings}`);
  }

  const runs = [risks, gates, charter, sessions];
  return {
    lines: out,
    requests: runs.reduce((n, r) => n + r.log.requests, 0),
    rows: runs.reduce((n, r) => n + r.rows.length, 0),
  };
}
