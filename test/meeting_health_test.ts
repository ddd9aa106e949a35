import * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import fc from "fast-check";
import type {SampleEmulator} from "../emulator/sample";
import {NextMeeting, sampleMeetings} from "../sample/meetings";
import {day, isoDay, plusDays} from "../src/engine/calendar";
import type {MeetingInput, RatingInput} from "../src/engine/meeting_health";
import {healthHotItem, lastBefore, meetingHealth, readRating} from "../src/engine/meeting_health";
import type {Seat} from "../src/engine/seats";
import {pack} from "../src/pack";
import {docUrl, rejection, runSync, useEmulator} from "./support/emulator";

const ann = {name: "Ann Lee", email: "ann@example.com"};
const bo = {name: "Bo Chan", email: "bo@example.com"};
const cy = {name: "Cy Dee", email: "cy@example.com"};
const meeting = (id: string, date: string | undefined, attendees = [ann, bo, cy], kind = ""): MeetingInput => ({
  id,
  name: `M ${id}`,
  date: date ? day(date) : undefined,
  kind,
  attendees,
  problems: [],
});
const rate = (
  meetingId: string,
  attendee: typeof ann,
  rating: number | string | undefined,
  reason = "",
): RatingInput => ({meetingId, attendee, rating, reason});

describe("meeting health (engine)", function () {
  it("reads a rating as a whole number from 1 to 10", function () {
    assert.deepEqual(readRating(8), {value: 8});
    assert.deepEqual(readRating(1), {value: 1});
    assert.deepEqual(readRating(10), {value: 10});
    assert.match(readRating(0).problem!, /^is 0: give a whole number from 1 to 10\.$/);
    assert.match(readRating(11).problem!, /^is 11:/);
    assert.match(readRating(7.5).problem!, /^is 7\.5:/);
    assert.match(readRating("8/10").problem!, /^is "8\/10", not a number/);
    assert.match(readRating(undefined).problem!, /^is blank/);
  });

  it("averages the ratings, names who did not rate and reports every bad rating on the meeting", function () {
    const [h] = meetingHealth(
      [meeting("m1", "2026-11-10")],
      [
        rate("m1", ann, 9),
        rate("m1", bo, 6, "Too much status"),
        rate("m1", ann, 4, "again"),
        rate("m1", cy, "8/10"),
        rate("m1", {name: "Di Eve", email: "di@example.com"}, 7),
        rate("m2", ann, 1),
      ],
      [],
      [],
    );
    assert.equal(h.average, 7.33, "two decimals");
    assert.equal(h.lowest, 6);
    assert.equal(h.ratings, 3);
    assert.deepEqual(h.missingRatings, ["Cy Dee"]);
    assert.deepEqual(h.problems, [
      "Ann Lee rated the meeting twice: keep one rating; the first counts.",
      'Cy Dee\'s rating is "8/10", not a number: give a whole number from 1 to 10.',
      "Di Eve rated the meeting but is not among its attendees.",
      "Di Eve rated 7 without a reason: a rating below 8 needs one.",
    ]);
    assert.isFalse(h.healthy);
    assert.match(h.findings[0], /^Rated 7\.33 on average, below 8\./);
  });

  it("takes the threshold for reasons and for health from its parameter", function () {
    const [h] = meetingHealth(
      [meeting("m1", "2026-11-10", [ann, bo])],
      [rate("m1", ann, 7), rate("m1", bo, 6)],
      [],
      [],
      {threshold: 6},
    );
    assert.deepEqual(h.problems, []);
    assert.isTrue(h.healthy);
  });

  it("reports a meeting without a date or of an unknown kind on its row, and still judges its ratings", function () {
    const [h] = meetingHealth(
      [meeting("m1", undefined, [ann], "Fortnightly")],
      [rate("m1", ann, 9)],
      [{owner: "Ann Lee", due: day("2026-11-01"), done: false}],
      [{raised: day("2026-10-01"), open: true}],
    );
    assert.deepEqual(
      h.problems,
      [
        "No date: give the meeting its date, so its action items, issues and trend can be judged.",
        'Kind "Fortnightly" is not one of Weekly, Monthly, Quarterly, Offsite, Executive session; Weekly is assumed.',
      ].reverse(),
    );
    assert.equal(h.type, "Weekly");
    assert.equal(h.average, 9);
    assert.equal(h.actionsDue, 0);
    assert.isUndefined(h.issuesCarried);
    assert.isUndefined(h.trend);
  });

  it("counts the action items due since the previous meeting, done share and per owner, against 90%", function () {
    const meetings = [meeting("a", "2026-11-03"), meeting("b", "2026-11-10")];
    const actions = [
      {owner: "Ann Lee", due: day("2026-11-03"), done: true},
      {owner: "Ann Lee", due: day("2026-11-07"), done: false},
      {owner: "Bo Chan", due: day("2026-11-09"), done: true},
      {owner: "Bo Chan", due: day("2026-11-10"), done: false},
      {owner: "Bo Chan", due: day("2026-10-27"), done: true},
      {owner: undefined, due: undefined, done: false},
    ];
    const [a, b] = meetingHealth(meetings, [], actions, []);
    assert.equal(a.actionsDue, 1, "the first meeting looks back a week");
    assert.deepEqual(a.doneByOwner, ["Bo Chan 1/1"]);
    assert.equal(b.actionsDue, 3, "due on the previous meeting's day up to the day before this one");
    assert.equal(b.actionsDone, 2);
    assert.closeTo(b.doneShare!, 2 / 3, 1e-9);
    assert.deepEqual(b.doneByOwner, ["Ann Lee 1/2", "Bo Chan 1/1"]);
    assert.isFalse(b.healthy);
    assert.equal(b.findings[0], "2 of 3 action items due were done (67%), short of the 90% target.");
    const [, ok] = meetingHealth(
      meetings,
      [],
      actions.filter(x => x.done || x.due?.getTime() === day("2026-11-10").getTime()),
      [],
    );
    assert.equal(ok.doneShare, 1);
    assert.isTrue(ok.healthy);
  });

  it("marks a meeting missing a required seat as low-health, an empty seat too", function () {
    const seats: Seat[] = [
      {name: "CEO", person: ann, responsibilities: [], requiredIn: ["Weekly", "Quarterly"]},
      {name: "Finance", person: bo, responsibilities: [], requiredIn: ["Weekly"]},
      {name: "Security", responsibilities: [], requiredIn: ["Quarterly"]},
    ];
    const [w, q, ok] = meetingHealth(
      [
        meeting("w", "2026-11-10", [ann]),
        meeting("q", "2026-10-06", [ann, bo], "Quarterly"),
        meeting("ok", "2026-11-17", [ann, bo]),
      ],
      [],
      [],
      [],
      {seats},
    );
    assert.deepEqual(w.absentSeats, ["Finance (Bo Chan)"]);
    assert.equal(w.findings[0], "Required seat absent: Finance (Bo Chan).");
    assert.deepEqual(q.absentSeats, ["Security (empty)"]);
    assert.isFalse(q.healthy);
    assert.isTrue(ok.healthy);
    assert.include(ok.findings, "No ratings yet: ask each attendee for a rating from 1 to 10.");
  });

  it("reuses MeetingMix for the time on problem solving, and reports a bad item", function () {
    const items = new Map([
      ["a", {kinds: ["Check-in", "Problem solving", "Status"], minutes: [10, 60, 20]}],
      ["b", {kinds: ["Chit-chat"], minutes: [10]}],
    ]);
    const [a, b] = meetingHealth([meeting("a", "2026-11-03"), meeting("b", "2026-11-10")], [], [], [], {items});
    assert.closeTo(a.mix!.problemSolving, 60 / 90, 1e-9);
    assert.closeTo(a.mix!.status, 20 / 90, 1e-9);
    assert.isUndefined(b.mix);
    assert.match(b.problems[0], /^Its agenda items: Item 1 is of kind "Chit-chat"/);
  });

  it("counts the issues solved since the last meeting and those carried past it", function () {
    const issues = [
      {raised: day("2026-10-20"), solved: day("2026-11-10"), open: false},
      {raised: day("2026-10-20"), open: true},
      {raised: day("2026-11-10"), open: true},
      {raised: day("2026-10-27"), solved: day("2026-11-17"), open: false},
    ];
    const [a, b] = meetingHealth([meeting("a", "2026-11-03"), meeting("b", "2026-11-10")], [], [], issues);
    assert.deepEqual([a.issuesSolved, a.issuesCarried], [0, 3]);
    assert.deepEqual([b.issuesSolved, b.issuesCarried], [1, 2]);
  });

  it("gives the direction of the average rating over the last 13 meetings", function () {
    const dates = Array.from({length: 16}, (_, i) => isoDay(plusDays(day("2026-08-04"), 7 * i)));
    // Falling for the first three, then climbing for thirteen: the window sees only the climb.
    const averages = [10, 9, 8, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9];
    const meetings = dates.map((d, i) => meeting(`m${i}`, d, [ann]));
    const rows = meetingHealth(
      meetings,
      averages.map((v, i) => rate(`m${i}`, ann, v, "r")),
      [],
      [],
    );
    assert.isUndefined(rows[0].trend, "one meeting is no trend");
    assert.equal(rows[2].trend, "Down");
    assert.equal(rows[15].trend, "Up");
    assert.equal(
      rows[15].trendDetail,
      "Up over the last 13 meetings: the least-squares line of the average rating rises from 4.96 at the first to 9.05 at the last.",
    );
  });

  it("puts a low-health meeting on the next agenda, and finds the last meeting before a day", function () {
    const rows = meetingHealth(
      [meeting("a", "2026-11-10", [ann]), meeting("b", "2026-11-17", [ann]), meeting("c", undefined, [ann])],
      [rate("a", ann, 9), rate("b", ann, 6, "late")],
      [],
      [],
    );
    assert.equal(lastBefore(rows, day("2026-11-24"))!.meeting.id, "b");
    assert.equal(lastBefore(rows, day("2026-11-17"))!.meeting.id, "a");
    assert.isUndefined(lastBefore(rows, day("2026-11-10")));
    assert.deepEqual(healthHotItem(rows[1]), {
      name: "the meeting of 2026-11-17 was low-health",
      detail: "Rated 6 on average, below 8",
    });
    assert.isUndefined(healthHotItem(rows[0]));
  });

  it("never gives NaN, an average outside its ratings, or a done share outside 0-1", function () {
    const rating = fc.oneof(
      fc.integer({min: -2, max: 13}),
      fc.constant("8/10"),
      fc.constant(undefined),
      fc.double({noNaN: true}),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({who: fc.integer({min: 0, max: 2}), rating}), {maxLength: 12}),
        fc.array(fc.record({due: fc.integer({min: -10, max: 10}), done: fc.boolean()}), {maxLength: 8}),
        (given, acts) => {
          const people = [ann, bo, cy];
          const [h] = meetingHealth(
            [meeting("m", "2026-11-10")],
            given.map(g => rate("m", people[g.who], g.rating)),
            acts.map(a => ({owner: "Ann Lee", due: plusDays(day("2026-11-10"), a.due), done: a.done})),
            [],
          );
          if (h.average !== undefined) {
            assert.isTrue(Number.isFinite(h.average));
            assert.isAtLeast(h.average, h.lowest!);
            assert.isAtMost(h.average, 10);
            assert.isAtLeast(h.lowest!, 1);
          }
          if (h.doneShare !== undefined) assert.isTrue(h.doneShare >= 0 && h.doneShare <= 1);
          assert.equal(h.ratings + h.missingRatings.length, 3);
        },
      ),
    );
  });
});

