import {assert} from "chai";
import {NextMeeting, sampleMeetings} from "../sample/meetings";
import {issuesForAgenda} from "../src/engine/agenda";
import {pack} from "../src/pack";
import {docUrl, runSync, useEmulator} from "./support/emulator";

const issue = (name: string, votes: number, priority: number, longTerm = false) => ({name, votes, priority, longTerm});

describe("issues that move (engine)", function () {
  it("puts the top three by votes, then priority, first and keeps the list's order after them", function () {
    const list = [
      issue("a", 0, 1),
      issue("b", 2, 2),
      issue("c", 5, 3),
      issue("d", 2, 1),
      issue("e", 1, 1),
      issue("f", 0, 2),
    ];
    assert.deepEqual(
      issuesForAgenda(list, false).map(i => i.name),
      ["c", "d", "b", "a", "e", "f"],
    );
    assert.deepEqual(
      issuesForAgenda([issue("a", 0, 2), issue("b", 0, 1)], false).map(i => i.name),
      ["a", "b"],
      "without votes, the list's own order",
    );
  });

  it("keeps long-term issues off the weekly agenda and puts them first at the quarterly meeting", function () {
    const list = [issue("week", 3, 1), issue("later", 0, 3, true), issue("voted later", 4, 2, true)];
    assert.deepEqual(
      issuesForAgenda(list, false).map(i => i.name),
      ["week"],
    );
    assert.deepEqual(
      issuesForAgenda(list, true).map(i => i.name),
      ["voted later", "later", "week"],
    );
  });
});

describe("issues that move over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  const asOf = new Date(`${NextMeeting}T08:00:00Z`);
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("gives each issue its votes, horizon and meetings carried, and flags one carried three times as stuck", async function () {
    const run = await runSync(env, pack, "Issues", [docUrl(env.seeded.meetingDocId!), undefined, undefined, asOf]);
    const byName = new Map(run.rows.map(r => [r.Name as string, r]));
    const get = (name: string) => byName.get(name)!;
    assert.include(get("Partners stall in the beta because the API docs are incomplete"), {
      Votes: 5,
      Horizon: "This week",
      Carried: 1,
      Stuck: false,
    });
    assert.equal(
      get("Partners stall in the beta because the API docs are incomplete").Voters,
      "Tom Okafor, Maya Lindqvist, Hana Sato, Diego Ramos, Lena Fischer",
    );
    const stuck = get("Enterprise deals take longer to close");
    assert.include(stuck, {
      Votes: 1,
      Carried: 3,
      Stuck: true,
      Findings: "Stuck: carried over 3 meetings. Break it into a smaller issue, decide it, or drop it.",
    });
    assert.include(get("The brand refresh is not tied to an annual goal"), {
      Votes: 0,
      Horizon: "Long term",
      Stuck: false,
    });
    assert.notProperty(get("The brand refresh is not tied to an annual goal"), "Voters");
    assert.isFalse(
      run.rows.some(r => r.Problems),
      "the sample's issues are sound",
    );
  });

  it("reports a bad horizon, carried count or vote count on the issue's row", async function () {
    const doc = env.emulator.doc(env.seeded.meetingDocId!)!;
    const issues = doc.tables.find(t => t.name === "Issues")!;
    const column = (name: string) => issues.columns.find(c => c.name === name)!;
    const [a, b] = issues.rows;
    a.values.set(column("Horizon").id, "Someday");
    a.values.set(column("Carried").id, -2);
    column("Votes").type = "number";
    column("Votes").isArray = false;
    b.values.set(column("Votes").id, 2.5);
    for (const row of issues.rows.slice(2)) row.values.set(column("Votes").id, 3);
    const run = await runSync(env, pack, "Issues", [docUrl(env.seeded.meetingDocId!), undefined, undefined, asOf]);
    const rowA = run.rows.find(r => r.Id.endsWith(a.id))!;
    assert.equal(
      rowA.Problems,
      'Horizon "Someday" is not This week or Long term; This week is assumed. Carried is -2: give the whole number of meetings it was carried over.',
    );
    assert.include(rowA, {Horizon: "This week", Stuck: false});
    assert.notProperty(rowA, "Carried");
    const rowB = run.rows.find(r => r.Id.endsWith(b.id))!;
    assert.equal(rowB.Problems, "Votes is 2.5: give the voters, or a whole number of votes.");
    assert.equal(
      run.rows.find(r => r.Name === "Enterprise deals take longer to close")!.Votes,
      3,
      "a number column counts votes",
    );
  });

  describe("beside a doc whose coming meeting is a quarterly one", function () {
    // A second emulator: the facilitator has added the coming meeting to the Meetings table as a quarterly one.
    const quarterlyNext = useEmulator(() => {
      const sample = sampleMeetings();
      const history = sample.discipline!.meetings;
      history.push({
        date: NextMeeting,
        kind: "Quarterly",
        attendees: [],
        startedOnTime: true,
        endedOnTime: true,
        ratings: [],
        reason: "",
      });
      return {validate: true, meetings: sample};
    });
    afterEach(function () {
      assert.deepEqual(quarterlyNext.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("takes the top three by votes onto the weekly agenda, flags the stuck one, and saves the long-term list for the quarterly meeting", async function () {
      const meeting = docUrl(env.seeded.meetingDocId!);
      const weekly = await runSync(env, pack, "MeetingAgenda", [meeting, asOf, 90, [], undefined]);
      const solve = weekly.rows.filter(r => r.Source === "Issues").map(r => r.Name);
      assert.deepEqual(solve.slice(0, 3), [
        "Solve: Partners stall in the beta because the API docs are incomplete (High, 5 votes)",
        "Solve: Support backlog keeps growing after the pricing change (High, 4 votes)",
        "Solve: Gross margin under 65% until the hosting contract is renewed (High, 3 votes)",
      ]);
      assert.include(
        solve,
        "Solve: Enterprise deals take longer to close (Medium, 1 vote, stuck: carried over 3 meetings)",
      );
      assert.isFalse(
        solve.some(n => n.includes("brand refresh")),
        "a long-term issue waits for the quarterly meeting",
      );

      const quarterly = await runSync(quarterlyNext, pack, "MeetingAgenda", [
        docUrl(quarterlyNext.seeded.meetingDocId!),
        asOf,
        90,
        [],
        undefined,
      ]);
      const first = quarterly.rows.find(r => r.Source === "Issues")!;
      assert.equal(first.Name, "Solve: The brand refresh is not tied to an annual goal (Low)");
      assert.equal(
        quarterly.rows.reduce((n, r) => n + r.Minutes, 0),
        90,
      );
    });
  });
});
