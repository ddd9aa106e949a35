import type * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {DecisionSession, NextSession} from "../sample/alignment";
import {NextMeeting, sampleMeetings} from "../sample/meetings";
import {day, isoDay} from "../src/engine/calendar";
import {executiveProgram} from "../src/engine/cadence";
import type {SessionFacts} from "../src/engine/sessions";
import type {Seat} from "../src/engine/seats";
import {isDecisionSession, preworkDue, sessionReadiness} from "../src/engine/sessions";
import {pack} from "../src/pack";
import {putRow} from "./support/alignment";
import {docUrl, runSync, useEmulator} from "./support/emulator";
import {SessionTables} from "../src/sync/tables";

const session = (over: Partial<SessionFacts>): SessionFacts => ({
  name: "Select the path",
  kind: "Decision",
  date: day("2026-12-08"),
  requiredSeats: ["CEO", "CFO"],
  confirmed: ["CEO", "CFO"],
  expectedOutputs: ["Selected path"],
  deliveredOutputs: [],
  prework: [],
  decisions: 0,
  ...over,
});

describe("executive sessions: readiness", function () {
  it("dues pre-work five business days before, skipping the weekend", function () {
    assert.equal(isoDay(preworkDue(day("2026-12-08"))), "2026-12-01");
    assert.equal(isoDay(preworkDue(day("2026-12-07"))), "2026-11-30");
    assert.equal(isoDay(preworkDue(day("2026-12-08"), 2)), "2026-12-04");
  });

  it("before a session: missing pre-work and from whom, late pre-work, unconfirmed seats", function () {
    const r = sessionReadiness(
      session({
        prework: [
          {input: "Margin plan", from: "Grace", received: false},
          {input: "Hiring plan", received: false, due: day("2026-11-20")},
          {input: "API plan", from: "Tom", received: true},
        ],
        confirmed: ["ceo"],
      }),
      day("2026-11-24"),
    );
    assert.include(r, {upcoming: true, ready: false, preworkOverdue: true});
    assert.deepEqual(r.missingPrework, ["Margin plan (from Grace)", "Hiring plan (from nobody named)"]);
    assert.deepEqual(r.unconfirmedSeats, ["CFO"]);
    assert.equal(isoDay(r.preworkDue!), "2026-12-01");
    assert.deepEqual(r.findings, [
      "Pre-work missing: Margin plan (from Grace); Hiring plan (from nobody named) — past its due date.",
      "Seats not confirmed: CFO. Without them the session degrades fast.",
    ]);
    assert.deepInclude(sessionReadiness(session({}), day("2026-11-24")), {ready: true, findings: []});
    assert.deepInclude(sessionReadiness(session({requiredSeats: []}), day("2026-11-24")), {
      ready: false,
      findings: ["No required seats named: say who must attend."],
    });
  });

  it("with seats: takes the executive-session seats when none are named, confirms by seat or holder, names an empty seat and a seat that does not exist", function () {
    const seats: Seat[] = [
      {
        name: "Chief Executive",
        person: {name: "Ann Lee", email: "ann@x.example"},
        responsibilities: [],
        requiredIn: ["Weekly", "Executive session"],
      },
      {
        name: "Finance",
        person: {name: "Bo Chan", email: "bo@x.example"},
        responsibilities: [],
        requiredIn: ["Executive session"],
      },
      {
        name: "Operations",
        person: {name: "Bo Chan", email: "bo@x.example"},
        responsibilities: [],
        requiredIn: ["Weekly"],
      },
      {name: "Security", responsibilities: [], requiredIn: ["Executive session"]},
    ];
    const asOf = day("2026-11-24");
    const blank = sessionReadiness(session({requiredSeats: [], confirmed: ["Chief Executive"], seats}), asOf);
    assert.deepEqual(blank.unconfirmedSeats, ["Finance", "Security (empty seat)"]);
    assert.deepEqual(blank.problems, []);
    assert.include(blank.findings[0], "Seats not confirmed: Finance, Security (empty seat).");
    const byHolder = sessionReadiness(
      session({
        requiredSeats: ["Chief Executive", "Finance", "Operations"],
        confirmed: ["ann lee", "bo@x.example"],
        seats,
      }),
      asOf,
    );
    assert.deepInclude(
      byHolder,
      {unconfirmedSeats: [], ready: true, problems: []},
      "a holder's name or email confirms every seat they hold",
    );
    const typo = sessionReadiness(session({requiredSeats: ["Finace", "Legal"], confirmed: ["Bo Chan"], seats}), asOf);
    assert.deepEqual(typo.problems, [
      'Required Seats names "Finace", which is not a seat in the Seats table; did you mean "Finance"?',
      'Required Seats names "Legal", which is not a seat in the Seats table: name a seat of that table.',
    ]);
    assert.deepEqual(typo.unconfirmedSeats, ["Finace", "Legal"], "a name that is no seat is matched as written");
    const none = sessionReadiness(session({requiredSeats: [], seats: seats.slice(2, 3)}), asOf);
    assert.deepInclude(none, {
      ready: false,
      findings: [
        "No required seats named: say who must attend, or mark seats Required In Executive session in the Seats table.",
      ],
    });
    assert.deepEqual(
      sessionReadiness(session({confirmed: ["ceo"]}), asOf).unconfirmedSeats,
      ["CFO"],
      "without seats, names are matched as written",
    );
  });

  it("after a session: missing outputs, and a decision session with no decision", function () {
    const held = sessionReadiness(session({}), day("2026-12-09"));
    assert.include(held, {upcoming: false, noDecision: true, ready: false});
    assert.deepEqual(held.missingOutputs, ["Selected path"]);
    assert.match(held.findings[1], /you leave with a decision/);
    const decided = sessionReadiness(session({decisions: 1, deliveredOutputs: ["selected path"]}), day("2026-12-09"));
    assert.deepInclude(decided, {noDecision: false, ready: true, missingOutputs: []});
    assert.isFalse(
      sessionReadiness(session({kind: "Synthesis", name: "Action plan"}), day("2026-12-09")).noDecision,
      "only decision sessions must decide",
    );
    assert.isTrue(isDecisionSession({kind: "", name: "Decide the path"}));
    assert.deepInclude(sessionReadiness(session({date: undefined}), day("2026-12-09")), {upcoming: true});
  });

  it("lays out the four-session program with time-boxed agendas and pre-work due dates", function () {
    const program = executiveProgram(day("2026-10-13"));
    assert.deepEqual(
      program.map(s => [s.kind, isoDay(s.date), isoDay(s.preworkDue)]),
      [
        ["Alignment", "2026-10-13", "2026-10-06"],
        ["Discovery", "2026-10-27", "2026-10-20"],
        ["Decision", "2026-11-03", "2026-10-27"],
        ["Synthesis", "2026-11-10", "2026-11-03"],
      ],
    );
    for (const s of program) {
      const last = s.agenda[s.agenda.length - 1].timeBox.split("–")[1];
      const minutes = Number(last.slice(0, 2)) * 60 + Number(last.slice(3));
      assert.equal(minutes, s.minutes, `${s.name}'s time boxes add up to its length`);
      assert.isAbove(s.outputs.length, 2);
      assert.isAbove(s.requiredSeats.length, 4);
    }
    assert.equal(program[0].agenda[0].timeBox, "00:00–00:20");
  });

  it("PreworkDue takes business days from 0 to 60", async function () {
    assert.equal(
      await executeFormulaFromPackDef(pack, "PreworkDue", ["2026-12-08", 0] as coda.ParamValues<coda.ParamDefs>),
      "2026-12-08",
    );
    let error: Error | undefined;
    try {
      await executeFormulaFromPackDef(pack, "PreworkDue", ["2026-12-08", 61] as coda.ParamValues<coda.ParamDefs>);
    } catch (e) {
      error = e as Error;
    }
    assert.match(String(error?.message), /businessDays must be a whole number from 0 to 60, not 61/);
  });
});

