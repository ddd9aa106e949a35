/** Small helpers to lay text out in a terminal. */

/**
 * The one format for a score, a confidence or a share in people-facing text: a
 * whole percent (44%), never a fraction (0.44), in every section of the briefing.
 */
export const pct = (x: number | undefined) => (x === undefined ? "  –  " : `${Math.round(x * 100)}%`.padStart(5));

export function num(x: number): string {
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Number(x.toFixed(2)));
}

export function fit(text: string, width: number): string {
  return text.length > width ? text.slice(0, width - 1) + "…" : text.padEnd(width);
}

export function heading(title: string): string {
  return `\n${title.toUpperCase()}\n${"─".repeat(title.length)}`;
}
