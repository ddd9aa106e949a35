import type * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type {LaneAnswer} from "../src/engine/charter";
import {laneCheck, laneFindings, lanesFrom, outcomeGaps, parseAuthority, widestSpread} from "../src/engine/charter";
import {pack} from "../src/pack";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";
import {dropTable, putRow} from "./support/alignment";
import {CharterTables} from "../src/sync/tables";

const lane = (leader: string, kind: string, authority: string, ...withWhom: string[]): LaneAnswer => ({
  leader,
  kind,
  authority: parseAuthority(authority),
  with: withWhom,
});

describe("the charter: findings", function () {
  it("names who has not agreed to a shared outcome, and who has not answered", function () {
    const g = outcomeGaps({outcome: "Margin above 70%", agreed: ["Maya", "Grace"], notYet: ["Diego"]}, [
      "Maya",
      "Grace",
      "Diego",
      "Tom",
    ]);
    assert.deepEqual(g.notYet, ["Diego"]);
    assert.deepEqual(g.unanswered, ["Tom"]);
    assert.deepEqual(g.findings, [
      "Not everyone shares this outcome yet: Diego said not yet; Tom has not answered. Until all agree it is jointly owned, collaboration on it stays optional.",
    ]);
    assert.deepEqual(
      outcomeGaps({outcome: "Retention", agreed: ["Maya", "Grace"], notYet: []}, ["maya", "GRACE"]).findings,
      [],
      "names match whatever their case",
    );
  });

  it("finds two outright owners, a kind nobody decides, and coordination with nobody", function () {
    const f = laneFindings([
      lane("Grace", "Pricing", "Owns outright"),
      lane("Diego", "pricing", "owns outright"),
      lane("Grace", "Headcount", "Coordinates", "Sam"),
      lane("Sam", "Headcount", "Coordinates", "Grace"),
      lane("Priya", "Brand", "Coordinates"),
      lane("Tom", "Roadmap", "Decides alone"),
      {leader: "Hana", kind: "Hosting", with: []},
    ]);
    assert.match(f[0][0], /^Grace and Diego both own "Pricing" outright/);
    assert.match(f[1][0], /^Diego and Grace both own "pricing" outright/);
    assert.deepEqual(f[2], [
      'Nobody decides "Headcount": every leader who named it coordinates on it. Name the one leader who decides.',
    ]);
    assert.deepEqual(f[4], [
      'Nobody decides "Brand": every leader who named it coordinates on it. Name the one leader who decides.',
      'Priya coordinates on "Brand" with nobody named: say with whom.',
    ]);
    assert.deepEqual(f[5], []);
    assert.match(f[6][0], /^Say whether Hana decides "Hosting" alone/);
  });

  it("finds the widest spread of risk tolerance", function () {
    const s = widestSpread([
      {leader: "Diego", area: "Revenue", tolerance: 4},
      {leader: "Grace", area: "revenue", tolerance: 2},
      {leader: "Hana", area: "Platform", tolerance: 2},
      {leader: "Tom", area: "Platform", tolerance: 5},
      {leader: "Lena", area: "Platform", tolerance: 5},
      {leader: "Sam", area: "People"},
    ]);
    assert.deepInclude(s, {
      area: "Platform",
      low: 2,
      high: 5,
      spread: 3,
      lowLeaders: ["Hana"],
      highLeaders: ["Tom", "Lena"],
    });
    assert.equal(
      s!.sentence,
      "Risk tolerance on Platform spreads widest, from 2 (Hana) to 5 (Tom, Lena): start the next conversation there.",
    );
    assert.isUndefined(
      widestSpread([
        {leader: "A", area: "X", tolerance: 3},
        {leader: "B", area: "X", tolerance: 3},
      ]),
      "no spread, nothing to say",
    );
  });

  it("checks a decision against the lanes: outside the owner's lane, over-collaboration, missing coordination", function () {
    const lanes = [
      lane("Hana", "Hosting", "Decides alone"),
      lane("Lena", "Support", "Decides alone"),
      lane("Grace", "Headcount", "Coordinates", "Sam"),
      lane("Tom", "Roadmap", "Decides alone"),
    ];
    const check = (owner: string, kind: string, approvers: string[] = [], consulted: string[] = []) =>
      laneCheck({owners: [owner], approvers, consulted, kind}, lanes);
    assert.deepEqual(check("Grace", "Hosting"), [
      "Grace owns this decision, but \"Hosting\" lies in Hana's lane: the lane's owner decides, or the lanes change.",
    ]);
    assert.deepEqual(check("Lena", "Support", ["Maya", "Tom"]), [
      'Over-collaboration: "Support" is Lena\'s to decide alone, yet 2 approvers signed off; consult if useful, but let the owner decide.',
    ]);
    assert.deepEqual(check("Lena", "Support", [], ["Maya"]), [], "consulting is fine");
    assert.deepEqual(check("Grace", "Headcount"), [
      'Grace\'s lane says to coordinate "Headcount" with Sam, who is neither approver nor consulted.',
    ]);
    assert.deepEqual(check("Grace", "Headcount", [], ["Sam"]), []);
    assert.deepEqual(check("Sam", "Headcount"), [
      '"Headcount" is not in Sam\'s lane: add it to the Lanes table or give the decision to the leader whose lane it is.',
    ]);
    assert.deepEqual(
      check("Lena", "Support", ["Lena", "Maya"]),
      [
        'Over-collaboration: "Support" is Lena\'s to decide alone, yet 1 approver signed off; consult if useful, but let the owner decide.',
      ],
      "the owner listed as an approver is not counted",
    );
    assert.deepEqual(check("Tom", "Marketing"), [], "a kind no lane names is not judged");
    assert.deepEqual(check("Tom", ""), []);
  });

  it("checks decisions against lanes named in any script", function () {
    const lanes = [
      lane("王芳", "採用", "Decides alone"),
      lane("李娜", "価格", "Owns outright"),
      lane("Ольга", "Бюджет", "Coordinates", "Иван"),
      lane("ليلى", "التسعير", "Decides alone"),
      lane("Zoé", "Équipe", "Decides alone"),
      lane("Ada", "🚀 Growth", "Decides alone"),
    ];
    const check = (owner: string, kind: string, approvers: string[] = [], consulted: string[] = []) =>
      laneCheck({owners: [owner], approvers, consulted, kind}, lanes);
    assert.deepEqual(check("李娜", "採用"), [
      "李娜 owns this decision, but \"採用\" lies in 王芳's lane: the lane's owner decides, or the lanes change.",
    ]);
    assert.deepEqual(check("王芳", "採用"), []);
    assert.deepEqual(
      check("王芳", "価格"),
      ["王芳 owns this decision, but \"価格\" lies in 李娜's lane: the lane's owner decides, or the lanes change."],
      "a lane named in Chinese is not every lane",
    );
    assert.deepEqual(check("ОЛЬГА", "бюджет"), [
      'ОЛЬГА\'s lane says to coordinate "бюджет" with Иван, who is neither approver nor consulted.',
    ]);
    assert.deepEqual(check("Ольга", "Бюджет", [], ["иван"]), []);
    assert.deepEqual(check("ليلى", "التسعير", ["عمر"]), [
      'Over-collaboration: "التسعير" is ليلى\'s to decide alone, yet 1 approver signed off; consult if useful, but let the owner decide.',
    ]);
    assert.deepEqual(check("Zoé", "E\u0301quipe"), [], "é typed as e and a combining accent");
    assert.deepEqual(
      check("Zoe", "Équipe"),
      ["Zoe owns this decision, but \"Équipe\" lies in Zoé's lane: the lane's owner decides, or the lanes change."],
      "Zoe and Zoé are two people",
    );
    assert.deepEqual(check("Ada", "🚀 growth"), []);
    assert.deepEqual(check("Ada", "💰 Finance"), [], "a kind no lane names is not judged");
    assert.deepEqual(check("王芳", "広報"), []);

    const f = laneFindings([
      lane("王芳", "価格", "Owns outright"),
      lane("李娜", "価格", "owns outright"),
      lane("張偉", "採用", "Coordinates", "王芳"),
      lane("Ольга", "Бюджет", "Coordinates"),
    ]);
    assert.match(f[0][0], /^王芳 and 李娜 both own "価格" outright/);
    assert.deepEqual(
      f[2],
      ['Nobody decides "採用": every leader who named it coordinates on it. Name the one leader who decides.'],
      "採用 is not 価格",
    );
    assert.include(f[3], 'Ольга coordinates on "Бюджет" with nobody named: say with whom.');

    assert.deepEqual(
      outcomeGaps({outcome: "Маржа", agreed: ["Ольга", "王芳"], notYet: []}, ["ОЛЬГА", "王芳", "李娜"]).unanswered,
      ["李娜"],
    );
    assert.deepInclude(
      widestSpread([
        {leader: "王芳", area: "財務", tolerance: 1},
        {leader: "李娜", area: "財務", tolerance: 2},
        {leader: "Ольга", area: "Финансы", tolerance: 1},
        {leader: "Иван", area: "ФИНАНСЫ", tolerance: 5},
      ]),
      {area: "Финансы", spread: 4},
    );
  });

  it("quotes at most 40 characters of a lane or a leader, cut with an ellipsis", function () {
    const kind = "Pricing, packaging and discount limits for every enterprise region";
    const leader = "Maximiliana Alexandra Konstantinopoulou-Smythe";
    const texts = [
      ...laneFindings([
        lane(leader, kind, "Owns outright"),
        lane("Tom", kind, "Owns outright"),
        lane(leader, `${kind} 2`, "Coordinates"),
      ]).flat(),
      ...laneCheck({owners: ["Tom"], approvers: [], consulted: [], kind}, [lane(leader, kind, "Decides alone")]),
    ];
    assert.isNotEmpty(texts);
    for (const text of texts) {
      assert.notInclude(text, kind.slice(0, 41));
      assert.notInclude(text, leader.slice(0, 41));
    }
    assert.include(texts[0], '"Pricing, packaging and discount limits…"');
  });

  it("reads lanes given as lists, refusing an unknown authority", function () {
    assert.deepEqual(lanesFrom(["Hana", null, ""], ["Hosting", "x", "y"], ["Decides alone", "", null]), [
      {leader: "Hana", kind: "Hosting", authority: "Decides alone", with: []},
    ]);
    assert.throws(
      () => lanesFrom(["Hana"], ["Hosting"], ["Vetoes"]),
      /Lane 1 has the authority "Vetoes"; use one of: Decides alone, Coordinates, Owns outright/,
    );
    assert.throws(() => lanesFrom(["Hana"], [], []), /laneLeaders has 1 entries but laneKinds has 0/);
  });

  it("DecisionCheck reports lane problems beside ownership problems", async function () {
    const result = await executeFormulaFromPackDef(pack, "DecisionCheck", [
      ["Grace Mbeki", "Hana Sato"],
      [],
      [],
      "Hosting",
      ["Hana Sato"],
      ["Hosting"],
      ["Decides alone"],
    ] as coda.ParamValues<coda.ParamDefs>);
    assert.deepEqual(result, [
      "2 owners (Grace Mbeki, Hana Sato): one person must be accountable; the others approve or are consulted.",
      "Grace Mbeki owns this decision, but \"Hosting\" lies in Hana Sato's lane: the lane's owner decides, or the lanes change.",
    ]);
  });
});

