/**
 * Identity names of every sync table and reference, in one place: renaming one
 * breaks the references in users' docs, so they are never spelled twice.
 */
export const Identity = {
  StrategicImperative: "StrategicImperative",
  AnnualGoal: "AnnualGoal",
  Objective: "Objective",
  KeyResult: "KeyResult",
  CheckIn: "CheckIn",
  HealthMetric: "HealthMetric",
  HotItem: "HotItem",
  OkrCandidate: "OkrCandidate",
  Issue: "Issue",
  Decision: "Decision",
  ActionItem: "ActionItem",
  BackBrief: "BackBrief",
  AgendaItem: "AgendaItem",
  CadenceEvent: "CadenceEvent",
  PlaybookTask: "PlaybookTask",
  Seat: "Seat",
  MeetingHealth: "MeetingHealth",
  CheckInDue: "CheckInDue",
  RetrospectiveEntry: "RetrospectiveEntry",
  CharterItem: "CharterItem",
  Risk: "Risk",
  Gate: "Gate",
  SessionReadiness: "SessionReadiness",
  ExecutiveSession: "ExecutiveSession",
} as const;
