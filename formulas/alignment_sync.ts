import {isoDay, toDay} from "../src/engine/calendar";
import {executiveProgram} from "../src/engine/cadence";
import {
  CharterItemSchema,
  ExecutiveSessionSchema,
  GateSchema,
  RiskSchema,
  SessionReadinessSchema,
} from "../schemas/alignment";
import {charterRows, readCharter} from "../src/sync/charter_rows";
import {dependencies} from "../src/sync/dependency_rows";
import {risks} from "../src/sync/risks";
import {DependencyTables, RiskTable, SessionTables} from "../src/sync/tables";
import {sessionReadinessRows} from "../src/sync/session_rows";
import {AsOfParam} from "./params";
import {
  ColumnsParam,
  FiscalYearStartParam,
  MeetingDocParam,
  MetricsDocParam,
  OkrDocsParam,
  startDateParam,
  tableParam,
} from "./sync_params";
import {syncTable} from "./sync_table";

/** The executive alignment sync tables: the leaders' charter, the risk register, dependency gates and executive sessions. */

export const Charter = syncTable({
  name: "Charter",
  description:
    "The leaders' charter: each leader's answers on what they own together, risk tolerance, red lines, expertise and lanes, with what needs talking about: an outcome not everyone shares, an outcome owned outright twice, a decision nobody decides, coordination with nobody, and the widest spread of risk tolerance.",
  formulaDescription: "Reads the charter tables of the leadership meeting doc.",
  schema: CharterItemSchema,
  parameters: [MeetingDocParam],
  rows: async (a, context) => charterRows(await readCharter(context, a.docId)),
});

export const Risks = syncTable({
  name: "Risks",
  description:
    "The risk register with live triggers: each trigger judged against the health metrics and key results (Fired, Armed or Unknown), and the risks with no mitigation owner, no trigger or an overdue review.",
  formulaDescription: "Reads the risk register and judges each trigger on live data.",
  schema: RiskSchema,
  table: RiskTable,
  parameters: [
    MeetingDocParam,
    MetricsDocParam,
    OkrDocsParam,
    tableParam(RiskTable),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ],
  rows: (a, context) => risks(context, {...a, okrDocs: a.okrDocs ?? []}),
});

export const Dependencies = syncTable({
  name: "Dependencies",
  description:
    "Dependency gates between milestones and key results across team docs: blocked when what a gate waits on is off track or late, cycles named, and each item's critical path and earliest finish.",
  formulaDescription: "Reads the Dependencies and Milestones tables and the team docs' key results.",
  schema: GateSchema,
  table: DependencyTables.dependencies,
  parameters: [
    MeetingDocParam,
    OkrDocsParam,
    tableParam(DependencyTables.dependencies),
    ColumnsParam,
    AsOfParam,
    FiscalYearStartParam,
  ],
  rows: (a, context) => dependencies(context, {...a, okrDocs: a.okrDocs ?? []}),
});

export const SessionReadiness = syncTable({
  name: "SessionReadiness",
  description:
    "Each executive session's readiness: before it, missing pre-work and from whom and the seats not confirmed; after it, the outputs not recorded and a decision session that recorded no decision.",
  formulaDescription: "Reads the Sessions and Pre-work tables and the decision log.",
  schema: SessionReadinessSchema,
  table: SessionTables.sessions,
  parameters: [MeetingDocParam, tableParam(SessionTables.sessions), ColumnsParam, AsOfParam],
  rows: (a, context) => sessionReadinessRows(context, a),
});

export const ExecutiveProgram = syncTable({
  name: "ExecutiveProgram",
  description:
    "The four executive sessions laid out from the first one's date: pre-work due five business days before each, required seats, a time-boxed agenda and the outputs each must produce.",
  formulaDescription: "Lays out the executive program from its first session's date.",
  schema: ExecutiveSessionSchema,
  offline: true,
  parameters: [startDateParam("firstSession", "The date of the first session")],
  rows: (a, context) =>
    executiveProgram(toDay("firstSession", a.firstSession, context.timezone)).map(s => ({
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
});

export const alignmentSyncTables = [Charter, Risks, Dependencies, SessionReadiness, ExecutiveProgram];
