import {People} from "./organization";
import type {Person} from "./types";

/**
 * Northstar's development work, kept in the leadership meeting doc: eight weeks
 * of one-to-ones between the CEO and the leaders who report to her, and
 * between leaders and their own reports; and each leader's few key metrics.
 *
 * The CEO meets the CRO weekly, and skipped the week of 18 November, when he
 * also missed the leadership meeting: that pair is overdue, with two of the
 * last one-to-one's commitments still open. The Customer Success lead has had
 * one one-to-one with her new CSM, so their cadence is the default.
 *
 * Key metrics: the CMO keeps none yet, the CFO (who holds two seats) keeps six,
 * the Chief Product Officer's short name for new-product revenue runs to four
 * words, the VP Customer Success calls two metrics "Churn", and the Chief
 * People Officer links the one-to-ones metric by a name the metrics doc does
 * not use. The other links name the metrics doc's health metrics and the team
 * docs' key results as they are.
 */

export interface OneOnOneSample {
  leader: Person;
  report: Person;
  date: string;
  notes: string;
  /** One a line; "[x]" or a tick marks one done. */
  commitments: string;
  next?: string;
  cadence?: string;
}

export interface LeaderMetricSample {
  leader: Person;
  metric: string;
  shortName: string;
  /** A health metric or key result, by its name; blank when not linked. */
  linkedTo: string;
}

export interface CoachingSample {
  oneOnOnes: OneOnOneSample[];
  leaderMetrics: LeaderMetricSample[];
}

const P = People;

/** The day the sample's one-to-ones are judged on: the next leadership meeting. */
export const CoachingAsOf = "2026-11-24";

type Meeting = [date: string, notes: string, commitments: string, next?: string];

const pair = (leader: Person, report: Person, meetings: Meeting[], cadence?: string): OneOnOneSample[] =>
  meetings.map(([date, notes, commitments, next]) => ({leader, report, date, notes, commitments, next, cadence}));

