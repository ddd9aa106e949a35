import * as coda from "@codahq/packs-sdk";
import {card, date, flag, number, text, id, link, percent, PersonSchema, problems} from "./common";
import {Knowledge} from "./knowledge";

export const MeetingMixSchema = coda.makeObjectSchema({
  description: "How a meeting's time splits between problem solving and status.",
  properties: {
    TotalMinutes: {type: coda.ValueType.Number, description: "The meeting's length in minutes."},
    ProblemSolving: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share spent solving problems.",
    },
    Decision: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share spent making or reviewing decisions.",
    },
    Status: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share spent on status updates.",
    },
    Information: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share spent sharing information.",
    },
    CheckIn: {
      type: coda.ValueType.Number,
      codaType: coda.ValueHintType.Percent,
      description: "The share spent on check-in and close.",
    },
    Verdict: {
      type: coda.ValueType.String,
      description: "What the mix says, and what to change when status takes more than a quarter.",
    },
  },
  displayProperty: "Verdict",
});

export const RolloutSchema = coda.makeObjectSchema({
  description: "Where the 90-day rollout stands.",
  properties: {
    Phase: {
      type: coda.ValueType.String,
      description: "Clarity (days 1–30), Alignment (31–60), Cadence (61–90), then Develop and maintain.",
    },
    Day: {type: coda.ValueType.Number, description: "The day of the rollout; day 1 is the start date."},
    NextMilestone: {type: coda.ValueType.String, description: "The next milestone."},
    MilestoneDate: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Date,
      description: "When the next milestone is due.",
    },
  },
  displayProperty: "Phase",
});

export const AlignmentSchema = coda.makeObjectSchema({
  description: "How much the leaders agree on their priorities.",
  properties: {
    W: {
      type: coda.ValueType.Number,
      description: "Kendall's coefficient of concordance: 0 is no agreement, 1 full agreement.",
    },
    Leaders: {type: coda.ValueType.Number, description: "How many leaders ranked the priorities."},
    Items: {type: coda.ValueType.Number, description: "How many priorities each ranked."},
    Consensus: {type: coda.ValueType.String, description: "The priorities in the order of their mean rank."},
    Disagreements: {
      type: coda.ValueType.String,
      description: "The priorities whose ranks spread most, with their range.",
    },
    Verdict: {type: coda.ValueType.String, description: "What the agreement means for the team."},
  },
  displayProperty: "Verdict",
});

export const IssueSchema = coda.makeObjectSchema({
  description: "An issue on the leadership team's list, ranked for solving.",
  properties: {
    Id: id,
    Name: {...text("The issue."), required: true},
    Summary: text(
      "The issue in a sentence: priority, owner, what raised it, when, and whether it is still open, for search and answers.",
    ),
    Rank: number("Its place in the order for solving: open issues first, then by priority, then the oldest."),
    Priority: text("High, Medium or Low."),
    Owner: {...PersonSchema, description: "Who brings it to the meeting."},
    Source: text("Hot metric, Off-track key result, Raised by hand, or Other."),
    SourceDetail: text("What raised it, as written."),
    SourceLink: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Url,
      description: "A link to what raised it.",
    },
    Raised: date("When it was raised."),
    AgeDays: number("Days since it was raised."),
    Status: text("Open, Solved, Parked, …"),
    Open: flag("True while it still needs solving."),
    Problems: problems,
    Votes: number("How many people voted to take it up; the agenda takes the top three by votes, then priority."),
    Voters: text("Who voted for it."),
    Horizon: text("This week (the weekly meeting's list) or Long term (the quarterly meeting's list)."),
    Carried: number("How many meetings it was carried over unsolved."),
    Stuck: flag("True when it is open and was carried over 3 meetings or more."),
    Findings: text("What to do about it: a stuck issue says so. Blank when there is nothing to do."),
    Link: link,
  },
  ...card,
  featuredProperties: ["Rank", "Priority", "Owner", "Source", "AgeDays", "Status", "Votes"],
  identity: {name: "Issue"},
  index: Knowledge.Issues,
});

