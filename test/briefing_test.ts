import {assert} from "chai";
import {briefingLines} from "../scripts/briefing/compose";
import {assertWordAgrees} from "./support/trend";
import {useEmulator} from "./support/emulator";

/** npm start's briefing: one meaning for every status, trend and hot flag across its sections. */
describe("the briefing", function () {
  this.timeout(60_000);
  const env = useEmulator({withBadRows: true});
  let lines: string[];
  before(async function () {
    lines = await briefingLines(env);
  });

  it("shows each key result in one state, in the OKR tree and on the agenda", function () {
    const statuses = ["Not started", "On track", "At risk", "Off track", "Done", "Missed"].join("|");
    const inTree = new Map<string, string>();
    for (const line of lines) {
      const m = new RegExp(`^\\s+KR[\\w-]+ (.+?): .*\\s(${statuses}), confidence`).exec(line);
      if (m) inTree.set(m[1], m[2]);
    }
    const onAgenda = lines.map(l => new RegExp(`Key result: (.+?) \\((${statuses}),`).exec(l)).filter(m => m !== null);
    assert.isAbove(onAgenda.length, 2);
    for (const m of onAgenda) assert.equal(inTree.get(m[1]), m[2], `${m[1]} shows one status`);
  });

  it("says when a forecast comes from stale check-ins", function () {
    const kr8 = lines.find(l => l.startsWith("KR8 "));
    assert.match(kr8!, /Forecast from stale data \(last check-in 2026-10-15\)\.$/);
    assert.isTrue(lines.some(l => /KR8 .*Off track, confidence 70%; stale: last check-in 2026-10-15/.test(l)));
  });

  it("names who is due a check-in, and sums up the cycle's retrospective so far", function () {
    const due = lines.findIndex(l => l.includes("CHECK-INS DUE ON 2026-11-24"));
    const retro = lines.findIndex(l => l.includes("RETROSPECTIVE OF FY2026 Q4 SO FAR (THE CYCLE ENDS 2026-12-31)"));
    assert.isAbove(due, 0);
    assert.isAbove(retro, due);
    const owed = lines.slice(due + 1, retro);
    assert.match(
      owed[0],
      /^- Priya Natarajan +Brand guidelines adopted across all channels +40 days \(last check-in 2026-10-15; every 7 days\)$/,
    );
    assert.isFalse(
      owed.some(l => l.includes("New mid-market bookings")),
      "an owner who checked in this week is not listed",
    );
    assert.match(lines[retro + 1], /^Notes written for 8 of the 31 key results/);
  });

  it("counts the cycle's key results as one population, stated once with what it leaves out and why", function () {
    const text = lines.join("\n");
    // Every total the briefing gives: "N key results" opening a line, or "of (the) N key results".
    const totals = [...text.matchAll(/(?:^|\bof (?:the )?)(\d+) key results\b/gm)].map(m => Number(m[1]));
    assert.isAtLeast(totals.length, 2, "the cycle review and the retrospective both count them");
    assert.deepEqual([...new Set(totals)], [totals[0]], `one population, not ${[...new Set(totals)].join(", ")}`);
    const stated = [
      ...text.matchAll(
        /^(\d+) key results this cycle; (\d+) scored(?:, (\d+) left out until their rows are fixed \(([^)]*): see Rows to fix\))?\.$/gm,
      ),
    ];
    assert.lengthOf(stated, 1, "stated once");
    const [, population, scored, left, names] = stated[0];
    assert.deepEqual([Number(population), Number(scored), Number(left)], [31, 29, 2]);
    assert.deepEqual(names.split(", "), ["Webinar attendees", "Analyst briefings held"]);
    for (const name of names.split(", ")) {
      assert.isTrue(
        lines.some(l => l.startsWith("KR-X") && l.includes(`${name} (`)),
        `${name} is among the rows to fix`,
      );
    }
    // Every count of the scored is that one number, and the grades and statuses add up to it.
    const counts = [...text.matchAll(/\b(\d+) scored\b/g)].map(m => Number(m[1]));
    assert.deepEqual([...new Set(counts)], [29]);
    const grades = /^Of the 29 scored: mean \d+%; (\d+) Green, (\d+) Yellow, (\d+) Red\.$/m.exec(text);
    assert.isNotNull(grades);
    assert.equal(
      grades!.slice(1).reduce((n, g) => n + Number(g), 0),
      29,
    );
    const statuses = /^Status: (.*)$/m.exec(text)![1];
    assert.equal(
      [...statuses.matchAll(/(\d+) (?:[A-Z][a-z]+(?: [a-z]+)?|without one)/g)].reduce((n, m) => n + Number(m[1]), 0),
      29,
    );
  });

  it("gives every score and confidence as a percent", function () {
    assert.deepEqual(
      lines.filter(l => /\bmean 0\.\d|\b0\.\d+ → |confidence 0\./.test(l)),
      [],
    );
    assert.match(
      lines.find(l => l.startsWith("Of the 29 scored: "))!,
      /mean 43%/,
    );
  });

  it("gives the meeting's rating trend in a word its own ends bear out", function () {
    const trend = lines.find(l => l.startsWith("Trend: "))!;
    assertWordAgrees(trend.slice("Trend: ".length));
  });

  it("brings the fired risks, blocked gates, open disagreements and the next session's readiness", function () {
    const at = lines.findIndex(l => l.includes("EXECUTIVE ALIGNMENT"));
    assert.isAbove(at, 0);
    const section = lines.slice(at);
    assert.include(section, "Risks: 1 fired, 2 armed, 1 unknown, of 5 in the register.");
    assert.isTrue(
      section.some(l =>
        /^ {2}! Margin stays under the red line into next year +Gross margin < 65 — Gross margin is [\d.]+%: met/.test(
          l,
        ),
      ),
    );
    assert.include(section, "Dependency gates: 3 of 6 blocked.");
    assert.isTrue(section.some(l => l.includes("Blocked: Partners building on the beta is off track.")));
    assert.include(
      section,
      "  ↻ Cycle: Enterprise pricing tiers → Enterprise onboarding playbook → Enterprise pricing tiers",
    );
    assert.include(section, "  ≠ Gross margin back above 70% by the end of Q1: not yet agreed by Diego Ramos.");
    assert.lengthOf(
      section.filter(l => l.includes('both own "Pricing and discounts" outright')),
      1,
      "a lane conflict is told once",
    );
    assert.include(
      section,
      "Next executive session: Decision brief and action plan on 2026-12-08 — not ready; pre-work due 2026-12-01.",
    );
    assert.include(section, "  Seats not confirmed: Revenue, People.");
    assert.include(
      section,
      "  - Partners build on a rival platform                       Aisha Rahman holds no seat in the Seats table: give the work to a seat, or add Aisha Rahman's seat.",
    );
  });

  it("lists a metric as hot in the dashboard and in the hot items alike", function () {
    const hot = lines.filter(l => /^\d+\. /.test(l)).map(l => /^\d+\. (.+?) \(/.exec(l)![1]);
    const flagged = lines.filter(l => /^ {2}[●◐○ ] /.test(l) && /; hot(;|$)/.test(l));
    assert.isAbove(hot.length, 0);
    for (const name of hot) {
      assert.isTrue(
        flagged.some(l => l.includes(name)),
        `${name} is marked hot on the dashboard`,
      );
    }
  });

  it("shows the seats with their findings, and the owners of open work without a seat", function () {
    assert.isTrue(
      lines.some(l => l.startsWith("\nSEATS\n")),
      "a section of its own",
    );
    assert.match(
      lines.find(l => l.startsWith("Operations "))!,
      /Grace Mbeki \(holds 2 seats\) .*Only 2 responsibilities/,
    );
    assert.match(
      lines.find(l => l.startsWith("Security and Compliance "))!,
      /\(empty\) .*Empty seat/,
    );
    assert.isTrue(lines.some(l => l.startsWith("Owners of open work who hold no seat: Jonah Price")));
  });

  it("shows the last meeting's health, and puts a low-health meeting on the next agenda", function () {
    assert.isTrue(lines.some(l => l.startsWith("\nHEALTH OF THE LAST MEETING (2026-11-17)\n")));
    assert.isTrue(
      lines.some(l =>
        /^Rated 7 on average \(lowest 6, 7 ratings\)\. Action items done: 1 of 3 \(33%, target 90%\)/.test(l),
      ),
    );
    assert.isTrue(lines.some(l => l.startsWith("Low-health: it is a hot item on the next agenda.")));
    assert.isTrue(
      lines.some(l => /Information +Meeting health: the meeting of 2026-11-17 was low-health/.test(l)),
      "the agenda carries it",
    );
    assert.isTrue(
      lines.some(l => l.startsWith("Rows to fix: Board prep session: No date")),
      "the bad rows are shown, not dropped",
    );
  });
});
