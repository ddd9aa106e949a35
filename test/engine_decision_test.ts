import {assert} from "chai";
import fc from "fast-check";
import {SaxesParser} from "saxes";
import {day, plusDays} from "../src/engine/calendar";
import {normalize} from "../src/engine/columns";
import {plainText} from "../src/engine/contract";
import {isInputError} from "../src/engine/errors";
import type {BriefData} from "../src/engine/brief";
import {briefPath, executiveBrief, markdownText} from "../src/engine/brief";
import type {CriterionInput, PathDecision, PathDecisionInput, ScoreInput} from "../src/engine/path_decision";
import {
  DefaultCriteria,
  parseBetter,
  parsePathway,
  pathDecision,
  pathDecisionFindings,
} from "../src/engine/path_decision";
import type {GateInput, MilestoneInput} from "../src/engine/roadmap";
import {roadmap, RoadmapLayout, roadmapSvg} from "../src/engine/roadmap";
import {MaxSvgBytes, utf8Bytes} from "../src/engine/svg";

const DataUrlPrefix = "data:image/svg+xml;supportsDarkMode=1;base64,";
const dataUrl = (svg: string) => DataUrlPrefix + Buffer.from(svg, "utf8").toString("base64");

function throwsInput(f: () => unknown, pattern: RegExp): void {
  try {
    f();
  } catch (e) {
    assert.isTrue(isInputError(e), `not an input error: ${String(e)}`);
    assert.match((e as Error).message, pattern);
    assert.isAtMost((e as Error).message.length, 240);
    return;
  }
  assert.fail(`no error; expected ${pattern}`);
}

function wellFormed(svg: string): void {
  let error: string | undefined;
  const parser = new SaxesParser({xmlns: true});
  parser.on("error", e => {
    error ??= e.message;
  });
  parser.write(svg).close();
  assert.isUndefined(error, svg.slice(0, 300));
}

/** Every number anywhere in a value. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (value instanceof Date) out.push(value.getTime());
  else if (Array.isArray(value)) value.forEach(v => numbersIn(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach(v => numbersIn(v, out));
  return out;
}

const scoresOf = (grid: Record<string, readonly number[]>, criteria: readonly {name: string}[]): ScoreInput[] =>
  Object.entries(grid).flatMap(([option, row]) =>
    row.map((score, i) => ({option, criterion: criteria[i].name, score})),
  );

/** The names people type, in several scripts. */
const Names = ["统一平台", "Переход на месте", "نموذج موازٍ", "Hybrid 🚀👩🏽‍💻", "Ω-plan"];

