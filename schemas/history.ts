import * as coda from "@codahq/packs-sdk";
import {date, flag, id, link, number, percent, PersonSchema, problems, text} from "./common";
import {Knowledge} from "./knowledge";
import {KeyResultReference} from "./okr_sync";

/** The rows of the OKR history sync tables: check-ins due and the cycle's retrospective. */

export const CheckInDueSchema = coda.makeObjectSchema({
  description: "A key result whose owner is due a check-in, or whose row keeps a reminder from reaching its owner.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The key result.", required: true},
    KeyResult: {...KeyResultReference, description: "The key result, as the KeyResults sync table holds it."},
    Owner: {...PersonSchema, description: "The person who checks it in: the one to notify."},
    Team: text("The team that owns its objective."),
    Cycle: text("The OKR cycle of its objective."),
    CadenceDays: number(
      "Days between check-ins, 1 to 90: the row's Cadence column, else the sync's cadence parameter (7 when blank).",
    ),
    LastCheckIn: date("The date of its latest check-in; blank when it has none."),
    DaysSince: number("Days since the latest check-in, or since the cycle began when there is none."),
    NextDue: date("The day the next check-in was due."),
    Due: flag("True when DaysSince has reached CadenceDays: the owner should check in now."),
    Status: text("The key result's status (see KeyResultStatus)."),
    Link: link,
    Problems: problems,
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  linkProperty: "Link",
  subtitleProperties: ["Owner", "DaysSince"],
  featuredProperties: ["Owner", "DaysSince", "LastCheckIn", "CadenceDays", "Due", "Link"],
  identity: {name: "CheckInDue"},
  index: Knowledge.CheckInsDue,
});

export const RetrospectiveSchema = coda.makeObjectSchema({
  description:
    "A key result at its cycle's end: final grade, how confidence moved, weeks without a check-in, review findings, and the team's notes.",
  properties: {
    Id: id,
    Name: {type: coda.ValueType.String, description: "The key result.", required: true},
    KeyResult: {...KeyResultReference, description: "The key result, as the KeyResults sync table holds it."},
    Team: text("The team that owns its objective."),
    Cycle: text("The OKR cycle under review."),
    Owner: {...PersonSchema, description: "The person who checked it in."},
    Progress: percent("Its final progress from start to target, 0 to 1."),
    Grade: text("Green from 0.7, Yellow from 0.4, else Red."),
    Status: text("Its status at the cycle's end (or on asOf while the cycle runs)."),
    Confidence: percent("The owner's confidence at the end, from the key result's Confidence column."),
    LastCheckIn: date("The date of its latest check-in in the cycle; blank when it had none."),
    ConfidencePath: text("The owner's confidence at each check-in, oldest first, such as 0.7 → 0.5 → 0.4."),
    CheckIns: number("How many check-ins it had in the cycle."),
    StaleWeeks: number(
      "Whole weeks of the cycle without a check-in, the first week left out (its check-in is due at its end).",
    ),
    Findings: text(
      "The review's findings: stale, never checked in, low confidence, and once the cycle has closed sandbagging and overreach; or None.",
    ),
    WhatHappened: text("What happened, as the team wrote it in its Retrospective table; blank until they do."),
    WhatWeLearnt: text("What the team learnt, from its Retrospective table; blank until they write it."),
    Closed: flag("True when the cycle had ended by asOf; false while grades are still provisional."),
    Link: link,
    Problems: problems,
  },
  idProperty: "Id",
  displayProperty: "Name",
  titleProperty: "Name",
  linkProperty: "Link",
  subtitleProperties: ["Team", "Grade"],
  featuredProperties: [
    "Owner",
    "Progress",
    "Grade",
    "ConfidencePath",
    "StaleWeeks",
    "Findings",
    "WhatHappened",
    "WhatWeLearnt",
  ],
  identity: {name: "RetrospectiveEntry"},
  index: Knowledge.Retrospective,
});
