import {count} from "../src/engine/contract";
import {HealthRules} from "../src/engine/meeting_health";
import {SeatRules} from "../src/engine/seats";
import {MeetingHealthSchema, SeatSchema} from "../schemas/discipline";
import {syncMeetingHealth} from "../src/sync/meeting_health_rows";
import {syncSeats} from "../src/sync/seat_rows";
import {AsOfParam} from "./params";
import {ColumnsParam, countParam, MeetingDocParam, tableParam} from "./sync_params";
import {syncTable} from "./sync_table";
import {DisciplineTables} from "../src/sync/tables";

/** Meeting discipline: the Seats and MeetingHealth sync tables. */

export const Seats = syncTable({
  name: "Seats",
  description:
    "The leadership team's seats: who holds each, its 3 to 5 responsibilities, the seat it reports to and the meetings it must attend, with findings (empty seat, a person over the seat limit, responsibilities out of range, a reporting cycle) and the owners of open work who hold no seat.",
  formulaDescription: "Reads the meeting doc's Seats table and checks it.",
  schema: SeatSchema,
  table: DisciplineTables.seats,
  parameters: [
    MeetingDocParam,
    tableParam(DisciplineTables.seats),
    countParam(
      "seatLimit",
      `The most seats one person should hold: a whole number of seats, 1 to 20. Default ${SeatRules.defaultSeatLimit}.`,
    ),
    ColumnsParam,
    AsOfParam,
  ],
  rows: (a, context) =>
    syncSeats(context, {...a, seatLimit: count("seatLimit", a.seatLimit, 1, 20, SeatRules.defaultSeatLimit)}),
});

export const MeetingHealth = syncTable({
  name: "MeetingHealth",
  description:
    "One row per leadership meeting: the attendees' average and lowest rating, ratings missing, required seats absent, the share of action items due that were done (90% target), time on problem solving against status, issues solved and carried, and the rating's trend over the last 13 meetings.",
  formulaDescription:
    "Judges each meeting of the meeting doc's Meetings table from its ratings, attendance, action items, agenda items and issues.",
  schema: MeetingHealthSchema,
  parameters: [
    MeetingDocParam,
    countParam(
      "ratingThreshold",
      `A rating below this needs a reason, and an average below it makes the meeting low-health: a whole number of points, 2 to 10. Default ${HealthRules.threshold}.`,
    ),
    ColumnsParam,
    AsOfParam,
  ],
  rows: (a, context) =>
    syncMeetingHealth(context, {
      ...a,
      threshold: count("ratingThreshold", a.ratingThreshold, 2, 10, HealthRules.threshold),
    }),
});

export const disciplineSyncTables = [Seats, MeetingHealth];