describe("choosing the path", function () {
  const two: CriterionInput[] = [
    {name: "Speed", weight: 3, better: "Higher"},
    {name: "Cost", weight: 1, better: "Lower"},
  ];

  it("weighs scores within the 1–5 scale, inverting a lower-is-better criterion", function () {
    const d = pathDecision({
      options: [{name: "X"}, {name: "Y"}],
      criteria: two,
      scores: scoresOf({X: [5, 1], Y: [3, 5]}, two),
    });
    const [x, y] = ["X", "Y"].map(n => d.options.find(o => o.name === n)!);
    assert.equal(x.weighted, 1, "the best score on both: 1");
    assert.equal(y.weighted, 0.375, "3 on speed reads 0.5 at 3/4 of the weight; 5 on cost reads 0");
    assert.deepEqual([d.top, d.runnerUp], ["X", "Y"]);
    assert.deepEqual(x.scores, [5, 1]);
  });

  it("discounts execution risks as independent shares of the value that remains", function () {
    const risks = [
      {option: "X", risk: "Vendor", probability: 0.5, impact: 0.4},
      {option: "X", risk: "Talent", probability: 1, impact: 0.5},
    ];
    const d = pathDecision({
      options: [{name: "X"}, {name: "Y"}],
      criteria: two,
      scores: scoresOf({X: [5, 1], Y: [3, 5]}, two),
      risks,
    });
    const x = d.options.find(o => o.name === "X")!;
    assert.equal(x.riskAdjusted, 0.4, "1 × (1 − 0.5·0.4) × (1 − 1·0.5)");
    assert.equal(x.riskLoad, 0.6);
    assert.deepEqual([d.top, d.options[0].rank, d.options[1].rank], ["X", 1, 2], "0.4 still beats 0.375");
  });

  it("refuses a whole-number percent for a probability or an impact, with the fix", function () {
    const input = (probability: number): PathDecisionInput => ({
      options: [{name: "X"}],
      criteria: two,
      scores: [],
      risks: [{option: "X", risk: "Vendor lock-in", probability, impact: 0.5}],
    });
    throwsInput(() => pathDecision(input(35)), /Probability of "Vendor lock-in".*35 looks like 35%, so use 0\.35/);
    assert.equal(pathDecision(input(0.35)).options[0].riskLoad, 0.175);
  });

  it("refuses scores outside the scale, negative weights and every weight at 0", function () {
    const base = {options: [{name: "X"}], criteria: two};
    throwsInput(
      () => pathDecision({...base, scores: [{option: "X", criterion: "Speed", score: 7}]}),
      /score of "X" on "Speed" is 7: scores run from 1 to 5/,
    );
    throwsInput(
      () => pathDecision({...base, scores: [{option: "X", criterion: "Speed", score: 0}]}),
      /scores run from 1 to 5/,
    );
    throwsInput(
      () => pathDecision({...base, criteria: [{name: "Speed", weight: -1}], scores: []}),
      /weights must not be negative/,
    );
    const zero = {...base, criteria: [{name: "Speed", weight: 0}], scores: []};
    throwsInput(() => pathDecision(zero), /Every criterion weighs 0: give at least one/);
    assert.include(
      pathDecisionFindings(zero),
      "Every criterion weighs 0: give at least one criterion a weight above 0.",
    );
    throwsInput(
      () => pathDecision({...base, options: [{name: "X"}, {name: " x "}], scores: []}),
      /Option "x" is listed twice/,
    );
  });

  it("counts a blank weight as 1 and takes the default criteria when none are given", function () {
    const d = pathDecision({
      options: [{name: "X"}],
      criteria: [{name: "A"}, {name: "B", weight: 1}],
      scores: [{option: "X", criterion: "A", score: 5}],
    });
    assert.equal(d.options[0].weighted, 0.5);
    const defaults = pathDecision({options: [{name: "X"}], scores: []});
    assert.deepEqual(
      defaults.criteria.map(c => c.name),
      DefaultCriteria.map(c => c.name),
    );
    assert.lengthOf(DefaultCriteria, 6);
    const lower = DefaultCriteria.filter(c => c.better === "Lower").map(c => c.name);
    assert.deepEqual(
      lower.map(n => n.split(" ")[0]),
      ["Time", "Total", "Execution"],
    );
    assert.equal(
      DefaultCriteria.reduce((s, c) => s + c.weight, 0),
      100,
    );
    // A named default criterion keeps its direction when Better is blank.
    const named = pathDecision({
      options: [{name: "X"}],
      criteria: [{name: "execution RISK and blast-radius"}],
      scores: [{option: "X", criterion: "Execution risk and blast radius", score: 1}],
    });
    assert.equal(named.criteria[0].better, "Lower");
    assert.equal(named.options[0].weighted, 1, "a score of 1 where lower is better is the best");
  });

  it("reads pathways and directions loosely", function () {
    assert.equal(parsePathway("Transform current state in place"), "Transform in place");
    assert.equal(parsePathway("build a PARALLEL operating model"), "Parallel model");
    assert.equal(parsePathway("outsourcing"), "Outsource");
    assert.equal(parsePathway("Hybrid: parallel + outsource"), "Hybrid");
    assert.isUndefined(parsePathway("wait and see"));
    assert.equal(parseBetter("lower is better"), "Lower");
    assert.equal(parseBetter("↑"), "Higher");
    assert.equal(parseBetter(""), "Higher");
    throwsInput(() => parseBetter("sideways"), /Better "sideways" is not a direction: write Higher or Lower/);
  });

  it("counts a missing score as the worst and says so", function () {
    const input = {
      options: [{name: "X"}, {name: "Y"}],
      criteria: two,
      scores: [{option: "X", criterion: "Speed", score: 5}, ...scoresOf({Y: [1, 5]}, two)],
    };
    const d = pathDecision(input);
    const x = d.options.find(o => o.name === "X")!;
    assert.equal(x.weighted, 0.75, "cost is missing: it counts 0");
    assert.deepEqual(x.missing, ["Cost"]);
    assert.include(
      pathDecisionFindings(input),
      `"X" has no score on "Cost": score it 1 to 5 (a missing score counts as the worst).`,
    );
  });

  it("breaks ties by name, case aside", function () {
    const d = pathDecision({
      options: [{name: "beta"}, {name: "Alpha"}, {name: "gamma"}],
      criteria: two,
      scores: scoresOf({beta: [3, 3], Alpha: [3, 3], gamma: [4, 3]}, two),
    });
    assert.deepEqual(
      d.options.map(o => [o.name, o.rank]),
      [
        ["gamma", 1],
        ["Alpha", 2],
        ["beta", 3],
      ],
    );
  });

  it("finds the smallest single weight change that flips the choice, exactly", function () {
    // X leads Y 0.5 to 0.375 on equal weights; lowering A to 0.75 or raising B to 4/3 ties them.
    const criteria = [
      {name: "A", weight: 1},
      {name: "B", weight: 1},
    ];
    const d = pathDecision({
      options: [{name: "X"}, {name: "Y"}],
      criteria,
      scores: scoresOf({X: [5, 1], Y: [1, 4]}, criteria),
    });
    assert.equal(d.top, "X");
    const s = d.sensitivity;
    assert.deepEqual([s.criterion, s.challenger, s.from, s.to, s.change, s.share], ["A", "Y", 1, 0.75, -0.25, 0.25]);
    assert.equal(
      s.words,
      `Lowering the weight of "A" from 1 to 0.75 (−0.25, −25%) ties "X" with "Y"; past that, "Y" ranks first.`,
    );
    const tied = pathDecision({
      options: [{name: "X"}, {name: "Y"}],
      criteria: [
        {name: "A", weight: 0.75},
        {name: "B", weight: 1},
      ],
      scores: scoresOf({X: [5, 1], Y: [1, 4]}, criteria),
    });
    assert.equal(tied.options[0].riskAdjusted, tied.options[1].riskAdjusted, "at the change they tie");
  });

  it("looks past the runner-up when a third option ties first", function () {
    const criteria = [
      {name: "A", weight: 2},
      {name: "B", weight: 1},
    ];
    // Y is the runner-up but trails X on A alone and ties it on B: no single weight puts it first.
    // Z, third, overtakes once A's weight falls from 2 to 0.75.
    const d = pathDecision({
      options: [{name: "X"}, {name: "Y"}, {name: "Z"}],
      criteria,
      scores: scoresOf({X: [5, 2], Y: [4, 2], Z: [1, 5]}, criteria),
    });
    assert.deepEqual([d.top, d.runnerUp], ["X", "Y"]);
    assert.deepEqual([d.sensitivity.challenger, d.sensitivity.criterion, d.sensitivity.to], ["Z", "A", 0.75]);
  });

  it("says when no single weight change flips it", function () {
    const d = pathDecision({
      options: [{name: "X"}, {name: "Y"}],
      criteria: two,
      scores: scoresOf({X: [5, 1], Y: [1, 5]}, two),
    });
    assert.isUndefined(d.sensitivity.criterion);
    assert.equal(
      d.sensitivity.words,
      `No single weight change flips it: "X" stays first with every weight at 0 or above.`,
    );
    assert.equal(
      pathDecision({options: [{name: "X"}], criteria: two, scores: []}).sensitivity.words,
      "Only one option: there is no choice to flip.",
    );
  });

  it("lets a weight go to 0 when the tie there goes to the challenger by name", function () {
    const criteria = [
      {name: "A", weight: 2},
      {name: "B", weight: 1},
    ];
    // Equal on B; Beta leads only on A. At A = 0 they tie and "Alpha" comes first by name.
    const d = pathDecision({
      options: [{name: "Beta"}, {name: "Alpha"}],
      criteria,
      scores: scoresOf({Beta: [4, 3], Alpha: [2, 3]}, criteria),
    });
    assert.equal(d.top, "Beta");
    assert.deepEqual([d.sensitivity.criterion, d.sensitivity.to, d.sensitivity.change], ["A", 0, -2]);
    assert.match(d.sensitivity.words, /from 2 to 0 .* and the tie goes to "Alpha" by name\.$/);
    const flipped = pathDecision({
      options: [{name: "Beta"}, {name: "Alpha"}],
      criteria: [
        {name: "A", weight: 0},
        {name: "B", weight: 1},
      ],
      scores: scoresOf({Beta: [4, 3], Alpha: [2, 3]}, criteria),
    });
    assert.equal(flipped.top, "Alpha");
  });

  it("finds what the session still has to settle", function () {
    const options = [
      {name: "Transform", pathway: "in place"},
      {name: "Parallel", pathway: "skunkworks"},
    ];
    const scores = [
      ...scoresOf({Transform: [5, 1], Parallel: [2, 2]}, two),
      {option: "Paralel", criterion: "Speed", score: 3},
    ];
    const base = {options, criteria: two, scores};
    const noDecision = pathDecisionFindings(base);
    assert.include(noDecision, `Option "Paralel" is not one of the options; did you mean "Parallel"?`);
    assert.include(
      noDecision,
      `The pathway of "Parallel", "skunkworks", is not one of: Transform in place, Parallel model, Outsource, Hybrid.`,
    );
    assert.include(noDecision, "No path chosen: the session ends with a decision. Record the chosen option.");
    assert.notInclude(pathDecisionFindings({...base, held: false}).join(" "), "No path chosen");
    const against = pathDecisionFindings({...base, chosen: "parallel"});
    assert.include(against, `"Parallel" was chosen though it ranks 2 of 2, behind "Transform": record the rationale.`);
    assert.notInclude(
      pathDecisionFindings({...base, chosen: "parallel", rationale: "Keeps the core running"}).join(" "),
      "record the rationale",
    );
    assert.notInclude(pathDecisionFindings({...base, chosen: "Transform"}).join(" "), "record the rationale");
    assert.include(
      pathDecisionFindings({...base, chosen: "Transfrom"}),
      `The chosen option "Transfrom" is not one of the options; did you mean "Transform"?`,
    );
    assert.deepEqual(
      pathDecisionFindings({...base, risks: [{option: "Transform", risk: "r", probability: 50, impact: 1}]}),
      [`Probability of "r" must be between 0 and 1 (0–100%): 50 looks like 50%, so use 0.5 or a Percent column.`],
    );
  });

  it("keeps names in any script", function () {
    const options = Names.map(name => ({name}));
    const d = pathDecision({
      options,
      criteria: two,
      scores: Names.flatMap((n, i) => two.map(c => ({option: n, criterion: c.name, score: 1 + (i % 5)}))),
    });
    assert.sameMembers(
      d.options.map(o => o.name),
      Names,
    );
    assert.include(d.sensitivity.words, d.top!);
  });

  // ---------------------------------------------------------------- properties

  const grid = fc
    .record({
      options: fc.uniqueArray(fc.constantFrom("Alpha", "beta", "Gamma", "delta", "Ε", "统一"), {
        minLength: 1,
        maxLength: 5,
      }),
      criteria: fc.array(
        fc.record({weight: fc.option(fc.integer({min: 0, max: 20}), {nil: undefined}), lower: fc.boolean()}),
        {minLength: 1, maxLength: 5},
      ),
      cells: fc.array(fc.option(fc.integer({min: 1, max: 5}), {nil: undefined, freq: 6}), {
        minLength: 25,
        maxLength: 25,
      }),
      risks: fc.array(fc.record({o: fc.nat(), p: fc.integer({min: 0, max: 10}), m: fc.integer({min: 0, max: 10})}), {
        maxLength: 6,
      }),
    })
    .filter(g => g.criteria.some(c => c.weight === undefined || c.weight > 0))
    .map((g): PathDecisionInput => {
      const criteria = g.criteria.map((c, i) => ({
        name: `C${i}`,
        weight: c.weight,
        better: c.lower ? "Lower" : "Higher",
      }));
      const scores = g.options.flatMap((option, o) =>
        criteria.map((c, k) => ({option, criterion: c.name, score: g.cells[(o * 5 + k) % 25]})),
      );
      const risks = g.risks.map((r, i) => ({
        option: g.options[r.o % g.options.length],
        risk: `R${i}`,
        probability: r.p / 10,
        impact: r.m / 10,
      }));
      return {options: g.options.map(name => ({name})), criteria, scores, risks};
    });

  it("never gives NaN or Infinity, and every score is a fraction (property)", function () {
    fc.assert(
      fc.property(grid, input => {
        const d = pathDecision(input);
        for (const n of numbersIn(d)) assert.isTrue(Number.isFinite(n), `${n}`);
        for (const o of d.options) {
          for (const x of [o.weighted, o.riskLoad, o.riskAdjusted]) assert.isTrue(x >= 0 && x <= 1, `${x}`);
        }
      }),
      {numRuns: 300},
    );
  });

  it("ranks consistently with the scores, ties by name (property)", function () {
    fc.assert(
      fc.property(grid, input => {
        const d = pathDecision(input);
        d.options.forEach((o, i) => assert.equal(o.rank, i + 1));
        for (let i = 1; i < d.options.length; i++) {
          const [a, b] = [d.options[i - 1], d.options[i]];
          assert.isAtLeast(a.riskAdjusted, b.riskAdjusted);
          if (a.riskAdjusted === b.riskAdjusted) {
            assert.isTrue(normalize(a.name) < normalize(b.name), `${a.name} before ${b.name}`);
          }
        }
      }),
      {numRuns: 300},
    );
  });

  /** The decision with one criterion's weight set to `to`. */
  const reweighed = (input: PathDecisionInput, name: string, to: number): PathDecision =>
    pathDecision({...input, criteria: input.criteria!.map(c => (c.name === name ? {...c, weight: to} : c))});

  it("names no weight change for a tie that no weight can part: one criterion, scores equal to the reported precision", function () {
    // delta: 0.75 × (1 − 0.4) and Gamma: 0.5 × (1 − 0.1) differ by 5.5e-17 in floating point.
    const d = pathDecision({
      options: [{name: "delta"}, {name: "Gamma"}],
      criteria: [{name: "C0", weight: undefined, better: "Lower"}],
      scores: [
        {option: "delta", criterion: "C0", score: 2},
        {option: "Gamma", criterion: "C0", score: 3},
      ],
      risks: [
        {option: "delta", risk: "R0", probability: 1, impact: 0.4},
        {option: "Gamma", risk: "R1", probability: 0.1, impact: 1},
      ],
    });
    assert.deepEqual(
      d.options.map(o => [o.name, o.riskAdjusted]),
      [
        ["delta", 0.45],
        ["Gamma", 0.45],
      ],
    );
    assert.isUndefined(d.sensitivity.criterion);
    assert.equal(
      d.sensitivity.words,
      'No single weight change flips it: "delta" stays first with every weight at 0 or above.',
    );
  });

  it("flips the choice when the sensitivity's change is applied, and not before (property)", function () {
    let flips = 0;
    let none = 0;
    fc.assert(
      fc.property(grid, input => {
        const d = pathDecision(input);
        const s = d.sensitivity;
        if (d.options.length < 2) return;
        if (s.criterion === undefined) {
          none++;
          // Neither removing a weight nor making it dominate changes the top option.
          for (const c of d.criteria) {
            if (d.criteria.some(x => x !== c && x.weight > 0)) {
              assert.equal(reweighed(input, c.name, 0).top, d.top, `${c.name} at 0`);
            }
            assert.equal(reweighed(input, c.name, 1e9).top, d.top, `${c.name} at 1e9`);
          }
          return;
        }
        const step = s.change!;
        if (step === 0) {
          // A tie that the name decides: a small move in the stated direction flips it.
          assert.notEqual(
            reweighed(input, s.criterion, s.from! + (s.words.includes("rise") ? 1e-3 : -Math.min(1e-3, s.from!))).top,
            d.top,
          );
          return;
        }
        flips++;
        const past = s.to === 0 ? 0 : s.from! + step * 1.001;
        fc.pre(past >= 0);
        assert.notEqual(reweighed(input, s.criterion, past).top, d.top, s.words);
        // Short of the change the top option stays, unless the tie is decided at 0 by name.
        if (s.to !== 0 && Math.abs(step) > 1e-6) {
          assert.equal(reweighed(input, s.criterion, s.from! + step * 0.999).top, d.top, s.words);
        }
      }),
      {numRuns: 500},
    );
    assert.isAbove(flips, 50, "enough flips were tried");
    assert.isAbove(none, 5, "enough unflippable choices were tried");
  });

  it("no smaller change of any one weight flips the choice (property)", function () {
    fc.assert(
      fc.property(grid, fc.nat(), fc.double({min: 0, max: 0.98, noNaN: true}), (input, pick, fraction) => {
        const d = pathDecision(input);
        const s = d.sensitivity;
        fc.pre(d.options.length > 1 && s.change !== undefined && s.change !== 0 && s.to !== 0);
        const c = d.criteria[pick % d.criteria.length];
        // Any move of any one weight smaller than the stated change, up or down, leaves the top option first.
        for (const sign of [1, -1]) {
          const to = c.weight + sign * Math.abs(s.change!) * fraction;
          if (to < 0 || !d.criteria.some(x => (x === c ? to : x.weight) > 0)) continue;
          assert.equal(reweighed(input, c.name, to).top, d.top, `${c.name} to ${to}: ${s.words}`);
        }
      }),
      {numRuns: 500},
    );
  });
});

