import * as coda from "@codahq/packs-sdk";
import type {Day} from "../src/engine/calendar";
import {PathOptionSchema, RoadmapItemSchema} from "../schemas/decision";
import {DecisionSchema} from "../schemas/meetings";
import {executiveBriefMarkdown} from "../src/sync/brief_source";
import {choosePath, pathDecisionRows} from "../src/sync/path_rows";
import {roadmapSyncRows} from "../src/sync/roadmap_rows";
import {resolveDocId} from "../src/api/client";
import {handleError} from "./errors";
import {svgImage} from "./pictures";
import {AsOfParam, dayOrToday, param, DecidedOnParam} from "./params";
import {ColumnsParam, Connected, MeetingDocParam, MetricsDocParam, OkrDocsParam, tableParam} from "./sync_params";
import {syncTable} from "./sync_table";
import {DependencyTables, PathTables} from "../src/sync/tables";

/**
 * Executive sessions 3 and 4: the options weighed and the path chosen, the
 * roadmap that carries it, and the decision-grade brief built from both.
 */

export const PathDecision = syncTable({
  name: "PathDecision",
  description:
    "The decision session's pathway options, each scored on the criteria, weighted, discounted for execution risk and ranked, with the option the decision log chose and, on the top option, the smallest change of one weight that would flip the choice.",
  formulaDescription: "Reads the Options and Criteria tables and the decision log of the leadership meeting doc.",
  schema: PathOptionSchema,
  table: PathTables.options,
  parameters: [MeetingDocParam, tableParam(PathTables.options), ColumnsParam, AsOfParam],
  rows: (a, context) => pathDecisionRows(context, a),
});

/** Day 1 of the 90-day blueprint and the 12 months, shared by Roadmap and ExecutiveBrief so both number weeks alike. */
const StartParam = param({
  type: coda.ParameterType.Date,
  name: "start",
  description:
    "Day 1 of the plan, where week 1 and month 1 start: a date from the year 1000 to 9999, read in the doc's time zone. Default the as-of day.",
  optional: true,
});

const planStart = (start: Date | undefined, asOf: Day, context: coda.ExecutionContext): Day =>
  start === undefined ? asOf : dayOrToday("start", start, context);

export const Roadmap = syncTable({
  name: "Roadmap",
  description:
    "The milestones placed in the 90-day blueprint's 13 weeks and the 12 months, late and blocked with their gates; the first row holds the 12-month picture and this week's operating review.",
  formulaDescription: "Reads the Milestones and Dependencies tables of the leadership meeting doc.",
  schema: RoadmapItemSchema,
  table: DependencyTables.milestones,
  parameters: [MeetingDocParam, StartParam, tableParam(DependencyTables.milestones), ColumnsParam, AsOfParam],
  rows: (a, context) => roadmapSyncRows(context, {...a, start: planStart(a.start, a.asOf, context)}, svgImage),
});

