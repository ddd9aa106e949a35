import {assert} from "chai";
import fc from "fast-check";
import {day, isoDay, plusDays} from "../src/engine/calendar";
import {normalize} from "../src/engine/columns";
import {isInputError} from "../src/engine/errors";
import type {OneOnOneInput, ReportData} from "../src/engine/coaching";
import {CoachingRules, coachingPrompts, leaderMetrics, oneOnOnes} from "../src/engine/coaching";
import type {Seat} from "../src/engine/seats";

function throwsInput(f: () => unknown, pattern: RegExp): void {
  try {
    f();
  } catch (e) {
    assert.isTrue(isInputError(e), `not an input error: ${String(e)}`);
    assert.match((e as Error).message, pattern);
    return;
  }
  assert.fail(`no error; expected ${pattern}`);
}

const Names = ["王小明", "Ольга Петрова", "ليلى حداد", "Sam 🚀👩🏽‍💻"];
const asOf = day("2027-03-01");

describe("one-to-ones", function () {
  const log: OneOnOneInput[] = [
    {leader: "Ana Ruiz", report: "Li Wei", date: day("2027-01-04"), commitments: "Send the plan; [x] Book the offsite"},
    {leader: "ana ruiz", report: "LI  WEI", date: day("2027-01-18")},
    {
      leader: "Ana Ruiz",
      report: "Li Wei",
      date: day("2027-02-08"),
      notes: "Hiring is slow",
      commitments: "Draft the budget\n✓ Call the vendor\nReview hiring, onboarding and pay\nDone: intro to Omar",
    },
    {leader: "Ana Ruiz", report: "Omar", date: day("2027-02-20"), cadence: "weekly"},
    {leader: "Ana Ruiz", report: "Omar", date: day("2027-02-25"), next: day("2027-03-10")},
    {leader: "Omar", report: "Zoe", date: day("2027-02-25")},
    {leader: "Omar", report: "Zoe"},
    {leader: "", report: "Nobody", date: day("2027-02-25")},
  ];
  const {pairs, findings} = oneOnOnes(log, asOf);
  const pair = (report: string) => pairs.find(p => p.report === report)!;

  it("takes the median days between one-to-ones as the cadence, and carries open commitments", function () {
    const li = pair("Li Wei");
    assert.equal(li.leader, "Ana Ruiz", "the first spelling is kept");
    assert.deepEqual(
      [li.meetings, li.cadenceDays, li.cadenceFrom],
      [3, 18, "Median"],
      "gaps of 14 and 21 days: 17.5 rounds to 18",
    );
    assert.equal(isoDay(li.last), "2027-02-08");
    assert.equal(isoDay(li.nextDue), "2027-02-26");
    assert.deepEqual([li.overdue, li.daysOverdue], [true, 3]);
    assert.deepEqual(li.carried, ["Draft the budget", "Review hiring, onboarding and pay"]);
    assert.equal(li.lastNotes, "Hiring is slow");
  });

  it("prefers a declared cadence and a planned next one-to-one, and defaults to 14 days", function () {
    const omar = pair("Omar");
    assert.deepEqual([omar.cadenceDays, omar.cadenceFrom], [7, "Declared"]);
    assert.equal(isoDay(omar.nextDue), "2027-03-10", "the planned day wins over 7 days on");
    assert.deepEqual([omar.overdue, omar.daysOverdue], [false, 0]);
    const zoe = pair("Zoe");
    assert.deepEqual(
      [zoe.cadenceDays, zoe.cadenceFrom, zoe.meetings],
      [CoachingRules.defaultCadenceDays, "Default", 1],
    );
    assert.equal(isoDay(zoe.nextDue), "2027-03-11");
    const weekly = oneOnOnes(log, asOf, 7).pairs.find(p => p.report === "Zoe")!;
    assert.deepEqual([weekly.cadenceDays, isoDay(weekly.nextDue), weekly.overdue], [7, "2027-03-04", false]);
    throwsInput(() => oneOnOnes(log, asOf, 120), /defaultCadence must be a whole number from 1 to 90/);
  });

  it("puts overdue pairs first and names them, and a row without a date", function () {
    assert.deepEqual(
      pairs.map(p => p.report),
      ["Li Wei", "Omar", "Zoe"],
    );
    assert.deepEqual(findings, [
      "A one-to-one of Omar with Zoe has no date: give it the day it took place.",
      "Ana Ruiz's one-to-one with Li Wei is 3 days overdue (due 2027-02-26): book it.",
    ]);
  });

  it("refuses a cadence it cannot read", function () {
    throwsInput(
      () => oneOnOnes([{leader: "A", report: "B", date: asOf, cadence: "whenever"}], asOf),
      /Cadence "whenever" is not a cadence/,
    );
  });

  it("never gives NaN, keeps names in any script, and counts days overdue from next due (property)", function () {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            l: fc.nat(3),
            r: fc.nat(3),
            offset: fc.integer({min: -400, max: 0}),
            next: fc.option(fc.integer({min: -30, max: 60}), {nil: undefined}),
          }),
          {minLength: 1, maxLength: 40},
        ),
        rows => {
          const log = rows.map(x => ({
            leader: Names[x.l],
            report: Names[x.r],
            date: plusDays(asOf, x.offset),
            next: x.next === undefined ? undefined : plusDays(asOf, x.next),
          }));
          const out = oneOnOnes(log, asOf);
          for (const p of out.pairs) {
            for (const n of [p.cadenceDays, p.daysOverdue, p.meetings, p.nextDue.getTime(), p.last.getTime()]) {
              assert.isTrue(Number.isFinite(n));
            }
            assert.include(Names, p.leader);
            assert.include(Names, p.report);
            assert.isAtLeast(p.cadenceDays, 1);
            const late = Math.round((asOf.getTime() - p.nextDue.getTime()) / 86_400_000);
            assert.equal(p.daysOverdue, Math.max(0, late));
            assert.equal(p.overdue, late > 0);
          }
          for (let i = 1; i < out.pairs.length; i++) {
            assert.isAtLeast(out.pairs[i - 1].daysOverdue, out.pairs[i].daysOverdue);
          }
        },
      ),
      {numRuns: 200},
    );
  });
});

