import {assert} from "chai";
import {relative} from "node:path";
import {
  buildManifest,
  differenceReport,
  FunctionMarker,
  ManifestFixture,
  manifestDifferences,
  readFixture,
  toJson,
  UpdateCommand,
} from "../scripts/manifest";

/**
 * The manifest the platform reads (the metadata the SDK compiles from the built
 * bundle) is the committed fixture test/fixtures/manifest.json. A change to the
 * pack's surface, such as a new sync table or a reworded description, is
 * recorded on purpose with `npm run manifest -- --update`; anything else that
 * moves it, such as a change to how the pack loads, is a mistake.
 */

const fixture = relative(process.cwd(), ManifestFixture);

describe("the built manifest", function () {
  it(`equals ${fixture}`, function () {
    this.timeout(5 * 60_000);
    const expected = readFixture();
    assert.ok(expected, `There is no ${fixture} yet. Write it with: ${UpdateCommand}`);
    const differences = manifestDifferences(expected, buildManifest());
    assert.ok(
      differences.length === 0,
      `The built manifest differs from ${fixture} in ${differences.length} places:\n${differenceReport(differences)}\n` +
        `If every change is intended (a new sync table, a new parameter, a reworded description), ` +
        `record it with: ${UpdateCommand}`,
    );
  });

  describe("the comparison", function () {
    const manifest = toJson({
      formulas: [
        {name: "A", description: "One.", execute: () => 1},
        {name: "B", description: "Two."},
      ],
      version: "1",
      skipped: undefined,
    });

    it("keeps what JSON keeps, marks functions and sorts keys", function () {
      assert.deepEqual(manifest, {
        formulas: [
          {description: "One.", execute: FunctionMarker, name: "A"},
          {description: "Two.", name: "B"},
        ],
        version: "1",
      });
      assert.deepEqual(Object.keys((manifest as {formulas: object[]}).formulas[0]), ["description", "execute", "name"]);
    });

    it("names what changed by path, matching named items by name", function () {
      const changed = toJson({
        formulas: [
          {name: "B", description: "Two!"},
          {name: "C", description: "Three."},
        ],
        version: "1",
      });
      assert.deepEqual(manifestDifferences(manifest, manifest), []);
      assert.deepEqual(manifestDifferences(manifest, changed), [
        'formulas[B].description:\n    was "Two."\n    now "Two!"',
        "formulas[C]: added",
        "formulas[A]: removed",
      ]);
    });

    it("notices a change of order", function () {
      const swapped = toJson({
        formulas: [
          {name: "B", description: "Two."},
          {name: "A", description: "One."},
        ],
      });
      const original = toJson({
        formulas: [
          {name: "A", description: "One."},
          {name: "B", description: "Two."},
        ],
      });
      assert.deepEqual(manifestDifferences(original, swapped), ["formulas: the order changed to B, A"]);
    });
  });
});