// ---------------------------------------------------------------- roadmap

describe("the roadmap", function () {
  const start = day("2027-01-04");
  const asOf = day("2027-02-10");
  const milestones: MilestoneInput[] = [
    {name: "Charter signed", owner: "Ana", due: day("2027-01-08"), status: "Done", workstream: "Governance"},
    {name: "Data platform", owner: "Li", due: day("2027-02-01"), workstream: "Platform"},
    {name: "Pilot", owner: "", due: day("2027-01-20"), workstream: "Delivery"},
    {name: "Scale out", owner: "Omar", due: day("2027-06-20"), workstream: "Delivery"},
    {name: "Board review", owner: "Ana", due: day("2027-02-05"), status: "On hold"},
    {name: "Far away", owner: "Omar", due: day("2028-06-20"), workstream: "Delivery"},
    {name: "Undated", owner: "Omar"},
  ];
  const gates: GateInput[] = [
    {upstream: "Data platform", downstream: "Pilot"},
    {upstream: "Pilot", downstream: "Scale out"},
    {upstream: "Nope", downstream: "Scale out"},
    {upstream: "data-platform", downstream: "Board review"},
  ];
  const r = roadmap({start, asOf, milestones, gates});
  const m = (name: string) => r.milestones.find(x => x.name === name)!;

  it("flags late and blocked milestones, blocked spreading downstream", function () {
    assert.deepEqual(
      [m("Data platform").late, m("Data platform").daysLate, m("Data platform").blocked],
      [true, 9, false],
    );
    assert.deepEqual([m("Pilot").late, m("Pilot").blocked, m("Pilot").blockedBy], [true, true, "Data platform"]);
    assert.deepEqual([m("Scale out").late, m("Scale out").blocked, m("Scale out").blockedBy], [false, true, "Pilot"]);
    assert.deepEqual([m("Board review").blocked, m("Board review").blockedBy], [true, "its status: On hold"]);
    assert.deepEqual(
      [m("Charter signed").done, m("Charter signed").late, m("Charter signed").blocked],
      [true, false, false],
    );
    assert.equal(m("Board review").workstream, "No workstream");
  });

  it("lays out 13 weeks with a weekly review line and 12 months with the gates that cross them", function () {
    assert.lengthOf(r.blueprint, 13);
    assert.deepEqual(
      r.blueprint[0].milestones.map(x => x.name),
      ["Charter signed"],
    );
    assert.equal(r.blueprint[0].cadence, "Weekly operating review: 1 due — Charter signed (Ana).");
    assert.equal(r.blueprint[2].cadence, "Weekly operating review: 1 due — Pilot (no owner).");
    assert.equal(
      r.blueprint[4].cadence,
      "Weekly operating review: 2 due — Data platform (Li), Board review (Ana); 1 carried from earlier weeks — Pilot. Monthly executive review.",
    );
    assert.equal(
      r.blueprint[6].cadence,
      "Weekly operating review: nothing due.",
      "a week not yet started carries nothing",
    );
    assert.match(r.blueprint[12].cadence, /Monthly executive review\. Quarterly board checkpoint\.$/);
    assert.lengthOf(r.months, 12);
    assert.deepEqual(
      r.months[0].milestones.map(x => x.name),
      ["Charter signed", "Pilot", "Data platform"],
    );
    assert.deepEqual([r.months[0].late, r.months[0].blocked], [2, 1]);
    assert.deepEqual(
      r.months[1].milestones.map(x => x.name),
      ["Board review"],
    );
    assert.deepEqual(r.months[5].gates, [`"Pilot" (month 1) → "Scale out"`]);
    assert.deepEqual(r.months[1].gates, [`"Data platform" (month 1) → "Board review"`]);
    assert.equal(r.end.toISOString().slice(0, 10), "2028-01-03");
  });

  it("finds owners, dates and gates that do not hold", function () {
    assert.includeMembers(r.findings, [
      `"Pilot" waits on "Data platform", but "Data platform" is due 2027-02-01, after 2027-01-20: move a date or drop the gate.`,
      `A gate names "Nope", which is not a milestone: name one of the milestones.`,
      `"Pilot" has no owner: name the one person accountable.`,
      `"Far away" is due 2028-06-20, outside the 12 months from 2027-01-04 to 2028-01-03: move it or leave it off the roadmap.`,
      `"Undated" has no due day: give it one.`,
    ]);
    assert.lengthOf(r.findings, 5);
    const loop = roadmap({
      start,
      asOf: start,
      milestones: [
        {name: "A", owner: "x", due: day("2027-03-01")},
        {name: "B", owner: "x", due: day("2027-03-01")},
        {name: "A", owner: "y"},
      ],
      gates: [
        {upstream: "A", downstream: "B"},
        {upstream: "b", downstream: "a"},
        {upstream: "Aa", downstream: "B"},
      ],
    });
    assert.include(loop.findings, "Gates loop: A → B → A. Drop one of them.");
    assert.include(loop.findings, `"A" is listed twice: gates reach the first; give each milestone its own name.`);
    assert.include(loop.findings, `A gate names "Aa", which is not a milestone; did you mean "A"?`);
    assert.isTrue(loop.milestones[0].blocked && loop.milestones[1].blocked, "a loop blocks");
    assert.isUndefined(loop.milestones[0].earliest);
  });

  it("draws the 12 months: lanes, marks, gates, today, in light and dark mode", function () {
    const svg = roadmapSvg(r);
    wellFormed(svg);
    assert.include(svg, `<g id="DarkMode">`);
    assert.include(svg, "#DarkMode:target");
    for (const lane of ["Governance", "Platform", "Delivery"]) assert.include(svg, `>${lane}</tspan>`);
    assert.match(svg, />No work[^<]*…<\/tspan>/, "a label too wide for its column is cut");
    for (const month of ["Jan", "Jun", "Dec", "late", "blocked", "open", "done"]) {
      assert.include(svg, `>${month}</tspan>`);
    }
    assert.include(svg, `class="n"`, "today's line");
    assert.include(svg, `class="k"`, "gate lines");
    assert.match(svg, /class="l" d="(M[\d.]+ [\d.]+h0){2,}/, "late marks");
    assert.include(
      svg,
      'aria-label="Roadmap of 5 milestones in 4 workstreams over 12 months from 2027-01-04: 3 late, 3 blocked, 3 gates"',
    );
  });

  it("folds lanes beyond the limit into +k more and escapes every name", function () {
    const many = Array.from({length: 20}, (_, i): MilestoneInput => ({
      name: `M${i} <&>`,
      owner: "o",
      due: plusDays(start, i * 10),
      workstream: `S&${i}<`,
    }));
    const svg = roadmapSvg(roadmap({start, asOf, milestones: many}));
    wellFormed(svg);
    assert.include(svg, `>+${20 - RoadmapLayout.maxLanes + 1} more</tspan>`);
    assert.include(svg, ">S&amp;0&lt;</tspan>");
    assert.notInclude(svg, "S&0");
  });

  const text = fc.oneof(
    fc.string({maxLength: 60}),
    fc.constant("'".repeat(40)),
    fc.constantFrom(...Names),
    fc.string({unit: "grapheme", maxLength: 200}),
    fc.constant("𒀱".repeat(80)),
  );

  it("stays under 4 KB as a data URL whatever its input (property)", function () {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: text,
            owner: fc.option(text, {nil: undefined}),
            offset: fc.option(fc.integer({min: -60, max: 420}), {nil: undefined}),
            status: fc.constantFrom("", "Done", "Blocked", "x"),
            workstream: text,
          }),
          {maxLength: 400},
        ),
        fc.array(fc.record({a: fc.nat(), b: fc.nat()}), {maxLength: 400}),
        fc.integer({min: -30, max: 400}),
        (rows, edges, today) => {
          const milestones = rows.map(x => ({
            ...x,
            due: x.offset === undefined ? undefined : plusDays(start, x.offset),
          }));
          const gates = rows.length
            ? edges.map(e => ({upstream: rows[e.a % rows.length].name, downstream: rows[e.b % rows.length].name}))
            : [];
          const rm = roadmap({start, asOf: plusDays(start, today), milestones, gates});
          for (const n of numbersIn(rm)) assert.isTrue(Number.isFinite(n));
          const svg = roadmapSvg(rm);
          assert.isAtMost(utf8Bytes(svg), MaxSvgBytes);
          assert.isAtMost(dataUrl(svg).length, 4096);
          wellFormed(svg);
        },
      ),
      {numRuns: 150},
    );
  });

  it("gives up the months and legend before the lanes' names when names escape long", function () {
    const rows = Array.from({length: 2000}, (_, i): MilestoneInput => ({
      name: `m${i}`,
      due: plusDays(start, (i * 11) % 365),
      status: ["Done", "", "Blocked", "x"][i % 4],
      workstream: `${"'".repeat(60)}${i % 40}`,
    }));
    const svg = roadmapSvg(roadmap({start, asOf: plusDays(start, 200), milestones: rows}));
    assert.isAtMost(dataUrl(svg).length, 4096);
    assert.include(svg, "&#39;&#39;&#39;");
    assert.notInclude(svg, ">Jan</tspan>");
    assert.include(svg, ">+33 more</tspan>");
  });

  it("stays under 4 KB at the worst: thousands of milestones and gates, long names in wide scripts", function () {
    const rows = Array.from({length: 4000}, (_, i): MilestoneInput => ({
      name: `${"統".repeat(30)}${i}`,
      owner: "o",
      due: plusDays(start, (i * 7) % 365),
      status: ["Done", "", "Blocked"][i % 3],
      workstream: `${"𒀱".repeat(20)}${i % 40}`,
    }));
    const gates = rows.slice(1).map((x, i) => ({upstream: rows[i].name, downstream: x.name}));
    const rm = roadmap({start, asOf: plusDays(start, 200), milestones: rows, gates});
    const svg = roadmapSvg(rm);
    assert.isAtMost(dataUrl(svg).length, 4096);
    wellFormed(svg);
    assert.include(svg, `class="l"`);
  });
});

