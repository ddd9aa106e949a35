import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {sampleMetrics} from "../sample/health";
import {sampleOrganization} from "../sample/organization";
import {day} from "../src/engine/calendar";
import {healthStatus, thresholds} from "../src/engine/health";
import {progressHistory, scorecard} from "../src/engine/history";
import {progressBarSvg, progressHistorySvg, scorecardSvg, sparklineSvg} from "../src/engine/svg";

/** A sample key result's check-ins as ProgressHistory draws them. */
export function sampleProgress(code: string) {
  const org = sampleOrganization();
  const kr = org.keyResults.find(k => k.id === code)!;
  const c = kr.checkIns;
  return progressHistory(
    c.map(x => day(x.date)),
    c.map(x => x.value),
    kr.start,
    kr.target,
    day(org.cycle.start),
    day(org.cycle.end),
    c.map(x => x.confidence),
    kr.name,
  );
}

/** The sample dashboard's first metrics as a 13-week scorecard. */
export function sampleScorecard(metrics = 6) {
  const sample = sampleMetrics();
  const defs = sample.definitions.slice(0, metrics);
  const readings = sample.readings.filter(r => typeof r.value === "number" && defs.some(d => d.id === r.metricId));
  const def = (id: string) => defs.find(d => d.id === id)!;
  return scorecard(
    readings.map(r => def(r.metricId).name),
    readings.map(r => day(r.date)),
    readings.map(r => healthStatus(r.value as number, thresholds(def(r.metricId).greenAt, def(r.metricId).redAt))),
  );
}

/** The pictures the README shows, drawn by the same code as the pack's formulas. */
export const ReadmePictures: Record<string, () => string> = {
  "sparkline-gross-margin.svg": () =>
    sparklineSvg([76, 75.4, 74.8, 74.1, 72.9, 71.6, 70.2, 69.1, 67.4, 66.2, 65.1, 64, 62.8], thresholds(75, 65)),
  "sparkline-nps.svg": () =>
    sparklineSvg([34, 34.5, 33.1, 32.4, undefined, 31.2, 30.6, 29.4, 28.1, 27.3, 26.9, 26.1, 25.5], thresholds(30, 10)),
  "sparkline-no-thresholds.svg": () => sparklineSvg([3, 5, 4, 6, 7, 6, 8]),
  "progress-on-pace.svg": () => progressBarSvg(0.58, "Bookings", 0.55),
  "progress-behind.svg": () => progressBarSvg(0.29, "Win rate", 0.55),
  "progress-history-sales-cycle.svg": () => progressHistorySvg(sampleProgress("KR3")),
  "progress-history-bookings.svg": () => progressHistorySvg(sampleProgress("KR1")),
  "scorecard-13-weeks.svg": () => scorecardSvg(sampleScorecard()),
};

export const PicturesDir = join(__dirname, "..", "docs", "pictures");

if (require.main === module) {
  for (const [file, draw] of Object.entries(ReadmePictures)) writeFileSync(join(PicturesDir, file), draw() + "\n");
  console.log(`Wrote ${Object.keys(ReadmePictures).length} pictures to docs/pictures/.`);
}
