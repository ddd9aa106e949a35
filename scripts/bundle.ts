import {execFileSync} from "node:child_process";
import {statSync} from "node:fs";
import {join} from "node:path";

/**
 * The bundle budget. Measured: the SDK's runtime alone builds to 199 KB and
 * zod/mini adds 20 KB. The four capabilities (OKR formulas, cross-doc OKR sync,
 * health metrics, meetings) take about 147 KB more, a third of it the
 * descriptions, examples and messages users read. Meeting discipline, OKR
 * history, executive alignment and the agent's skills are given 300 KB more,
 * about what the first four took each. The executive sessions' outputs (nine
 * sync tables, the heatmap, ChoosePath, ExecutiveBrief and a skill) measured
 * 123 KB and are given 60 KB more; building each area on first use (src/lazy.ts)
 * wraps every module, 26 KB of it. The build fails past the budget, so growth is
 * always a decision.
 */
export const BundleLimitBytes = 760 * 1024;
const root = join(__dirname, "..");

/** Builds the pack bundle with the SDK's own CLI and returns its size in bytes. */
export function buildBundle(outputDir = join(root, "dist")): number {
  execFileSync(join(root, "node_modules", ".bin", "coda"), ["build", "src/pack.ts", "--outputDir", outputDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return statSync(join(outputDir, "bundle.js")).size;
}
