import {assert} from "chai";
import fc from "fast-check";
import {daysBetween, isoDay, plusDays} from "../src/engine/calendar";
import {day} from "../src/engine/calendar";
import {CycleLengths, okrCycle} from "../src/engine/cycle";
import {keyResultProgress} from "../src/engine/okr";
import {alignmentFindings, rollUp} from "../src/engine/tree";

const value = fc.double({min: -1e6, max: 1e6, noNaN: true});

describe("properties", function () {
  it("progress is monotone in current and bounded unless over-achievement is allowed", function () {
    fc.assert(
      fc.property(value, value, value, value, fc.boolean(), (start, target, a, b, allow) => {
        fc.pre(start !== target);
        const [low, high] = a <= b ? [a, b] : [b, a];
        const p = (current: number) => keyResultProgress({start, target, current, allowOverachievement: allow});
        const rising = target > start;
        const [pLow, pHigh] = [p(low), p(high)];
        if (rising) assert.isAtMost(pLow, pHigh + 1e-9);
        else assert.isAtLeast(pLow, pHigh - 1e-9);
        for (const x of [pLow, pHigh]) {
          assert.isAtLeast(x, 0);
          if (!allow) assert.isAtMost(x, 1);
        }
      }),
    );
  });

  /** A random forest: each node's parents are among the nodes before it. */
  const forest = fc
    .array(
      fc.record({
        parents: fc.array(fc.nat(), {maxLength: 3}),
        score: fc.option(fc.double({min: 0, max: 1.5, noNaN: true}), {nil: undefined}),
        weight: fc.option(fc.double({min: 0, max: 5, noNaN: true}), {nil: undefined}),
      }),
      {minLength: 1, maxLength: 60},
    )
    .map(nodes =>
      nodes.map((n, i) => ({
        id: `N${i}`,
        parents: i === 0 ? "" : [...new Set(n.parents.map(p => `N${p % i}`))].join(","),
        score: n.score,
        weight: n.weight,
      })),
    );

  it("a rolled-up score lies between its children's minimum and maximum", function () {
    fc.assert(
      fc.property(forest, nodes => {
        const result = rollUp(
          nodes.map(n => n.id),
          nodes.map(n => n.parents),
          nodes.map(n => n.score),
          nodes.map(n => n.weight),
        );
        const byId = new Map(result.map(r => [r.id, r]));
        for (const node of result) {
          const children = nodes.filter(n => n.parents.split(",").includes(node.id));
          const scores = children.map(c => byId.get(c.id)!.score).filter((s): s is number => s !== undefined);
          if (children.length === 0 || node.score === undefined) continue;
          assert.isAtLeast(node.score, Math.min(...scores) - 1e-9);
          assert.isAtMost(node.score, Math.max(...scores) + 1e-9);
        }
      }),
    );
  });

  it("every date lies in exactly one cycle and the cycles tile the year", function () {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 365 * 60}),
        fc.constantFrom(...CycleLengths),
        fc.integer({min: 1, max: 12}),
        (offset, months, fyStart) => {
          const date = plusDays(day("1990-01-01"), offset);
          const cycle = okrCycle(date, months, fyStart);
          assert.isAtLeast(daysBetween(cycle.start, date), 0);
          assert.isAtMost(daysBetween(date, cycle.end), 365);
          assert.isAtLeast(daysBetween(date, cycle.end), 0);
          // The day after a cycle ends starts the next one, and the day before it starts ends the previous one.
          const next = okrCycle(plusDays(cycle.end, 1), months, fyStart);
          assert.equal(isoDay(next.start), isoDay(plusDays(cycle.end, 1)));
          const previous = okrCycle(plusDays(cycle.start, -1), months, fyStart);
          assert.equal(isoDay(previous.end), isoDay(plusDays(cycle.start, -1)));
          assert.equal(next.number, cycle.number === 12 / months ? 1 : cycle.number + 1);
          // Every day of the cycle maps back to the same cycle.
          const mid = plusDays(cycle.start, Math.floor(daysBetween(cycle.start, cycle.end) / 2));
          assert.equal(okrCycle(mid, months, fyStart).name, cycle.name);
        },
      ),
    );
  });

  it("alignment findings do not depend on the order of the rows", function () {
    const rows = fc.array(
      fc.record({
        id: fc.constantFrom("A", "B", "C", "D", "E", "F", "G"),
        parents: fc.array(fc.constantFrom("A", "B", "C", "D", "E", "G1", "X"), {maxLength: 2}),
      }),
      {maxLength: 12},
    );
    fc.assert(
      fc.property(rows, fc.infiniteStream(fc.double({min: 0, max: 1, noNaN: true})), (list, noise) => {
        const shuffled = list
          .map(r => ({r, k: noise.next().value}))
          .sort((a, b) => a.k - b.k)
          .map(x => x.r);
        const run = (l: typeof list) =>
          alignmentFindings(
            l.map(r => r.id),
            l.map(r => r.parents.join(",")),
            ["G1"],
          );
        assert.deepEqual(run(shuffled), run(list));
      }),
    );
  });
});
