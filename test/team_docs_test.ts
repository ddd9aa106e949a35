import type * as coda from "@codahq/packs-sdk";
import {cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {starterTables, writeStarter} from "../scripts/starter";
import {pack} from "../src/pack";
import {teamDocTitle} from "../src/sync/teams";
import {actionContext, rejection, runSync, useEmulator} from "./support/emulator";

/**
 * Tier 2 at the scale of a company: one team doc made by hand, then one click
 * per team row copies it for the team, shares it with the lead and writes the
 * link back, and a second click makes no second doc.
 */
describe("CreateTeamDoc", function () {
  this.timeout(60_000);
  let dir: string;
  let leadership: string;
  let template: string;

  before(function () {
    const starter = mkdtempSync(join(tmpdir(), "team-docs-"));
    writeStarter(starter);
    dir = mkdtempSync(join(tmpdir(), "team-docs-served-"));
    for (const tier of ["tier-1", "tier-2"]) cpSync(join(starter, tier), dir, {recursive: true});
    rmSync(join(dir, "Strategy doc"), {recursive: true, force: true});
    rmSync(starter, {recursive: true, force: true});
  });
  const env = useEmulator(() => ({from: dir, validate: true}));

  beforeEach(function () {
    leadership = env.csvDocs.find(d => d.name === "Leadership doc")!.id;
    template = env.csvDocs.find(d => d.name === "Team doc")!.id;
  });

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  after(function () {
    rmSync(dir, {recursive: true, force: true});
  });

  const click = async (team: string) =>
    (await executeFormulaFromPackDef(
      pack,
      "CreateTeamDoc",
      [leadership, team, template] as coda.ParamValues<coda.ParamDefs>,
      actionContext(env),
    )) as {
      Team: string;
      Link: string;
      Shared: string;
      Created: boolean;
    };

  const copyOf = (team: string) =>
    env.emulator.docs.find(d => d.name === teamDocTitle(team) && d.sourceDocId === template);
  const teamsRows = () => starterTables().find(t => t.entry.key === "teams")!.rows;
  const linkOnRow = (team: string) => {
    const table = env.emulator.doc(leadership)!.tables.find(t => t.name === "Teams")!;
    const nameColumn = table.columns.find(c => c.name === "Team")!.id;
    const linkColumn = table.columns.find(c => c.name === "Team Doc")!.id;
    return table.rows.find(r => r.values.get(nameColumn) === team)?.values.get(linkColumn);
  };

  it("copies the team doc for the team, shares it with the lead, writes the link on the row, and reads like the template", async function () {
    const [team, lead] = teamsRows()[0];
    const docsBefore = env.emulator.docs.length;
    const made = await click(team);
    assert.deepInclude(made, {Team: team, Shared: lead, Created: true});
    assert.equal(env.emulator.docs.length, docsBefore + 1);
    const copy = copyOf(team)!;
    assert.isDefined(copy);
    assert.include(made.Link, copy.id);
    assert.equal(linkOnRow(team), made.Link);
    assert.equal(env.emulator.stats.byOperation.addPermission, 1);
    assert.sameMembers(
      copy.tables.map(t => t.name),
      env.emulator.doc(template)!.tables.map(t => t.name),
    );

    const keyResults = await runSync(env, pack, "KeyResults", [[made.Link]]);
    const fromTemplate = await runSync(env, pack, "KeyResults", [[template]]);
    assert.sameMembers(
      keyResults.rows.map(r => r.Name),
      fromTemplate.rows.map(r => r.Name),
    );
  });

  it("makes no second doc on a second click, nor when the link was lost from the row", async function () {
    const [team] = teamsRows()[1];
    const first = await click(team);
    const docs = env.emulator.docs.length;
    const again = await click(team);
    assert.deepInclude(again, {Link: first.Link, Created: false});
    assert.equal(env.emulator.docs.length, docs);

    // Someone clears the link: the copy made before is found by its title and source, not made again.
    const table = env.emulator.doc(leadership)!.tables.find(t => t.name === "Teams")!;
    const linkColumn = table.columns.find(c => c.name === "Team Doc")!.id;
    for (const row of table.rows) row.values.set(linkColumn, "");
    const found = await click(team);
    assert.equal(env.emulator.docs.length, docs, "the copy made before is found");
    assert.include(found.Link, copyOf(team)!.id);
  });

  it("says plainly when the team is not on the list, or the template is the leadership doc", async function () {
    const missing = await rejection(click("Nobody's team"));
    assert.equal(
      missing.message,
      `The Teams table has no team named "Nobody's team": add its row, or give the name as the table spells it.`,
    );
    const self = await rejection(
      executeFormulaFromPackDef(
        pack,
        "CreateTeamDoc",
        [leadership, teamsRows()[0][0], leadership] as coda.ParamValues<coda.ParamDefs>,
        actionContext(env),
      ),
    );
    assert.equal(self.message, "The template is the leadership doc itself: give the link of the team doc to copy.");
  });
});
