import type * as coda from "@codahq/packs-sdk";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {newLog} from "../emulator/fetcher";
import type {SyncedRow} from "../emulator/run";
import type {SampleEmulator} from "../emulator/sample";
import {DecisionSession, sampleAlignment} from "../sample/alignment";
import {ChosenOption, DecisionDay, sampleDecision} from "../sample/decision";
import {People} from "../sample/organization";
import {DefaultCriteria, pathDecision} from "../src/engine/path_decision";
import {MaxSvgBytes} from "../src/engine/svg";
import {pack} from "../src/pack";
import {choiceWords} from "../src/sync/path_rows";
import {dropTable, putRow} from "./support/alignment";
import {actionContext, docUrl, rejection, runSync, useEmulator} from "./support/emulator";

const meeting = "NsMeet001";
const metricsDoc = "Ns_Health-1";
const asOf = new Date("2026-11-24T12:00:00Z");
const sample = sampleDecision();
const [transform, parallel, hybrid] = sample.options.map(o => o.option);

const table = (env: SampleEmulator, name: string, docId = meeting) =>
  env.emulator.doc(docId)!.tables.find(t => t.name === name)!;
const setCell = (env: SampleEmulator, tableName: string, rowName: string, column: string, value: unknown) => {
  const t = table(env, tableName);
  const row = t.rows.find(r => r.values.get(t.columns[0].id) === rowName)!;
  row.values.set(t.columns.find(c => c.name === column)!.id, value as never);
};
const byName = (rows: readonly SyncedRow[]) => new Map(rows.map(r => [r.Name as string, r]));

async function pathRows(env: SampleEmulator, params: unknown[] = [meeting, undefined, undefined, asOf]) {
  const log = newLog();
  const run = await runSync(env, pack, "PathDecision", params, {log});
  return {rows: run.rows, requests: log.requests};
}

const choose = (env: SampleEmulator, params: unknown[]) =>
  executeFormulaFromPackDef(
    pack,
    "ChoosePath",
    [meeting, ...params] as coda.ParamValues<coda.ParamDefs>,
    actionContext(env),
  ) as Promise<SyncedRow>;

const brief = (env: SampleEmulator, params: unknown[]) =>
  executeFormulaFromPackDef(
    pack,
    "ExecutiveBrief",
    params as coda.ParamValues<coda.ParamDefs>,
    actionContext(env),
  ) as Promise<string>;

