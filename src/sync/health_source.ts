import type * as coda from "@codahq/packs-sdk";
import type {Row} from "../../schemas/api";
import type {Day} from "../engine/calendar";
import {isoDay} from "../engine/calendar";
import * as cells from "../engine/cells";
import {normalize} from "../engine/columns";
import type {DatedReading} from "../engine/health_columns";
import {cell, mapOrExplain as mapReadColumns, readTable, stableId} from "./source";
import {DefaultMetricTables, MetricFields, ReadingFields} from "./tables";

/**
 * Reads a metrics doc: the definitions and their readings, in long form (metric,
 * date, value) or wide form (a date column and one column per metric). Readings
 * that cannot be used are reported on their metric, never dropped unseen.
 */

export interface MetricRecord {
  id: string;
  name: string;
  area: string;
  owner?: {name: string; email: string};
  unit: string;
  greenAt?: number;
  redAt?: number;
  cadence: string;
  readings: DatedReading[];
  problems: string[];
  link: string;
}

export interface MetricsDocOptions {
  definitionsTable?: string;
  readingsTable?: string;
  columns?: string;
}

const metricFieldNames = MetricFields.map(f => f.field);
const readingFieldNames = ReadingFields.map(f => f.field);

export async function readMetricsDoc(
  context: coda.ExecutionContext,
  docId: string,
  options: MetricsDocOptions,
): Promise<MetricRecord[]> {
  const [defs, reads] = await Promise.all([
    readTable(context, docId, options.definitionsTable || DefaultMetricTables.definitions, MetricFields, {
      columns: options.columns,
      otherFields: readingFieldNames,
    }),
    // The readings' columns are mapped below, once their form is known.
    readTable(context, docId, options.readingsTable || DefaultMetricTables.readings, []),
  ]);
  const defsMap = defs.map;
  const defRows = defs.rows;
  const readRows = reads.rows;
  const readColumns = reads.columns;

  const metrics: MetricRecord[] = defRows.map(row => {
    const problems: string[] = [];
    const num = (field: "GreenAt" | "RedAt", label: string) => {
      const read = cells.number(cell(row, defsMap, field), label);
      if (read.problem) problems.push(read.problem);
      else if (read.value === undefined) problems.push(`${label} is blank: give the metric its ${label} threshold.`);
      return read.value;
    };
    return {
      id: stableId(docId, row.id),
      name: cells.text(cell(row, defsMap, "Name")) || cells.text(row.name),
      area: cells.text(cell(row, defsMap, "Area")),
      owner: cells.people(cell(row, defsMap, "Owner"))[0],
      unit: cells.text(cell(row, defsMap, "Unit")),
      greenAt: num("GreenAt", "Green At"),
      redAt: num("RedAt", "Red At"),
      cadence: cells.text(cell(row, defsMap, "Cadence")) || "Weekly",
      readings: [],
      problems,
      link: row.browserLink,
    };
  });
  const byRowId = new Map(defRows.map((r, i) => [r.id, metrics[i]]));
  const byName = new Map<string, MetricRecord>();
  for (const m of metrics) byName.set(normalize(m.name), m);

  // Long form names the metric in a column of its own, usually a lookup to the definitions.
  const long =
    readColumns.some(c => ["metric", "kpi", "measure"].includes(normalize(c.name))) ||
    readRows.some(r =>
      Object.values(r.values).some(v => cells.refs(v).some(ref => ref.rowId && byRowId.has(ref.rowId))),
    );
  const unknown = new Map<string, number>();
  const badReading = (metric: MetricRecord, date: Day | undefined, problem: string) =>
    metric.problems.push(`Reading${date ? ` of ${isoDay(date)}` : ""}: ${problem}`);

  if (long) {
    const map = mapReadColumns(docId, reads.name, readColumns, ReadingFields, {
      columns: options.columns,
      otherFields: metricFieldNames,
    });
    for (const row of readRows) {
      const ref = cells.refs(cell(row, map, "Metric"))[0];
      const metric = (ref?.rowId && byRowId.get(ref.rowId)) || (ref ? byName.get(normalize(ref.name)) : undefined);
      if (!metric) {
        const name = ref?.name || "(blank)";
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
        continue;
      }
      addReading(metric, row, cell(row, map, "Date"), cell(row, map, "Value"), badReading, context.timezone);
    }
  } else {
    // Wide form: a date column, then one column per metric, named like the metric.
    const map = mapReadColumns(docId, reads.name, readColumns, [ReadingFields[1]], {
      columns: options.columns,
      otherFields: [...metricFieldNames, "Metric", "Value"],
    });
    const dateColumn = map.Date!;
    const metricColumns = readColumns.filter(c => c.id !== dateColumn.id && byName.has(normalize(c.name)));
    for (const m of metrics) {
      if (!metricColumns.some(c => normalize(c.name) === normalize(m.name))) {
        m.problems.push(`The readings table ${reads.name} has no column named ${m.name.slice(0, 60)}.`);
      }
    }
    for (const row of readRows) {
      for (const column of metricColumns) {
        const value = row.values[column.name];
        if (cells.isEmpty(value)) continue;
        addReading(
          byName.get(normalize(column.name))!,
          row,
          row.values[dateColumn.name],
          value,
          badReading,
          context.timezone,
        );
      }
    }
  }
  // Readings of metrics with no definition are reported as rows of their own.
  for (const [name, count] of unknown) {
    metrics.push({
      id: stableId(docId, `unknown:${name}`),
      name,
      area: "",
      unit: "",
      cadence: "Weekly",
      readings: [],
      problems: [
        `${count} reading${count === 1 ? "" : "s"} name this metric, but ${DefaultMetricTables.definitions} has no such metric: add it or fix the readings.`,
      ],
      link: readRows[0]?.browserLink ?? "",
    });
  }
  return metrics;
}

function addReading(
  metric: MetricRecord,
  row: Row,
  dateCell: unknown,
  valueCell: unknown,
  bad: (metric: MetricRecord, date: Day | undefined, problem: string) => void,
  timezone?: string,
): void {
  const date = cells.date(dateCell, "Date", timezone);
  if (!date.value) return bad(metric, undefined, date.problem ?? `a reading (row ${row.name || row.id}) has no date.`);
  const value = cells.number(valueCell, "Value");
  if (value.problem) return bad(metric, date.value, value.problem);
  if (value.value === undefined) return;
  metric.readings.push({date: date.value, value: value.value});
}
