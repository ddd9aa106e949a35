import {day, isoDay, plusDays} from "../src/engine/calendar";
import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's current-state diagnosis (executive session 2, "Map the current
 * state"), kept in the leadership meeting doc:
 *
 * - fourteen stakeholder interviews, thirteen held in October; the platform and
 *   security group is not heard yet (the Security and Compliance seat is
 *   empty, so its interview with the SRE lead is still only planned), and the
 *   CRO's notes name no evidence;
 * - a bottleneck register of eight, one closed, one without a quantified
 *   impact (legal redlines on partner agreements), and the shared staging
 *   environment moved from Build to Test since the last review;
 * - ten work items of the partner API and the core product through five
 *   stages, as work and waiting, with two overhead items (the weekly status
 *   deck and the release sign-off pack): items wait longest in the security
 *   review queue, in all and per item, the register's largest bottleneck;
 * - eleven constraints across eight functions and all six kinds.
 */

export interface DiagnosisSample {
  interviews: Array<{person: string; group: string; date: string; done: boolean; findings: string}>;
  bottlenecks: Array<{
    bottleneck: string;
    function: string;
    stage: string;
    hours?: number;
    money?: number;
    delayDays?: number;
    evidence: string;
    owner: Person;
    status: string;
    lastStage?: string;
    lastRank?: number;
  }>;
  /** One row per stretch of a work item in a stage; a blank `left` is still open. */
  flow: Array<{item: string; stage: string; entered: string; left?: string; kind: "Work" | "Wait"; overhead: boolean}>;
  constraints: Array<{constraint: string; function: string; kind: string; severity: string}>;
}

const P = People;

/** The day the diagnosis is read on: the next leadership meeting. */
export const DiagnosisAsOf = "2026-11-24";

/** The interview group nobody from has been interviewed yet. */
export const UnheardGroup = "Platform and security";

/** Stretches of one work item: the stage, work or wait, and how many days, back to back from its start. */
type Step = [stage: string, kind: "Work" | "Wait", days: number];

interface ItemPlan {
  item: string;
  start: string;
  steps: Step[];
  /** The last stretch has not ended yet. */
  open?: boolean;
  overhead?: boolean;
}

const Discovery = "Discovery";
const Build = "Build";
const Review = "Security review";
const Test = "Test";
const Release = "Release";

const plans: ItemPlan[] = [
  {
    item: "PAPI-112 Webhook retries",
    start: "2026-10-01",
    steps: [
      [Discovery, "Work", 2],
      [Build, "Wait", 3],
      [Build, "Work", 5],
      [Review, "Wait", 8],
      [Review, "Work", 1],
      [Test, "Wait", 2],
      [Test, "Work", 2],
      [Release, "Wait", 6],
      [Release, "Work", 1],
    ],
  },
  {
    item: "NS-2041 Usage export",
    start: "2026-10-02",
    steps: [
      [Discovery, "Work", 1],
      [Build, "Work", 4],
      [Review, "Wait", 5],
      [Review, "Work", 1],
      [Test, "Wait", 3],
      [Test, "Work", 1],
      [Release, "Wait", 6],
      [Release, "Work", 1],
    ],
  },
  {
    item: "PAPI-118 OAuth scopes",
    start: "2026-10-05",
    steps: [
      [Discovery, "Work", 3],
      [Build, "Wait", 4],
      [Build, "Work", 6],
      [Review, "Wait", 10],
      [Review, "Work", 2],
      [Test, "Work", 2],
      [Release, "Wait", 5],
      [Release, "Work", 1],
    ],
  },
  {
    item: "NS-2057 Saved views",
    start: "2026-10-08",
    steps: [
      [Discovery, "Work", 2],
      [Build, "Wait", 2],
      [Build, "Work", 7],
      [Review, "Wait", 6],
      [Review, "Work", 1],
      [Test, "Work", 2],
      [Release, "Wait", 4],
      [Release, "Work", 1],
    ],
  },
  {
    item: "NS-2063 SSO for mid-market",
    start: "2026-10-12",
    steps: [
      [Discovery, "Work", 4],
      [Build, "Wait", 5],
      [Build, "Work", 8],
      [Review, "Wait", 12],
      [Review, "Work", 2],
      [Test, "Wait", 0],
    ],
    open: true,
  },
  {
    item: "NS-2070 Query cache",
    start: "2026-10-15",
    steps: [
      [Discovery, "Work", 2],
      [Build, "Work", 9],
      [Review, "Wait", 7],
      [Review, "Work", 1],
      [Test, "Wait", 2],
      [Test, "Work", 3],
      [Release, "Wait", 5],
      [Release, "Work", 1],
    ],
  },
  {
    item: "NS-2075 Alert digests",
    start: "2026-10-20",
    steps: [
      [Discovery, "Work", 1],
      [Build, "Wait", 6],
      [Build, "Work", 4],
      [Review, "Wait", 9],
      [Review, "Work", 1],
      [Test, "Work", 2],
      [Release, "Wait", 7],
      [Release, "Work", 1],
    ],
  },
  {
    item: "PAPI-124 Rate-limit headers",
    start: "2026-10-26",
    steps: [
      [Discovery, "Work", 1],
      [Build, "Wait", 3],
      [Build, "Work", 5],
      [Review, "Wait", 0],
    ],
    open: true,
  },
  {
    item: "NS-2081 Admin audit log",
    start: "2026-11-02",
    steps: [
      [Discovery, "Work", 3],
      [Build, "Wait", 2],
      [Build, "Work", 6],
      [Review, "Wait", 0],
    ],
    open: true,
  },
  {
    item: "NS-2090 Billing sync fix",
    start: "2026-11-09",
    steps: [
      [Discovery, "Work", 1],
      [Build, "Work", 2],
      [Review, "Wait", 4],
      [Review, "Work", 1],
      [Test, "Work", 1],
      [Release, "Wait", 3],
      [Release, "Work", 1],
    ],
  },
  {
    item: "Weekly status deck",
    start: "2026-10-05",
    steps: [
      ["Reporting", "Work", 2],
      ["Reporting", "Wait", 5],
      ["Reporting", "Work", 2],
      ["Reporting", "Wait", 5],
      ["Reporting", "Work", 2],
    ],
    overhead: true,
  },
  {
    item: "Release sign-off pack",
    start: "2026-10-13",
    steps: [
      [Release, "Work", 2],
      [Release, "Wait", 6],
      [Release, "Work", 2],
    ],
    overhead: true,
  },
];

