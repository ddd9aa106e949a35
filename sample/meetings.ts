import type {DisciplineSample} from "./meeting_history";
import {sampleDiscipline} from "./meeting_history";
import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's leadership meeting doc: the leaders, four past weekly meetings and
 * their agenda items, the issues list, the decision log, action items,
 * back-briefs, each leader's ranking of the priorities, and messages to cascade.
 */

export interface MeetingSample {
  leaders: Array<{person: Person; role: string; seniority: number}>;
  meetings: Array<{date: string; facilitator: Person; items: Array<[item: string, kind: string, minutes: number]>}>;
  issues: Array<{title: string; priority: string; owner: Person; source: string; raised: string; status: string}>;
  decisions: Array<{
    decision: string;
    owners: Person[];
    approvers: Person[];
    consulted: Person[];
    lane: string;
    date: string;
    rationale: string;
    rejected: string;
    assumptions: string;
    review: string;
    issue?: string;
  }>;
  actions: Array<{action: string; owner: Person; due: string; status: string; source: string}>;
  backBriefs: Array<{leader: Person; will: string; how: string; need: string; objective: string}>;
  rankings: Array<{leader: Person; ranking: string}>;
  messages: Array<{message: string; audience: string; meeting: string}>;
  /** Seats, meeting records and ratings, issue votes: meeting discipline. */
  discipline?: DisciplineSample;
}

const P = People;

export const NextMeeting = "2026-11-24";

