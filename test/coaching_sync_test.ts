import {assert} from "chai";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {CoachingAsOf, sampleCoaching} from "../sample/coaching";
import {People} from "../sample/organization";
import {pack} from "../src/pack";
import {putRow} from "./support/alignment";
import type {SyncedRow} from "../emulator/run";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";
import {CoachingTables} from "../src/sync/tables";

const asOf = new Date(`${CoachingAsOf}T08:00:00Z`);
const P = People;

/** The one-to-one row of a pair, by the leader's and the report's names. */
const pairOf = (rows: SyncedRow[], leader: string, report: string) =>
  rows.find(r => r.LeaderName === leader && r.ReportName === report)!;

describe("the OneOnOnes sync table", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  const meeting = () => docUrl(env.seeded.meetingDocId!);
  const teams = () => env.seeded.teamDocIds.map(docUrl);
  const metrics = () => docUrl(env.seeded.metricsDocId!);
  /** meetingDoc, okrDocs, metricsDoc, cadenceDays, table, columns, asOf, fiscalYearStartMonth. */
  const sync = (okrDocs?: string[], metricsDoc?: string, cadenceDays?: number) =>
    runSync(env, pack, "OneOnOnes", [meeting(), okrDocs, metricsDoc, cadenceDays, undefined, undefined, asOf]);

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("gives one row per pair, the overdue one first, with what it carries", async function () {
    const run = await sync(teams(), metrics());
    const pairs = new Set(sampleCoaching().oneOnOnes.map(o => `${o.leader.name}/${o.report.name}`));
    assert.lengthOf(run.rows, pairs.size);
    assert.deepEqual(
      run.rows.filter(r => r.Overdue).map(r => r.Name),
      ["Maya Lindqvist → Diego Ramos"],
      "only the CEO's one-to-one with the CRO is overdue",
    );
    const diego = run.rows[0];
    assert.include(diego, {
      Name: "Maya Lindqvist → Diego Ramos",
      Meetings: 7,
      LastOneOnOne: "2026-11-11",
      CadenceDays: 7,
      CadenceFrom: "Declared",
      NextDue: "2026-11-18",
      Overdue: true,
      DaysOverdue: 6,
      Commitments:
        "Bring a recovery plan for the sales cycle to the leadership meeting\nAgree a contract fast lane with legal",
      Findings: "Maya Lindqvist's one-to-one with Diego Ramos is 6 days overdue (due 2026-11-18): book it.",
    });
    assert.deepEqual(diego.Leader, {Name: P.ceo.name, Email: P.ceo.email});
    assert.deepEqual(diego.Report, {Name: P.sales.name, Email: P.sales.email});
    assert.match(
      diego.Summary,
      /last one-to-one 2026-11-11, every 7 days \(declared\); next due 2026-11-18, 6 days overdue\. 2 commitments carried\./,
    );
    assert.notProperty(diego, "Unreadable");

    const grace = pairOf(run.rows, P.ceo.name, P.finance.name);
    assert.include(grace, {CadenceDays: 14, CadenceFrom: "Observed", NextDue: "2026-11-26", Overdue: false});
    const ivy = pairOf(run.rows, P.success.name, P.csm.name);
    assert.include(ivy, {Meetings: 1, CadenceDays: 14, CadenceFrom: "Default", NextDue: "2026-11-30"});
    const tom = pairOf(run.rows, P.ceo.name, P.product.name);
    assert.equal(tom.NextDue, "2026-11-27", "the planned next one-to-one");
  });

  it("asks about the report's own key results, action items, ratings and key metrics", async function () {
    const run = await sync(teams(), metrics());
    const questions = (leader: string, report: string) =>
      (pairOf(run.rows, leader, report).Prompts as string).split("\n");
    const diego = questions(P.ceo.name, P.sales.name);
    assert.equal(
      diego[0],
      '"Cycle days" is at 21% against 59% expected. What would have to be true for it to get back on pace?',
      "the CRO's key metric on his AE's key result, furthest behind first",
    );
    assert.include(
      diego,
      '"New mid-market bookings" is at risk. What one change would most improve where it lands, and what do you need from me?',
    );
    assert.include(
      questions(P.ceo.name, P.product.name),
      '"Write the partner API quickstart" is 14 days past its due date (2026-11-10). What is in the way, and what would help you close it or hand it on?',
    );
    assert.include(
      questions(P.sales.name, P.success.name),
      '"Draft the help-center migration plan" is 11 days past its due date (2026-11-13). What is in the way, and what would help you close it or hand it on?',
    );
    const grace = pairOf(run.rows, P.ceo.name, P.finance.name);
    assert.equal(grace.PromptCount, 5);
    assert.equal(
      questions(P.ceo.name, P.finance.name)[4],
      'You rated "Leadership meeting 2026-11-17" 6 of 10, saying "We ran out of time before director hiri…". What would have made it an 8?',
      "a rating of a meeting held since they last met",
    );
    assert.notMatch(
      pairOf(run.rows, P.ceo.name, P.engineering.name).Prompts,
      /You rated/,
      "the CTO rated that meeting 8",
    );
    assert.equal(
      grace.KeyMetrics.split("\n")[0],
      "Margin: Gross margin, 62.8 % on 2026-11-20, Red",
      "the CFO's own key metrics, with where each stands",
    );
    assert.match(grace.KeyMetrics, /\nRenewals: not linked$/);
    assert.notProperty(pairOf(run.rows, P.sales.name, P.ae.name), "KeyMetrics", "a report who keeps no key metrics");
    assert.deepEqual(questions(P.engineering.name, P.sre.name), [
      '"Reports moved to the warehouse" is at 28% against 59% expected. What would have to be true for it to get back on pace?',
    ]);
  });

  it("reads each doc once: the meeting doc's six tables, two tables per team doc, the metrics doc", async function () {
    env.emulator.resetStats();
    await sync(teams(), metrics());
    // One-on-ones, Seats, Action Items, Ratings, Meetings and Leader Metrics; Objectives and Key Results of 7
    // team docs; Metric Definitions, and Metric Readings over two pages read between two looks at the table.
    assert.equal(env.emulator.stats.requests, 6 + 14 + 1 + 5);
  });

  it("without team docs: no key result questions; cadenceDays sets the default cadence", async function () {
    const run = await sync(undefined, undefined, 21);
    const ivy = pairOf(run.rows, P.success.name, P.csm.name);
    assert.include(ivy, {CadenceDays: 21, CadenceFrom: "Default", NextDue: "2026-12-07"});
    assert.notProperty(ivy, "Prompts");
    assert.equal(ivy.PromptCount, 0);
    const tom = pairOf(run.rows, P.ceo.name, P.product.name);
    assert.match(tom.Prompts, /^"Write the partner API quickstart" is 14 days past its due date/);
    assert.match(tom.KeyMetrics, /^Beta partners: link not found\n/);
    const error = await rejection(sync(undefined, undefined, 0));
    assert.equal(error.message, "cadenceDays must be a whole number from 1 to 90, not 0.");
  });

  it("reports bad rows on their pair, and a row with no report on its own", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, CoachingTables.oneOnOnes, {
      Leader: P.ceo,
      Report: P.people,
      Date: "2026-11-21",
      Next: "soon",
      Cadence: "whenever",
    });
    putRow(env, docId, CoachingTables.oneOnOnes, {Leader: P.ceo, Report: P.marketing, Date: "last week"});
    putRow(env, docId, CoachingTables.oneOnOnes, {Leader: P.sales, Date: "2026-11-20", Notes: "Who was it?"});
    putRow(env, docId, CoachingTables.oneOnOnes, {Notes: ""});
    const run = await sync();
    assert.lengthOf(run.rows, 11 + 1 + 1, "a new pair and an incomplete row; a blank row is skipped");
    const sam = pairOf(run.rows, P.ceo.name, P.people.name);
    assert.equal(sam.LastOneOnOne, "2026-11-21", "the row still counts");
    assert.equal(sam.CadenceFrom, "Declared", "the earlier rows' cadence stands");
    assert.equal(
      sam.Problems,
      'The one-to-one of 2026-11-21: Next holds "soon", not a date: write it as YYYY-MM-DD. The one-to-one of 2026-11-21: Cadence "whenever" is not a cadence: write weekly, every 2 weeks, monthly or a number of days from 1 to 90.',
    );
    const priya = pairOf(run.rows, P.ceo.name, P.marketing.name);
    assert.include(priya, {Meetings: 0, Kind: "One-to-one"});
    assert.match(priya.Problems, /^A one-to-one with no date: Date holds "last week", not a date/);
    assert.equal(priya.Findings, "1 one-to-one of the pair has no date: give each the day it took place.");
    const incomplete = run.rows.find(r => r.Kind === "Incomplete row")!;
    assert.include(incomplete, {
      Name: "One-to-one of 2026-11-20: Diego Ramos → no report",
      LastOneOnOne: "2026-11-20",
      Problems: "No report: name whom the one-to-one is with.",
    });
  });

  it("takes a person typed as an email, or as a name with an email, for the same person", async function () {
    putRow(env, env.seeded.meetingDocId!, CoachingTables.oneOnOnes, {
      Leader: P.ceo.email,
      Report: `Diego Ramos <${P.sales.email}>`,
      Date: "2026-11-23",
      Commitments: "Recovery plan for the sales cycle",
    });
    const run = await sync();
    const diego = pairOf(run.rows, P.ceo.name, P.sales.name);
    assert.include(diego, {Meetings: 8, LastOneOnOne: "2026-11-23", Overdue: false, NextDue: "2026-11-30"});
    assert.equal(diego.Commitments, "Recovery plan for the sales cycle");
    assert.isFalse(run.rows.some(r => r.Overdue));
  });

  it("names a team doc it cannot read on every row, and asks from the others", async function () {
    const run = await sync([...teams(), docUrl(env.seeded.restrictedDocId)], metrics());
    assert.lengthOf(run.rows, 11);
    const diego = run.rows[0];
    assert.match(diego.Unreadable, /^Not read: .*NsBoard01/);
    assert.match(diego.Summary, /Judged without 1 doc that could not be read\.$/);
    assert.match(diego.Prompts, /^"Cycle days" is at 21%/);
  });
});

