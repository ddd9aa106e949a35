import type {Day} from "./calendar";
import {isoDay} from "./calendar";
import type {Cycle} from "./cycle";
import {isInputError} from "./errors";
import type {Grade, Status} from "./okr";
import {
  expectedProgress,
  forecastValue,
  keyResultGrade,
  keyResultProgress,
  keyResultStatus,
  objectiveScore,
} from "./okr";
import {isStale} from "./review";

/**
 * The computed columns of synced OKR rows. A value that cannot be computed is
 * left blank and the reason is added to the row's problems.
 */

export interface KeyResultFacts {
  start?: number;
  target?: number;
  current?: number;
  kind?: string;
  confidence?: number;
}

export interface CheckInPoint {
  date: Day;
  value: number;
}

export interface KeyResultDerived {
  progress?: number;
  grade?: Grade;
  status?: Status;
  expected?: number;
  forecast?: number;
  lastCheckIn?: string;
  stale?: boolean;
}

function attempt<T>(problems: string[], fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (isInputError(error)) {
      problems.push(error.message);
      return undefined;
    }
    throw error;
  }
}

export function deriveKeyResult(
  facts: KeyResultFacts,
  cycle: Cycle | undefined,
  asOf: Day,
  checkIns: readonly CheckInPoint[],
  problems: string[],
): KeyResultDerived {
  const out: KeyResultDerived = {};
  if (facts.target === undefined) problems.push("Target is blank: give the key result a target.");
  if (facts.current === undefined && !problems.some(p => p.startsWith("Current"))) {
    problems.push("Current is blank: check in a value.");
  }
  if (facts.target !== undefined && facts.current !== undefined) {
    out.progress = attempt(problems, () =>
      keyResultProgress({start: facts.start ?? 0, target: facts.target!, current: facts.current!, kind: facts.kind}),
    );
  }
  if (out.progress !== undefined) out.grade = keyResultGrade(out.progress);
  if (cycle) {
    out.expected = attempt(problems, () => expectedProgress(cycle.start, cycle.end, asOf));
    if (out.progress !== undefined) {
      out.status = attempt(problems, () =>
        keyResultStatus({
          progress: out.progress!,
          cycleStart: cycle.start,
          cycleEnd: cycle.end,
          asOf,
          confidence: facts.confidence,
        }),
      );
    }
  }
  const sorted = [...checkIns].sort((a, b) => a.date.getTime() - b.date.getTime());
  const last = sorted[sorted.length - 1];
  out.lastCheckIn = last ? isoDay(last.date) : undefined;
  out.stale = isStale(last?.date, asOf);
  if (cycle && sorted.length >= 2 && new Set(sorted.map(c => c.date.getTime())).size >= 2) {
    out.forecast = attempt(problems, () =>
      forecastValue(
        sorted.map(c => c.date),
        sorted.map(c => c.value),
        cycle.end,
      ),
    );
  }
  return out;
}

/** Worst first: an objective's status is the worst status among its key results. */
const Severity: Status[] = ["Missed", "Off track", "At risk", "Not started", "On track", "Done"];

export interface ObjectiveDerived {
  score?: number;
  grade?: Grade;
  status?: Status;
  keyResults: number;
}

export function deriveObjective(
  keyResults: ReadonlyArray<{progress?: number; weight?: number; status?: Status}>,
  problems: string[],
): ObjectiveDerived {
  const scored = keyResults.filter(k => k.progress !== undefined);
  const out: ObjectiveDerived = {keyResults: keyResults.length};
  if (keyResults.length === 0) problems.push("No key results yet: add two to five that measure this objective.");
  if (scored.length) {
    out.score = attempt(problems, () =>
      objectiveScore(
        scored.map(k => k.progress),
        scored.map(k => k.weight),
      ),
    );
    if (out.score !== undefined) out.grade = keyResultGrade(out.score);
  }
  const statuses = new Set(keyResults.map(k => k.status).filter((s): s is Status => s !== undefined));
  out.status = Severity.find(s => statuses.has(s));
  return out;
}
