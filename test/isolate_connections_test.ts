import {compilePackMetadata} from "@codahq/packs-sdk/dist/helpers/metadata";
import {assert} from "chai";
import {AccountFreeSyncTables, connectionFindings} from "../scripts/isolate/connections";
import {pack} from "../src/pack";

interface Metadata {
  formulas: Array<{name: string; isAction?: boolean; connectionRequirement?: string}>;
  syncTables: Array<{name: string; getter: {connectionRequirement?: string}}>;
}

/**
 * The connection check that npm run test:isolate applies to the BUILT bundle's
 * metadata. Here: that it passes the source's compiled metadata and that it
 * catches each way an account can go missing.
 */
describe("connection requirements check", function () {
  /** A copy of the metadata the SDK compiles from the pack, to spoil in each test. */
  const metadata = () =>
    JSON.parse(JSON.stringify(compilePackMetadata({...pack, version: pack.version ?? "0"}))) as Metadata;

  it("finds nothing in the pack as it is", function () {
    assert.deepEqual(connectionFindings(metadata()), []);
  });

  it("names an action without a required account", function () {
    const m = metadata();
    const checkIn = m.formulas.find(f => f.name === "CheckIn")!;
    delete checkIn.connectionRequirement;
    m.formulas.find(f => f.name === "RaiseIssue")!.connectionRequirement = "optional";
    assert.deepEqual(connectionFindings(m), [
      'The action CheckIn writes through the Docs API but has no connectionRequirement; it must be "required".',
      'The action RaiseIssue writes through the Docs API but has connectionRequirement "optional"; it must be "required".',
    ]);
  });

  it("names a sync table that reads the API without a required account, and lets the calendar tables be", function () {
    const m = metadata();
    m.syncTables.find(t => t.name === "KeyResults")!.getter.connectionRequirement = "none";
    assert.deepEqual(connectionFindings(m), [
      'The sync table KeyResults reads through the Docs API but has connectionRequirement "none"; it must be "required".',
    ]);
    for (const name of AccountFreeSyncTables) {
      assert.equal(
        m.syncTables.find(t => t.name === name)!.getter.connectionRequirement,
        "none",
        `${name} needs no account`,
      );
    }
  });

  it("leaves the pure calculation formulas alone", function () {
    const m = metadata();
    for (const f of m.formulas.filter(f => !f.isAction)) f.connectionRequirement = undefined;
    assert.deepEqual(connectionFindings(m), []);
  });
});