describe("the LeaderMetrics sync table", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  const meeting = () => docUrl(env.seeded.meetingDocId!);
  /** meetingDoc, metricsDoc, okrDocs, table, columns, asOf, fiscalYearStartMonth. */
  const sync = (metricsDoc?: string, okrDocs?: string[]) =>
    runSync(env, pack, "LeaderMetrics", [meeting(), metricsDoc, okrDocs, undefined, undefined, asOf]);
  const full = () => sync(docUrl(env.seeded.metricsDocId!), env.seeded.teamDocIds.map(docUrl));
  const metricOf = (rows: SyncedRow[], leader: string, metric: string) =>
    rows.find(r => r.LeaderName === leader && r.Metric === metric)!;

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("links each metric to its health metric or key result, with its latest value and status", async function () {
    const run = await full();
    assert.lengthOf(run.rows, sampleCoaching().leaderMetrics.length + 1);
    assert.include(metricOf(run.rows, P.finance.name, "Gross margin"), {
      Name: "Margin",
      Kind: "Key metric",
      LinkedKind: "Health metric",
      Linked: "Gross margin",
      Value: 62.8,
      Unit: "%",
      AsOf: "2026-11-20",
      Status: "Red",
    });
    const bookings = metricOf(run.rows, P.sales.name, "Mid-market bookings");
    assert.include(bookings, {
      LinkedKind: "Key result",
      Linked: "New mid-market bookings",
      Status: "At risk",
      Unit: "$",
    });
    assert.closeTo(bookings.Progress, 0.5, 0.01);
    assert.equal(
      bookings.Summary,
      "Bookings: Diego Ramos's key metric Mid-market bookings links to the key result New mid-market bookings: 2089440 $, 50% of the way, At risk.",
    );
    assert.deepEqual(metricOf(run.rows, P.ceo.name, "Net new ARR").Leader, {Name: P.ceo.name, Email: P.ceo.email});
  });

  it("finds a leader with none, one with six, short names too long or used twice, and a link that matches nothing", async function () {
    const run = await full();
    const priya = run.rows.find(r => r.Kind === "No key metrics")!;
    assert.include(priya, {
      Name: P.marketing.name,
      MetricsKept: 0,
      Findings: "Priya Natarajan has no key metrics: name up to 5, each with a short name.",
    });
    const grace = run.rows.filter(r => r.LeaderName === P.finance.name);
    assert.lengthOf(grace, 6);
    for (const r of grace) {
      assert.include(r.Findings, "Grace Mbeki has 6 key metrics, more than 5: keep the few that matter most.");
      assert.equal(r.MetricsKept, 6);
    }
    assert.equal(
      metricOf(run.rows, P.product.name, "Revenue from new products").Findings,
      'The short name "New product revenue share" is 4 words: keep it to 3 words so people remember it.',
    );
    assert.equal(
      metricOf(run.rows, P.success.name, "Logo churn").Findings,
      'Lena Fischer already uses the short name "Churn": give each metric its own.',
    );
    const weekly = metricOf(run.rows, P.people.name, "Managers with weekly 1:1s");
    assert.include(weekly, {
      LinkedKind: "Not found",
      Findings:
        '"Managers with weekly one-on-ones" matches no health metric or key result; did you mean "Managers with weekly one-to-ones"?',
    });
    assert.notProperty(weekly, "Linked");
    const sound = run.rows.filter(r => !r.Findings);
    assert.lengthOf(sound, 25 - 6 - 3);
  });

  it("reads the meeting doc's three tables, then the team docs and the metrics doc", async function () {
    env.emulator.resetStats();
    await full();
    assert.equal(env.emulator.stats.requests, 3 + 14 + 1 + 5);
  });

  it("says where to look when no metrics doc or team docs are given", async function () {
    const run = await sync();
    const margin = metricOf(run.rows, P.finance.name, "Gross margin");
    assert.include(margin, {LinkedKind: "Not found"});
    assert.equal(
      margin.Findings,
      '"Gross margin" was looked up without a metrics doc or team docs: give the sync metricsDoc and okrDocs if it names a health metric or a key result. Grace Mbeki has 6 key metrics, more than 5: keep the few that matter most.',
    );
  });

  it("names a metrics doc it cannot read on the links it leaves unresolved", async function () {
    const run = await sync(docUrl(env.seeded.restrictedDocId), env.seeded.teamDocIds.map(docUrl));
    const margin = metricOf(run.rows, P.finance.name, "Gross margin");
    assert.equal(margin.LinkedKind, "Not found");
    assert.match(margin.Unreadable, /^Not read: .*NsBoard01/);
    assert.match(margin.Summary, /Judged without 1 doc that could not be read\.$/);
    const bookings = metricOf(run.rows, P.sales.name, "Mid-market bookings");
    assert.equal(bookings.Status, "At risk", "the key results still link");
    assert.notProperty(bookings, "Unreadable");
  });

  it("reports a row with no leader on its row, and a leader off the roster", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, CoachingTables.leaderMetrics, {Metric: "Cash collected", "Short Name": "Cash"});
    putRow(env, docId, CoachingTables.leaderMetrics, {
      Leader: {name: "Grace Mbeky", email: "grace.m@northstar.example.com"},
      Metric: "Days sales outstanding",
      "Short Name": "DSO",
    });
    const run = await full();
    const orphan = run.rows.find(r => r.Metric === "Cash collected")!;
    assert.include(orphan, {Problems: "No leader: name the leader who keeps this metric.", Name: "Cash"});
    assert.notProperty(orphan, "Findings");
    assert.include(
      metricOf(run.rows, "Grace Mbeky", "Days sales outstanding").Findings,
      `"Grace Mbeky" is not on the leaders' roster; did you mean "Grace Mbeki"?`,
    );
  });
});

