import * as coda from "@codahq/packs-sdk";
import {Knowledge} from "./knowledge";
import {card, image, number, text, id, link, percent, PersonSchema, problems} from "./common";

export const TrendSchema = coda.makeObjectSchema({
  description: "The trend of a metric's recent readings.",
  properties: {
    Direction: {
      type: coda.ValueType.String,
      description: "Up, Down or Flat (a change under 1% of the window's mean size).",
    },
    Slope: {type: coda.ValueType.Number, description: "The least-squares change per period over the window."},
    PercentChange: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The last value against the first of the window; blank when the first is 0.",
    },
    Streak: {
      type: coda.ValueType.Number,
      description: "Consecutive moves, ending with the latest, in the latest move's direction.",
    },
  },
  displayProperty: "Direction",
});

export const DashboardReviewSchema = coda.makeObjectSchema({
  description: "A review of the CEO dashboard's shape.",
  properties: {
    Metrics: {type: coda.ValueType.Number, description: "How many metrics the dashboard has."},
    PerArea: {type: coda.ValueType.String, description: "Metrics per area, such as Growth 3, Finance 2."},
    MissingAreas: {
      type: coda.ValueType.String,
      description: "The six areas (growth, operations, finance, talent, culture, innovation) with no metric.",
    },
    ShareRed: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share of metrics that are red.",
    },
    TooGranular: {
      type: coda.ValueType.Boolean,
      description: "True when there are more than 15 metrics or more than 4 in one area: time to remove some.",
    },
    Verdict: {type: coda.ValueType.String, description: "What to change, in words."},
  },
  displayProperty: "Verdict",
});

export const MetricSchema = coda.makeObjectSchema({
  description: "A health metric on the CEO dashboard, with its latest reading, status, trend and hot flag.",
  properties: {
    Id: id,
    Name: {...text("The metric."), required: true},
    Summary: text(
      "The metric in a sentence: area, owner, latest reading, status, thresholds, trend and why it is hot, for search and answers.",
    ),
    Area: text("Growth, Operations, Finance, Talent, Culture or Innovation."),
    Owner: {...PersonSchema, description: "The leader who owns the metric."},
    Unit: text("The unit of its readings."),
    GreenAt: number("Green from this value on."),
    RedAt: number("Red from this value on."),
    Latest: number("The latest reading."),
    LatestDate: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Date,
      description: "The date of the latest reading.",
    },
    Previous: number("The reading before the latest."),
    Status: text("Green, Yellow or Red for the latest reading."),
    Trend: text("Up, Down or Flat over the latest 13 readings."),
    Slope: number("The least-squares change per reading over the latest 13 readings."),
    PercentChange: percent("The latest reading against the first of the latest 13."),
    Streak: number("Consecutive moves, ending with the latest, in the latest move's direction."),
    Hot: {
      type: coda.ValueType.Boolean,
      description: "True when it needs the leadership meeting's attention this week (see IsHotItem).",
    },
    HotReason: text("Why it is hot, in words for the agenda."),
    Severity: number("How urgent it is: higher first."),
    Stale: {
      type: coda.ValueType.Boolean,
      description: "True when it has had no reading for two periods of its cadence.",
    },
    Readings: {
      type: coda.ValueType.Array,
      items: {type: coda.ValueType.Number},
      description: "The latest 13 readings, oldest first.",
    },
    Sparkline: image("The latest 13 readings as a picture, with the green and red zones shaded."),
    Problems: problems,
    Link: link,
  },
  ...card,
  subtitleProperties: ["Area", "Status"],
  featuredProperties: ["Area", "Owner", "Latest", "Status", "Trend", "Sparkline", "Hot"],
  identity: {name: "HealthMetric"},
  index: Knowledge.HealthMetrics,
});

export const MetricReference = coda.makeReferenceSchemaFromObjectSchema(MetricSchema);

export const HotItemSchema = coda.makeObjectSchema({
  description: "A metric that needs the leadership meeting's attention this week.",
  properties: {
    Id: id,
    Name: {...text("The metric."), required: true},
    Metric: {...MetricReference, description: "The metric in the HealthMetrics table."},
    Area: text("The metric's area."),
    Owner: {...PersonSchema, description: "The leader who owns the metric and brings it to the meeting."},
    Status: text("Green, Yellow or Red for the latest reading."),
    Reason: text("Why it is hot."),
    Severity: number("How urgent it is: the list is ordered by it, most urgent first."),
    Latest: number("The latest reading."),
    Sparkline: image("The latest 13 readings as a picture."),
    Link: link,
  },
  ...card,
  featuredProperties: ["Area", "Owner", "Status", "Reason", "Sparkline"],
  identity: {name: "HotItem"},
});

export const OkrCandidateSchema = coda.makeObjectSchema({
  description:
    "A metric that stayed red or kept worsening for a whole cycle, proposed as an objective for the next one.",
  properties: {
    Id: id,
    Name: {...text("The candidate objective."), required: true},
    Metric: {...MetricReference, description: "The metric that prompted it."},
    MetricName: text("The metric's name."),
    Area: text("The metric's area."),
    Owner: {...PersonSchema, description: "The metric's owner: a natural owner for the objective."},
    KeyResult: text("A candidate key result that measures the objective."),
    Evidence: text("Why: how many readings were red and how the metric moved over the cycle."),
    Sparkline: image("The latest 13 readings as a picture."),
    Link: link,
  },
  ...card,
  featuredProperties: ["MetricName", "Owner", "KeyResult", "Evidence"],
  identity: {name: "OkrCandidate"},
  index: Knowledge.OkrCandidates,
});
