import {assert} from "chai";
import type {ColumnInfo} from "../src/engine/columns";
import {mapColumns, parseColumnsParam} from "../src/engine/columns";
import {day} from "../src/engine/calendar";
import type {Seat} from "../src/engine/seats";
import type {SessionFacts} from "../src/engine/sessions";
import {sessionReadiness} from "../src/engine/sessions";

/** Names in every script where the engine matches them outside triggers, seats and lanes: sessions' required seats and column mapping. */

const seat = (name: string, holder?: string): Seat => ({
  name,
  person: holder ? {name: holder, email: ""} : undefined,
  responsibilities: [],
  requiredIn: ["Executive session"],
});

const session = (over: Partial<SessionFacts>): SessionFacts => ({
  name: "Квартальный выбор",
  kind: "Decision",
  date: day("2026-12-08"),
  requiredSeats: [],
  confirmed: [],
  expectedOutputs: [],
  deliveredOutputs: [],
  prework: [],
  decisions: 0,
  ...over,
});

describe("executive sessions: required seats named in any script", function () {
  const seats = [
    seat("財務", "王芳"),
    seat("営業", "李娜"),
    seat("Финансы", "Ольга"),
    seat("المالية", "عمر"),
    seat("Équipe", "Zoé"),
    seat("🚀 Growth", "Ada"),
    seat("💰 Finance"),
  ];
  const asOf = day("2026-11-24");

  it("confirms each required seat by its own name or holder, never by another seat's", function () {
    const r = sessionReadiness(
      session({
        requiredSeats: ["財務", "営業", "ФИНАНСЫ", "المالية", "E\u0301quipe", "🚀 growth"],
        confirmed: ["王芳", "финансы", "Zoé", "🚀 Growth"],
        seats,
      }),
      asOf,
    );
    assert.deepEqual(r.unconfirmedSeats, ["営業", "المالية"]);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.findings, ["Seats not confirmed: 営業, المالية. Without them the session degrades fast."]);
  });

  it("takes the executive-session seats when none are named, and names an empty one", function () {
    const r = sessionReadiness(session({confirmed: ["王芳", "李娜", "Ольга", "عمر", "Zoé", "Ada"], seats}), asOf);
    assert.deepEqual(r.unconfirmedSeats, ["💰 Finance (empty seat)"]);
  });

  it("names a required seat that is no seat, with the nearest in its script", function () {
    const r = sessionReadiness(
      session({requiredSeats: ["営業部", "Финансы", "広報", "💰 Financ"], confirmed: ["Ольга"], seats}),
      asOf,
    );
    assert.deepEqual(r.problems, [
      'Required Seats names "営業部", which is not a seat in the Seats table; did you mean "営業"?',
      'Required Seats names "広報", which is not a seat in the Seats table: name a seat of that table.',
      'Required Seats names "💰 Financ", which is not a seat in the Seats table; did you mean "💰 Finance"?',
    ]);
    assert.deepEqual(r.unconfirmedSeats, ["営業部", "広報", "💰 Financ"]);
  });

  it("quotes at most 40 characters of a name in a finding, cut with an ellipsis", function () {
    const long = "Vice President of Global Revenue Operations and Strategy";
    const r = sessionReadiness(
      session({requiredSeats: [long], prework: [{input: `${long} memo`, from: long, received: false}], seats}),
      asOf,
    );
    assert.deepEqual(r.problems, [
      'Required Seats names "Vice President of Global Revenue Operat…", which is not a seat in the Seats table: name a seat of that table.',
    ]);
    for (const text of [...r.findings, ...r.problems]) assert.notInclude(text, long.slice(0, 41));
    assert.deepEqual(r.unconfirmedSeats, [long], "the list of seats keeps each name whole");
    const after = sessionReadiness(session({date: day("2026-11-01"), expectedOutputs: [long], seats}), asOf);
    assert.deepEqual(
      after.findings.filter(f => f.startsWith("Outputs")),
      ["Outputs not recorded: Vice President of Global Revenue Operat…."],
    );
  });
});

describe("columns: found by names in any script", function () {
  const column = (id: string, name: string, type = "text"): ColumnInfo => ({id, name, type, isArray: false});
  const specs = [
    {field: "Name" as const, names: ["Метрика", "指標"], required: true},
    {field: "Owner" as const, names: ["Ответственный", "担当者"]},
    {field: "Target" as const, names: ["Цель", "目標"]},
  ];

  it("finds each field's own column, never another column whose name is in the same script", function () {
    const russian = [
      column("c1", "Финансы"),
      column("c2", "Метрика"),
      column("c3", "Цель", "number"),
      column("c4", "Ответственный", "person"),
    ];
    assert.deepEqual(
      Object.fromEntries(Object.entries(mapColumns("Показатели", russian, specs)).map(([f, c]) => [f, c!.name])),
      {Name: "Метрика", Owner: "Ответственный", Target: "Цель"},
    );
    const japanese = [column("c1", "売上"), column("c2", "指標"), column("c3", "目標", "number")];
    assert.deepEqual(
      Object.fromEntries(Object.entries(mapColumns("指標表", japanese, specs)).map(([f, c]) => [f, c!.name])),
      {Name: "指標", Target: "目標"},
    );
  });

  it("maps a column named in the columns parameter by its own name in any script, width or composition", function () {
    const columns = [
      column("c1", "Финансы"),
      column("c2", "Продажи"),
      column("c3", "Équipe"),
      column("c4", "🚀 Growth"),
      column("c5", "المبيعات"),
    ];
    const mapped = (param: string) => mapColumns("Метрики", columns, specs, param).Name?.name;
    assert.equal(mapped("Name=Продажи"), "Продажи");
    assert.equal(mapped("Name=E\u0301QUIPE"), "Équipe");
    assert.equal(mapped("Name=🚀growth"), "🚀 Growth");
    assert.equal(mapped("Name=المبيعات"), "المبيعات");
    assert.equal(mapped("Ｎａｍｅ=Финансы"), "Финансы", "a full-width field name");
    assert.throws(
      () => mapped("Name=Выручка"),
      /columns maps Name to "Выручка", but the table Метрики has no such column/,
    );
  });

  it("quotes at most 40 characters of a column or a field it cannot read, cut with an ellipsis", function () {
    const long = "Net revenue retention of enterprise customers in EMEA";
    assert.throws(
      () => mapColumns("Metrics", [column("c1", "Name")], specs, `Name=${long}`),
      /columns maps Name to "Net revenue retention of enterprise cus…", but/,
    );
    assert.throws(
      () => parseColumnsParam(long, ["Name"]),
      /^"Net revenue retention of enterprise cus…" in columns is not of the form/,
    );
    assert.throws(
      () => parseColumnsParam(`${long}=x`, ["Name"]),
      /^columns names the field "Net revenue retention of enterprise cus…", which/,
    );
    assert.throws(
      () => mapColumns(long, [column("c1", "Other")], specs),
      /^The table Net revenue retention of enterprise cus… has no column for Name\./,
    );
    assert.throws(
      () => mapColumns("Metrics", [column("c1", long)], specs),
      /Its columns: Net revenue retention of enterprise cus…\. Rename one/,
    );
  });
});
