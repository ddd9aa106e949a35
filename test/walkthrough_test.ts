import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import type {SampleEmulator} from "../emulator/sample";
import {MetricsAsOf} from "../sample/health";
import {NextMeeting} from "../sample/meetings";
import {MaxSummaryLength} from "../src/agent/limits";
import {buildAgenda, issuesForAgenda} from "../src/engine/agenda";
import {pack} from "../src/pack";
import {actionContext, docUrl, runSync, useEmulator} from "./support/emulator";

/**
 * One scripted walk-through per skill: the steps its prompt describes, run as the
 * pack's sync tables (what the knowledge index holds) and formula calls against the
 * emulator, checking what a good answer needs. A skill without a walk-through fails,
 * so a prompt cannot drift from what the pack does.
 */

const day = (iso: string) => new Date(`${iso}T08:00:00Z`);
const asOf = day(MetricsAsOf);
const meetingDay = day(NextMeeting);

interface Ctx {
  env: SampleEmulator;
  meeting: string;
  teams: string[];
  metrics: string;
  strategy: string;
  /** Calls a formula or action as the agent would, with the emulator behind it. */
  call: (name: string, params: unknown[]) => Promise<any>;
  sync: (table: string, params: unknown[]) => Promise<any[]>;
}

const okrParams = (docs: string[], o: {cycle?: string; asOf?: Date} = {}) => [
  docs,
  o.cycle,
  undefined,
  undefined,
  undefined,
  undefined,
  o.asOf ?? asOf,
];

