import type * as coda from "@codahq/packs-sdk";
/// <reference lib="dom" />
import {executeFormulaFromPackDef} from "@codahq/packs-sdk/dist/development";
import {assert} from "chai";
import fc from "fast-check";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {chromium} from "playwright-core";
import {PicturesDir, ReadmePictures} from "../scripts/pictures";
import {ProgressBarLabel, ProgressBarSize, progressBarSvg, ProgressHistorySize, textWidth} from "../src/engine/svg";
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

/** Long labels in several scripts: each must be drawn within its box. */
const LongLabels = [
  "Close the quarter with record mid-market bookings",
  "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
  "新規の中堅企業からの受注額を四半期で過去最高にする",
  "신규 중견기업 수주액을 분기 최고치로 끌어올리기",
  "Сократить средний цикл сделки до шестидесяти дней",
  "زيادة الحجوزات الجديدة في السوق المتوسطة إلى مستوى قياسي",
  "הגדלת ההזמנות החדשות בשוק הבינוני לשיא רבעוני",
  "नए मध्य-बाज़ार बुकिंग को रिकॉर्ड स्तर तक पहुँचाना",
  "🚀📈👩🏽‍💻👨‍👩‍👧‍👦🇯🇵❤️©️#️⃣".repeat(4),
  "Réduire le délai de vente moyen à soixante jours",
];

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** The history pictures: a progress history with every confidence band, named or not, and a scorecard. */
function historyCases(): Array<[string, string, unknown[], {width: number; height: number}]> {
  const dates = ["2026-10-08", "2026-10-15", "2026-10-22", "2026-10-29"].map(d);
  const size = {width: ProgressHistorySize.width, height: ProgressHistorySize.height};
  return [
    [
      "a progress history against its pace line",
      "ProgressHistory",
      [dates, [72, 70, 69, 66], 74, 60, d("2026-10-01"), d("2026-12-31"), [0.8, 0.5, 0.2, undefined]],
      size,
    ],
    [
      "a named progress history",
      "ProgressHistory",
      [
        dates,
        [72, 70, 69, 66],
        74,
        60,
        d("2026-10-01"),
        d("2026-12-31"),
        [0.8, 0.5, 0.2, undefined],
        "Average sales cycle in days",
      ],
      size,
    ],
    [
      "a progress history with no check-ins",
      "ProgressHistory",
      [[], [], 0, 10, d("2026-10-01"), d("2026-12-31")],
      size,
    ],
    [
      "a scorecard of two metrics",
      "Scorecard",
      [
        ["Margin", "Margin", "NPS <&>"],
        [d("2026-11-09"), d("2026-11-16"), d("2026-11-16")],
        ["Green", "Red", "Yellow"],
      ],
      {width: 237, height: 41},
    ],
  ];
}

const formula = (name: string, ...params: unknown[]) =>
  executeFormulaFromPackDef(pack, name, params as coda.ParamValues<coda.ParamDefs>) as Promise<string>;

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
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
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
    [
      "a sparkline with green and red zones",
      "Sparkline",
      [[98, 101, 104, 99, 96, 92], 100, 90],
      {width: 120, height: 32},
    ],
    ["a sparkline with missed readings", "Sparkline", [[5, undefined, 6, 7, undefined, 6]], {width: 120, height: 32}],
    ["a sparkline of one reading", "Sparkline", [[42]], {width: 120, height: 32}],
    ["a flat sparkline", "Sparkline", [[3, 3, 3, 3]], {width: 120, height: 32}],
    ["a progress bar with its expected-pace marker", "ProgressBar", [0.45, "Pipeline", 0.5], {width: 200, height: 20}],
    ["a progress bar over 100%", "ProgressBar", [1.3], {width: 200, height: 20}],
    [
      "a progress bar whose label needs escaping",
      "ProgressBar",
      [0.7, `<script>alert("x")</script> & 'q'`],
      {width: 200, height: 20},
    ],
    ["a progress bar with a long Japanese label", "ProgressBar", [1.5, LongLabels[2], 0.5], {width: 200, height: 20}],
    ["a progress bar with a long Arabic label", "ProgressBar", [0.05, LongLabels[5]], {width: 200, height: 20}],
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

/** A picture's SVG, from its data URL. */
const svgOf = (url: string) => Buffer.from(url.slice(url.indexOf(",") + 1), "base64").toString("utf8");

/** Each text a picture draws, as Chromium lays it out: where it starts and ends. */
async function laidOut(
  page: Page,
  svg: string,
  font?: string,
): Promise<Array<{text: string; left: number; right: number}>> {
  return page.evaluate(
    ([markup, family]) => {
      document.body.innerHTML = (family ? `<style>svg text{font-family:"${family}"!important}</style>` : "") + markup;
      return Array.from(document.querySelectorAll("text"), t => {
        const box = t.getBBox();
        return {text: t.textContent ?? "", left: box.x, right: box.x + box.width};
      });
    },
    [svg, font ?? ""] as const,
  );
}