describe("PathDecision", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("weighs, risk-adjusts and ranks the sample's options, with the chosen path and what would flip it", async function () {
    const {rows, requests} = await pathRows(env);
    assert.deepEqual(
      rows.map(r => r.Name),
      [hybrid, transform, parallel],
    );
    const rows_ = byName(rows);
    assert.deepInclude(rows_.get(hybrid)!, {
      Pathway: "Hybrid",
      Weighted: 0.65,
      RiskProbability: 0.3,
      RiskImpact: 0.3,
      RiskLoad: 0.09,
      RiskAdjusted: 0.5915,
      Rank: 1,
      Top: true,
      Chosen: true,
      DecidedOn: DecisionDay,
      Owner: {Name: People.ceo.name, Email: People.ceo.email},
      Rationale: sample.chosen.rationale,
      FlipCriterion: "Total cost and margin impact",
      FlipChallenger: transform,
      FlipWeightFrom: 25,
    });
    assert.equal(rows_.get(hybrid)!.Decision.Name, sample.chosen.decision);
    assert.match(
      rows_.get(hybrid)!.Sensitivity,
      /^Raising the weight of "Total cost and margin impact" from 25 to 122\.6 \(\+97\.59, \+390%\) ties "Hybrid" with "Transform in place"/,
    );
    assert.deepInclude(rows_.get(transform)!, {Weighted: 0.5625, RiskAdjusted: 0.45, Rank: 2, Chosen: false});
    assert.deepInclude(rows_.get(parallel)!, {Weighted: 0.45, RiskAdjusted: 0.36, Rank: 3, Chosen: false});
    for (const r of rows) {
      assert.notProperty(r, "Findings", r.Name);
      assert.notProperty(r, "Problems", r.Name);
    }
    assert.notProperty(rows_.get(transform)!, "Sensitivity", "the sensitivity is on the top row only");
    assert.match(
      rows_.get(hybrid)!.Scores,
      /^Time to impact \(90\/180\/365 days\): 2 \(weight 20, lower is better\); Total cost and margin impact: 3 \(weight 25/,
    );
    // The engine gives the same numbers from the sample as typed.
    const engine = pathDecision({
      options: sample.options.map(o => ({name: o.option, pathway: o.pathway})),
      criteria: sample.criteria.map(c => ({name: c.criterion, weight: c.weight, better: c.better})),
      scores: sample.options.flatMap(o =>
        sample.criteria.map((c, i) => ({option: o.option, criterion: c.criterion, score: o.scores[i]})),
      ),
      risks: sample.options.map(o => ({
        option: o.option,
        risk: "r",
        probability: o.riskProbability,
        impact: o.riskImpact,
      })),
    });
    assert.deepEqual(
      engine.options.map(o => [o.name, o.weighted, o.riskAdjusted]),
      rows.map(r => [r.Name, r.Weighted, r.RiskAdjusted]),
    );
    assert.equal(requests, 4, "Options, Criteria, Decisions and Sessions: one request each");
  });

  it("is chosen on the day of the decision session, so the session recorded its decision", async function () {
    const session = sampleAlignment().sessions.find(s => s.session === DecisionSession)!;
    assert.equal(session.date, DecisionDay);
    const readiness = await runSync(env, pack, "SessionReadiness", [meeting, undefined, undefined, asOf]);
    assert.include(
      readiness.rows.find(r => r.Name === DecisionSession)!,
      {NoDecision: false},
    );
  });

  it("reports a bad cell on its own row and keeps weighing the others", async function () {
    putRow(env, meeting, "Options", {
      Option: "Outsource the platform",
      Pathway: "Vendor-run",
      "Time to impact (90/180/365 days)": "fast",
      "Total cost and margin impact": 9,
      "Durability of capability transfer": 2,
      "Risk Probability": 35,
      "Risk Impact": 0.5,
    });
    putRow(env, meeting, "Options", {Option: "hybrid", Pathway: "Hybrid"});
    const {rows} = await pathRows(env);
    const out = byName(rows).get("Outsource the platform")!;
    assert.include(out.Problems, 'Time to impact (90/180/365 days) holds text ("fast"), not a number.');
    assert.include(out.Problems, '"Total cost and margin impact" is scored 9: scores run from 1 to 5');
    assert.include(out.Problems, "Risk Probability must be between 0 and 1 (0–100%): 35 looks like 35%, so use 0.35");
    assert.include(out.Findings, '"Outsource the platform" has no score on "Time to impact (90/180/365 days)"');
    assert.equal(out.Pathway, "Outsource", "vendor-run reads as outsourcing");
    assert.isNumber(out.Rank);
    const twice = rows.find(r => r.Name === "hybrid")!;
    assert.include(twice.Problems, '"hybrid" is listed twice: only the first row is weighed');
    assert.notProperty(twice, "Rank");
    assert.include(byName(rows).get(hybrid)!, {Rank: 1, Chosen: true});
    assert.notProperty(byName(rows).get(hybrid)!, "Problems");
  });

  it("takes the choice ChoosePath recorded over a later decision that only mentions an option, and none dated after asOf", async function () {
    putRow(env, meeting, "Decisions", {Decision: choiceWords(transform), Owner: [People.ceo], Date: "2026-11-12"});
    putRow(env, meeting, "Decisions", {
      Decision: "Hybrid work days for the support team",
      Owner: [People.ceo],
      Date: "2026-11-20",
    });
    putRow(env, meeting, "Decisions", {Decision: choiceWords(parallel), Owner: [People.ceo], Date: "2026-12-01"});
    const rows = byName((await pathRows(env)).rows);
    assert.include(rows.get(transform)!, {Chosen: true, DecidedOn: "2026-11-12"});
    assert.include(rows.get(hybrid)!, {Chosen: false});
    assert.include(rows.get(parallel)!, {Chosen: false}, "a decision after the as-of day is not yet made");
  });

  it("finds a path chosen against its ranking without a rationale, and a held session with no path", async function () {
    putRow(env, meeting, "Decisions", {
      Decision: "Go with the parallel model after all",
      Owner: [People.ceo],
      Date: "2026-11-17",
    });
    let rows = byName((await pathRows(env)).rows);
    assert.include(rows.get(parallel)!, {Chosen: true, Rank: 3});
    assert.equal(
      rows.get(parallel)!.Findings,
      '"Parallel model" was chosen though it ranks 3 of 3, behind "Hybrid": record the rationale.',
    );
    assert.include(rows.get(hybrid)!, {Chosen: false, Top: true});

    const decisions = table(env, "Decisions");
    decisions.rows = decisions.rows.filter(
      r => !/hybrid|parallel/i.test(String(r.values.get(decisions.columns[0].id))),
    );
    rows = byName((await pathRows(env)).rows);
    assert.equal(
      rows.get(hybrid)!.Findings,
      "No path chosen: the session ends with a decision. Record the chosen option.",
    );
    const before = byName(
      (await pathRows(env, [meeting, undefined, undefined, new Date("2026-11-02T12:00:00Z")])).rows,
    );
    assert.notProperty(before.get(hybrid)!, "Findings", "no decision is due before the session");
  });

  it("weighs on the six default criteria when the doc has no Criteria table, and says which columns name none", async function () {
    dropTable(env, meeting, "Criteria");
    const {rows} = await pathRows(env);
    const engine = pathDecision({
      options: sample.options.map(o => ({name: o.option})),
      scores: sample.options.flatMap(o =>
        DefaultCriteria.map((c, i) => ({option: o.option, criterion: c.name, score: o.scores[i]})),
      ),
      risks: sample.options.map(o => ({
        option: o.option,
        risk: "r",
        probability: o.riskProbability,
        impact: o.riskImpact,
      })),
    });
    assert.deepEqual(
      rows.map(r => [r.Name, r.Weighted, r.RiskAdjusted, r.Rank]),
      engine.options.map(o => [o.name, o.weighted, o.riskAdjusted, o.rank]),
    );
    assert.match(rows[0].Scores, /Total cost and margin impact: 3 \(weight 20, lower is better\)/);

    // A column renamed away from its criterion: a short name that starts it still reads; an unrelated one is said.
    const options = table(env, "Options");
    options.columns.find(c => c.name === "Time to impact (90/180/365 days)")!.name = "Time to impact";
    options.columns.find(c => c.name === "Talent model viability")!.name = "People fit";
    const renamed = (await pathRows(env)).rows;
    assert.match(renamed[0].Scores, /^Time to impact \(90\/180\/365 days\): 2 /);
    assert.include(renamed[0].Problems, 'Options has no column for "Talent model viability"');
    assert.include(renamed[0].Problems, '"People fit" in Options names no criterion: add a Criteria table naming it');
  });

  it("reads names in any script, for options, criteria and the decision that names the option", async function () {
    setCell(env, "Options", hybrid, "Option", "混合モデル");
    const criteria = table(env, "Criteria");
    criteria.rows[0].values.set(criteria.columns[0].id, "Время до эффекта");
    table(env, "Options").columns.find(c => c.name === "Time to impact (90/180/365 days)")!.name = "ВРЕМЯ ДО ЭФФЕКТА";
    putRow(env, meeting, "Decisions", {Decision: "決定：混合モデルで進める", Owner: [People.ceo], Date: "2026-11-12"});
    const rows = byName((await pathRows(env)).rows);
    assert.include(rows.get("混合モデル")!, {Rank: 1, Chosen: true, Weighted: 0.65, DecidedOn: "2026-11-12"});
    assert.match(rows.get("混合モデル")!.Scores, /^Время до эффекта: 2 \(weight 20, lower is better\)/);
    assert.notProperty(rows.get("混合モデル")!, "Problems");
  });
});

