import * as coda from "@codahq/packs-sdk";
import {CheckInSchema, GoalSchema, ImperativeSchema, KeyResultSchema, ObjectiveSchema} from "../schemas/okr_sync";
import type {DerivedKeyResult, OkrFilters} from "../src/sync/okr_rows";
import {checkInRow, deriveKeyResults, keyResultRows, objectiveRows} from "../src/sync/okr_rows";
import type {TeamOkrs} from "../src/sync/okr_source";
import {readTeamOkrs, TeamDoc, teamOptions} from "../src/sync/okr_source";
import {editKeyResults, recordCheckIn} from "../src/sync/okr_writes";
import {goalRows, imperativeRows} from "../src/sync/strategy";
import {handleError} from "./errors";
import type {Day} from "../src/engine/calendar";
import {AsOfParam, dayOrToday} from "./params";
import {
  ColumnsParam,
  Connected,
  CycleParam,
  DocParam,
  DocsParam,
  FiscalYearStartParam,
  otherTableParam,
  StatusesParam,
  tableParam,
  TeamsParam,
} from "./sync_params";
import {syncTable} from "./sync_table";
import {DefaultTableNames} from "../src/sync/tables";

/**
 * The OKR sync tables: strategy pulled down from the strategy doc, team OKRs
 * pulled up from the team docs, and check-ins written back.
 */

export const StrategicImperatives = syncTable({
  name: "StrategicImperatives",
  description: "The strategic imperatives from the strategy doc.",
  formulaDescription: "Pulls the strategic imperatives from the strategy doc.",
  schema: ImperativeSchema,
  table: DefaultTableNames.imperatives,
  parameters: [DocParam, tableParam(DefaultTableNames.imperatives), ColumnsParam],
  rows: (a, context) => imperativeRows(context, a.docId, a.table, a.columns),
});

export const AnnualGoals = syncTable({
  name: "AnnualGoals",
  description:
    "The annual goals from the strategy doc, each linked to the imperative it serves. Team docs add it so objectives can support a goal.",
  formulaDescription: "Pulls the annual goals from the strategy doc.",
  schema: GoalSchema,
  table: DefaultTableNames.goals,
  parameters: [DocParam, tableParam(DefaultTableNames.goals), ColumnsParam],
  rows: (a, context) => goalRows(context, a.docId, a.table, a.columns),
});

function okrParameters(defaultTable: string) {
  const parameters = [
    DocsParam,
    CycleParam,
    TeamsParam,
    StatusesParam,
    tableParam(defaultTable),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ] as const;
  return [...parameters] as [...typeof parameters];
}

interface OkrArgs extends OkrFilters {
  table: string;
  columns?: string;
  asOf: Day;
  fiscalYearStartMonth?: number;
}

/** Each team doc's OKRs read once, then turned into the table's rows. */
function eachTeamDoc<R>(
  primary: "objectives" | "keyResults",
  label: string,
  toRows: (okrs: TeamOkrs, derived: DerivedKeyResult[], filters: OkrFilters) => R[],
) {
  return {
    label,
    rows: async (docId: string, a: OkrArgs, context: coda.ExecutionContext) => {
      const okrs = await readTeamOkrs(context, docId, teamOptions(primary, a), {
        checkIns: primary === "keyResults",
        goals: true,
      });
      return toRows(okrs, deriveKeyResults(okrs, a.asOf), a);
    },
  };
}

export const Objectives = syncTable({
  name: "Objectives",
  description:
    "Every team's objectives, pulled up from the team docs, scored from their key results and checked for alignment.",
  formulaDescription: "Pulls objectives from a list of team docs.",
  schema: ObjectiveSchema,
  table: DefaultTableNames.objectives,
  parameters: okrParameters(DefaultTableNames.objectives),
  eachDoc: eachTeamDoc("objectives", "objectives", (okrs, derived, filters) =>
    objectiveRows(okrs.objectives, derived, filters),
  ),
});

export const KeyResults = syncTable({
  name: "KeyResults",
  description:
    "Every team's key results, pulled up from the team docs with progress, grade, status, forecast and staleness computed. Edit Current or Confidence here to write it back to the team's doc.",
  formulaDescription: "Pulls key results from a list of team docs.",
  schema: KeyResultSchema,
  table: DefaultTableNames.keyResults,
  parameters: okrParameters(DefaultTableNames.keyResults),
  eachDoc: eachTeamDoc("keyResults", "key results", (_okrs, derived, filters) => keyResultRows(derived, filters)),
  update: {
    maxBatch: 6,
    execute: (a, edits, context) => editKeyResults(context, edits, a.asOf, teamOptions("keyResults", a)),
  },
});

