import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {isoDay, toDay} from "../src/engine/calendar";
import {executiveProgram} from "../src/engine/cadence";
import {Identity} from "../schemas/identities";
import {
  CharterItemSchema,
  ExecutiveSessionSchema,
  GateSchema,
  RiskSchema,
  SessionReadinessSchema,
} from "../schemas/alignment";
import {charterRows, readCharter} from "../src/sync/charter";
import {dependencies, DependencyTables} from "../src/sync/dependencies";
import {risks, RiskTable} from "../src/sync/risks";
import {sessionReadinessRows, SessionTables} from "../src/sync/sessions";
import {handleError} from "./errors";
import {AsOfParam, dayOrToday} from "./params";
import {ColumnsParam, Connected, FiscalYearStartParam, MeetingDocParam, meetingTableParam} from "./sync_params";

/** The executive alignment sync tables: the leaders' charter, the risk register, dependency gates and executive sessions. */

const OkrDocsParam = coda.makeParameter({
  type: coda.ParameterType.StringArray,
  name: "okrDocs",
  description: "The links (or ids) of the team docs whose key results the rows name. Optional.",
  optional: true,
});
const MetricsDocParam = coda.makeParameter({
  type: coda.ParameterType.String,
  name: "metricsDoc",
  description: "The link (or id) of the metrics doc whose health metrics the triggers name. Optional.",
  optional: true,
});

export const Charter = coda.makeSyncTable({
  name: "Charter",
  description:
    "The leaders' charter: each leader's answers on what they own together, risk tolerance, red lines, expertise and lanes, with what needs talking about: an outcome not everyone shares, an outcome owned outright twice, a decision nobody decides, coordination with nobody, and the widest spread of risk tolerance.",
  identityName: Identity.CharterItem,
  connectionRequirement: Connected,
  schema: CharterItemSchema,
  formula: {
    name: "SyncCharter",
    description: "Reads the charter tables of the leadership meeting doc.",
    parameters: [MeetingDocParam],
    onError: handleError,
    execute: async function ([meetingDoc], context) {
      const docId = await resolveDocId(context, meetingDoc);
      return {result: charterRows(await readCharter(context, docId))};
    },
  },
});

export const Risks = coda.makeSyncTable({
  name: "Risks",
  description:
    "The risk register with live triggers: each trigger judged against the health metrics and key results (Fired, Armed or Unknown), and the risks with no mitigation owner, no trigger or an overdue review.",
  identityName: Identity.Risk,
  connectionRequirement: Connected,
  schema: RiskSchema,
  formula: {
    name: "SyncRisks",
    description: "Reads the risk register and judges each trigger on live data.",
    parameters: [
      MeetingDocParam,
      MetricsDocParam,
      OkrDocsParam,
      meetingTableParam(RiskTable),
      ColumnsParam,
      AsOfParam,
      FiscalYearStartParam,
    ],
    onError: handleError,
    execute: async function ([meetingDoc, metricsDoc, okrDocs, table, columns, asOf, fiscalYearStartMonth], context) {
      return {
        result: await risks(context, {
          meetingDoc,
          metricsDoc,
          okrDocs: okrDocs ?? [],
          table,
          columns,
          asOf: dayOrToday("asOf", asOf, context),
          fiscalYearStartMonth,
        }),
      };
    },
  },
});

export const Dependencies = coda.makeSyncTable({
  name: "Dependencies",
  description:
    "Dependency gates between milestones and key results across team docs: blocked when what a gate waits on is off track or late, cycles named, and each item's critical path and earliest finish.",
  identityName: Identity.Gate,
  connectionRequirement: Connected,
  schema: GateSchema,
  formula: {
    name: "SyncDependencies",
    description: "Reads the Dependencies and Milestones tables and the team docs' key results.",
    parameters: [
      MeetingDocParam,
      OkrDocsParam,
      meetingTableParam(DependencyTables.dependencies),
      ColumnsParam,
      AsOfParam,
      FiscalYearStartParam,
    ],
    onError: handleError,
    execute: async function ([meetingDoc, okrDocs, table, columns, asOf, fiscalYearStartMonth], context) {
      return {
        result: await dependencies(context, {
          meetingDoc,
          okrDocs: okrDocs ?? [],
          table,
          columns,
          asOf: dayOrToday("asOf", asOf, context),
          fiscalYearStartMonth,
        }),
      };
    },
  },
});

export const SessionReadiness = coda.makeSyncTable({
  name: "SessionReadiness",
  description:
    "Each executive session's readiness: before it, missing pre-work and from whom and the seats not confirmed; after it, the outputs not recorded and a decision session that recorded no decision.",
  identityName: Identity.SessionReadiness,
  connectionRequirement: Connected,
  schema: SessionReadinessSchema,
  formula: {
    name: "SyncSessionReadiness",
    description: "Reads the Sessions and Pre-work tables and the decision log.",
    parameters: [MeetingDocParam, meetingTableParam(SessionTables.sessions), ColumnsParam, AsOfParam],
    onError: handleError,
    execute: async function ([meetingDoc, table, columns, asOf], context) {
      return {
        result: await sessionReadinessRows(context, meetingDoc, table, columns, dayOrToday("asOf", asOf, context)),
      };
    },
  },
});

export const ExecutiveProgram = coda.makeSyncTable({
  name: "ExecutiveProgram",
  description:
    "The four executive sessions laid out from the first one's date: pre-work due five business days before each, required seats, a time-boxed agenda and the outputs each must produce.",
  identityName: Identity.ExecutiveSession,
  connectionRequirement: coda.ConnectionRequirement.None,
  schema: ExecutiveSessionSchema,
  formula: {
    name: "SyncExecutiveProgram",
    description: "Lays out the executive program from its first session's date.",
    parameters: [
      coda.makeParameter({
        type: coda.ParameterType.Date,
        name: "firstSession",
        description: "The date of the first session: a date from the year 1000 to 9999.",
      }),
    ],
    onError: handleError,
    execute: async function ([firstSession], context) {
      const sessions = executiveProgram(toDay("firstSession", firstSession, context.timezone));
      return {
        result: sessions.map(s => ({
          Id: `${s.number}/${isoDay(s.date)}`,
          Name: s.name,
          Number: s.number,
          Kind: s.kind,
          Date: isoDay(s.date),
          PreworkDue: isoDay(s.preworkDue),
          Prework: s.prework.join("; "),
          RequiredSeats: s.requiredSeats.join(", "),
          Agenda: s.agenda.map(a => `${a.timeBox} ${a.item}`).join("\n"),
          Minutes: s.minutes,
          Outputs: s.outputs.join("; "),
        })),
      };
    },
  },
});

export const alignmentSyncTables = [Charter, Risks, Dependencies, SessionReadiness, ExecutiveProgram];
