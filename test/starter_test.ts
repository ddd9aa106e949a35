import {spawnSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import {assert} from "chai";
import {DeliveryMetrics, parseCsv, starterFile, toCsv, writeStarter} from "../scripts/starter";
import {healthStatus, thresholds} from "../src/engine/health";
import {Tables} from "../src/sync/tables";

/** npm run starter: one CSV per table a facilitator creates, with the registry's exact columns. */
describe("starter tables", function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    dir = mkdtempSync(join(tmpdir(), "starter-"));
  });

  after(function () {
    rmSync(dir, {recursive: true, force: true});
  });

  it("writes one file per table created by hand, each parsing with the registry's columns as its header", function () {
    writeStarter(dir);
    const made = Tables.filter(t => !t.syncedFrom);
    assert.sameMembers(
      readdirSync(dir, {recursive: true, encoding: "utf8"}).filter(f => f.endsWith(".csv")),
      made.map(starterFile),
    );
    for (const entry of made) {
      assert.equal(
        basename(starterFile(entry)),
        `${entry.name}.csv`,
        "named after its table, so the import needs no rename",
      );
    }
    for (const entry of made) {
      const rows = parseCsv(readFileSync(join(dir, starterFile(entry)), "utf8"));
      assert.deepEqual(
        rows[0],
        entry.columns.map(c => c.name),
        entry.name,
      );
      assert.isAtLeast(rows.length - 1, 2, `${entry.name} has a few sample rows`);
      assert.isAtMost(rows.length - 1, entry.key === "readings" ? 64 : 8, `${entry.name} has only a few`);
      for (const row of rows.slice(1)) assert.lengthOf(row, entry.columns.length, `${entry.name}: ${row.join("|")}`);
      const required = entry.columns.filter(c => entry.fields.find(f => f.field === c.field)?.required);
      for (const row of rows.slice(1)) {
        for (const c of required) {
          assert.isNotEmpty(row[entry.columns.indexOf(c)], `${entry.name}: ${c.name} is filled in`);
        }
      }
    }
  });

  it("keeps the delivery metrics as ordinary health metrics, their direction in the thresholds", function () {
    const entry = Tables.find(t => t.key === "metrics")!;
    const [header, ...rows] = parseCsv(readFileSync(join(dir, starterFile(entry)), "utf8"));
    const column = (name: string) => header.indexOf(name);
    const byName = new Map(rows.map(r => [r[column("Metric")], r]));
    const judge = (metric: string, value: number) => {
      const row = byName.get(metric)!;
      assert.exists(row, metric);
      return healthStatus(value, thresholds(Number(row[column("Green At")]), Number(row[column("Red At")])));
    };
    assert.sameMembers(
      DeliveryMetrics.map(m => m.Metric).filter(m => byName.has(m)),
      DeliveryMetrics.map(m => m.Metric),
    );
    assert.equal(judge("Lead time for changes", 5), "Green", "lower is better");
    assert.equal(judge("Lead time for changes", 25), "Red");
    assert.equal(judge("Deployment frequency", 6), "Green", "higher is better");
    assert.equal(judge("Deployment frequency", 0.5), "Red");
    assert.equal(judge("Change failure rate", 20), "Yellow");
    assert.equal(judge("Time to restore service", 30), "Red");
    const areas = rows.map(r => r[column("Area")]);
    for (const area of new Set(areas)) {
      assert.isAtMost(
        areas.filter(a => a === area).length,
        4,
        `${area}: at most four metrics, as DashboardReview asks`,
      );
    }
  });

  it("names in each lookup only rows its own starter file holds", function () {
    const files = new Map(
      Tables.filter(t => !t.syncedFrom).map(t => [t.key, parseCsv(readFileSync(join(dir, starterFile(t)), "utf8"))]),
    );
    for (const entry of Tables.filter(t => !t.syncedFrom)) {
      for (const col of entry.columns.filter(c => c.lookup)) {
        const names = new Set(
          files
            .get(col.lookup!)!
            .slice(1)
            .map(r => r[0]),
        );
        const i = entry.columns.indexOf(col);
        for (const row of files.get(entry.key)!.slice(1)) {
          for (const name of row[i] ? row[i].split(", ") : []) {
            assert.isTrue(names.has(name), `${entry.name}.${col.name}: ${name}`);
          }
        }
      }
    }
  });

  it("quotes what needs quoting and reads it back", function () {
    const rows = [["a, b", 'say "hi"', "line\nbreak", " edge", ""]];
    assert.deepEqual(parseCsv(toCsv(["A", "B", "C", "D", "E"], rows)), [["A", "B", "C", "D", "E"], ...rows]);
    assert.deepEqual(parseCsv('x,"y"\n1,2'), [
      ["x", "y"],
      ["1", "2"],
    ]);
    assert.throws(() => parseCsv('"open'), /inside a quoted field/);
  });

  it("runs as npm run starter into the directory given", function () {
    const out = join(dir, "cli");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/starter.ts", "--out", out], {
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.include(run.stdout, "tier-2/Team doc/Key Results.csv");
    assert.match(run.stdout, /Tier 1, The first meeting \(day 1, 8 manual steps\)/);
    assert.lengthOf(
      readdirSync(out, {recursive: true, encoding: "utf8"}).filter(f => f.endsWith(".csv")),
      Tables.filter(t => !t.syncedFrom).length,
    );
  });
});
