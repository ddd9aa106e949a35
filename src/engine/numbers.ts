import {fail} from "./errors";

/** A value that may be blank, as Coda passes an empty cell in a list. */
export type Maybe<T> = T | null | undefined;

export function isBlank(value: unknown): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** A finite number, or a clear error naming the input. */
export function finite(name: string, value: Maybe<number>): number {
  if (isBlank(value)) fail(`${name} is blank: give it a number.`);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(`${name} must be a finite number, not ${String(value)}.`);
  }
  return value;
}

/** A fraction between 0 and 1 inclusive (Coda percent columns hold 0–1). */
export function fraction(name: string, value: Maybe<number>): number {
  const n = finite(name, value);
  if (n < 0 || n > 1) {
    fail(`${name} must be between 0 and 1 (0% to 100%), not ${n}. Percent columns hold fractions: 70% is 0.7.`);
  }
  return n;
}

export function nonNegative(name: string, value: Maybe<number>): number {
  const n = finite(name, value);
  if (n < 0) fail(`${name} must not be negative, not ${n}.`);
  return n;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Rounds away float noise (0.1 + 0.2) so results read as a person expects. */
export function tidy(value: number): number {
  if (Math.abs(value) >= 1e5) return value;
  const rounded = Math.round(value * 1e10) / 1e10;
  return rounded === 0 ? 0 : rounded;
}

export function sameLength(names: [string, string], a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    fail(`${names[0]} has ${a.length} entries but ${names[1]} has ${b.length}: give one ${names[1]} entry for each ${names[0]} entry.`);
  }
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The weighted mean of values, or undefined when no weight is above zero. Weights
 * are scaled by the largest first, so tiny weights cannot underflow to a wrong 0.
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number | undefined {
  let largest = 0;
  for (const w of weights) if (w > largest) largest = w;
  if (largest === 0) return undefined;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] / largest;
    sum += values[i] * w;
    total += w;
  }
  return sum / total;
}
