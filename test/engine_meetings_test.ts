import {assert} from "chai";
import fc from "fast-check";
import {buildAgenda, nextFacilitator} from "../src/engine/agenda";
import {day, isoDay} from "../src/engine/calendar";
import {InputError} from "../src/engine/errors";
import {
  agendaTimes,
  decisionCheck,
  leadershipAlignment,
  meetingDates,
  meetingMix,
  parseClock,
  rolloutPhase,
} from "../src/engine/meetings";

describe("engine: time boxes and meeting mix", function () {
  it("reads clock times in 24-hour and AM/PM forms", function () {
    assert.equal(parseClock("9:05"), 545);
    assert.equal(parseClock("12:00 AM"), 0);
    assert.equal(parseClock("12:30 pm"), 750);
    assert.throws(() => parseClock("25:00"), InputError, /not a time of day/);
    assert.throws(() => parseClock("13:00 PM"), InputError, /use 1 to 12/);
  });

  it("names the day past midnight and refuses negative minutes", function () {
    assert.deepEqual(agendaTimes([30, 45], "23:30"), ["23:30–Day 2 00:00", "Day 2 00:00–Day 2 00:45"]);
    // Offsets are elapsed time: a two-day offsite runs past 24:00 instead of starting over.
    assert.deepEqual(agendaTimes([1440, 90]), ["00:00–24:00", "24:00–25:30"]);
    assert.throws(() => agendaTimes([10, -5]), InputError, /Item 2 is -5 minutes: give each item 0 to 1,440 minutes/);
    assert.throws(() => agendaTimes([1440, 1440, 1440, 1440, 1440, 1440, 1440, 1]), InputError, /more than 7 days/);
    assert.throws(() => agendaTimes([]), InputError, /no agenda items/);
  });

  it("praises a problem-solving meeting and names unknown kinds", function () {
    const mix = meetingMix(["Check-in", "Problem solving", "Decision", "Status"], [5, 60, 15, 10]);
    assert.equal(mix.verdict, "A problem-solving meeting: 83% of the time goes to problems and decisions.");
    assert.throws(
      () => meetingMix(["Gossip"], [10]),
      InputError,
      /Item 1 is of kind "Gossip"; use one of: Problem solving, Decision, Status, Information, Check-in/,
    );
    assert.throws(() => meetingMix(["Status"], [0]), InputError, /no time/);
  });
});

describe("engine: meeting dates and the rollout", function () {
  const iso = (ds: Date[]) => ds.map(isoDay);

  it("keeps the same weekday of the month, and the last one when a month has no fifth", function () {
    assert.deepEqual(iso(meetingDates("Monthly", day("2026-12-29"), 3)), ["2026-12-29", "2027-01-26", "2027-02-23"]);
    assert.deepEqual(iso(meetingDates("Biweekly", day("2026-11-20"), 3, "Mon")), [
      "2026-11-23",
      "2026-12-07",
      "2026-12-21",
    ]);
    assert.deepEqual(iso(meetingDates("Annual", day("2026-03-03"), 2)), ["2026-03-03", "2027-03-02"]);
  });

  it("refuses unknown cadences, weekdays and counts", function () {
    assert.throws(() => meetingDates("Hourly", day("2026-01-01"), 2), InputError, /not a cadence; use one of: Weekly/);
    assert.throws(() => meetingDates("Weekly", day("2026-01-01"), 2, "Funday"), InputError, /not a day of the week/);
    assert.throws(
      () => meetingDates("Weekly", day("2026-01-01"), 0),
      InputError,
      /count must be a whole number from 1 to 520/,
    );
  });

  it("moves through the phases on days 1, 31, 61 and 91", function () {
    const start = day("2026-01-01");
    const at = (n: number) => rolloutPhase(start, day(isoDay(new Date(start.getTime() + (n - 1) * 86400e3))));
    assert.deepInclude(at(1), {phase: "Clarity", day: 1});
    assert.deepInclude(at(30), {phase: "Clarity", day: 30});
    assert.deepInclude(at(31), {phase: "Alignment"});
    assert.deepInclude(at(61), {phase: "Cadence"});
    assert.deepInclude(at(91), {phase: "Develop and maintain"});
    assert.deepInclude(at(300), {nextMilestone: "Quarterly check-in: revisit clarity and alignment"});
    assert.equal(isoDay(at(300).milestoneDate), "2026-12-27", "day 361");
    assert.deepInclude(at(362), {nextMilestone: "Annual offsite: a deep refresh of clarity and alignment"});
    assert.equal(isoDay(at(362).milestoneDate), "2027-01-01", "day 366");
    assert.deepInclude(rolloutPhase(start, day("2025-12-01")), {phase: "Not started", day: 0});
  });
});

describe("engine: leadership alignment", function () {
  it("is 1 when everyone agrees and 0 when two leaders rank in reverse", function () {
    assert.equal(leadershipAlignment(["A, B, C", "A, B, C", "a, b, c"]).w, 1);
    const reversed = leadershipAlignment(["A, B, C, D", "D, C, B, A"]);
    assert.equal(reversed.w, 0);
    assert.match(reversed.verdict, /^Little or no agreement/);
    assert.equal(reversed.disagreements, "A (ranked 1 to 4); D (ranked 1 to 4); B (ranked 2 to 3)");
  });

  it("stays between 0 and 1 for any rankings", function () {
    const items = ["A", "B", "C", "D", "E"];
    fc.assert(
      fc.property(
        fc.array(fc.shuffledSubarray(items, {minLength: 5, maxLength: 5}), {minLength: 2, maxLength: 9}),
        lists => {
          const w = leadershipAlignment(lists.map(l => l.join(", "))).w;
          assert.isAtLeast(w, 0);
          assert.isAtMost(w, 1);
        },
      ),
    );
  });

  it("says which priorities a ranking leaves out or adds", function () {
    assert.throws(
      () => leadershipAlignment(["A, B, C", "A, B, D"]),
      InputError,
      /Ranking 2 leaves out C and adds D: every leader ranks the same priorities as ranking 1/,
    );
    assert.throws(() => leadershipAlignment(["A, B"]), InputError, /at least two leaders; there is 1/);
    assert.throws(() => leadershipAlignment(["A, A", "A, A"]), InputError, /lists an item twice/);
  });
});

