import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {thresholds} from "../src/engine/health";
import {progressBarSvg, sparklineSvg} from "../src/engine/svg";

/** The pictures the README shows, drawn by the same code as the pack's formulas. */
export const ReadmePictures: Record<string, () => string> = {
  "sparkline-gross-margin.svg": () => sparklineSvg([76, 75.4, 74.8, 74.1, 72.9, 71.6, 70.2, 69.1, 67.4, 66.2, 65.1, 64, 62.8], thresholds(75, 65)),
  "sparkline-nps.svg": () => sparklineSvg([34, 34.5, 33.1, 32.4, undefined, 31.2, 30.6, 29.4, 28.1, 27.3, 26.9, 26.1, 25.5], thresholds(30, 10)),
  "sparkline-no-thresholds.svg": () => sparklineSvg([3, 5, 4, 6, 7, 6, 8]),
  "progress-on-pace.svg": () => progressBarSvg(0.58, "Bookings", 0.55),
  "progress-behind.svg": () => progressBarSvg(0.29, "Win rate", 0.55),
};

export const PicturesDir = join(__dirname, "..", "docs", "pictures");

if (require.main === module) {
  for (const [file, draw] of Object.entries(ReadmePictures)) writeFileSync(join(PicturesDir, file), draw() + "\n");
  console.log(`Wrote ${Object.keys(ReadmePictures).length} pictures to docs/pictures/.`);
}
