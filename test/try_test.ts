import type {ChildProcess} from "node:child_process";
import {spawn, spawnSync} from "node:child_process";
import {assert} from "chai";
import type {SampleEmulator} from "../emulator/sample";
import {startSampleEmulator, Tokens} from "../emulator/sample";
import {tryPack} from "../scripts/try";

/** npm run try: any formula, action or sync table of the pack against a running emulator, from the command line. */

type Row = Record<string, unknown>;

describe("npm run try", function () {
  this.timeout(60_000);
  let env: SampleEmulator;
  let options: {baseUrl: string; token: string};

  before(async function () {
    env = await startSampleEmulator({validate: true});
    options = {baseUrl: env.baseUrl, token: Tokens.leader};
  });

  after(async function () {
    assert.deepEqual(env.emulator.violations, []);
    await env.stop();
  });

  it("runs a formula with its arguments typed as coda execute types them", async function () {
    assert.include(await tryPack(["KeyResultProgress", "0", "100", "40"], options), {kind: "formula", result: 0.4, requests: 0});
    const mix = await tryPack(["MeetingMix", "Status,Problem solving", "30,60"], options);
    assert.closeTo((mix.result as Row).Status as number, 1 / 3, 1e-9);
  });

  it("runs a sync table to the end, over HTTP to the emulator", async function () {
    const out = await tryPack(["KeyResults", env.seeded.teamDocIds[0], "", "", "", "", "", "2026-11-18"], options);
    const rows = out.result as Row[];
    assert.equal(out.kind, "sync");
    assert.lengthOf(rows, env.org.keyResults.filter(k => env.org.objectives.find(o => o.id === k.objectiveId)?.teamId === env.org.teams[0].id).length);
    assert.isAbove(out.requests, 0);
  });

  it("makes a two-way edit and a check-in, and the next sync shows both", async function () {
    const team = env.seeded.teamDocIds[0];
    const edit = await tryPack(["KeyResults", team, "", "", "", "", "", "2026-11-18", "--edit", "KR2", "Current=25", "Confidence=0.8"], options);
    const [outcome] = edit.result as Array<{outcome: string; finalValue: Row}>;
    assert.equal(outcome.outcome, "success");
    assert.include(outcome.finalValue, {Code: "KR2", Current: 25, Confidence: 0.8});
    const kr = outcome.finalValue.Id as string;
    const checkIn = await tryPack(["CheckIn", kr, "26", "0.7", "Two deals moved to commit", "2026-11-19"], options);
    assert.include(checkIn.result as Row, {Id: kr, Current: 26, Confidence: 0.7, LastCheckIn: "2026-11-19"});
    const again = (await tryPack(["KeyResults", team], options)).result as Row[];
    assert.include(again.find(r => r.Code === "KR2"), {Current: 26, Confidence: 0.7, LastCheckIn: "2026-11-19"});
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
    await fails(["KeyResults", env.seeded.teamDocIds[0], "--edit", "KR99", "Current=1"], /No KeyResults row has the Code, Name or Id KR99/);
    await fails(["KeyResults", env.seeded.teamDocIds[0], "--edit", "KR1", "Current"], /"Current" is not of the form Field=value/);
  });
});

describe("npm run emulator, then npm run try from another shell", function () {
  this.timeout(90_000);
  let emulator: ChildProcess | undefined;

  after(function () {
    if (emulator?.pid && emulator.exitCode === null) emulator.kill("SIGINT");
  });

  it("prints the base URL, a token and the sample docs' links, and serves them to the try script", async function () {
    emulator = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {env: {...process.env, PORT: "0", EMULATOR_MUTATION_DELAY_MS: "0", EMULATOR_RATE_LIMIT: "off"}});
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
        const child = spawn(process.execPath, ["--import", "tsx", "scripts/try.ts", ...args], {env: {...process.env, EMULATOR_URL: url}});
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.on("exit", status => resolve({status, stdout, stderr}));
      });
    const setup = await run(["SetupCheck", "Team", "https://docs.superhuman.com/d/Sales-OKRs_dNsTeam001"]);
    assert.equal(setup.status, 0, setup.stderr);
    assert.deepEqual(
      (JSON.parse(setup.stdout) as Row[]).map(r => r.Status),
      ["Found", "Found", "Found", "Found", "Found"],
    );
    assert.match(setup.stderr, /SetupCheck: 6 requests to http/);
    const sync = await run(["Objectives", "NsTeam001"]);
    assert.equal(sync.status, 0, sync.stderr);
    assert.isAbove((JSON.parse(sync.stdout) as Row[]).length, 0);
    emulator.kill("SIGINT");
    const down = spawnSync(process.execPath, ["--import", "tsx", "scripts/try.ts", "Objectives", "NsTeam001"], {encoding: "utf8", env: {...process.env, EMULATOR_URL: "http://127.0.0.1:9"}});
    assert.equal(down.status, 1);
    assert.include(down.stderr, "No emulator answers at http://127.0.0.1:9. Is the emulator running? Start it with npm run emulator");
  });
});