export function sampleMeetings(): MeetingSample {
  return {
    leaders: [
      {person: P.ceo, role: "CEO", seniority: 1},
      {person: P.sales, role: "Chief Revenue Officer", seniority: 2},
      {person: P.finance, role: "Chief Financial Officer", seniority: 2},
      {person: P.product, role: "Chief Product Officer", seniority: 2},
      {person: P.engineering, role: "Chief Technology Officer", seniority: 2},
      {person: P.success, role: "VP Customer Success", seniority: 3},
      {person: P.marketing, role: "Chief Marketing Officer", seniority: 3},
      {person: P.people, role: "Chief People Officer", seniority: 3},
    ],
    meetings: [
      {
        date: "2026-10-27",
        facilitator: P.finance,
        items: [
          ["Check-in", "Check-in", 5],
          ["Department updates", "Status", 45],
          ["Sales cycle length", "Problem solving", 30],
          ["Close", "Check-in", 10],
        ],
      },
      {
        date: "2026-11-03",
        facilitator: P.product,
        items: [
          ["Check-in", "Check-in", 5],
          ["Metrics review", "Status", 30],
          ["Support backlog", "Problem solving", 35],
          ["Help-center decision", "Decision", 10],
          ["Close", "Check-in", 10],
        ],
      },
      {
        date: "2026-11-10",
        facilitator: P.engineering,
        items: [
          ["Check-in", "Check-in", 5],
          ["Hot items", "Information", 10],
          ["Partner API docs", "Problem solving", 40],
          ["Hosting spend", "Decision", 15],
          ["Updates", "Status", 15],
          ["Close", "Check-in", 5],
        ],
      },
      {
        date: "2026-11-17",
        facilitator: P.success,
        items: [
          ["Check-in", "Check-in", 5],
          ["Hot items and off-track KRs", "Information", 15],
          ["Gross margin", "Problem solving", 35],
          ["Director hiring", "Problem solving", 20],
          ["Updates", "Status", 10],
          ["Close", "Check-in", 5],
        ],
      },
    ],
    issues: [
      {
        title: "Support backlog keeps growing after the pricing change",
        priority: "High",
        owner: P.success,
        source: "Hot metric: Support backlog",
        raised: "2026-11-03",
        status: "Open",
      },
      {
        title: "Partners stall in the beta because the API docs are incomplete",
        priority: "High",
        owner: P.product,
        source: "Off-track key result: Partners building on the beta",
        raised: "2026-11-10",
        status: "Open",
      },
      {
        title: "Gross margin under 65% until the hosting contract is renewed",
        priority: "High",
        owner: P.finance,
        source: "Hot metric: Gross margin",
        raised: "2026-11-17",
        status: "Open",
      },
      {
        title: "Enterprise deals take longer to close",
        priority: "Medium",
        owner: P.sales,
        source: "Off-track key result: Average sales cycle in days",
        raised: "2026-10-27",
        status: "Open",
      },
      {
        title: "The director hiring pipeline is thin",
        priority: "Medium",
        owner: P.people,
        source: "",
        raised: "2026-11-10",
        status: "Open",
      },
      {
        title: "The brand refresh is not tied to an annual goal",
        priority: "Low",
        owner: P.marketing,
        source: "",
        raised: "2026-10-20",
        status: "Open",
      },
      {
        title: "The Q3 board pack went out late",
        priority: "Medium",
        owner: P.finance,
        source: "",
        raised: "2026-09-29",
        status: "Solved",
      },
    ],
    decisions: [
      {
        decision: "Move tier-1 support questions to the new help center",
        owners: [P.success],
        approvers: [P.ceo],
        consulted: [P.product],
        lane: "Coordinated",
        date: "2026-11-03",
        rationale: "Half of the backlog is questions the help center can answer.",
        rejected: "Hiring four more agents; outsourcing tier 1.",
        assumptions: "Customers accept self-service for simple questions.",
        review: "2026-11-24",
        issue: "Support backlog keeps growing after the pricing change",
      },
      {
        decision: "Freeze non-critical hosting spend until the renewal",
        owners: [P.finance, P.engineering],
        approvers: [P.ceo, P.product, P.sales],
        consulted: [],
        lane: "Coordinated",
        date: "2026-11-10",
        rationale: "Margin is below the red line; hosting is the largest variable cost.",
        rejected: "Raising prices mid-contract.",
        assumptions: "No launch needs new capacity before January.",
        review: "2026-12-15",
        issue: "Gross margin under 65% until the hosting contract is renewed",
      },
      {
        decision: "Hire two enterprise account executives in Q1",
        owners: [P.sales],
        approvers: [P.ceo],
        consulted: [P.finance],
        lane: "Decided alone",
        date: "2026-10-27",
        rationale: "Enterprise pipeline covers the plan only with more sellers.",
        rejected: "Moving mid-market reps up.",
        assumptions: "Ramp time stays under five months.",
        review: "2027-01-15",
      },
      {
        decision: "Publish the partner API docs before general availability",
        owners: [P.product],
        approvers: [P.product],
        consulted: [P.engineering],
        lane: "Decided alone",
        date: "2026-11-10",
        rationale: "Partners cannot build without them.",
        rejected: "Launching with a reference only.",
        assumptions: "Two writers can finish in three weeks.",
        review: "2026-11-17",
        issue: "Partners stall in the beta because the API docs are incomplete",
      },
    ],
    actions: [
      {
        action: "Draft the help-center migration plan",
        owner: P.success,
        due: "2026-11-13",
        status: "Open",
        source: "Move tier-1 support questions to the new help center",
      },
      {
        action: "Get three hosting renewal quotes",
        owner: P.finance,
        due: "2026-11-27",
        status: "Open",
        source: "Freeze non-critical hosting spend until the renewal",
      },
      {
        action: "Write the partner API quickstart",
        owner: P.product,
        due: "2026-11-10",
        status: "Open",
        source: "Meeting 2026-11-03",
      },
      {
        action: "Share the enterprise deal review",
        owner: P.sales,
        due: "2026-11-06",
        status: "Done",
        source: "Meeting 2026-10-27",
      },
      {
        action: "Publish the director job descriptions",
        owner: P.people,
        due: "2026-11-14",
        status: "Done",
        source: "Meeting 2026-11-10",
      },
      {
        action: "Brief marketing on the Q1 themes",
        owner: P.marketing,
        due: "2026-11-18",
        status: "Open",
        source: "Meeting 2026-11-10",
      },
      {
        action: "Close the Q3 board pack retrospective",
        owner: P.finance,
        due: "2026-10-30",
        status: "Done",
        source: "Meeting 2026-10-27",
      },
    ],
    backBriefs: [
      {
        leader: P.sales,
        will: "Win 40 new mid-market logos",
        how: "A vertical playbook for two industries",
        need: "Two solution engineers",
        objective: "Close the quarter with record mid-market bookings",
      },
      {
        leader: P.finance,
        will: "Bring gross margin back above 70%",
        how: "Renegotiate hosting and retire unused capacity",
        need: "Engineering time for the capacity audit",
        objective: "Bring cost to serve down",
      },
      {
        leader: P.product,
        will: "Take the partner API to general availability",
        how: "Docs first, then a certification program",
        need: "",
        objective: "Ship the partner API to general availability",
      },
      {
        leader: P.engineering,
        will: "Halve p95 query latency",
        how: "Caching layer and query planner work",
        need: "A freeze on new report types for six weeks",
        objective: "Make the platform fast and dependable at scale",
      },
      {
        leader: P.success,
        will: "Cut the support backlog below 150",
        how: "Help-center deflection and a swarm rotation",
        need: "Product fixes for the top five ticket drivers",
        objective: "Turn at-risk accounts into advocates",
      },
      {
        leader: P.marketing,
        will: "Refresh the brand across every channel",
        how: "New guidelines and a site relaunch",
        need: "Budget for the agency",
        objective: "",
      },
      {
        leader: P.people,
        will: "Fill the director roles",
        how: "Two retained searches and referrals",
        need: "Interview time from every leader",
        objective: "Hire the leaders the plan needs",
      },
    ],
    rankings: [
      {leader: P.ceo, ranking: "Mid-market growth, Margin, Partner API, Retention, Hiring"},
      {leader: P.sales, ranking: "Mid-market growth, Hiring, Retention, Margin, Partner API"},
      {leader: P.finance, ranking: "Margin, Mid-market growth, Retention, Partner API, Hiring"},
      {leader: P.product, ranking: "Partner API, Mid-market growth, Retention, Margin, Hiring"},
      {leader: P.engineering, ranking: "Partner API, Margin, Mid-market growth, Retention, Hiring"},
      {leader: P.success, ranking: "Retention, Mid-market growth, Margin, Partner API, Hiring"},
      {leader: P.marketing, ranking: "Mid-market growth, Retention, Partner API, Hiring, Margin"},
      {leader: P.people, ranking: "Hiring, Mid-market growth, Retention, Margin, Partner API"},
    ],
    messages: [
      {message: "Non-critical hosting spend is frozen until the renewal", audience: "All teams", meeting: NextMeeting},
      {
        message: "Tier-1 support questions move to the help center from December",
        audience: "Customer-facing teams",
        meeting: NextMeeting,
      },
    ],
    discipline: sampleDiscipline(),
  };
}
