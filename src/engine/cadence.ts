import type {Day} from "./calendar";
import {daysBetween, isoDay, plusDays} from "./calendar";
import {okrCycle} from "./cycle";
import type {Maybe} from "./contract";
import {count} from "./contract";
import {agendaTimes, meetingDates, parseWeekday} from "./meetings";
import {preworkDue} from "./sessions";

/** The operating calendar and the 90-day rollout playbook, as dated rows. */

export interface CalendarEvent {
  date: string;
  kind:
    | "Weekly leadership meeting"
    | "Monthly executive review"
    | "Quarterly check-in"
    | "OKR planning"
    | "OKR retrospective"
    | "Annual offsite";
  detail: string;
}

/**
 * A year (or `months`) of the operating rhythm: the weekly leadership meeting;
 * in the first week of each month a longer executive review; around each OKR
 * cycle's end the retrospective and the next cycle's planning, then a quarterly
 * check-in as the new cycle opens; and the annual offsite before each fiscal year.
 */
export function operatingCalendar(
  start: Day,
  months: Maybe<number>,
  weekday?: Maybe<string>,
  fiscalYearStartMonth?: Maybe<number>,
): CalendarEvent[] {
  const span = count("months", months, 1, 36, 12);
  const day = parseWeekday(weekday) ?? 2; // Tuesday
  const end = plusDays(start, Math.round(span * 30.44));
  const weeks = Math.ceil(daysBetween(start, end) / 7) + 1;
  const dates = meetingDates(
    "Weekly",
    start,
    weeks,
    ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][day],
  ).filter(d => daysBetween(d, end) >= 0);
  const events = new Map<string, CalendarEvent>();
  const put = (d: Day, kind: CalendarEvent["kind"], detail: string) =>
    events.set(isoDay(d), {date: isoDay(d), kind, detail});
  dates.forEach(d =>
    put(d, "Weekly leadership meeting", "Hot items, off-track key results, then most of the time on the top issues."),
  );
  // The first meeting of each month is the monthly executive review.
  let month = -1;
  for (const d of dates) {
    if (d.getUTCMonth() !== month) {
      month = d.getUTCMonth();
      put(
        d,
        "Monthly executive review",
        "A longer session: the health dashboard's trends, the budget and the OKR scorecard.",
      );
    }
  }
  // Around each cycle boundary: retrospective and planning before it, a quarterly check-in after it.
  for (let i = 0; i < dates.length; i++) {
    const cycle = okrCycle(dates[i], 3, fiscalYearStartMonth);
    const next = dates[i + 1];
    if (next && okrCycle(next, 3, fiscalYearStartMonth).name !== cycle.name) {
      put(
        dates[i],
        "OKR retrospective",
        `Score ${cycle.name}, look at what the scores say, and carry the lessons forward.`,
      );
      if (i > 0) {
        put(
          dates[i - 1],
          "OKR planning",
          `Draft the next cycle's objectives and key results; each supports an annual goal.`,
        );
      }
      const opening = okrCycle(next, 3, fiscalYearStartMonth);
      put(
        next,
        opening.number === 1 ? "Annual offsite" : "Quarterly check-in",
        opening.number === 1
          ? `A deep refresh of clarity and alignment to open ${opening.fiscalYear === cycle.fiscalYear ? cycle.name : `FY${opening.fiscalYear}`}.`
          : `Open ${opening.name}: revisit clarity and alignment and confirm the new OKRs.`,
      );
    }
  }
  return [...events.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface PlaybookTask {
  phase: string;
  day: number;
  task: string;
  tool: string;
  signal: string;
}

const Signals: Record<string, string> = {
  Clarity: "Leaders say the session settled questions the team had left open for years.",
  Alignment: "Leaders stop asking what they are meant to do and start arguing about how to do it best.",
  Cadence: "The meeting rhythm feels like the way the team works, not one more calendar entry.",
  "Develop and maintain": "Priorities stay shared quarter after quarter without anyone pushing.",
};

const Tasks: Array<[phase: string, day: number, task: string, tool: string]> = [
  ["Clarity", 1, "The senior leader commits to the rollout and tells the leadership team why it matters now.", ""],
  ["Clarity", 3, "Book a half-day or, better, a full day away from the usual meetings.", "MeetingDates"],
  ["Clarity", 10, "The facilitator talks one to one with each leader before the session.", ""],
  [
    "Clarity",
    20,
    "In the session the team answers the core strategy questions together.",
    "StrategicImperatives, AnnualGoals",
  ],
  ["Clarity", 25, "Write the answers down in shared words and find where agreement is weak.", "LeadershipAlignment"],
  ["Alignment", 31, "The senior leader briefs the strategic intent that came out of the clarity work.", ""],
  ["Alignment", 35, "Each leader prepares a back-brief: what they will do, how, and what they need.", "BackBriefs"],
  ["Alignment", 42, "A back-brief session brings gaps and misunderstandings into the open.", "BackBriefs"],
  ["Alignment", 50, "Repeat the back-briefs until the agreement is real rather than polite.", "LeadershipAlignment"],
  ["Alignment", 58, "Link every team objective to an annual goal.", "AlignmentFindings, Objectives"],
  [
    "Cadence",
    61,
    "Start the weekly leadership meeting, or reshape the one the team already has.",
    "MeetingAgenda, Cadence",
  ],
  ["Cadence", 65, "Turn staff meetings from status reports into problem solving.", "MeetingMix"],
  ["Cadence", 70, "Managers begin coaching-style one-to-ones.", ""],
  ["Cadence", 80, "Put the first quarterly strategic check-in on the calendar.", "Cadence"],
  [
    "Cadence",
    85,
    "Each leader starts the clarity work with their own team: the cascade begins.",
    "Objectives, KeyResults",
  ],
  [
    "Develop and maintain",
    91,
    "Quarterly check-in: revisit clarity and alignment, then plan the next cycle.",
    "CycleReview, OkrCandidates",
  ],
  ["Develop and maintain", 365, "Annual offsite: a deep refresh of the strategy and the team.", "Cadence"],
];

export function playbook(): PlaybookTask[] {
  return Tasks.map(([phase, day, task, tool]) => ({phase, day, task, tool, signal: Signals[phase]}));
}

// ------------------------------------------------------------------ the executive program

export interface ExecutiveSession {
  number: number;
  name: string;
  kind: "Alignment" | "Discovery" | "Decision" | "Synthesis";
  date: Day;
  preworkDue: Day;
  prework: string[];
  requiredSeats: string[];
  /** Each agenda item with its time box, from agendaTimes. */
  agenda: Array<{item: string; minutes: number; timeBox: string}>;
  minutes: number;
  outputs: string[];
}

/** The seats every core session needs. */
export const ExecutiveSeats = [
  "CEO",
  "Technology leader",
  "Finance leader",
  "People leader",
  "Product leader",
  "Delivery leader",
  "Risk and legal",
];

const Program: Array<{
  name: string;
  kind: ExecutiveSession["kind"];
  offset: number;
  prework: string[];
  agenda: Array<[string, number]>;
  outputs: string[];
}> = [
  {
    name: "Agree the end state",
    kind: "Alignment",
    offset: 0,
    prework: [
      "The current plan or strategy deck",
      "The top enterprise initiatives and where each stands",
      "Delivery and financial targets",
      "Regulatory and audit constraints",
      "The role map across functions",
    ],
    agenda: [
      ["Why we are here and what this cycle must decide", 20],
      ["Outcomes, priorities and non-negotiables", 35],
      ["Constraints: legal, talent, platform, budget", 30],
      ["Break", 10],
      ["What better means at 90 days, 6 and 12 months", 45],
      ["Trade-offs and real risk appetite", 30],
      ["Commitments and close", 10],
    ],
    outputs: [
      "End-state statement",
      "Success scorecard with metric definitions",
      "Constraints and risk guardrails",
      "Decision rights for the next sessions",
    ],
  },
  {
    name: "Map the current state",
    kind: "Discovery",
    offset: 14,
    prework: ["Stakeholder interviews", "Flow of work from idea to production", "Where work waits, by function"],
    agenda: [
      ["Readout: how work flows today", 30],
      ["Bottlenecks and what they cost", 40],
      ["Friction: slow decisions, unclear ownership, hand-offs", 30],
      ["What is true, plainly stated", 20],
    ],
    outputs: ["Current-state map", "Bottleneck register", "Constraint heat map by function", "What-is-true memo"],
  },
  {
    name: "Select the path",
    kind: "Decision",
    offset: 21,
    prework: ["Options written up with cost and time to impact", "Each function's pressure test of the options"],
    agenda: [
      ["Recap and non-negotiables", 25],
      ["The options, one by one", 50],
      ["Pressure test by function", 45],
      ["Break", 10],
      ["Scenarios and risk-adjusted comparison", 50],
      ["Decide and assign owners", 35],
      ["Direction and how we will say it", 25],
    ],
    outputs: [
      "Selected path with one accountable owner",
      "Rationale and rejected alternatives",
      "Key assumptions and failure conditions",
      "Owners by workstream",
    ],
  },
  {
    name: "Decision brief and action plan",
    kind: "Synthesis",
    offset: 28,
    prework: ["Draft 90-day plan from each workstream owner", "Budget and resourcing implications"],
    agenda: [
      ["The 90-day plan", 40],
      ["The 12-month roadmap", 30],
      ["Workstreams and their cadence", 25],
      ["Risk register: owners and triggers", 30],
      ["Commitments and close", 25],
    ],
    outputs: [
      "90-day execution plan",
      "12-month roadmap",
      "Workstreams and governance cadence",
      "Risk register with mitigation owners and triggers",
    ],
  },
];

/** The four executive sessions from the first one's date: pre-work due five business days before each, time-boxed agendas and outputs. */
export function executiveProgram(first: Day): ExecutiveSession[] {
  return Program.map((s, i) => {
    const date = plusDays(first, s.offset);
    const boxes = agendaTimes(s.agenda.map(a => a[1]));
    return {
      number: i + 1,
      name: s.name,
      kind: s.kind,
      date,
      preworkDue: preworkDue(date),
      prework: s.prework,
      requiredSeats: ExecutiveSeats,
      agenda: s.agenda.map(([item, minutes], k) => ({item, minutes, timeBox: boxes[k]})),
      minutes: s.agenda.reduce((n, a) => n + a[1], 0),
      outputs: s.outputs,
    };
  });
}