describe("ChoosePath", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });
  const streams = ["Partner platform: tom@northstar.example.com", "Core platform: HANA@northstar.example.com"];

  it("records the choice with the alternatives' scores as PathDecision shows them, and a retry never adds a second row", async function () {
    const before = table(env, "Decisions").rows.length;
    const params = [
      ChosenOption,
      People.ceo.email,
      undefined,
      "Beta partners wait",
      "Fewer than five partners live",
      streams,
      "2026-11-10",
    ];
    const first = await choose(env, params);
    env.emulator.applyDueMutations();
    const again = await choose(env, params);
    env.emulator.applyDueMutations();
    assert.equal(table(env, "Decisions").rows.length, before + 1);
    assert.equal(again.Id, first.Id);
    assert.include(first, {
      Name: choiceWords(ChosenOption),
      Lane: "Coordinated",
      Date: "2026-11-10",
      Rationale:
        'Ranks first of 3 on the risk-adjusted score (59%), ahead of "Transform in place" (45%). Workstream owners: Partner platform — tom@northstar.example.com; Core platform — hana@northstar.example.com.',
      RejectedAlternatives:
        "Transform in place (rank 2, score 56%, risk-adjusted 45%); Parallel model (rank 3, score 45%, risk-adjusted 36%)",
      Assumptions: "Beta partners wait",
      FailureConditions: "Fewer than five partners live",
    });
    assert.deepEqual(first.Owner, {Name: People.ceo.name, Email: People.ceo.email});
    const synced = await runSync(env, pack, "Decisions", [meeting, undefined, undefined, asOf]);
    assert.deepEqual(
      synced.rows.find(r => r.Id === first.Id),
      first,
      "the action returns the row as the Decisions sync shows it",
    );
    // The numbers it wrote are the PathDecision rows' numbers.
    const rows = byName((await pathRows(env)).rows);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    assert.include(
      first.RejectedAlternatives,
      `score ${pct(rows.get(transform)!.Weighted)}, risk-adjusted ${pct(rows.get(transform)!.RiskAdjusted)}`,
    );
  });

  it("refuses an unknown option with the nearest name, an option below the top without a rationale, and a bad workstream owner, writing nothing", async function () {
    const before = table(env, "Decisions").rows.length;
    const unknown = await rejection(choose(env, ["Hybird", People.ceo.email]));
    assert.equal(
      unknown.message,
      'Nothing was written: "Hybird" is not one of the options in Options; did you mean "Hybrid"?',
    );
    const below = await rejection(choose(env, [parallel, People.ceo.email]));
    assert.equal(
      below.message,
      'Nothing was written: "Parallel model" ranks 3 of 3, behind "Hybrid". Give the rationale for choosing it.',
    );
    const stream = await rejection(
      choose(env, [hybrid, People.ceo.email, undefined, undefined, undefined, ["Platform tom"]]),
    );
    assert.match(
      stream.message,
      /^Nothing was written: workstream owner "Platform tom" is not of the form "Workstream: owner email"/,
    );
    assert.equal(table(env, "Decisions").rows.length, before);

    const chosen = await choose(env, [
      parallel,
      People.ceo.email,
      "Partners asked for a separate contract",
      undefined,
      undefined,
      undefined,
      "2026-11-20",
    ]);
    assert.equal(chosen.Rationale, "Partners asked for a separate contract");
    const rows = byName((await pathRows(env)).rows);
    assert.include(rows.get(parallel)!, {Chosen: true, DecidedOn: "2026-11-20"});
    assert.notProperty(rows.get(parallel)!, "Findings", "the rationale is recorded");
  });
});

