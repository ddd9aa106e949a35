import {assert} from "chai";

/**
 * A trend's word read against the two values it prints: Up rises between them,
 * Down falls, and Flat barely moves (within 1%, give or take the rounding of
 * each to two decimals). Reads "7.94 at the first to 8.51 at the last" and
 * "7.5 at the first, 7 at the last" alike, and "rises by 0.4 a meeting" when
 * both ends lie outside the scale.
 */
export function assertWordAgrees(detail: string, direction?: string): void {
  const slope = /^(Up|Down) over .* by ([\d.]+) a meeting\.$/.exec(detail);
  if (slope) {
    if (direction !== undefined) assert.equal(slope[1], direction, detail);
    assert.isAbove(Number(slope[2]), 0, detail);
    return;
  }
  const m = /^(Up|Down|Flat) over .*?(-?[\d.]+) at the first,? (?:to )?(-?[\d.]+) at the last/.exec(detail);
  assert.isNotNull(m, `the trend names its word and its two ends: ${detail}`);
  const [, word, a, b] = m!;
  const [first, last] = [Number(a), Number(b)];
  if (direction !== undefined) assert.equal(word, direction, detail);
  if (word === "Up") assert.isAbove(last, first, detail);
  if (word === "Down") assert.isBelow(last, first, detail);
  if (word === "Flat") assert.isAtMost(Math.abs(last - first), 0.01 * Math.max(first, last) + 0.01, detail);
}