export function sampleCoaching(): CoachingSample {
  return {
    oneOnOnes: [
      ...pair(
        P.ceo,
        P.sales,
        [
          ["2026-09-30", "Q4 plan: bookings weighted to November.", "Share the enterprise deal review"],
          ["2026-10-07", "Two enterprise deals need executive sponsors.", "[x] Share the enterprise deal review"],
          ["2026-10-14", "Pipeline coverage slipping under 3x.", "Joint pipeline review with Priya"],
          ["2026-10-21", "New reps ramping slower than planned.", "[x] Joint pipeline review with Priya"],
          ["2026-10-28", "Agreed the two enterprise AE hires for Q1.", "Job descriptions for the two AE roles"],
          [
            "2026-11-04",
            "Win rate flat; losses are on price in late stages.",
            "[x] Job descriptions for the two AE roles\nDiscount guardrails for late-stage deals",
          ],
          [
            "2026-11-11",
            "Sales cycle still about 66 days; legal review adds a week to most deals.",
            "Bring a recovery plan for the sales cycle to the leadership meeting\nAgree a contract fast lane with legal\n[x] Discount guardrails for late-stage deals",
          ],
        ],
        "Weekly",
      ),
      ...pair(P.ceo, P.finance, [
        ["2026-10-01", "Hosting spend growing faster than customers.", "Hosting cost per customer by team"],
        ["2026-10-15", "Margin at 66%, heading for the red line.", "[x] Hosting cost per customer by team"],
        ["2026-10-29", "Operations seat still has only two responsibilities.", "Write up the Operations seat"],
        [
          "2026-11-12",
          "Margin below the red line until the hosting renewal; the freeze is holding.",
          "Three hosting renewal quotes by 27 November\nMargin bridge for the December board pack",
        ],
      ]),
      ...pair(P.ceo, P.product, [
        ["2026-10-02", "Partner beta started with 5 partners.", "Beta partner success criteria"],
        ["2026-10-16", "Docs are the blocker partners name first.", "[x] Beta partner success criteria"],
        ["2026-10-30", "Two technical writers on the API docs.", "Docs plan with dates"],
        [
          "2026-11-13",
          "Partner beta stalled on the docs; the quickstart slipped.",
          "Publish the partner API quickstart\nName an owner for partner certification",
          "2026-11-27",
        ],
      ]),
      ...pair(P.ceo, P.engineering, [
        ["2026-10-05", "Latency work planned around caching.", "Caching plan for the top dashboards"],
        ["2026-10-19", "Missed the hosting cost meeting; caught up here.", "[x] Caching plan for the top dashboards"],
        ["2026-11-02", "p95 latency down a third.", "Capacity audit for Finance"],
        [
          "2026-11-16",
          "Latency work ahead of plan; caching did most of it.",
          "✓ Capacity audit for Finance\nHoliday on-call rotation",
        ],
      ]),
      ...pair(
        P.ceo,
        P.people,
        [
          ["2026-10-08", "Director searches under way.", "Interview panels for the director roles"],
          ["2026-10-22", "One director offer declined late.", "[x] Interview panels for the director roles"],
          [
            "2026-11-05",
            "Engagement survey results in; managers want more coaching.",
            "Coaching rhythm for new managers",
          ],
          [
            "2026-11-19",
            "Two director searches restarted; he needs interview time from every leader.",
            "Interview slots from every leader by Friday\nCoaching rhythm check-in at the offsite",
          ],
        ],
        "Every 2 weeks",
      ),
      ...pair(P.sales, P.success, [
        ["2026-10-20", "Backlog climbing since the pricing change.", "Backlog drivers by ticket type"],
        ["2026-10-27", "Help center agreed as the way out.", "[x] Backlog drivers by ticket type"],
        ["2026-11-03", "Decision made to move tier-1 questions.", "Help-center migration plan"],
        ["2026-11-10", "Migration plan not started; swarm rotation helping.", "Help-center migration plan"],
        [
          "2026-11-18",
          "Backlog above 300; the help-center plan is late.",
          "Help-center migration plan by Friday\nTop five ticket drivers to Product",
        ],
      ]),
      ...pair(P.sales, P.marketing, [
        ["2026-10-08", "Webinars outperform paid search.", "Customer speakers for Q1"],
        ["2026-10-22", "Brand refresh taking agency time.", "[x] Customer speakers for Q1"],
        ["2026-11-05", "Pipeline coverage under target for Q1.", "Q1 campaign plan"],
        [
          "2026-11-19",
          "Brand refresh not tied to a goal; Q1 themes briefing is late.",
          "Brief marketing on the Q1 themes\nTie the brand refresh to an annual goal or stop it",
        ],
      ]),
      ...pair(P.sales, P.ae, [
        ["2026-10-29", "Win rate at half of plan.", "Loss review of the last ten deals"],
        ["2026-11-05", "Losses cluster on late-stage price.", "[x] Loss review of the last ten deals"],
        ["2026-11-12", "Two deals stuck in legal.", "Escalate the two legal reviews"],
        [
          "2026-11-19",
          "One deal through legal; the other waits on the fast lane.",
          "Partner pricing sheet by 1 December\n[x] Escalate the two legal reviews",
        ],
      ]),
      ...pair(P.product, P.pm, [
        ["2026-10-30", "Beta partners at 7 of 20.", "Office hours for beta partners"],
        ["2026-11-06", "Integrations behind the plan.", "[x] Office hours for beta partners"],
        ["2026-11-13", "Onboarding self-serve on track.", "Two integration guides"],
        [
          "2026-11-20",
          "Beta partners at 9 of 20; integrations still behind.",
          "Call the five quiet beta partners\nPublish two integration guides",
        ],
      ]),
      ...pair(P.engineering, P.sre, [
        ["2026-10-09", "Warehouse migration planned in three waves.", "Wave one reports list"],
        ["2026-10-23", "Wave one done.", "[x] Wave one reports list"],
        ["2026-11-06", "One sev-1 this month.", "Postmortem for the November sev-1"],
        [
          "2026-11-20",
          "Warehouse migration half done.",
          "[x] Postmortem for the November sev-1\nMove the finance reports next",
        ],
      ]),
      ...pair(P.success, P.csm, [
        [
          "2026-11-16",
          "First one-to-one since Ivy joined the team; churn is the focus.",
          "Save plans for the ten largest at-risk accounts",
        ],
      ]),
    ],
    leaderMetrics: [
      {leader: P.ceo, metric: "Net new ARR", shortName: "New ARR", linkedTo: "Net new ARR"},
      {leader: P.ceo, metric: "Net revenue retention", shortName: "NRR", linkedTo: "Net revenue retention"},
      {leader: P.ceo, metric: "Cash runway", shortName: "Runway", linkedTo: "Cash runway"},
      {leader: P.sales, metric: "Mid-market bookings", shortName: "Bookings", linkedTo: "New mid-market bookings"},
      {leader: P.sales, metric: "Win rate", shortName: "Win rate", linkedTo: "Win rate on qualified opportunities"},
      {leader: P.sales, metric: "Sales cycle", shortName: "Cycle days", linkedTo: "Average sales cycle in days"},
      {leader: P.finance, metric: "Gross margin", shortName: "Margin", linkedTo: "Gross margin"},
      {leader: P.finance, metric: "Cash runway", shortName: "Runway", linkedTo: "Cash runway"},
      {leader: P.finance, metric: "Burn multiple", shortName: "Burn", linkedTo: "Burn multiple"},
      {
        leader: P.finance,
        metric: "Hosting cost per customer",
        shortName: "Hosting cost",
        linkedTo: "Hosting cost per customer per month",
      },
      {
        leader: P.finance,
        metric: "Days to close the books",
        shortName: "Close days",
        linkedTo: "Days to close the books",
      },
      {leader: P.finance, metric: "Vendor contracts renewed on time", shortName: "Renewals", linkedTo: ""},
      {
        leader: P.product,
        metric: "Partners building on the beta",
        shortName: "Beta partners",
        linkedTo: "Partners building on the beta",
      },
      {
        leader: P.product,
        metric: "Revenue from new products",
        shortName: "New product revenue share",
        linkedTo: "Revenue from products under two years old",
      },
      {leader: P.product, metric: "Experiments shipped", shortName: "Experiments", linkedTo: "Experiments shipped"},
      {leader: P.engineering, metric: "Uptime", shortName: "Uptime", linkedTo: "Uptime"},
      {leader: P.engineering, metric: "p95 query latency", shortName: "Latency", linkedTo: "p95 query latency in ms"},
      {leader: P.engineering, metric: "On-time delivery", shortName: "On time", linkedTo: "On-time delivery"},
      {leader: P.success, metric: "Support backlog", shortName: "Backlog", linkedTo: "Support backlog"},
      {leader: P.success, metric: "Net revenue retention", shortName: "NRR", linkedTo: "Net revenue retention"},
      {
        leader: P.success,
        metric: "Gross revenue churn",
        shortName: "Churn",
        linkedTo: "Gross revenue churn this quarter",
      },
      {leader: P.success, metric: "Logo churn", shortName: "Churn", linkedTo: ""},
      {leader: P.people, metric: "Regretted attrition", shortName: "Attrition", linkedTo: "Regretted attrition"},
      {
        leader: P.people,
        metric: "Director roles filled",
        shortName: "Directors hired",
        linkedTo: "Director roles filled",
      },
      {
        leader: P.people,
        metric: "Managers with weekly 1:1s",
        shortName: "Weekly 1:1s",
        linkedTo: "Managers with weekly one-on-ones",
      },
    ],
  };
}
