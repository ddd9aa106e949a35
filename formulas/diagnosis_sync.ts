import * as coda from "@codahq/packs-sdk";
import {ImpactUnits} from "../src/engine/bottlenecks";
import {ConstraintKinds, constraintGrid, constraintHeatmapSvg, constraintHeatmapWords} from "../src/engine/constraints";
import type {Maybe} from "../src/engine/contract";
import {list, Ranges, sameLength} from "../src/engine/contract";
import {BottleneckSchema, FlowStageSchema, InterviewSchema} from "../schemas/diagnosis";
import {syncBottlenecks, syncFlow, syncInterviews} from "../src/sync/diagnosis_rows";
import {handleError} from "./errors";
import {svgImage} from "./pictures";
import {AsOfParam, param} from "./params";
import {ColumnsParam, MeetingDocParam, tableParam} from "./sync_params";
import {syncTable} from "./sync_table";
import {DiagnosisTables} from "../src/sync/tables";

/**
 * The current-state diagnosis (executive session 2): the Interviews,
 * Bottlenecks and FlowEfficiency sync tables, and the constraint heatmap by
 * function as a picture and in words.
 */

export const Interviews = syncTable({
  name: "Interviews",
  description:
    "The stakeholder interviews of the current-state map: one row per interview (its group as read, the group a mistyped one meant, held or not, whether its findings name evidence, what to fix), one row per interview group (heard or not, how many held), and one Coverage row: interviews held against the 12 to 20 a map needs and the groups not heard yet. Kind tells the rows apart.",
  formulaDescription: "Reads the meeting doc's Interviews table and judges each interview and the coverage.",
  schema: InterviewSchema,
  table: DiagnosisTables.interviews,
  parameters: [MeetingDocParam, tableParam(DiagnosisTables.interviews), ColumnsParam, AsOfParam],
  rows: (a, context) => syncInterviews(context, a),
});

const UnitParam = param({
  type: coda.ParameterType.String,
  name: "unit",
  description: `The register's unit of impact: ${ImpactUnits.join(", ")}. Default Hours per week.`,
  optional: true,
  autocomplete: [...ImpactUnits],
});

const HourlyCostParam = param({
  type: coda.ParameterType.Number,
  name: "hourlyCost",
  description:
    "The loaded cost of one hour of work (salary, benefits, overhead) in the doc's currency: 0.01 to 1e15. Default 100.",
  optional: true,
});

const DelayDayCostParam = param({
  type: coda.ParameterType.Number,
  name: "delayDayCost",
  description:
    "What one day of delay costs in the doc's currency: 0.01 to 1e15. Default a team of eight for a day: 64 hours at the hourly cost.",
  optional: true,
});

export const Bottlenecks = syncTable({
  name: "Bottlenecks",
  description:
    "The bottleneck register ranked by quantified impact: each bottleneck's impact in the chosen unit (hours a week, money a year or days of delay, converted at the hourly cost, 46 working weeks a year and the cost of a day of delay), rank, share of the total, and how it moved since the last review; what is missing (impact, evidence, owner); and one Total row with the register's total and the top 3's share.",
  formulaDescription: "Reads the meeting doc's Bottlenecks table, ranks it and totals it in one unit.",
  schema: BottleneckSchema,
  table: DiagnosisTables.bottlenecks,
  parameters: [
    MeetingDocParam,
    tableParam(DiagnosisTables.bottlenecks),
    UnitParam,
    HourlyCostParam,
    DelayDayCostParam,
    ColumnsParam,
    AsOfParam,
  ],
  rows: (a, context) => syncBottlenecks(context, a),
});

export const FlowEfficiency = syncTable({
  name: "FlowEfficiency",
  description:
    "Time in work against time waiting: one row per stage of the flow (work and wait days, flow efficiency, mean wait per item, whether items wait longest there) and one Overall row (flow efficiency across the items, the share of work taken by non-delivery overhead or why it cannot be told, and the stage where items wait longest).",
  formulaDescription:
    "Reads the meeting doc's Flow table (each work item's stretches in each stage, as work or wait) and measures flow efficiency.",
  schema: FlowStageSchema,
  table: DiagnosisTables.flow,
  parameters: [MeetingDocParam, tableParam(DiagnosisTables.flow), ColumnsParam, AsOfParam],
  rows: (a, context) => syncFlow(context, a),
});

// ---------------------------------------------------------------- the constraint heatmap

