import type * as coda from "@codahq/packs-sdk";
/// <reference lib="dom" />
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {chromium} from "playwright-core";
import {PicturesDir, ReadmePictures} from "../scripts/pictures";
import {pack} from "../src/pack";

/**
 * The pictures are checked as pictures: each kind of SVG the pack draws is loaded
 * as an image in headless Chromium, which must decode it at the expected size
 * and paint pixels, in light and in dark mode.
 */

const ChromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const Install = "Install Chromium to run it: apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary).";

interface Painted {
  width: number;
  height: number;
  painted: number;
  signature: number;
}

async function paint(page: Page, url: string): Promise<Painted> {
  return page.evaluate(async src => {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the image did not decode"));
      img.src = src;
    });
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    let signature = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) painted++;
      signature = (signature * 31 + data[i] + data[i + 1] * 3 + data[i + 2] * 7 + data[i + 3]) % 1_000_000_007;
    }
    return {width: img.naturalWidth, height: img.naturalHeight, painted, signature};
  }, url);
}

/** The history pictures: a progress history with every confidence band, and a scorecard. */
function historyCases(): Array<[string, string, unknown[], {width: number; height: number}]> {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const dates = ["2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29"].map(d);
  return [
    ["a progress history against its pace line", "ProgressHistory", [dates, [72, 70, 69, 66], 74, 60, d("2026-10-01"), d("2026-12-31"), [0.8, 0.5, 0.2, undefined]], {width: 200, height: 60}],
    ["a progress history with no check-ins", "ProgressHistory", [[], [], 0, 10, d("2026-10-01"), d("2026-12-31")], {width: 200, height: 60}],
    ["a scorecard of two metrics", "Scorecard", [["Margin", "Margin", "NPS <&>"], [d("2026-11-09"), d("2026-11-16"), d("2026-11-16")], ["Green", "Red", "Yellow"]], {width: 237, height: 41}],
  ];
}

const formula = (name: string, ...params: unknown[]) => executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>) as Promise<string>;

describe("pictures render in Chromium", function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async function () {
    if (!existsSync(ChromiumPath)) {
      if (process.env.CI) throw new Error(`Chromium is not at ${ChromiumPath}. ${Install}`);
      console.log(`      Skipped: Chromium is not at ${ChromiumPath}. ${Install}`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: ChromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    page.on("console", m => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", e => errors.push(e.message));
    await page.setContent("<!doctype html><body></body>");
  });
  after(async function () {
    await browser?.close();
  });
  afterEach(function () {
    assert.deepEqual(errors, [], "no errors in the page");
  });

  const cases: Array<[string, string, unknown[], {width: number; height: number}]> = [
    ["a sparkline with green and red zones", "Sparkline", [[98, 101, 104, 99, 96, 92], 100, 90], {width: 120, height: 32}],
    ["a sparkline with missed readings", "Sparkline", [[5, undefined, 6, 7, undefined, 6]], {width: 120, height: 32}],
    ["a sparkline of one reading", "Sparkline", [[42]], {width: 120, height: 32}],
    ["a flat sparkline", "Sparkline", [[3, 3, 3, 3]], {width: 120, height: 32}],
    ["a progress bar with its expected-pace marker", "ProgressBar", [0.45, "Pipeline", 0.5], {width: 200, height: 20}],
    ["a progress bar over 100%", "ProgressBar", [1.3], {width: 200, height: 20}],
    ["a progress bar whose label needs escaping", "ProgressBar", [0.7, `<script>alert("x")</script> & 'q'`], {width: 200, height: 20}],
    ...historyCases(),
  ];
  for (const [what, name, params, size] of cases) {
    it(`draws ${what}`, async function () {
      const url = await formula(name, ...params);
      const light = await paint(page, url);
      assert.deepInclude(light, size);
      assert.isAbove(light.painted, 10, "it paints pixels");
      const dark = await paint(page, `${url}#DarkMode`);
      assert.deepInclude(dark, size);
      assert.notEqual(dark.signature, light.signature, "dark mode draws differently");
    });
  }
});

describe("the README's pictures", function () {
  it("are the ones the code draws today (npm run pictures redraws them)", async function () {
    for (const [file, draw] of Object.entries(ReadmePictures)) {
      assert.equal(readFileSync(join(PicturesDir, file), "utf8"), draw() + "\n", `${file} is out of date: run npm run pictures`);
    }
  });
});
