import {assert} from "chai";
import fc from "fast-check";
import {day} from "../src/engine/calendar";
import {InputError} from "../src/engine/errors";
import type {InterviewRow} from "../src/engine/interviews";
import {
  InterviewGroups,
  interviewCoverage,
  namesEvidence,
  nearestInterviewGroup,
  parseInterviewGroup,
  readDone,
} from "../src/engine/interviews";
import type {BottleneckRow} from "../src/engine/bottlenecks";
import {
  bottleneckRegister,
  convertImpact,
  DefaultRates,
  impactRates,
  impactUnit,
  isClosedStatus,
  parseImpactUnit,
} from "../src/engine/bottlenecks";
import type {FlowSegment} from "../src/engine/flow";
import {flowEfficiency, parseSegmentKind} from "../src/engine/flow";
import type {ConstraintRow} from "../src/engine/constraints";
import {
  ConstraintKinds,
  constraintGrid,
  constraintHeatmapSvg,
  constraintHeatmapWords,
  HeatmapLayout,
  HeatmapRows,
  parseConstraintKind,
  readSeverity,
} from "../src/engine/constraints";
import {MaxSvgBytes, textWidth, utf8Bytes} from "../src/engine/svg";
import {svgImage} from "../formulas/pictures";
import {checkPicture, MaxPicture} from "../emulator/fuzz_cases";

/** Every number anywhere in a value, with where it is. */
function numbersIn(value: unknown, at = "result", out: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof value === "number") out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${at}[${i}]`, out));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${at}.${k}`, out);
  }
  return out;
}

function assertFinite(value: unknown): void {
  for (const [at, n] of numbersIn(value)) assert.isTrue(Number.isFinite(n), `${at} is ${n}`);
}

function failsWith(run: () => unknown, pattern: RegExp): void {
  try {
    run();
  } catch (error) {
    assert.instanceOf(error, InputError);
    const message = (error as Error).message;
    assert.match(message, pattern);
    assert.isBelow(message.length, 200, message);
    return;
  }
  assert.fail("no error");
}

const closeTo = (actual: number, expected: number) =>
  assert.approximately(actual, expected, 1e-9 * Math.max(1, Math.abs(expected)));

/** Names as people write them, in several scripts. */
const Scripts = [
  "財務",
  "営業部",
  "Финансы",
  "Продажи",
  "المالية",
  "המכירות",
  "🚀 Growth",
  "👩🏽‍💻 Platform",
  "Équipe données",
  "São Paulo",
];

// ---------------------------------------------------------------- interviews

