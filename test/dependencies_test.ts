import {assert} from "chai";
import {NextMeeting} from "../sample/meetings";
import type {GraphItem} from "../src/engine/dependencies";
import {analyzeGraph, criticalPath} from "../src/engine/dependencies";
import {pack} from "../src/pack";
import {putRow} from "./support/alignment";
import {docUrl, runSync, useEmulator} from "./support/emulator";
import {DependencyTables} from "../src/sync/tables";

const open = (duration: number, due?: number): GraphItem => ({duration, due, done: false});

describe("dependency graphs", function () {
  it("finds each cycle and names it in order", function () {
    // 0 → 1 → 2 → 0, 3 → 3, and 4 → 5 with no cycle.
    const a = analyzeGraph(
      [open(1), open(1), open(1), open(1), open(1), open(1)],
      [
        {from: 0, to: 1},
        {from: 1, to: 2},
        {from: 2, to: 0},
        {from: 3, to: 3},
        {from: 4, to: 5},
      ],
      0,
    );
    const cycles = a.cycles.map(c => c.join(" → ")).sort();
    assert.deepEqual(cycles, ["0 → 1 → 2 → 0", "3 → 3"]);
    assert.deepEqual(
      [...a.cycleOf].map(c => c >= 0),
      [true, true, true, true, false, false],
    );
    assert.isTrue(Number.isNaN(a.earliestFinish[0]), "an item in a cycle has no earliest finish");
    assert.equal(a.earliestFinish[5], 2);
  });

  it("finds the critical path: the chain of open items that finishes last", function () {
    // 0 (5 days) and 1 (2 days) both feed 2 (3 days); 2 feeds 3, due on day 20.
    const a = analyzeGraph(
      [open(5), open(2), open(3), open(1, 20)],
      [
        {from: 0, to: 2},
        {from: 1, to: 2},
        {from: 2, to: 3},
      ],
      0,
    );
    assert.deepEqual([...a.earliestFinish], [5, 2, 8, 20]);
    assert.deepEqual(criticalPath(a, 2), [0, 2]);
    assert.deepEqual(criticalPath(a, 3), [0, 2, 3]);
    const late = analyzeGraph([open(30), open(1, 20)], [{from: 0, to: 1}], 0);
    assert.equal(late.earliestFinish[1], 31, "a predecessor that runs late pushes its follower past its date");
  });

  it("lets a done item constrain nothing", function () {
    const a = analyzeGraph([{duration: 40, done: true}, open(2)], [{from: 0, to: 1}], 10);
    assert.equal(a.earliestFinish[1], 12);
    assert.deepEqual(criticalPath(a, 1), [1]);
  });

  it("handles 10,000 edges in a chain and in one long cycle without exhausting the stack", function () {
    const n = 10_001;
    const items = Array.from({length: n}, () => open(1));
    const chain = Array.from({length: n - 1}, (_, i) => ({from: i, to: i + 1}));
    const a = analyzeGraph(items, chain, 0);
    assert.equal(a.earliestFinish[n - 1], n);
    assert.lengthOf(criticalPath(a, n - 1), n);
    const ring = analyzeGraph(items, [...chain, {from: n - 1, to: 0}], 0);
    assert.lengthOf(ring.cycles, 1);
    assert.lengthOf(ring.cycles[0], n + 1);
  });

  it("ignores edges to items that do not exist", function () {
    const a = analyzeGraph(
      [open(1)],
      [
        {from: 0, to: 3},
        {from: -1, to: 0},
      ],
      0,
    );
    assert.deepEqual(a.cycles, []);
    assert.equal(a.earliestFinish[0], 1);
  });
});