describe("Roadmap", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  const start = new Date("2026-11-24T12:00:00Z");
  const roadmap = async (at = asOf) => {
    const log = newLog();
    const run = await runSync(env, pack, "Roadmap", [meeting, start, undefined, undefined, at], {log});
    return {rows: run.rows, requests: log.requests};
  };

  it("places each milestone in the 13 weeks and the 12 months, with its gates, and draws the year", async function () {
    const {rows, requests} = await roadmap();
    const [head, ...milestones] = rows;
    assert.equal(head.Id, `${meeting}/roadmap`);
    assert.include(head, {Kind: "Roadmap", Name: "Roadmap: 12 months from 2026-11-24"});
    assert.equal(head.Cadence, "Week 1 (2026-11-24 to 2026-11-30): Weekly operating review: nothing due.");
    assert.equal(head.Blueprint.split("\n").length, 13);
    assert.include(
      head.Blueprint,
      "Week 9 (2027-01-19 to 2027-01-25): Weekly operating review: 1 due — Partner API general availability (Tom Okafor). Monthly executive review.",
    );
    assert.match(head.Picture, /^data:image\/svg\+xml;supportsDarkMode=1;base64,/);
    assert.isAtMost(Buffer.from(head.Picture.split(",")[1], "base64").length, MaxSvgBytes);
    assert.equal(
      head.Findings,
      "Gates loop: Enterprise pricing tiers → Enterprise onboarding playbook → Enterprise pricing tiers. Drop one of them.",
    );
    assert.lengthOf(milestones, sampleAlignment().milestones.length);
    const m = byName(milestones);
    assert.deepInclude(m.get("Partner API general availability")!, {
      Week: 9,
      Month: 2,
      Workstream: "Product",
      Owner: {Name: People.product.name, Email: People.product.email},
      Due: "2027-01-20",
      Late: false,
      Blocked: false,
      WaitsOn: "Partners building on the beta, p95 query latency in ms",
    });
    assert.include(m.get("Enterprise pricing tiers")!, {Week: 7, Blocked: true, BlockedBy: "a loop of gates"});
    assert.include(
      m.get("Enterprise pricing tiers")!.Findings,
      '"Enterprise pricing tiers" waits on "Enterprise onboarding playbook", but "Enterprise onboarding playbook" is due 2027-01-10',
    );
    assert.include(m.get("Partner certification program")!, {Week: 12, Month: 3});
    assert.equal(requests, 2, "Milestones and Dependencies: one request each");
  });

  it("turns a late milestone into a blocked one downstream as the days pass", async function () {
    const {rows} = await roadmap(new Date("2026-12-10T12:00:00Z"));
    const m = byName(rows);
    assert.include(m.get("Capacity audit finished")!, {Late: true, DaysLate: 5, Week: 2});
    assert.include(m.get("Hosting contract renewed")!, {
      Blocked: true,
      BlockedBy: "Capacity audit finished",
      Late: false,
    });
    assert.match(
      rows[0].Cadence,
      /^Week 3 \(2026-12-08 to 2026-12-14\): Weekly operating review: nothing due; 1 carried from earlier weeks — Capacity audit finished\./,
    );
  });

  it("reports a bad date and a missing owner on their own rows", async function () {
    putRow(env, meeting, "Milestones", {Milestone: "Partner pricing page", Team: "Marketing", Due: "03/04/2027"});
    const m = byName((await roadmap()).rows);
    const page = m.get("Partner pricing page")!;
    assert.include(page.Problems, '"03/04/2027" reads as two days');
    assert.include(page.Findings, '"Partner pricing page" has no owner: name the one person accountable.');
    assert.include(page.Findings, '"Partner pricing page" has no due day: give it one.');
    assert.notProperty(page, "Week");
    assert.notProperty(m.get("Capacity audit finished")!, "Problems");
  });
});

