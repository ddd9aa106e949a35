import {People} from "./organization";
import type {SeatSample} from "./seats";
import {sampleSeats} from "./seats";
import type {Person} from "./types";

/**
 * Thirteen weeks of Northstar's leadership meetings as the meeting doc records
 * them: kind, attendance, whether each started and ended on time, and one rating
 * from 1 to 10 per attendee (a reason below 8). Ratings climb from the summer to
 * November; the meeting of 17 November, with Revenue absent and most of its
 * action items undone, is the low one. Also the issues' votes, horizon and
 * meetings carried, older action items and issues, and the seats.
 */

export interface MeetingRecordSample {
  date: string;
  kind: string;
  /** Agenda items of meetings older than the meeting sample's own. */
  facilitator?: Person;
  items?: Array<[item: string, kind: string, minutes: number]>;
  attendees: Person[];
  startedOnTime: boolean;
  endedOnTime: boolean;
  /** One rating per attendee, in the attendees' order; null when they did not rate. */
  ratings: Array<number | null>;
  /** The reason given with ratings below 8. */
  reason: string;
}

export interface IssueExtra {
  votes: Person[];
  horizon: string;
  carried: number;
  solved?: string;
}

export interface DisciplineSample {
  seats: SeatSample[];
  meetings: MeetingRecordSample[];
  /** Votes, horizon, meetings carried and the day solved, by issue title. */
  issues: Record<string, IssueExtra>;
  olderIssues: Array<{title: string; priority: string; owner: Person; raised: string; solved: string; carried: number}>;
  olderActions: Array<{action: string; owner: Person; due: string; status: string; source: string}>;
}

const P = People;
const Team = [P.ceo, P.sales, P.finance, P.product, P.engineering, P.success, P.marketing, P.people];
const without = (...absent: Person[]) => Team.filter(p => !absent.includes(p));

const week = (issue: string): Array<[string, string, number]> => [
  ["Check-in", "Check-in", 5],
  ["Scorecard review", "Status", 20],
  [issue, "Problem solving", 55],
  ["Close", "Check-in", 10],
];