export const ChoosePath = coda.makeFormula({
  name: "ChoosePath",
  description:
    "Records the decision session's choice: adds the chosen option to the decision log with its one owner, the rationale, the rejected alternatives with their scores, the assumptions, the failure conditions and the workstream owners, and returns the decision. An option that does not rank first needs a rationale. Safe to run again: the decision is keyed on its words and the day, so running it again updates that decision and never adds a second.",
  isAction: true,
  connectionRequirement: Connected,
  parameters: [
    MeetingDocParam,
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "option",
      description: "The chosen option, by its name in the Options table.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "owner",
      description:
        "The email of the one person accountable for the path (a name alone only when the Owner column is text).",
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "rationale",
      description: "Why this option. Required when it does not rank first; else its ranking is recorded.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "assumptions",
      description: "What must hold true for the path to stay right.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "failureConditions",
      description: "What would show the path was wrong.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.StringArray,
      name: "workstreamOwners",
      description: 'The executive owner of each workstream, as "Workstream: owner email".',
      optional: true,
    }),
    DecidedOnParam,
  ],
  resultType: coda.ValueType.Object,
  schema: DecisionSchema,
  onError: handleError,
  examples: [
    {
      params: [
        "NsMeet001",
        "Hybrid",
        "maya@northstar.example.com",
        undefined,
        "Four engineers move to the partner team without slowing the core roadmap",
        "Fewer than five partners live by the end of Q1",
        ["Partner platform: tom@northstar.example.com", "Core platform: hana@northstar.example.com"],
        "2026-11-10",
      ],
      result: {
        Id: "NsMeet001/i-new0001",
        Name: "Chosen path: Hybrid",
        Summary:
          'Decision "Chosen path: Hybrid", owned by Maya Lindqvist, decided 2026-11-10 (Coordinated); no review date.',
        Owner: {
          Name: "Maya Lindqvist",
          Email: "maya@northstar.example.com",
        },
        Lane: "Coordinated",
        Date: "2026-11-10",
        Rationale:
          'Ranks first of 3 on the risk-adjusted score (59%), ahead of "Transform in place" (45%). Workstream owners: Partner platform — tom@northstar.example.com; Core platform — hana@northstar.example.com.',
        RejectedAlternatives:
          "Transform in place (rank 2, score 56%, risk-adjusted 45%); Parallel model (rank 3, score 45%, risk-adjusted 36%)",
        Assumptions: "Four engineers move to the partner team without slowing the core roadmap",
        DueForReview: false,
        FailureConditions: "Fewer than five partners live by the end of Q1",
        Link: "https://docs.superhuman.com/d/_dNsMeet001/#Decisions_tmt0024/_rui-new0001",
      },
    },
  ],
  execute: async function (
    [meetingDoc, option, owner, rationale, assumptions, failureConditions, workstreamOwners, date],
    context,
  ) {
    return choosePath(context, {
      meetingDoc,
      option,
      owner,
      rationale,
      assumptions,
      failureConditions,
      workstreamOwners,
      today: dayOrToday("date", date, context),
    });
  },
});