describe("the Dependencies sync table over HTTP", function () {
  this.timeout(30_000);
  const env = useEmulator({validate: true});
  let params: unknown[];
  beforeEach(function () {
    params = [
      docUrl(env.seeded.meetingDocId!),
      env.seeded.teamDocIds.map(docUrl),
      undefined,
      undefined,
      new Date(`${NextMeeting}T08:00:00Z`),
    ];
  });
  afterEach(function () {
    assert.deepEqual(env.emulator.violations, [], "every response matches the OpenAPI spec");
  });

  it("shows each gate: one blocked by an off-track key result, one cycle named, critical paths to a date", async function () {
    const run = await runSync(env, pack, "Dependencies", params);
    assert.lengthOf(run.rows, 6);
    const by = new Map(run.rows.map(r => [r.Name, r]));
    const beta = by.get("Partners building on the beta → Partner API general availability")!;
    assert.include(beta, {
      Blocked: true,
      BlockedReason: "Blocked: Partners building on the beta is off track.",
      UpstreamKind: "Key result",
      NeededBy: "2026-12-31",
      SlackDays: -20,
    });
    const certification = by.get("Partner API general availability → Partner certification program")!;
    assert.include(certification, {
      Blocked: false,
      CriticalPath: "Partners building on the beta → Partner API general availability → Partner certification program",
      EarliestFinish: "2027-02-15",
    });
    const cycle = run.rows.filter(r => r.Cycle);
    assert.lengthOf(cycle, 2);
    for (const r of cycle) {
      assert.equal(r.Cycle, "Enterprise pricing tiers → Enterprise onboarding playbook → Enterprise pricing tiers");
      assert.isTrue(r.Blocked);
      assert.notProperty(r, "EarliestFinish");
    }
    assert.include(by.get("Capacity audit finished → Hosting contract renewed")!, {
      Blocked: false,
      UpstreamStatus: "On track",
    });
  });

  it("reports a name that is neither a milestone nor a key result, and bad cells, on the row", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, DependencyTables.dependencies, {
      Item: "Partner certification program",
      "Depends On": "Partner API general availabilty",
      "Needed By": "next month",
    });
    putRow(env, docId, DependencyTables.dependencies, {Item: "KR9", "Depends On": ""});
    putRow(env, docId, DependencyTables.milestones, {Milestone: "Launch event", Due: "spring", Days: "ten"});
    putRow(env, docId, DependencyTables.dependencies, {Item: "Launch event", "Depends On": "KR9"});
    const run = await runSync(env, pack, "Dependencies", params);
    assert.lengthOf(run.rows, 9);
    const typo = run.rows.find(r => r.Upstream === "Partner API general availabilty")!;
    assert.equal(
      typo.Problems,
      'Needed By holds "next month", not a date: write it as YYYY-MM-DD. "Partner API general availabilty" is neither a milestone nor a key result; did you mean "Partner API general availability"?',
    );
    const blank = run.rows.find(r => r.Downstream === "Endpoints live in the public API" && !r.Upstream)!;
    assert.equal(blank.Problems, "Depends On is blank: name the milestone or key result this item waits on.");
    const launch = run.rows.find(r => r.Downstream === "Launch event")!;
    assert.equal(
      launch.Problems,
      'Due holds "spring", not a date: write it as YYYY-MM-DD. Days holds text ("ten"), not a number.',
    );
    assert.include(
      launch,
      {UpstreamKind: "Key result", Upstream: "Endpoints live in the public API"},
      "a key result named by its code",
    );
  });

  it("makes one gate per upstream item when Depends On names several, each with its own stable id", async function () {
    const docId = env.seeded.meetingDocId!;
    const rowId = putRow(env, docId, DependencyTables.dependencies, {
      Item: "Hosting contract renewed",
      "Depends On": "Partner API general availability, Capacity audit finished",
    });
    const run = await runSync(env, pack, "Dependencies", params);
    assert.lengthOf(run.rows, 8);
    const gates = run.rows.filter(r => r.Id.startsWith(`${docId}/${rowId}`));
    assert.deepEqual(
      gates.map(r => r.Upstream),
      ["Partner API general availability", "Capacity audit finished"],
    );
    assert.deepEqual(
      gates.map(r => r.Id),
      [`${docId}/${rowId}`, `${docId}/${rowId}#2`],
    );
    for (const r of gates) assert.equal(r.Downstream, "Hosting contract renewed");
    const again = await runSync(env, pack, "Dependencies", params);
    assert.deepEqual(
      again.rows.map(r => r.Id),
      run.rows.map(r => r.Id),
      "the ids are the same on every sync",
    );
  });

  it("reports an earliest finish past the year 9999 on its row, leaving the other gates whole", async function () {
    const docId = env.seeded.meetingDocId!;
    putRow(env, docId, DependencyTables.milestones, {Milestone: "Far launch", Due: "9999-12-20"});
    putRow(env, docId, DependencyTables.milestones, {Milestone: "After the far launch", Days: 30});
    putRow(env, docId, DependencyTables.dependencies, {Item: "After the far launch", "Depends On": "Far launch"});
    const run = await runSync(env, pack, "Dependencies", params);
    assert.lengthOf(run.rows, 7);
    const far = run.rows.find(r => r.Downstream === "After the far launch")!;
    assert.notProperty(far, "EarliestFinish");
    assert.notProperty(far, "SlackDays");
    assert.match(far.Problems, /The earliest finish falls in the year 10000: dates run from the year 1000 to 9999\./);
    assert.include(
      run.rows.find(r => r.Name === "Partner API general availability → Partner certification program")!,
      {EarliestFinish: "2027-02-15"},
    );
  });
});