describe("diagnosis: stakeholder interviews", function () {
  it("reads interview groups through case, spacing, punctuation and short forms", function () {
    const cases: Array<[string, string | undefined]> = [
      ["Executive sponsors", "Executive sponsors"],
      ["exec sponsor", "Executive sponsors"],
      ["CEO", "Executive sponsors"],
      ["Eng lead", "Product and engineering leads"],
      ["Product & Engineering", "Product and engineering leads"],
      ["VP Engineering", "Product and engineering leads"],
      ["Senior IC", "Managers and senior ICs"],
      ["Engineering managers and senior ICs", "Managers and senior ICs"],
      ["EMs", "Managers and senior ICs"],
      ["People managers", "Managers and senior ICs"],
      ["Architecture/platform/security leads", "Platform and security"],
      ["Security manager", "Platform and security"],
      ["Security engineer", "Platform and security"],
      ["Platform engineers", "Platform and security"],
      ["Senior engineer", "Managers and senior ICs"],
      ["Staff engineer", "Managers and senior ICs"],
      ["  SRE  ", "Platform and security"],
      ["Finance/Legal/People", "Finance, legal and people partners"],
      ["HR partner", "Finance, legal and people partners"],
      ["FINANCE, LEGAL AND PEOPLE PARTNERS", "Finance, legal and people partners"],
      ["Finance and security", undefined],
      ["Marketing", undefined],
      ["constructor", undefined],
      ["__proto__ toString", undefined],
      ["", undefined],
      ["   ", undefined],
    ];
    for (const [text, group] of cases) assert.equal(parseInterviewGroup(text), group, text);
  });

  it("reads each group's own name however it is spaced, cased or punctuated (fast-check)", function () {
    const mangle = fc.record({
      group: fc.constantFrom(...InterviewGroups),
      upper: fc.boolean(),
      sep: fc.constantFrom(" ", "  ", "_", "-", " / ", ""),
    });
    fc.assert(
      fc.property(mangle, ({group, upper, sep}) => {
        const text = (upper ? group.toUpperCase() : group.toLowerCase()).replace(/ /g, sep);
        assert.equal(parseInterviewGroup(text), group, text);
      }),
      {numRuns: 200},
    );
  });

  it("suggests the group a mistyped name meant", function () {
    assert.equal(nearestInterviewGroup("Finanse"), "Finance, legal and people partners");
    assert.equal(nearestInterviewGroup("Securty leads"), "Platform and security");
    assert.equal(nearestInterviewGroup("Executiv sponsers"), "Executive sponsors");
    assert.isUndefined(nearestInterviewGroup("Marketing"));
  });

  it("tells findings that name evidence, in any script, from those that do not", function () {
    const named = [
      "Approvals take 9 days",
      "Deploys wait ٣ days", // Arabic-Indic digit
      "रिलीज़ में ४ सप्ताह", // Devanagari digit
      "待ち時間は３日", // full-width digit
      "Half the time goes to rework: 50%",
      "See https://wiki.example/flow",
      "She said “we ship when security is free”",
      "彼は「承認が遅い」と言った",
      "The dashboard shows the queue",
      "Данные по очереди",
      "Ticket backlog keeps growing",
    ];
    const unnamed = [
      "People feel slow",
      "Everyone is frustrated with approvals",
      "It's bad and it's getting worse",
      "",
      "遅いと感じる",
    ];
    for (const text of named) assert.isTrue(namesEvidence(text), text);
    for (const text of unnamed) assert.isFalse(namesEvidence(text), text);
  });

  it("reads Done from a checkbox or words, and names what it cannot read", function () {
    assert.deepEqual(
      ["yes", "Done", "✓", "x", "no", "Pending", "", undefined].map(v => readDone(v).done),
      [true, true, true, true, false, false, false, false],
    );
    assert.deepEqual(readDone(true), {done: true});
    assert.deepEqual(readDone("maybe"), {done: false, unread: "maybe"});
    assert.deepEqual(
      ["✅", "✔\ufe0f", "❌"].map(v => readDone(v)),
      [{done: true}, {done: true}, {done: false}],
      "the emoji people tick with",
    );
  });

  it("reads evidence the same with accents composed or typed as a letter and a mark", function () {
    assert.equal(namesEvidence("Donne\u0301es du support"), namesEvidence("Données du support"));
  });

  it("keeps work items apart that differ only in punctuation", function () {
    const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const f = flowEfficiency(
      [
        {item: "REL-1.2", stage: "Build", entered: at("2026-11-01"), left: at("2026-11-03"), kind: "Work"},
        {item: "REL-12", stage: "Build", entered: at("2026-11-02"), left: at("2026-11-06"), kind: "Wait"},
        {item: "rel-12 ", stage: "Test", entered: at("2026-11-06"), left: at("2026-11-07"), kind: "Work"},
      ],
      at("2026-11-10"),
    );
    assert.equal(f.items, 2, "REL-1.2 and REL-12 are two items; rel-12 is REL-12");
    assert.equal(f.waitDays, 4);
    assert.isTrue(f.segments.every(seg => !seg.findings.some(x => /Overlaps/.test(x))));
  });

  it("judges each interview and the coverage as a whole", function () {
    const asOf = day("2026-11-10");
    const c = interviewCoverage(
      [
        {
          person: "Ann",
          group: "Exec sponsor",
          done: true,
          findings: "Release approvals take 9 days",
          date: day("2026-11-02"),
        },
        {person: "Bo", group: "Finanse", done: "yes", findings: "Everyone is frustrated"},
        {person: "Чен", group: "財務部", done: false, date: day("2026-11-01")},
        {person: "", group: "", done: true},
        {person: "Dee", group: "Senior IC", done: true, findings: "Waits 3 days for review", date: day("2026-11-12")},
        {},
      ],
      asOf,
    );
    assert.deepEqual(
      c.rows.map(r => r.findings),
      [
        [],
        [
          'Group "Finanse" is not an interview group; did you mean Finance, legal and people partners?',
          "The findings name no evidence: add the number, document, ticket, quote or link that shows it.",
        ],
        [
          'Group "財務部" is not an interview group: use one of the five, such as Executive sponsors.',
          "Planned for 2026-11-01 and not done: hold it, or give it a new date.",
        ],
        [
          "No person named: say who was interviewed.",
          "No group: give one of the five interview groups, such as Executive sponsors.",
          "Done with no findings recorded: write down what you learned and the evidence for it.",
        ],
        ["Marked done but dated 2026-11-12, after 2026-11-10: fix the date or the box."],
        [],
      ],
    );
    assert.include(c, {planned: 5, done: 4, withEvidence: 2, short: 8, target: "Below"});
    assert.deepEqual(c.unheard, [
      "Product and engineering leads",
      "Platform and security",
      "Finance, legal and people partners",
    ]);
    assert.deepEqual(
      c.perGroup.map(g => [g.planned, g.done]),
      [
        [1, 1],
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ],
    );
    assert.equal(
      c.summary,
      "4 interviews done of the 12 to 20 a current-state map needs: 8 more at least. No done interview yet with Product and engineering leads; Platform and security; Finance, legal and people partners. 2 done interviews name no evidence.",
    );
  });

  it("says when the target is met or passed and every group is heard", function () {
    const row = (i: number): InterviewRow => ({
      person: `P${i}`,
      group: InterviewGroups[i % 5],
      done: true,
      findings: `${i} hours a week lost to handoffs`,
    });
    const within = interviewCoverage(
      Array.from({length: 15}, (_, i) => row(i)),
      day("2026-11-10"),
    );
    assert.include(within, {done: 15, short: 0, target: "Within"});
    assert.deepEqual(within.unheard, []);
    assert.equal(
      within.summary,
      "15 interviews done, within the 12 to 20 a current-state map needs. Every group has been heard.",
    );
    assert.equal(
      interviewCoverage(
        Array.from({length: 21}, (_, i) => row(i)),
        day("2026-11-10"),
      ).target,
      "Above",
    );
  });

  it("counts consistently and never gives NaN, whatever the rows (fast-check)", function () {
    const text = fc.option(
      fc.oneof(
        fc.constantFrom(...InterviewGroups, "Eng lead", "Senior IC", "Finanse", ...Scripts),
        fc.string({unit: "grapheme", maxLength: 30}),
      ),
    );
    const row = fc.record({
      person: fc.option(fc.constantFrom("Ann", "", " ", ...Scripts)),
      group: text,
      done: fc.option(fc.oneof(fc.boolean(), fc.constantFrom("yes", "no", "✓", "maybe", ""))),
      findings: fc.option(fc.string({unit: "grapheme", maxLength: 40})),
      date: fc.option(fc.integer({min: -60, max: 60}).map(d => new Date(day("2026-11-10").getTime() + d * 86_400_000))),
    });
    fc.assert(
      fc.property(fc.array(row, {maxLength: 60}), rows => {
        const c = interviewCoverage(rows, day("2026-11-10"));
        assertFinite(c);
        assert.lengthOf(c.rows, rows.length);
        assert.isAtMost(c.done, c.planned);
        assert.isAtMost(c.withEvidence, c.done);
        assert.equal(c.done, c.rows.filter(r => r.done).length);
        assert.isAtMost(
          c.perGroup.reduce((n, g) => n + g.done, 0),
          c.done,
        );
        assert.equal(c.short, Math.max(0, 12 - c.done));
        assert.deepEqual(
          c.unheard,
          c.perGroup.filter(g => !g.done).map(g => g.group),
        );
        for (const r of c.rows) for (const f of r.findings) assert.isBelow(f.length, 200, f);
      }),
      {numRuns: 150},
    );
  });
});

