import * as coda from "@codahq/packs-sdk";
import {card, date, flag, id, link, number, percent, PersonSchema, problems, text} from "./common";
import {Knowledge} from "./knowledge";

/** The Seats and MeetingHealth sync tables: meeting discipline. */

export const SeatSchema = coda.makeObjectSchema({
  description:
    "A seat of the leadership team: who holds it, what it is accountable for, whom it reports to and which meetings need it.",
  properties: {
    Id: id,
    Name: {...text("The seat."), required: true},
    Kind: text("Seat, or Owners without a seat for the row that lists owners of open work who hold no seat."),
    Person: {...PersonSchema, description: "Who holds the seat; blank when it is empty."},
    Holder: text(
      "Who holds the seat, by name, also when the Person cell names someone without an email; blank when it is empty.",
    ),
    SeatsHeld: number("How many seats this seat's person holds (0 for an empty seat)."),
    Responsibilities: text("What the seat is accountable for, separated by semicolons."),
    ResponsibilityCount: number("How many responsibilities it lists; 3 to 5 is the rule."),
    ReportsTo: text("The seat it reports to; blank for the top seat."),
    RequiredIn: text("The kinds of meeting it must attend: Weekly, Monthly, Quarterly, Offsite, Executive session."),
    Findings: text(
      "What to fix: an empty seat, a person over the seat limit, too few or too many responsibilities, a reporting cycle, owners of open work without a seat. Blank when sound.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Person", "ReportsTo", "RequiredIn", "Findings"],
  identity: {name: "Seat"},
  index: Knowledge.Seats,
});

export const MeetingHealthSchema = coda.makeObjectSchema({
  description:
    "How healthy one leadership meeting was: ratings, attendance, action items done, time on problem solving, issues solved and the trend.",
  properties: {
    Id: id,
    Name: {...text("The meeting."), required: true},
    Date: date("When it was held."),
    Kind: text("Weekly, Monthly, Quarterly, Offsite or Executive session."),
    Attendees: text("Who attended."),
    AverageRating: number("The attendees' average rating, 1 to 10, to two decimals."),
    LowestRating: number("The lowest rating, 1 to 10."),
    Ratings: number("How many valid ratings it got."),
    MissingRatings: text("Attendees who did not rate it."),
    RequiredSeatsAbsent: text(
      "Seats required in this kind of meeting whose holder did not attend (an empty required seat counts).",
    ),
    StartedOnTime: flag("True when it started on time."),
    EndedOnTime: flag("True when it ended on time."),
    ActionsDue: number("Action items due since the previous meeting: on or after its day and before this one."),
    ActionsDone: number("How many of those are done."),
    DoneShare: percent("The share of those done; the target is 90%."),
    MeetsDoneTarget: flag("True when at least 90% of the action items due were done."),
    DoneByOwner: text("Each owner's action items done of those due, such as Grace Mbeki 1/2."),
    ProblemSolving: percent(
      "The share of its agenda time spent solving problems (from its Agenda Items, as MeetingMix).",
    ),
    Status: percent("The share of its agenda time spent on status updates."),
    Mix: text("What the mix says (MeetingMix's verdict)."),
    IssuesSolved: number("Issues solved since the previous meeting, up to this one."),
    IssuesCarried: number("Issues raised before it and still open after it."),
    RatingTrend: text(
      "Up, Down or Flat: the direction of the average rating over the last 13 meetings up to this one.",
    ),
    TrendDetail: text("The trend in words, with the first and last averages."),
    Healthy: flag(
      "False when the average rating is below the threshold (default 8), fewer than 90% of the action items due were done, or a required seat was absent.",
    ),
    Findings: text("Why it was low-health, and what else to note: no ratings, started or ended late."),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Date", "AverageRating", "DoneShare", "RequiredSeatsAbsent", "Healthy", "RatingTrend"],
  identity: {name: "MeetingHealth"},
  index: Knowledge.MeetingHealth,
});
