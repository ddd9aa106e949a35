import * as coda from "@codahq/packs-sdk";
import {KeyResultSchema} from "../schemas/okr_sync";
import {CheckInDueSchema, RetrospectiveSchema} from "../schemas/history";
import {count, Ranges} from "../src/engine/contract";
import {cycleFromName, okrCycle} from "../src/engine/cycle";
import {DefaultCadenceDays, MaxCadenceDays} from "../src/engine/history";
import {checkInsDue} from "../src/sync/checkins_due";
import {teamOptions} from "../src/sync/okr_source";
import {carryForward, retrospective} from "../src/sync/retrospective";
import {handleError} from "./errors";
import {AsOfParam, dayOrToday, param} from "./params";
import {
  ColumnsParam,
  Connected,
  countParam,
  CycleParam,
  DocsParam,
  FiscalYearStartParam,
  otherTableParam,
  tableParam,
  TeamsParam,
} from "./sync_params";
import {syncTable} from "./sync_table";
import {DefaultTableNames, HistoryTables} from "../src/sync/tables";

/**
 * OKR history across team docs: who is due a check-in, the cycle's
 * retrospective, and carrying a key result into the next cycle.
 */

export const CheckInsDue = syncTable({
  name: "CheckInsDue",
  description:
    "The key results whose owners are due a check-in: no check-in within the key result's cadence (its Cadence column, else the cadenceDays parameter, weekly by default). Each row names the owner as a person and links to the key result, so an automation can notify them. Rows that keep a reminder from working (no owner, an owner typed as text, an unreadable cadence) are listed with the reason.",
  formulaDescription: "Lists the key results due a check-in across a list of team docs.",
  schema: CheckInDueSchema,
  table: DefaultTableNames.keyResults,
  parameters: [
    DocsParam,
    countParam(
      "cadenceDays",
      `Days between check-ins for key results whose table has no Cadence column or a blank one: a whole number of days, 1-${MaxCadenceDays}. Default ${DefaultCadenceDays} (weekly).`,
    ),
    CycleParam,
    TeamsParam,
    tableParam(DefaultTableNames.keyResults),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ],
  eachDoc: {
    label: "key results due a check-in",
    rows: (docId, a, context) => {
      const cadence = count("cadenceDays", a.cadenceDays, 1, MaxCadenceDays, DefaultCadenceDays);
      return checkInsDue(context, docId, teamOptions("keyResults", a), {...a, cadence});
    },
  },
});

export const Retrospective = syncTable({
  name: "Retrospective",
  description:
    "One row per key result of a cycle, for its retrospective: final progress and grade, the confidence path, weeks without a check-in and the review's findings, with what happened and what the team learnt read from the Retrospective table in each team doc (write them there; the sync never overwrites them).",
  formulaDescription: "Builds the retrospective of one cycle across a list of team docs.",
  schema: RetrospectiveSchema,
  parameters: [
    DocsParam,
    param({
      type: coda.ParameterType.String,
      name: "cycle",
      description: "The OKR cycle to close, by name, such as FY2026 Q4. Default: the quarter asOf falls in (today).",
      autocomplete: CycleParam.autocomplete,
      optional: true,
    }),
    TeamsParam,
    otherTableParam(
      "notesTable",
      `The name of the table in each team doc where the team writes what happened and what it learnt, one row per key result. Default: ${HistoryTables.retrospective}; a doc without it simply has no notes.`,
    ),
    AsOfParam,
    FiscalYearStartParam,
  ],
  eachDoc: {
    label: "retrospective rows",
    rows: (docId, a, context) => {
      const fy = a.fiscalYearStartMonth;
      const cycle = a.cycle ? cycleFromName(a.cycle, fy) : okrCycle(a.asOf, 3, fy);
      return retrospective(context, docId, teamOptions("keyResults", {fiscalYearStartMonth: fy}), {...a, cycle});
    },
  },
});

export const CarryForward = coda.makeFormula({
  name: "CarryForward",
  description:
    "Copies a key result into the next cycle in its team doc: adds it under the next cycle's objective of the same code or name (adding that objective when missing), starting where it ended, with Carried From linking to the original. Safe to retry: running it again updates the copy and never adds a second one.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "keyResult",
      description:
        "The key result's Id (doc id/row id) from the KeyResults or Retrospective sync table, or the row's link in its team doc.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "target",
      description: `The target for the next cycle, in the key result's own unit: ${Ranges.number}. Default: the same target.`,
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "nextCycle",
      description: "The cycle to carry it into, by name, such as FY2027 Q1. Default: the cycle after its own.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "asOf",
      description: `The day to judge the copy's status on: ${Ranges.date}. Defaults to today in the doc's time zone.`,
      optional: true,
    }),
    otherTableParam("keyResultsTable", `The key results table's name. Default ${DefaultTableNames.keyResults}.`),
    otherTableParam("objectivesTable", `The objectives table's name. Default ${DefaultTableNames.objectives}.`),
    FiscalYearStartParam,
  ],
  resultType: coda.ValueType.Object,
  schema: KeyResultSchema,
  onError: handleError,
  examples: [
    {
      params: ["NsTeam001/i-t0001m", 55, undefined, "2026-11-20"],
      result: {
        Id: "NsTeam001/i-new0002",
        Name: "Average sales cycle in days",
        Summary:
          'Key result "Average sales cycle in days" (Jonah Price, Sales, FY2027 Q1) is at 0% of the way from 71 days to 55 days (now 71 days), Not started where 0% would be on pace; never checked in, stale: no check-in for 14 days.',
        Code: "KR3",
        Objective: {Id: "NsTeam001/i-new0001", Name: "Close the quarter with record mid-market bookings"},
        ObjectiveName: "Close the quarter with record mid-market bookings",
        Team: "Sales",
        Cycle: "FY2027 Q1",
        Owner: {Name: "Jonah Price", Email: "jonah@northstar.example.com"},
        Start: 71,
        Target: 55,
        Current: 71,
        Kind: "Auto",
        Weight: 1,
        Unit: "days",
        Progress: 0,
        Grade: "Red",
        Status: "Not started",
        Expected: 0,
        Stale: true,
        Link: "https://docs.superhuman.com/d/_dNsTeam001/#OKRs_tt0000v/_rui-new0002",
        SourceTable: "Key Results",
      },
    },
  ],
  execute: async function (
    [keyResult, target, nextCycle, asOf, keyResultsTable, objectivesTable, fiscalYearStartMonth],
    context,
  ) {
    return carryForward(context, {
      keyResultId: keyResult,
      target,
      nextCycle,
      asOf: dayOrToday("asOf", asOf, context),
      keyResultsTable,
      objectivesTable,
      fiscalYearStartMonth,
    });
  },
});

export const historySyncTables = [CheckInsDue, Retrospective];
export const historyActions = [CarryForward];
