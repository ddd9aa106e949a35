import type {Fault} from "./faults";
import {parseFaults} from "./faults";
import type {DelayRange, RateLimit} from "./server";
import {DocumentedRateLimit, ObservedMutationDelay, ObservedRateLimit} from "./server";

/**
 * The settings of `npm run emulator`, read from environment variables and its
 * arguments. The defaults are the real service's observed behaviour;
 * docs/emulator.md lists the variables.
 */

export interface EnvSettings {
  port: number;
  mutationDelayMs: number | DelayRange;
  rateLimit: RateLimit | false;
  faults: Fault[];
  /** A folder of CSV files to serve beside the sample docs. */
  from?: string;
}

export const Usage = "Usage: npm run emulator -- [--from <folder of CSV files>]";

export function settingsFromEnv(env: Record<string, string | undefined>, argv: readonly string[] = []): EnvSettings {
  const from = fromOf(argv) ?? env.EMULATOR_FROM;
  return {
    port: wholeNumber("PORT", env.PORT ?? "8787"),
    mutationDelayMs: delayOf(env.EMULATOR_MUTATION_DELAY_MS),
    rateLimit: rateLimitOf(env.EMULATOR_RATE_LIMIT),
    faults: env.EMULATOR_FAULTS ? parseFaults(env.EMULATOR_FAULTS) : [],
    ...(from ? {from} : {}),
  };
}

/** `--from DIR` or `--from=DIR`, the only arguments there are. */
function fromOf(argv: readonly string[]): string | undefined {
  const [flag, dir, ...rest] = argv.length === 1 && argv[0].startsWith("--from=") ? ["--from", argv[0].slice(7)] : argv;
  if (flag === undefined) return undefined;
  if (flag !== "--from" || !dir || rest.length) throw new Error(`Unexpected arguments: ${argv.join(" ")}. ${Usage}`);
  return dir;
}

/** `15000` for a fixed delay, `10000-20000` for a random one in that range. */
function delayOf(text: string | undefined): number | DelayRange {
  if (text === undefined) return ObservedMutationDelay;
  const [min, max] = text.split("-").map(part => wholeNumber("EMULATOR_MUTATION_DELAY_MS", part));
  if (max === undefined) return min;
  if (max < min) throw new Error(`EMULATOR_MUTATION_DELAY_MS must be a delay or a range min-max, not ${text}.`);
  return {min, max};
}

/** `observed`, `documented`, `off`, or a RateLimit as JSON. */
function rateLimitOf(text: string | undefined): RateLimit | false {
  switch (text ?? "observed") {
    case "observed":
      return ObservedRateLimit;
    case "documented":
      return DocumentedRateLimit;
    case "off":
      return false;
  }
  let limit: Partial<RateLimit>;
  try {
    limit = JSON.parse(text!) as Partial<RateLimit>;
  } catch {
    limit = {};
  }
  const counts = [limit.reads, limit.writes, limit.windowMs, limit.writeWindowMs ?? 1];
  if (!counts.every(n => Number.isInteger(n) && n! > 0)) {
    throw new Error(
      `EMULATOR_RATE_LIMIT must be observed, documented, off or JSON such as {"reads":100,"writes":3,"windowMs":6000,"writeWindowMs":10000}, not ${text}.`,
    );
  }
  return limit as RateLimit;
}

function wholeNumber(name: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) {
    throw new Error(`${name} must be a whole number of 0 or more, not ${text}.`);
  }
  return n;
}
