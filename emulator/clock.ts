/** The wall clock, as the process started with it. */
const wallNow = Date.now;
const wallSetTimeout = globalThis.setTimeout;

/** Puts the wall clock back, should a run on a fast clock still be going (a test that timed out, say). */
export function restoreWallClock(): void {
  Date.now = wallNow;
  globalThis.setTimeout = wallSetTimeout;
}

/**
 * A clock that runs faster than the wall clock, so a test can meet the real
 * service's timing (writes applied 10–20 s later, 3 writes per 10 s, an
 * execution's 45 s budget, waits of whole seconds after a 429) in a fraction of
 * the time. Date.now and setTimeout run `speed` times faster for the pack and
 * the emulator alike, which share one process: the pack's pauses, pacing and
 * budgets, the emulator's write delays and rate limits, and the fetcher's waits
 * all follow it. Dates made with `new Date()` keep the wall clock.
 */
export async function withFastClock<T>(speed: number, run: () => Promise<T>): Promise<T> {
  const wall = Date.now;
  const wallTimeout = globalThis.setTimeout;
  const start = wall();
  Date.now = () => start + (wall() - start) * speed;
  globalThis.setTimeout = Object.assign(
    (handler: () => void, ms?: number, ...args: unknown[]) => wallTimeout(handler, (ms ?? 0) / speed, ...args),
    wallTimeout,
  );
  try {
    return await run();
  } finally {
    Date.now = wall;
    globalThis.setTimeout = wallTimeout;
  }
}