describe("ExecutiveBrief", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});

  it("builds one page from the docs, every number as the sync tables show it", async function () {
    const md = await brief(env, [meeting, metricsDoc, undefined, asOf]);
    assert.isBelow(md.length, 8000);
    assert.match(md, /^# Executive decision brief: Hybrid\n/);

    const path = byName((await pathRows(env)).rows);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const h = path.get(hybrid)!;
    assert.include(
      md,
      `**Chosen:** Hybrid — score ${pct(h.Weighted)}, risk-adjusted ${pct(h.RiskAdjusted)}. Accountable owner: ${People.ceo.name}.`,
    );
    const t = path.get(transform)!;
    assert.include(
      md,
      `- Transform in place — score ${pct(t.Weighted)}, risk-adjusted ${pct(t.RiskAdjusted)}: too slow for the partners waiting on the API`,
    );
    assert.include(md, `**Why:** ${sample.chosen.rationale}`);
    assert.include(
      md,
      "**Failure conditions:** Fewer than five partners live by the end of Q1; Gross margin still under 65% in February.",
    );

    const metrics = await runSync(env, pack, "HealthMetrics", [
      docUrl(metricsDoc),
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    const margin = metrics.rows.find(r => r.Name === "Gross margin")!;
    assert.include(
      md,
      `| Gross margin | Finance, in %, weekly; latest ${margin.Latest} on ${margin.LatestDate} (${margin.Status}) | — | ${margin.GreenAt} | ${margin.RedAt} | Grace Mbeki |`,
    );

    const roadmap = await runSync(env, pack, "Roadmap", [meeting, asOf, undefined, undefined, asOf]);
    for (const r of roadmap.rows.slice(1).filter(x => x.Week !== undefined)) {
      assert.include(md, `| ${r.Week} | ${r.Name}${r.Blocked ? " (blocked)" : ""} | ${r.OwnerName} | ${r.Due} |`);
    }
    // Later in the plan, with the plan's own day 1: the same weeks as the Roadmap table, late ones included.
    const later = new Date("2026-12-10T12:00:00Z");
    const md2 = await brief(env, [meeting, metricsDoc, undefined, later, asOf]);
    const plan2 = await runSync(env, pack, "Roadmap", [meeting, asOf, undefined, undefined, later]);
    const weeks = plan2.rows.slice(1).filter(x => x.Week !== undefined);
    assert.isNotEmpty(weeks);
    for (const r of weeks) {
      const state = r.Late ? " (late)" : r.Blocked ? " (blocked)" : "";
      assert.include(md2, `| ${r.Week} | ${r.Name}${state} | ${r.OwnerName} | ${r.Due} |`);
    }
    assert.isTrue(
      weeks.some(r => r.Late),
      "a late milestone keeps its week",
    );

    const risks = await runSync(env, pack, "Risks", [
      meeting,
      docUrl(metricsDoc),
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    const marginRisk = risks.rows.find(r => r.Name.startsWith("Margin stays under"))!;
    assert.include(
      md,
      `| ${marginRisk.Name} | ${marginRisk.Likelihood} of 5 | ${marginRisk.Impact} of 5 | ${marginRisk.Mitigation} | Grace Mbeki | Gross margin \\< 65 (${marginRisk.TriggerState}) |`,
    );

    const charter = await runSync(env, pack, "Charter", [meeting]);
    const platform = charter.rows
      .filter(r => r.Question === "Risk tolerance" && r.Subject === "Platform")
      .map(r => r.Tolerance);
    assert.include(md, `Platform ${Math.min(...platform)}–${Math.max(...platform)}`);
    assert.include(md, "- Red line: No release skips the security review (Hana Sato)");
    assert.include(
      md,
      "- Review: Publish the partner API docs before general availability (due 2026-11-17; a failure condition is met) — Tom Okafor",
    );
    assert.include(md, "- Gross margin under 65% until the hosting contract is renewed (of Grace Mbeki)");
  });

  it("says in one line what a doc without the sessions' tables lacks", async function () {
    const md = await brief(env, ["NsLead001", undefined, undefined, asOf]);
    for (const said of [
      "No path chosen yet.",
      "No success metrics defined yet.",
      "No constraints or risk appetite recorded yet.",
      "No 90-day milestones yet.",
      "No risks recorded yet.",
      "No decisions or asks recorded.",
    ]) {
      assert.include(md, `\n${said}\n`);
    }
  });
});

describe("the decision sessions' tables imported as text", function () {
  this.timeout(60_000);
  let dir: string;
  const env = useEmulator(() => {
    dir = mkdtempSync(join(tmpdir(), "decision-"));
    const doc = join(dir, "Path session");
    mkdirSync(doc);
    const csv = (rows: string[][]) =>
      rows.map(r => r.map(v => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n");
    const names = sample.criteria.map(c => c.criterion);
    writeFileSync(
      join(doc, "Options.csv"),
      csv([
        ["Option", "Pathway", ...names, "Risk Probability", "Risk Impact"],
        ...sample.options.map(o => [
          o.option,
          o.pathway,
          ...o.scores.map(String),
          `${Math.round(o.riskProbability * 100)}%`,
          `${Math.round(o.riskImpact * 100)}%`,
        ]),
      ]),
    );
    writeFileSync(
      join(doc, "Criteria.csv"),
      csv([["Criterion", "Weight", "Better"], ...sample.criteria.map(c => [c.criterion, String(c.weight), c.better])]),
    );
    writeFileSync(
      join(doc, "Decisions.csv"),
      csv([
        ["Decision", "Owner", "Date", "Rationale"],
        [sample.chosen.decision, `${People.ceo.name} <${People.ceo.email}>`, "10 Nov 2026", sample.chosen.rationale],
      ]),
    );
    writeFileSync(
      join(doc, "Milestones.csv"),
      csv([
        ["Milestone", "Team", "Owner", "Due", "Status"],
        ["Partner team staffed", "People", "Sam Whitaker", "2026-12-18", "On track"],
        ["Partner API general availability", "Product", "tom@northstar.example.com", "Jan 20, 2027", "Blocked"],
      ]),
    );
    writeFileSync(
      join(doc, "Dependencies.csv"),
      csv([
        ["Item", "Depends On"],
        ["Partner API general availability", "Partner team staffed"],
      ]),
    );
    return {from: dir, validate: true};
  });
  after(function () {
    rmSync(dir, {recursive: true, force: true});
  });

  it("gives the same scores, choice and plan from text columns", async function () {
    const docId = env.csvDocs[0].id;
    const {rows} = await pathRows(env, [docId, undefined, undefined, asOf]);
    assert.deepEqual(
      rows.map(r => [r.Name, r.Weighted, r.RiskAdjusted, r.Rank, r.Chosen]),
      [
        [hybrid, 0.65, 0.5915, 1, true],
        [transform, 0.5625, 0.45, 2, false],
        [parallel, 0.45, 0.36, 3, false],
      ],
    );
    assert.equal(rows[0].DecidedOn, DecisionDay);
    const plan = byName(
      (await runSync(env, pack, "Roadmap", [docId, new Date("2026-11-24T12:00:00Z"), undefined, undefined, asOf])).rows,
    );
    assert.include(plan.get("Partner team staffed")!, {Week: 4, OwnerName: "Sam Whitaker"});
    assert.notProperty(plan.get("Partner team staffed")!, "Owner", "a name without an email is no person");
    assert.include(plan.get("Partner API general availability")!, {Week: 9, Blocked: true, Due: "2027-01-20"});
    assert.equal(plan.get("Partner API general availability")!.Owner.Email, "tom@northstar.example.com");
    const md = await brief(env, [docId, undefined, undefined, asOf]);
    assert.include(md, "**Chosen:** Hybrid — score 65%, risk-adjusted 59%. Accountable owner: Maya Lindqvist.");
    assert.include(md, "| 4 | Partner team staffed | Sam Whitaker | 2026-12-18 |");
  });
});
