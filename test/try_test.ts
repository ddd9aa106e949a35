import type {ChildProcess} from "node:child_process";
import {spawn, spawnSync} from "node:child_process";
import {assert} from "chai";
import {Tokens} from "../emulator/sample";
import {asJson, asText, tryPack} from "../scripts/try";
import {useEmulator} from "./support/emulator";

/** npm run try: any formula, action or sync table of the pack against a running emulator, from the command line. */

type Row = Record<string, unknown>;

describe("npm run try", function () {
  this.timeout(60_000);
  const env = useEmulator({validate: true});
  let options: {baseUrl: string; token: string};

  before(function () {
    options = {baseUrl: env.baseUrl, token: Tokens.leader};
  });

  afterEach(function () {
    assert.deepEqual(env.emulator.violations, []);
  });

  it("runs a formula with its arguments typed as coda execute types them", async function () {
    assert.include(await tryPack(["KeyResultProgress", "0", "100", "40"], options), {
      kind: "formula",
      result: 0.4,
      requests: 0,
    });
    const mix = await tryPack(["MeetingMix", "Status,Problem solving", "30,60"], options);
    assert.closeTo((mix.result as Row).Status as number, 1 / 3, 1e-9);
  });

  it("runs a sync table to the end, over HTTP to the emulator", async function () {
    const out = await tryPack(["KeyResults", env.seeded.teamDocIds[0], "", "", "", "", "", "2026-11-18"], options);
    const rows = out.result as Row[];
    assert.equal(out.kind, "sync");
    assert.lengthOf(
      rows,
      env.org.keyResults.filter(
        k => env.org.objectives.find(o => o.id === k.objectiveId)?.teamId === env.org.teams[0].id,
      ).length,
    );
    assert.isAbove(out.requests, 0);
  });

  it("makes a two-way edit and a check-in, and the next sync shows both", async function () {
    const team = env.seeded.teamDocIds[0];
    const edit = await tryPack(
      ["KeyResults", team, "", "", "", "", "", "2026-11-18", "--edit", "KR2", "Current=25", "Confidence=0.8"],
      options,
    );
    const [outcome] = edit.result as Array<{outcome: string; finalValue: Row}>;
    assert.equal(outcome.outcome, "success");
    assert.include(outcome.finalValue, {Code: "KR2", Current: 25, Confidence: 0.8});
    const kr = outcome.finalValue.Id as string;
    const checkIn = await tryPack(["CheckIn", kr, "26", "0.7", "Two deals moved to commit", "2026-11-19"], options);
    assert.include(checkIn.result as Row, {Id: kr, Current: 26, Confidence: 0.7, LastCheckIn: "2026-11-19"});
    const again = (await tryPack(["KeyResults", team], options)).result as Row[];
    assert.include(
      again.find(r => r.Code === "KR2"),
      {Current: 26, Confidence: 0.7, LastCheckIn: "2026-11-19"},
    );
  });

  it("prints rows as a text table of the display and featured columns, values shortened", async function () {
    const out = await tryPack(["KeyResults", env.seeded.teamDocIds[0], "", "", "", "", "", "2026-11-18"], options);
    const lines = asText(out, 200).split("\n");
    assert.match(lines[0], /^Name +Objective +Owner +Current +Target +Progress +Status +Forecast$/);
    assert.match(lines[1], /^-+ {2}-+/);
    const first =
      /^New mid-market bookings +Close the quarter with reco… +Diego Ramos +2089444 +4200000 +0\.497 +At risk +3844781\.679$/;
    assert.match(lines[2], first, "numbers rounded, long names cut");
    assert.deepEqual(lines.slice(-2), [
      `${(out.result as Row[]).length} rows.`,
      "8 of 25 columns; --json shows them all.",
    ]);
    const narrow = asText(out, 60).split("\n");
    assert.isTrue(
      narrow.slice(0, -2).every(l => l.length <= 60),
      "columns that do not fit the width are left out",
    );
    assert.deepEqual(JSON.parse(asJson(out)), out.result, "--json keeps every column");
  });

  it("prints a formula's value as text: a number, a list line by line, a record field by field", async function () {
    assert.equal(asText(await tryPack(["KeyResultProgress", "0", "100", "40"], options)), "0.4");
    assert.equal(
      asText(await tryPack(["AgendaTimes", "5,50,5", "9:30 AM"], options)),
      "09:30–09:35\n09:35–10:25\n10:25–10:30",
    );
    const review = asText(await tryPack(["CycleReview", "0.2,0.9,0.5"], options)).split("\n");
    assert.include(review, "Mean           0.533");
    assert.include(review, "Flags          None");
  });

  it("says in words whether a two-way edit was saved, and why not when it was refused", async function () {
    const edit = ["KeyResults", env.seeded.teamDocIds[0], "--edit", "KR3", "Current=70", "Confidence=0.6"];
    assert.equal(asText(await tryPack(edit, options)), "Saved KR3: Current 70, Confidence 0.6.");
    const refused = await tryPack(edit, {...options, token: Tokens.reader});
    assert.match(
      asText(refused),
      /^Not saved \(KR3\): Access denied \(updating a row of the table Key Results in the doc NsTeam001\)\./,
    );
    const [outcome] = JSON.parse(asJson(refused)) as Array<{outcome: string; error: {message: string}}>;
    assert.equal(outcome.outcome, "error");
    assert.match(outcome.error.message, /^Access denied/, "--json keeps the message too");
  });

  it("says what is wrong with a name, an edit or a missing row", async function () {
    const fails = async (args: string[], message: RegExp) => {
      try {
        await tryPack(args, options);
      } catch (error) {
        return assert.match((error as Error).message, message);
      }
      assert.fail(`${args.join(" ")} should fail`);
    };
    await fails([], /^Usage: npm run try/);
    await fails(["Nope"], /no formula or sync table named Nope\. It has: ActionItems, /);
    await fails(
      ["KeyResults", env.seeded.teamDocIds[0], "--edit", "KR99", "Current=1"],
      /No KeyResults row has the Code, Name or Id KR99/,
    );
    await fails(
      ["KeyResults", env.seeded.teamDocIds[0], "--edit", "KR1", "Current"],
      /"Current" is not of the form Field=value/,
    );
  });
});