export const ExecutiveBrief = coda.makeFormula({
  name: "ExecutiveBrief",
  description:
    "The decision-grade executive brief, one page of Markdown from the docs as they are today: the chosen path and why, the success scorecard, constraints and risk appetite, the first 90 days, the risks with their owners and triggers, and the decisions and asks. Every number is the one the sync tables show.",
  connectionRequirement: Connected,
  parameters: [MeetingDocParam, MetricsDocParam, OkrDocsParam, AsOfParam, StartParam],
  resultType: coda.ValueType.String,
  codaType: coda.ValueHintType.Markdown,
  cacheTtlSecs: 0,
  onError: handleError,
  examples: [
    {
      params: ["NsMeet001", "Ns_Health-1", undefined, "2026-11-24"],
      result: [
        "# Executive decision brief: Hybrid",
        "",
        "For the board and the leadership team, as of 2026-11-24.",
        "",
        "## The path",
        "",
        "**Chosen:** Hybrid — score 65%, risk-adjusted 59%. Accountable owner: Maya Lindqvist.",
        "",
        "**Why:** Partner revenue in the first half without betting the core: the new team ships the API while the core teams learn from it.",
        "",
        "**Assumptions:** Four engineers move to the partner team without slowing the core roadmap; Beta partners wait for general availability.",
        "",
        "**Failure conditions:** Fewer than five partners live by the end of Q1; Gross margin still under 65% in February.",
        "",
        "**Rejected alternatives:**",
        "",
        "- Transform in place — score 56%, risk-adjusted 45%: too slow for the partners waiting on the API",
        "- Parallel model — score 45%, risk-adjusted 36%: double running costs while margin is under the red line",
        "",
        "## Success scorecard",
        "",
        "| Metric | Definition | Target | Green at | Red at | Owner |",
        "|---|---|---|---|---|---|",
        "| Support backlog | Operations, in tickets, weekly; latest 338 on 2026-11-20 (Red) | — | 150 | 300 | Lena Fischer |",
        "| Gross margin | Finance, in %, weekly; latest 62.8 on 2026-11-20 (Red) | — | 75 | 65 | Grace Mbeki |",
        "| Pipeline coverage | Growth, in x, weekly; latest 2.45 on 2026-11-20 (Yellow) | — | 3 | 2 | Priya Natarajan |",
        "| Net revenue retention | Growth, in %, weekly; latest 106 on 2026-11-20 (Yellow) | — | 112 | 100 | Lena Fischer |",
        "| Burn multiple | Finance, in x, weekly; latest 1.63 on 2026-11-20 (Yellow) | — | 1.5 | 2.5 | Grace Mbeki |",
        "| Regretted attrition | Talent, in % a year, weekly; latest 8.72 on 2026-11-20 (Yellow) | — | 6 | 12 | Sam Whitaker |",
        "| Employee NPS | Culture, in points, weekly; latest 25.5 on 2026-11-20 (Yellow) | — | 30 | 10 | Sam Whitaker |",
        "| Revenue from products under two years old | Innovation, in %, weekly; latest 17.1 on 2026-11-20 (Yellow) | — | 20 | 10 | Tom Okafor |",
        "",
        "+7 more",
        "",
        "## Constraints and risk appetite",
        "",
        "- Red line: No release skips the security review (Hana Sato)",
        "- Red line: No revenue booked before the contract is signed (Grace Mbeki)",
        "- Red line: Nobody hears about a role change from anyone but their manager (Sam Whitaker)",
        "- Red line: No customer data goes to a partner without the customer's consent (Lena Fischer)",
        "- Two senior platform roles open since August (Engineering, Talent, Critical)",
        "- SOC 2 Type II evidence for every production change (Security, Regulatory, 4)",
        "- One shared staging environment (Engineering, Platform, High)",
        "- Hosting spend frozen until the renewal (Finance, Budget, 4)",
        "- +7 more",
        "",
        "**Risk appetite:** Tolerance from 1 (avoid risk) to 5 (seek risk): Revenue 2–4, Cash 1, Platform 2–5, Customers 2, People 3. Risk tolerance on Platform spreads widest, from 2 (Hana Sato) to 5 (Tom Okafor): start the next conversation there.",
        "",
        "## The first 90 days",
        "",
        "| Week | Milestone | Owner | Due |",
        "|---|---|---|---|",
        "| 2 | Capacity audit finished | Hana Sato | 2026-12-05 |",
        "| 4 | Hosting contract renewed | Grace Mbeki | 2026-12-15 |",
        "| 7 | Enterprise pricing tiers (blocked) | Diego Ramos | 2027-01-05 |",
        "| 7 | Enterprise onboarding playbook (blocked) | Lena Fischer | 2027-01-10 |",
        "| 9 | Partner API general availability | Tom Okafor | 2027-01-20 |",
        "| 12 | Partner certification program | Aisha Rahman | 2027-02-15 |",
        "",
        "## Risks",
        "",
        "| Risk | Likelihood | Impact | Mitigation | Owner | Trigger |",
        "|---|---|---|---|---|---|",
        "| Margin stays under the red line into next year | 4 of 5 | 4 of 5 | Renegotiate hosting and retire unused capacity | Grace Mbeki | Gross margin \\< 65 (Fired) |",
        '| Partners build on a rival platform | 3 of 5 | 4 of 5 | Docs first, then certification | Aisha Rahman | KR "Partners building on the beta" confidence \\< 25% (Unknown) |',
        "| Slow support answers cost renewals | 3 of 5 | 4 of 5 | Help-center deflection and a swarm rotation | Lena Fischer | — |",
        "| Runway shortens if the enterprise push stalls | 2 of 5 | 5 of 5 | Reforecast monthly; hold back the second hiring wave | Finance | Cash runway \\< 18 (Armed) |",
        "| Senior engineers leave after the reorganization | 3 of 5 | 3 of 5 | Stay interviews with every senior engineer | — | Regretted attrition rises for 3 weeks (Unknown) |",
        "",
        "## Decisions and asks",
        "",
        "**Decisions:**",
        "",
        "- Review: Move tier-1 support questions to the new help center (due 2026-11-24) — Lena Fischer",
        "- Review: Publish the partner API docs before general availability (due 2026-11-17; a failure condition is met) — Tom Okafor",
        "",
        "**Asks:**",
        "",
        "- Support backlog keeps growing after the pricing change (of Lena Fischer)",
        "- Gross margin under 65% until the hosting contract is renewed (of Grace Mbeki)",
        "- Partners stall in the beta because the API docs are incomplete (of Tom Okafor)",
        "",
      ].join("\n"),
    },
  ],
  execute: async function ([meetingDoc, metricsDoc, okrDocs, asOf, start], context) {
    const day = dayOrToday("asOf", asOf, context);
    return executiveBriefMarkdown(context, {
      docId: await resolveDocId(context, meetingDoc),
      metricsDoc: metricsDoc || undefined,
      okrDocs: (okrDocs ?? []).filter(d => d && d.trim()),
      asOf: day,
      start: planStart(start, day, context),
    });
  },
});

export const decisionSyncTables = [PathDecision, Roadmap];
export const decisionFormulas: coda.Formula[] = [ChoosePath, ExecutiveBrief];
