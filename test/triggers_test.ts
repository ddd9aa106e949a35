import {assert} from "chai";
import * as fc from "fast-check";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import type {Trigger} from "../src/engine/triggers";
import {nearestName} from "../src/engine/names";
import {evaluateTrigger, MaxTriggerLength, Ops, parseTrigger, TriggerData} from "../src/engine/triggers";
import {pack} from "../src/pack";

function parsed(text: string): Trigger {
  const p = parseTrigger(text);
  if (!p.ok) assert.fail(`${text} should parse: ${p.error.message}`);
  return p.trigger;
}

function error(text: string) {
  const p = parseTrigger(text);
  if (p.ok) assert.fail(`${text} should not parse`);
  return p.error;
}

const data = new TriggerData(
  [
    {name: "Cash runway", unit: "months", values: [30, 28, 27]},
    {name: "Employee NPS", unit: "points", values: [34, 31, 30, 28, 26]},
    {name: "Gross margin", unit: "%", values: [70, 66, 63]},
    {name: "Uptime", unit: "%", values: []},
  ],
  [
    {name: "Partners building on the beta", code: "KR10", confidence: 0.3, progress: 0.45, current: 11},
    {name: "Reach 50 enterprise customers", code: "KR30", progress: 0.2},
  ],
);
const state = (text: string) => evaluateTrigger(parsed(text), data);

