import {addDays} from "date-fns";
import {day, isoDay} from "../src/engine/calendar";
import {People} from "./organization";
import {round, seeded} from "./random";
import type {Person} from "./types";

/**
 * Northstar's CEO dashboard: fifteen metrics across the six areas with a year of
 * weekly readings. Several drift on purpose so the hot-item and candidate checks
 * have something to find.
 */

export interface MetricDefinition {
  id: string;
  name: string;
  area: string;
  owner: Person;
  unit: string;
  greenAt: number;
  redAt: number;
  cadence: "Weekly" | "Monthly" | "Quarterly";
}

export interface Reading {
  metricId: string;
  date: string;
  /** A number, or text someone typed by mistake. */
  value: number | string;
}

export interface MetricsSample {
  definitions: MetricDefinition[];
  readings: Reading[];
}

/** The shape of a series over the year: where it starts, where it ends, and how it gets there. */
type Shape = {from: number; to: number; noise: number; curve?: "late" | "early"};

type Row = [
  id: string,
  name: string,
  area: string,
  owner: Person,
  unit: string,
  greenAt: number,
  redAt: number,
  shape: Shape,
];

const rows: Row[] = [
  ["M1", "Net new ARR", "Growth", People.sales, "$k/week", 300, 200, {from: 280, to: 310, noise: 25}],
  ["M2", "Pipeline coverage", "Growth", People.marketing, "x", 3, 2, {from: 3.4, to: 2.5, noise: 0.08, curve: "late"}],
  ["M3", "Net revenue retention", "Growth", People.success, "%", 112, 100, {from: 108, to: 106, noise: 0.8}],
  ["M4", "On-time delivery", "Operations", People.engineering, "%", 90, 75, {from: 91, to: 93, noise: 2}],
  [
    "M5",
    "Support backlog",
    "Operations",
    People.success,
    "tickets",
    150,
    300,
    {from: 140, to: 330, noise: 12, curve: "early"},
  ],
  ["M6", "Uptime", "Operations", People.engineering, "%", 99.9, 99.5, {from: 99.95, to: 99.93, noise: 0.02}],
  ["M7", "Gross margin", "Finance", People.finance, "%", 75, 65, {from: 76, to: 63, noise: 0.6, curve: "early"}],
  ["M8", "Cash runway", "Finance", People.finance, "months", 24, 12, {from: 30, to: 27, noise: 0.4}],
  ["M9", "Burn multiple", "Finance", People.finance, "x", 1.5, 2.5, {from: 1.4, to: 1.6, noise: 0.05, curve: "late"}],
  ["M10", "Regretted attrition", "Talent", People.people, "% a year", 6, 12, {from: 5, to: 9, noise: 0.3}],
  ["M11", "Offer acceptance", "Talent", People.people, "%", 80, 60, {from: 82, to: 84, noise: 3}],
  ["M12", "Employee NPS", "Culture", People.people, "points", 30, 10, {from: 34, to: 26, noise: 1.5, curve: "late"}],
  ["M13", "Managers with weekly one-to-ones", "Culture", People.people, "%", 85, 60, {from: 70, to: 88, noise: 2}],
  [
    "M14",
    "Revenue from products under two years old",
    "Innovation",
    People.product,
    "%",
    20,
    10,
    {from: 12, to: 17, noise: 0.8},
  ],
  ["M15", "Experiments shipped", "Innovation", People.product, "a week", 4, 1, {from: 3, to: 3.5, noise: 1}],
];

export const MetricsAsOf = "2026-11-20";

export function sampleMetrics(weeks = 52): MetricsSample {
  const random = seeded(42);
  const last = day(MetricsAsOf);
  const readings: Reading[] = [];
  for (const [id, , , , , , , shape] of rows) {
    for (let w = 0; w < weeks; w++) {
      const t = w / (weeks - 1);
      const eased = shape.curve === "late" ? t * t : shape.curve === "early" ? Math.sqrt(t) : t;
      const value = shape.from + (shape.to - shape.from) * eased + (random() - 0.5) * 2 * shape.noise;
      const digits = Math.abs(shape.to) >= 100 ? 0 : Math.abs(shape.to) >= 10 ? 1 : 2;
      readings.push({metricId: id, date: isoDay(addDays(last, -7 * (weeks - 1 - w))), value: round(value, digits)});
    }
  }
  // A missed week and a reading typed as text, as real dashboards have.
  const skip = readings.findIndex(r => r.metricId === "M11" && r.date === isoDay(addDays(last, -21)));
  if (skip >= 0) readings.splice(skip, 1);
  const typo = readings.find(r => r.metricId === "M15" && r.date === isoDay(addDays(last, -14)));
  if (typo) typo.value = "n/a";
  return {
    definitions: rows.map(([id, name, area, owner, unit, greenAt, redAt]) => ({
      id,
      name,
      area,
      owner,
      unit,
      greenAt,
      redAt,
      cadence: "Weekly",
    })),
    readings,
  };
}

/** A dashboard of any size for benchmarks: `metrics` metrics with `weeks` weekly readings each. */
export function generateMetrics(metrics: number, weeks: number, seed = 5): MetricsSample {
  const random = seeded(seed);
  const areas = ["Growth", "Operations", "Finance", "Talent", "Culture", "Innovation"];
  const last = day(MetricsAsOf);
  const definitions: MetricDefinition[] = [];
  const readings: Reading[] = [];
  for (let m = 0; m < metrics; m++) {
    const id = `G${m + 1}`;
    definitions.push({
      id,
      name: `Metric ${m + 1}`,
      area: areas[m % areas.length],
      owner: People.ceo,
      unit: "",
      greenAt: 100,
      redAt: 80,
      cadence: "Weekly",
    });
    const drift = (random() - 0.5) * 40;
    for (let w = 0; w < weeks; w++) {
      readings.push({
        metricId: id,
        date: isoDay(addDays(last, -7 * (weeks - 1 - w))),
        value: round(95 + (drift * w) / weeks + (random() - 0.5) * 6, 1),
      });
    }
  }
  return {definitions, readings};
}
