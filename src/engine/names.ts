import {normalize} from "./columns";

/** Names matched loosely: how far apart two are, and which of many a mistyped one meant. */

/** Edit distance between two strings (insertions, deletions, substitutions), in two rows of memory. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The candidate closest to a name, when one is close enough to be what was meant. */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const key = normalize(name).slice(0, 80);
  if (!key) return undefined;
  let best: {name: string; d: number} | undefined;
  for (const c of candidates) {
    const other = normalize(c).slice(0, 80);
    if (!other) continue;
    const d = other.includes(key) || key.includes(other) ? Math.abs(other.length - key.length) / 4 : editDistance(key, other);
    // Close enough: at most a third of the longer name differs.
    if (d <= Math.max(2, Math.max(key.length, other.length) / 3) && (!best || d < best.d)) best = {name: c, d};
  }
  return best?.name;
}
