import {assert} from "chai";
import {MetricsAsOf} from "../sample/health";
import {NextMeeting, sampleMeetings} from "../sample/meetings";
import {RiskTable} from "../src/sync/tables";
import {pack} from "../src/pack";
import {dropTable, putRow} from "./support/alignment";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";

const asOf = new Date(`${NextMeeting}T08:00:00Z`);

describe("the Risks sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let meeting: string;
  let metrics: string;
  let teams: string[];
  beforeEach(function () {
    meeting = docUrl(env.seeded.meetingDocId!);
    metrics = docUrl(env.seeded.metricsDocId!);
    teams = env.seeded.teamDocIds.map(docUrl);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("judges each trigger on live metrics and key results: fired, armed, unreadable", async function () {
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    assert.lengthOf(run.rows, 5);
    const margin = by.get("Margin stays under the red line into next year")!;
    assert.include(margin, {
      TriggerState: "Fired",
      Hot: true,
      Score: 16,
      MitigationOwner: "Grace Mbeki",
      MitigationHolder: "Grace Mbeki (Finance, Operations)",
    });
    assert.match(margin.TriggerReading, /^Gross margin is [\d.]+%: met \(< 65\)$/);
    const runway = by.get("Runway shortens if the enterprise push stalls")!;
    assert.include(
      runway,
      {TriggerState: "Armed", Hot: false, MitigationOwner: "Finance", MitigationHolder: "Grace Mbeki (Finance)"},
      "a seat named in words resolves to its holder",
    );
    assert.notProperty(runway, "Findings");
    const partners = by.get("Partners build on a rival platform")!;
    assert.include(partners, {
      TriggerState: "Armed",
      TriggerReading: "Partners building on the beta confidence is 30%: not met (< 25%)",
    });
    assert.equal(
      partners.Findings,
      "Aisha Rahman holds no seat in the Seats table: give the work to a seat, or add Aisha Rahman's seat.",
    );
    assert.notProperty(partners, "MitigationHolder");
    const attrition = by.get("Senior engineers leave after the reorganization")!;
    assert.include(attrition, {TriggerState: "Unknown", Hot: false});
    assert.equal(
      attrition.TriggerError,
      'The trigger cannot be read. At character 27: expected a whole number of weeks from 1 to 52, found "for". Drop "for": Regretted attrition rises 3 weeks',
    );
    assert.equal(attrition.Findings, "No mitigation owner: name the seat or person who owns the mitigation.");
    const support = by.get("Slow support answers cost renewals")!;
    assert.include(support, {TriggerState: "No trigger", ReviewOverdue: true});
    assert.equal(
      support.Findings,
      "No trigger: say what live number tells you the risk is happening. Review overdue since 2026-11-10.",
    );
  });

  it("judges triggers on the readings up to its day only", async function () {
    const run = await runSync(env, pack, "Risks", [
      meeting,
      metrics,
      undefined,
      undefined,
      undefined,
      new Date("2026-03-02T08:00:00Z"),
    ]);
    const margin = run.rows.find(r => r.Name.startsWith("Margin"))!;
    assert.include(margin, {TriggerState: "Armed", Hot: false});
    assert.match(margin.TriggerReading, /^Gross margin is (6[5-9]|7\d)(\.\d)?%: not met/);
  });

  it("names a metric or key result that does not exist, with the nearest name, on the row", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {Risk: "Typo in a metric", Trigger: "Cash runwy < 6", "Review Date": "2027-01-01"});
    putRow(env, docId, RiskTable, {
      Risk: "Typo in a key result",
      Trigger: 'KR "Partners on the beta" confidence < 0.5',
      "Review Date": "2027-01-01",
    });
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    assert.include(by.get("Typo in a metric")!, {
      TriggerState: "Unknown",
      TriggerError: 'No health metric is named "Cash runwy"; did you mean "Cash runway"?',
    });
    assert.include(by.get("Typo in a key result")!, {
      TriggerState: "Unknown",
      TriggerError: 'No key result is named "Partners on the beta"; did you mean "Partners building on the beta"?',
    });
  });

  it("reports bad cells on their rows, never dropping one", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {
      Risk: "Bad scores",
      Likelihood: "high",
      Impact: 9,
      Trigger: "KR KR10 confidence < 40",
      "Review Date": "soon",
      "Mitigation Owner": {name: "Sam Whitaker", email: "sam@northstar.example.com"},
    });
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    assert.lengthOf(run.rows, 6);
    const bad = run.rows.find(r => r.Name === "Bad scores")!;
    assert.equal(
      bad.Problems,
      'Likelihood holds text ("high"), not a number. Impact is 9: give a whole number from 1 to 5. Review Date holds "soon", not a date: write it as YYYY-MM-DD.',
    );
    assert.notProperty(bad, "Score");
    assert.include(bad, {TriggerState: "Unknown"});
    assert.match(
      bad.TriggerError,
      /^The trigger cannot be read\. At character 22: A key result's confidence must be between 0 and 1 \(0–100%\): 40 looks like 40%/,
    );
  });

  it("reads only the docs its triggers need, and says when a trigger's doc is not given", async function () {
    env.emulator.resetStats();
    const run = await runSync(env, pack, "Risks", [meeting, undefined, undefined, undefined, undefined, asOf]);
    assert.equal(
      env.emulator.stats.requests,
      3,
      "without metrics or team docs, only the register, the Seats table and the doc's list of tables (does the meeting doc hold the metrics?) are read",
    );
    const margin = run.rows.find(r => r.Name.startsWith("Margin"))!;
    assert.include(margin, {TriggerState: "Unknown"});
    assert.match(
      margin.TriggerError,
      /names a metric, but the sync names no metrics doc: give it the metricsDoc parameter/,
    );
  });

  it("judges mitigation owners by seat: a seat by name, a holder by email, an empty seat, a person with no seat", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {
      Risk: "Audit finds gaps",
      Trigger: "Cash runway < 6",
      "Review Date": "2027-01-01",
      "Mitigation Owner": "Security and Compliance",
    });
    putRow(env, docId, RiskTable, {
      Risk: "Hosting bill doubles",
      Trigger: "Cash runway < 6",
      "Review Date": "2027-01-01",
      "Mitigation Owner": {name: "G. Mbeki", email: "grace@northstar.example.com"},
    });
    putRow(env, docId, RiskTable, {
      Risk: "On-call burnout",
      Trigger: "Cash runway < 6",
      "Review Date": "2027-01-01",
      "Mitigation Owner": [
        {name: "Mateo Silva", email: "mateo@northstar.example.com"},
        {name: "Hana Sato", email: "hana@northstar.example.com"},
      ],
    });
    const run = await runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    const audit = by.get("Audit finds gaps")!;
    assert.equal(audit.Findings, "The seat Security and Compliance is empty: nobody owns this mitigation.");
    assert.notProperty(audit, "MitigationHolder");
    const hosting = by.get("Hosting bill doubles")!;
    assert.include(
      hosting,
      {MitigationOwner: "G. Mbeki", MitigationHolder: "Grace Mbeki (Finance, Operations)"},
      "a holder is found by email when the name differs",
    );
    assert.notProperty(hosting, "Findings");
    const oncall = by.get("On-call burnout")!;
    assert.include(oncall, {MitigationOwner: "Mateo Silva, Hana Sato", MitigationHolder: "Hana Sato (Engineering)"});
    assert.equal(
      oncall.Findings,
      "Mateo Silva holds no seat in the Seats table: give the work to a seat, or add Mateo Silva's seat.",
    );
  });

  describe("in a doc without a Seats table", function () {
    // This describe's own emulator: the sample without its meeting discipline tables, Seats among them.
    const env = useEmulator(() => ({validate: true, meetings: {...sampleMeetings(), discipline: undefined}}));
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("judges no mitigation owner by seat in a doc without a Seats table", async function () {
      const run = await runSync(env, pack, "Risks", [
        docUrl(env.seeded.meetingDocId!),
        docUrl(env.seeded.metricsDocId!),
        env.seeded.teamDocIds.map(docUrl),
        undefined,
        undefined,
        asOf,
      ]);
      assert.lengthOf(run.rows, 5);
      assert.isFalse(
        run.rows.some(r => /holds no seat|is empty/.test(r.Findings ?? "")),
        "no owner is judged by seat",
      );
      assert.isFalse(run.rows.some(r => "MitigationHolder" in r));
      assert.notProperty(
        run.rows.find(r => r.Name === "Partners build on a rival platform")!,
        "Findings",
      );
      assert.include(
        run.rows.find(r => r.Name.startsWith("Runway"))!,
        {MitigationOwner: "Finance"},
      );
    });
  });

  it("never fails the agenda over a register it cannot read; the Risks sync table says what is missing", async function () {
    const before = await runSync(env, pack, "MeetingAgenda", [meeting, asOf, 90, teams, metrics]);
    assert.isTrue(
      before.rows.some(r => r.Name.startsWith("Risk fired")),
      "the sample's fired risk is on the agenda",
    );
    const register = env.emulator.doc(env.seeded.meetingDocId!)!.tables.find(t => t.name === RiskTable)!;
    register.columns.find(c => c.name === "Risk")!.name = "Hazard";
    const agenda = await runSync(env, pack, "MeetingAgenda", [meeting, asOf, 90, teams, metrics]);
    assert.equal(
      agenda.rows.reduce((n, r) => n + r.Minutes, 0),
      90,
    );
    assert.isFalse(agenda.rows.some(r => r.Name.startsWith("Risk fired")));
    const error = await rejection(runSync(env, pack, "Risks", [meeting, metrics, teams, undefined, undefined, asOf]));
    assert.match(error.message, /The table Risks has no column for Name/);
  });

  it("says what a risk register would give when the doc has none, and fails with the fix when a named one is missing", async function () {
    dropTable(env, env.seeded.meetingDocId!, RiskTable);
    const hint = await runSync(env, pack, "Risks", [
      meeting,
      metrics,
      teams,
      undefined,
      undefined,
      new Date(`${MetricsAsOf}T08:00:00Z`),
    ]);
    assert.deepEqual(
      hint.rows.map(r => r.Name),
      ["Add a Risks table (tier 4) to see risks whose live triggers have fired."],
    );
    const error = await rejection(
      runSync(env, pack, "Risks", [
        meeting,
        metrics,
        teams,
        "Risk Register",
        undefined,
        new Date(`${MetricsAsOf}T08:00:00Z`),
      ]),
    );
    assert.match(error.message, /has no table named "Risk Register"/);
  });
});