export const DecisionSchema = coda.makeObjectSchema({
  description: "A decision in the decision log, with one accountable owner.",
  properties: {
    Id: id,
    Name: {...text("The decision."), required: true},
    Summary: text(
      "The decision in a sentence: owner, date, lane, approvers, review date and any ownership problem, for search and answers.",
    ),
    Owner: {...PersonSchema, description: "The one person accountable for it."},
    Owners: text("All owners, when more than one is listed (a problem)."),
    Approvers: text("Who approved it."),
    Consulted: text("Who was consulted."),
    Lane: text("Decided alone, or coordinated with others."),
    Date: date("When it was decided."),
    Rationale: text("Why."),
    RejectedAlternatives: text("The options considered and rejected."),
    Assumptions: text("What must hold true for it to stay right."),
    ReviewDate: date("When to review it."),
    DueForReview: flag("True when its review date has come."),
    Issue: {
      ...coda.makeReferenceSchemaFromObjectSchema(IssueSchema),
      description: "The issue it settles.",
    },
    Kind: text("The kind of decision, as the Lanes table names it, such as Pricing and discounts."),
    FailureConditions: text("What would show the decision was wrong."),
    FailureMet: flag("True when a failure condition is marked met."),
    Hot: flag("True when its review date has come and a failure condition is met: it goes to the meeting."),
    Check: text(
      "Ownership problems (see DecisionCheck), including a decision outside its owner's lane; blank when sound.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Owner", "Date", "ReviewDate", "DueForReview", "Check"],
  identity: {name: "Decision"},
  index: Knowledge.Decisions,
});

export const ActionItemSchema = coda.makeObjectSchema({
  description: "An action item from a meeting or a decision.",
  properties: {
    Id: id,
    Name: {...text("The action."), required: true},
    Summary: text(
      "The action item in a sentence: owner, due date, status, days overdue and where it came from, for search and answers.",
    ),
    Owner: {...PersonSchema, description: "Who does it."},
    Due: date("When it is due."),
    Status: text("Open, Done, …"),
    Done: flag("True when it is done."),
    Overdue: flag("True when it is not done and its due date has passed."),
    DaysOverdue: number("Days past its due date."),
    Source: text("The meeting or decision it came from."),
    OwnerCompletionRate: percent("The share of its owner's action items that are done."),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Owner", "Due", "Status", "Overdue", "OwnerCompletionRate"],
  identity: {name: "ActionItem"},
  index: Knowledge.ActionItems,
});

export const BackBriefSchema = coda.makeObjectSchema({
  description: "A leader's back-brief on the strategic intent: what they will do, how, and what they need.",
  properties: {
    Id: id,
    Name: {...text("The leader and their intent."), required: true},
    Leader: {...PersonSchema, description: "The leader."},
    WillDo: text("What they will do."),
    How: text("How they will do it."),
    Need: text("What they need from the team."),
    Objective: text("The objective it serves."),
    Gaps: text("What is missing: no need stated, no linked objective, …"),
    Complete: flag("True when nothing is missing."),
    Link: link,
  },
  ...card,
  featuredProperties: ["Leader", "WillDo", "Need", "Objective", "Gaps"],
  identity: {name: "BackBrief"},
  index: Knowledge.BackBriefs,
});

export const AgendaItemSchema = coda.makeObjectSchema({
  description: "An item of the next leadership meeting's agenda, built from live data.",
  properties: {
    Id: {...id, description: "The meeting doc's id, the meeting date and the item's place."},
    Name: {...text("The item."), required: true},
    Order: number("Its place on the agenda."),
    Kind: text("Check-in, Information, Problem solving, Decision or Status."),
    Minutes: number("Its time box in minutes."),
    TimeBox: text("Its time box from the meeting's start, such as 00:05–00:25."),
    Owner: text("Who leads it."),
    Source: text("Where it came from: Health metrics, OKRs, Issues, Decision log, Action items or Meeting."),
    SourceLink: {
      type: coda.ValueType.String,
      codaType: coda.ValueHintType.Url,
      description: "A link to the row it came from.",
    },
    Facilitator: text("The meeting's facilitator: leaders take turns, and the most senior leader does not facilitate."),
    MeetingDate: date("The meeting's date."),
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  linkProperty: "SourceLink",
  featuredProperties: ["TimeBox", "Kind", "Owner", "Source"],
  identity: {name: "AgendaItem"},
});

export const CadenceEventSchema = coda.makeObjectSchema({
  description: "A date in the operating calendar.",
  properties: {
    Id: {...id, description: "The event's date."},
    Name: {...text("The meeting."), required: true},
    Date: date("When."),
    Cycle: text("The OKR cycle it falls in."),
    Detail: text("What it is for."),
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  featuredProperties: ["Date", "Cycle", "Detail"],
  identity: {name: "CadenceEvent"},
});

export const PlaybookTaskSchema = coda.makeObjectSchema({
  description: "A task of the 90-day rollout.",
  properties: {
    Id: {...id, description: "The phase and day."},
    Name: {...text("The task."), required: true},
    Phase: text("Clarity, Alignment, Cadence, or Develop and maintain."),
    Day: number("The day of the rollout it is due."),
    Date: date("The date it is due."),
    Tools: text("The pack's building blocks that help with it."),
    Signal: text("How you know the phase succeeded."),
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  featuredProperties: ["Phase", "Date", "Tools", "Signal"],
  identity: {name: "PlaybookTask"},
});
