import {docUrl, runSync} from "../../emulator/run";
import type {SampleEmulator} from "../../emulator/sample";
import {pack} from "../../src/pack";
import {fit, heading, pct} from "./format";

/**
 * The meeting discipline section of the briefing: the seats with their findings
 * (from the Seats sync table), and the last meeting's health with the rating's
 * trend (from the MeetingHealth sync table).
 */
export async function disciplineBriefing(
  env: SampleEmulator,
  judgedOn: string,
): Promise<{lines: string[]; requests: number; rows: number}> {
  const doc = docUrl(env.seeded.meetingDocId!);
  const when = new Date(`${judgedOn}T12:00:00Z`);
  const [seats, health] = await Promise.all([
    runSync(env, pack, "Seats", [doc, undefined, undefined, undefined, when]),
    runSync(env, pack, "MeetingHealth", [doc, undefined, undefined, when]),
  ]);
  const out: string[] = [heading("Seats")];
  for (const s of seats.rows.filter(r => r.Kind === "Seat")) {
    const holder = s.Person?.Name ?? "(empty)";
    const held = s.SeatsHeld > 1 ? ` (holds ${s.SeatsHeld} seats)` : "";
    out.push(
      `${fit(s.Name, 24)} ${fit(holder + held, 34)} reports to ${fit(s.ReportsTo ?? "no one", 16)} ${s.Findings ?? ""}`.trimEnd(),
    );
  }
  for (const s of seats.rows.filter(r => r.Kind !== "Seat")) out.push(s.Findings);

  const dated = health.rows.filter(r => r.Date).sort((a, b) => String(a.Date).localeCompare(String(b.Date)));
  const last = dated[dated.length - 1];
  out.push(heading(`Health of the last meeting${last ? ` (${last.Date})` : ""}`));
  if (!last) {
    out.push("No dated meeting in the Meetings table.");
  } else {
    out.push(
      `Rated ${last.AverageRating ?? "–"} on average (lowest ${last.LowestRating ?? "–"}, ${last.Ratings} ratings${last.MissingRatings ? `; not rated by ${last.MissingRatings}` : ""}). ` +
        `Action items done: ${last.ActionsDone} of ${last.ActionsDue}${last.DoneShare === undefined ? "" : ` (${pct(last.DoneShare).trim()}, target 90%)`}; by owner: ${last.DoneByOwner ?? "none due"}.`,
    );
    out.push(
      `Required seats absent: ${last.RequiredSeatsAbsent ?? "none"}. Problem solving ${pct(last.ProblemSolving).trim()}, status ${pct(last.Status).trim()}. Issues solved ${last.IssuesSolved ?? "–"}, carried ${last.IssuesCarried ?? "–"}.`,
    );
    out.push(
      `${last.Healthy ? "Healthy." : "Low-health: it is a hot item on the next agenda."} ${last.Findings ?? ""}`.trimEnd(),
    );
    out.push(`Trend: ${last.TrendDetail ?? "not enough rated meetings yet."}`);
    out.push(
      `Average rating by meeting: ${dated
        .slice(-13)
        .map(r => `${String(r.Date).slice(5)} ${r.AverageRating ?? "–"}${r.Healthy ? "" : "!"}`)
        .join(", ")} (! low-health).`,
    );
  }
  const bad = health.rows.filter(r => r.Problems);
  for (const r of bad) out.push(`Rows to fix: ${r.Name}: ${r.Problems}`);
  return {lines: out, requests: seats.log.requests + health.log.requests, rows: seats.rows.length + health.rows.length};
}