// ---------------------------------------------------------------- bottlenecks

describe("diagnosis: bottleneck register", function () {
  it("converts impacts at the rates given, through money per year", function () {
    const r = impactRates();
    assert.deepEqual(r, {hourlyCost: 100, weeksPerYear: 46, delayDayCost: 6400});
    assert.deepEqual(DefaultRates, r);
    assert.equal(convertImpact(10, "Hours per week", "Money per year", r), 46_000);
    assert.equal(convertImpact(5, "Days of delay", "Money per year", r), 32_000);
    assert.equal(convertImpact(46_000, "Money per year", "Days of delay", r), 7.1875);
    assert.equal(convertImpact(32_000, "Money per year", "Hours per week", r), 32_000 / 4600);
    assert.equal(convertImpact(7, "Days of delay", "Days of delay", r), 7);
    // The day of delay follows the hourly cost unless given.
    assert.equal(impactRates({hourlyCost: 150}).delayDayCost, 9600);
    assert.equal(impactRates({hourlyCost: 150, delayDayCost: 2000}).delayDayCost, 2000);
  });

  it("reads the unit and refuses rates out of range with the fix", function () {
    assert.deepEqual(
      ["hours", "Hours per week", "h/wk", "$", "€ per year", "Money", "cost", "days", "Days of delay", "delay"].map(
        parseImpactUnit,
      ),
      [
        "Hours per week",
        "Hours per week",
        "Hours per week",
        "Money per year",
        "Money per year",
        "Money per year",
        "Money per year",
        "Days of delay",
        "Days of delay",
        "Days of delay",
      ],
    );
    assert.equal(impactUnit(""), "Hours per week");
    assert.isUndefined(parseImpactUnit("constructor"));
    failsWith(
      () => impactUnit("furlongs"),
      /unit "furlongs" is not a unit of impact: give Hours per week, Money per year or Days of delay/,
    );
    failsWith(() => impactRates({hourlyCost: 0}), /hourlyCost is 0: give 0.01 to 1e15/);
    failsWith(() => impactRates({weeksPerYear: 60}), /weeksPerYear is 60: give 1 to 53 weeks/);
    failsWith(() => impactRates({delayDayCost: -5}), /delayDayCost is -5/);
  });

  it("takes a row's largest impact once converted, ranks, totals and shares", function () {
    const reg = bottleneckRegister(
      [
        {bottleneck: "Security review", stage: "Review", hoursPerWeek: 40, evidence: "SEC-12", owner: "Ann"},
        {
          bottleneck: "Test environments",
          stage: "Build",
          moneyPerYear: 300_000,
          delayDays: 20,
          evidence: "Cost report",
          owner: "Bo",
        },
        {
          bottleneck: "Legal redlines",
          stage: "Contract",
          delayDays: 5,
          hoursPerWeek: 1,
          evidence: "Tracker",
          owner: "Cy",
        },
        {bottleneck: "Old release train", status: "Resolved", hoursPerWeek: 99, evidence: "x", owner: "Di"},
      ],
      "Money per year",
    );
    assert.equal(reg.unit, "Money per year");
    assert.deepEqual(
      reg.rows.map(r => [r.impact, r.basis, r.rank, r.open]),
      [
        [184_000, "Hours per week", 2, true],
        [300_000, "Money per year", 1, true], // 20 days of delay would be 128,000: the larger counts.
        [32_000, "Days of delay", 3, true], // 1 hour a week would be 4,600.
        [455_400, "Hours per week", undefined, false],
      ],
    );
    assert.equal(reg.total, 516_000);
    closeTo(reg.rows[0].share!, 184_000 / 516_000);
    assert.isUndefined(reg.rows[3].share);
    assert.deepEqual(reg.top, ["Test environments", "Security review", "Legal redlines"]);
    assert.include(reg, {open: 3, closed: 1, ranked: 3, topShare: 1});
    assert.equal(
      reg.summary,
      "516,000 a year across 3 ranked bottlenecks; the top 3 (Test environments, Security review, Legal redlines) carry 100%.",
    );
  });

  it("keeps every row, with findings for no impact, no evidence, no owner and unreadable numbers", function () {
    const reg = bottleneckRegister([
      {bottleneck: "Vague", owner: "Ann"},
      {bottleneck: "Handoffs", hoursPerWeek: -3, moneyPerYear: 1000, evidence: "Survey"},
      {hoursPerWeek: 2, evidence: "Log", owner: "Bo"},
      {bottleneck: "Closed one", status: "closed"},
    ]);
    assert.lengthOf(reg.rows, 4);
    assert.deepEqual(reg.rows[0].findings, [
      "No quantified impact: give hours lost per week, money lost per year or days of delay.",
      "No evidence: link the data, ticket or document that shows it.",
    ]);
    assert.deepEqual(reg.rows[1].findings, [
      "Hours per week is -3: give a number from 0 to 1e15.",
      "No owner: name the one person who owns removing it.",
    ]);
    closeTo(reg.rows[1].impact!, 1000 / 4600);
    assert.deepEqual(reg.rows[2].findings, ["No bottleneck named: say what holds the work up."]);
    assert.deepEqual(reg.rows[3].findings, [], "a closed row owes nothing");
    assert.deepEqual(reg.top, ["Row 3", "Handoffs"]);
    assert.match(reg.summary, /1 open without a quantified impact\. 1 open without evidence\.$/);
  });

  it("ranks equal impacts in the register's order", function () {
    const reg = bottleneckRegister(
      ["A", "B", "C"].map(bottleneck => ({bottleneck, hoursPerWeek: 5, evidence: "e", owner: "o"})),
    );
    assert.deepEqual(
      reg.rows.map(r => r.rank),
      [1, 2, 3],
    );
  });

  it("names closed statuses", function () {
    assert.deepEqual(
      ["Closed", "resolved", "Won't fix", "DONE", "Open", "In progress", "", undefined].map(isClosedStatus),
      [true, true, true, true, false, false, false, false],
    );
    assert.deepEqual(
      ["Closed (duplicate of #4)", "Done ✅", "Resolved - moved to Q1", "Wont fix", "Not done", "Reopened"].map(
        isClosedStatus,
      ),
      [true, true, true, true, false, false],
      "the first word decides, whatever follows it",
    );
  });

  it("tells how bottlenecks migrated: stage or function changed, into and out of the top 3", function () {
    const row = (bottleneck: string, hoursPerWeek: number, over: Partial<BottleneckRow> = {}): BottleneckRow => ({
      bottleneck,
      hoursPerWeek,
      evidence: "e",
      owner: "o",
      ...over,
    });
    const reg = bottleneckRegister([
      row("Review queue", 50, {
        stage: "Release",
        lastStage: "review",
        function: "Security",
        lastFunction: "security",
        lastRank: 1,
      }),
      row("Environments", 40, {
        stage: "Build",
        lastStage: "Build",
        function: "Platform",
        lastFunction: "Engineering",
        lastRank: 4,
      }),
      row("New one", 30),
      row("Redlines", 20, {lastRank: 2}),
      row("Retired", 99, {status: "Resolved", lastRank: 3}),
      row("Odd", 1, {lastRank: 0.5}),
    ]);
    assert.deepEqual(
      reg.rows.map(r => r.migration),
      [
        ["Moved from the stage review to Release."],
        ["Moved from the function Engineering to Platform.", "Entered the top 3 at rank 2, from rank 4."],
        ["Entered the top 3 at rank 3, unranked at the last review."],
        ["Left the top 3, from rank 2 to rank 4."],
        ["Left the top 3, from rank 3: closed."],
        [],
      ],
    );
    assert.deepEqual(reg.rows[5].findings, ["Last Rank is 0.5: give a whole number from 1, or leave it blank."]);
    assert.equal(reg.migrated, 5);
    // Without any last rank, the top 3 is not judged.
    const first = bottleneckRegister([row("A", 3), row("B", 2)]);
    assert.deepEqual(
      first.rows.map(r => r.migration),
      [[], []],
    );
  });

  it("keeps names in any script", function () {
    const reg = bottleneckRegister(
      Scripts.map((bottleneck, i) => ({bottleneck, hoursPerWeek: 100 - i, evidence: "e", owner: "o"})),
    );
    assert.deepEqual(reg.top, Scripts.slice(0, 3));
    assert.include(reg.summary, "財務, 営業部, Финансы");
  });

  it("totals the ranked rows, shares sum to 1, ranks run 1 to n, no NaN, whatever the rows (fast-check)", function () {
    const impact = fc.option(
      fc.oneof(fc.double({min: 0, max: 1e6, noNaN: true}), fc.constantFrom(0, -1, 1e15, 2e15, Infinity, Number.NaN)),
    );
    const row = fc.record({
      bottleneck: fc.option(fc.oneof(fc.constantFrom(...Scripts), fc.string({unit: "grapheme", maxLength: 20}))),
      hoursPerWeek: impact,
      moneyPerYear: impact,
      delayDays: impact,
      evidence: fc.option(fc.constantFrom("", "Ticket 12", "x")),
      owner: fc.option(fc.constantFrom("", "Ann")),
      status: fc.option(fc.constantFrom("Open", "Closed", "Resolved", "", "?")),
      stage: fc.option(fc.constantFrom("Build", "Review", "Release")),
      lastStage: fc.option(fc.constantFrom("Build", "Review", "Release")),
      lastRank: fc.option(fc.oneof(fc.integer({min: 1, max: 10}), fc.constantFrom(0, 2.5, -1))),
    });
    const rates = fc.record({
      hourlyCost: fc.option(fc.double({min: 0.01, max: 1e6, noNaN: true})),
      weeksPerYear: fc.option(fc.integer({min: 1, max: 53})),
      delayDayCost: fc.option(fc.double({min: 0.01, max: 1e7, noNaN: true})),
    });
    fc.assert(
      fc.property(
        fc.array(row, {maxLength: 40}),
        fc.constantFrom("Hours per week", "Money per year", "Days of delay", ""),
        rates,
        (rows, unit, given) => {
          const reg = bottleneckRegister(rows, unit, given);
          assertFinite(reg);
          assert.lengthOf(reg.rows, rows.length);
          const ranked = reg.rows.filter(r => r.rank !== undefined);
          assert.equal(reg.ranked, ranked.length);
          assert.deepEqual(
            ranked.map(r => r.rank).sort((a, b) => a! - b!),
            ranked.map((_, i) => i + 1),
          );
          closeTo(
            reg.total,
            ranked.reduce((n, r) => n + r.impact!, 0),
          );
          if (reg.total > 0) {
            closeTo(
              ranked.reduce((n, r) => n + r.share!, 0),
              1,
            );
          }
          for (const r of reg.rows) {
            if (r.share !== undefined) assert.isTrue(r.share >= 0 && r.share <= 1);
            if (r.open && r.impact === undefined) assert.include(r.findings.join(" "), "No quantified impact");
            if (!r.open) assert.isUndefined(r.rank);
          }
          assert.isTrue(reg.topShare >= 0 && reg.topShare <= 1);
        },
      ),
      {numRuns: 200},
    );
  });
});