describe("risk triggers: the grammar", function () {
  it("reads a metric compared with a number, with every comparison", function () {
    for (const op of Ops) {
      const c = parsed(`Cash runway ${op} 6`).any[0][0];
      assert.deepEqual(c.subject, {kind: "metric", name: "Cash runway"});
      assert.include(c.test, {kind: "compare", op, value: 6});
    }
    assert.include(parsed("Cash runway ≤ 6").any[0][0].test, {op: "<="});
    assert.include(parsed("Cash runway ≥ 6").any[0][0].test, {op: ">="});
    assert.include(parsed("Cash runway == 6").any[0][0].test, {op: "="});
  });

  it("reads a move over a number of weeks", function () {
    assert.deepEqual(parsed("NPS falls 3 weeks").any[0][0].test, {kind: "move", direction: "falls", periods: 3});
    assert.deepEqual(parsed("Employee NPS rises 2").any[0][0].test, {kind: "move", direction: "rises", periods: 2});
    assert.deepEqual(parsed("Employee NPS drops 4 readings in a row").any[0][0].test, {
      kind: "move",
      direction: "falls",
      periods: 4,
    });
  });

  it("reads a key result by quoted name or code, with its measure", function () {
    const c = parsed('KR "Reach 50 enterprise customers" confidence < 0.5').any[0][0];
    assert.deepEqual(c.subject, {kind: "keyResult", name: "Reach 50 enterprise customers", measure: "confidence"});
    assert.deepEqual(parsed("KR KR10 progress >= 0.7").any[0][0].subject, {
      kind: "keyResult",
      name: "KR10",
      measure: "progress",
    });
    assert.deepEqual(parsed('key result "Expansion bookings" < 500000').any[0][0].subject, {
      kind: "keyResult",
      name: "Expansion bookings",
      measure: "current",
    });
  });

  it("reads percents by the one percent rule", function () {
    assert.include(parsed("KR KR10 confidence < 50%").any[0][0].test, {value: 0.5, percent: true});
    assert.include(parsed("Uptime >= 99.9%").any[0][0].test, {value: 0.999});
    const e = error("KR KR10 confidence < 50");
    assert.equal(e.position, 22);
    assert.match(e.message, /50 looks like 50%, so use 0.5/);
    assert.match(error("KR KR10 progress > 120").message, /120/);
  });

  it("binds and tighter than or", function () {
    const t = parsed('Gross margin < 65 and "Employee NPS" falls 2 or Cash runway < 6');
    assert.deepEqual(
      t.any.map(g => g.map(c => c.text)),
      [["Gross margin < 65", '"Employee NPS" falls 2'], ["Cash runway < 6"]],
    );
  });

  it("says where a trigger stops making sense and what was expected", function () {
    assert.deepInclude(error("Cash runway <"), {
      position: 14,
      expected: "a number, such as 6 or 50%",
      found: "the end",
    });
    assert.deepInclude(error("Regretted attrition rises for 3 weeks"), {position: 27, found: '"for"'});
    assert.deepInclude(error("Cash runway 6"), {expected: "a comparison (< <= > >= =), falls or rises"});
    assert.deepInclude(error(""), {position: 1, expected: "a metric name or KR"});
    assert.deepInclude(error('"Cash runway < 6'), {position: 1, expected: 'a closing "'});
    assert.deepInclude(error("Cash runway < 6 but NPS falls 2"), {
      position: 17,
      expected: "and, or, or the end of the trigger",
    });
    assert.deepInclude(error("KR KR10 falls 3"), {position: 9});
    assert.deepInclude(error("NPS falls 0 weeks"), {position: 11});
    assert.deepInclude(error("NPS falls 53 weeks"), {position: 11});
    assert.deepInclude(error("KR < 3"), {position: 4});
    assert.deepInclude(error("x".repeat(MaxTriggerLength + 1)), {position: MaxTriggerLength + 1});
    assert.deepInclude(error(Array.from({length: 21}, (_, i) => `M${i} < 1`).join(" and ")), {
      expected: "at most 20 conditions",
    });
  });

  it("says how to fix every error, with the condition as it should be typed where the fix is plain", function () {
    const fix = (text: string) => {
      const message = error(text).message;
      return message.slice(message.search(/(?<=\. )(Write|Put|Drop|Join|Close|Add|Name|Compare|Split|End)\b/));
    };
    assert.equal(
      error("Regretted attrition rises for 3 weeks").message,
      'At character 27: expected a whole number of weeks from 1 to 52, found "for". Drop "for": Regretted attrition rises 3 weeks',
    );
    assert.equal(
      error("Cash runway <").message,
      "At character 14: expected a number, such as 6 or 50%, found the end. Write a number after <, such as: Cash runway < 6",
    );
    assert.equal(fix('"Cash runway < 6'), 'Close the quote after the name: "Cash runway" < 6');
    assert.equal(fix('KR "Partners < 0.5'), 'Close the quote after the name: KR "Partners" < 0.5');
    assert.equal(fix('"Cash" runway < 6'), 'Put the whole name in quotes: "Cash runway" < 6');
    assert.equal(fix('Cash "runway" < 6'), 'Put the whole name in quotes: "Cash runway" < 6');
    assert.equal(
      fix('"Customer"s NPS" < 30'),
      `Put the whole name in quotes: "Customer's NPS" < 30`,
      "a double quote meant as an apostrophe",
    );
    assert.equal(fix('Customer"s NPS < 30'), `Put the whole name in quotes: "Customer's NPS" < 30`);
    assert.equal(fix('KR "Partners" building < 3'), 'Put the whole name in quotes: KR "Partners building" < 3');
    assert.equal(fix("KR Partners building < 0.5"), 'Put the whole name in quotes: KR "Partners building" < 0.5');
    assert.equal(
      fix("KR KR10 confidance < 0.5"),
      "Write the measure as confidence, progress or current: KR KR10 confidence < 0.5",
    );
    assert.equal(
      fix("Cash runway < 6 but NPS falls 2"),
      "Join the conditions with and or or: Cash runway < 6 and NPS falls 2",
    );
    assert.equal(
      fix("Cash runway < 6 NPS falls 2"),
      "Join the conditions with and or or: Cash runway < 6 and NPS falls 2",
    );
    assert.equal(fix("Cash runway < 6 months"), "Drop what follows the condition: Cash runway < 6");
    assert.equal(fix("Revenue > 1,000"), "Write the number in digits alone: Revenue > 1000");
    assert.equal(fix("Revenue > $500"), "Write the number in digits alone: Revenue > 500");
    assert.equal(fix("Marge > 0,5"), "Write the number in digits alone: Marge > 0.5");
    assert.equal(fix("Cash runway below 6"), "Write the comparison as a sign: Cash runway < 6");
    assert.equal(fix("Cash runway less than 6"), "Write the comparison as a sign: Cash runway < 6");
    assert.equal(fix("Cash runway 6"), "Put a comparison before the number, such as: Cash runway < 6");
    assert.equal(fix("Cash runway"), "Compare it with a number, such as: Cash runway < 6");
    assert.equal(fix('Cash runway < 6 "'), "Drop the stray quote: Cash runway < 6");
    assert.equal(fix("KR KR10 confidence < 50"), "Write: KR KR10 confidence < 50%");
    assert.equal(fix("KR KR10 falls 3"), "Compare a measure instead, such as: KR KR10 progress < 0.5");
    assert.equal(fix("KR < 3"), "Name the key result by its code or its name in quotes, such as: KR KR10 < 3");
    assert.equal(fix('"" < 5'), 'Put the metric\'s name inside the quotes, such as: "Cash runway" < 5');
    assert.equal(fix("< 6"), "Name the metric first, such as: Cash runway < 6");
    assert.equal(fix("Cash runway < 6 and"), 'Add a condition after "and", or drop the "and".');
    assert.equal(fix(""), "Write a condition, such as: Cash runway < 6");
    assert.equal(fix("NPS falls 53 weeks"), "Write how many weeks, from 1 to 52, such as: NPS falls 3 weeks");
    assert.match(error(Array.from({length: 21}, (_, i) => `M${i} < 1`).join(" and ")).message, /Split the risk in two/);
    for (const text of [
      '"Cash runway < 6',
      "Cash runway < 6 but NPS falls 2",
      '"Customer"s NPS" < 30',
      "KR Partners building < 0.5",
    ]) {
      const typed = fix(text).replace(/^[^:]*: /, "");
      assert.isTrue(parseTrigger(typed).ok, `${typed} reads`);
    }
  });

  it("quotes at most 40 characters of the trigger in a fix, cut with an ellipsis", function () {
    const long = `"${"Net revenue retention of enterprise customers in EMEA"} < 6`;
    const message = error(long).message;
    assert.include(message, "Close the quote after the name: ");
    assert.match(message, /: "Net revenue retention of enterprise cu…$/);
    assert.isAtMost(message.replace(/^.*: /, "").length, 40);
  });

  it("reads a name with an apostrophe, quoted with straight or curly quotes, or not at all", function () {
    for (const text of [
      `"Customer's NPS" < 30`,
      `“Customer’s NPS” < 30`,
      `‘Customer’s NPS’ < 30`,
      `'Customer's NPS' < 30`,
      `Customer's NPS < 30`,
      `Customer’s NPS < 30`,
      `„Customer's NPS“ < 30`,
      `«Customer's NPS» < 30`,
    ]) {
      const c = parsed(text).any[0][0];
      assert.equal(c.subject.name.replace("’", "'"), "Customer's NPS", text);
      assert.include(c.test, {op: "<", value: 30});
    }
    assert.deepEqual(
      parsed(`Customers' NPS < 30 and 'Ops' < 2`).any[0].map(c => c.subject.name),
      ["Customers' NPS", "Ops"],
    );
    assert.equal(
      parsed(`'s-Hertogenbosch revenue > 5`).any[0][0].subject.name,
      "'s-Hertogenbosch revenue",
      "a single quote that never closes is an apostrophe",
    );
    assert.equal(parsed(`KR "Customer's NPS" confidence < 50%`).any[0][0].subject.name, "Customer's NPS");
    const data = new TriggerData([{name: "Customer's NPS", unit: "points", values: [40, 20]}], []);
    for (const text of [`"Customer's NPS" < 30`, `Customer’s NPS < 30`, `“Customer’s NPS” < 30`]) {
      assert.equal(evaluateTrigger(parsed(text), data).state, "Fired", text);
    }
  });

  it("reads names, signs and numbers in every script and width", function () {
    assert.equal(parsed("「売上」 > 50").any[0][0].subject.name, "売上");
    assert.equal(parsed("«Выручка» > 50").any[0][0].subject.name, "Выручка");
    const wide = parsed("売上 ＞ ５０").any[0][0];
    assert.deepEqual(wide.subject, {kind: "metric", name: "売上"});
    assert.include(wide.test, {op: ">", value: 50});
    assert.include(parsed("営業 ≥ ５０％").any[0][0].test, {op: ">=", value: 0.5});
  });

  it("never throws on any text: a trigger either parses or reports where it stopped", function () {
    const pieces = fc.constantFrom(
      "Cash runway",
      "Customer's NPS",
      "Выручка",
      "売上",
      "KR",
      '"',
      "“",
      "”",
      "'",
      "‘",
      "’",
      "«",
      "「",
      "<",
      "＜",
      "<=",
      "=",
      ">",
      "≥",
      "6",
      "50%",
      "-1.5",
      "falls",
      "rises",
      "and",
      "or",
      "weeks",
      "confidence",
      " ",
      "\n",
      "%",
      "in a row",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({maxLength: 80}),
          fc.array(pieces, {maxLength: 12}).map(a => a.join(" ")),
          fc.array(pieces, {maxLength: 12}).map(a => a.join("")),
        ),
        text => {
          const p = parseTrigger(text);
          if (p.ok) {
            assert.isAbove(p.trigger.any.flat().length, 0);
            const r = evaluateTrigger(p.trigger, data);
            assert.include(["Fired", "Armed", "Unknown"], r.state);
          } else {
            assert.isAtLeast(p.error.position, 1);
            assert.isAtMost(p.error.position, text.length + 1);
            assert.isString(p.error.expected);
            assert.match(
              p.error.message,
              /\. (Write|Put|Drop|Join|Close|Add|Name|Compare|Split|End)\b|keep it under/,
              "every error says how to fix it",
            );
          }
        },
      ),
      {numRuns: 2000},
    );
  });
});

