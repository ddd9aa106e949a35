import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DiagnosisAsOf, sampleDiagnosis, UnheardGroup} from "../sample/diagnosis";
import {toCsv} from "../scripts/starter";
import {InterviewGroups} from "../src/engine/interviews";
import {pack} from "../src/pack";
import {putRow} from "./support/alignment";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";
import {checkPicture} from "../emulator/fuzz_cases";
import {DiagnosisTables} from "../src/sync/tables";

/** The sync tables of the current-state diagnosis, over HTTP against the sample organization. */

/** The next leadership meeting, as Coda passes a date: midnight in the doc's time zone (Los Angeles). */
const asOf = new Date(`${DiagnosisAsOf}T08:00:00Z`);
const sample = sampleDiagnosis();

type Row = Record<string, any>;

const byName = (rows: Row[], name: string) => {
  const row = rows.find(r => r.Name === name);
  assert.exists(row, `a row named ${name}`);
  return row!;
};

const interviewParams = (docId: string) => [docUrl(docId), undefined, undefined, asOf];
const bottleneckParams = (docId: string, unit?: string, hourlyCost?: number, delayDayCost?: number) => [
  docUrl(docId),
  undefined,
  unit,
  hourlyCost,
  delayDayCost,
  undefined,
  asOf,
];
const flowParams = (docId: string) => [docUrl(docId), undefined, undefined, asOf];

