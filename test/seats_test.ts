import * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import fc from "fast-check";
import {sampleMeetings} from "../sample/meetings";
import {People} from "../sample/organization";
import type {Seat} from "../src/engine/seats";
import {
  absentSeats,
  holderOf,
  judgeOwner,
  parseMeetingType,
  reportingCycles,
  seatFindings,
  seatOf,
  seatsOf,
  unseatedOwners,
} from "../src/engine/seats";
import {list} from "../src/engine/cells";
import {RiskTable} from "../src/sync/tables";
import {pack} from "../src/pack";
import {dropTable, putRow} from "./support/alignment";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";

const person = (name: string) => ({name, email: `${name.split(" ")[0].toLowerCase()}@example.com`});
const seat = (
  name: string,
  holder?: string,
  reportsTo?: string,
  responsibilities = ["a", "b", "c"],
  requiredIn: Seat["requiredIn"] = ["Weekly"],
): Seat => ({
  name,
  person: holder ? person(holder) : undefined,
  responsibilities,
  reportsTo,
  requiredIn,
});

describe("seats (engine)", function () {
  const seats = [
    seat("Chief Executive", "Ann Lee"),
    seat("Finance", "Bo Chan", "Chief Executive"),
    seat("Operations", "Bo Chan", "Chief Executive"),
    seat("Security", undefined, "Finance"),
  ];

  it("resolves an owner naming a seat or a person, by name or email", function () {
    assert.equal(seatOf("finance", seats)?.name, "Finance");
    assert.equal(seatOf("Chief  Executive", seats)?.name, "Chief Executive");
    assert.equal(seatOf({name: "Ann Lee", email: ""}, seats)?.name, "Chief Executive");
    assert.equal(seatOf({name: "", email: "ANN@example.com"}, seats)?.name, "Chief Executive");
    assert.equal(seatOf("bo@example.com", seats)?.name, "Finance");
    assert.deepEqual(
      seatsOf({name: "Bo Chan", email: "bo@example.com"}, seats).map(s => s.name),
      ["Finance", "Operations"],
    );
    assert.isUndefined(seatOf({name: "Jonah Price", email: "jonah@example.com"}, seats));
    assert.isUndefined(seatOf("", seats));
    assert.equal(holderOf("Finance", seats), "Bo Chan");
    assert.equal(holderOf("Someone Else", seats), "Someone Else");
    assert.equal(holderOf("Security", seats), "Security", "an empty seat has no holder to name");
    assert.isUndefined(holderOf("", seats));
  });

  it("finds an empty seat, a person over the limit and responsibilities out of range", function () {
    const found = seatFindings(
      [
        ...seats,
        seat("Sales", "Cy Dee", "Chief Executive", []),
        seat("Ops 2", "Bo Chan", "Chief Executive", ["a", "b"]),
        seat("Big", "Di Eve", "Chief Executive", ["1", "2", "3", "4", "5", "6"]),
      ],
      2,
    );
    assert.deepEqual(found.seatsHeld, [1, 3, 3, 0, 1, 3, 1]);
    assert.match(found.perSeat[3].join(" "), /^Empty seat/);
    assert.match(found.perSeat[1].join(" "), /Bo Chan holds 3 seats, more than the limit of 2/);
    assert.match(found.perSeat[4].join(" "), /^No responsibilities/);
    assert.match(found.perSeat[5].join(" "), /Only 2 responsibilities: a seat needs 3 to 5/);
    assert.match(found.perSeat[6].join(" "), /^6 responsibilities, more than 5/);
    assert.deepEqual(found.perSeat[0], []);
    assert.deepEqual(seatFindings(seats, 2).perSeat[1], [], "two seats are within a limit of 2");
    assert.match(seatFindings(seats, 1).perSeat[1][0], /holds 2 seats, more than the limit of 1/);
  });

  it("names a reporting cycle on every seat in it, and a boss that is no seat", function () {
    const loop = [
      seat("A", "P1", "C"),
      seat("B", "P2", "A"),
      seat("C", "P3", "B"),
      seat("D", "P4", "A"),
      seat("E", "P5", "Nowhere"),
    ];
    assert.deepEqual(reportingCycles(loop), [["A", "C", "B"]]);
    const found = seatFindings(loop);
    for (const i of [0, 1, 2]) assert.match(found.perSeat[i].join(" "), /Reporting cycle: A → C → B → A\./);
    assert.deepEqual(found.perSeat[3], []);
    assert.match(found.perSeat[4].join(" "), /Reports to "Nowhere", which is not a seat/);
    assert.deepEqual(reportingCycles([seat("Self", "P", "self")]), [["Self"]]);
  });

  it("matches seats named in any script: a real cycle named as written, and none invented", function () {
    const world = [
      seat("財務", "王芳", "営業"),
      seat("営業", "李娜", "人事"),
      seat("人事", "張偉", "財務"),
      seat("Финансы", "Ольга Иванова", "財務"),
      seat("Продажи", "Иван Петров", "ФИНАНСЫ"),
      seat("المبيعات", "ليلى", "المالية"),
      seat("المالية", "عمر"),
      seat("Équipe", "Zoé Martin", "SÃO PAULO"),
      seat("São Paulo", "João Silva"),
      seat("Ventes", "Luc Petit", "Sao Paulo"),
      seat("🚀 Growth", "Ada Park", "💰 Finance"),
      seat("💰 Finance", "Ben Ode"),
    ];
    assert.deepEqual(reportingCycles(world), [["財務", "営業", "人事"]]);
    const found = seatFindings(world);
    for (const i of [0, 1, 2]) {
      assert.deepEqual(found.perSeat[i], [
        "Reporting cycle: 財務 → 営業 → 人事 → 財務. One seat in it must report outside it.",
      ]);
    }
    for (const i of [3, 4, 5, 6, 7, 8, 10, 11]) assert.deepEqual(found.perSeat[i], [], world[i].name);
    assert.deepEqual(
      found.perSeat[9],
      ['Reports to "Sao Paulo", which is not a seat: name a seat of this table.'],
      "São and Sao are two names",
    );
    assert.equal(seatOf("営業", world)?.name, "営業");
    assert.equal(seatOf("продажи", world)?.name, "Продажи");
    assert.equal(seatOf("المالية", world)?.name, "المالية");
    assert.equal(seatOf("E\u0301quipe", world)?.name, "Équipe", "é typed as e and a combining accent");
    assert.equal(seatOf("💰finance", world)?.name, "💰 Finance");
    assert.isUndefined(seatOf("総務", world));
    assert.equal(seatOf({name: "王芳", email: ""}, world)?.name, "財務", "a person named in Chinese, without an email");
    assert.deepEqual(
      seatFindings([seat("財務", "王芳"), seat("営業", "李娜"), seat("人事", "張偉")], 1).perSeat,
      [[], [], []],
      "three people, one seat each",
    );
    assert.deepEqual(
      absentSeats("Weekly", [{name: "李娜", email: ""}], world.slice(0, 3)).map(s => s.name),
      ["財務", "人事"],
    );
  });

  it("names a long reporting cycle once and refers to it from each other seat, in findings that grow with the seats", function () {
    const n = 10_000;
    const ring = Array.from({length: n}, (_, i) => seat(`Seat ${i}`, `P${i}`, `Seat ${(i + 1) % n}`));
    const started = performance.now();
    const found = seatFindings(ring);
    const took = performance.now() - started;
    assert.isBelow(took, 2000, `${took} ms for ${n} seats`);
    assert.deepEqual(found.perSeat[0], [
      "Reporting cycle of 10,000 seats: Seat 0 → Seat 1 → Seat 2 → … → Seat 9999 → Seat 0. One seat in it must report outside it.",
    ]);
    assert.deepEqual(found.perSeat[1], ["In a reporting cycle of 10,000 seats through Seat 0; see the seat Seat 0."]);
    assert.deepEqual(found.perSeat[n - 1], found.perSeat[1]);
    const total = found.perSeat.flat().join(" ").length;
    assert.isBelow(total, 200 * n, "linear in the seats");
    assert.isTrue(
      found.perSeat.every(f => f.length === 1),
      "each seat in the cycle says so",
    );
    assert.lengthOf(found.cycles, 1);
    assert.lengthOf(found.cycles[0], n);

    const five = Array.from({length: 5}, (_, i) => seat(`S${i}`, `P${i}`, `S${(i + 1) % 5}`));
    assert.match(seatFindings(five).perSeat[0][0], /^Reporting cycle of 5 seats: S0 → S1 → S2 → … → S4 → S0\./);
    assert.match(seatFindings(five).perSeat[3][0], /^In a reporting cycle of 5 seats through S0; see the seat S0\./);
  });

  it("quotes at most 40 characters of a name in a finding, cut with an ellipsis", function () {
    const long = "Vice President of Global Revenue Operations and Strategy";
    const found = seatFindings([seat("A", "P1", `${long} (interim)`), seat(long, "P2", "B"), seat("B", "P3", long)]);
    assert.deepEqual(found.perSeat[0], [
      'Reports to "Vice President of Global Revenue Operat…", which is not a seat: name a seat of this table.',
    ]);
    assert.deepEqual(found.perSeat[1], [
      "Reporting cycle: Vice President of Global Revenue Operat… → B → Vice President of Global Revenue Operat…. One seat in it must report outside it.",
    ]);
    for (const text of [
      ...found.perSeat.flat(),
      judgeOwner(long, [], "mitigation").finding!,
      ...unseatedOwners([{owner: long, what: "issue"}], []),
    ]) {
      assert.notInclude(text, long.slice(0, 41));
    }
  });

  it("judges an owner of work: the holder and seats, a person with no seat, an empty seat", function () {
    assert.deepEqual(judgeOwner("Finance", seats, "mitigation"), {holder: "Bo Chan (Finance)"});
    assert.deepEqual(judgeOwner({name: "B. Chan", email: "BO@example.com"}, seats, "mitigation"), {
      holder: "Bo Chan (Finance, Operations)",
    });
    assert.deepEqual(judgeOwner("security", seats, "mitigation"), {
      finding: "The seat Security is empty: nobody owns this mitigation.",
    });
    assert.deepEqual(judgeOwner(person("Cy Diaz"), seats, "mitigation"), {
      finding: "Cy Diaz holds no seat in the Seats table: give the work to a seat, or add Cy Diaz's seat.",
    });
    assert.deepEqual(judgeOwner("  ", seats, "mitigation"), {});
  });

  it("lists the required seats absent from a meeting, an empty one among them", function () {
    const required = [
      seat("CEO", "Ann Lee", undefined, ["a", "b", "c"], ["Weekly", "Quarterly"]),
      seat("Sec", undefined, "CEO", ["a", "b", "c"], ["Quarterly"]),
      seat("Fin", "Bo Chan", "CEO", ["a", "b", "c"], ["Weekly"]),
    ];
    assert.deepEqual(absentSeats("Weekly", [person("Ann Lee"), person("Bo Chan")], required), []);
    assert.deepEqual(
      absentSeats("Weekly", [person("Ann Lee")], required).map(s => s.name),
      ["Fin"],
    );
    assert.deepEqual(
      absentSeats("Quarterly", [person("Ann Lee")], required).map(s => s.name),
      ["Sec"],
    );
  });

  it("lists the owners of open work who hold no seat, with what they own", function () {
    const work = [
      {owner: {name: "Jonah Price", email: "jonah@example.com"}, what: "action item"},
      {owner: {name: "Jonah Price", email: "jonah@example.com"}, what: "action item"},
      {owner: {name: "Jonah Price", email: "jonah@example.com"}, what: "issue"},
      {owner: {name: "Ann Lee", email: "ann@example.com"}, what: "issue"},
      {owner: "Finance", what: "decision"},
      {owner: "", what: "decision"},
    ];
    assert.deepEqual(unseatedOwners(work, seats), ["Jonah Price (2 action items, 1 issue)"]);
  });

  it("reads responsibilities and meeting kinds as people write them", function () {
    assert.deepEqual(list("Cash\nBoard reporting; Budget • Margin", "before capitals"), [
      "Cash",
      "Board reporting",
      "Budget",
      "Margin",
    ]);
    assert.deepEqual(list("Hiring, onboarding and pay, Culture", "before capitals"), [
      "Hiring, onboarding and pay",
      "Culture",
    ]);
    assert.deepEqual(list("Revenue, Finance;People"), ["Revenue", "Finance", "People"]);
    assert.deepEqual(list("- Vision\n- Culture"), ["Vision", "Culture"]);
    assert.deepEqual(
      ["weekly", "Exec session", "annual offsite", "QUARTERLY", "Executive Session", "biweekly"].map(parseMeetingType),
      ["Weekly", "Executive session", "Offsite", "Quarterly", "Executive session", undefined],
    );
  });

  it("finds a cycle exactly when following the seats' bosses comes back round", function () {
    fc.assert(
      fc.property(fc.array(fc.integer({min: -1, max: 7}), {minLength: 1, maxLength: 8}), bosses => {
        const set = bosses.map((b, i) => seat(`S${i}`, `P${i}`, b >= 0 && b < bosses.length ? `S${b}` : undefined));
        const cycles = reportingCycles(set);
        const inCycle = (i: number) => {
          let at = i;
          for (let step = 0; step < bosses.length; step++) {
            const next = bosses[at];
            if (next < 0 || next >= bosses.length) return false;
            at = next;
            if (at === i) return true;
          }
          return false;
        };
        const named = new Set(cycles.flat());
        for (let i = 0; i < bosses.length; i++) assert.equal(named.has(`S${i}`), inCycle(i), `S${i}`);
      }),
    );
  });
});

