import type {SampleEmulator} from "./sample";

/**
 * Changes a doc after the pack has sent its first write and before the service
 * applies it, as a team member editing the doc in those seconds would: the
 * change runs when the emulator next applies writes after a write request has
 * come in, ahead of that write. Answers whether it has run.
 */
export function beforeFirstWriteApplies(env: SampleEmulator, change: () => void): {fired: boolean} {
  const emulator = env.emulator;
  const apply = emulator.applyDueMutations.bind(emulator);
  const writesBefore = emulator.stats.writes;
  const state = {fired: false};
  emulator.applyDueMutations = (now?: number) => {
    if (!state.fired && emulator.stats.writes > writesBefore) {
      state.fired = true;
      change();
    }
    apply(now);
  };
  return state;
}