describe("the Charter sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let meeting: string;
  beforeEach(function () {
    meeting = docUrl(env.seeded.meetingDocId!);
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("gives each leader's answers as typed rows, with the open disagreement and the lane conflict", async function () {
    const run = await runSync(env, pack, "Charter", [meeting]);
    const by = (q: string) => run.rows.filter(r => r.Question === q);
    assert.deepEqual(
      ["Shared outcome", "Risk tolerance", "Red line", "Expertise", "Lane"].map(q => by(q).length),
      [3, 7, 4, 4, 9],
    );
    const margin = by("Shared outcome").find(r => r.Subject.startsWith("Gross margin"))!;
    assert.include(margin, {Open: true, NotYet: "Diego Ramos"});
    assert.match(margin.Findings, /Diego Ramos said not yet/);
    assert.deepEqual(by("Shared outcome").filter(r => r.Open).length, 1, "one open disagreement");
    const pricing = by("Lane").filter(r => r.Subject === "Pricing and discounts");
    assert.lengthOf(pricing, 2);
    for (const r of pricing) assert.match(r.Findings, /both own "Pricing and discounts" outright/);
    assert.match(
      by("Lane").find(r => r.Subject === "Brand and campaigns")!.Findings,
      /coordinates on "Brand and campaigns" with nobody named/,
    );
    const widest = by("Risk tolerance").filter(r => /spreads widest/.test(r.Findings ?? ""));
    assert.deepEqual(
      widest.map(r => [r.Leader.Name, r.Tolerance]),
      [
        ["Hana Sato", 2],
        ["Tom Okafor", 5],
      ],
    );
    assert.deepInclude(by("Expertise")[0], {With: "Grace Mbeki", Subject: "Pricing floors and discount limits"});
    assert.equal(env.emulator.stats.requests, 6, "one request for each of the five charter tables and the leaders");
  });

  it("reports bad answers on their rows, never dropping one", async function () {
    const docId = env.seeded.meetingDocId!;
    const maya = {name: "Maya Lindqvist", email: "maya@northstar.example.com"};
    putRow(env, docId, CharterTables.tolerance, {Leader: maya, Area: "Cash", Tolerance: "very low"});
    putRow(env, docId, CharterTables.tolerance, {Leader: maya, Area: "People", Tolerance: 7});
    putRow(env, docId, CharterTables.redLines, {Leader: maya, "Red Line": ""});
    putRow(env, docId, CharterTables.expertise, {Leader: maya, "Defers To": maya});
    putRow(env, docId, CharterTables.lanes, {Leader: maya, Decision: "Board agenda", Authority: "Vetoes"});
    putRow(env, docId, CharterTables.outcomes, {Outcome: "", Agreed: [maya]});
    const run = await runSync(env, pack, "Charter", [meeting]);
    assert.lengthOf(run.rows, 27 + 6);
    const problems = run.rows.filter(r => r.Problems).map(r => r.Problems);
    assert.includeMembers(problems, [
      'Tolerance holds text ("very low"), not a number.',
      "Tolerance is 7: give a whole number from 1 (avoid risk) to 5 (seek risk).",
      "The red line is blank: say what this leader cannot compromise on.",
      "Maya Lindqvist defers to themselves: name a peer whose expertise they acknowledge. Domain is blank: say in what.",
      'Authority "Vetoes" is not one of: Decides alone, Coordinates, Owns outright.',
      "The outcome is blank: say what the leaders own together.",
    ]);
  });

  it("never fails Decisions over a half-built Lanes table, while the Charter sync says what is missing", async function () {
    const lanes = env.emulator.doc(env.seeded.meetingDocId!)!.tables.find(t => t.name === CharterTables.lanes)!;
    lanes.columns.find(c => c.name === "Authority")!.name = "Say";
    const decisions = await runSync(env, pack, "Decisions", [meeting]);
    assert.isNotEmpty(decisions.rows);
    assert.isFalse(
      decisions.rows.some(r => /lane/.test(r.Problems ?? "")),
      "lanes without an Authority column are not judged",
    );
    const error = await rejection(runSync(env, pack, "Charter", [meeting]));
    assert.match(error.message, /The table Lanes has no column for Authority\./);
  });

  it("says which tables to add when the doc has none of the charter's", async function () {
    for (const t of Object.values(CharterTables)) dropTable(env, env.seeded.meetingDocId!, t);
    const error = await rejection(runSync(env, pack, "Charter", [meeting]));
    assert.match(
      error.message,
      /has none of the charter's tables: add at least one of Shared Outcomes, Risk Tolerance, Red Lines, Expertise, Lanes/,
    );
  });
});