// ---------------------------------------------------------------- flow

const at = (iso: string) => new Date(iso);

describe("diagnosis: flow efficiency", function () {
  it("reads work and wait from the words people use", function () {
    assert.deepEqual(
      [
        "Work",
        "active",
        "touch time",
        "In progress",
        "Wait",
        "waiting for review",
        "Queued",
        "On hold",
        "blocked",
        "lunch",
        "",
      ].map(parseSegmentKind),
      ["Work", "Work", "Work", "Work", "Wait", "Wait", "Wait", "Wait", "Wait", undefined, undefined],
    );
    assert.isUndefined(parseSegmentKind("constructor"));
  });

  it("measures work, wait and efficiency by stage and overall, in days", function () {
    const f = flowEfficiency(
      [
        {item: "A", stage: "Build", entered: at("2026-11-02"), left: at("2026-11-04"), kind: "Work"},
        {item: "A", stage: "Review", entered: at("2026-11-04"), left: at("2026-11-09"), kind: "Wait"},
        {item: "A", stage: "Release", entered: at("2026-11-09"), left: at("2026-11-10"), kind: "Work"},
        {item: "B", stage: "Build", entered: at("2026-11-02"), left: at("2026-11-03"), kind: "Work"},
        // A day between its segments: elapsed, but neither work nor wait.
        {item: "B", stage: "Review", entered: at("2026-11-04"), left: at("2026-11-05"), kind: "Wait"},
        {item: "B", stage: "Release", entered: at("2026-11-05"), left: at("2026-11-09"), kind: "Wait"},
      ],
      at("2026-11-20"),
    );
    assert.deepEqual(
      f.stages.map(s => [s.stage, s.items, s.workDays, s.waitDays, s.efficiency, s.meanWaitDays]),
      [
        ["Build", 2, 3, 0, 1, 0],
        ["Review", 2, 0, 6, 0, 3],
        ["Release", 2, 1, 4, 0.2, 2],
      ],
    );
    assert.include(f, {
      items: 2,
      workDays: 4,
      waitDays: 10,
      untrackedDays: 1,
      elapsedDays: 15,
      longestWaitTotal: "Review",
      longestWaitMean: "Review",
    });
    closeTo(f.efficiency!, 4 / 15);
    assert.deepEqual(
      f.segments.map(s => s.days),
      [2, 5, 1, 1, 1, 4],
    );
    assert.isUndefined(f.overheadShare);
    assert.match(f.overheadReason!, /^No segment says whether its item is overhead/);
    assert.equal(
      f.summary,
      "Flow efficiency 27% over 2 items: 4 days of work in 15 elapsed. Items wait longest in Review: 6 days in all, 3 per item.",
    );
  });

  it("counts parts of a day from times of day", function () {
    const f = flowEfficiency(
      [
        {item: "A", stage: "Fix", entered: at("2026-11-02T09:00:00Z"), left: at("2026-11-02T15:00:00Z"), kind: "Work"},
        {
          item: "A",
          stage: "Deploy",
          entered: at("2026-11-02T15:00:00Z"),
          left: at("2026-11-03T09:00:00Z"),
          kind: "Wait",
        },
      ],
      at("2026-11-20"),
    );
    assert.equal(f.workDays, 0.25);
    assert.equal(f.waitDays, 0.75);
    assert.equal(f.efficiency, 0.25);
  });

  it("names the longest wait by total and by mean when they differ", function () {
    const seg = (item: string, stage: string, from: string, to: string): FlowSegment => ({
      item,
      stage,
      entered: at(from),
      left: at(to),
      kind: "Wait",
    });
    const f = flowEfficiency(
      [
        seg("A", "Triage", "2026-11-01", "2026-11-04"),
        seg("B", "Triage", "2026-11-01", "2026-11-04"),
        seg("C", "Triage", "2026-11-01", "2026-11-04"),
        seg("D", "Approval", "2026-11-01", "2026-11-06"),
      ],
      at("2026-11-20"),
    );
    assert.equal(f.longestWaitTotal, "Triage");
    assert.equal(f.longestWaitMean, "Approval");
    assert.include(f.summary, "Items wait longest in Triage in all (9 days) and in Approval per item (5 days).");
  });

  it("puts bad times on their segment: before, open, overlapping, missing, after asOf", function () {
    const f = flowEfficiency(
      [
        {item: "A", stage: "Build", entered: at("2026-11-05"), left: at("2026-11-04"), kind: "Work"},
        {item: "A", stage: "Build", entered: at("2026-11-01"), left: at("2026-11-04"), kind: "Work"},
        {item: "A", stage: "Review", entered: at("2026-11-03"), kind: "Wait"},
        {item: "A", stage: "Review", kind: "Wait"},
        {item: "B", stage: "Build", entered: at("2026-12-01"), kind: "Work"},
        {item: "", stage: "", entered: at("2026-11-01"), left: at("2026-11-02"), kind: "lunch"},
        {item: "C", stage: "Build", entered: new Date(Number.NaN), kind: "Work"},
      ],
      at("2026-11-10"),
    );
    assert.deepEqual(
      f.segments.map(s => s.findings),
      [
        ["Left (2026-11-04) is before Entered (2026-11-05): swap or fix them."],
        [],
        [
          "Still open: counted up to 2026-11-10.",
          "Overlaps the item's time in Build by 1 day: only the time after it counts.",
        ],
        ["No Entered time: give when the item entered the stage."],
        ["Still open, and entered after 2026-11-10: nothing to count yet."],
        [
          "No item named: say which work item this time belongs to.",
          "No stage: say which stage of the flow the item was in.",
          'Kind "lunch" is neither work nor wait: give Work or Wait.',
        ],
        ["Entered is not a date from the year 1000 to 9999: give when the item entered the stage."],
      ],
    );
    assert.deepEqual(
      f.segments.map(s => s.days),
      [0, 3, 6, 0, 0, 0, 0],
    );
    assert.isTrue(f.segments[2].open);
    assert.include(f, {workDays: 3, waitDays: 6, elapsedDays: 9});
    failsWith(() => flowEfficiency([], new Date(Number.NaN)), /^asOf is not a date/);
  });

  it("measures the share of work taken by non-delivery overhead, and leaves overhead out of the flow", function () {
    const f = flowEfficiency(
      [
        {
          item: "Feature",
          stage: "Build",
          entered: at("2026-11-02"),
          left: at("2026-11-05"),
          kind: "Work",
          overhead: false,
        },
        {item: "Feature", stage: "Review", entered: at("2026-11-05"), left: at("2026-11-07"), kind: "Wait"},
        {
          item: "Status deck",
          stage: "Reporting",
          entered: at("2026-11-02"),
          left: at("2026-11-03"),
          kind: "Work",
          overhead: true,
        },
      ],
      at("2026-11-20"),
    );
    assert.equal(f.overheadShare, 0.25);
    assert.include(f, {overheadItems: 1, overheadWorkDays: 1, items: 1, workDays: 3, elapsedDays: 5});
    assert.deepEqual(
      f.stages.map(s => s.stage),
      ["Build", "Review"],
    );
    assert.isUndefined(f.overheadReason);
    assert.include(f.summary, "Non-delivery overhead takes 25% of work time.");
  });

  it("keeps stage names in any script", function () {
    const f = flowEfficiency(
      Scripts.map((stage, i) => ({
        item: "A",
        stage,
        entered: at(`2026-11-${String(i + 1).padStart(2, "0")}`),
        left: at(`2026-11-${String(i + 2).padStart(2, "0")}`),
        kind: i % 2 ? "Wait" : "Work",
      })),
      at("2026-12-01"),
    );
    assert.deepEqual(
      f.stages.map(s => s.stage),
      Scripts,
    );
  });

  it("keeps efficiency within 0 to 1, work and wait within elapsed, totals equal to the stages' sums (fast-check)", function () {
    const base = day("2026-11-01").getTime();
    const hour = 3_600_000;
    const segment = fc.record({
      item: fc.option(fc.constantFrom("A", "B", "C", "D", "", ...Scripts.slice(0, 3))),
      stage: fc.option(fc.constantFrom("Build", "Review", "Release", "", "審査")),
      entered: fc.option(fc.integer({min: -24 * 60, max: 24 * 60}).map(h => new Date(base + h * hour))),
      length: fc.option(fc.integer({min: -24 * 10, max: 24 * 30})),
      kind: fc.option(fc.constantFrom("Work", "Wait", "queued", "lunch", "")),
      overhead: fc.option(fc.boolean()),
    });
    fc.assert(
      fc.property(fc.array(segment, {maxLength: 80}), fc.integer({min: -24 * 30, max: 24 * 90}), (rows, asOfHours) => {
        const segments: FlowSegment[] = rows.map(r => ({
          ...r,
          left: r.entered && r.length !== null ? new Date(r.entered.getTime() + r.length * hour) : undefined,
        }));
        const f = flowEfficiency(segments, new Date(base + asOfHours * hour));
        assertFinite(f);
        assert.lengthOf(f.segments, segments.length);
        if (f.efficiency !== undefined) assert.isTrue(f.efficiency >= 0 && f.efficiency <= 1, String(f.efficiency));
        for (const s of f.stages) {
          if (s.efficiency !== undefined) assert.isTrue(s.efficiency >= 0 && s.efficiency <= 1);
          closeTo(s.elapsedDays, s.workDays + s.waitDays);
        }
        closeTo(
          f.workDays,
          f.stages.reduce((n, s) => n + s.workDays, 0),
        );
        closeTo(
          f.waitDays,
          f.stages.reduce((n, s) => n + s.waitDays, 0),
        );
        assert.isAtMost(f.workDays + f.waitDays, f.elapsedDays + 1e-9);
        closeTo(f.untrackedDays, f.elapsedDays - f.workDays - f.waitDays);
        for (const s of f.segments) assert.isAtLeast(s.days, 0);
        if (f.overheadShare === undefined) assert.isString(f.overheadReason);
        else assert.isTrue(f.overheadShare >= 0 && f.overheadShare <= 1);
      }),
      {numRuns: 300},
    );
  });
});

