import type {Maybe} from "./contract";
import {number} from "./contract";

export type {Maybe} from "./contract";
export {fraction, isBlank, sameLength, score, weight} from "./contract";

/** A finite number within the contract's range (−1e15 to 1e15), or a clear error naming the input. */
export function finite(name: string, value: Maybe<number>): number {
  return number(name, value);
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