export function sampleDiscipline(): DisciplineSample {
  return {
    seats: sampleSeats(),
    meetings: [
      {
        date: "2026-08-25",
        kind: "Weekly",
        facilitator: P.sales,
        items: week("Renewal pricing"),
        attendees: Team,
        startedOnTime: false,
        endedOnTime: false,
        ratings: [8, 7, 7, 8, 7, 8, 7, 8],
        reason: "Mostly updates; we never got to a decision",
      },
      {
        date: "2026-09-01",
        kind: "Weekly",
        facilitator: P.finance,
        items: week("Q4 hiring plan"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: false,
        ratings: [8, 8, 7, 8, 8, 7, 8, 8],
        reason: "Ran twenty minutes over",
      },
      {
        date: "2026-09-08",
        kind: "Weekly",
        facilitator: P.product,
        items: week("Beta partner selection"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [8, 8, 8, 8, 7, 8, 8, 9],
        reason: "Too long on the scorecard",
      },
      {
        date: "2026-09-15",
        kind: "Weekly",
        facilitator: P.engineering,
        items: week("On-call load"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 8, 8, 8, 8, 8, 7, 8],
        reason: "Marketing's issue slipped again",
      },
      {
        date: "2026-09-22",
        kind: "Weekly",
        facilitator: P.success,
        items: week("Churned accounts in the SMB segment"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 8, 8, 9, 8, 8, 8, 8],
        reason: "",
      },
      {
        date: "2026-09-29",
        kind: "Weekly",
        facilitator: P.marketing,
        items: week("Board pack timing"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 9, 8, 8, 8, 9, 8, 8],
        reason: "",
      },
      {
        date: "2026-10-06",
        kind: "Quarterly",
        facilitator: P.people,
        items: [
          ["Check-in", "Check-in", 10],
          ["Q3 scorecard and OKR close", "Status", 40],
          ["Q4 objectives", "Decision", 60],
          ["Long-term issues", "Problem solving", 60],
          ["Close", "Check-in", 10],
        ],
        attendees: Team,
        startedOnTime: true,
        endedOnTime: false,
        ratings: [9, 8, 9, 9, 8, 8, 9, 8],
        reason: "",
      },
      {
        date: "2026-10-13",
        kind: "Weekly",
        facilitator: P.sales,
        items: week("Reference customers for the launch"),
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 9, 8, 9, 8, 8, 9, 9],
        reason: "",
      },
      {
        date: "2026-10-20",
        kind: "Weekly",
        facilitator: P.finance,
        items: week("Hosting cost growth"),
        attendees: without(P.engineering),
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 8, 9, 9, 8, 8, 9],
        reason: "",
      },
      {
        date: "2026-10-27",
        kind: "Weekly",
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 9, 8, 9, 9, 9, 8, 9],
        reason: "",
      },
      {
        date: "2026-11-03",
        kind: "Weekly",
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 9, 9, 8, 9, 9, 8, 9],
        reason: "",
      },
      {
        date: "2026-11-10",
        kind: "Weekly",
        attendees: Team,
        startedOnTime: true,
        endedOnTime: true,
        ratings: [9, 9, 9, 9, 8, 9, null, 9],
        reason: "",
      },
      {
        date: "2026-11-17",
        kind: "Weekly",
        attendees: without(P.sales),
        startedOnTime: false,
        endedOnTime: false,
        ratings: [7, 6, 7, 8, 6, 7, 8],
        reason: "We ran out of time before director hiring, and Revenue was not there",
      },
    ],
    issues: {
      "Support backlog keeps growing after the pricing change": {
        votes: [P.success, P.ceo, P.product, P.marketing],
        horizon: "This week",
        carried: 2,
      },
      "Partners stall in the beta because the API docs are incomplete": {
        votes: [P.product, P.ceo, P.engineering, P.sales, P.success],
        horizon: "This week",
        carried: 1,
      },
      "Gross margin under 65% until the hosting contract is renewed": {
        votes: [P.finance, P.ceo, P.engineering],
        horizon: "This week",
        carried: 0,
      },
      "Enterprise deals take longer to close": {votes: [P.sales], horizon: "This week", carried: 3},
      "The director hiring pipeline is thin": {votes: [P.people, P.ceo], horizon: "This week", carried: 1},
      "The brand refresh is not tied to an annual goal": {votes: [], horizon: "Long term", carried: 0},
      "The Q3 board pack went out late": {votes: [P.finance], horizon: "This week", carried: 1, solved: "2026-10-06"},
    },
    olderIssues: [
      {
        title: "Renewal pricing for accounts on legacy plans",
        priority: "High",
        owner: P.sales,
        raised: "2026-08-18",
        solved: "2026-08-25",
        carried: 0,
      },
      {
        title: "Q4 hiring plan is over budget",
        priority: "Medium",
        owner: P.people,
        raised: "2026-08-25",
        solved: "2026-09-08",
        carried: 1,
      },
      {
        title: "On-call load on the platform team",
        priority: "High",
        owner: P.engineering,
        raised: "2026-09-08",
        solved: "2026-09-15",
        carried: 0,
      },
      {
        title: "SMB churn after the first renewal",
        priority: "High",
        owner: P.success,
        raised: "2026-09-15",
        solved: "2026-09-29",
        carried: 1,
      },
      {
        title: "No reference customers for the analytics launch",
        priority: "Medium",
        owner: P.marketing,
        raised: "2026-10-06",
        solved: "2026-10-13",
        carried: 0,
      },
    ],
    olderActions: [
      {
        action: "Send legacy-plan customers the renewal offer",
        owner: P.sales,
        due: "2026-08-28",
        status: "Done",
        source: "Meeting 2026-08-25",
      },
      {
        action: "Re-cut the Q4 hiring plan to budget",
        owner: P.people,
        due: "2026-09-04",
        status: "Done",
        source: "Meeting 2026-09-01",
      },
      {
        action: "Shortlist five beta partners",
        owner: P.product,
        due: "2026-09-11",
        status: "Done",
        source: "Meeting 2026-09-08",
      },
      {
        action: "Add a second on-call rotation",
        owner: P.engineering,
        due: "2026-09-18",
        status: "Done",
        source: "Meeting 2026-09-15",
      },
      {
        action: "Call every churned SMB account",
        owner: P.success,
        due: "2026-09-25",
        status: "Done",
        source: "Meeting 2026-09-22",
      },
      {
        action: "Move the board pack deadline a week earlier",
        owner: P.ceo,
        due: "2026-10-02",
        status: "Done",
        source: "Meeting 2026-09-29",
      },
      {
        action: "Line up three reference customers",
        owner: P.marketing,
        due: "2026-10-16",
        status: "Done",
        source: "Meeting 2026-10-13",
      },
      {
        action: "Report hosting cost per customer",
        owner: P.engineering,
        due: "2026-10-23",
        status: "Done",
        source: "Meeting 2026-10-20",
      },
      {
        action: "Prepare the partner pricing sheet",
        owner: P.ae,
        due: "2026-12-01",
        status: "Open",
        source: "Meeting 2026-11-17",
      },
    ],
  };
}
