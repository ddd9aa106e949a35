import * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {Tokens} from "../emulator/sample";
import {MetricsAsOf} from "../sample/health";
import {NextMeeting} from "../sample/meetings";
import {pack} from "../src/pack";
import {actionContext, docUrl, runSync, rejection, useEmulator} from "./support/emulator";

const asOf = new Date(`${MetricsAsOf}T08:00:00Z`);
const meetingDay = new Date(`${NextMeeting}T08:00:00Z`);

describe("meeting sync tables and actions over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let meeting: string;
  let agendaParams: unknown[];
  beforeEach(function () {
    meeting = docUrl(env.seeded.meetingDocId!);
    agendaParams = [meeting, meetingDay, 90, env.seeded.teamDocIds.map(docUrl), docUrl(env.seeded.metricsDocId!)];
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("ranks the issues list for solving", async function () {
    const run = await runSync(env, pack, "Issues", [meeting, undefined, undefined, asOf]);
    // Six open issues, then the solved ones (five older issues solved between August and October among them).
    assert.lengthOf(run.rows, 12);
    assert.deepEqual(
      run.rows.map(r => r.Rank),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    assert.deepEqual(
      run.rows.slice(0, 3).map(r => r.Priority),
      ["High", "High", "High"],
    );
    assert.include(run.rows[0], {
      Name: "Support backlog keeps growing after the pricing change",
      Source: "Hot metric",
      AgeDays: 17,
      Open: true,
    });
    assert.include(run.rows[6], {Status: "Solved", Open: false});
    assert.equal(run.rows.find(r => r.Name.startsWith("Enterprise deals"))!.Source, "Off-track key result");
    assert.equal(run.rows.find(r => r.Name.startsWith("The director"))!.Source, "Raised by hand");
  });

  it("checks each decision's ownership and flags those due for review", async function () {
    const run = await runSync(env, pack, "Decisions", [meeting, undefined, undefined, asOf]);
    const byName = new Map(run.rows.map(r => [r.Name, r]));
    const freeze = byName.get("Freeze non-critical hosting spend until the renewal")!;
    assert.match(
      freeze.Check,
      /^2 owners \(Grace Mbeki, Hana Sato\): one person must be accountable.*3 approvers is more than needed/,
    );
    assert.equal(freeze.Owners, "Grace Mbeki, Hana Sato");
    const docs = byName.get("Publish the partner API docs before general availability")!;
    assert.include(docs, {DueForReview: true});
    assert.match(docs.Check, /Tom Okafor both owns and approves/);
    assert.include(
      docs,
      {Kind: "Product roadmap", FailureMet: true, Hot: true},
      "past its review with a failure condition met",
    );
    assert.match(
      freeze.Check,
      /Grace Mbeki owns this decision, but "Architecture and hosting" lies in Hana Sato's lane/,
    );
    assert.notProperty(
      byName.get("Hire two enterprise account executives in Q1")!,
      "Check",
      "no kind given, so no lane to check",
    );
    assert.notProperty(byName.get("Hire two enterprise account executives in Q1")!, "Hot");
    const helpCenter = byName.get("Move tier-1 support questions to the new help center")!;
    assert.equal(
      helpCenter.Check,
      'Over-collaboration: "Support operations" is Lena Fischer\'s to decide alone, yet 1 approver signed off; consult if useful, but let the owner decide.',
    );
    assert.include(helpCenter, {DueForReview: false, ReviewDate: "2026-11-24"});
    assert.equal(helpCenter.Issue.Name, "Support backlog keeps growing after the pricing change");
  });

  it("flags overdue actions and each owner's completion rate", async function () {
    const run = await runSync(env, pack, "ActionItems", [meeting, undefined, undefined, asOf]);
    const byName = new Map(run.rows.map(r => [r.Name, r]));
    assert.include(byName.get("Write the partner API quickstart")!, {Overdue: true, DaysOverdue: 10});
    assert.include(byName.get("Get three hosting renewal quotes")!, {Overdue: false});
    assert.closeTo(byName.get("Get three hosting renewal quotes")!.OwnerCompletionRate, 1 / 2, 1e-9);
    assert.include(byName.get("Share the enterprise deal review")!, {
      Done: true,
      Overdue: false,
      OwnerCompletionRate: 1,
    });
  });

  it("flags the gaps in back-briefs", async function () {
    const run = await runSync(env, pack, "BackBriefs", [meeting]);
    const gaps = run.rows.filter(r => r.Gaps).map(r => `${r.Leader.Name}: ${r.Gaps}`);
    assert.deepEqual(gaps, [
      "Tom Okafor: No need stated: what do you need from the team?",
      "Priya Natarajan: No linked objective: which objective does this serve?",
    ]);
  });

  it("builds next week's agenda from live data, time boxes adding up to the meeting", async function () {
    const run = await runSync(env, pack, "MeetingAgenda", agendaParams);
    const minutes = run.rows.reduce((n, r) => n + r.Minutes, 0);
    assert.equal(minutes, 90);
    assert.equal(run.rows[0].TimeBox, "00:00–00:05");
    assert.equal(run.rows[run.rows.length - 1].TimeBox.split("–")[1], "01:30");
    const solving = run.rows.filter(r => r.Kind === "Problem solving").reduce((n, r) => n + r.Minutes, 0);
    assert.isAtLeast(solving, 45, "most of the time goes to the issues");
    assert.equal(run.rows[0].Facilitator, "Priya Natarajan", "the rotation continues after the last facilitator");
    assert.notEqual(run.rows[0].Facilitator, "Maya Lindqvist", "the most senior leader does not facilitate");
    const names = run.rows.map(r => r.Name);
    assert.equal(
      names[1],
      "Risk fired: Margin stays under the red line into next year (Gross margin < 65)",
      "fired risks come first",
    );
    assert.equal(run.rows[1].Source, "Risk register");
    assert.include(names[2], "Hot metric: Support backlog");
    assert.isFalse(
      names.some(n => n.includes("Runway shortens")),
      "an armed risk stays off the agenda",
    );
    assert.isTrue(
      names.some(
        n =>
          n ===
          "Review decision: Publish the partner API docs before general availability (a failure condition is met)",
      ),
    );
    assert.isTrue(
      names.some(n => n.startsWith("Key result: ")),
      "off-track key results come up",
    );
    assert.isTrue(
      names.some(n => n === "Solve: Support backlog keeps growing after the pricing change (High, 4 votes)"),
    );
    assert.isTrue(
      names.some(n => n.startsWith("Review decision: Move tier-1 support questions")),
      "a decision due for review",
    );
    assert.isTrue(names.some(n => n.startsWith("Overdue action: ")));
    assert.include(names[names.length - 2], "Non-critical hosting spend is frozen until the renewal");
    assert.match(names[names.length - 1], /^Close/);
    for (const r of run.rows) assert.match(r.Id, new RegExp(`^NsMeet001/${NextMeeting}/\\d+$`));
  });

  it("closes the loop: a hot metric raised as an issue appears on the next agenda", async function () {
    const hot = await runSync(env, pack, "HotItems", [
      docUrl(env.seeded.metricsDocId!),
      undefined,
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    const runway = hot.rows.find(r => r.Name === "Cash runway")!;
    const before = await runSync(env, pack, "MeetingAgenda", agendaParams);
    assert.isFalse(before.rows.some(r => r.Name.includes("Cash runway is shrinking")));
    const issue = await executeFormulaFromPackDef(
      pack,
      "RaiseIssue",
      [
        meeting,
        "Cash runway is shrinking",
        `Hot metric: ${runway.Name} ${runway.Link}`,
        runway.Owner.Email,
        "High",
        asOf,
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {useDeprecatedResultNormalization: false},
    );
    assert.include(issue as object, {Name: "Cash runway is shrinking", Source: "Hot metric", Open: true});
    const issues = await runSync(env, pack, "Issues", [meeting, undefined, undefined, asOf]);
    const raised = issues.rows.find(r => r.Name === "Cash runway is shrinking")!;
    assert.include(raised, {Priority: "High", Source: "Hot metric", SourceLink: runway.Link, Status: "Open"});
    assert.equal(raised.Id, (issue as {Id: string}).Id);
    const after = await runSync(env, pack, "MeetingAgenda", agendaParams);
    const item = after.rows.find(r => r.Name === "Solve: Cash runway is shrinking (High)");
    assert.exists(item, "the raised issue is on the agenda");
    assert.equal(item!.Owner, "Grace Mbeki");
    assert.equal(
      after.rows.reduce((n, r) => n + r.Minutes, 0),
      90,
    );
  });

  it("returns a recorded decision and an assigned action judged by lane and seat, as their sync tables judge them", async function () {
    const decision = (await executeFormulaFromPackDef(
      pack,
      "RecordDecision",
      [
        meeting,
        "Move the EU region to a second cloud",
        "grace@northstar.example.com",
        [],
        "Decided alone",
        "Latency",
        undefined,
        asOf,
        "Architecture and hosting",
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {useDeprecatedResultNormalization: false},
    )) as {Id: string; Check?: string; Kind?: string};
    assert.equal(decision.Kind, "Architecture and hosting");
    assert.match(decision.Check ?? "", /lies in Hana Sato's lane/);
    const synced = (await runSync(env, pack, "Decisions", [meeting, undefined, undefined, asOf])).rows.find(
      r => r.Id === decision.Id,
    )!;
    assert.equal(synced.Check, decision.Check);
    const action = (await executeFormulaFromPackDef(
      pack,
      "AssignAction",
      [
        meeting,
        "Draft the partner FAQ",
        "jonah@northstar.example.com",
        new Date("2026-12-10T08:00:00Z"),
        "Weekly",
        asOf,
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
      {useDeprecatedResultNormalization: false},
    )) as {Id: string; Problems?: string};
    assert.match(action.Problems ?? "", /Jonah Price holds no seat/);
    const row = (await runSync(env, pack, "ActionItems", [meeting, undefined, undefined, asOf])).rows.find(
      r => r.Id === action.Id,
    )!;
    assert.equal(row.Problems, action.Problems);
  });

  it("records decisions and assigns actions that show in their tables", async function () {
    await executeFormulaFromPackDef(
      pack,
      "RecordDecision",
      [
        meeting,
        "Renew hosting on a three-year term",
        "grace@northstar.example.com",
        ["maya@northstar.example.com"],
        "Coordinated",
        "Margin",
        new Date("2026-12-20T08:00:00Z"),
        asOf,
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
    );
    await executeFormulaFromPackDef(
      pack,
      "AssignAction",
      [
        meeting,
        "Send the renewal terms to the board",
        "grace@northstar.example.com",
        new Date("2026-11-18T08:00:00Z"),
      ] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
    );
    const decisions = await runSync(env, pack, "Decisions", [meeting, undefined, undefined, asOf]);
    assert.include(
      decisions.rows.find(r => r.Name === "Renew hosting on a three-year term")!,
      {ReviewDate: "2026-12-20", Lane: "Coordinated", Approvers: "Maya Lindqvist"},
    );
    const actions = await runSync(env, pack, "ActionItems", [meeting, undefined, undefined, asOf]);
    assert.include(
      actions.rows.find(r => r.Name === "Send the renewal terms to the board")!,
      {Overdue: true, DaysOverdue: 2},
    );
  });

  it("refuses a write it may not make with a clear message, and writes nothing", async function () {
    const issuesTable = () =>
      env.emulator.doc(env.seeded.meetingDocId!)!.tables.find(t => t.name === "Issues")!.rows.length;
    const before = issuesTable();
    const error = await rejection(
      executeFormulaFromPackDef(
        pack,
        "RaiseIssue",
        [meeting, "Read-only", "by hand"] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env, Tokens.reader),
      ),
    );
    assert.instanceOf(error, coda.UserVisibleError);
    assert.match(
      error.message,
      /^Access denied \(writing to the table Issues in the doc NsMeet001\)\. Share the doc .*with edit rights.*read-only/,
    );
    assert.equal(issuesTable(), before);
    const blank = await rejection(
      executeFormulaFromPackDef(
        pack,
        "AssignAction",
        [meeting, " ", "a@b.c", asOf] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      ),
    );
    assert.match(blank.message, /The action is blank/);
  });

  it("lays out a year of the operating calendar and the 90-day playbook without any account", async function () {
    const cadence = await runSync(env, pack, "Cadence", [new Date("2026-01-05T08:00:00Z")]);
    const kinds = new Map<string, number>();
    for (const r of cadence.rows) kinds.set(r.Name, (kinds.get(r.Name) ?? 0) + 1);
    // A quarterly check-in or the offsite takes the place of that month's executive review.
    assert.equal(kinds.get("Monthly executive review"), 9);
    assert.equal(kinds.get("OKR retrospective"), 4);
    assert.equal(kinds.get("Quarterly check-in"), 3);
    assert.equal(kinds.get("Annual offsite"), 1);
    assert.isAbove(kinds.get("Weekly leadership meeting")!, 25);
    assert.isTrue(
      cadence.rows.every(r => new Date(`${r.Date}T00:00:00Z`).getUTCDay() === 2),
      "every meeting falls on Tuesday",
    );
    const retro = cadence.rows.find(r => r.Name === "OKR retrospective")!;
    assert.equal(retro.Cycle, "FY2026 Q1");
    const playbook = await runSync(env, pack, "Playbook", [new Date("2026-11-02T08:00:00Z")]);
    assert.deepEqual(
      [...new Set(playbook.rows.map(r => r.Phase))],
      ["Clarity", "Alignment", "Cadence", "Develop and maintain"],
    );
    assert.include(playbook.rows[0], {Day: 1, Date: "2026-11-02"});
    assert.include(
      playbook.rows.find(r => r.Day === 31)!,
      {Date: "2026-12-02", Phase: "Alignment"},
    );
    assert.isTrue(playbook.rows.every(r => r.Signal));
  });
});
