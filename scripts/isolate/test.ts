import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {ProjectRoot, runUnderIsolateRuntime} from "./launch";
import type {IsolateReport} from "./runner";
import {ensureIsolateRuntime} from "./runtime";

/**
 * npm run test:isolate: runs the BUILT bundle (dist/bundle.js, from npm run build)
 * in isolated-vm as the Pack runtime does. Installs the isolate runtime into its
 * cache folder when it is missing, starts runner.ts under it, and fails when any
 * check fails or the runner does not report. Options: --bundle PATH, --only TEXT.
 */

const RunnerTimeoutMs = 5 * 60_000;

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Source files changed after the bundle was built: the run would test stale code. */
function newerSources(bundle: string): string[] {
  const built = statSync(bundle).mtimeMs;
  const newer: string[] = [];
  for (const dir of ["src", "formulas", "schemas"]) {
    const root = join(ProjectRoot, dir);
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, {recursive: true, encoding: "utf8"})) {
      const path = join(root, entry);
      if (path.endsWith(".ts") && statSync(path).mtimeMs > built) newer.push(relative(ProjectRoot, path));
    }
  }
  return newer;
}

async function main(): Promise<number> {
  const bundle = argument("--bundle") ?? join(ProjectRoot, "dist", "bundle.js");
  if (!existsSync(bundle)) {
    console.error(`No built bundle at ${bundle}. Run npm run build first.`);
    return 1;
  }
  const stale = newerSources(bundle);
  if (stale.length) {
    console.warn(
      `Warning: ${stale.length} source files changed after ${relative(ProjectRoot, bundle)} was built (${stale.slice(0, 3).join(", ")}...). Run npm run build to test them.`,
    );
  }

  const runtime = ensureIsolateRuntime(line => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), "isolate-run-"));
  try {
    const reportPath = join(dir, "report.json");
    const only = argument("--only");
    const args = ["--bundle", bundle, "--report", reportPath, ...(only ? ["--only", only] : [])];
    const {code} = await runUnderIsolateRuntime(runtime, "runner.ts", args, {timeoutMs: RunnerTimeoutMs});
    if (!existsSync(reportPath)) {
      console.error(`The isolate runner exited with ${code} and wrote no report.`);
      return 1;
    }
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as IsolateReport;
    const failed = report.checks.filter(c => !c.ok);
    if (failed.length) {
      console.error(`\nFailed in the isolate (details above):`);
      for (const c of failed) console.error(`- ${c.name}: ${(c.error ?? "").split("\n")[0]}`);
    }
    if (report.checks.length === 0) {
      console.error("The isolate runner ran no check.");
      return 1;
    }
    console.log(`isolate: ${report.checks.length - failed.length} passed, ${failed.length} failed`);
    return failed.length || code ? 1 : 0;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error);
    process.exit(1);
  },
);
