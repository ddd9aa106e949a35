import * as coda from "@codahq/packs-sdk";
import {card, date, flag, id, link, number, PersonSchema, problems, text} from "./common";
import {Knowledge} from "./knowledge";

/** The executive alignment sync tables: the leaders' charter, the risk register, dependency gates and executive sessions. */

const findings = text("What the charter's answers say needs talking about, or blank when nothing does.");

export const CharterItemSchema = coda.makeObjectSchema({
  description:
    "One leader's answer to one of the charter's five questions: what we own together, risk tolerance, red lines, expertise, and lanes.",
  properties: {
    Id: id,
    Name: {...text("The answer in a line."), required: true},
    Question: text("Shared outcome, Risk tolerance, Red line, Expertise or Lane."),
    Leader: {
      ...PersonSchema,
      description: "The leader who answered (blank for a shared outcome, which belongs to all).",
    },
    Subject: text("The outcome, area, domain or kind of decision the answer is about."),
    Answer: text("The answer as written: the red line, what is at risk, the authority over a decision."),
    Tolerance: number("For risk tolerance: 1 (avoid risk) to 5 (seek risk)."),
    Agreed: text("For a shared outcome: the leaders who agree they share it."),
    NotYet: text("For a shared outcome: the leaders who have not agreed yet, or have not answered."),
    With: text("For a lane: who the leader coordinates with; for expertise: whom the leader defers to."),
    Open: flag("True when the answer needs a conversation (a finding)."),
    Findings: findings,
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Question", "Leader", "Subject", "Findings"],
  identity: {name: "CharterItem"},
  index: Knowledge.Charter,
});

export const RiskSchema = coda.makeObjectSchema({
  description: "A risk in the register, with its trigger judged against live health metrics and key results.",
  properties: {
    Id: id,
    Name: {...text("The risk."), required: true},
    Area: text("The area it sits in."),
    Likelihood: number("How likely, 1 (rare) to 5 (almost certain)."),
    Impact: number("How bad if it happens, 1 (minor) to 5 (severe)."),
    Score: number("Likelihood times impact, 1 to 25."),
    Mitigation: text("What is being done about it."),
    MitigationOwner: text("The seat or person who owns the mitigation."),
    MitigationHolder: text(
      "When the meeting doc keeps a Seats table: the person who holds the mitigation owner's seat, with the seat, such as Grace Mbeki (Finance).",
    ),
    Trigger: text("The condition on live data that says the risk is happening, as written."),
    TriggerState: text(
      "Fired (the condition holds), Armed (it does not), Unknown (the data cannot say) or No trigger.",
    ),
    TriggerReading: text("The values the trigger was judged on."),
    TriggerError: text(
      "Why the trigger cannot be read or judged: the position and what was expected, or a name that does not exist.",
    ),
    Status: text("Open, Mitigating, Accepted or Closed."),
    ReviewDate: date("When the risk is next reviewed."),
    ReviewOverdue: flag("True when the review date has passed and the risk is not closed."),
    Hot: flag("True when the trigger has fired and the risk is not closed: it goes to the meeting."),
    Findings: text(
      "What is missing: no mitigation owner, a mitigation owner who holds no seat or names an empty seat, no trigger, review overdue.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["TriggerState", "Score", "MitigationOwner", "Status", "Findings"],
  identity: {name: "Risk"},
  index: Knowledge.Risks,
});

export const GateSchema = coda.makeObjectSchema({
  description: "A dependency gate: a milestone or key result that waits on another, possibly in another team's doc.",
  properties: {
    Id: id,
    Name: {...text("Upstream → downstream."), required: true},
    Downstream: text("What waits."),
    Upstream: text("What it waits on."),
    UpstreamKind: text("Milestone or Key result."),
    UpstreamStatus: text("The upstream item's status: Done, On track, At risk, Off track, …"),
    UpstreamDue: date("When the upstream item is due."),
    NeededBy: date("When the downstream item needs it."),
    Blocked: flag("True when the upstream item is off track or late for the downstream item."),
    BlockedReason: text("Why the gate is blocked."),
    Cycle: text("The dependency cycle this gate is part of, named in order, or blank."),
    CriticalPath: text("The chain of open items that sets the downstream item's earliest finish."),
    EarliestFinish: date("The earliest the downstream item can finish, given what it waits on."),
    SlackDays: number(
      "Days between the earliest finish and when the downstream item is due or needed; negative when late.",
    ),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Blocked", "BlockedReason", "NeededBy", "CriticalPath", "Cycle"],
  identity: {name: "Gate"},
  index: Knowledge.Dependencies,
});

export const SessionReadinessSchema = coda.makeObjectSchema({
  description: "An executive session's readiness: pre-work and seats before it, outputs and a decision after it.",
  properties: {
    Id: id,
    Name: {...text("The session."), required: true},
    Kind: text("The kind of session, such as Decision."),
    Date: date("When it is held."),
    Upcoming: flag("True when it has not been held yet."),
    PreworkDue: date("When pre-work is due: by default five business days before the session."),
    MissingPrework: text("Pre-work not yet received, each with whom it is expected from."),
    PreworkOverdue: flag("True when pre-work is missing after its due date."),
    UnconfirmedSeats: text(
      "Required seats that have not confirmed, an empty seat marked (empty seat). When the doc keeps a Seats table, blank Required Seats means the seats required in executive sessions, and a holder's name confirms their seats.",
    ),
    MissingOutputs: text("After the session: expected outputs not yet recorded."),
    DecisionsRecorded: number("Decisions in the decision log dated on the session's day."),
    NoDecision: flag("True when a decision session was held and recorded no decision."),
    Ready: flag(
      "True before the session when all pre-work is in and every seat has confirmed; after it, when every output is recorded.",
    ),
    Findings: text("What to chase, in words."),
    Problems: problems,
    Link: link,
  },
  ...card,
  featuredProperties: ["Date", "Ready", "MissingPrework", "UnconfirmedSeats", "MissingOutputs"],
  identity: {name: "SessionReadiness"},
  index: Knowledge.SessionReadiness,
});

export const ExecutiveSessionSchema = coda.makeObjectSchema({
  description:
    "A session of the four-session executive program, with its pre-work, seats, time-boxed agenda and outputs.",
  properties: {
    Id: {...id, description: "The session's number and date."},
    Name: {...text("The session."), required: true},
    Number: number("Its place in the program, 1 to 4."),
    Kind: text("Alignment, Discovery, Decision or Synthesis."),
    Date: date("When it is held."),
    PreworkDue: date("When its pre-work is due: five business days before."),
    Prework: text("The inputs requested before it."),
    RequiredSeats: text("The seats that must attend."),
    Agenda: text("The time-boxed agenda, one item per line, such as 00:00–00:20 Context reset."),
    Minutes: number("Its length in minutes."),
    Outputs: text("What it must produce."),
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  featuredProperties: ["Date", "PreworkDue", "RequiredSeats", "Outputs"],
  identity: {name: "ExecutiveSession"},
});