describe("the SessionReadiness sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let meeting: string;
  beforeEach(function () {
    meeting = docUrl(env.seeded.meetingDocId!);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("says what the next session still waits on, and what past sessions left unrecorded", async function () {
    const run = await runSync(env, pack, "SessionReadiness", [
      meeting,
      undefined,
      undefined,
      new Date(`${NextMeeting}T08:00:00Z`),
    ]);
    assert.lengthOf(run.rows, 4);
    const next = run.rows.find(r => r.Name === NextSession)!;
    // Its Required Seats is blank: the seats required in executive sessions; Grace Mbeki and Tom Okafor confirmed by name.
    assert.include(next, {
      Upcoming: true,
      Ready: false,
      PreworkDue: "2026-12-01",
      PreworkOverdue: true,
      UnconfirmedSeats: "Revenue, People",
    });
    assert.equal(
      next.MissingPrework,
      "Draft 90-day plan for margin (from Grace Mbeki); Hiring plan for the selected path (from Sam Whitaker)",
    );
    assert.include(
      run.rows.find(r => r.Name === DecisionSession)!,
      {Upcoming: false, DecisionsRecorded: 3, NoDecision: false, Ready: true},
    );
    assert.include(
      run.rows.find(r => r.Name === "Agree the end state")!,
      {MissingOutputs: "Decision rights", Ready: false},
    );
    assert.isFalse(
      run.rows.some(r => "Problems" in r),
      "every required seat is a seat of the Seats table",
    );
    assert.equal(env.emulator.stats.requests, 4, "Sessions, Pre-work, Decisions and Seats, one request each");
  });

  it("judges required seats against the Seats table: a seat that does not exist, an empty seat, a holder confirming by email", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, SessionTables.sessions, {
      Session: "Audit readiness",
      Kind: "Synthesis",
      Date: "2026-12-15",
      "Required Seats": "Chief Executive, Finace, Security and Compliance",
      Confirmed: "Maya Lindqvist, grace@northstar.example.com",
    });
    const run = await runSync(env, pack, "SessionReadiness", [
      meeting,
      undefined,
      undefined,
      new Date(`${NextMeeting}T08:00:00Z`),
    ]);
    const audit = run.rows.find(r => r.Name === "Audit readiness")!;
    assert.equal(
      audit.Problems,
      'Required Seats names "Finace", which is not a seat in the Seats table; did you mean "Finance"?',
    );
    assert.equal(audit.UnconfirmedSeats, "Finace, Security and Compliance (empty seat)");
    assert.include(audit, {Ready: false});
  });

  describe("in a doc without a Seats table", function () {
    // This describe's own emulator: the sample without its meeting discipline tables, Seats among them.
    const env = useEmulator(() => ({validate: true, meetings: {...sampleMeetings(), discipline: undefined}}));
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("matches seats as written in a doc without a Seats table", async function () {
      const docId = env.seeded.meetingDocId!;
      putRow(env, docId, SessionTables.sessions, {
        Session: "Audit readiness",
        Kind: "Synthesis",
        Date: "2026-12-15",
        "Required Seats": "Chief Executive, Finace",
        Confirmed: "Chief Executive",
      });
      const run = await runSync(env, pack, "SessionReadiness", [
        docUrl(docId),
        undefined,
        undefined,
        new Date(`${NextMeeting}T08:00:00Z`),
      ]);
      assert.isFalse(
        run.rows.some(r => "Problems" in r),
        "no seat name is judged",
      );
      assert.include(
        run.rows.find(r => r.Name === "Audit readiness")!,
        {UnconfirmedSeats: "Finace"},
      );
      const next = run.rows.find(r => r.Name === NextSession)!;
      assert.notProperty(next, "UnconfirmedSeats");
      assert.match(next.Findings, /No required seats named: say who must attend\.$/);
    });
  });

  it("flags a decision session that recorded no decision, and reports bad rows on them", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, SessionTables.sessions, {
      Session: "Choose the pricing model",
      Kind: "Decision",
      Date: "2026-11-19",
      "Required Seats": "CEO",
      "Expected Outputs": "Pricing model",
    });
    putRow(env, docId, SessionTables.sessions, {Session: "Board prep", Kind: "Synthesis", Date: "next week"});
    putRow(env, docId, SessionTables.prework, {Input: "Orphan memo", Received: false});
    const run = await runSync(env, pack, "SessionReadiness", [
      meeting,
      undefined,
      undefined,
      new Date(`${NextMeeting}T08:00:00Z`),
    ]);
    assert.lengthOf(run.rows, 6);
    const pricing = run.rows.find(r => r.Name === "Choose the pricing model")!;
    assert.include(pricing, {NoDecision: true, DecisionsRecorded: 0, MissingOutputs: "Pricing model", Ready: false});
    assert.match(pricing.Findings, /A decision session that recorded no decision: you leave with a decision/);
    const board = run.rows.find(r => r.Name === "Board prep")!;
    assert.equal(board.Problems, 'Date holds "next week", not a date: write it as YYYY-MM-DD.');
    assert.match(board.Findings, /No date: give the session its date/);
    assert.equal(run.rows[0].Problems, "Pre-work names no session in Sessions: Orphan memo.");
  });
});

describe("the ExecutiveProgram sync table", function () {
  const env = useEmulator();

  it("lays out the program without reading any doc", async function () {
    const run = await runSync(env, pack, "ExecutiveProgram", [new Date("2026-10-13T08:00:00Z")]);
    assert.deepEqual(
      run.rows.map(r => r.Name),
      ["Agree the end state", "Map the current state", "Select the path", "Decision brief and action plan"],
    );
    assert.match(run.rows[2].Agenda, /^00:00–00:25 Recap and non-negotiables\n/);
    assert.equal(env.emulator.stats.requests, 0);
  });
});