describe("the diagnosis sync tables over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let meeting: string;
  beforeEach(function () {
    meeting = env.seeded.meetingDocId!;
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("Interviews: each interview judged, each group's coverage, and the coverage against 12 to 20, in one request", async function () {
    const {rows} = await runSync(env, pack, "Interviews", interviewParams(meeting));
    assert.equal(env.emulator.stats.requests, 1, "the Interviews table, read once by name");
    const kinds = rows.map(r => r.Kind);
    assert.equal(kinds.filter(k => k === "Interview").length, sample.interviews.length);
    assert.equal(kinds.filter(k => k === "Group").length, InterviewGroups.length);
    assert.equal(kinds.filter(k => k === "Coverage").length, 1);

    const diego = byName(rows, "Diego Ramos");
    assert.include(diego, {Kind: "Interview", Group: "Executive sponsors", Done: true, Evidence: false});
    assert.equal(
      diego.Findings,
      "The findings name no evidence: add the number, document, ticket, quote or link that shows it.",
    );
    assert.include(byName(rows, "Hana Sato"), {Evidence: true, Date: "2026-10-16"});
    assert.notProperty(byName(rows, "Hana Sato"), "Findings");
    const planned = byName(rows, "Mateo Silva");
    assert.include(planned, {Done: false, GroupRead: UnheardGroup, Date: "2026-11-26"});
    assert.notProperty(planned, "Findings", "planned after the day judged: nothing to fix yet");
    assert.match(planned.Link, /^https:\/\//);

    const unheard = rows.find(r => r.Kind === "Group" && r.Name === UnheardGroup)!;
    assert.include(unheard, {Planned: 1, Held: 0, Covered: false});
    assert.match(unheard.Findings, /^No interview held with Platform and security yet: hold the one planned/);
    assert.include(
      rows.find(r => r.Kind === "Group" && r.Name === "Managers and senior ICs"),
      {Planned: 4, Held: 4, Covered: true},
    );

    const coverage = byName(rows, "Interview coverage");
    assert.include(coverage, {
      Kind: "Coverage",
      Planned: 14,
      Held: 13,
      WithEvidence: 12,
      Target: "Within",
      Short: 0,
      Unheard: UnheardGroup,
    });
    assert.equal(
      coverage.Summary,
      "Interview coverage: 13 interviews done, within the 12 to 20 a current-state map needs. No done interview yet with Platform and security. 1 done interview names no evidence.",
    );
    for (const r of rows) {
      assert.include(r.Summary, r.Name);
      assert.isAtMost(r.Summary.length, 600);
    }
    assert.equal(new Set(rows.map(r => r.Id)).size, rows.length, "every row has its own id");
  });

  it("Bottlenecks: ranked in hours a week by default, shares of the total, the total row, the stage move", async function () {
    const {rows} = await runSync(env, pack, "Bottlenecks", bottleneckParams(meeting));
    assert.equal(env.emulator.stats.requests, 1, "the Bottlenecks table, read once by name");
    assert.lengthOf(rows, sample.bottlenecks.length + 1);
    const ranked = rows.filter(r => r.Rank !== undefined).sort((a, b) => a.Rank - b.Rank);
    assert.deepEqual(
      ranked.map(r => r.Name),
      [
        "Security review queue",
        "Escalations interrupt engineers",
        "Shared staging environment",
        "Weekly release board",
        "Vendor procurement sign-off",
        "Rework after design review",
      ],
    );
    // 30 days of delay at 6,400 a day is 192,000 a year, or 41.74 hours a week at 100 an hour over 46 weeks.
    assert.include(byName(rows, "Security review queue"), {
      Impact: 41.74,
      Basis: "Days of delay",
      Unit: "Hours per week",
      Moved: false,
    });
    assert.deepInclude(byName(rows, "Security review queue").Owner, {Name: "Hana Sato"});
    assert.closeTo(
      ranked.reduce((n, r) => n + r.Share, 0),
      1,
      1e-9,
    );
    const staging = byName(rows, "Shared staging environment");
    assert.include(staging, {Moved: true, Migration: "Moved from the stage Build to Test.", Basis: "Money per year"});
    const legal = byName(rows, "Legal redlines on partner agreements");
    assert.notProperty(legal, "Rank");
    assert.equal(
      legal.Findings,
      "No quantified impact: give hours lost per week, money lost per year or days of delay.",
    );
    assert.include(byName(rows, "Duplicate board status reports"), {Open: false, Impact: 6});
    assert.notProperty(byName(rows, "Duplicate board status reports"), "Rank");

    const total = byName(rows, "Register total");
    assert.include(total, {Kind: "Total", Unit: "Hours per week", Total: 133.43, Ranked: 6, Closed: 1, Moved: true});
    assert.closeTo(total.Top3Share, 0.65, 0.001);
    assert.equal(
      total.Summary,
      "Register total on 2026-11-24: 133 hours per week across 6 ranked bottlenecks; the top 3 (Security review queue, Escalations interrupt engineers, Shared staging environment) carry 65%. 1 open without a quantified impact. 1 moved since the last review.",
    );
  });

  it("Bottlenecks: in money a year at the leaders' rates, and a unit it cannot read refused with the fix", async function () {
    const {rows} = await runSync(env, pack, "Bottlenecks", bottleneckParams(meeting, "Money per year", 120, 9000));
    // 14 hours a week × 120 × 46 = 77,280; 30 days × 9,000 = 270,000: the larger counts.
    assert.include(byName(rows, "Security review queue"), {Impact: 270_000, Basis: "Days of delay", Rank: 1});
    assert.include(byName(rows, "Escalations interrupt engineers"), {Impact: 138_000, Basis: "Hours per week"});
    assert.include(byName(rows, "Register total"), {Unit: "Money per year"});
    assert.equal(
      byName(rows, "Register total").Rates,
      "An hour costs 120, a year has 46 working weeks, a day of delay costs 9,000.",
    );
    const error = await rejection(runSync(env, pack, "Bottlenecks", bottleneckParams(meeting, "furlongs")));
    assert.match(
      error.message,
      /unit "furlongs" is not a unit of impact: give Hours per week, Money per year or Days of delay/,
    );
    const rate = await rejection(runSync(env, pack, "Bottlenecks", bottleneckParams(meeting, undefined, 0)));
    assert.match(rate.message, /hourlyCost is 0: give 0.01 to 1e15/);
  });

  it("FlowEfficiency: work and wait by stage, where items wait longest, and the overhead share", async function () {
    const {rows} = await runSync(env, pack, "FlowEfficiency", flowParams(meeting));
    assert.equal(env.emulator.stats.requests, 1, "the Flow table, read once by name");
    assert.deepEqual(
      rows.map(r => r.Name),
      ["Discovery", "Build", "Security review", "Test", "Release", "Overall"],
      "the overhead items' own stage is left out",
    );
    const review = byName(rows, "Security review");
    assert.include(review, {
      Kind: "Stage",
      Items: 10,
      WorkDays: 10,
      WaitDays: 92,
      MeanWaitDays: 9.2,
      LongestWait: true,
      LongestWaitPerItem: true,
      OpenItems: 2,
    });
    assert.closeTo(review.Efficiency, 10 / 102, 1e-9);
    assert.include(byName(rows, "Build"), {LongestWait: false, WorkDays: 56, WaitDays: 25});
    const overall = byName(rows, "Overall");
    assert.include(overall, {
      Kind: "Overall",
      Items: 10,
      WorkDays: 106,
      WaitDays: 172,
      ElapsedDays: 278,
      WaitsLongestIn: "Security review",
      OverheadItems: 2,
      OverheadWorkDays: 10,
      OpenItems: 3,
    });
    assert.closeTo(overall.Efficiency, 106 / 278, 1e-9);
    assert.closeTo(overall.OverheadShare, 10 / 116, 1e-9);
    assert.notProperty(overall, "OverheadReason");
    for (const r of rows) assert.notProperty(r, "Problems");
  });

  it("reports a bad row on its row and keeps it: unread dates, a mistyped group, text in a number column, a time running backwards", async function () {
    putRow(env, meeting, DiagnosisTables.interviews, {
      Person: "Priya Natarajan",
      Group: "Finanse",
      Date: "next week",
      Done: "maybe",
    });
    putRow(env, meeting, "Bottlenecks", {
      Bottleneck: "Brand approvals",
      "Hours Per Week": "lots",
      "Last Rank": "first",
    });
    putRow(env, meeting, DiagnosisTables.flow, {
      Item: "NS-2099 Pricing page",
      Stage: "Build",
      Entered: "2026-11-20",
      Left: "2026-11-18",
      Kind: "Work",
    });
    putRow(env, meeting, DiagnosisTables.flow, {
      Item: "NS-2100 Trial limits",
      Stage: "Test",
      Entered: "soon",
      Kind: "lunch",
    });

    const priya = byName((await runSync(env, pack, "Interviews", interviewParams(meeting))).rows, "Priya Natarajan");
    assert.equal(priya.Problems, 'Date holds "next week", not a date: write it as YYYY-MM-DD.');
    assert.include(priya, {
      Group: "Finanse",
      SuggestedGroup: "Finance, legal and people partners",
      Done: false,
    });
    assert.notProperty(priya, "GroupRead");
    assert.equal(
      priya.Findings,
      'Done is "maybe": tick the box, or give yes or no. Group "Finanse" is not an interview group; did you mean Finance, legal and people partners?',
    );

    const brand = byName((await runSync(env, pack, "Bottlenecks", bottleneckParams(meeting))).rows, "Brand approvals");
    assert.equal(
      brand.Problems,
      'Hours Per Week holds text ("lots"), not a number. Last Rank holds text ("first"), not a number.',
    );
    assert.match(brand.Findings, /^No quantified impact: .* No evidence: .* No owner: /);
    assert.notProperty(brand, "Rank");

    putRow(env, meeting, DiagnosisTables.flow, {
      Item: "NS-2101 Export limits",
      Stage: "Release",
      Entered: "2026-11-02",
      Left: "tbd",
      Kind: "Wait",
    });
    const flow = (await runSync(env, pack, "FlowEfficiency", flowParams(meeting))).rows;
    const release = byName(flow, "Release");
    assert.equal(release.Problems, 'NS-2101 Export limits — left holds "tbd", not a date: write it as YYYY-MM-DD.');
    assert.include(release, {WaitDays: 36, OpenItems: 0}, "a Left that does not read is not taken as still open");
    assert.include(
      byName(flow, "Build").Findings,
      "NS-2099 Pricing page — left (2026-11-18) is before Entered (2026-11-20): swap or fix them.",
    );
    assert.equal(
      byName(flow, "Test").Problems,
      'NS-2100 Trial limits — entered holds "soon", not a date: write it as YYYY-MM-DD.',
    );
    assert.include(byName(flow, "Test").Findings, 'NS-2100 Trial limits — kind "lunch" is neither work nor wait');
    assert.include(byName(flow, "Build"), {WorkDays: 56}, "a stretch that runs backwards counts nothing");
  });

  it("keeps names in any script, and counts a date with a time of day in hours", async function () {
    putRow(env, meeting, DiagnosisTables.interviews, {
      Person: "Чен Ли",
      Group: "財務",
      Date: "2026-10-22",
      Done: true,
      Findings: "承認に「2週間」かかる",
    });
    putRow(env, meeting, DiagnosisTables.flow, {
      Item: "課題-7 請求書",
      Stage: "審査",
      Entered: "2026-11-20T09:00:00.000-08:00",
      Left: "2026-11-20T21:00:00.000-08:00",
      Kind: "Wait",
    });
    const chen = byName((await runSync(env, pack, "Interviews", interviewParams(meeting))).rows, "Чен Ли");
    assert.include(chen, {Group: "財務", Evidence: true, Done: true});
    assert.match(chen.Findings, /^Group "財務" is not an interview group: use one of the five/);
    const review = byName((await runSync(env, pack, "FlowEfficiency", flowParams(meeting))).rows, "審査");
    assert.include(review, {WaitDays: 0.5, WorkDays: 0, Items: 1, Efficiency: 0});
    assert.include(review.Summary, "審査: 1 item");
  });
});

describe("the diagnosis sync tables on CSV files imported as text", function () {
  this.timeout(30_000);
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), "diagnosis-"));
    const folder = join(dir, "Leadership meeting");
    mkdirSync(folder);
    const write = (name: string, header: string[], rows: Array<Array<string | number | boolean | undefined>>) =>
      writeFileSync(
        join(folder, `${name}.csv`),
        toCsv(
          header,
          rows.map(r => r.map(v => (v === undefined ? "" : String(v)))),
        ),
      );
    write(
      "Interviews",
      ["Person", "Group", "Date", "Done", "Findings"],
      sample.interviews.map(i => [i.person, i.group, i.date, i.done ? "yes" : "no", i.findings]),
    );
    write(
      "Bottlenecks",
      [
        "Bottleneck",
        "Function",
        "Stage",
        "Hours Per Week",
        "Cost Per Year",
        "Delay Days",
        "Evidence",
        "Owner",
        "Status",
        "Last Stage",
        "Last Rank",
      ],
      sample.bottlenecks.map(b => [
        b.bottleneck,
        b.function,
        b.stage,
        b.hours,
        b.money === undefined ? undefined : `$${b.money.toLocaleString("en-US")}`,
        b.delayDays,
        b.evidence,
        b.owner.email,
        b.status,
        b.lastStage,
        b.lastRank,
      ]),
    );
    // Dates as a spreadsheet exports them, checkboxes as true and false.
    const exported = (iso?: string) =>
      iso &&
      new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
        month: "short",
        day: "numeric",
        year: "numeric",
        timeZone: "UTC",
      });
    write(
      "Flow",
      ["Item", "Stage", "Entered", "Left", "Kind", "Overhead"],
      sample.flow.map(f => [f.item, f.stage, exported(f.entered), exported(f.left), f.kind, f.overhead]),
    );
    // A table and its columns named in Japanese, mapped with the columns parameter.
    writeFileSync(
      join(folder, "面談.csv"),
      toCsv(
        ["氏名", "グループ", "日付", "済", "所見"],
        [
          ["佐藤 花", "エンジニアリング マネージャー", "2026-10-20", "はい", "レビュー待ちが平均9日"],
          ["Чен Ли", "財務", "2026-10-21", "yes", "承認が遅い"],
        ],
      ),
    );
  });
  after(function () {
    rmSync(dir, {recursive: true, force: true});
  });
  const env = useEmulator(() => ({from: dir, validate: true}));
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });
  const csvDoc = () => env.csvDocs.find(d => d.name === "Leadership meeting")!.id;

  it("reads every column as text and gives the sample's figures", async function () {
    for (const table of env.csvDocs[0].tables) {
      for (const c of table.columns) assert.equal(c.type, "text", `${table.name}.${c.name}`);
    }
    const said = (rows: Row[]) => rows.map(r => [r.Problems, r.Findings].filter(Boolean).join(" ")).join(" ");

    const i = (await runSync(env, pack, "Interviews", [docUrl(csvDoc()), undefined, undefined, asOf])).rows;
    assert.include(byName(i, "Interview coverage"), {
      Held: 13,
      WithEvidence: 12,
      Target: "Within",
      Unheard: UnheardGroup,
    });
    assert.notMatch(said(i), /holds|not a date|not a number/);

    const b = (await runSync(env, pack, "Bottlenecks", bottleneckParams(csvDoc()))).rows;
    assert.include(byName(b, "Register total"), {Total: 133.43, Ranked: 6});
    assert.include(byName(b, "Shared staging environment"), {MoneyPerYear: 92_000, Moved: true});
    assert.deepInclude(byName(b, "Security review queue").Owner, {Email: "hana@northstar.example.com"});
    assert.notMatch(said(b), /holds|not a number/);

    const f = (await runSync(env, pack, "FlowEfficiency", flowParams(csvDoc()))).rows;
    assert.include(byName(f, "Overall"), {WorkDays: 106, WaitDays: 172, OverheadItems: 2});
    assert.closeTo(byName(f, "Overall").Efficiency, 106 / 278, 1e-9);
    assert.notMatch(said(f), /holds|not a date/);
  });

  it("reads a table named in another script, its columns mapped by name", async function () {
    const {rows} = await runSync(env, pack, "Interviews", [
      docUrl(csvDoc()),
      "面談",
      "Person=氏名; Group=グループ; Date=日付; Done=済; Findings=所見",
      asOf,
    ]);
    const sato = byName(rows, "佐藤 花");
    assert.include(sato, {Group: "エンジニアリング マネージャー", Done: false});
    assert.match(sato.Findings, /^Done is "はい": tick the box, or give yes or no\./);
    assert.include(byName(rows, "Чен Ли"), {Done: true});
    assert.include(byName(rows, "Interview coverage"), {Planned: 2, Held: 1, Target: "Below", Short: 11});
  });
});