const walkthroughs: Record<string, (c: Ctx) => Promise<void>> = {
  async PrepareWeeklyMeeting(c) {
    const length = 90;
    // 1. Gather from the synced tables.
    const metrics = await c.sync("HealthMetrics", [c.metrics, undefined, undefined, undefined, meetingDay]);
    const hot = metrics.filter(m => m.Hot).sort((a, b) => b.Severity - a.Severity);
    assert.isAbove(hot.length, 0, "the sample has hot metrics");
    for (const m of hot) assert.isString(m.HotReason);
    const krs = (await c.sync("KeyResults", okrParams(c.teams, {asOf: meetingDay}))).filter(
      k => k.Status === "Off track" || k.Status === "At risk",
    );
    const open = (await c.sync("Issues", [c.meeting, undefined, undefined, meetingDay]))
      .filter(i => i.Open && i.Horizon !== "Long term")
      .sort((a, b) => a.Rank - b.Rank);
    const priority = (p: string) => ["High", "Medium", "Low"].indexOf(p) + 1 || 4;
    const issues = issuesForAgenda(
      open.map(i => ({...i, votes: i.Votes ?? 0, priority: priority(i.Priority), longTerm: false})),
      false,
    );
    const decisions = (await c.sync("Decisions", [c.meeting, undefined, undefined, meetingDay])).filter(
      d => d.DueForReview,
    );
    const actions = (await c.sync("ActionItems", [c.meeting, undefined, undefined, meetingDay])).filter(a => a.Overdue);
    for (const rows of [krs, issues, decisions, actions]) assert.isAbove(rows.length, 0);
    // The key results' status is the one KeyResultStatus gives.
    const kr = krs[0];
    assert.equal(
      await c.call("KeyResultStatus", [kr.Progress, day("2026-10-01"), day("2026-12-31"), meetingDay, kr.Confidence]),
      kr.Status,
    );
    // 2. Lay the agenda out by the prompt's order and time boxes (the rules the prompt quotes).
    const source = (r: any) => ({name: r.Name, owner: r.Owner?.Name, link: r.Link});
    const fired = (await c.sync("Risks", [c.meeting, c.metrics, c.teams, undefined, undefined, meetingDay])).filter(
      r => r.Hot,
    );
    assert.isAbove(fired.length, 0, "the sample has a fired risk");
    const meetings = (await c.sync("MeetingHealth", [c.meeting, undefined, undefined, meetingDay])).filter(
      m => m.Date && m.Date < isoDate(meetingDay),
    );
    const last = meetings.sort((a, b) => a.Date.localeCompare(b.Date)).pop();
    const meetingHealth = last && !last.Healthy ? [source(last)] : [];
    const agenda = buildAgenda({
      length,
      firedRisks: fired.map(source),
      hotItems: hot.map(source),
      meetingHealth,
      keyResults: krs.map(source),
      issues: issues.map(i => ({...source(i), detail: i.Priority})),
      decisionsDue: decisions.map(source),
      overdueActions: actions.map(source),
      messages: [],
    });
    // 3. AgendaTimes: the boxes add up to the meeting's length; MeetingMix: status stays under a quarter.
    const boxes: string[] = await c.call("AgendaTimes", [agenda.map(a => a.minutes)]);
    assert.lengthOf(boxes, agenda.length);
    assert.equal(boxes[0].split("–")[0], "00:00");
    assert.equal(boxes[boxes.length - 1].split("–")[1], "01:30", "the last box ends at the meeting's length");
    const clock: string[] = await c.call("AgendaTimes", [agenda.map(a => a.minutes), "9:00 AM"]);
    assert.equal(clock[clock.length - 1].split("–")[1], "10:30");
    const mix = await c.call("MeetingMix", [agenda.map(a => a.kind), agenda.map(a => a.minutes)]);
    assert.isAtLeast(mix.ProblemSolving, 0.5, "the top issues take at least half");
    assert.isAtMost(mix.Status, 0.25);
    // 4. Every item carries an owner and a link to cite, and it is the agenda the MeetingAgenda table builds.
    for (const item of agenda.filter(a => a.source !== "Meeting")) assert.isString(item.link, item.item);
    const table = await c.sync("MeetingAgenda", [c.meeting, meetingDay, length, c.teams, c.metrics]);
    const solve = (rows: Array<{name: string}>) =>
      rows.filter(r => r.name.startsWith("Solve: ")).map(r => r.name.replace(/ \(.*\)$/, ""));
    assert.deepEqual(
      solve(agenda.map(a => ({name: a.item}))),
      solve(table.map(r => ({name: r.Name}))),
      "the same issues, in the same order",
    );
    assert.include(table[1].Name, fired[0].Name, "a fired risk comes first");
    assert.include(table[1 + fired.length].Name, hot[0].Name, "then the most severe hot metric");
  },

  async DebriefMeeting(c) {
    const grace = "grace@northstar.example.com";
    const maya = "maya@northstar.example.com";
    // 2. DecisionCheck first: an owner who also approves is fixed before recording.
    const bad: string[] = await c.call("DecisionCheck", [[grace], [grace, maya]]);
    assert.match(bad.join(" "), /both owns and approves/);
    assert.deepEqual(await c.call("DecisionCheck", [[grace], [maya]]), []);
    // 3. Record, assign, raise; then run each again, as after a timeout or a correction.
    const decision = [
      c.meeting,
      "Move the hosting renewal to a three-year term",
      grace,
      [maya],
      "Coordinated",
      "Saves margin",
      day("2027-02-01"),
      meetingDay,
    ];
    const first = await c.call("RecordDecision", decision);
    const again = await c.call("RecordDecision", decision);
    assert.equal(again.Id, first.Id, "running it again updates the same decision");
    assert.match(first.Summary, /owned by Grace Mbeki.*review on 2027-02-01/);
    const action = await c.call("AssignAction", [
      c.meeting,
      "Send the renewal terms to the board",
      grace,
      day("2026-12-01"),
      decision[1],
      meetingDay,
    ]);
    const corrected = await c.call("AssignAction", [
      c.meeting,
      "Send the renewal terms to the board",
      grace,
      day("2026-12-03"),
      decision[1],
      meetingDay,
    ]);
    assert.equal(corrected.Id, action.Id, "a corrected due date updates the same action");
    const issue = [
      c.meeting,
      "Hosting costs grow faster than revenue",
      "Raised in the meeting",
      grace,
      "High",
      meetingDay,
    ];
    assert.equal((await c.call("RaiseIssue", issue)).Id, (await c.call("RaiseIssue", issue)).Id);
    // 4. The rows show in their tables, once each.
    const decisions = await c.sync("Decisions", [c.meeting, undefined, undefined, meetingDay]);
    assert.lengthOf(
      decisions.filter(d => d.Name === decision[1]),
      1,
    );
    assert.include(
      decisions.find(d => d.Name === decision[1]),
      {Lane: "Coordinated", ReviewDate: "2027-02-01", Link: first.Link},
    );
    const actions = (await c.sync("ActionItems", [c.meeting, undefined, undefined, meetingDay])).filter(
      a => a.Name === "Send the renewal terms to the board",
    );
    assert.lengthOf(actions, 1);
    assert.equal(actions[0].Due, "2026-12-03");
    const issues = (await c.sync("Issues", [c.meeting, undefined, undefined, meetingDay])).filter(
      i => i.Name === issue[1],
    );
    assert.lengthOf(issues, 1);
    assert.include(issues[0], {Priority: "High", Open: true});
  },

  async FindDecisions(c) {
    // "What did we decide about hosting spend, who owns it, and when is it reviewed?"
    const decisions = await c.sync("Decisions", [c.meeting, undefined, undefined, asOf]);
    const words = (d: any) => [d.Summary, d.Rationale, d.RejectedAlternatives, d.Assumptions].join(" ").toLowerCase();
    const found = decisions.filter(d => words(d).includes("hosting"));
    assert.isAbove(found.length, 0);
    const freeze = found.find(d => d.Name.startsWith("Freeze non-critical hosting spend"));
    assert.exists(freeze);
    for (const p of ["Owner", "Date", "Rationale", "ReviewDate", "Link"]) {
      assert.property(freeze, p, `an answer gives ${p}`);
    }
    assert.include(freeze.Summary, freeze.ReviewDate);
    // The ownership problem on the row is what DecisionCheck says for its people.
    const names = (text?: string) => (text ? text.split(", ") : []);
    const lanes = await laneParams(c);
    const check: string[] = await c.call("DecisionCheck", [
      names(freeze.Owners),
      names(freeze.Approvers),
      names(freeze.Consulted),
      freeze.Kind ?? "",
      ...lanes,
    ]);
    assert.equal(check.join(" "), freeze.Check);
    // Decisions due for review are a filter.
    const due = decisions.filter(d => d.DueForReview);
    assert.isTrue(due.every(d => d.Summary.includes("due for review now")));
  },

  async CheckInKeyResults(c) {
    const team = c.teams.slice(0, 1);
    // 1. The owner's key results in the current cycle, stale first.
    const cycle = await c.call("OkrCycle", [asOf]);
    const mine = (await c.sync("KeyResults", okrParams(team, {asOf}))).filter(
      k => k.Owner?.Email === "jonah@northstar.example.com" && k.Cycle === cycle.Name,
    );
    assert.isAbove(mine.length, 0);
    const kr = mine.find(k => k.Code === "KR3");
    assert.exists(kr);
    assert.closeTo(
      await c.call("ExpectedProgress", [day(cycle.Start), day(cycle.End), asOf]),
      kr.Expected,
      1e-9,
      "the pace the row states is ExpectedProgress's",
    );
    // 3. CheckIn with the value and confidence; the same day again corrects it.
    const when = day("2026-11-21");
    const first = await c.call("CheckIn", [kr.Id, 66, 0.55, "Shorter cycles after the new pricing", when]);
    assert.include(first, {Id: kr.Id, Current: 66, Confidence: 0.55, LastCheckIn: "2026-11-21"});
    const second = await c.call("CheckIn", [kr.Id, 67, 0.6, "Corrected after the board pack", when]);
    assert.include(second, {Current: 67, Confidence: 0.6});
    // 4. Read back: one check-in that day, the new value on the key result, and its sentence.
    const checkIns = (await c.sync("CheckIns", [team])).filter(
      x => x.KeyResult?.Id === kr.Id && x.Date === "2026-11-21",
    );
    assert.lengthOf(checkIns, 1, "running it again the same day corrects the check-in");
    assert.include(checkIns[0], {Value: 67, Confidence: 0.6});
    const after = (await c.sync("KeyResults", okrParams(team, {asOf: when}))).find(k => k.Id === kr.Id);
    assert.include(after, {Current: 67, LastCheckIn: "2026-11-21"});
    assert.include(after.Summary, "now 67 days");
    assert.equal(
      await c.call("KeyResultStatus", [after.Progress, day(cycle.Start), day(cycle.End), when, after.Confidence]),
      after.Status,
    );
    const whatIf = await c.call("KeyResultProgress", [after.Start, after.Target, 62]);
    assert.isAbove(whatIf, after.Progress, "a what-if needs no write");
  },

  async ReviewDraftOkrs(c) {
    const cycle = await c.call("OkrCycle", [asOf]);
    const objectives = await c.sync("Objectives", okrParams(c.teams, {cycle: cycle.Name}));
    const goals = await c.sync("AnnualGoals", [c.strategy]);
    const krs = await c.sync("KeyResults", okrParams(c.teams, {cycle: cycle.Name}));
    // 2. Alignment: AlignmentFindings over the objectives and goals names what each row's Alignment says.
    const findings: Array<{Id: string; Problem: string}> = await c.call("AlignmentFindings", [
      objectives.map(o => o.Id),
      objectives.map(o => (o.Goals ?? []).map((g: {Id: string}) => g.Id).join(",")),
      goals.map(g => g.Id),
    ]);
    const misaligned = objectives
      .filter(o => o.Alignment)
      .map(o => o.Id)
      .sort();
    assert.isAbove(misaligned.length, 0, "the sample has misaligned objectives");
    assert.deepEqual([...new Set(findings.map(f => f.Id))].sort(), misaligned);
    // 3. Measurable: KeyResultProgress(start, target, start) refuses a key result that cannot be measured as written.
    let measurable = 0;
    for (const k of krs) {
      const progress = await c
        .call("KeyResultProgress", [k.Start, k.Target, k.Start, k.Kind])
        .catch((error: Error) => error);
      if (progress instanceof Error) {
        assert.isString(k.Problems, `${k.Name} cannot be measured and its row says why`);
      } else {
        assert.oneOf(progress, [0, 1], `${k.Name} starts at 0, or at 1 for a level held`);
        measurable++;
      }
    }
    assert.isAbove(measurable, 0);
    assert.isBelow(measurable, krs.length, "the sample's key result without a target cannot be measured");
    const unmeasurable = await c.call("KeyResultProgress", [50, 50, 50]).catch((error: Error) => error);
    assert.instanceOf(unmeasurable, Error, "a target equal to its start cannot be measured, and the call says so");
    // 4. Ambition: CycleReview over the scores and the owners' confidences.
    const scored = krs.filter(k => k.Progress !== undefined);
    const review = await c.call("CycleReview", [scored.map(k => k.Progress), scored.map(k => k.Confidence ?? null)]);
    assert.equal(review.Count, scored.length);
    const unsure = scored.filter(k => k.Confidence !== undefined && k.Confidence < 0.5).length;
    assert.equal(review.LowConfidence, unsure);
    if (unsure) assert.include(review.Flags, `Low confidence: ${unsure} key result`);
    // 5. RollUp gives each goal the score of what supports it.
    const rolled: Array<{Id: string; Depth: number}> = await c.call("RollUp", [
      [...goals.map(g => g.Id), ...objectives.map(o => o.Id)],
      [...goals.map(() => ""), ...objectives.map(o => (o.Goals ?? []).map((g: {Id: string}) => g.Id).join(","))],
      [...goals.map(() => null), ...objectives.map(o => o.Score ?? null)],
    ]);
    assert.isTrue(rolled.some(r => r.Depth === 0 && goals.some(g => g.Id === r.Id)));
  },

  async BriefOnHealth(c) {
    const metrics = await c.sync("HealthMetrics", [c.metrics, undefined, undefined, undefined, asOf]);
    assert.lengthOf(metrics, 15);
    const hot = metrics.filter(m => m.Hot).sort((a, b) => b.Severity - a.Severity);
    assert.isAbove(hot.length, 0);
    for (const m of hot) {
      // 2. Why, and the trend: the row's words and numbers are the formulas'.
      assert.include(m.Summary, `Hot: ${m.HotReason}`);
      for (const p of ["Latest", "Unit", "LatestDate", "GreenAt", "RedAt", "Trend", "Owner", "Link"]) {
        assert.property(m, p, `${m.Name} gives ${p}`);
      }
      const trend = await c.call("HealthTrend", [m.Readings]);
      assert.equal(trend.Direction, m.Trend);
      assert.equal(await c.call("HealthStatus", [m.Latest, m.GreenAt, m.RedAt]), m.Status);
      assert.equal(await c.call("HotReason", [m.Readings, m.GreenAt, m.RedAt]), m.HotReason);
    }
    // 4. The dashboard's shape.
    const review = await c.call("DashboardReview", [metrics.map(m => m.Area), metrics.map(m => m.Status ?? null)]);
    assert.equal(review.Metrics, 15);
    assert.isString(review.Verdict);
    const picture: string = await c.call("Sparkline", [hot[0].Readings, hot[0].GreenAt, hot[0].RedAt]);
    assert.match(picture, /^data:image\/svg\+xml/);
  },

  async RunCycleRetrospective(c) {
    // 1. The cycle and its last day; the tables judged on that day.
    const cycle = await c.call("OkrCycle", [asOf]);
    assert.equal(cycle.Name, "FY2026 Q4");
    const end = day(cycle.End);
    const krs = await c.sync("KeyResults", okrParams(c.teams, {cycle: cycle.Name, asOf: end}));
    const objectives = await c.sync("Objectives", okrParams(c.teams, {cycle: cycle.Name, asOf: end}));
    // 2. CycleReview with progress, confidence and last check-ins, as of the cycle's end.
    const scored = krs.filter(k => k.Progress !== undefined);
    const review = await c.call("CycleReview", [
      scored.map(k => k.Progress),
      scored.map(k => k.Confidence ?? null),
      scored.map(k => (k.LastCheckIn ? day(k.LastCheckIn) : null)),
      end,
    ]);
    assert.equal(review.Count, scored.length);
    assert.equal(review.Green + review.Yellow + review.Red, review.Count);
    assert.isString(review.Flags);
    // 3. Each objective's score and grade are ObjectiveScore's and KeyResultGrade's over its key results.
    const objective = objectives.find(o => o.Score !== undefined && o.KeyResults > 1);
    const mine = scored.filter(k => k.Objective?.Id === objective.Id);
    assert.closeTo(
      await c.call("ObjectiveScore", [mine.map(k => k.Progress), mine.map(k => k.Weight)]),
      objective.Score,
      1e-9,
    );
    assert.equal(await c.call("KeyResultGrade", [objective.Score]), objective.Grade);
    const rolled: Array<{Id: string; Score?: number}> = await c.call("RollUp", [
      [objective.Id, ...mine.map(k => k.Id)],
      ["", ...mine.map(() => objective.Id)],
      [null, ...mine.map(k => k.Progress)],
      [null, ...mine.map(k => k.Weight)],
    ]);
    assert.closeTo(rolled.find(r => r.Id === objective.Id)!.Score!, objective.Score, 1e-9);
    // 5. Next cycle's candidates, with their evidence.
    const candidates = await c.sync("OkrCandidates", [c.metrics, undefined, undefined, undefined, undefined, asOf]);
    assert.isAbove(candidates.length, 0);
    for (const k of candidates) assert.isString(k.Evidence);
  },

  async CheckLeadershipAlignment(c) {
    // 1. Each leader's ranking, as the doc's Priority Rankings table holds them.
    const table = c.env.emulator.doc(c.env.seeded.meetingDocId!)!.tables.find(t => t.name === "Priority Rankings");
    assert.exists(table);
    const column = table!.columns.find(col => col.name === "Ranking")!;
    const rankings = table!.rows.map(r => String(r.values.get(column.id)));
    assert.isAtLeast(rankings.length, 2);
    const alignment = await c.call("LeadershipAlignment", [rankings]);
    assert.isAtLeast(alignment.W, 0);
    assert.isAtMost(alignment.W, 1);
    assert.equal(alignment.Leaders, rankings.length);
    for (const p of ["Consensus", "Disagreements", "Verdict"]) assert.isString(alignment[p]);
    // 2. Decisions with unclear ownership, explained by DecisionCheck.
    const decisions = await c.sync("Decisions", [c.meeting, undefined, undefined, asOf]);
    const unclear = decisions.filter(d => d.Check);
    assert.isAbove(unclear.length, 0);
    const lanes = await laneParams(c);
    for (const d of unclear) {
      const names = (text?: string) => (text ? text.split(", ") : []);
      const owners = d.Owners ? names(d.Owners) : [d.Owner?.Name].filter(Boolean);
      assert.equal(
        (await c.call("DecisionCheck", [owners, names(d.Approvers), names(d.Consulted), d.Kind ?? "", ...lanes])).join(
          " ",
        ),
        d.Check,
      );
    }
    assert.isTrue(
      unclear.some(d => /lane|Over-collaboration/.test(d.Check)),
      "a crossed lane is among them",
    );
    // 4. The charter's open questions: outcomes not yet agreed and lane conflicts.
    const charter = await c.sync("Charter", [c.meeting]);
    const open = charter.filter(r => r.Open);
    assert.isAbove(open.length, 0);
    assert.isTrue(
      open.some(r => r.Question === "Shared outcome" && r.NotYet),
      "an outcome someone has not agreed to",
    );
    for (const r of open) assert.isString(r.Findings, r.Name);
    // 3. Back-briefs with gaps, by leader.
    const briefs = await c.sync("BackBriefs", [c.meeting]);
    assert.deepEqual(
      briefs.filter(b => b.Gaps).map(b => b.Leader.Name),
      ["Tom Okafor", "Priya Natarajan"],
    );
  },

  async DraftBoardMemo(c) {
    // 1. The brief is the memo's spine: the chosen path with the scores PathDecision shows.
    const brief: string = await c.call("ExecutiveBrief", [c.meeting, c.metrics, c.teams, asOf]);
    const options = await c.sync("PathDecision", [c.meeting, undefined, undefined, asOf]);
    const chosen = options.find(o => o.Chosen);
    assert.exists(chosen, "the sample's decision session chose a path");
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    assert.include(brief, `# Executive decision brief: ${chosen.Name}`);
    assert.include(brief, `score ${pct(chosen.Weighted)}, risk-adjusted ${pct(chosen.RiskAdjusted)}`);
    for (const o of options.filter(o => !o.Chosen)) assert.include(brief, `- ${o.Name} — score ${pct(o.Weighted)}`);
    const top = options.find(o => o.Rank === 1);
    assert.isString(top.Sensitivity, "what would flip the choice");
    // 4. The current state behind it: the register's total and top three, and where work waits longest.
    const bottlenecks = await c.sync("Bottlenecks", [
      c.meeting,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    const ranked = bottlenecks.filter(b => b.Rank).sort((a, b) => a.Rank - b.Rank);
    assert.isAtLeast(ranked.length, 3);
    for (const b of ranked.slice(0, 3)) {
      assert.isAbove(b.Impact, 0, b.Name);
      assert.isString(b.Unit);
    }
    const overall = (await c.sync("FlowEfficiency", [c.meeting, undefined, undefined, asOf])).find(
      r => r.Kind === "Overall",
    );
    assert.isString(overall.WaitsLongestIn);
    assert.isAbove(overall.Efficiency, 0);
    // 5. The 12-month gates: every blocked milestone says what blocks it.
    const roadmap = await c.sync("Roadmap", [c.meeting, asOf, undefined, undefined, asOf]);
    for (const m of roadmap.filter(r => r.Blocked)) assert.isString(m.BlockedBy, m.Name);
    assert.isTrue(
      roadmap.some(r => r.Month),
      "milestones are placed in the 12 months",
    );
  },

  async LeadershipChat(c) {
    // "Which of Sales' key results are off track this quarter?" answered from the table, each row citable.
    const cycle = await c.call("OkrCycle", [asOf]);
    const krs = await c.sync("KeyResults", okrParams(c.teams, {asOf}));
    const answer = krs.filter(k => k.Team === "Sales" && k.Cycle === cycle.Name && k.Status === "Off track");
    assert.isAbove(answer.length, 0);
    for (const k of answer) {
      assert.include(k.Summary, "Off track");
      assert.include(k.Summary, "Sales");
      assert.match(k.Link, /^https:\/\//);
    }
    // "Is gross margin red if it reads 66?" is HealthStatus, with the row's thresholds.
    const margin = (await c.sync("HealthMetrics", [c.metrics, undefined, undefined, undefined, asOf])).find(
      m => m.Name === "Gross margin",
    );
    assert.oneOf(await c.call("HealthStatus", [66, margin.GreenAt, margin.RedAt]), ["Green", "Yellow", "Red"]);
    // "When are the next four leadership meetings?" and "where does the rollout stand?"
    const dates: string[] = await c.call("MeetingDates", ["Weekly", meetingDay, 4]);
    assert.lengthOf(dates, 4);
    assert.include((await c.call("RolloutPhase", [day("2026-11-02"), asOf])).Phase, "Clarity");
  },
};

describe("skill walk-throughs against the emulator", function () {
  this.timeout(120_000);
  const env = useEmulator({validate: true, withBadRows: true});
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  function ctx(): Ctx {
    return {
      env,
      meeting: docUrl(env.seeded.meetingDocId!),
      teams: env.seeded.teamDocIds.map(docUrl),
      metrics: docUrl(env.seeded.metricsDocId!),
      strategy: docUrl(env.seeded.strategyDocId),
      call: (name, params) =>
        executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>, actionContext(env), {
          useDeprecatedResultNormalization: false,
        }),
      sync: async (table, params) => (await runSync(env, pack, table, params)).rows,
    };
  }

  for (const skill of pack.skills) {
    it(`${skill.name}: the steps its prompt describes give a good answer`, async function () {
      const walk = walkthroughs[skill.name];
      assert.exists(walk, `${skill.name} has no walk-through in test/walkthrough_test.ts`);
      await walk(ctx());
    });
  }

  it("every walk-through belongs to a skill of the pack", function () {
    for (const name of Object.keys(walkthroughs)) {
      assert.isTrue(
        pack.skills.some(s => s.name === name),
        `${name} is not a skill`,
      );
    }
  });
});

/** The parameters to sync each table that carries a Summary, over the sample organization. */
const summaryParams: Record<string, (c: Ctx) => unknown[]> = {
  Objectives: c => okrParams(c.teams),
  KeyResults: c => okrParams(c.teams),
  HealthMetrics: c => [c.metrics, undefined, undefined, undefined, asOf],
  Issues: c => [c.meeting, undefined, undefined, asOf],
  Decisions: c => [c.meeting, undefined, undefined, asOf],
  ActionItems: c => [c.meeting, undefined, undefined, asOf],
  CheckIns: c => [c.teams],
  Interviews: c => [c.meeting, undefined, undefined, asOf],
  Bottlenecks: c => [c.meeting, undefined, undefined, undefined, undefined, undefined, asOf],
  FlowEfficiency: c => [c.meeting, undefined, undefined, asOf],
  PathDecision: c => [c.meeting, undefined, undefined, asOf],
  Roadmap: c => [c.meeting, asOf, undefined, undefined, asOf],
  OneOnOnes: c => [c.meeting, c.teams, c.metrics, undefined, undefined, undefined, asOf],
  LeaderMetrics: c => [c.meeting, c.metrics, c.teams, undefined, undefined, asOf],
};

describe("each synced row's Summary, written for search and answers", function () {
  this.timeout(120_000);
  const withSummary = pack.syncTables.filter(t => "Summary" in (t.schema as coda.GenericObjectSchema).properties);
  const env = useEmulator({validate: true, withBadRows: true});

  it("is on the tables a leader asks about", function () {
    for (const name of ["Objectives", "KeyResults", "HealthMetrics", "Issues", "Decisions", "ActionItems"]) {
      assert.isTrue(
        withSummary.some(t => t.name === name),
        `${name} has a Summary`,
      );
    }
  });

  for (const table of withSummary) {
    it(`${table.name}: every row, bad rows too, says in a sentence or two what it is`, async function () {
      const params = summaryParams[table.name];
      assert.exists(params, `give ${table.name}'s sync parameters in summaryParams`);
      const c = {
        env,
        meeting: docUrl(env.seeded.meetingDocId!),
        teams: env.seeded.teamDocIds.map(docUrl),
        metrics: docUrl(env.seeded.metricsDocId!),
        strategy: docUrl(env.seeded.strategyDocId),
      } as Ctx;
      const rows = (await runSync(env, pack, table.name, params(c))).rows;
      assert.isAbove(rows.length, 0);
      for (const row of rows) {
        assert.isString(row.Summary, `${row.Name} has a Summary`);
        assert.isAtMost(row.Summary.length, MaxSummaryLength, row.Summary);
        assert.notMatch(row.Summary, /undefined|NaN|Infinity|null|\[object/, row.Summary);
        if (row.Name) assert.include(row.Summary, row.Name, "it names the row, so a search by name finds it");
      }
      if (table.name === "KeyResults") {
        const broken = rows.find(r => r.Name === "Analyst briefings held");
        assert.exists(broken);
        assert.include(broken!.Summary, "has no progress yet", "a key result without a target says so");
      }
    });
  }
});

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The Lanes as DecisionCheck takes them, read from the Charter sync table's lane rows. */
async function laneParams(c: {
  sync: (table: string, params: unknown[]) => Promise<any[]>;
  meeting: string;
}): Promise<[string[], string[], string[]]> {
  const lanes = (await c.sync("Charter", [c.meeting])).filter(
    r => r.Question === "Lane" && r.Leader && r.Subject && r.Answer,
  );
  return [lanes.map(r => r.Leader.Name), lanes.map(r => r.Subject), lanes.map(r => r.Answer)];
}