describe("coaching prompts", function () {
  const seat = (name: string, person: string, n: number): Seat => ({
    name,
    person: {name: person, email: `${person.toLowerCase()}@example.com`},
    responsibilities: Array.from({length: n}, (_, i) => `R${i}`),
    requiredIn: [],
  });
  const data: ReportData = {
    report: "Li Wei",
    keyResults: [
      {name: "Net revenue retention 115%", status: "Off track", progress: 0.3, expected: 0.55},
      {name: "Win rate", status: "off-track", progress: 0.1, expected: 0.55},
      {name: "Hire 4 engineers", status: "At Risk"},
      {name: "Churn under 2%", status: "On track"},
    ],
    actionItems: [
      {action: "Send the board deck", due: day("2027-02-20")},
      {action: "Close the vendor review", due: day("2027-02-27")},
      {action: "Done long ago", due: day("2027-01-01"), done: true},
      {action: "Not yet due", due: day("2027-03-05")},
    ],
    ratings: [
      {meeting: "Weekly 22 Feb", rating: 5, reason: "We ran over on status"},
      {meeting: "Weekly 15 Feb", rating: 7},
      {meeting: "Weekly 8 Feb", rating: 9},
    ],
    seats: [seat("Finance leader", "Li Wei", 7), seat("Revenue", "Li Wei", 4), seat("People", "Zoe", 9)],
  };

  it("asks about the report's own data, most important first", function () {
    const prompts = coachingPrompts(data, asOf, 20);
    assert.deepEqual(
      prompts.map(p => [p.kind, p.about]),
      [
        ["Key result", "Win rate"],
        ["Key result", "Net revenue retention 115%"],
        ["Action item", "Send the board deck"],
        ["Action item", "Close the vendor review"],
        ["Key result", "Hire 4 engineers"],
        ["Seat", "Finance leader"],
        ["Meeting rating", "Weekly 22 Feb"],
        ["Meeting rating", "Weekly 15 Feb"],
      ],
    );
    assert.equal(
      prompts[0].question,
      `"Win rate" is at 10% against 55% expected. What would have to be true for it to get back on pace?`,
    );
    assert.equal(
      prompts[2].question,
      `"Send the board deck" is 9 days past its due date (2027-02-20). What is in the way, and what would help you close it or hand it on?`,
    );
    assert.equal(
      prompts[5].question,
      `The seat "Finance leader" carries 7 responsibilities, more than 5. Which could you hand on, and to whom?`,
    );
    assert.equal(
      prompts[6].question,
      `You rated "Weekly 22 Feb" 5 of 10, saying "We ran over on status". What would have made it an 8?`,
    );
    assert.equal(
      prompts[7].question,
      `You rated "Weekly 15 Feb" 7 of 10 without a reason. What would have made it an 8?`,
    );
    for (const p of prompts) assert.match(p.question, /\?$/);
  });

  it("gives at most N prompts, five by default", function () {
    assert.lengthOf(coachingPrompts(data, asOf), 5);
    assert.deepEqual(
      coachingPrompts(data, asOf, 2).map(p => p.about),
      ["Win rate", "Net revenue retention 115%"],
    );
    assert.deepEqual(coachingPrompts({report: "Nobody"}, asOf), []);
    throwsInput(() => coachingPrompts(data, asOf, 0), /max must be a whole number from 1 to 20/);
  });

  it("reads progress by the percent rule and ratings from 1 to 10", function () {
    throwsInput(
      () =>
        coachingPrompts(
          {report: "x", keyResults: [{name: "KR", status: "Off track", progress: 0.3, expected: 55}]},
          asOf,
        ),
      /Expected progress of "KR".*55 looks like 55%, so use 0\.55/,
    );
    throwsInput(
      () => coachingPrompts({report: "x", ratings: [{meeting: "W", rating: 11}]}, asOf),
      /Rating of "W" must be a whole number from 1 to 10/,
    );
  });

  it("quotes long names cut to 40 characters and keeps names in any script", function () {
    const long = "A very long key result name that goes on and on past forty characters";
    const [p] = coachingPrompts({report: "x", keyResults: [{name: long, status: "Off track"}]}, asOf);
    assert.equal(
      p.question,
      `"A very long key result name that goes o…" is off track. What would have to be true for it to get back on pace?`,
    );
    assert.equal(p.about, long);
    const scripts = coachingPrompts(
      {
        report: Names[1],
        keyResults: Names.map(name => ({name, status: "At risk"})),
        seats: [seat("财务", Names[1], 6)],
      },
      asOf,
      10,
    );
    for (const name of [...Names, "财务"]) {
      assert.isTrue(
        scripts.some(q => q.question.includes(`"${name}"`)),
        name,
      );
    }
  });
});