describe("the constraint heatmap formulas", function () {
  const columns = [
    sample.constraints.map(c => c.function),
    sample.constraints.map(c => c.kind),
    sample.constraints.map(c => c.severity),
  ];
  const call = (name: string, params: unknown[]) =>
    executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>);

  it("draws the sample's constraints and says them in words, the worst first", async function () {
    const url = (await call("ConstraintHeatmap", columns)) as string;
    assert.isUndefined(checkPicture(url));
    const svg = Buffer.from(url.split(",")[1], "base64").toString("utf8");
    assert.include(svg, 'aria-label="Constraint heatmap: 11 constraints across 8 functions, worst severity 5"');
    assert.equal(
      await call("ConstraintHeatmapWords", columns),
      "Worst first: Engineering × Talent: severity 5 (1 constraint); Security × Regulatory: severity 4 (2 constraints); Engineering × Platform: severity 4 (1 constraint); Finance × Budget: severity 4 (1 constraint); Legal × Legal: severity 3 (1 constraint); Engineering × Budget: severity 3 (1 constraint); People × Talent: severity 3 (1 constraint); Product × Change capacity: severity 3 (1 constraint); Sales × Legal: severity 2 (1 constraint); Customer Success × Change capacity: severity 2 (1 constraint).",
    );
  });

  it("refuses lists of different lengths with the fix", async function () {
    const error = await rejection(call("ConstraintHeatmapWords", [["Finance", "Legal"], ["Budget"], ["4", "3"]]));
    assert.match(
      error.message,
      /functions has 2 entries but kinds has 1: give one kinds entry for each functions entry/,
    );
  });
});