describe("risk triggers: judged on live data", function () {
  it("fires, stays armed, or cannot say", function () {
    assert.equal(state("Cash runway < 28").state, "Fired");
    assert.equal(state("Cash runway < 6").state, "Armed");
    assert.equal(state("Cash runway = 27").state, "Fired");
    assert.equal(state("Cash runway >= 27").state, "Fired");
    assert.equal(state("Cash runway > 27").state, "Armed");
    assert.equal(state("Uptime < 99").state, "Unknown", "no readings yet");
    assert.deepEqual(state("Cash runway < 6").readings, ["Cash runway is 27 months: not met (< 6)"]);
  });

  it("follows moves over the last readings", function () {
    assert.equal(state("Employee NPS falls 4 weeks").state, "Fired");
    assert.equal(state("Employee NPS rises 2 weeks").state, "Armed");
    assert.equal(state("Cash runway falls 3 weeks").state, "Unknown", "three readings show only two moves");
  });

  it("judges key results by name or code on confidence, progress and current value", function () {
    assert.equal(state('KR "Partners building on the beta" confidence < 0.5').state, "Fired");
    assert.equal(state("KR kr10 confidence < 25%").state, "Armed");
    assert.equal(state("KR KR10 progress >= 0.45").state, "Fired");
    assert.equal(state("KR KR10 > 10").state, "Fired");
    assert.equal(state('KR "Reach 50 enterprise customers" confidence < 0.5').state, "Unknown", "no confidence given");
  });

  it("combines conditions with three-valued and / or", function () {
    assert.equal(state("Cash runway < 6 or Cash runway < 28").state, "Fired");
    assert.equal(state("Cash runway < 6 and Uptime < 1").state, "Armed", "false and unknown is false");
    assert.equal(state("Cash runway < 28 and Uptime < 1").state, "Unknown", "true and unknown is unknown");
    assert.equal(state("Cash runway < 6 or Uptime < 1").state, "Unknown", "false or unknown is unknown");
    assert.equal(state("Uptime < 1 or Cash runway < 28").state, "Fired", "unknown or true is true");
  });

  it("names a metric or key result that does not exist, with the nearest name", function () {
    assert.deepEqual(state("Cash runwy < 6").problems, [
      'No health metric is named "Cash runwy"; did you mean "Cash runway"?',
    ]);
    assert.deepEqual(state('KR "Partners building on beta" confidence < 0.5').problems, [
      'No key result is named "Partners building on beta"; did you mean "Partners building on the beta"?',
    ]);
    assert.deepEqual(state("Weather < 3").problems, [
      'No health metric is named "Weather": name one of "Cash runway", "Employee NPS", "Gross margin" and 1 more.',
    ]);
    assert.deepEqual(state('KR "Hosting renewed" < 3').problems, [
      'No key result is named "Hosting renewed": name one by its code, such as KR10, KR30, or by its name in quotes.',
    ]);
    assert.deepEqual(evaluateTrigger(parsed("Weather < 3"), new TriggerData([], [])).problems, [
      'No health metric is named "Weather".',
    ]);
    assert.equal(state("Weather < 3").state, "Unknown");
    assert.equal(nearestName("NPS", ["Employee NPS", "Cash runway"]), "Employee NPS");
    assert.isUndefined(nearestName("", ["Cash runway"]));
  });

  it("judges each metric named in any script on its own readings, never on another's", function () {
    const world = new TriggerData(
      [
        {name: "Выручка", unit: "", values: [40]},
        {name: "Продажи", unit: "", values: [90]},
        {name: "Финансы", unit: "", values: [7]},
        {name: "財務", unit: "", values: [3]},
        {name: "営業", unit: "", values: [80]},
        {name: "人事", unit: "", values: [12]},
        {name: "المبيعات", unit: "", values: [5]},
        {name: "المالية", unit: "", values: [50]},
        {name: "Équipe NPS", unit: "", values: [30]},
        {name: "Ventes", unit: "", values: [60]},
        {name: "São Paulo revenue", unit: "", values: [2]},
        {name: "🚀 Growth", unit: "", values: [9]},
        {name: "💰 Finance", unit: "", values: [1]},
      ],
      [{name: "Выручка за квартал", code: "КР1", confidence: 0.2}],
    );
    const judged = (text: string) => evaluateTrigger(parsed(text), world);
    assert.deepInclude(judged('"Выручка" > 50'), {state: "Armed", readings: ["Выручка is 40: not met (> 50)"]});
    assert.deepInclude(judged("Продажи > 50"), {state: "Fired", readings: ["Продажи is 90: met (> 50)"]});
    assert.deepInclude(judged("ФИНАНСЫ < 10"), {state: "Fired", readings: ["Финансы is 7: met (< 10)"]});
    assert.deepInclude(judged("財務 < 10"), {state: "Fired", readings: ["財務 is 3: met (< 10)"]});
    assert.deepInclude(judged("「営業」 < 10"), {state: "Armed", readings: ["営業 is 80: not met (< 10)"]});
    assert.deepInclude(judged("人事 > 10 and 財務 > 10"), {
      state: "Armed",
      readings: ["人事 is 12: met (> 10)", "財務 is 3: not met (> 10)"],
    });
    assert.deepInclude(judged('"المبيعات" < 10'), {state: "Fired", readings: ["المبيعات is 5: met (< 10)"]});
    assert.deepInclude(judged("المالية < 10"), {state: "Armed", readings: ["المالية is 50: not met (< 10)"]});
    assert.deepInclude(
      judged("E\u0301quipe NPS < 31"),
      {state: "Fired", readings: ["Équipe NPS is 30: met (< 31)"]},
      "é typed as e and a combining accent",
    );
    assert.deepInclude(judged("VENTES > 50"), {state: "Fired"});
    assert.deepInclude(judged("São Paulo revenue < 3"), {state: "Fired"});
    assert.deepInclude(judged("🚀 Growth > 5"), {state: "Fired", readings: ["🚀 Growth is 9: met (> 5)"]});
    assert.deepInclude(judged("💰 Finance > 5"), {state: "Armed", readings: ["💰 Finance is 1: not met (> 5)"]});
    assert.deepInclude(judged("KR КР1 confidence < 50%"), {state: "Fired"});
    assert.deepInclude(judged('KR "выручка за квартал" confidence < 10%'), {state: "Armed"});
    assert.deepEqual(
      judged("Выручкa > 50").problems,
      ['No health metric is named "Выручкa"; did you mean "Выручка"?'],
      "a Latin a is not a Cyrillic а",
    );
    assert.deepEqual(judged("Sao Paulo revenue < 3").problems, [
      'No health metric is named "Sao Paulo revenue"; did you mean "São Paulo revenue"?',
    ]);
    assert.deepEqual(judged("🎯 Growth > 5").problems, [
      'No health metric is named "🎯 Growth"; did you mean "🚀 Growth"?',
    ]);
    assert.equal(judged("広報 > 5").state, "Unknown");
    assert.notMatch(
      judged("広報 > 5").problems[0],
      /did you mean/,
      "no CJK name is offered for one that shares no character",
    );
    assert.deepEqual(judged("総務 > 5").problems, ['No health metric is named "総務"; did you mean "財務"?']);
  });

  it("names a metric whose name holds quotes in a way a trigger reads back", function () {
    const quoted = new TriggerData([{name: 'The "north star" metric', unit: "", values: [3]}], []);
    const problem = evaluateTrigger(parsed("The north sta metric < 5"), quoted).problems[0];
    assert.equal(problem, 'No health metric is named "The north sta metric"; did you mean «The "north star" metric»?');
    assert.equal(evaluateTrigger(parsed('«The "north star" metric» < 5'), quoted).state, "Fired");
  });

  it("quotes at most 40 characters of a name it did not find, cut with an ellipsis", function () {
    const long = "Net revenue retention of enterprise customers across every region";
    const problem = evaluateTrigger(parsed(`"${long}" < 5`), data).problems[0];
    assert.include(problem, '"Net revenue retention of enterprise cus…"');
    assert.notInclude(problem, long.slice(0, 41));
    const known = new TriggerData([{name: long, unit: "", values: [1]}], []);
    assert.deepEqual(evaluateTrigger(parsed(`"${long}" < 5`), known).readings, [
      "Net revenue retention of enterprise cus… is 1: met (< 5)",
    ]);
  });

  it("refuses a percent against a metric read in points of a percent, with the fix", function () {
    const r = state("Gross margin < 65%");
    assert.equal(r.state, "Unknown");
    assert.deepEqual(r.problems, [
      "65% is 0.65, but Gross margin is read in points of a percent (63): write 65 without the % sign.",
    ]);
    assert.equal(state("Gross margin < 65").state, "Fired");
  });

  it("tells points from fractions by the metric's history and thresholds, not only its latest reading", function () {
    const small = new TriggerData(
      [
        // Points of a percent that never pass 1.5: its red threshold of 2 gives the scale away.
        {name: "Logo churn", unit: "%", values: [1.1, 1.2], thresholds: [1, 2]},
        // A Percent column: fractions, thresholds too.
        {name: "Win rate", unit: "%", values: [0.18, 0.22], thresholds: [0.25, 0.15]},
      ],
      [
        {name: "Win rate in points", code: "KR2", current: 22, start: 18, target: 26, unit: "%"},
        {name: "Win rate as a fraction", code: "KR3", current: 0.22, start: 0.18, target: 0.26, unit: "%"},
        {name: "Deals", code: "KR4", current: 4, start: 0, target: 10, unit: "deals"},
      ],
    );
    const judged = (text: string) => evaluateTrigger(parsed(text), small);
    const churn = judged("Logo churn > 2%");
    assert.equal(churn.state, "Unknown", "1.2 points is not above 0.02: never fired on a misread scale");
    assert.deepEqual(churn.problems, [
      "2% is 0.02, but Logo churn is read in points of a percent (1.2): write 2 without the % sign.",
    ]);
    assert.equal(judged("Logo churn > 2").state, "Armed");
    assert.equal(judged("Win rate < 20%").state, "Armed");
    assert.deepEqual(judged("Win rate < 25%").readings, ["Win rate is 22%: met (< 25%)"]);
    assert.equal(judged("KR KR2 < 20%").state, "Unknown");
    assert.match(judged("KR KR2 < 20%").problems[0], /write 20 without the % sign/);
    assert.equal(judged("KR KR2 < 20").state, "Armed");
    assert.equal(judged("KR KR3 < 25%").state, "Fired");
    assert.match(
      judged("KR KR4 < 50%").problems[0],
      /current value is kept in deals \(4\): write 50 without the % sign/,
    );
  });
});

describe("TriggerSyntax", function () {
  it("describes a trigger or says where it stops", async function () {
    const ok = (await executeFormulaFromPackDef(pack, "TriggerSyntax", [
      'KR "Partners building on the beta" confidence < 25%',
    ])) as Record<string, unknown>;
    assert.include(ok, {Valid: true, Names: "KR Partners building on the beta"});
    const bad = (await executeFormulaFromPackDef(pack, "TriggerSyntax", [
      "Regretted attrition rises for 3 weeks",
    ])) as Record<string, unknown>;
    assert.include(bad, {
      Valid: false,
      Position: 27,
      Message:
        'At character 27: expected a whole number of weeks from 1 to 52, found "for". Drop "for": Regretted attrition rises 3 weeks',
    });
    const apostrophe = (await executeFormulaFromPackDef(pack, "TriggerSyntax", [
      "“Customer’s NPS” < 30 or Выручка falls 2",
    ])) as Record<string, unknown>;
    assert.include(apostrophe, {Valid: true, Names: "Customer’s NPS, Выручка"});
  });
});
