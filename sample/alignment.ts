import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's executive alignment work, kept in the leadership meeting doc: the
 * leaders' charter (with one outcome the CRO has not signed up to and a lane two
 * leaders both claim), the risk register with live triggers, the dependencies
 * between milestones and key results (one blocked gate, one cycle), and the
 * four-session executive program, whose last session still waits on pre-work.
 * Mitigation owners and required seats name the Seats table's seats or their
 * holders: one mitigation belongs to the Finance seat, one to a product
 * manager who holds no seat, and the last session leaves its seats to the
 * seats required in executive sessions.
 */

export interface AlignmentSample {
  outcomes: Array<{outcome: string; agreed: Person[]; notYet: Person[]; note: string}>;
  tolerance: Array<{
    leader: Person;
    area: string;
    atRisk: string;
    failure: string;
    cascades: string;
    tolerance: number;
  }>;
  redLines: Array<{leader: Person; redLine: string; grounds: string}>;
  expertise: Array<{leader: Person; defersTo: Person; domain: string}>;
  lanes: Array<{leader: Person; decision: string; authority: string; with: Person[]}>;
  /** Extra columns of the decision log, by decision. */
  decisions: Array<{decision: string; kind: string; failure: string; failureMet: boolean}>;
  /** A risk's mitigation owner: a person, or a seat named in words. */
  risks: Array<{
    risk: string;
    area: string;
    likelihood: number;
    impact: number;
    mitigation: string;
    owner?: Person | string;
    trigger: string;
    status: string;
    review: string;
  }>;
  milestones: Array<{milestone: string; team: string; owner: Person; due: string; status: string; days: number}>;
  dependencies: Array<{item: string; dependsOn: string; neededBy?: string; note: string}>;
  /** Seats and confirmations name seats or their holders; blank seats take the seats required in executive sessions. */
  sessions: Array<{
    session: string;
    kind: string;
    date: string;
    seats: string;
    confirmed: string;
    outputs: string;
    delivered: string;
  }>;
  prework: Array<{input: string; session: string; from: Person; due?: string; received: boolean}>;
}

const P = People;
const everyone = [P.ceo, P.sales, P.finance, P.product, P.engineering, P.success, P.marketing, P.people];
const Seats = "Chief Executive, Revenue, Finance, Product, Engineering, People";
const Holders = [P.ceo, P.sales, P.finance, P.product, P.engineering, P.people].map(p => p.name).join(", ");

/** The executive program's decision session: the one that must end with a decision. */
export const DecisionSession = "Select the path";
/** The next executive session, still waiting on pre-work. */
export const NextSession = "Decision brief and action plan";