describe("texts stay inside their pictures, as Chromium draws them", function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page;

  before(async function () {
    if (!existsSync(ChromiumPath)) {
      if (process.env.CI) throw new Error(`Chromium is not at ${ChromiumPath}. ${Install}`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: ChromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
    await page.setContent("<!doctype html><body></body>");
  });
  after(async function () {
    await browser?.close();
  });

  // The default sans-serif and DejaVu Sans, the widest of the common ones.
  for (const font of [undefined, "DejaVu Sans"]) {
    it(`draws each progress bar's label within its box, in ${font ?? "the default sans-serif"}`, async function () {
      for (const label of [...LongLabels, "Bookings", "Win rate"]) {
        for (const texts of [
          await laidOut(page, progressBarSvg(1.5, label, 0.5), font),
          await laidOut(page, progressBarSvg(0, label), font),
        ]) {
          assert.lengthOf(texts, 1);
          assert.isAtLeast(texts[0].left, ProgressBarLabel.x - 1, texts[0].text);
          assert.isAtMost(texts[0].right, ProgressBarLabel.x + ProgressBarLabel.room, texts[0].text);
        }
      }
    });

    it(`draws each text of a named progress history inside the picture, in ${font ?? "the default sans-serif"}`, async function () {
      const dates = ["2026-09-28", "2026-10-15", "2026-12-31"].map(d);
      for (const name of LongLabels) {
        const svg = svgOf(
          await formula(
            "ProgressHistory",
            dates,
            [72, 70, 66],
            74,
            60,
            d("2026-10-01"),
            d("2026-12-31"),
            [0.8, 0.5, undefined],
            name,
          ),
        );
        const texts = await laidOut(page, svg, font);
        assert.lengthOf(texts, 10, "title, target, two dates, the pace line's words, the dots' words and four colors");
        for (const t of texts) {
          assert.isAtLeast(t.left, 0, t.text);
          assert.isAtMost(t.right, ProgressHistorySize.width, t.text);
        }
      }
    });
  }
});

describe("the progress bar's label", function () {
  const drawn = (svg: string) => {
    const [, size, text] = /\.x\{font:(\d+)px[^]*<text class="x" x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/.exec(svg)!;
    const unescaped = text
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
    return {size: Number(size), text: unescaped, width: textWidth(unescaped, Number(size))};
  };

  it("is drawn whole at 11 px when it fits, and smaller before it is cut", function () {
    assert.deepInclude(drawn(progressBarSvg(0.45, "Pipeline", 0.5)), {size: 11, text: "45% Pipeline"});
    assert.deepInclude(drawn(progressBarSvg(1.5, "Bookings")), {size: 10, text: "150% Bookings"});
    assert.deepInclude(drawn(progressBarSvg(1.5, "Hiring plan")), {size: 9, text: "150% Hiring plan"});
    assert.deepInclude(drawn(progressBarSvg(0.62, "Pipeline coverage")), {size: 9, text: "62% Pipeline…"});
    assert.deepInclude(drawn(progressBarSvg(0.3)), {size: 11, text: "30%"});
  });

  it("is never wider than its box, in any script, cut only between characters", function () {
    const segmenter = new Intl.Segmenter(undefined, {granularity: "grapheme"});
    for (const label of LongLabels) {
      for (const progress of [0, 0.45, 1, 1.5]) {
        const {text, width} = drawn(progressBarSvg(progress, label));
        assert.isAtMost(width, ProgressBarLabel.room, text);
        assert.match(text, /^\d+% \S.*…$/u, "the percentage, then as much of the label as fits");
        const kept = text.slice(text.indexOf(" ") + 1, -1).trimEnd();
        assert.isTrue(
          label.startsWith(kept) && [...segmenter.segment(label)].some(g => g.index === kept.length),
          `${text} keeps whole characters of ${label}`,
        );
      }
    }
  });

  it("stays within its box for any label (fast-check)", function () {
    const label = fc.oneof(
      fc.string({unit: "grapheme", maxLength: 80}),
      fc.string({unit: "binary", maxLength: 80}),
      fc.constantFrom(...LongLabels),
    );
    fc.assert(
      fc.property(fc.double({min: 0, max: 1.5, noNaN: true}), label, (progress, l) => {
        const svg = progressBarSvg(progress, l);
        assert.isAtMost(drawn(svg).width, ProgressBarLabel.room);
        assert.isAtMost(ProgressBarLabel.x + ProgressBarLabel.room, ProgressBarSize.width);
        assert.notMatch(svg, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      {numRuns: 300},
    );
  });
});

describe("the README's pictures", function () {
  it("are the ones the code draws today (npm run pictures redraws them)", async function () {
    for (const [file, draw] of Object.entries(ReadmePictures)) {
      assert.equal(
        readFileSync(join(PicturesDir, file), "utf8"),
        draw() + "\n",
        `${file} is out of date: run npm run pictures`,
      );
    }
  });
});