const heatmapParams = [
  coda.makeParameter({
    type: coda.ParameterType.SparseStringArray,
    name: "functions",
    description: `The function each constraint holds back, one entry per constraint (such as Constraints.Function); ${Ranges.list}.`,
  }),
  coda.makeParameter({
    type: coda.ParameterType.SparseStringArray,
    name: "kinds",
    description: `Each constraint's kind, one per functions entry: ${ConstraintKinds.join(", ")} (common words such as compliance, hiring or tech debt are read too).`,
    autocomplete: [...ConstraintKinds],
  }),
  coda.makeParameter({
    type: coda.ParameterType.SparseStringArray,
    name: "severities",
    description:
      "Each constraint's severity, one per functions entry: 1 (minimal) to 5 (critical), or Minimal, Low, Medium, High or Critical.",
  }),
] as const;

type HeatmapArgs = [Array<Maybe<string>>, Array<Maybe<string>>, Array<Maybe<string>>];

function gridOf([functions, kinds, severities]: HeatmapArgs) {
  list("functions", functions);
  sameLength(["functions", "kinds"], functions, kinds);
  sameLength(["functions", "severities"], functions, severities);
  return constraintGrid(functions.map((f, i) => ({function: f, kind: kinds[i], severity: severities[i]})));
}

const heatmapExample = [
  ["Security", "Security", "Engineering", "Engineering", "Finance", "Legal", "Product"],
  ["Regulatory", "Regulatory", "Talent", "Platform", "Budget", "Legal", "Change capacity"],
  ["4", "3", "Critical", "High", "4", "3 - Medium", "3"],
];

