import * as coda from "@codahq/packs-sdk";
import type {Day} from "../src/engine/calendar";
import {toDay, today} from "../src/engine/calendar";
import type {Maybe} from "../src/engine/contract";
import {list, Ranges} from "../src/engine/contract";

/**
 * Parameters used by more than one formula, defined once. Every description
 * states the parameter's range as the input contract (src/engine/contract.ts)
 * reads it.
 */
/** A parameter whose name is known to the type system, so a sync table's rows can take named arguments. */
export function param<T extends coda.ParameterType, const O extends coda.ParameterOptions<T>>(
  options: O,
): coda.ParamDefFromOptionsUnion<T, O> {
  return coda.makeParameter<T, O>(options);
}

export const AsOfParam = param({
  type: coda.ParameterType.Date,
  name: "asOf",
  description: `The day to judge status and staleness on, such as a cycle's last day for a retrospective: ${Ranges.date}. Defaults to today in the doc's time zone.`,
  optional: true,
});

export const ConfidenceParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "confidence",
  description: `The owner's confidence that the key result will be met, ${Ranges.fraction}. Optional.`,
  optional: true,
});

export const CycleStartParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "cycleStart",
  description: `The first day of the OKR cycle: ${Ranges.date}.`,
});

export const CycleEndParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "cycleEnd",
  description: `The last day of the OKR cycle, after cycleStart: ${Ranges.date}.`,
});

export const IdsParam = coda.makeParameter({
  type: coda.ParameterType.SparseStringArray,
  name: "ids",
  description: "The id of each item (objective, key result, goal), one per row; up to 200,000. Blank ids are skipped.",
});

export const ParentIdsParam = coda.makeParameter({
  type: coda.ParameterType.SparseStringArray,
  name: "parentIds",
  description:
    "For each item (one entry per id), the id of what it supports; several ids separated by commas when it supports more than one.",
});

export const WeightsParam = coda.makeParameter({
  type: coda.ParameterType.SparseNumberArray,
  name: "weights",
  description:
    "A relative weight for each entry, from 0 to 1e15 (2 counts twice as much as 1; blank counts as 1). Optional: equal weights when left out.",
  optional: true,
});

/** The calendar day a date parameter names, read in the doc's time zone, or today there when blank. */
export function dayOrToday(name: string, value: Date | undefined, context: coda.ExecutionContext): Day {
  return value === undefined ? today(context.timezone) : toDay(name, value, context.timezone);
}

/** The calendar days of a date list, read in the doc's time zone; blanks stay blank. */
export function daysOf(
  listName: string,
  itemName: string,
  values: readonly Maybe<Date>[],
  context: coda.ExecutionContext,
): Array<Day | undefined> {
  return list(listName, values).map((v, i) =>
    v === null || v === undefined ? undefined : toDay(`${itemName} ${i + 1}`, v, context.timezone),
  );
}

/** The day a decision was made, for the actions that record one. */
export const DecidedOnParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "date",
  description: "The day it was decided: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
  optional: true,
});
