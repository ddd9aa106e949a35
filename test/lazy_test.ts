import type * as coda from "@codahq/packs-sdk";
import {assert} from "chai";
import {area} from "../src/lazy";
import type * as Pack from "../src/pack";
import {freshPack} from "./support/emulator";

/** Whether a project module is loaded in this process. */
const loaded = (path: string) => Object.keys(require.cache).some(key => key.endsWith(path));

describe("areas built on first use", function () {
  it("name exactly what each area's module exports, in its order", function () {
    freshPack();
    const {areas} = require("../src/pack") as typeof Pack;
    for (const [label, a] of Object.entries(areas)) {
      const module = a.module();
      for (const kind of ["formulas", "syncTables", "skills"] as const) {
        assert.deepEqual(
          a[kind].map(x => x.name),
          (module[kind] ?? []).map(x => x.name),
          `${label}: ${kind}`,
        );
      }
    }
  });

  it("load nothing until used, and only the area used", function () {
    const pack = freshPack();
    for (const module of ["formulas/health.ts", "formulas/okr_sync.ts", "src/agent/skills.ts", "src/api/client.ts"]) {
      assert.isFalse(loaded(module), `${module} is not loaded with the pack`);
    }
    // The platform's lookups read names only: a formula by name, a sync table by its name or its getter's.
    assert.exists(pack.formulas.find(f => f.name === "HealthStatus"));
    assert.exists(pack.syncTables.find(t => t.getter.name === "SyncKeyResults"));
    assert.isFalse(loaded("formulas/health.ts"), "finding a formula by name builds nothing");
    assert.isFalse(loaded("formulas/okr_sync.ts"), "neither does finding a sync table");
    const status = pack.formulas.find(f => f.name === "HealthStatus")!;
    assert.isFunction(status.execute);
    assert.isTrue(loaded("formulas/health.ts"), "using it builds its area");
    assert.isFalse(loaded("formulas/okr_sync.ts"), "and no other");
  });

  it("says which name a module does not export", function () {
    const [ghost] = area(() => ({formulas: []}), {formulas: ["Ghost"]}).formulas;
    assert.equal(ghost.name, "Ghost");
    assert.throws(() => ghost.description, /registers the formula Ghost, which its module does not export/);
    const [table] = area(
      () => ({syncTables: [{name: "Rows", getter: {name: "GetRows"}} as unknown as coda.SyncTable]}),
      {syncTables: ["Rows"]},
    ).syncTables;
    assert.equal(table.getter.name, "SyncRows", "the getter's name is known without building");
    assert.throws(() => table.description, /The sync table Rows has a getter named GetRows/);
  });

  it("show what the module built: spread, keys and JSON as the upload reads them", function () {
    const built = {name: "Echo", description: "Says it back.", parameters: [], resultType: 1, execute: () => 1};
    const [echo] = area(() => ({formulas: [built as unknown as coda.Formula]}), {formulas: ["Echo"]}).formulas;
    assert.deepEqual({...echo} as object, built);
    assert.deepEqual(Object.keys(echo), Object.keys(built));
    assert.equal(JSON.stringify(echo), JSON.stringify(built));
    assert.isTrue("execute" in echo);
    Object.defineProperty(echo, "cacheTtlSecs", {value: 0, enumerable: true, configurable: true});
    (echo as {isAction?: boolean}).isAction = false;
    assert.include(
      built as object,
      {cacheTtlSecs: 0, isAction: false},
      "a change to the stand-in reaches the definition",
    );
  });
});
