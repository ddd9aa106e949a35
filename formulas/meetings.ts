import * as coda from "@codahq/packs-sdk";
import {isoDay, toDay} from "../src/engine/calendar";
import {Ranges} from "../src/engine/contract";
import {
  agendaTimes,
  Cadences,
  decisionCheck,
  leadershipAlignment,
  meetingDates,
  meetingMix,
  MeetingKinds,
  rolloutPhase,
  Weekdays,
} from "../src/engine/meetings";
import {AlignmentSchema, MeetingMixSchema, RolloutSchema} from "../schemas/meetings";
import {Authorities, lanesFrom, laneCheck} from "../src/engine/charter";
import {handleError} from "./errors";
import {AsOfParam, dayOrToday} from "./params";

/** Meeting formulas: time boxes, the meeting's mix, meeting dates, the rollout, alignment and decision ownership. */

const none = coda.ConnectionRequirement.None;

export const AgendaTimes = coda.makeFormula({
  name: "AgendaTimes",
  description:
    "The time box of each agenda item from their minutes: offsets from the start such as 00:00–00:20, or clock times when startTime is given. An agenda past midnight names the day, such as Day 2 09:00.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "minutes",
      description: `The minutes of each agenda item, in order: ${Ranges.minutes}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "startTime",
      description: "When the meeting starts, such as 09:00 or 2:30 PM. Optional.",
      optional: true,
    }),
  ],
  resultType: coda.ValueType.Array,
  items: coda.makeSchema({type: coda.ValueType.String}),
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [[5, 20, 45, 10]], result: ["00:00–00:05", "00:05–00:25", "00:25–01:10", "01:10–01:20"]},
    {params: [[5, 50, 5], "9:30 AM"], result: ["09:30–09:35", "09:35–10:25", "10:25–10:30"]},
    {params: [[600, 600], "8:00 PM"], result: ["20:00–Day 2 06:00", "Day 2 06:00–Day 2 16:00"]},
  ],
  execute: async function ([minutes, startTime]) {
    return agendaTimes(minutes, startTime);
  },
});

export const MeetingMix = coda.makeFormula({
  name: "MeetingMix",
  description: `The share of a meeting's time spent on each kind of item (${MeetingKinds.join(", ")}), with a verdict when status updates take more than a quarter of the time.`,
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "kinds",
      description: `Each item's kind: ${MeetingKinds.join(", ")}.`,
      autocomplete: [...MeetingKinds],
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseNumberArray,
      name: "minutes",
      description: `Each item's minutes, one per kind: 0 to 1,440 each.`,
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: MeetingMixSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: [
        ["Check-in", "Status", "Problem solving", "Check-in"],
        [5, 40, 40, 5],
      ],
      result: {
        TotalMinutes: 90,
        ProblemSolving: 0.4444444444,
        Decision: 0,
        Status: 0.4444444444,
        Information: 0,
        CheckIn: 0.1111111111,
        Verdict:
          "Status updates take 44% of the meeting, more than a quarter: move them to a written pre-read and spend the time solving problems.",
      },
    },
  ],
  execute: async function ([kinds, minutes]) {
    const m = meetingMix(kinds, minutes);
    return {
      TotalMinutes: m.totalMinutes,
      ProblemSolving: m.problemSolving,
      Decision: m.decision,
      Status: m.status,
      Information: m.information,
      CheckIn: m.checkIn,
      Verdict: m.verdict,
    };
  },
});

export const MeetingDates = coda.makeFormula({
  name: "MeetingDates",
  description:
    "The next meeting dates for a cadence: Weekly and Biweekly on a weekday; Monthly, Quarterly and Annual on the same weekday of the month (such as the first Tuesday) as the first meeting on or after `from`.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "cadence",
      description: `${Cadences.join(", ")}.`,
      autocomplete: [...Cadences],
    }),
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "from",
      description: `The first day a meeting may fall on: ${Ranges.date}.`,
    }),
    coda.makeParameter({
      type: coda.ParameterType.Number,
      name: "count",
      description: "How many dates: a whole number from 1 to 520.",
      suggestedValue: 4,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "weekday",
      description: "The day of the week, such as Tuesday. Default: the weekday of `from`.",
      optional: true,
      autocomplete: [...Weekdays],
    }),
  ],
  resultType: coda.ValueType.Array,
  items: coda.makeSchema({type: coda.ValueType.String, codaType: coda.ValueHintType.Date}),
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: ["Weekly", "2026-11-20", 3, "Tuesday"], result: ["2026-11-24", "2026-12-01", "2026-12-08"]},
    {params: ["Monthly", "2026-12-01", 3], result: ["2026-12-01", "2027-01-05", "2027-02-02"]},
    {params: ["Quarterly", "2026-10-15", 3, "Thursday"], result: ["2026-10-15", "2027-01-21", "2027-04-15"]},
  ],
  execute: async function ([cadence, from, count, weekday], context) {
    return meetingDates(cadence, toDay("from", from, context.timezone), count, weekday).map(isoDay);
  },
});

export const RolloutPhase = coda.makeFormula({
  name: "RolloutPhase",
  description:
    "Where the 90-day rollout stands: the phase (Clarity days 1–30, Alignment 31–60, Cadence 61–90, then Develop and maintain), the day number, and the next milestone with its date.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.Date,
      name: "startDate",
      description: `Day 1 of the rollout: ${Ranges.date}.`,
    }),
    AsOfParam,
  ],
  resultType: coda.ValueType.Object,
  schema: RolloutSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: ["2026-11-02", "2026-11-20"],
      result: {
        Phase: "Clarity",
        Day: 19,
        NextMilestone: "Clarity complete: the leadership team shares one answer to the core strategy questions",
        MilestoneDate: "2026-12-01",
      },
    },
    {
      params: ["2026-06-01", "2026-11-20"],
      result: {
        Phase: "Develop and maintain",
        Day: 173,
        NextMilestone: "Quarterly check-in: revisit clarity and alignment",
        MilestoneDate: "2026-11-28",
      },
    },
  ],
  execute: async function ([startDate, asOf], context) {
    const r = rolloutPhase(toDay("startDate", startDate, context.timezone), dayOrToday("asOf", asOf, context));
    return {Phase: r.phase, Day: r.day, NextMilestone: r.nextMilestone, MilestoneDate: isoDay(r.milestoneDate)};
  },
});