// ---------------------------------------------------------------- the brief

describe("the executive brief", function () {
  const criteria = [
    {name: "Speed", weight: 3},
    {name: "Cost", weight: 1, better: "Lower"},
  ];
  const decision = pathDecision({
    options: [{name: "Hybrid", pathway: "hybrid"}, {name: "Parallel", pathway: "parallel"}, {name: "统一平台"}],
    criteria,
    scores: scoresOf({Hybrid: [4, 2], Parallel: [5, 4], 统一平台: [2, 2]}, criteria),
  });
  const full: BriefData = {
    title: "Northstar: the path",
    asOf: day("2027-01-04"),
    path: {
      ...briefPath(decision, "Hybrid", "Keeps the core running while the new model proves itself.", "Ana")!,
      assumptions: ["Hiring holds"],
    },
    scorecard: [
      {
        metric: "Lead time",
        definition: "Idea to production, median days",
        target: 10,
        greenAt: 12,
        redAt: 20,
        owner: "Li",
      },
    ],
    constraints: ["Budget flat", "# not a heading"],
    riskAppetite: "Moderate on speed, none on compliance",
    plan: [{week: 1, milestone: "Charter signed", owner: "Ana", due: day("2027-01-08")}],
    risks: [
      {
        risk: "Vendor lock-in",
        probability: 0.3,
        impact: 0.45,
        mitigation: "Two suppliers",
        owner: "Li",
        trigger: "Price rise > 10%",
      },
    ],
    decisions: [{decision: "Adopt the hybrid path", owner: "Ana"}],
    asks: [{ask: "Approve the budget", of: "the board"}],
  };

  it("prints the path, alternatives and every number as given, percents by one rule", function () {
    const md = executiveBrief(full);
    const hybrid = decision.options.find(o => o.name === "Hybrid")!;
    assert.include(
      md,
      `**Chosen:** Hybrid — score ${Math.round(hybrid.weighted * 100)}%, risk-adjusted ${Math.round(hybrid.riskAdjusted * 100)}%. Accountable owner: Ana.`,
    );
    assert.include(md, "- Parallel (Parallel model) — score 81%, risk-adjusted 81%");
    assert.include(md, "- 统一平台 — score 38%, risk-adjusted 38%", "0.375 prints as 38%");
    assert.include(md, "| Lead time | Idea to production, median days | 10 | 12 | 20 | Li |");
    assert.include(md, "| Vendor lock-in | 30% | 45% | Two suppliers | Li | Price rise \\> 10% |");
    assert.include(md, "| 1 | Charter signed | Ana | 2027-01-08 |");
    assert.include(md, "- \\# not a heading");
    assert.include(md, "**Risk appetite:** Moderate on speed, none on compliance");
    assert.include(md, "- Adopt the hybrid path — Ana");
    assert.include(md, "- Approve the budget (of the board)");
    const headings = md.split("\n").filter(l => l.startsWith("## "));
    assert.deepEqual(headings, [
      "## The path",
      "## Success scorecard",
      "## Constraints and risk appetite",
      "## The first 90 days",
      "## Risks",
      "## Decisions and asks",
    ]);
  });

  it("says so in one line when a section has nothing, never leaving a heading empty", function () {
    const md = executiveBrief({});
    const lines = md.split("\n");
    lines.forEach((l, i) => {
      if (!l.startsWith("#")) return;
      assert.equal(lines[i + 1], "", l);
      assert.isTrue(Boolean(lines[i + 2]) && !lines[i + 2].startsWith("#"), `${l} has content`);
    });
    for (const said of [
      "No path chosen yet.",
      "No success metrics defined yet.",
      "No constraints or risk appetite recorded yet.",
      "No 90-day milestones yet.",
      "No risks recorded yet.",
      "No decisions or asks recorded.",
    ]) {
      assert.include(lines, said);
    }
  });

  it("refuses a whole-number percent for a likelihood", function () {
    throwsInput(
      () => executiveBrief({risks: [{risk: "Churn", probability: 30}]}),
      /Probability of "Churn" must be between 0 and 1 .*30 looks like 30%/,
    );
  });

  it("caps every list with +k more, so the page stays bounded", function () {
    const many = <T>(f: (i: number) => T) => Array.from({length: 500}, (_, i) => f(i));
    const long = "x".repeat(5000);
    const md = executiveBrief({
      title: long,
      path: {
        chosen: {name: long, score: 0.5},
        rationale: long,
        alternatives: many(i => ({name: `Alt ${i}`, why: long})),
        assumptions: many(() => long),
      },
      scorecard: many(i => ({metric: `M${i}`, definition: long})),
      constraints: many(() => long),
      riskAppetite: long,
      plan: many(i => ({milestone: `P${i}`, week: 1 + (i % 13)})),
      risks: many(i => ({risk: `R${i}`, mitigation: long, trigger: long})),
      decisions: many(() => ({decision: long})),
      asks: many(() => ({ask: long})),
    });
    for (const more of ["- +495 more", "- +492 more", "+492 more", "+487 more", "- +492 more"]) {
      assert.include(md, more);
    }
    assert.isBelow(md.length, 25_000);
    assert.isBelow(md.split("\n").length, 120);
  });

  it("escapes Markdown in user text without losing a letter of any script (property)", function () {
    const unescape = (t: string) => t.replace(/\\([!-/:-@[-`{-~])/g, "$1");
    const samples = fc.constantFrom(
      ...Names,
      "# x",
      "1. y",
      "- z",
      "a|b",
      "[l](u)",
      "*b* _i_",
      "\\",
      "<b>&amp;",
      "> q",
      "`c`",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: "grapheme", maxLength: 80}), samples), s => {
        const md = markdownText(s);
        // Only backslashes are added, each before ASCII punctuation: taking them away gives the text back whole.
        assert.equal(unescape(md), plainText(s));
        assert.notMatch(md, /^(#|>|-|\+|=|\d+[.)])/, "no block marker at the start");
        assert.notMatch(md.replace(/\\./g, ""), /[|*_[\]<>`~&]/, "no live Markdown character");
        const page = executiveBrief({decisions: [{decision: s}]});
        if (plainText(s)) assert.include(page, `- ${md}\n`);
      }),
      {numRuns: 400},
    );
    for (const name of Names) {
      assert.include(executiveBrief({decisions: [{decision: name, owner: name}]}), `- ${name} — ${name}\n`);
    }
  });
});
