import {assert} from "chai";
import fc from "fast-check";
import {editDistance, nearestName} from "../src/engine/names";

describe("engine: names matched loosely", function () {
  it("counts the edits between two names", function () {
    assert.equal(editDistance("keyresult", "keyresults"), 1);
    assert.equal(editDistance("checkins", "checkns"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("same", "same"), 0);
  });

  it("is symmetric and never more than the longer name's length (fast-check)", function () {
    fc.assert(
      fc.property(fc.string({maxLength: 30}), fc.string({maxLength: 30}), (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.isAtMost(d, Math.max(a.length, b.length));
        assert.isAtLeast(d, Math.abs(a.length - b.length));
      }),
      {numRuns: 200},
    );
  });

  it("finds the name a mistyped one meant, and none when nothing is close", function () {
    const names = ["Partner API general availability", "Capacity audit finished", "Employee NPS"];
    assert.equal(nearestName("Partner API general availabilty", names), "Partner API general availability");
    assert.equal(nearestName("NPS", names), "Employee NPS");
    assert.isUndefined(nearestName("Hosting contract renewed", names));
    assert.isUndefined(nearestName("", names));
    assert.isUndefined(nearestName("Capacity", []));
  });
});
