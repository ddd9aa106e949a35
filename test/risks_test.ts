import {assert} from "chai";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator} from "../emulator/sample";
import {MetricsAsOf} from "../sample/health";
import {NextMeeting} from "../sample/meetings";
import {RiskTable} from "../src/sync/risks";
import {pack} from "../src/pack";
import {dropTable, putRow} from "./support/alignment";
import {docUrl, rejection, runSync} from "./support/emulator";

const asOf = new Date(`${NextMeeting}T08:00:00Z`);

describe("the Risks sync table over HTTP", function () {
  this.timeout(30_000);
  let env: SampleEmulator;
  let meeting: string;
  let metrics: string;
  let teams: string[];
  beforeEach(async function () {
    env = await startSampleEmulator({validate: true});
    meeting = docUrl(env.seeded.meetingDocId!);
    metrics = docUrl(env.seeded.metricsDocId!);
    teams = env.seeded.teamDocIds.map(docUrl);
  });
  afterEach(async function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    await env.stop();
  });

  it("judges each trigger on live metrics and key results: fired, armed, unreadable", async function () {
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    assert.lengthOf(run.rows, 5);
    const margin = by.get("Margin stays under the red line into next year")!;
    assert.include(margin, {TriggerState: "Fired", Hot: true, Score: 16, MitigationOwner: "Grace Mbeki"});
    assert.match(margin.TriggerReading, /^Gross margin is [\d.]+%: met \(< 65\)$/);
    assert.include(by.get("Runway shortens if the enterprise push stalls")!, {TriggerState: "Armed", Hot: false});
    assert.include(by.get("Partners build on a rival platform")!, {TriggerState: "Armed", TriggerReading: "Partners building on the beta confidence is 30%: not met (< 25%)"});
    const attrition = by.get("Senior engineers leave after the reorganization")!;
    assert.include(attrition, {TriggerState: "Unknown", Hot: false});
    assert.equal(attrition.TriggerError, 'The trigger cannot be read. At character 27: expected a whole number of weeks from 1 to 52, found "for".');
    assert.equal(attrition.Findings, "No mitigation owner: name the seat or person who owns the mitigation.");
    const support = by.get("Slow support answers cost renewals")!;
    assert.include(support, {TriggerState: "No trigger", ReviewOverdue: true});
    assert.equal(support.Findings, "No trigger: say what live number tells you the risk is happening. Review overdue since 2026-11-10.");
  });

  it("judges triggers on the readings up to its day only", async function () {
    const run = await runSync(env, pack, "Risks", [meeting, metrics, undefined, undefined, undefined, new Date("2026-03-02T08:00:00Z")]);
    const margin = run.rows.find(r => r.Name.startsWith("Margin"))!;
    assert.include(margin, {TriggerState: "Armed", Hot: false});
    assert.match(margin.TriggerReading, /^Gross margin is (6[5-9]|7\d)(\.\d)?%: not met/);
  });

  it("names a metric or key result that does not exist, with the nearest name, on the row", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {Risk: "Typo in a metric", Trigger: "Cash runwy < 6", "Review Date": "2027-01-01"});
    putRow(env, docId, RiskTable, {Risk: "Typo in a key result", Trigger: 'KR "Partners on the beta" confidence < 0.5', "Review Date": "2027-01-01"});
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    assert.include(by.get("Typo in a metric")!, {TriggerState: "Unknown", TriggerError: 'No health metric is named "Cash runwy"; did you mean "Cash runway"?'});
    assert.include(by.get("Typo in a key result")!, {TriggerState: "Unknown", TriggerError: 'No key result is named "Partners on the beta"; did you mean "Partners building on the beta"?'});
  });

  it("reports bad cells on their rows, never dropping one", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {Risk: "Bad scores", Likelihood: "high", Impact: 9, Trigger: "KR KR10 confidence < 40", "Review Date": "soon", "Mitigation Owner": {name: "Sam Whitaker", email: "sam@northstar.example.com"}});
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    assert.lengthOf(run.rows, 6);
    const bad = run.rows.find(r => r.Name === "Bad scores")!;
    assert.equal(bad.Problems, 'Likelihood holds text ("high"), not a number. Impact is 9: give a whole number from 1 to 5. Review Date holds "soon", not a date.');
    assert.notProperty(bad, "Score");
    assert.include(bad, {TriggerState: "Unknown"});
    assert.match(bad.TriggerError, /^The trigger cannot be read\. At character 22: A key result's confidence must be between 0 and 1 \(0–100%\): 40 looks like 40%/);
  });

  it("reads only the docs its triggers need, and says when a trigger's doc is not given", async function () {
    env.emulator.resetStats();
    const run = await runSync(env, pack, "Risks", [meeting, undefined, undefined, undefined, undefined, asOf]);
    assert.equal(env.emulator.stats.requests, 1, "without metrics or team docs, only the register is read");
    const margin = run.rows.find(r => r.Name.startsWith("Margin"))!;
    assert.include(margin, {TriggerState: "Unknown"});
    assert.match(margin.TriggerError, /names a metric, but the sync names no metrics doc: give it the metricsDoc parameter/);
  });

  it("fails with the fix when the doc has no risk register", async function () {
    dropTable(env, env.seeded.meetingDocId!, RiskTable);
    const error = await rejection(runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, new Date(`${MetricsAsOf}T08:00:00Z`)]));
    assert.match(error.message, /has no table named "Risks"/);
  });
});
