import {assert} from "chai";
import fc from "fast-check";
import {day, isoDay, plusDays} from "../src/engine/calendar";
import * as cells from "../src/engine/cells";
import {mapColumns, parseColumnsParam} from "../src/engine/columns";
import type {ColumnInfo} from "../src/engine/columns";
import {cycleFromName, okrCycle} from "../src/engine/cycle";
import {InputError} from "../src/engine/errors";
import {KeyResultFields} from "../src/sync/tables";

const col = (name: string, type = "number", extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  id: `c-${name}`,
  name,
  type,
  isArray: false,
  ...extra,
});

describe("engine: column mapping", function () {
  const columns = [
    col("KR", "text"),
    col("Parent objective", "lookup", {lookupTable: {id: "grid-1", name: "Objectives"}}),
    col("DRI", "person"),
    col("Baseline"),
    col("Goal value"),
    col("Actual"),
  ];

  it("finds columns by synonym, ignoring case and punctuation", function () {
    const map = mapColumns("Key Results", [...columns, col("target")], KeyResultFields);
    assert.equal(map.Name?.name, "KR");
    assert.equal(map.Owner?.name, "DRI");
    assert.equal(map.Start?.name, "Baseline");
    assert.equal(map.Current?.name, "Actual");
    assert.equal(map.Target?.name, "target");
    assert.equal(map.Objective?.name, "Parent objective");
  });

  it("finds a lookup by the table it points at", function () {
    const map = mapColumns(
      "Key Results",
      [
        col("Title", "text"),
        col("Belongs to", "lookup", {lookupTable: {id: "g", name: "objectives"}}),
        col("Target"),
        col("Current"),
      ],
      KeyResultFields,
    );
    assert.equal(map.Objective?.name, "Belongs to");
  });

  it("names the missing column, the table's columns and the names accepted", function () {
    assert.throws(
      () => mapColumns("Key Results", columns, KeyResultFields),
      InputError,
      /^The table Key Results has no column for Target\. Its columns: KR, Parent objective, DRI and 3 more\. Rename one or set columns to "Target=Your column"\. See SetupCheck\.$/,
    );
  });

  it("takes an explicit mapping, and says when it names no column or no field", function () {
    assert.equal(mapColumns("Key Results", columns, KeyResultFields, "target = Goal value").Target?.name, "Goal value");
    assert.throws(
      () => mapColumns("Key Results", columns, KeyResultFields, "Target=Aim"),
      InputError,
      /maps Target to "Aim", but the table Key Results has no such column/,
    );
    assert.throws(
      () => parseColumnsParam("Budget=Money", ["Target"]),
      InputError,
      /names the field "Budget", which is not one of: Target/,
    );
    assert.throws(() => parseColumnsParam("Target", ["Target"]), InputError, /not of the form Field=Column name/);
  });
});

describe("engine: rich cell values", function () {
  it("unwraps plain text and reads numbers, percents and currency", function () {
    assert.equal(cells.text("```Apple```"), "Apple");
    assert.deepEqual(cells.number("$1,200", "Target"), {value: 1200});
    assert.deepEqual(cells.number("45%", "Confidence"), {value: 0.45});
    assert.deepEqual(cells.number({"@type": "MonetaryAmount", amount: 42.5}, "Cost"), {value: 42.5});
    assert.deepEqual(cells.number("", "Target"), {value: undefined});
    assert.deepEqual(cells.number("```about 40```", "Current"), {
      value: undefined,
      problem: 'Current holds text ("about 40"), not a number.',
    });
  });

  it("reads dates by their calendar day, whatever the offset", function () {
    assert.equal(isoDay(cells.date("2026-11-20T00:00:00.000-08:00", "Date").value!), "2026-11-20");
    assert.match(cells.date("next week", "Date").problem!, /not a date/);
  });

  it("keeps row ids of references and falls back to names typed as text", function () {
    const ref = {
      "@context": "http://schema.org/",
      "@type": "StructuredValue",
      additionalType: "row",
      name: "Grow ARR",
      rowId: "i-1",
      tableId: "grid-1",
      url: "u",
      tableUrl: "t",
    };
    assert.deepEqual(cells.refs([ref, "Old goal, Other"]), [
      {rowId: "i-1", tableId: "grid-1", name: "Grow ARR", url: "u"},
      {name: "Old goal"},
      {name: "Other"},
    ]);
    assert.deepEqual(cells.people({"@type": "Person", name: "Ada", email: "ada@example.com"}), [
      {name: "Ada", email: "ada@example.com"},
    ]);
  });
});

describe("engine: cycle names", function () {
  it("reads the names OkrCycle gives, for every fiscal year start", function () {
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 365 * 30}),
        fc.constantFrom(3, 6, 12),
        fc.integer({min: 1, max: 12}),
        (offset, months, fyStart) => {
          const cycle = okrCycle(plusDays(day("2000-01-01"), offset), months, fyStart);
          const back = cycleFromName(cycle.name, fyStart);
          assert.equal(isoDay(back.start), isoDay(cycle.start));
          assert.equal(isoDay(back.end), isoDay(cycle.end));
        },
      ),
    );
  });

  it("needs the length of C cycles and refuses impossible names", function () {
    assert.equal(isoDay(cycleFromName("FY2026 C3", 1, 2).start), "2026-05-01");
    assert.throws(() => cycleFromName("FY2026 C3"), InputError, /set monthsPerCycle/);
    assert.throws(() => cycleFromName("FY2026 Q5"), InputError, /only 4 cycles/);
    assert.throws(() => cycleFromName("Q4 2026"), InputError, /not a cycle name/);
  });
});