/** The plans as rows of the Flow table: each stretch from where the last ended; an open item's last stretch has no Left. */
function flowRows(): DiagnosisSample["flow"] {
  const rows: DiagnosisSample["flow"] = [];
  for (const plan of plans) {
    let at = day(plan.start);
    plan.steps.forEach(([stage, kind, days], i) => {
      const last = i === plan.steps.length - 1;
      const left = plusDays(at, days);
      rows.push({
        item: plan.item,
        stage,
        entered: isoDay(at),
        left: last && plan.open ? undefined : isoDay(left),
        kind,
        overhead: Boolean(plan.overhead),
      });
      at = left;
    });
  }
  return rows;
}

export function sampleDiagnosis(): DiagnosisSample {
  return {
    interviews: [
      {
        person: P.ceo.name,
        group: "Executive sponsors",
        date: "2026-10-14",
        done: true,
        findings:
          "Wants the partner API live in Q1; the last two launches slipped 3 and 5 weeks against the board plan.",
      },
      {
        person: P.sales.name,
        group: "Executive sponsors",
        date: "2026-10-15",
        done: true,
        findings: "Engineering never says no to a custom request, and everything feels slow to customers.",
      },
      {
        person: P.success.name,
        group: "Executive sponsors",
        date: "2026-10-16",
        done: true,
        findings: "Escalations to engineering doubled since July: 118 in October by the support log.",
      },
      {
        person: P.product.name,
        group: "Product and engineering leads",
        date: "2026-10-15",
        done: true,
        findings: "8 of 19 epics were reopened after design review last quarter; specs change after build starts.",
      },
      {
        person: P.engineering.name,
        group: "Product and engineering leads",
        date: "2026-10-16",
        done: true,
        findings:
          "Security review is the queue everyone waits in: the SEC board shows a median of 9 days before anyone picks a change up.",
      },
      {
        person: P.pm.name,
        group: "Product and engineering leads",
        date: "2026-10-19",
        done: true,
        findings: "Partner API tickets wait for the Thursday release board; 23 of 26 releases in Q3 waited for it.",
      },
      {
        person: "Ravi Menon",
        group: "Managers and senior ICs",
        date: "2026-10-19",
        done: true,
        findings: "Staging is booked out: the booking sheet shows 31 conflicts in October, most in the test week.",
      },
      {
        person: "Elena Petrova",
        group: "Managers and senior ICs",
        date: "2026-10-20",
        done: true,
        findings: "Senior engineers spend about 6 hours a week on escalations and status updates instead of building.",
      },
      {
        person: "Kwame Asante",
        group: "Managers and senior ICs",
        date: "2026-10-21",
        done: true,
        findings: "Two platform roles open since August; the on-call rotation is down to 5 people.",
      },
      {
        person: P.csm.name,
        group: "Managers and senior ICs",
        date: "2026-10-21",
        done: true,
        findings: "Customers quote “three weeks for a one-line fix”; the support backlog passed 300 tickets.",
      },
      {
        person: P.finance.name,
        group: "Finance, legal and people partners",
        date: "2026-10-21",
        done: true,
        findings: "Vendor requests take a median of 12 business days in the procurement log; hosting spend is frozen.",
      },
      {
        person: P.people.name,
        group: "Finance, legal and people partners",
        date: "2026-10-22",
        done: true,
        findings:
          "Engineering offers take 34 days from final interview to offer against 21 for the rest of the company.",
      },
      {
        person: "Noor Haddad",
        group: "Finance, legal and people partners",
        date: "2026-10-23",
        done: true,
        findings: "Every partner agreement gets custom redlines; 7 are waiting on legal, per the contracts tracker.",
      },
      {person: P.sre.name, group: UnheardGroup, date: "2026-11-26", done: false, findings: ""},
    ],
    bottlenecks: [
      {
        bottleneck: "Security review queue",
        function: "Security",
        stage: Review,
        hours: 14,
        delayDays: 30,
        evidence: "SEC board: median 9 days in queue across 41 changes; the partner API beta slipped 30 days",
        owner: P.engineering,
        status: "Open",
        lastStage: Review,
        lastRank: 1,
      },
      {
        bottleneck: "Weekly release board",
        function: "Engineering",
        stage: Release,
        hours: 18,
        delayDays: 4,
        evidence: "Release calendar: 23 of 26 Q3 releases waited for the Thursday board",
        owner: P.sre,
        status: "Open",
        lastStage: Release,
        lastRank: 4,
      },
      {
        bottleneck: "Shared staging environment",
        function: "Engineering",
        stage: Test,
        hours: 15,
        money: 92_000,
        evidence: "Staging booking sheet: 31 conflicts in October",
        owner: P.sre,
        status: "Open",
        lastStage: Build,
        lastRank: 3,
      },
      {
        bottleneck: "Escalations interrupt engineers",
        function: "Customer Success",
        stage: Build,
        hours: 25,
        evidence: "On-call log: 118 escalations in October, about 25 engineer-hours a week",
        owner: P.success,
        status: "Open",
        lastStage: Build,
        lastRank: 2,
      },
      {
        bottleneck: "Vendor procurement sign-off",
        function: "Finance",
        stage: Discovery,
        delayDays: 12,
        evidence: "Procurement log: 6 requests this half, median 12 business days",
        owner: P.finance,
        status: "Open",
        lastStage: Discovery,
        lastRank: 5,
      },
      {
        bottleneck: "Rework after design review",
        function: "Product",
        stage: Discovery,
        hours: 12,
        evidence: "8 of 19 epics reopened after design review in Q3",
        owner: P.product,
        status: "Open",
        lastStage: Discovery,
        lastRank: 6,
      },
      {
        bottleneck: "Legal redlines on partner agreements",
        function: "Legal",
        stage: "Partner onboarding",
        evidence: "Contracts tracker: 7 partner agreements waiting on legal",
        owner: P.finance,
        status: "Open",
      },
      {
        bottleneck: "Duplicate board status reports",
        function: "Finance",
        stage: "Reporting",
        hours: 6,
        evidence: "Time survey, September: 6 hours a week across the leads",
        owner: P.finance,
        status: "Resolved",
        lastStage: "Reporting",
        lastRank: 7,
      },
    ],
    flow: flowRows(),
    constraints: [
      {
        constraint: "SOC 2 Type II evidence for every production change",
        function: "Security",
        kind: "Regulatory",
        severity: "4",
      },
      {
        constraint: "EU customers need their data kept in the EU",
        function: "Security",
        kind: "Regulatory",
        severity: "3",
      },
      {
        constraint: "Partner agreements need redlines before API access",
        function: "Legal",
        kind: "Legal",
        severity: "3 - Medium",
      },
      {
        constraint: "Enterprise contracts carry custom data-processing terms",
        function: "Sales",
        kind: "Legal",
        severity: "Low",
      },
      {
        constraint: "Two senior platform roles open since August",
        function: "Engineering",
        kind: "Talent",
        severity: "Critical",
      },
      {constraint: "Recruiting team of two for 40 open roles", function: "People", kind: "Talent", severity: "3"},
      {constraint: "One shared staging environment", function: "Engineering", kind: "Platform", severity: "High"},
      {
        constraint: "Hosting spend frozen until the renewal",
        function: "Finance",
        kind: "Budget",
        severity: "4",
      },
      {constraint: "No budget for a second test environment", function: "Engineering", kind: "Budget", severity: "3"},
      {
        constraint: "Three launches already queued for Q1",
        function: "Product",
        kind: "Change capacity",
        severity: "3",
      },
      {
        constraint: "Support team still absorbing the new help center",
        function: "Customer Success",
        kind: "Change capacity",
        severity: "2",
      },
    ],
  };
}
