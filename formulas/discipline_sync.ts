import * as coda from "@codahq/packs-sdk";
import {resolveDocId} from "../src/api/client";
import {count} from "../src/engine/contract";
import {HealthRules} from "../src/engine/meeting_health";
import {SeatRules} from "../src/engine/seats";
import {Identity} from "../schemas/identities";
import {MeetingHealthSchema, SeatSchema} from "../schemas/discipline";
import {DisciplineTables} from "../src/sync/discipline_fields";
import {syncMeetingHealth} from "../src/sync/meeting_health";
import {syncSeats} from "../src/sync/seats";
import {handleError} from "./errors";
import {AsOfParam, dayOrToday} from "./params";
import {ColumnsParam, Connected, MeetingDocParam} from "./sync_params";

/** Meeting discipline: the Seats and MeetingHealth sync tables. */

export const Seats = coda.makeSyncTable({
  name: "Seats",
  description:
    "The leadership team's seats: who holds each, its 3 to 5 responsibilities, the seat it reports to and the meetings it must attend, with findings (empty seat, a person over the seat limit, responsibilities out of range, a reporting cycle) and the owners of open work who hold no seat.",
  identityName: Identity.Seat,
  connectionRequirement: Connected,
  schema: SeatSchema,
  formula: {
    name: "SyncSeats",
    description: "Reads the meeting doc's Seats table and checks it.",
    parameters: [
      MeetingDocParam,
      coda.makeParameter({
        type: coda.ParameterType.String,
        name: "table",
        description: `The seats table's name. Default: ${DisciplineTables.seats}.`,
        optional: true,
      }),
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "seatLimit",
        description: `The most seats one person should hold: a whole number of seats, 1 to 20. Default ${SeatRules.defaultSeatLimit}.`,
        optional: true,
      }),
      ColumnsParam,
      AsOfParam,
    ],
    onError: handleError,
    execute: async function ([meetingDoc, table, seatLimit, columns, asOf], context) {
      const limit = count("seatLimit", seatLimit, 1, 20, SeatRules.defaultSeatLimit);
      const docId = await resolveDocId(context, meetingDoc);
      return {
        result: await syncSeats(context, {
          docId,
          table,
          columns,
          seatLimit: limit,
          asOf: dayOrToday("asOf", asOf, context),
        }),
      };
    },
  },
});

export const MeetingHealth = coda.makeSyncTable({
  name: "MeetingHealth",
  description:
    "One row per leadership meeting: the attendees' average and lowest rating, ratings missing, required seats absent, the share of action items due that were done (90% target), time on problem solving against status, issues solved and carried, and the rating's trend over the last 13 meetings.",
  identityName: Identity.MeetingHealth,
  connectionRequirement: Connected,
  schema: MeetingHealthSchema,
  formula: {
    name: "SyncMeetingHealth",
    description:
      "Judges each meeting of the meeting doc's Meetings table from its ratings, attendance, action items, agenda items and issues.",
    parameters: [
      MeetingDocParam,
      coda.makeParameter({
        type: coda.ParameterType.Number,
        name: "ratingThreshold",
        description: `A rating below this needs a reason, and an average below it makes the meeting low-health: a whole number of points, 2 to 10. Default ${HealthRules.threshold}.`,
        optional: true,
      }),
      ColumnsParam,
      AsOfParam,
    ],
    onError: handleError,
    execute: async function ([meetingDoc, ratingThreshold, columns, asOf], context) {
      const threshold = count("ratingThreshold", ratingThreshold, 2, 10, HealthRules.threshold);
      const docId = await resolveDocId(context, meetingDoc);
      return {
        result: await syncMeetingHealth(context, {docId, columns, threshold, asOf: dayOrToday("asOf", asOf, context)}),
      };
    },
  },
});

export const disciplineSyncTables = [Seats, MeetingHealth];
