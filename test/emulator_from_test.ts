import {spawn, spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {assert} from "chai";
import {CsvError, csvDocId, csvTable, docsFromCsvDir, readCsv} from "../emulator/csv";
import {links} from "../emulator/model";
import {Tokens} from "../emulator/sample";
import {pack} from "../src/pack";
import {runSync, useEmulator} from "./support/emulator";

/** npm run emulator -- --from DIR: a facilitator's own CSV files served as docs beside the sample's. */

/** Writes files under a fresh folder: paths relative to it, and their text or bytes. */
function folderWith(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "emulator-from-")), name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), {recursive: true});
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const refusal = (dir: string): string => {
  try {
    docsFromCsvDir(dir);
  } catch (error) {
    assert.instanceOf(error, CsvError);
    return (error as Error).message;
  }
  return assert.fail(`${dir} should be refused`);
};

describe("CSV files as docs", function () {
  describe("reading CSV", function () {
    it("reads quotes, doubled quotes, line breaks in quotes, CRLF, LF and CR, and skips a byte order mark", function () {
      const text = '\uFEFFName,Note\r\n"Grow ""ARR""","two\r\nlines"\nplain,"a, b"\rlast,\r\n';
      assert.deepEqual(
        readCsv(text).map(r => r.fields),
        [
          ["Name", "Note"],
          ['Grow "ARR"', "two\r\nlines"],
          ["plain", "a, b"],
          ["last", ""],
        ],
      );
      assert.deepEqual(
        readCsv(text).map(r => r.line),
        [1, 2, 4, 5],
        "records know the line they start on",
      );
      assert.deepEqual(
        readCsv('a,5" screen').map(r => r.fields),
        [["a", '5" screen']],
        "a quote inside a plain field is kept",
      );
      assert.deepEqual(readCsv('a,""'), [{fields: ["a", ""], line: 1}]);
    });

    it("keeps names and cells in any script, and pads short rows with empty cells", function () {
      const table = csvTable(
        ["Objectif,Владелец,الهدف,目標,Note 🚀", "Réduire le churn,Борис,زيادة المبيعات,売上,✅", "Short", "", ""].join(
          "\n",
        ),
      );
      assert.deepEqual(table.header, ["Objectif", "Владелец", "الهدف", "目標", "Note 🚀"]);
      assert.deepEqual(table.rows, [
        ["Réduire le churn", "Борис", "زيادة المبيعات", "売上", "✅"],
        ["Short", "", "", "", ""],
      ]);
    });

    it("says what is wrong with a file, and how to fix it", function () {
      const wrong = (text: string) => {
        try {
          csvTable(text);
        } catch (error) {
          return (error as Error).message;
        }
        return assert.fail(`${JSON.stringify(text)} should be refused`);
      };
      assert.equal(wrong('A,B\n1,"open\n2,3\n'), "line 2: a quoted field is never closed; add the closing quote");
      assert.equal(
        wrong('A,B\n"1"x,2\n'),
        "line 2: text after a closing quote; quote the whole field and double the quotes in it",
      );
      assert.equal(
        wrong("A,B\n1,2,3\n"),
        "line 2 has 3 fields but the first line names 2 columns; quote fields that hold commas",
      );
      assert.equal(wrong("A,,C\n"), "column 2 has no name in the first line; name it");
      assert.equal(wrong("A,B,A\n"), 'two columns are named "A"; rename one');
      assert.equal(wrong("\n\n"), "it is empty; its first line should name the columns");
    });
  });

  describe("folders", function () {
    it("makes one doc per folder and one per CSV files directly in the folder given, with stable, distinct, valid ids", function () {
      const dir = folderWith("Leadership", {
        "Issues.csv": "Issue,Owner\nHiring,Ana\n",
        "Sales OKRs/Key Results.csv": "Key Result,Code\nBookings,KR1\n",
        "Sales OKRs/Objectives.csv": "Objective,Code\nWin,O1\n",
        "営業チーム/指標.csv": "名前\n売上\n",
        "Leadership/Notes.csv": "Note\nSame name as the folder given\n",
        "Empty folder/readme.txt": "no CSV here",
        ".hidden/Secret.csv": "A\n1\n",
      });
      const docs = docsFromCsvDir(dir);
      assert.deepEqual(
        docs.map(d => [d.name, d.tables.map(t => t.name)]),
        [
          ["Leadership", ["Issues"]],
          ["Leadership", ["Notes"]],
          ["Sales OKRs", ["Key Results", "Objectives"]],
          ["営業チーム", ["指標"]],
        ],
      );
      const ids = docs.map(d => d.id);
      assert.isTrue(
        ids.every(id => /^[A-Za-z0-9_-]{6,}$/.test(id)),
        ids.join(" "),
      );
      assert.equal(new Set(ids).size, ids.length, "distinct, even for two folders of one name");
      assert.deepEqual(
        docsFromCsvDir(dir).map(d => d.id),
        ids,
        "the same folders give the same ids every time",
      );
      assert.equal(ids[2], csvDocId("Sales OKRs"));
      assert.match(csvDocId("営業チーム"), /^Doc-[0-9a-f]{6}$/);
      assert.match(csvDocId("Équipe Ventes"), /^EquipeVe-[0-9a-f]{6}$/);
      rmSync(join(dir, ".."), {recursive: true});
    });

    it("refuses a folder it cannot serve with one line that names the file", function () {
      const broken = folderWith("Docs", {
        "Team/Good.csv": "A\n1\n",
        "Team/Key Results.csv": 'Key Result,Code\n"Bookings,KR1\n',
      });
      const unclosed = "line 2: a quoted field is never closed; add the closing quote, or move the file out.";
      assert.equal(refusal(broken), `Cannot serve ${join(broken, "Team", "Key Results.csv")}: ${unclosed}`);
      const latin1 = folderWith("Docs", {
        "Team/Old.csv": Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xc9, 0x74, 0xe9, 0x0a]),
      });
      assert.match(refusal(latin1), /Old\.csv: it is not UTF-8 text; save it as CSV UTF-8, or move the file out\.$/);
      const missing = refusal(join(tmpdir(), "no-such-folder-here"));
      assert.match(missing, /^No folder at .*no-such-folder-here; give the folder that holds your CSV files\.$/);
      const nothing = folderWith("Nothing", {"notes.txt": "x"});
      assert.match(refusal(nothing), /^No CSV files in .*Nothing or the folders in it; export each table as CSV/);
      for (const dir of [broken, latin1, nothing]) rmSync(join(dir, ".."), {recursive: true});
    });
  });

  describe("served beside the sample docs", function () {
    this.timeout(60_000);
    let dir: string;

    before(function () {
      dir = folderWith("Northstar", {
        "Équipe Ventes 🚀/Objectives.csv":
          "Objective,Code,Owner,Team,Cycle,Goals,Key\n" +
          "Réduire le churn de moitié,O1,boris@northstar.example.com,Ventes,FY2026 Q4,,\n",
        "Équipe Ventes 🚀/Key Results.csv":
          "\uFEFFKey Result,Code,Objective,Owner,Start,Target,Current,Kind,Confidence,Weight,Unit,Cadence,Carried From,Key\r\n" +
          '"Churn ""logo"" mensuel",KR1,Réduire le churn de moitié,boris@northstar.example.com,4,2,3,Auto,70%,1,%,,,\r\n' +
          "Клиенты в срок,KR2,Réduire le churn de moitié,boris@northstar.example.com,0,40,10,Auto,,1,,,,\r\n",
        "营销/目标.csv": "名称,负责人\n增长,王芳\n",
      });
    });
    const env = useEmulator(() => ({validate: true, from: dir}));
    afterEach(function () {
      assert.deepEqual(env.emulator.violations, []);
    });
    after(function () {
      rmSync(join(dir, ".."), {recursive: true});
    });
    const get = async (path: string, token: string = Tokens.leader) => {
      const response = await fetch(`${env.baseUrl}/apis/v1${path}`, {headers: {Authorization: `Bearer ${token}`}});
      return {status: response.status, body: (await response.json()) as any};
    };

    it("serves each doc with its tables, every column text and the first one the display column", async function () {
      const sales = env.csvDocs.find(d => d.name === "Équipe Ventes 🚀")!;
      assert.equal((await get(`/docs/${sales.id}`)).body.name, "Équipe Ventes 🚀");
      assert.equal((await get("/docs/NsTeam001")).body.name, "Sales OKRs", "the sample docs are still served");
      const tables = (await get(`/docs/${sales.id}/tables`)).body.items as any[];
      assert.deepEqual(
        tables.map(t => t.name),
        ["Key Results", "Objectives"],
      );
      const columns = (await get(`/docs/${sales.id}/tables/Key%20Results/columns`)).body.items as any[];
      assert.deepEqual([...new Set(columns.map(c => c.format.type))], ["text"]);
      assert.deepEqual(
        columns.filter(c => c.display).map(c => c.name),
        ["Key Result"],
      );
      const rows = (await get(`/docs/${sales.id}/tables/Key%20Results/rows?useColumnNames=true`)).body.items as any[];
      assert.deepEqual(
        rows.map(r => r.name),
        ['Churn "logo" mensuel', "Клиенты в срок"],
      );
      assert.include(
        rows[1].values,
        {Confidence: "", Unit: "", Current: "10"},
        "cells are the file's strings, empty ones empty",
      );
      const chinese = env.csvDocs.find(d => d.name === "营销")!;
      const [row] = (await get(`/docs/${chinese.id}/tables/${encodeURIComponent("目标")}/rows?useColumnNames=true`))
        .body.items as any[];
      assert.deepEqual(row.values, {名称: "增长", 负责人: "王芳"});
    });

    it("lets both tokens read them and finds them by their links and titles", async function () {
      const sales = env.csvDocs.find(d => d.name === "Équipe Ventes 🚀")!;
      assert.equal((await get(`/docs/${sales.id}`, Tokens.reader)).status, 200);
      const resolved = await get(`/resolveBrowserLink?url=${encodeURIComponent(links.address(sales))}`);
      assert.equal(resolved.body.resource.id, sales.id);
      assert.deepEqual(
        ((await get("/docs?query=%C3%A9quipe")).body.items as any[]).map(d => d.id),
        [sales.id],
      );
    });

    it("syncs the pack's key results from them as from any doc", async function () {
      const sales = env.csvDocs.find(d => d.name === "Équipe Ventes 🚀")!;
      const run = await runSync(env, pack, "KeyResults", [[sales.id]]);
      assert.deepEqual(
        run.rows.map(r => [r.Name, r.Code, r.Current, r.ObjectiveName]),
        [
          ['Churn "logo" mensuel', "KR1", 3, "Réduire le churn de moitié"],
          ["Клиенты в срок", "KR2", 10, "Réduire le churn de moitié"],
        ],
      );
    });

    describe("and into one already running", function () {
      const other = useEmulator();

      it("loads a folder into an emulator that is already running", async function () {
        other.emulator.addDocs(docsFromCsvDir(dir));
        const headers = {Authorization: `Bearer ${Tokens.leader}`};
        const response = await fetch(`${other.baseUrl}/apis/v1/docs/${csvDocId("营销")}/tables`, {headers});
        assert.equal(((await response.json()) as any).items[0].name, "目标");
        assert.throws(() => other.emulator.addDocs(docsFromCsvDir(dir)), /is served already/);
      });
    });
  });

  describe("npm run emulator -- --from DIR", function () {
    this.timeout(60_000);

    /** Runs the emulator until its banner is out, then stops it; answers what it printed. */
    const banner = (args: string[], env: Record<string, string> = {}) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts", ...args], {
          env: {...process.env, PORT: "0", ...env},
        });
        let printed = "";
        child.stdout.on("data", (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes("Press Ctrl+C to stop.")) child.kill("SIGINT");
        });
        child.on("exit", () => {
          if (printed.includes("Press Ctrl+C")) resolve(printed);
          else reject(new Error(`the emulator stopped early: ${printed}`));
        });
      });

    it("lists each CSV doc with its id, the link to paste, and its tables and rows; EMULATOR_FROM does the same", async function () {
      const dir = folderWith("Q3 planning", {
        "Sales OKRs/Objectives.csv": "Objective\nWin\nGrow\n",
        "Sales OKRs/Key Results.csv": "Key Result\nBookings\n",
      });
      const id = csvDocId("Sales OKRs");
      const line = `  ${id.padEnd(16)} https://docs.superhuman.com/d/Sales-OKRs_d${id} (2 tables, 3 rows)`;
      const printed = await banner(["--from", dir]);
      assert.include(printed, `Your docs from ${dir}, open to both tokens, every column text:\n${line}\n`);
      assert.include(printed, "https://docs.superhuman.com/d/Sales-OKRs_dNsTeam001", "beside the sample docs");
      assert.include(await banner([], {EMULATOR_FROM: dir}), line);
      rmSync(join(dir, ".."), {recursive: true});
    });

    it("refuses to start on a file it cannot parse, in one line naming it", function () {
      const dir = folderWith("Broken", {"Team/Key Results.csv": 'A,B\n"1,2\n'});
      const start = (...args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", "emulator/main.ts", ...args], {
          encoding: "utf8",
          env: {...process.env, PORT: "0"},
        });
      const run = start("--from", dir);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, "");
      const unclosed = "line 2: a quoted field is never closed; add the closing quote, or move the file out.";
      assert.equal(run.stderr, `Cannot serve ${join(dir, "Team", "Key Results.csv")}: ${unclosed}\n`);
      const wrong = start("--form", dir);
      assert.match(
        wrong.stderr,
        /^Unexpected arguments: --form .*\. Usage: npm run emulator -- \[--from <folder of CSV files>\]\n$/,
      );
      rmSync(join(dir, ".."), {recursive: true});
    });
  });
});