// ---------------------------------------------------------------- constraints

describe("diagnosis: constraint heatmap", function () {
  it("reads kinds and severities tolerantly", function () {
    const kinds: Array<[string, string | undefined]> = [
      ["Regulatory", "Regulatory"],
      ["regulation", "Regulatory"],
      ["Compliance", "Regulatory"],
      ["Legal", "Legal"],
      ["contracts", "Legal"],
      ["Hiring", "Talent"],
      ["skills", "Talent"],
      ["tech debt", "Platform"],
      ["Platform capacity", "Platform"],
      ["Funding", "Budget"],
      ["change-capacity", "Change capacity"],
      ["Change fatigue", "Change capacity"],
      ["capacity", "Change capacity"],
      ["Regulatory & legal", undefined],
      ["Weather", undefined],
      ["__proto__", undefined],
    ];
    for (const [text, kind] of kinds) assert.equal(parseConstraintKind(text), kind, text);
    assert.deepEqual(
      [5, 1, "4", "4/5", "Sev 2", "3 - Medium", "Low", "medium", "HIGH", "Critical", "very high", "minimal"].map(
        v => readSeverity(v).value,
      ),
      [5, 1, 4, 4, 2, 3, 2, 3, 4, 5, 5, 1],
    );
    assert.equal(
      readSeverity(7).problem,
      "Severity is 7: give 1 (minimal) to 5 (critical), or Low, Medium, High or Critical.",
    );
    assert.equal(
      readSeverity(2.5).problem,
      "Severity is 2.5: give 1 (minimal) to 5 (critical), or Low, Medium, High or Critical.",
    );
    assert.equal(
      readSeverity("bad").problem,
      'Severity "bad" does not read: give 1 (minimal) to 5 (critical), or Low, Medium, High or Critical.',
    );
    assert.match(readSeverity(undefined).problem!, /^No severity/);
    assert.match(readSeverity("constructor").problem!, /does not read/);
    assert.deepEqual(
      ["５", "Severity: 4", "sev#3", "4.0", "4.5", "2,5"].map(v => readSeverity(v).value),
      [5, 4, 3, 4, undefined, undefined],
      "full-width digits, a label with a colon, and a whole number written with decimals",
    );
  });

  const rows: ConstraintRow[] = [
    {function: "Finance", kind: "Budget", severity: "High"},
    {function: "finance ", kind: "Budget", severity: 2},
    {function: "Finance", kind: "regulation", severity: 5},
    {function: "Engineering", kind: "tech debt", severity: "3 - medium"},
    {function: "財務", kind: "Hiring", severity: "Critical"},
    {function: "Legal", kind: "Regulatry", severity: 7},
    {function: "👩🏽‍💻 Platform", kind: "change capacity"},
    {function: "", kind: "Budget", severity: 1},
  ];

  it("grids functions by kinds: count and worst severity per cell, findings per row", function () {
    const g = constraintGrid(rows);
    assert.deepEqual(g.functions, ["Finance", "Engineering", "財務", "👩🏽‍💻 Platform"]);
    assert.deepEqual(g.kinds, ConstraintKinds);
    assert.deepEqual(g.cells[0], [
      {count: 1, max: 5},
      {count: 0},
      {count: 0},
      {count: 0},
      {count: 2, max: 4},
      {count: 0},
    ]);
    assert.deepEqual(g.cells[3][5], {count: 1});
    assert.equal(g.placed, 6);
    assert.deepEqual(g.rows[5].findings, [
      'Kind "Regulatry" is not one kind of constraint; did you mean Regulatory?',
      "Severity is 7: give 1 (minimal) to 5 (critical), or Low, Medium, High or Critical.",
    ]);
    assert.deepEqual(g.rows[7].findings, ["No function: say which function the constraint holds back."]);
  });

  it("says the heatmap in words, the worst cells first", function () {
    assert.equal(
      constraintHeatmapWords(constraintGrid(rows)),
      "Worst first: Finance × Regulatory: severity 5 (1 constraint); 財務 × Talent: severity 5 (1 constraint); Finance × Budget: severity 4 (2 constraints); Engineering × Platform: severity 3 (1 constraint); 👩🏽‍💻 Platform × Change capacity: severity not given (1 constraint).",
    );
    assert.equal(constraintHeatmapWords(constraintGrid([])), "No constraints mapped yet.");
    const many = constraintGrid(
      Array.from({length: 20}, (_, i) => ({function: `F${i}`, kind: "Budget", severity: 1 + (i % 5)})),
    );
    assert.match(constraintHeatmapWords(many), /^Worst first: F4 × Budget: severity 5 .*; and 8 more cells\.$/);
  });

  it("draws a titled heatmap for light and dark mode, the names in any script kept", function () {
    const svg = constraintHeatmapSvg(
      constraintGrid([...rows, ...Scripts.slice(1).map(f => ({function: f, kind: "Legal", severity: 2}))]),
    );
    assert.include(svg, ">Constraints by function</text>");
    assert.include(svg, '<g id="DarkMode">');
    assert.include(svg, "#DarkMode:target .t{stroke:");
    for (const name of ["Finance", "財務", "👩🏽‍💻 Platform", "Финансы", "المالية", "🚀 Growth"]) {
      assert.include(svg, `>${name}</text>`);
    }
    // The worst severities, each in its cell: 5 twice, 4, 3, and ? for the severity not given.
    assert.match(svg, /<path class="s5" d="M\d+ [\d.]+h54M\d+ [\d.]+h54"\/>/);
    assert.include(svg, 'class="sn"');
    assert.isUndefined(checkPicture(svgImage(svg)));
  });

  it("folds functions past the tenth into +k more, keeping the most severe", function () {
    const g = constraintGrid(
      Array.from({length: 15}, (_, i) => ({
        function: `Function ${i}`,
        kind: "Talent",
        severity: i === 12 ? 5 : 1 + (i % 3),
      })),
    );
    const svg = constraintHeatmapSvg(g);
    assert.equal(HeatmapRows, 10);
    assert.include(svg, "+5 more functions</text>");
    assert.include(svg, ">Function 12</text>", "the most severe is kept");
    assert.notInclude(svg, ">Function 0</text>", "a severity 1 is folded");
    assert.lengthOf(svg.match(/<text class="x" x="0"/g)!, 11, "10 names and the footer");
  });

  it("draws an empty grid", function () {
    const svg = constraintHeatmapSvg(constraintGrid([]));
    assert.include(svg, ">No constraints mapped yet</text>");
    assert.isUndefined(checkPicture(svgImage(svg)));
  });

  const LoneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");

  it("stays under 4 KB as a data URL, well-formed, its names inside their column, for any names (fast-check)", function () {
    const name = fc.oneof(
      fc.constantFrom(...Scripts),
      fc.string({unit: "grapheme", maxLength: 80}),
      fc.string({unit: "binary", maxLength: 80}),
      fc
        .tuple(
          fc.constantFrom("財務部門", "Финансы", "المالية", "👩🏽‍💻", "&<>", "e\u0301", "\u0301"),
          fc.integer({min: 1, max: 2000}),
        )
        .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
    );
    const row = fc.record({
      function: name,
      kind: fc.constantFrom(...ConstraintKinds, "Regulatry", "tech"),
      severity: fc.option(fc.oneof(fc.integer({min: 0, max: 6}), fc.constantFrom("High", "Low", "?"))),
    });
    fc.assert(
      fc.property(fc.array(row, {maxLength: 400}), input => {
        const svg = constraintHeatmapSvg(constraintGrid(input));
        assert.isAtMost(utf8Bytes(svg), MaxSvgBytes);
        const url = svgImage(svg);
        assert.isAtMost(url.length, MaxPicture);
        assert.isUndefined(checkPicture(url));
        assert.notMatch(svg, LoneSurrogate);
        const labels = [...svg.matchAll(/<text class="x" x="0" y="([\d.]+)">([^<]*)<\/text>/g)];
        const height = Number(/height="(\d+)"/.exec(svg)![1]);
        for (const [, y, words] of labels) {
          const room = Number(y) > height - 8 ? Number(/width="(\d+)"/.exec(svg)![1]) : HeatmapLayout.label - 6;
          assert.isAtMost(textWidth(unescape(words), HeatmapLayout.textSize), room, words);
        }
      }),
      {numRuns: 120},
    );
  });

  it("keeps the fullest grid of long names in every script under 4 KB", function () {
    for (const long of [
      "財務部門の長い名前です",
      "Финансовый отдел компании",
      "قسم المالية والمحاسبة",
      "👩🏽‍💻🚀👨‍👩‍👧‍👦",
      "&amp;<>\"'",
    ]) {
      const input = Array.from({length: 300}, (_, i) => ({
        function: `${long}${i}`,
        kind: ConstraintKinds[i % 6],
        severity: 1 + (i % 5),
      }));
      // Every cell of every function filled.
      for (let f = 0; f < 50; f++) {
        for (const kind of ConstraintKinds) input.push({function: `${long}${f}`, kind, severity: 5});
      }
      const svg = constraintHeatmapSvg(constraintGrid(input));
      assert.isAtMost(svgImage(svg).length, MaxPicture, long);
      assert.isUndefined(checkPicture(svgImage(svg)));
    }
  });
});