export const ConstraintHeatmap = coda.makeFormula({
  name: "ConstraintHeatmap",
  description:
    "A heatmap of the constraints by function: one row per function (up to 10, the most severe; the rest folded into +k more), one column per kind (regulatory, legal, talent, platform, budget, change capacity), each cell in the color of its worst severity with the severity written in it. Under 4 KB at any size. ConstraintHeatmapWords says the same in words.",
  parameters: [...heatmapParams],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.ImageReference,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {
      params: heatmapExample,
      result:
        "data:image/svg+xml;supportsDarkMode=1;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0ODYiIGhlaWdodD0iMTI0IiB2aWV3Qm94PSIwIDAgNDg2IDEyNCIgcm9sZT0iaW1nIiBhcmlhLWxhYmVsPSJDb25zdHJhaW50IGhlYXRtYXA6IDcgY29uc3RyYWludHMgYWNyb3NzIDUgZnVuY3Rpb25zLCB3b3JzdCBzZXZlcml0eSA1Ij48c3R5bGU+LnQsLnMxLC5zMiwuczMsLnM0LC5zNSwuc257ZmlsbDpub25lO3N0cm9rZS13aWR0aDoxNH0udHtzdHJva2U6I2U1ZTdlYjtzdHJva2UtZGFzaGFycmF5OjU0IDJ9LnMxe3N0cm9rZTojZmVmMGM3fS5zMntzdHJva2U6I2ZjZDI4ZH0uczN7c3Ryb2tlOiNmOWE0NWN9LnM0e3N0cm9rZTojZTM1ZDNhfS5zNXtzdHJva2U6I2I0MjMxOH0uc257c3Ryb2tlOiNjN2NiZDF9LngsLmgsLmt7ZmlsbDojMzc0MTUxfS54e2ZvbnQ6OXB4IHNhbnMtc2VyaWZ9Lmh7Zm9udDoxMXB4IHNhbnMtc2VyaWZ9Lmt7Zm9udDo4cHggc2Fucy1zZXJpZjt0ZXh0LWFuY2hvcjptaWRkbGV9LmQsLnd7Zm9udDo3MDAgOXB4IHNhbnMtc2VyaWY7dGV4dC1hbmNob3I6bWlkZGxlfS5ke2ZpbGw6IzFmMjkzN30ud3tmaWxsOiNmZmZ9I0RhcmtNb2RlOnRhcmdldCAudHtzdHJva2U6IzRiNTU2M30jRGFya01vZGU6dGFyZ2V0IC54LCNEYXJrTW9kZTp0YXJnZXQgLmgsI0RhcmtNb2RlOnRhcmdldCAua3tmaWxsOiNlNWU3ZWJ9PC9zdHlsZT48ZyBpZD0iRGFya01vZGUiPjx0ZXh0IGNsYXNzPSJoIiB4PSIwIiB5PSIxMiI+Q29uc3RyYWludHMgYnkgZnVuY3Rpb248L3RleHQ+PHRleHQgY2xhc3M9ImsiIHg9IjE3OCIgeT0iMjYiPlJlZ3VsYXRvcnk8L3RleHQ+PHRleHQgY2xhc3M9ImsiIHg9IjIzNCIgeT0iMjYiPkxlZ2FsPC90ZXh0Pjx0ZXh0IGNsYXNzPSJrIiB4PSIyOTAiIHk9IjI2Ij5UYWxlbnQ8L3RleHQ+PHRleHQgY2xhc3M9ImsiIHg9IjM0NiIgeT0iMjYiPlBsYXRmb3JtPC90ZXh0Pjx0ZXh0IGNsYXNzPSJrIiB4PSI0MDIiIHk9IjI2Ij5CdWRnZXQ8L3RleHQ+PHRleHQgY2xhc3M9ImsiIHg9IjQ1OCIgeT0iMjYiPkNoYW5nZTwvdGV4dD48dGV4dCBjbGFzcz0ieCIgeD0iMCIgeT0iNDEiPlNlY3VyaXR5PC90ZXh0Pjx0ZXh0IGNsYXNzPSJ4IiB4PSIwIiB5PSI1NyI+RW5naW5lZXJpbmc8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjAiIHk9IjczIj5GaW5hbmNlPC90ZXh0Pjx0ZXh0IGNsYXNzPSJ4IiB4PSIwIiB5PSI4OSI+TGVnYWw8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjAiIHk9IjEwNSI+UHJvZHVjdDwvdGV4dD48cGF0aCBjbGFzcz0idCIgZD0iTTE1MSAzOGgzMzRNMTUxIDU0aDMzNE0xNTEgNzBoMzM0TTE1MSA4NmgzMzRNMTUxIDEwMmgzMzQiLz48cGF0aCBjbGFzcz0iczMiIGQ9Ik0yMDcgODZoNTRNNDMxIDEwMmg1NCIvPjxwYXRoIGNsYXNzPSJzNCIgZD0iTTE1MSAzOGg1NE0zMTkgNTRoNTRNMzc1IDcwaDU0Ii8+PHBhdGggY2xhc3M9InM1IiBkPSJNMjYzIDU0aDU0Ii8+PHRleHQgY2xhc3M9ImQiIHg9IjIzNCA0NTgiIHk9Ijg5IDEwNSI+MzM8L3RleHQ+PHRleHQgY2xhc3M9InciIHg9IjE3OCAyOTAgMzQ2IDQwMiIgeT0iNDEgNTcgNTcgNzMiPjQ1NDQ8L3RleHQ+PHRleHQgY2xhc3M9IngiIHg9IjAiIHk9IjEyMCI+V29yc3Qgc2V2ZXJpdHkgcGVyIGNlbGwsIDEgbWluaW1hbCB0byA1IGNyaXRpY2FsPC90ZXh0PjwvZz48L3N2Zz4=",
    },
  ],
  execute: async function (args) {
    return svgImage(constraintHeatmapSvg(gridOf(args as HeatmapArgs)));
  },
});

export const ConstraintHeatmapWords = coda.makeFormula({
  name: "ConstraintHeatmapWords",
  description:
    "The ConstraintHeatmap picture in words, for alt text: each function and kind that holds constraints, the worst first, with its worst severity and how many constraints it holds.",
  parameters: [...heatmapParams],
  resultType: coda.ValueType.String,
  connectionRequirement: coda.ConnectionRequirement.None,
  onError: handleError,
  examples: [
    {
      params: heatmapExample,
      result:
        "Worst first: Engineering × Talent: severity 5 (1 constraint); Security × Regulatory: severity 4 (2 constraints); Engineering × Platform: severity 4 (1 constraint); Finance × Budget: severity 4 (1 constraint); Legal × Legal: severity 3 (1 constraint); Product × Change capacity: severity 3 (1 constraint).",
    },
  ],
  execute: async function (args) {
    return constraintHeatmapWords(gridOf(args as HeatmapArgs));
  },
});

export const diagnosisSyncTables = [Interviews, Bottlenecks, FlowEfficiency];
export const diagnosisFormulas: coda.Formula[] = [ConstraintHeatmap, ConstraintHeatmapWords];
