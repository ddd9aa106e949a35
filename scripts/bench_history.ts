import {performance} from "node:perf_hooks";
import {day, plusDays} from "../src/engine/calendar";
import {progressHistory, scorecard} from "../src/engine/history";
import {progressHistorySvg, scorecardSvg} from "../src/engine/svg";
import {svgImage} from "../formulas/pictures";
import {table} from "./bench_api";

/**
 * The OKR history figures: the size of each history picture at 13, 104 and
 * 10,000 points. Their sync tables are measured with the others (bench_api.ts).
 */

type Rows = Array<Array<string | number>>;

function pictures(): void {
  const start = day("2026-10-01");
  const end = day("2026-12-31");
  const rows: Rows = [];
  for (const n of [13, 104, 10_000]) {
    const dates = Array.from({length: n}, (_, i) => plusDays(start, Math.floor((i * 91) / n)));
    const values = dates.map((_, i) => 74 - (14 * i) / n + (i % 5) - 2);
    const confidences = dates.map((_, i) => 0.3 + ((i * 37) % 60) / 100);
    const names = dates.map((_, i) => `Metric ${(i % 15) + 1} of the CEO dashboard`);
    const statuses = dates.map((_, i) => ["Green", "Yellow", "Red"][(i * 7) % 3]);
    for (const [what, draw] of [
      [
        `progress history, ${n.toLocaleString("en-US")} check-ins`,
        () => progressHistorySvg(progressHistory(dates, values, 74, 60, start, end, confidences)),
      ],
      [`scorecard, ${n.toLocaleString("en-US")} readings`, () => scorecardSvg(scorecard(names, dates, statuses))],
    ] as const) {
      const runs = n >= 10_000 ? 20 : 500;
      const started = performance.now();
      let svg = "";
      for (let i = 0; i < runs; i++) svg = draw();
      const each = ((performance.now() - started) * 1000) / runs;
      rows.push([what, each.toFixed(1), Buffer.byteLength(svg, "utf8"), svgImage(svg).length]);
    }
  }
  console.log("\nHistory pictures: time per image and size (each data URL must stay within 4,096 bytes)");
  console.log(table(["picture", "µs per image", "SVG bytes", "data URL bytes"], rows));
}

/** npm run bench's OKR history section. */
export function historyBench(): void {
  pictures();
}
