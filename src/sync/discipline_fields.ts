import type {FieldSpec} from "../engine/columns";
import {IssueFields} from "./fields";

/**
 * The columns of the meeting doc's discipline tables (Seats, Meetings, Ratings),
 * and of the tables they draw on (Agenda Items, the issues' history), with the
 * names people commonly give them.
 */

export const DisciplineTables = {
  seats: "Seats",
  meetings: "Meetings",
  ratings: "Ratings",
  agendaItems: "Agenda Items",
} as const;

export const SeatFields = [
  {field: "Seat", names: ["Name", "Role", "Function", "Title"], required: true},
  {field: "Person", names: ["Holder", "Held By", "Who", "Leader"]},
  {field: "Responsibilities", names: ["Accountabilities", "Roles", "Duties"]},
  {field: "ReportsTo", names: ["Reports To", "Reports", "Parent Seat", "Parent"]},
  {field: "RequiredIn", names: ["Required In", "Required Meetings", "Meetings", "Attends"]},
] as const satisfies readonly FieldSpec[];

/** The Meetings table as meeting health reads it: the agenda reads its Date and Facilitator too. */
export const MeetingRecordFields = [
  {field: "Name", names: ["Meeting", "Title"]},
  {field: "Date", names: ["Meeting Date", "When"], required: true},
  {field: "Kind", names: ["Type", "Meeting Kind", "Meeting Type"]},
  {field: "Attendees", names: ["Attendance", "Attended", "Present", "Participants"]},
  {field: "StartedOnTime", names: ["Started On Time", "Start On Time", "On Time"]},
  {field: "EndedOnTime", names: ["Ended On Time", "End On Time", "Finished On Time"]},
] as const satisfies readonly FieldSpec[];

export const RatingFields = [
  {field: "Meeting", names: ["Meetings"], required: true, lookupTo: ["Meetings"]},
  {field: "Attendee", names: ["Rater", "Rated By", "Person", "Leader", "Who"], required: true},
  {field: "Rating", names: ["Score", "Rating 1-10"], required: true},
  {field: "Reason", names: ["Why", "Comment", "Note"]},
] as const satisfies readonly FieldSpec[];

export const AgendaItemFields = [
  {field: "Item", names: ["Agenda Item", "Name", "Title"], required: true},
  {field: "Meeting", names: ["Meetings", "Meeting Date"], required: true, lookupTo: ["Meetings"]},
  {field: "Kind", names: ["Type", "Category"], required: true},
  {field: "Minutes", names: ["Duration", "Time", "Time Box"], required: true},
] as const satisfies readonly FieldSpec[];

/** The issues as meeting health reads them: the issues list's columns, and when each was solved. */
export const IssueHistoryFields = [
  ...IssueFields,
  {field: "Solved", names: ["Solved On", "Resolved On", "Closed On"]},
] as const satisfies readonly FieldSpec[];