describe("the Seats sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  const asOf = new Date("2026-11-24T08:00:00Z");
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("gives typed seats with their findings and the owners of open work without a seat", async function () {
    const run = await runSync(env, pack, "Seats", [
      docUrl(env.seeded.meetingDocId!),
      undefined,
      undefined,
      undefined,
      asOf,
    ]);
    assert.lengthOf(run.rows, 11);
    const byName = new Map(run.rows.map(r => [r.Name as string, r]));
    const get = (name: string) => byName.get(name)!;
    assert.include(get("Finance"), {
      SeatsHeld: 2,
      ResponsibilityCount: 4,
      ReportsTo: "Chief Executive",
      RequiredIn: "Weekly, Monthly, Quarterly, Offsite, Executive session",
    });
    assert.deepEqual(get("Finance").Person, {Name: "Grace Mbeki", Email: "grace@northstar.example.com"});
    assert.notProperty(get("Finance"), "Findings", "two seats are within the default limit of 2");
    assert.equal(get("Operations").Findings, "Only 2 responsibilities: a seat needs 3 to 5.");
    assert.equal(get("Security and Compliance").Findings, "Empty seat: name the person who holds it.");
    assert.notProperty(get("Security and Compliance"), "Person");
    assert.notProperty(get("Security and Compliance"), "Holder");
    assert.equal(get("Operations").Holder, "Grace Mbeki");
    assert.include(get("Owners without a seat"), {
      Kind: "Owners without a seat",
      Id: "NsMeet001/owners-without-a-seat",
    });
    assert.match(get("Owners without a seat").Findings, /Jonah Price \(1 action item\)/);
    assert.match(
      get("Owners without a seat").Findings,
      /Aisha Rahman \(1 risk\)/,
      "an open risk's mitigation owner counts",
    );

    const strict = await runSync(env, pack, "Seats", [docUrl(env.seeded.meetingDocId!), undefined, 1, undefined, asOf]);
    assert.match(
      strict.rows.find(r => r.Name === "Finance")!.Findings,
      /Grace Mbeki holds 2 seats, more than the limit of 1: hand one on\./,
    );
  });

  it("counts open risks' mitigation owners without a seat, not closed risks' nor owners naming a seat", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, RiskTable, {
      Risk: "Pager fatigue",
      Status: "Mitigating",
      "Mitigation Owner": {name: "Mateo Silva", email: "mateo@northstar.example.com"},
    });
    putRow(env, docId, RiskTable, {
      Risk: "Old audit finding",
      Status: "Retired",
      "Mitigation Owner": {name: "Ivy Chen", email: "ivy@northstar.example.com"},
    });
    putRow(env, docId, RiskTable, {
      Risk: "Second pager risk",
      Status: "Resolved",
      "Mitigation Owner": {name: "Mateo Silva", email: "mateo@northstar.example.com"},
    });
    putRow(env, docId, RiskTable, {Risk: "Audit gaps", "Mitigation Owner": "Security and Compliance"});
    env.emulator.resetStats();
    const run = await runSync(env, pack, "Seats", [docUrl(docId), undefined, undefined, undefined, asOf]);
    const unseated = run.rows.find(r => r.Kind === "Owners without a seat")!.Findings as string;
    assert.match(unseated, /Mateo Silva \(1 risk\)/, "a closed risk is not counted");
    assert.notInclude(unseated, "Ivy Chen");
    assert.notInclude(unseated, "Security and Compliance", "a seat named in words is a seat, empty or not");
    assert.equal(env.emulator.stats.requests, 5, "Seats, Action Items, Issues, Decisions and Risks, one request each");

    dropTable(env, docId, RiskTable);
    const noRisks = await runSync(env, pack, "Seats", [docUrl(docId), undefined, undefined, undefined, asOf]);
    assert.notInclude(
      noRisks.rows.find(r => r.Kind === "Owners without a seat")!.Findings,
      "risk",
      "a doc without a register counts no risks",
    );
  });

  describe("with a reporting cycle and a bad cell in the Seats table", function () {
    // This describe's own emulator: the sample's first seat reports to People, the second is required in "Fortnightly".
    const env = useEmulator(() => {
      const sample = sampleMeetings();
      const seats = sample.discipline!.seats;
      seats[0].reportsTo = "People";
      seats[1].requiredIn = ["Weekly", "Fortnightly"];
      return {validate: true, meetings: sample};
    });
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("names a reporting cycle and reports a bad cell on the seat's row", async function () {
      const run = await runSync(env, pack, "Seats", [
        docUrl(env.seeded.meetingDocId!),
        undefined,
        undefined,
        undefined,
        asOf,
      ]);
      const byName = new Map(run.rows.map(r => [r.Name as string, r]));
      const get = (name: string) => byName.get(name)!;
      for (const name of ["Chief Executive", "People"]) {
        assert.include(get(name).Findings, "Reporting cycle: Chief Executive → People → Chief Executive.");
      }
      assert.notInclude(get("Finance").Findings ?? "", "cycle");
      assert.equal(
        get("Revenue").Problems,
        'Required In names "Fortnightly", not one of Weekly, Monthly, Quarterly, Offsite, Executive session.',
      );
      assert.equal(get("Revenue").RequiredIn, "Weekly");
    });
  });

  describe("beside a decision owned by someone without a seat, and a doc without a Seats table", function () {
    // Two more emulators: the sample with its first decision owned by Jonah Price, who holds no seat,
    // and the sample without its meeting discipline tables, Seats among them.
    const sample = sampleMeetings();
    sample.decisions[0].owners = [People.ae];
    const aeOwns = useEmulator({validate: true, meetings: sample});
    const withoutSeats = useEmulator(() => ({validate: true, meetings: {...sampleMeetings(), discipline: undefined}}));
    afterEach(function () {
      assert.deepEqual(aeOwns.emulator.violations, [], "every response matches the OpenAPI spec");
      assert.deepEqual(withoutSeats.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("flags decisions and action items whose owner holds no seat, only in docs that keep seats", async function () {
      const meeting = docUrl(env.seeded.meetingDocId!);
      const actions = await runSync(env, pack, "ActionItems", [meeting, undefined, undefined, asOf]);
      const flagged = actions.rows.filter(r => /holds no seat/.test(r.Problems ?? ""));
      assert.deepEqual(
        flagged.map(r => r.Name),
        ["Prepare the partner pricing sheet"],
      );
      assert.equal(
        flagged[0].Problems,
        "Jonah Price holds no seat in the Seats table: give the work to a seat, or add Jonah Price's seat.",
      );
      const decisions = await runSync(env, pack, "Decisions", [meeting, undefined, undefined, asOf]);
      assert.isFalse(
        decisions.rows.some(r => /holds no seat/.test(r.Problems ?? "")),
        "every decision owner holds a seat",
      );

      const withAe = await runSync(aeOwns, pack, "Decisions", [
        docUrl(aeOwns.seeded.meetingDocId!),
        undefined,
        undefined,
        asOf,
      ]);
      assert.match(
        withAe.rows.find(r => r.Name === sample.decisions[0].decision)!.Problems,
        /^Jonah Price holds no seat/,
      );

      const noSeats = await runSync(withoutSeats, pack, "ActionItems", [
        docUrl(withoutSeats.seeded.meetingDocId!),
        undefined,
        undefined,
        asOf,
      ]);
      assert.isFalse(
        noSeats.rows.some(r => /seat/.test(r.Problems ?? "")),
        "a doc without a Seats table judges no one by seat",
      );
      const hint = await runSync(withoutSeats, pack, "Seats", [docUrl(withoutSeats.seeded.meetingDocId!)]);
      assert.deepEqual(
        hint.rows.map(r => r.Name),
        ["Add a Seats table (tier 3) to see which seats are empty or overloaded."],
      );
    });
  });

  it("takes a Seats table without a Seat column (a seating plan) as no seats, and never fails the tables that judge by seat", async function () {
    const seats = env.emulator.doc(env.seeded.meetingDocId!)!.tables.find(t => t.name === "Seats")!;
    seats.columns.find(c => c.name === "Seat")!.name = "Desk";
    const meeting = docUrl(env.seeded.meetingDocId!);
    const actions = await runSync(env, pack, "ActionItems", [meeting, undefined, undefined, asOf]);
    assert.isFalse(actions.rows.some(r => /seat/.test(r.Problems ?? "")));
    const error = await rejection(runSync(env, pack, "Seats", [meeting]));
    assert.instanceOf(error, coda.UserVisibleError);
    assert.match(
      error.message,
      /The table Seats has no column for Seat\. Its columns: Desk, Person, Responsibilities, Reports To, Required In\. Rename one or set columns to "Seat=Your column"\. See SetupCheck/,
    );
  });

  it("refuses a seat limit out of range with the fix", async function () {
    for (const limit of [0, 2.5, 21]) {
      const error = await rejection(runSync(env, pack, "Seats", [docUrl(env.seeded.meetingDocId!), undefined, limit]));
      assert.instanceOf(error, coda.UserVisibleError);
      assert.match(error.message, /^seatLimit must be a whole number from 1 to 20, not /);
    }
  });
});
