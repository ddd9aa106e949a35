import type * as coda from "@codahq/packs-sdk";
import {compilePackMetadata} from "@codahq/packs-sdk/dist/helpers/metadata";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve} from "node:path";
import {buildBundle} from "./bundle";

/**
 * The pack's manifest as the platform reads it: the metadata the SDK compiles from
 * the BUILT bundle (`coda upload` sends exactly this), kept in a committed fixture
 * so that a change to it is always a decision.
 *
 *   npm run manifest                       build, compare with the fixture, print what changed
 *   npm run manifest -- --update           build and write the fixture (after an intended change)
 *   npm run manifest -- --bundle PATH      use an already built bundle instead of building one
 *
 * test/manifest_test.ts runs the comparison with npm run unit.
 */

const root = join(__dirname, "..");
export const ManifestFixture = join(root, "test", "fixtures", "manifest.json");
export const UpdateCommand = "npm run manifest -- --update";
/** What a function in the metadata becomes: the platform never receives functions. */
export const FunctionMarker = "[function]";

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/**
 * The metadata as plain JSON: what JSON.stringify sends (undefined dropped), with
 * each function replaced by the marker and object keys sorted, so the fixture
 * does not depend on the order properties were assigned in.
 */
export function toJson(value: unknown): Json {
  const plain = JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "function" ? FunctionMarker : v)),
  ) as Json;
  const sort = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== "object") return v;
    const sorted: {[key: string]: Json} = {};
    for (const key of Object.keys(v).sort()) sorted[key] = sort(v[key]);
    return sorted;
  };
  return sort(plain);
}

/** The pack a built bundle exports, loaded afresh in this process as the SDK's `coda upload` loads it. */
export function loadBuiltPack(bundlePath: string): coda.PackDefinition {
  const path = resolve(bundlePath);
  delete require.cache[path];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path) as {pack?: coda.PackDefinition; manifest?: coda.PackDefinition};
  const pack = module.pack ?? module.manifest;
  if (!pack) throw new Error(`${bundlePath} exports no pack.`);
  return pack;
}

/** The metadata compiled from a built bundle, as JSON. */
export function builtManifest(bundlePath: string): Json {
  return toJson(compilePackMetadata(loadBuiltPack(bundlePath)));
}

/** Builds the pack into a temporary folder and returns its manifest. */
export function buildManifest(): Json {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  try {
    buildBundle(dir);
    return builtManifest(join(dir, "bundle.js"));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

export function readFixture(): Json | undefined {
  return existsSync(ManifestFixture) ? (JSON.parse(readFileSync(ManifestFixture, "utf8")) as Json) : undefined;
}

export function writeFixture(manifest: Json): void {
  mkdirSync(dirname(ManifestFixture), {recursive: true});
  writeFileSync(ManifestFixture, JSON.stringify(manifest, null, 2) + "\n");
}

const isObject = (v: Json): v is {[key: string]: Json} => v !== null && typeof v === "object" && !Array.isArray(v);
const nameOf = (v: Json) => (isObject(v) && typeof v.name === "string" ? v.name : undefined);
const show = (v: Json | undefined) => {
  const text = v === undefined ? "(absent)" : JSON.stringify(v);
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
};

/**
 * Each difference between two manifests, one line each, by path. Items of a list
 * whose entries all have distinct names (formulas, sync tables, parameters,
 * skills) are matched by name, so one added sync table reads as one line.
 */
export function manifestDifferences(before: Json | undefined, after: Json | undefined, path = ""): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const here = path || "(the manifest)";
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeNames = before.map(nameOf);
    const afterNames = after.map(nameOf);
    const named = (names: Array<string | undefined>) =>
      names.length > 0 && names.every(n => n !== undefined) && new Set(names).size === names.length;
    if (named(beforeNames) && named(afterNames)) {
      const lines: string[] = [];
      for (const [i, name] of afterNames.entries()) {
        const j = beforeNames.indexOf(name);
        if (j < 0) lines.push(`${path}[${name}]: added`);
        else lines.push(...manifestDifferences(before[j], after[i], `${path}[${name}]`));
      }
      for (const name of beforeNames) if (!afterNames.includes(name)) lines.push(`${path}[${name}]: removed`);
      const common = afterNames.filter(n => beforeNames.includes(n));
      const commonBefore = beforeNames.filter(n => afterNames.includes(n));
      if (common.join("\n") !== commonBefore.join("\n")) {
        lines.push(`${here}: the order changed to ${common.join(", ")}`);
      }
      return lines;
    }
    const lines: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      lines.push(...manifestDifferences(before[i], after[i], `${path}[${i}]`));
    }
    return lines;
  }
  if (before !== undefined && after !== undefined && isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap(key => manifestDifferences(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [`${here}:\n    was ${show(before)}\n    now ${show(after)}`];
}

/** The differences as a report, the first `limit` of them in full. */
export function differenceReport(differences: string[], limit = 60): string {
  const shown = differences.slice(0, limit).map(d => `  ${d}`);
  if (differences.length > limit) shown.push(`  ... and ${differences.length - limit} more`);
  return shown.join("\n");
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const bundle = argument("--bundle");
  const manifest = bundle ? builtManifest(bundle) : buildManifest();
  const fixture = relative(process.cwd(), ManifestFixture);
  if (process.argv.includes("--update")) {
    const previous = readFixture();
    const differences = manifestDifferences(previous, manifest);
    writeFixture(manifest);
    if (!previous) console.log(`Wrote ${fixture}.`);
    else if (!differences.length) console.log(`${fixture} was already up to date.`);
    else console.log(`Wrote ${fixture}; ${differences.length} changes:\n${differenceReport(differences)}`);
  } else {
    const expected = readFixture();
    if (!expected) {
      console.error(`There is no ${fixture} yet. Write it with: ${UpdateCommand}`);
      process.exit(1);
    }
    const differences = manifestDifferences(expected, manifest);
    if (differences.length) {
      console.error(
        `The built manifest differs from ${fixture} in ${differences.length} places:\n${differenceReport(differences)}\n` +
          `If every change is intended, record it with: ${UpdateCommand}`,
      );
      process.exit(1);
    }
    console.log(`The built manifest equals ${fixture}.`);
  }
}
