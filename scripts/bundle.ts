import {execFileSync} from "node:child_process";
import {statSync} from "node:fs";
import {join} from "node:path";

export const BundleLimitBytes = 300 * 1024;
const root = join(__dirname, "..");

/** Builds the pack bundle with the SDK's own CLI and returns its size in bytes. */
export function buildBundle(outputDir = join(root, "dist")): number {
  execFileSync(join(root, "node_modules", ".bin", "coda"), ["build", "src/pack.ts", "--outputDir", outputDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return statSync(join(outputDir, "bundle.js")).size;
}