export const LeadershipAlignment = coda.makeFormula({
  name: "LeadershipAlignment",
  description:
    "How much the leaders agree on their priorities: Kendall's coefficient of concordance W over each leader's ranking of the same priorities (0 = no agreement, 1 = full), the priorities they disagree on most, and a verdict.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "rankings",
      description:
        'One ranking per leader (2 to 200,000): the same 2 to 100 priorities as text, best first, separated by commas (such as "Growth, Margin, Hiring"); at most 2,000,000 ranks in all.',
    }),
  ],
  resultType: coda.ValueType.Object,
  schema: AlignmentSchema,
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {
      params: [["Growth, Margin, Hiring", "Growth, Hiring, Margin", "Growth, Margin, Hiring"]],
      result: {
        W: 0.7777777778,
        Leaders: 3,
        Items: 3,
        Consensus: "Growth, Margin, Hiring",
        Disagreements: "Hiring (ranked 2 to 3); Margin (ranked 2 to 3)",
        Verdict: "Strong agreement: the team shares its priorities.",
      },
    },
  ],
  execute: async function ([rankings]) {
    const r = leadershipAlignment(rankings);
    return {
      W: r.w,
      Leaders: r.leaders,
      Items: r.items,
      Consensus: r.consensus,
      Disagreements: r.disagreements,
      Verdict: r.verdict,
    };
  },
});

export const DecisionCheck = coda.makeFormula({
  name: "DecisionCheck",
  description:
    "What is wrong with how a decision is owned: no owner, more than one owner, more approvers than needed (over-collaboration), the owner also listed as an approver, and, given the lanes, a decision outside its owner's lane or over-collaboration on one its owner may take alone. Empty when it is sound.",
  parameters: [
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "owner",
      description: "The decision's owner: one person.",
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "approvers",
      description: "Who must approve it.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "consulted",
      description: "Who is consulted.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.String,
      name: "kind",
      description:
        "The kind of decision, as the Lanes table names it (such as Pricing and discounts), to check it against the lanes. Optional.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "laneLeaders",
      description: "The Lanes table's leaders, one per lane: up to 200,000. Optional.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "laneKinds",
      description: "Each lane's kind of decision, one per laneLeaders entry.",
      optional: true,
    }),
    coda.makeParameter({
      type: coda.ParameterType.SparseStringArray,
      name: "laneAuthorities",
      description: `Each lane's authority, one per laneLeaders entry: ${Authorities.join(", ")}.`,
      optional: true,
      autocomplete: [...Authorities],
    }),
  ],
  resultType: coda.ValueType.Array,
  items: coda.makeSchema({type: coda.ValueType.String}),
  connectionRequirement: none,
  onError: handleError,
  examples: [
    {params: [["Grace Mbeki"], ["Maya Lindqvist"]], result: []},
    {
      params: [
        ["Grace Mbeki", "Diego Ramos"],
        ["Grace Mbeki", "Maya Lindqvist", "Tom Okafor"],
      ],
      result: [
        "2 owners (Grace Mbeki, Diego Ramos): one person must be accountable; the others approve or are consulted.",
        "3 approvers is more than needed: over-collaboration slows decisions; keep at most 2 and consult the rest.",
        "Grace Mbeki both owns and approves the decision: the owner decides; approvers are other people.",
      ],
    },
    {
      params: [
        ["Grace Mbeki"],
        ["Maya Lindqvist"],
        [],
        "Architecture and hosting",
        ["Hana Sato", "Grace Mbeki"],
        ["Architecture and hosting", "Pricing and discounts"],
        ["Decides alone", "Owns outright"],
      ],
      result: [
        "Grace Mbeki owns this decision, but \"Architecture and hosting\" lies in Hana Sato's lane: the lane's owner decides, or the lanes change.",
      ],
    },
    {
      params: [
        ["Lena Fischer"],
        ["Maya Lindqvist"],
        [],
        "Support operations",
        ["Lena Fischer"],
        ["Support operations"],
        ["Decides alone"],
      ],
      result: [
        'Over-collaboration: "Support operations" is Lena Fischer\'s to decide alone, yet 1 approver signed off; consult if useful, but let the owner decide.',
      ],
    },
  ],
  execute: async function ([owner, approvers, consulted, kind, laneLeaders, laneKinds, laneAuthorities]) {
    const problems = decisionCheck(owner, approvers ?? [], consulted ?? []);
    const lanes = lanesFrom(laneLeaders ?? [], laneKinds ?? [], laneAuthorities ?? []);
    const names = (xs: ReadonlyArray<string | null | undefined>) =>
      xs.filter((x): x is string => typeof x === "string" && x.trim() !== "").map(x => x.trim());
    return [
      ...problems,
      ...laneCheck(
        {owners: names(owner), approvers: names(approvers ?? []), consulted: names(consulted ?? []), kind: kind ?? ""},
        lanes,
      ),
    ];
  },
});

export const meetingFormulas = [
  AgendaTimes,
  MeetingMix,
  MeetingDates,
  RolloutPhase,
  LeadershipAlignment,
  DecisionCheck,
];