describe("engine: decisions, facilitators and agendas", function () {
  it("finds every ownership problem", function () {
    assert.deepEqual(decisionCheck([]), ["No owner: name the one person accountable for the decision."]);
    assert.deepEqual(decisionCheck(["Ann"], ["Bo"], ["ann"]), [
      "ann is listed as the owner and as consulted: consult other people.",
    ]);
  });

  it("rotates the facilitator and skips the most senior leader", function () {
    const leaders = [{name: "CEO", role: "CEO"}, {name: "Ann"}, {name: "Bo"}, {name: "Cy"}];
    assert.equal(nextFacilitator(leaders, []), "Ann");
    assert.equal(nextFacilitator(leaders, ["Ann", "Bo"]), "Cy");
    assert.equal(nextFacilitator(leaders, ["Cy"]), "Ann");
    assert.equal(
      nextFacilitator(
        [
          {name: "Lead", seniority: 1},
          {name: "Ann", seniority: 2},
        ],
        ["Ann"],
      ),
      "Ann",
    );
  });

  it("fills the meeting exactly and gives at least half of it to problems", function () {
    const source = fc.array(fc.record({name: fc.string({minLength: 1, maxLength: 8})}), {maxLength: 12});
    fc.assert(
      fc.property(
        fc.integer({min: 30, max: 240}),
        source,
        source,
        source,
        source,
        source,
        (length, hot, krs, issues, decisions, actions) => {
          const agenda = buildAgenda({
            length,
            hotItems: hot,
            keyResults: krs,
            issues,
            decisionsDue: decisions,
            overdueActions: actions,
            messages: [],
          });
          assert.equal(
            agenda.reduce((n, i) => n + i.minutes, 0),
            length,
          );
          const solving = agenda.filter(i => i.kind === "Problem solving").reduce((n, i) => n + i.minutes, 0);
          assert.isAtLeast(solving, Math.ceil(length / 2));
          assert.isTrue(agenda.every(i => i.minutes > 0));
        },
      ),
    );
    assert.throws(
      () =>
        buildAgenda({
          length: 20,
          hotItems: [],
          keyResults: [],
          issues: [],
          decisionsDue: [],
          overdueActions: [],
          messages: [],
        }),
      InputError,
      /from 30 to 480/,
    );
  });

  const agendaOf = (length: number, issues: Array<{name: string}>) =>
    buildAgenda({length, hotItems: [], keyResults: [], issues, decisionsDue: [], overdueActions: [], messages: []});
  const solving = (agenda: ReturnType<typeof buildAgenda>) =>
    agenda.filter(i => i.kind === "Problem solving").map(i => [i.item, i.minutes]);

  it("gives each top issue a ten-minute box, and the minutes left over to the next issue as time allows", function () {
    // 60 minutes: check-in, messages and close take 15; 45 are left for the issues.
    const issues = ["A", "B", "C", "D", "E", "F"].map(name => ({name}));
    assert.deepEqual(solving(agendaOf(60, issues)), [
      ["Solve: A", 10],
      ["Solve: B", 10],
      ["Solve: C", 10],
      ["Solve: D", 10],
      ["If time allows, solve: E; 1 more on the issues list", 5],
    ]);
    // When the list runs out, the rest of the time goes to the issues raised in the room.
    assert.deepEqual(solving(agendaOf(60, issues.slice(0, 2))), [
      ["Solve: A", 10],
      ["Solve: B", 10],
      ["Open issues: raise and solve what blocks the team", 25],
    ]);
    assert.deepEqual(solving(agendaOf(60, [])), [["Open issues: raise and solve what blocks the team", 45]]);
    assert.deepEqual(
      solving(agendaOf(65, issues)).slice(-1),
      [["Solve: E", 10]],
      "no box is left over when the minutes divide by ten",
    );
  });

  it("never gives an issue other than a ten-minute box, and takes the issues in their order", function () {
    const source = fc.array(fc.record({name: fc.string({minLength: 1, maxLength: 8})}), {maxLength: 12});
    fc.assert(
      fc.property(
        fc.integer({min: 30, max: 480}),
        source,
        source,
        source,
        source,
        source,
        (length, hot, krs, issues, decisions, actions) => {
          const agenda = buildAgenda({
            length,
            hotItems: hot,
            keyResults: krs,
            issues,
            decisionsDue: decisions,
            overdueActions: actions,
            messages: [],
          });
          const boxed = agenda.filter(i => i.item.startsWith("Solve: "));
          for (const i of boxed) assert.equal(i.minutes, 10, i.item);
          assert.deepEqual(
            boxed.map(i => i.item),
            issues.slice(0, boxed.length).map(i => `Solve: ${i.name}`),
          );
          const rest = agenda.filter(i => i.kind === "Problem solving" && !i.item.startsWith("Solve: "));
          assert.isAtMost(rest.length, 1, "one box at most for the minutes left over");
          if (rest[0]?.item.startsWith("If time allows, solve: ")) {
            assert.isBelow(rest[0].minutes, 10);
            assert.include(rest[0].item, issues[boxed.length].name);
          } else if (rest.length) {
            assert.lengthOf(boxed, issues.length, "the room raises issues only once the list has run out");
          }
        },
      ),
    );
  });
});