describe("npm run emulator, then npm run try from another shell", function () {
  this.timeout(90_000);
  let emulator: ChildProcess | undefined;

  after(function () {
    if (emulator?.pid && emulator.exitCode === null) emulator.kill("SIGINT");
  });

  it("prints the base URL, a token and the sample docs' links, and serves them to the try script", async function () {
    emulator = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
      env: {...process.env, PORT: "0", EMULATOR_MUTATION_DELAY_MS: "0", EMULATOR_RATE_LIMIT: "off"},
    });
    let printed = "";
    await new Promise<void>((resolve, reject) => {
      emulator!.stdout!.on("data", (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes("Press Ctrl+C to stop.")) resolve();
      });
      emulator!.on("exit", code => reject(new Error(`the emulator exited with ${code}: ${printed}`)));
    });
    assert.include(printed, `Bearer tokens: ${Tokens.leader} (read-write)`);
    assert.include(printed, "https://docs.superhuman.com/d/Sales-OKRs_dNsTeam001");
    const url = /export EMULATOR_URL=(http:\/\/127\.0\.0\.1:\d+) EMULATOR_TOKEN=tok-leader-0001/.exec(printed)?.[1];
    assert.isDefined(url, printed);
    assert.include(printed, `listening at ${url}/apis/v1`);
    const run = (args: string[]) =>
      new Promise<{status: number | null; stdout: string; stderr: string}>(resolve => {
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/try.ts", ...args], {
          env: {...process.env, EMULATOR_URL: url},
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("exit", status => resolve({status, stdout, stderr}));
      });
    const setup = await run(["SetupCheck", "Team", "https://docs.superhuman.com/d/Sales-OKRs_dNsTeam001", "--json"]);
    assert.equal(setup.status, 0, setup.stderr);
    assert.deepEqual(
      (JSON.parse(setup.stdout) as Row[]).filter(r => r.Table !== "Setup tier").map(r => r.Status),
      ["Found", "Found", "Found", "Found", "Found"],
      "--json prints pure JSON on stdout",
    );
    assert.match(setup.stderr, /SetupCheck: 6 requests to http/);
    const sync = await run(["Objectives", "NsTeam001", "--json"]);
    assert.equal(sync.status, 0, sync.stderr);
    assert.isAbove((JSON.parse(sync.stdout) as Row[]).length, 0);
    const text = await run(["Objectives", "NsTeam001"]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Name +Team +Owner +Goals +Score.*\n-+ /, "without --json, a text table");
    const edit = ["KeyResults", "NsTeam001", "--edit", "KR1", "Current=1"];
    const refused = spawnSync(process.execPath, ["--import", "tsx", "scripts/try.ts", ...edit], {
      encoding: "utf8",
      env: {...process.env, EMULATOR_URL: url, EMULATOR_TOKEN: Tokens.reader},
    });
    assert.equal(refused.status, 1, "a refused edit fails the command");
    assert.match(
      refused.stdout,
      /^Not saved \(KR1\): Access denied .* This API token is read-only; writes need a read-write token\.\n$/,
    );
    emulator.kill("SIGINT");
    const down = spawnSync(process.execPath, ["--import", "tsx", "scripts/try.ts", "Objectives", "NsTeam001"], {
      encoding: "utf8",
      env: {...process.env, EMULATOR_URL: "http://127.0.0.1:9"},
    });
    assert.equal(down.status, 1);
    assert.include(
      down.stderr,
      "No emulator answers at http://127.0.0.1:9. Is the emulator running? Start it with npm run emulator",
    );
  });
});
