import {assert} from "chai";
import {InputError} from "../src/engine/errors";
import {alignmentFindings, parseParents, rollUp} from "../src/engine/tree";

describe("engine: alignment findings", function () {
  it("reads comma-separated parents, trimmed and without repeats", function () {
    assert.deepEqual(parseParents(" G1, G2 ,,G1"), ["G1", "G2"]);
    assert.deepEqual(parseParents(undefined), []);
  });

  it("accepts an objective that supports several goals", function () {
    assert.deepEqual(alignmentFindings(["O1"], ["G1, G2"], ["G1", "G2"]), []);
  });

  it("finds orphans, broken links, duplicates and loops together", function () {
    const findings = alignmentFindings(
      ["O1", "O2", "O3", "O3", "K1", "K2", "K3", "K4"],
      ["G1", "", "G7", "G1", "O1", "K3", "K4", "K2"],
      ["G1"],
    );
    assert.deepEqual(
      findings.map(f => `${f.id}:${f.problem}`),
      ["K2:Cycle", "K3:Cycle", "K4:Cycle", "O2:Orphan", "O3:Broken link", "O3:Duplicate id"],
    );
    assert.equal(findings[0].detail, "Supports itself through a loop: K2 → K3 → K4 → K2.");
    assert.equal(findings[5].detail, "O3 is used by 2 rows; ids must be unique.");
  });

  it("finds a node that supports itself", function () {
    assert.deepEqual(alignmentFindings(["A"], ["A"]), [
      {id: "A", problem: "Cycle", detail: "Supports itself through a loop: A → A."},
    ]);
  });

  it("treats a root listed among the ids as needing no parent", function () {
    assert.deepEqual(alignmentFindings(["G1", "O1"], ["", "G1"], ["G1"]), []);
  });

  it("skips blank ids and checks the lists line up", function () {
    assert.deepEqual(alignmentFindings(["O1", "", undefined], ["G1", "", ""], ["G1"]), []);
    assert.throws(() => alignmentFindings(["O1"], []), InputError, /ids has 1 entries but parentIds has 0/);
  });

  it("handles a chain far deeper than the call stack", function () {
    const n = 200_000;
    const ids = Array.from({length: n}, (_, i) => `N${i}`);
    const parents = ids.map((_, i) => (i === 0 ? `N${n - 1}` : `N${i - 1}`));
    const findings = alignmentFindings(ids, parents);
    assert.lengthOf(findings, n);
    assert.isTrue(findings.every(f => f.problem === "Cycle"));
  });
});

describe("engine: roll-up", function () {
  it("takes weighted means of children, level by level", function () {
    const result = rollUp(
      ["G1", "O1", "O2", "K1", "K2", "K3"],
      ["", "G1", "G1", "O1", "O1", "O2"],
      [undefined, undefined, undefined, 0.2, 1, 0.5],
      [undefined, 3, 1, 1, 1, 1],
    );
    assert.deepEqual(result, [
      {id: "G1", score: 0.575, depth: 0, leaves: 3},
      {id: "O1", score: 0.6, depth: 1, leaves: 2},
      {id: "O2", score: 0.5, depth: 1, leaves: 1},
      {id: "K1", score: 0.2, depth: 2, leaves: 1},
      {id: "K2", score: 1, depth: 2, leaves: 1},
      {id: "K3", score: 0.5, depth: 2, leaves: 1},
    ]);
  });

  it("counts a child with two parents toward each", function () {
    const result = rollUp(["G1", "G2", "O1"], ["", "", "G1,G2"], [undefined, undefined, 0.4]);
    assert.deepEqual(
      result.map(r => r.score),
      [0.4, 0.4, 0.4],
    );
  });

  it("leaves a node blank when nothing beneath it is scored", function () {
    const [goal, objective] = rollUp(["G1", "O1"], ["", "G1"], [undefined, undefined]);
    assert.isUndefined(goal.score);
    assert.isUndefined(objective.score);
  });

  it("treats a parent outside the list as a root", function () {
    assert.equal(rollUp(["O1"], ["G-elsewhere"], [0.3])[0].depth, 0);
  });

  it("names the loop it cannot roll up", function () {
    assert.throws(() => rollUp(["A", "B", "C"], ["", "C", "B"], [1, 1, 1]), InputError, /loop.*B → C → B/);
  });

  it("refuses duplicate ids and negative weights", function () {
    assert.throws(() => rollUp(["A", "A"], ["", ""], [1, 1]), InputError, /The id "A" is used by 2 rows/);
    assert.throws(
      () => rollUp(["A", "B"], ["", "A"], [1, 1], [1, -2]),
      InputError,
      /The weight of "B" is -2: weights must not be negative/,
    );
  });
});