describe("coaching from a doc imported as CSV, names in any script", function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    dir = mkdtempSync(join(tmpdir(), "coaching-"));
    const doc = join(dir, "Coaching");
    mkdirSync(doc);
    const csv = (name: string, rows: string[][]) =>
      writeFileSync(
        join(doc, `${name}.csv`),
        rows.map(r => r.map(v => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n"),
      );
    csv("One-on-ones", [
      ["Leader", "Report", "Date", "Notes", "Commitments", "Next", "Cadence"],
      ["王小明", "Ольга Петрова", "2026-10-27", "Бюджет", "Send the plan; [x] Book the offsite", "", "weekly"],
      ["王小明 ", "ОЛЬГА  ПЕТРОВА", "2026-11-03", "", "Draft the budget\n✓ Call the vendor", "", ""],
      ["王小明", "ليلى حداد", "2026-11-20", "", "", "", "every 2 weeks"],
    ]);
    csv("Action Items", [
      ["Action", "Owner", "Due", "Status"],
      ["Send the budget", "ольга петрова", "2026-11-10", "Open"],
    ]);
    csv("Seats", [
      ["Seat", "Person", "Responsibilities"],
      ["Финансы", "Ольга Петрова", "Бюджет; Казначейство; Отчётность; Налоги; Аудит; Закупки"],
      ["运营", "王小明", "A; B; C"],
    ]);
    csv("Leaders", [["Leader"], ["王小明"], ["Ольга Петрова"], ["ليلى حداد"]]);
    csv("Objectives", [
      ["Objective", "Owner", "Team", "Cycle"],
      ["Рост маржи", "Ольга Петрова", "Финансы", "FY2026 Q4"],
    ]);
    csv("Key Results", [
      ["Key Result", "Objective", "Owner", "Start", "Target", "Current", "Unit"],
      ["Маржа валовая", "Рост маржи", "Ольга Петрова", "60", "70", "61", "%"],
    ]);
    csv("Leader Metrics", [
      ["Leader", "Metric", "Short Name", "Linked To"],
      ["Ольга Петрова", "Валовая маржа", "Маржа", "маржа  ВАЛОВАЯ"],
      ["王小明", "营收", "营收", "营收增长率"],
    ]);
  });
  after(function () {
    rmSync(dir, {recursive: true, force: true});
  });
  const env = useEmulator(() => ({from: dir, validate: true}));
  const docOf = () => docUrl(env.csvDocs.find(d => d.name === "Coaching")!.id);

  it("groups a pair however its names are written, and asks from text-only tables", async function () {
    const run = await runSync(env, pack, "OneOnOnes", [
      docOf(),
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    assert.lengthOf(run.rows, 2);
    const olga = pairOf(run.rows, "王小明", "Ольга Петрова");
    assert.include(olga, {
      Meetings: 2,
      CadenceDays: 7,
      CadenceFrom: "Declared",
      NextDue: "2026-11-10",
      DaysOverdue: 14,
    });
    assert.notProperty(olga, "Leader", "a name typed without an email is no person cell");
    assert.equal(olga.Commitments, "Draft the budget");
    assert.deepEqual(olga.Prompts.split("\n"), [
      '"Маржа валовая" is at 10% against 59% expected. What would have to be true for it to get back on pace?',
      '"Send the budget" is 14 days past its due date (2026-11-10). What is in the way, and what would help you close it or hand it on?',
      'The seat "Финансы" carries 6 responsibilities, more than 5. Which could you hand on, and to whom?',
    ]);
    assert.equal(olga.KeyMetrics, "Маржа: Маржа валовая, 61 %, 10% of the way, Off track");
    assert.include(pairOf(run.rows, "王小明", "ليلى حداد"), {CadenceDays: 14, CadenceFrom: "Declared", Overdue: false});
  });

  it("links key metrics written in any script, and names the leader with none", async function () {
    const run = await runSync(env, pack, "LeaderMetrics", [docOf(), undefined, undefined, undefined, undefined, asOf]);
    assert.lengthOf(run.rows, 3);
    assert.include(run.rows[0], {
      Name: "Маржа",
      LinkedKind: "Key result",
      Linked: "Маржа валовая",
      Status: "Off track",
    });
    assert.include(run.rows[1], {LinkedKind: "Not found"});
    assert.match(
      run.rows[1].Findings,
      /^"营收增长率" matches no health metric or key result: link it to one by its name\. "营收增长率" was looked up without a metrics doc: give the sync metricsDoc if it names a health metric\.$/,
    );
    assert.include(run.rows[2], {Kind: "No key metrics", Name: "ليلى حداد"});
  });
});