export const CheckIns = syncTable({
  name: "CheckIns",
  description: "The check-ins of every team's key results: value, confidence and note by date.",
  formulaDescription: "Pulls check-ins from a list of team docs.",
  schema: CheckInSchema,
  table: DefaultTableNames.checkIns,
  parameters: [DocsParam, tableParam(DefaultTableNames.checkIns), ColumnsParam],
  eachDoc: {
    label: "check-ins",
    rows: async (docId, a, context) =>
      (await new TeamDoc(context, docId, teamOptions("checkIns", a)).checkIns(undefined)).map(checkInRow),
  },
});

export const CheckIn = coda.makeFormula({
  name: "CheckIn",
  description:
    "Checks in a key result: adds a row to the team doc's Check-ins table and sets the key result's current value (and confidence), waits until the doc has applied both, then returns the key result as the KeyResults table shows it that day. If the doc has not applied them within the run, it says they are queued, not yet applied. Safe to run again: a key result has one check-in a day, so running it again the same day corrects that check-in instead of adding a second.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "keyResult",
      description:
        "The key result's Id from the KeyResults sync table, such as NsTeam001/i-t0001m (the source doc's id and the row's id), or the row's link in its team doc.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "value",
      description:
        "The key result's value today, in its own unit (the KeyResults table's Unit, such as days or $): any number from -1e15 to 1e15.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "confidence",
      description:
        "Your confidence it will be met, from 0 to 1, where 1 is 100% (0.7 for 70%). Optional: the key result keeps its confidence when left out.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "note",
      description: "What changed and why.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "date",
      description: "The check-in's day: a date from the year 1000 to 9999, read in the doc's time zone. Default today.",
      optional: true,
    }),
    otherTableParam("keyResultsTable", `The key results table's name. Default ${DefaultTableNames.keyResults}.`),
    otherTableParam("checkInsTable", `The check-ins table's name. Default ${DefaultTableNames.checkIns}.`),
    AsOfParam,
    FiscalYearStartParam,
  ],
  resultType: coda.ValueType.Object,
  schema: KeyResultSchema,
  onError: handleError,
  examples: [
    {
      params: [
        "NsTeam001/i-t0001m",
        66,
        0.55,
        "Shorter cycles after the new pricing",
        "2026-11-21",
        undefined,
        undefined,
        "2026-11-21",
      ],
      result: {
        Id: "NsTeam001/i-t0001m",
        Name: "Average sales cycle in days",
        Summary:
          'Key result "Average sales cycle in days" (Jonah Price, Sales, FY2026 Q4) is at 57% of the way from 74 days to 60 days (now 66 days), At risk where 56% would be on pace; confidence 55%, last checked in 2026-11-21, the check-ins point to 64.6639 days at the cycle\'s end.',
        Code: "KR3",
        Objective: {
          Id: "NsTeam001/i-t00014",
          Name: "Close the quarter with record mid-market bookings",
        },
        ObjectiveName: "Close the quarter with record mid-market bookings",
        Team: "Sales",
        Cycle: "FY2026 Q4",
        Owner: {
          Name: "Jonah Price",
          Email: "jonah@northstar.example.com",
        },
        Start: 74,
        Target: 60,
        Current: 66,
        Kind: "Auto",
        Confidence: 0.55,
        Weight: 1,
        Unit: "days",
        Progress: 0.5714285714,
        Grade: "Yellow",
        Status: "At risk",
        Expected: 0.5604395604,
        Forecast: 64.6639416854,
        LastCheckIn: "2026-11-21",
        Stale: false,
        Link: "https://docs.superhuman.com/d/_dNsTeam001/#OKRs_tt0000v/_rui-t0001m",
        SourceTable: "Key Results",
      },
    },
  ],
  execute: async function (
    [keyResult, value, confidence, note, date, keyResultsTable, checkInsTable, asOf, fiscalYearStartMonth],
    context,
  ) {
    return recordCheckIn(context, {
      keyResultId: keyResult,
      value,
      confidence,
      note,
      date: dayOrToday("date", date, context),
      asOf: dayOrToday("asOf", asOf, context),
      keyResultsTable,
      checkInsTable,
      fiscalYearStartMonth,
    });
  },
});

export const okrSyncTables = [StrategicImperatives, AnnualGoals, Objectives, KeyResults, CheckIns];
export const okrActions = [CheckIn];