export function sampleAlignment(): AlignmentSample {
  return {
    outcomes: [
      {
        outcome: "Net revenue retention of 115% by year end",
        agreed: everyone,
        notYet: [],
        note: "Every team touches renewals.",
      },
      {
        outcome: "Gross margin back above 70% by the end of Q1",
        agreed: everyone.filter(p => p !== P.sales),
        notYet: [P.sales],
        note: "Diego worries tighter discount limits cost enterprise deals this quarter.",
      },
      {outcome: "The partner API generally available in Q1", agreed: everyone, notYet: [], note: ""},
    ],
    tolerance: [
      {
        leader: P.sales,
        area: "Revenue",
        atRisk: "Enterprise deals slipping into next year",
        failure: "ARR more than 10% under plan",
        cascades: "Hiring plan, cash runway",
        tolerance: 4,
      },
      {
        leader: P.finance,
        area: "Revenue",
        atRisk: "Bookings bought with deep discounts",
        failure: "Margin under 65% for two quarters",
        cascades: "Cash runway, the board's confidence",
        tolerance: 2,
      },
      {
        leader: P.finance,
        area: "Cash",
        atRisk: "Runway if growth stalls",
        failure: "Under 18 months of runway",
        cascades: "Every hiring plan",
        tolerance: 1,
      },
      {
        leader: P.engineering,
        area: "Platform",
        atRisk: "Reliability under partner load",
        failure: "A severity-1 outage during the launch",
        cascades: "Retention, partner trust",
        tolerance: 2,
      },
      {
        leader: P.product,
        area: "Platform",
        atRisk: "Shipping the API after partners lose patience",
        failure: "Partners building on a rival platform",
        cascades: "The integrations goal",
        tolerance: 5,
      },
      {
        leader: P.success,
        area: "Customers",
        atRisk: "The support backlog after the pricing change",
        failure: "Renewals lost to slow answers",
        cascades: "Net revenue retention",
        tolerance: 2,
      },
      {
        leader: P.people,
        area: "People",
        atRisk: "Senior engineers leaving",
        failure: "Two or more regretted exits a quarter",
        cascades: "The platform roadmap",
        tolerance: 3,
      },
    ],
    redLines: [
      {leader: P.engineering, redLine: "No release skips the security review", grounds: "Safety"},
      {leader: P.finance, redLine: "No revenue booked before the contract is signed", grounds: "Legal"},
      {leader: P.people, redLine: "Nobody hears about a role change from anyone but their manager", grounds: "Values"},
      {
        leader: P.success,
        redLine: "No customer data goes to a partner without the customer's consent",
        grounds: "Ethics",
      },
    ],
    expertise: [
      {leader: P.sales, defersTo: P.finance, domain: "Pricing floors and discount limits"},
      {leader: P.product, defersTo: P.engineering, domain: "Platform reliability"},
      {leader: P.ceo, defersTo: P.people, domain: "Leadership hiring"},
      {leader: P.finance, defersTo: P.sales, domain: "Enterprise deal structure"},
    ],
    lanes: [
      {leader: P.finance, decision: "Pricing and discounts", authority: "Owns outright", with: []},
      {leader: P.sales, decision: "Pricing and discounts", authority: "Owns outright", with: []},
      {leader: P.product, decision: "Product roadmap", authority: "Decides alone", with: []},
      {leader: P.engineering, decision: "Architecture and hosting", authority: "Decides alone", with: []},
      {leader: P.success, decision: "Support operations", authority: "Decides alone", with: []},
      {leader: P.sales, decision: "Sales hiring", authority: "Decides alone", with: []},
      {leader: P.finance, decision: "Headcount plan", authority: "Coordinates", with: [P.people]},
      {leader: P.people, decision: "Headcount plan", authority: "Coordinates", with: [P.finance]},
      {leader: P.marketing, decision: "Brand and campaigns", authority: "Coordinates", with: []},
    ],
    decisions: [
      {
        decision: "Move tier-1 support questions to the new help center",
        kind: "Support operations",
        failure: "Backlog still above 250 tickets by mid-December",
        failureMet: false,
      },
      {
        decision: "Freeze non-critical hosting spend until the renewal",
        kind: "Architecture and hosting",
        failure: "A launch needs capacity the freeze blocks",
        failureMet: false,
      },
      {
        decision: "Hire two enterprise account executives in Q1",
        kind: "",
        failure: "Ramp time above five months",
        failureMet: false,
      },
      {
        decision: "Publish the partner API docs before general availability",
        kind: "Product roadmap",
        failure: "Fewer than five partners building on the beta by the review",
        failureMet: true,
      },
    ],
    risks: [
      {
        risk: "Margin stays under the red line into next year",
        area: "Finance",
        likelihood: 4,
        impact: 4,
        mitigation: "Renegotiate hosting and retire unused capacity",
        owner: P.finance,
        trigger: "Gross margin < 65",
        status: "Mitigating",
        review: "2026-12-15",
      },
      {
        risk: "Runway shortens if the enterprise push stalls",
        area: "Finance",
        likelihood: 2,
        impact: 5,
        mitigation: "Reforecast monthly; hold back the second hiring wave",
        owner: "Finance",
        trigger: "Cash runway < 18",
        status: "Open",
        review: "2027-01-15",
      },
      {
        risk: "Partners build on a rival platform",
        area: "Platform",
        likelihood: 3,
        impact: 4,
        mitigation: "Docs first, then certification",
        owner: P.pm,
        trigger: 'KR "Partners building on the beta" confidence < 25%',
        status: "Open",
        review: "2026-12-01",
      },
      {
        risk: "Senior engineers leave after the reorganization",
        area: "People",
        likelihood: 3,
        impact: 3,
        mitigation: "Stay interviews with every senior engineer",
        trigger: "Regretted attrition rises for 3 weeks",
        status: "Open",
        review: "2026-12-10",
      },
      {
        risk: "Slow support answers cost renewals",
        area: "Customers",
        likelihood: 3,
        impact: 4,
        mitigation: "Help-center deflection and a swarm rotation",
        owner: P.success,
        trigger: "",
        status: "Open",
        review: "2026-11-10",
      },
    ],
    milestones: [
      {
        milestone: "Partner API general availability",
        team: "Product",
        owner: P.product,
        due: "2027-01-20",
        status: "At risk",
        days: 20,
      },
      {
        milestone: "Partner certification program",
        team: "Product",
        owner: P.pm,
        due: "2027-02-15",
        status: "Not started",
        days: 15,
      },
      {
        milestone: "Capacity audit finished",
        team: "Engineering",
        owner: P.engineering,
        due: "2026-12-05",
        status: "On track",
        days: 8,
      },
      {
        milestone: "Hosting contract renewed",
        team: "Finance",
        owner: P.finance,
        due: "2026-12-15",
        status: "On track",
        days: 10,
      },
      {
        milestone: "Enterprise pricing tiers",
        team: "Sales",
        owner: P.sales,
        due: "2027-01-05",
        status: "Not started",
        days: 5,
      },
      {
        milestone: "Enterprise onboarding playbook",
        team: "Customer Success",
        owner: P.success,
        due: "2027-01-10",
        status: "Not started",
        days: 10,
      },
    ],
    dependencies: [
      {
        item: "Partner API general availability",
        dependsOn: "Partners building on the beta",
        neededBy: "2026-12-31",
        note: "General availability needs the beta partners live.",
      },
      {
        item: "Partner API general availability",
        dependsOn: "p95 query latency in ms",
        note: "Partner load needs the faster queries.",
      },
      {
        item: "Partner certification program",
        dependsOn: "Partner API general availability",
        note: "Certification runs on the generally available API.",
      },
      {
        item: "Hosting contract renewed",
        dependsOn: "Capacity audit finished",
        note: "The renewal is sized by the audit.",
      },
      {
        item: "Enterprise pricing tiers",
        dependsOn: "Enterprise onboarding playbook",
        note: "Tiers are priced on the playbook's cost to serve.",
      },
      {
        item: "Enterprise onboarding playbook",
        dependsOn: "Enterprise pricing tiers",
        note: "The playbook differs by tier.",
      },
    ],
    sessions: [
      {
        session: "Agree the end state",
        kind: "Alignment",
        date: "2026-10-13",
        seats: Seats,
        confirmed: Seats,
        outputs: "End-state statement; Success scorecard; Risk guardrails; Decision rights",
        delivered: "End-state statement; Success scorecard; Risk guardrails",
      },
      {
        session: "Map the current state",
        kind: "Discovery",
        date: "2026-10-27",
        seats: Seats,
        confirmed: Holders,
        outputs: "Current-state map; Bottleneck register; What-is-true memo",
        delivered: "Current-state map; Bottleneck register; What-is-true memo",
      },
      {
        session: DecisionSession,
        kind: "Decision",
        date: "2026-11-10",
        seats: Seats,
        confirmed: Seats,
        outputs: "Selected path; Rejected alternatives; Failure conditions",
        delivered: "Selected path; Rejected alternatives; Failure conditions",
      },
      {
        session: NextSession,
        kind: "Synthesis",
        date: "2026-12-08",
        seats: "",
        confirmed: "Chief Executive, Grace Mbeki, Tom Okafor, Engineering",
        outputs: "90-day plan; 12-month roadmap; Risk register with owners",
        delivered: "",
      },
    ],
    prework: [
      {input: "Current plan and top initiatives", session: "Agree the end state", from: P.ceo, received: true},
      {input: "Stakeholder interview notes", session: "Map the current state", from: P.people, received: true},
      {input: "Options with cost and time to impact", session: DecisionSession, from: P.finance, received: true},
      {input: "Draft 90-day plan for the partner API", session: NextSession, from: P.product, received: true},
      {input: "Draft 90-day plan for margin", session: NextSession, from: P.finance, received: false},
      {
        input: "Hiring plan for the selected path",
        session: NextSession,
        from: P.people,
        due: "2026-11-23",
        received: false,
      },
    ],
  };
}
