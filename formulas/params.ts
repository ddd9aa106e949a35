import * as coda from "@codahq/packs-sdk";
import type {Day} from "../src/engine/calendar";
import {toDay, today} from "../src/engine/calendar";

/** Parameters used by more than one formula, defined once. */
export const AsOfParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "asOf",
  description: "The day to judge status and staleness on, such as a cycle's last day for a retrospective. Defaults to today.",
  optional: true,
});

export const ConfidenceParam = coda.makeParameter({
  type: coda.ParameterType.Number,
  name: "confidence",
  description: "The owner's confidence that the key result will be met, from 0 to 1 (a percent). Optional.",
  optional: true,
});

export const CycleStartParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "cycleStart",
  description: "The first day of the OKR cycle.",
});

export const CycleEndParam = coda.makeParameter({
  type: coda.ParameterType.Date,
  name: "cycleEnd",
  description: "The last day of the OKR cycle.",
});

export const IdsParam = coda.makeParameter({
  type: coda.ParameterType.SparseStringArray,
  name: "ids",
  description: "The id of each item (objective, key result, goal), one per row. Blank ids are skipped.",
});

export const ParentIdsParam = coda.makeParameter({
  type: coda.ParameterType.SparseStringArray,
  name: "parentIds",
  description: "For each item, the id of what it supports; several ids separated by commas when it supports more than one.",
});

export const WeightsParam = coda.makeParameter({
  type: coda.ParameterType.SparseNumberArray,
  name: "weights",
  description: "A weight for each entry (blank counts as 1). Optional: equal weights when left out.",
  optional: true,
});

/** The day a date parameter names, or today in the doc's time zone when blank. */
export function dayOrToday(name: string, value: Date | undefined, context: coda.ExecutionContext): Day {
  return value === undefined ? today(context.timezone) : toDay(name, value);
}