describe("leaders' key metrics", function () {
  const targets = ["Net Revenue Retention", "Gross margin", "Время выхода", "客户满意度", "Ｆｕｌｌ width"];
  const rows = [
    {leader: "Ana", metric: "Net revenue retention", shortName: "NRR", linkedTo: "net revenue-retention"},
    {leader: "ana", metric: "Margin", shortName: "nrr", linkedTo: "Gross margn"},
    {leader: "Ana", metric: "Time to market", shortName: "Ship it fast please now", linkedTo: "время  ВЫХОДА"},
    {
      leader: "Ana",
      metric: "CSAT",
      shortName: "客户满意度客户满意度客户满意度客户满意度客户满意度客",
      linkedTo: "客户 满意度",
    },
    {leader: "Ana", metric: "Wide", shortName: "Wide", linkedTo: "full width"},
    {leader: "Ana", metric: "Sixth", shortName: "Six"},
    {leader: "Omar", metric: "Pipeline", shortName: "NRR", linkedTo: "Nothing like it at all"},
    {leader: "Zeo", metric: "Attrition", shortName: "Attrition"},
  ];
  const out = leaderMetrics(rows, targets, ["Ana", "Omar", "Zoe", "Li"]);
  const row = (metric: string) => out.rows.find(r => r.metric === metric)!;
  const leader = (name: string) => out.leaders.find(l => l.leader === name)!;

  it("links by name, case, spacing, punctuation and width aside, in any script", function () {
    assert.equal(row("Net revenue retention").linked, "Net Revenue Retention");
    assert.equal(row("Time to market").linked, "Время выхода");
    assert.equal(row("CSAT").linked, "客户满意度");
    assert.equal(row("Wide").linked, "Ｆｕｌｌ width");
    assert.equal(row("Margin").leader, "Ana");
  });

  it("names a link that matches nothing, with the nearest name", function () {
    assert.isUndefined(row("Margin").linked);
    assert.include(
      row("Margin").findings,
      `"Gross margn" matches no health metric or key result; did you mean "Gross margin"?`,
    );
    assert.include(
      row("Pipeline").findings,
      `"Nothing like it at all" matches no health metric or key result: link it to one by its name.`,
    );
  });

  it("keeps short names short and distinct within a leader", function () {
    assert.include(row("Margin").findings, `Ana already uses the short name "nrr": give each metric its own.`);
    assert.notInclude(row("Pipeline").findings.join(" "), "already uses", "another leader may use the same short name");
    assert.include(
      row("Time to market").findings,
      `The short name "Ship it fast please now" is 5 words: keep it to 3 words so people remember it.`,
    );
    assert.include(
      row("CSAT").findings,
      `The short name "客户满意度客户满意度客户满意度客户满意度客户满意度客" is 26 characters: keep it to 3 words so people remember it.`,
    );
    assert.deepEqual(row("Net revenue retention").findings, []);
  });

  it("counts each leader's metrics: none, or more than five", function () {
    assert.deepEqual(leader("Ana").findings, ["Ana has 6 key metrics, more than 5: keep the few that matter most."]);
    assert.deepEqual(leader("Omar").findings, []);
    assert.deepEqual(leader("Zoe").findings, ["Zoe has no key metrics: name up to 5, each with a short name."]);
    assert.include(row("Attrition").findings, `"Zeo" is not on the leaders' roster; did you mean "Zoe"?`);
    assert.deepEqual(
      out.leaders.map(l => [l.leader, l.metrics]),
      [
        ["Ana", 6],
        ["Omar", 1],
        ["Zoe", 0],
        ["Li", 0],
        ["Zeo", 1],
      ],
    );
  });

  it("links each target written with other spacing and punctuation to that target, in any script (property)", function () {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(fc.string({unit: "grapheme", minLength: 1, maxLength: 20}), fc.constantFrom(...Names)),
          {minLength: 1, maxLength: 8},
        ),
        names => {
          // Case is swapped in ASCII names only: a letter with a combining mark may not compose again once cased.
          const swapCase = (t: string) =>
            /^[ -~]*$/.test(t)
              ? t.replace(/[a-z]/gi, c => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))
              : t;
          const links = names.map(n => `  ${swapCase(n)} !`);
          const out = leaderMetrics(
            names.map((_, i) => ({leader: "L", metric: `M${i}`, shortName: "x", linkedTo: links[i]})),
            names,
          );
          out.rows.forEach((r, i) => {
            const expected = normalize(links[i]) ? names.find(t => normalize(t) === normalize(links[i])) : undefined;
            assert.equal(r.linked, expected, names[i]);
            if (/[\p{L}\p{N}]/u.test(names[i])) assert.isDefined(r.linked, `${names[i]} links to itself`);
          });
        },
      ),
      {numRuns: 300},
    );
  });
});
