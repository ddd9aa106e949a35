import {assert} from "chai";
import fc from "fast-check";
import {isoDay} from "../src/engine/calendar";
import * as cells from "../src/engine/cells";

/** Cells as a CSV import leaves them: every column text, read as the column means it. */
describe("cells read as a CSV import leaves them", function () {
  const day = (text: string) => {
    const read = cells.date(text, "Due");
    return read.value ? isoDay(read.value) : read.problem;
  };

  it("reads a day written the ways a spreadsheet writes it", function () {
    for (const text of [
      "2026-11-18",
      "2026-11-18T09:30:00.000-05:00",
      "2026/11/18",
      "18 Nov 2026",
      "18 November 2026",
      "Nov 18, 2026",
      "November 18 2026",
      "18/11/2026",
      "11/18/2026",
      "18.11.2026",
    ]) {
      assert.equal(day(text), "2026-11-18", text);
    }
    assert.equal(day("4/4/2026"), "2026-04-04");
  });

  it("reports a day that reads two ways with both spellings, and words that are no day with the form to use", function () {
    assert.equal(
      day("03/04/2026"),
      'Due: "03/04/2026" reads as two days (day/month or month/day): write it as 2026-04-03 or 2026-03-04.',
    );
    assert.equal(day("next week"), 'Due holds "next week", not a date: write it as YYYY-MM-DD.');
    assert.equal(day("31 Feb 2026"), 'Due: "2026-02-31" is not a day of the calendar.');
  });

  it("reads numbers with separators, currency signs, a Unicode minus and a percent sign", function () {
    const n = (text: string) => cells.number(text, "Value").value;
    assert.equal(n("1,200"), 1200);
    assert.equal(n("$1,200.50"), 1200.5);
    assert.equal(n("€1 200"), 1200);
    assert.equal(n("£3"), 3);
    assert.equal(n("\u22123.5"), -3.5);
    assert.equal(n("35%"), 0.35);
    assert.equal(cells.number("twelve", "Value").problem, 'Value holds text ("twelve"), not a number.');
    assert.equal(
      cells.number("x".repeat(500), "Value").problem,
      `Value holds text ("${"x".repeat(40)}"), not a number.`,
    );
  });

  it("reads people typed as emails, as Name <email>, or as names, one or several", function () {
    assert.deepEqual(cells.people("ana@northstar.example"), [
      {name: "ana@northstar.example", email: "ana@northstar.example"},
    ]);
    assert.deepEqual(cells.people("Ana Lima <ana@northstar.example>; 王芳 <wang@northstar.example>"), [
      {name: "Ana Lima", email: "ana@northstar.example"},
      {name: "王芳", email: "wang@northstar.example"},
    ]);
    assert.deepEqual(cells.people("Jonah, Ольга"), [
      {name: "Jonah", email: ""},
      {name: "Ольга", email: ""},
    ]);
    assert.deepEqual(cells.people([{name: "Grace", email: "grace@northstar.example"}]), [
      {name: "Grace", email: "grace@northstar.example"},
    ]);
  });

  it("keeps the address of a link in formatted text, as the service sends it", function () {
    assert.equal(
      cells.url("**[Churn review](https://docs.superhuman.com/d/x_dAbc#row)**"),
      "https://docs.superhuman.com/d/x_dAbc#row",
    );
    assert.equal(cells.url("See https://example.com/a, then decide"), "https://example.com/a");
    assert.equal(cells.url("```Hot metric: Gross margin```"), undefined);
    assert.equal(cells.url({"@type": "WebPage", url: "https://example.com/p"}), "https://example.com/p");
  });

  it("reads a checkbox typed as a word, with the column's own words", function () {
    for (const yes of ["yes", "TRUE", "x", "✓", "done", "1"]) assert.isTrue(cells.flag(yes, "Received").value, yes);
    for (const no of ["no", "false", "0"]) assert.isFalse(cells.flag(no, "Received").value, no);
    assert.isUndefined(cells.flag("", "Received").value);
    assert.isTrue(cells.flag("On time", "Started On Time", {yes: ["on time"]}).value);
    assert.isFalse(cells.flag("late", "Started On Time", {no: ["late"]}).value);
    assert.equal(
      cells.flag("maybe", "Received").problem,
      'Received holds "maybe": tick it (or type yes) or leave it blank.',
    );
  });

  it("reads every calendar day written as D Mon YYYY as the same day as its ISO form", function () {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(
        fc.date({min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true}),
        d => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, dd] = iso.split("-").map(Number);
          assert.equal(day(`${dd} ${months[m - 1]} ${String(y).padStart(4, "0")}`), iso);
          assert.equal(day(`${months[m - 1]} ${dd}, ${String(y).padStart(4, "0")}`), iso);
        },
      ),
    );
  });
});

describe("formatted text in any script", function () {
  it("takes emphasis off at a word's edge and keeps underscores inside words of any script", function () {
    assert.equal(cells.text("_Make onboarding self-serve_"), "Make onboarding self-serve");
    assert.equal(cells.text("*財務* review"), "財務 review");
    assert.equal(cells.text("plan_財務_2026"), "plan_財務_2026");
    assert.equal(cells.text("Продажи_план_Q4"), "Продажи_план_Q4");
    assert.equal(cells.text("Продажи_план_итог"), "Продажи_план_итог");
    assert.equal(cells.text("snake_case_name"), "snake_case_name");
  });
});