describe("the MeetingHealth sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  const asOf = new Date(`${NextMeeting}T08:00:00Z`);
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("judges thirteen weeks of meetings, the last one low-health", async function () {
    const run = await runSync(env, pack, "MeetingHealth", [
      docUrl(env.seeded.meetingDocId!),
      undefined,
      undefined,
      asOf,
    ]);
    assert.lengthOf(run.rows, 13);
    const last = run.rows.find(r => r.Date === "2026-11-17")!;
    assert.include(last, {
      Kind: "Weekly",
      AverageRating: 7,
      LowestRating: 6,
      Ratings: 7,
      RequiredSeatsAbsent: "Revenue (Diego Ramos)",
      ActionsDue: 3,
      ActionsDone: 1,
      MeetsDoneTarget: false,
      DoneByOwner: "Lena Fischer 0/1; Tom Okafor 0/1; Sam Whitaker 1/1",
      IssuesSolved: 0,
      IssuesCarried: 5,
      StartedOnTime: false,
      Healthy: false,
    });
    assert.closeTo(last.DoneShare, 1 / 3, 1e-9);
    assert.closeTo(last.ProblemSolving, 55 / 90, 1e-9);
    assert.match(
      last.Findings,
      /^Rated 7 on average, below 8\. 1 of 3 action items due was done \(33%\), short of the 90% target\. Required seat absent: Revenue \(Diego Ramos\)\./,
    );
    // The ratings climb for twelve weeks and drop at the last meeting: the line still rises, and says so with its own ends.
    assert.include(last, {
      RatingTrend: "Up",
      TrendDetail:
        "Up over the last 13 meetings: the least-squares line of the average rating rises from 7.94 at the first to 8.51 at the last.",
    });
    assert.notProperty(last, "Problems");
    const previous = run.rows.find(r => r.Date === "2026-11-10")!;
    assert.include(previous, {Healthy: true, MissingRatings: "Priya Natarajan", RatingTrend: "Up"});
    assert.include(
      run.rows.find(r => r.Date === "2026-10-06")!,
      {Kind: "Quarterly", RequiredSeatsAbsent: "Security and Compliance (empty)", Healthy: false},
    );
    assert.include(
      run.rows.find(r => r.Date === "2026-08-25")!,
      {IssuesSolved: 1},
    );
  });

  describe("with bad rows", function () {
    // This describe's own emulator: the sample with its bad rows.
    const env = useEmulator({validate: true, withBadRows: true});
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("reports the bad rows on their meeting's row, never dropping them", async function () {
      const doc = env.emulator.doc(env.seeded.meetingDocId!)!;
      const ratings = doc.tables.find(t => t.name === "Ratings")!;
      const first = ratings.rows[0];
      ratings.rows.push({
        ...first,
        id: "i-lost0001",
        values: new Map([...first.values].map(([k, v]) => [k, k === ratings.columns[0].id ? "Offsite 2027" : v])),
      });
      const run = await runSync(env, pack, "MeetingHealth", [
        docUrl(env.seeded.meetingDocId!),
        undefined,
        undefined,
        asOf,
      ]);
      assert.lengthOf(run.rows, 15);
      const board = run.rows.find(r => r.Name === "Board prep session")!;
      assert.notProperty(board, "Date");
      assert.include(board, {Kind: "Executive session", AverageRating: 6, Ratings: 1});
      assert.equal(
        board.Problems,
        "No date: give the meeting its date, so its action items, issues and trend can be judged. " +
          "Maya Lindqvist's rating is 0: give a whole number from 1 to 10. Grace Mbeki's rating is 11: give a whole number from 1 to 10. " +
          'Diego Ramos\'s rating is "8/10", not a number: give a whole number from 1 to 10. Tom Okafor rated 6 without a reason: a rating below 8 needs one.',
      );
      const lost = run.rows.find(r => r.Name === "Ratings without a meeting")!;
      assert.match(lost.Problems, /Maya Lindqvist for "Offsite 2027"/);
    });
  });

  it("refuses a threshold out of range, and a doc without a Meetings table, with the fix", async function () {
    const error = await rejection(runSync(env, pack, "MeetingHealth", [docUrl(env.seeded.meetingDocId!), 80]));
    assert.instanceOf(error, coda.UserVisibleError);
    assert.equal(error.message, "ratingThreshold must be a whole number from 2 to 10, not 80.");
    const missing = await runSync(env, pack, "MeetingHealth", [docUrl(env.seeded.metricsDocId!)]);
    assert.deepEqual(
      missing.rows.map(r => r.Name),
      ["Add a Meetings table (tier 3) to see each meeting's health and who facilitated last."],
      "a doc of a lower tier gets what adding the table would give, not an error",
    );
  });

  describe("beside a doc that rates no meetings", function () {
    // A second emulator: the sample without its meeting discipline tables, Ratings among them.
    const unrated = useEmulator(() => ({validate: true, meetings: {...sampleMeetings(), discipline: undefined}}));
    afterEach(function () {
      assert.deepEqual(unrated.emulator.violations, [], "every response matches the OpenAPI spec");
    });

    it("puts the low-health last meeting on the next agenda, only in docs that rate meetings", async function () {
      const params = (e: SampleEmulator) => [docUrl(e.seeded.meetingDocId!), asOf, 90, [], undefined];
      const agenda = await runSync(env, pack, "MeetingAgenda", params(env));
      const item = agenda.rows.find(r => r.Source === "Meeting health")!;
      assert.match(
        item.Name,
        /^Meeting health: the meeting of 2026-11-17 was low-health \(Rated 7 on average, below 8\. 1 of 3 action items due was done/,
      );
      assert.equal(item.Kind, "Information");
      assert.equal(item.Owner, agenda.rows[0].Facilitator);
      assert.equal(
        agenda.rows.reduce((n, r) => n + r.Minutes, 0),
        90,
      );
      const earlier = await runSync(env, pack, "MeetingAgenda", [
        docUrl(env.seeded.meetingDocId!),
        new Date("2026-11-17T08:00:00Z"),
        90,
        [],
        undefined,
      ]);
      assert.isFalse(
        earlier.rows.some(r => r.Source === "Meeting health"),
        "the meeting of 10 November was healthy",
      );

      const plain = await runSync(unrated, pack, "MeetingAgenda", params(unrated));
      assert.isFalse(plain.rows.some(r => r.Source === "Meeting health"));
    });
  });

  it("builds the agenda when a Ratings table lacks a column, and says what is missing in MeetingHealth", async function () {
    const ratings = env.emulator.doc(env.seeded.meetingDocId!)!.tables.find(t => t.name === "Ratings")!;
    ratings.columns.find(c => c.name === "Rating")!.name = "Stars";
    const agenda = await runSync(env, pack, "MeetingAgenda", [
      docUrl(env.seeded.meetingDocId!),
      asOf,
      90,
      [],
      undefined,
    ]);
    assert.equal(
      agenda.rows.reduce((n, r) => n + r.Minutes, 0),
      90,
    );
    assert.isFalse(
      agenda.rows.some(r => r.Source === "Meeting health"),
      "no ratings, no judgement",
    );
    const error = await rejection(runSync(env, pack, "MeetingHealth", [docUrl(env.seeded.meetingDocId!)]));
    assert.instanceOf(error, coda.UserVisibleError);
    assert.match(
      error.message,
      /The table Ratings has no column for Rating\. Its columns: Meeting, Attendee, Stars, Reason\. Rename one/,
    );
  });
});
